"""The ``podcast`` exporter: a Markdown production script (model -> segment plan -> Markdown).

The header names the episode (title; show, episode, air date and host where the options or
the front matter give them), the runtime with the speaking rate it was estimated at, the
cast (mark, role, label, full name, description and affiliation where the transcript gives
them) and the rundown: every segment and ad slot with its start on the programme clock,
its length and its back-time (what is left of the programme when it starts). With
``--cold-open``, a teaser follows. The script: ad slots and production cues in italic
brackets (``*[AD BREAK: MID-ROLL, 1:00]*``, ``*[STING]*``), one ``###`` section per segment,
titled by what it discusses, with its times, and each turn as ``**HOST:** text`` (or the
speaker's own name with ``--names``). Every word of every turn appears once, in order, as a
listener hears it (Markdown escapes and markers of the source decoded, its break markers
turned into the mid-roll), escaped so that it renders as written.

Options used: ``names``, ``cues``, ``show``, ``episode``, ``title``, ``cold_open`` and the
timing options (``wpm``, ``pause``, ``start``, ``duration``).
"""

from __future__ import annotations

from collections.abc import Iterator

from . import ExportOptions, Source, joined
from .markdown import escape, escape_inline
from .script import Block, Cue, Line, Plan, Row, Slot, build_plan, clock, rate_note

_NONE = "–"


def pieces(transcript: Source, options: ExportOptions) -> Iterator[str]:
    """The script in pieces, a paragraph at a time (the plan is made first: the header's
    rundown needs every segment's times)."""
    yield from joined(_paragraphs(build_plan(transcript, options)), "\n\n")
    yield "\n"


def _paragraphs(plan: Plan) -> Iterator[str]:
    yield f"# {escape(plan.title)}"
    about = _about(plan)
    if about:
        yield about
    yield (
        f"Production script. {escape(rate_note(plan))} "
        f"With the ad slots the programme runs {clock(plan.total)}."
    )
    yield from _cast_table(plan)
    yield from _rundown(plan)
    if plan.cold_open is not None:
        yield "## Cold open"
        yield f"*Teaser, from {clock(plan.cold_open.start)} in the conversation.*"
        yield from _speech(plan.cold_open.lines[0])
    yield "## Script"
    rows = {row.item: row for row in plan.rundown}
    for item in plan.items:
        if isinstance(item, Cue | Slot):
            # Brackets stay literal: speech escapes every "[", so no link definition can exist.
            yield f"*[{item.text}]*"
        else:
            yield from _block(item, rows.get(f"{item.number}. {item.heading}"))


def _about(plan: Plan) -> str:
    """Show, episode, air date and host, those that are known, on one line."""
    hosts = ", ".join(plan.hosts) if plan.hosts else None
    facts = (
        ("Show", plan.show),
        ("Episode", plan.episode),
        ("Air date", plan.air_date),
        ("Host" if len(plan.hosts) < 2 else "Hosts", hosts),
    )
    return " · ".join(f"**{name}:** {escape_inline(value)}" for name, value in facts if value)


def _rundown(plan: Plan) -> list[str]:
    rows = ["| Item | Starts | Runs | Back-time |", "|---|---|---|---|"]
    for row in plan.rundown:
        cells = (_cell(row.item), clock(row.start), clock(row.length), clock(row.back))
        rows.append("| " + " | ".join(cells) + " |")
    return ["## Rundown", "\n".join(rows)]


def _cast_table(plan: Plan) -> list[str]:
    rows = [
        "| Mark | Role | Label | Name | Description | Affiliation |",
        "|---|---|---|---|---|---|",
    ]
    for entry in plan.cast:
        s = entry.speaker
        cells = (entry.mark, s.role.value, s.label, s.name, s.description, s.affiliation)
        rows.append("| " + " | ".join(_cell(c) for c in cells) + " |")
    return ["## Cast", "\n".join(rows)]


def _cell(value: str | None) -> str:
    return escape_inline(" ".join(value.split())).replace("|", "\\|") if value else _NONE


def _block(block: Block, row: Row | None) -> list[str]:
    out = []
    if block.number is not None:
        # A trailing "#" would read as the heading's closing sequence.
        title = escape_inline(block.heading or "").replace("#", "\\#")
        out.append(f"### {block.number}. {title}")
        if row is not None:
            out.append(
                f"*Starts {clock(row.start)}, runs {clock(row.length)}, "
                f"back-time {clock(row.back)}.*"
            )
    for line in block.lines:
        out.extend(_speech(line))
    return out


def _speech(line: Line) -> list[str]:
    """The turn's paragraphs as shown, the first one led by the speaker's mark in bold."""
    lead = f"**{escape_inline(line.who)}:**"
    first, *rest = line.shown or ("",)
    # Only the first paragraph follows the mark; the others start a line and need escape().
    return [f"{lead} {escape_inline(first)}".rstrip(), *(escape(p) for p in rest)]
