"""Rules of the style family (IP6xx): whitespace and line ends. ``interview-parser fmt`` fixes all.

The canonical layout: no trailing blanks, one kind of line end and a final one, a label at
the start of its line with one space after its colon, one blank line (never more) between
paragraphs and sections, and turns either all on consecutive lines or all separated by one
blank line, as most of them already are (see ``checks/layout.py``).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator

from ..resolve.text import BLANKS
from .context import Context
from .labels import label_span
from .layout import convention, is_blank, separated_boundaries
from .problem import Finding, Severity
from .rule import Rule

_LINE_END = re.compile(r"\r\n|\r|\n")
_END_NAMES = {"\r\n": "CRLF", "\r": "CR", "\n": "LF"}


def trailing_whitespace(context: Context) -> Iterator[Finding]:
    """Blanks at the end of a line.

    Fails::

        Host: Welcome to the programme.\\x20\\x20
        Guest: Thank you.

    Passes::

        Host: Welcome to the programme.
        Guest: Thank you.
    """
    for number, line in enumerate(context.lines, start=1):
        kept = line.rstrip(BLANKS)
        if len(kept) != len(line):
            yield Finding(number, len(kept) + 1, "trailing whitespace")


def mixed_line_endings(context: Context) -> Iterator[Finding]:
    """Lines ending in different ways (LF, CRLF, CR) in one file.

    Reported once, at the first line whose end differs from most lines' end.

    Fails::

        Host: Welcome to the programme.\\r\\n
        Guest: Thank you.\\n
        Host: Shall we start?\\n

    Passes::

        Host: Welcome to the programme.\\n
        Guest: Thank you.\\n
        Host: Shall we start?\\n

    (``\\r\\n`` and ``\\n`` stand for the line ends themselves.)
    """
    if context.source is None or context.source.newline != "mixed" or context.raw is None:
        return
    ends = [(m.start(), m.group()) for m in _LINE_END.finditer(context.raw)]
    counts = Counter(end for _, end in ends)
    usual = counts.most_common(1)[0][0]
    for number, (offset, end) in enumerate(ends, start=1):
        if end != usual:
            start = max(context.raw.rfind("\n", 0, offset), context.raw.rfind("\r", 0, offset))
            column = offset - start
            others = ", ".join(f"{n} {_END_NAMES[e]}" for e, n in counts.most_common())
            yield Finding(
                number,
                column,
                f"mixed line endings ({others}): this line ends with {_END_NAMES[end]}",
            )
            return


def missing_final_newline(context: Context) -> Iterator[Finding]:
    """The last line has no line end.

    Fails::

        Host: Welcome to the programme.
        Guest: Thank you.<no line end>

    Passes::

        Host: Welcome to the programme.
        Guest: Thank you.
    """
    source = context.source
    if source is None or not source.text or source.final_newline:
        return
    last = context.lines[-1]
    yield Finding(len(context.lines), len(last) + 1, "no line end at the end of the file")


def blank_lines(context: Context) -> Iterator[Finding]:
    """Blank lines used two ways: more than one in a row, or turns separated unevenly.

    One blank line separates paragraphs. Turns either follow each other directly or are
    each separated by one blank line: whichever most turns in the file do, all should do.
    Blank lines at the start or end of the file are reported too.

    Fails::

        Host: Welcome to the programme.

        Guest: Thank you.


        It is good to be here.
        Host: Shall we start?

    Passes::

        Host: Welcome to the programme.

        Guest: Thank you.

        It is good to be here.

        Host: Shall we start?
    """
    lines = context.lines
    for number, line in enumerate(lines, start=1):
        if not is_blank(line):
            continue
        if number == 1:
            yield Finding(number, 1, "blank line at the start of the file")
        elif number == len(lines):
            yield Finding(number, 1, "blank line at the end of the file")
        elif is_blank(lines[number - 2]):
            yield Finding(number, 1, "more than one blank line")
    transcript = context.transcript
    if transcript is None or not context.labelled:
        return
    boundaries = separated_boundaries(transcript, lines)
    wanted = convention(boundaries)
    for turn, separated in zip(transcript.turns[1:], boundaries, strict=True):
        if separated and not wanted:
            yield Finding(
                turn.line - 1, 1, "blank line between turns (most turns here follow directly)"
            )
        elif wanted and not separated:
            yield Finding(turn.line, 1, "no blank line before this turn (most turns here have one)")


def label_spacing(context: Context) -> Iterator[Finding]:
    """A label that is indented, has extra blanks inside, or not one space after its colon.

    Fails::

        Host:    Welcome to the programme.
          Guest: Thank you.

    Passes::

        Host: Welcome to the programme.
        Guest: Thank you.
    """
    transcript = context.transcript
    assert transcript is not None
    if not context.labelled:
        return
    for turn in transcript.turns:
        line = context.lines[turn.line - 1]
        span = label_span(line, turn)
        if span is None:
            continue
        if span.start:
            yield Finding(turn.line, 1, f"label {turn.label!r} is indented")
        elif line[span.start : span.colon] != turn.label:
            yield Finding(turn.line, turn.column, f"blanks inside label {turn.label!r}")
        elif span.text < len(line) and line[span.colon + 1 : span.text] != " ":
            yield Finding(turn.line, span.colon + 2, "one space after a label's colon")


RULES = (
    Rule(
        "IP601",
        "trailing-whitespace",
        Severity.warning,
        trailing_whitespace,
        fixable=True,
        needs_transcript=False,
    ),
    Rule(
        "IP602",
        "mixed-line-endings",
        Severity.warning,
        mixed_line_endings,
        fixable=True,
        needs_transcript=False,
    ),
    Rule(
        "IP603",
        "missing-final-newline",
        Severity.warning,
        missing_final_newline,
        fixable=True,
        needs_transcript=False,
    ),
    Rule(
        "IP604", "blank-lines", Severity.warning, blank_lines, fixable=True, needs_transcript=False
    ),
    Rule("IP605", "label-spacing", Severity.warning, label_spacing, fixable=True),
)
