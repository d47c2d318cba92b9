"""The ``fountain`` exporter: the podcast script as a Fountain screenplay (plan -> Fountain).

Fountain (https://fountain.io) is the plain-text screenplay format that screenwriting tools
open and render to PDF. This renders the same segment plan as the ``podcast`` script: a
title page (title, credit, runtime and cast in the notes), cues as forced transitions
(``> MUSIC UP, THEN UNDER``), each segment as a forced scene heading with its times in a
note (``[[...]]``, which tools show but do not print), and every turn as one dialogue under a
character cue in capitals. Paragraphs inside a turn are kept apart by a line of two spaces,
Fountain's way to keep a blank line inside dialogue.

Speech is escaped so that it reads back as exactly the words spoken: a backslash escapes
``*`` and ``_`` (which Fountain reads as emphasis, and ``/*`` as a boneyard), ``[`` (``[[``
opens a note) and the backslash itself.

Options used: the same as ``podcast``.
"""

from __future__ import annotations

import re

from ..model import Transcript
from . import ExportOptions
from .script import Block, Cue, Plan, build_plan, clock, describe, paragraphs, rate_note

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


def render(transcript: Transcript, options: ExportOptions) -> str:
    plan = build_plan(transcript, options)
    out = [_title_page(plan)]
    for item in plan.items:
        if isinstance(item, Cue):
            out.append(f"> {item.text}")
        else:
            out.extend(_block(item))
    return "\n\n".join(out) + "\n"


def _title_page(plan: Plan) -> str:
    notes = [rate_note(plan), "Cast:"]
    notes.extend(f"{entry.mark}: {describe(entry.speaker)}" for entry in plan.cast)
    lines = [
        f"Title: {_one_line(plan.title)}",
        "Credit: Podcast production script",
        "Notes:",
        *(f"   {_one_line(note)}" for note in notes),
    ]
    return "\n".join(lines)


def _one_line(text: str) -> str:
    return escape(" ".join(text.split()))


def _block(block: Block) -> list[str]:
    out = []
    if block.number is not None:
        words = " ".join(_HEADING_FORBIDDEN.sub(" ", block.heading or "").split())
        out.append(f".SEGMENT {block.number}: {words.upper()}".rstrip())
        out.append(f"[[Starts {clock(block.start)}, runs {clock(block.end - block.start)}.]]")
    for line in block.lines:
        speech = [escape(p) for p in paragraphs(line.turn.text)]
        body = f"\n{_DIALOGUE_BLANK}\n".join(speech) if speech else _DIALOGUE_BLANK
        out.append(f"{character(line.who)}\n{body}")
    return out
