"""Numbers alone on their lines that count up: cue numbers and page numbers, not speech.

Subtitles exported to text keep each cue's number on a line above its words ("12" over
"KAI: Every morning?"), and a transcript pasted from a PDF keeps its page numbers between
paragraphs, alone or in a running header or footer ("Oral History Project    Page 2 of 5").
Such numbers count up by one through the file, which speech alone on a line never does for
long. :func:`number_layer` takes them out as skipped spans ("cue number" when words follow
right below, "page number" otherwise, "page header" for a header or footer line that names
its page and repeats but for the number), and maps the lines that are left back to the
source, so that the label conventions read the turns between them (a layer of
:mod:`.layers`, which imports this module when it applies its layers).
"""

from __future__ import annotations

import functools
import re
from itertools import pairwise

from ..syntax import Span
from .layers import Layered

# A number alone on its line: up to five digits, blanks around them.
_NUMBER_LINE = re.compile(r"^[^\S\n]*(\d{1,5})[^\S\n]*$", re.M)
_DIGITS = re.compile(r"\d+")
# The words that name a page (lower case), as the corpus's languages write them.
_PAGE_WORDS = ("page", "pg.", "seite", "página", "pagina", "pág.")


@functools.cache
def _page_line() -> re.Pattern[str]:
    """A line of a running header or footer that names its page: "Page 2 of 5", "Seite 2",
    "Página 2", at most 160 characters around it (its other words repeat on every page).
    Compiled when a text names a page (one of ``_PAGE_WORDS``)."""
    words = "|".join(map(re.escape, _PAGE_WORDS))
    return re.compile(
        rf"^[^\n]{{0,160}}?\b(?:{words})[^\S\n]*(\d{{1,5}})\b[^\n]{{0,40}}$", re.M | re.I
    )


# Numbers in the head of a text that make a count: at least this many...
MIN_COUNT = 3
# ...and this share of the number lines there continue the count (one more than the last).
COUNT_SHARE = 0.8
HEAD_CHARS = 20_000


def _counting(values: list[int]) -> bool:
    """Whether these numbers, in order, count up by one (nearly all of them)."""
    if len(values) < MIN_COUNT:
        return False
    steps = sum(1 for a, b in pairwise(values) if b == a + 1)
    return steps + 1 >= MIN_COUNT and steps >= COUNT_SHARE * (len(values) - 1)


def _template(line: str) -> str:
    """A page line with its numbers and blanks made alike: what repeats on every page."""
    return " ".join(_DIGITS.sub("#", line).split())


def _page_template(head: str) -> str | None:
    """The running header or footer of the text's head whose page numbers count up, if any
    (a cheap test first: most texts name no page)."""
    lowered = head.lower()
    if not any(w in lowered for w in _PAGE_WORDS):
        return None
    lines: dict[str, list[int]] = {}
    for found in _page_line().finditer(head):
        lines.setdefault(_template(found.group()), []).append(int(found.group(1)))
    counted = [t for t, values in lines.items() if _counting(values)]
    return max(counted, key=lambda t: len(lines[t])) if counted else None


def number_layer(text: str) -> Layered | None:
    """Take out the number lines that count up by one, and the lines of a running header or
    footer whose page numbers do, if the text's head shows such a count; a number that
    breaks the count stays (it may be said)."""
    head = text[:HEAD_CHARS]
    if "-->" in head:
        return None  # captions: their own grammar reads cue numbers with the timings
    numbers = _counting([int(m.group(1)) for m in _NUMBER_LINE.finditer(head)])
    page = _page_template(head)
    if not numbers and page is None:
        return None
    lines = text.split("\n")
    out: list[str] = []
    line_map: list[int] = []
    skipped: list[Span] = []
    last: int | None = None
    last_page: int | None = None
    for number, line in enumerate(lines, start=1):
        found = _NUMBER_LINE.fullmatch(line) if numbers else None
        value = int(found.group(1)) if found else None
        if value is not None and (last is None or value == last + 1):
            below = lines[number] if number < len(lines) else ""
            kind = "cue number" if below.strip() else "page number"
            skipped.append(Span(kind, line.strip(), number, number))
            last = value
            continue
        paged = _page_line().fullmatch(line) if page is not None else None
        if paged is not None and _template(line) == page:
            value = int(paged.group(1))
            if last_page is None or value == last_page + 1:
                skipped.append(Span("page header", line.strip(), number, number))
                last_page = value
                continue
        out.append(line)
        line_map.append(number)
    if not out:
        return None
    return Layered("numbers", "\n".join(out), line_map, skipped)
