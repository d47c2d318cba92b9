"""Numbers alone on their lines that count up: cue numbers and page numbers, not speech.

Subtitles exported to text keep each cue's number on a line above its words ("12" over
"KAI: Every morning?"), and a transcript pasted from a PDF keeps its page numbers between
paragraphs. Such numbers count up by one through the file, which speech alone on a line
never does for long. :func:`number_layer` takes them out as skipped spans ("cue number" when
words follow right below, "page number" otherwise), and maps the lines that are left back to
the source, so that the label conventions read the turns between them (a layer of
:mod:`.layers`, which imports this module when it applies its layers).
"""

from __future__ import annotations

import re
from itertools import pairwise

from ..syntax import Span
from .layers import Layered

# A number alone on its line: up to five digits, blanks around them.
_NUMBER_LINE = re.compile(r"^[^\S\n]*(\d{1,5})[^\S\n]*$", re.M)
# Numbers in the head of a text that make a count: at least this many...
MIN_COUNT = 3
# ...and this share of the number lines there continue the count (one more than the last).
COUNT_SHARE = 0.8
HEAD_CHARS = 20_000


def counts_up(text: str) -> bool:
    """Whether the number lines of the text's head count up by one (a cheap test first)."""
    head = text[:HEAD_CHARS]
    if "-->" in head:
        return False  # captions: their own grammar reads cue numbers with the timings
    values = [int(m.group(1)) for m in _NUMBER_LINE.finditer(head)]
    if len(values) < MIN_COUNT:
        return False
    steps = sum(1 for a, b in pairwise(values) if b == a + 1)
    return steps + 1 >= MIN_COUNT and steps >= COUNT_SHARE * (len(values) - 1)


def number_layer(text: str) -> Layered | None:
    """Take out the number lines that count up by one, if the text's head shows such a
    count; a number that breaks the count stays (it may be said)."""
    if not counts_up(text):
        return None
    lines = text.split("\n")
    out: list[str] = []
    line_map: list[int] = []
    skipped: list[Span] = []
    last: int | None = None
    for number, line in enumerate(lines, start=1):
        found = _NUMBER_LINE.fullmatch(line)
        value = int(found.group(1)) if found else None
        if value is not None and (last is None or value == last + 1):
            below = lines[number] if number < len(lines) else ""
            kind = "cue number" if below.strip() else "page number"
            skipped.append(Span(kind, line.strip(), number, number))
            last = value
            continue
        out.append(line)
        line_map.append(number)
    if not out:
        return None
    return Layered("numbers", "\n".join(out), line_map, skipped)
