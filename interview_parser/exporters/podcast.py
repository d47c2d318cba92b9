"""The ``podcast`` exporter: a Markdown production script (model -> segment plan -> Markdown).

The header names the episode, the cast (mark, role, label, full name, description and
affiliation where the transcript gives them) and the runtime with the speaking rate it was
estimated at. The script follows: production cues in italic brackets (``*[STING]*``), one
``###`` section per question-answer pair headed by a few words of the question and its start
time and length, and each turn as ``**HOST:** text`` (or the speaker's own name with
``--names``). Every word of every turn appears once, in order, escaped so that it renders
as written.

Options used: ``names``, ``cues``, and the timing options (``wpm``, ``pause``, ``start``,
``duration``) through :func:`interview_parser.timing.timeline`.
"""

from __future__ import annotations

from ..model import Transcript
from . import ExportOptions
from .markdown import escape, escape_inline
from .script import Block, Cue, Line, Plan, build_plan, clock, paragraphs, rate_note

_NONE = "–"


def render(transcript: Transcript, options: ExportOptions) -> str:
    plan = build_plan(transcript, options)
    out = [f"# {escape(plan.title)}", f"Production script. {escape(rate_note(plan))}"]
    out.extend(_cast_table(plan))
    out.append("## Script")
    for item in plan.items:
        if isinstance(item, Cue):
            # Brackets stay literal: speech escapes every "[", so no link definition can exist.
            out.append(f"*[{item.text}]*")
        else:
            out.extend(_block(item))
    return "\n\n".join(out) + "\n"


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
    return escape_inline(" ".join(value.split())) if value else _NONE


def _block(block: Block) -> list[str]:
    out = []
    if block.number is not None:
        # A trailing "#" would read as the heading's closing sequence.
        title = escape_inline(block.heading or "").replace("#", "\\#")
        out.append(f"### {block.number}. {title}")
        out.append(f"*Starts {clock(block.start)}, runs {clock(block.end - block.start)}.*")
    for line in block.lines:
        out.extend(_speech(line))
    return out


def _speech(line: Line) -> list[str]:
    """The turn's paragraphs, the first one led by the speaker's mark in bold."""
    lead = f"**{escape_inline(line.who)}:**"
    first, *rest = paragraphs(line.turn.text) or [""]
    # Only the first paragraph follows the mark; the others start a line and need escape().
    return [f"{lead} {escape_inline(first)}".rstrip(), *(escape(p) for p in rest)]
