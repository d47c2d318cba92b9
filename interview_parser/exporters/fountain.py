"""The ``fountain`` exporter: the podcast script as a Fountain screenplay (plan -> Fountain).

Fountain (https://fountain.io) is the plain-text screenplay format that screenwriting tools
open and render to PDF. This renders the same segment plan as the ``podcast`` script: a
title page (title; show and episode, the guests and the runtime as the source; the hosts as
authors; the air date as the draft date; the cast in the notes), ad slots and cues as
forced transitions (``> AD BREAK: MID-ROLL, 1:00``, ``> STING``), each segment as a forced
scene heading with its start, length and back-time as a centred line (printed: tools hide
``[[notes]]``), and every turn as one dialogue under a character cue in capitals.
Paragraphs inside a turn are kept apart by a line of two spaces, Fountain's way to keep a
blank line inside dialogue.

Speech is escaped so that it reads back as exactly the words spoken: a backslash escapes
``*`` and ``_`` (which Fountain reads as emphasis, and ``/*`` as a boneyard), ``[`` (``[[``
opens a note) and the backslash itself.

Options used: the same as ``podcast``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..model import Role
from . import ExportOptions, Source, joined
from .script import Block, Cue, Line, Plan, Row, Slot, build_plan, clock, describe, rate_note

_SPECIAL = re.compile(r"[\\*_\[]")
_DIALOGUE_BLANK = "  "  # two spaces: a blank line that does not end the dialogue
_CUE_FORBIDDEN = re.compile(r"[()^*_\[\]\\/]")  # extensions, dual dialogue, emphasis, notes
_HEADING_FORBIDDEN = re.compile(r"[#*_\[\]\\/]")  # scene numbers, emphasis, notes, boneyard
_FORCE_CHARACTER_IF = tuple("!@#.=>~")  # first characters that mean something else


def escape(text: str) -> str:
    """Speech as Fountain text that reads back as exactly these characters."""
    return _SPECIAL.sub(r"\\\g<0>", text)


def character(mark: str) -> str:
    """A character cue for ``mark``: capitals, forced with ``@`` when it would not read as one."""
    cue = " ".join(_CUE_FORBIDDEN.sub(" ", mark).split()).upper() or "VOICE"
    if not cue.isupper() or cue.startswith(_FORCE_CHARACTER_IF):
        return "@" + cue
    return cue


def pieces(transcript: Source, options: ExportOptions) -> Iterator[str]:
    """The screenplay in pieces, an element at a time (from the plan, made first)."""
    yield from joined(_elements(build_plan(transcript, options)), "\n\n")
    yield "\n"


def _elements(plan: Plan) -> Iterator[str]:
    yield _title_page(plan)
    if plan.cold_open is not None:
        yield ".COLD OPEN"
        yield from (_speech(line) for line in plan.cold_open.lines)
    rows = {row.item: row for row in plan.rundown}
    for item in plan.items:
        if isinstance(item, Cue | Slot):
            yield f"> {item.text}"
        else:
            yield from _block(item, rows.get(f"{item.number}. {item.heading}"))


def _title_page(plan: Plan) -> str:
    """Title, show and episode; the credits (host, guests); the runtime, all printed on the
    page; the air date as the draft date; the cast described in the notes."""
    show = " · ".join(
        x for x in (plan.show, f"Episode {plan.episode}" if plan.episode else None) if x
    )
    guests = [
        e.speaker.name or e.speaker.label
        for e in plan.cast
        if e.speaker.role is Role.interviewee and (e.speaker.name or e.speaker.label)
    ]
    estimated = " (estimated)" if plan.estimated else ""
    source = [  # short lines: a wrapped line pushes screenplain's title page onto two pages
        show,
        f"With {_and(guests)}" if guests else "",
        f"Runtime {clock(plan.runtime)}{estimated}, {clock(plan.total)} with ads",
    ]
    notes = [rate_note(plan), "Cast:"]
    notes.extend(f"{entry.mark}: {describe(entry.speaker)}" for entry in plan.cast)
    lines = [f"Title: {_one_line(plan.title)}", "Credit: Podcast production script"]
    if plan.hosts:
        key = "Author" if len(plan.hosts) == 1 else "Authors"
        lines.append(f"{key}: Hosted by {_one_line(_and(list(plan.hosts)))}")
    lines.append("Source:")
    lines.extend(f"   {_one_line(x)}" for x in source if x)
    if plan.air_date:
        lines.append(f"Draft date: {_one_line(plan.air_date)}")
    lines.append("Notes:")
    lines.extend(f"   {_one_line(note)}" for note in notes)
    return "\n".join(lines)


def _and(names: list[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def _one_line(text: str) -> str:
    return escape(" ".join(text.split()))


def _block(block: Block, row: Row | None) -> list[str]:
    out = []
    if block.number is not None:
        words = " ".join(_HEADING_FORBIDDEN.sub(" ", block.heading or "").split())
        out.append(f".SEGMENT {block.number}: {words.upper()}".rstrip())
        if row is not None:  # centred action: printed, unlike a [[note]]
            out.append(
                f"> Starts {clock(row.start)}, runs {clock(row.length)}, "
                f"back-time {clock(row.back)} <"
            )
    out.extend(_speech(line) for line in block.lines)
    return out


def _speech(line: Line) -> str:
    speech = [escape(p) for p in line.shown]
    body = f"\n{_DIALOGUE_BLANK}\n".join(speech) if speech else _DIALOGUE_BLANK
    return f"{character(line.who)}\n{body}"
