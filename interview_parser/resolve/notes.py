"""Stage notes and comments inside blocks of text, with their source positions.

The patterns are the ``STAGE_NOTE`` and ``COMMENT`` terminals of ``grammars/notes.lark``
(the grammar stays the single source of truth), compiled once, when first needed. Stage
notes stay in the text and are listed; comments (``<!-- ... -->``) are the writer's, not
the speaker's: they leave the text and become skipped spans.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable

from ..clock import clock_pattern, parse_clock
from ..grammar import get_parser
from ..model import StageNote
from ..syntax import RawBlock, Span

_NON_BLANK = re.compile(r"\S")


@functools.cache
def _pattern(terminal_name: str) -> re.Pattern[str]:
    terminal = get_parser("notes").get_terminal(terminal_name)
    flags = re.IGNORECASE if "i" in terminal.pattern.flags else 0
    return re.compile(terminal.pattern.value, flags)


class _Positions:
    """Source line and column of offsets inside a block's text, asked in increasing order:
    each call counts the line ends since the previous one (a turn with thousands of notes
    must not recount from its start each time)."""

    def __init__(self, block: RawBlock) -> None:
        self.block = block
        self.offset = 0
        self.lines = 0  # line ends before self.offset
        self.line_start = -1  # offset of the last line end before self.offset, or -1

    def at(self, offset: int) -> tuple[int, int]:
        text = self.block.text
        if offset < self.offset:  # not in order: start again (never happens in this module)
            self.offset, self.lines, self.line_start = 0, 0, -1
        self.lines += text.count("\n", self.offset, offset)
        last = text.rfind("\n", self.offset, offset)
        if last >= 0:
            self.line_start = last
        self.offset = offset
        if self.lines:
            return self.block.text_line + self.lines, offset - self.line_start
        return self.block.text_line, self.block.text_column + offset


def find_notes(block: RawBlock) -> list[StageNote]:
    """The stage notes in a block's text, positioned in the source."""
    notes: list[StageNote] = []
    if "[" not in block.text and "(" not in block.text:
        return notes
    positions = _Positions(block)
    for match in _pattern("STAGE_NOTE").finditer(block.text):
        line, column = positions.at(match.start())
        notes.append(StageNote(text=match.group(0), line=line, column=column))
    return notes


def strip_comments(block: RawBlock) -> tuple[str, list[Span]]:
    """The block's text without its comments, and the comments as skipped spans.

    A comment alone on its lines takes those lines with it (no blank line is left in the
    middle of a paragraph); one inside a line leaves a space.
    """
    text = block.text
    if "<!--" not in text:
        return text, []
    spans: list[Span] = []
    pieces: list[str] = []
    kept = 0
    positions = _Positions(block)
    next_end = -1  # the line end at or after the current comment's end
    first_word = (-1, -1)  # (line start, its first non-blank offset), for the current line
    # No comment ends after the last "-->": searching past it would scan the rest of the text
    # once for every unclosed "<!--" there.
    for match in _pattern("COMMENT").finditer(text, 0, text.rfind("-->") + 3):
        start, end = match.start(), match.end()
        line, _ = positions.at(start)
        spans.append(Span("comment", match.group(0), line, line + match.group(0).count("\n")))
        line_start = positions.line_start + 1
        if next_end < end:  # one search a line, not one a comment (a long line has many)
            next_end = text.find("\n", end)
            next_end = len(text) if next_end < 0 else next_end
        line_end = min(next_end + 1, len(text))
        if first_word[0] != line_start:  # where the comment's line has its first non-blank
            found = _NON_BLANK.search(text, line_start)
            first_word = (line_start, found.start() if found else len(text))
        after = _NON_BLANK.search(text, end, line_end)
        alone = first_word[1] >= start and after is None
        if alone and line_start >= kept:
            pieces.append(text[kept:line_start])
            kept = line_end
        else:
            # Keep words apart, without doubling a blank that is already there.
            gap = "" if text[start - 1 : start].isspace() or text[end : end + 1].isspace() else " "
            pieces.append(text[kept:start] + gap)
            kept = end
    pieces.append(text[kept:])
    return "".join(pieces), spans


# Times that mark where a turn's paragraphs and lines fall in the recording, not words: a
# time alone on its line (a meeting export writes "00:05:00" every few minutes), one at the
# start of a line ("[00:01:10] And then ..."), one ending a line ("... a day. [00:00:12]").
# Bare (unbracketed), a time at a line's start must open a paragraph and be followed by no
# lower-case word, and one at a line's end must follow the end of a sentence: "we met at
# 10:30 and left" keeps its time wherever the line breaks fall.
_BLANK = r"[^\S\n]"
_SENTENCE_END = r"[.?!…\"”’)]"


@functools.cache
def _time_marks() -> re.Pattern[str]:
    clock = clock_pattern()
    bracketed = rf"\[{clock}\]|\({clock}\)"
    return re.compile(
        rf"^{_BLANK}*(?P<alone>{bracketed}|{clock}){_BLANK}*(?:\n|\Z)"
        rf"|^{_BLANK}*(?P<opens>{bracketed}){_BLANK}+(?=\S)"
        rf"|^{_BLANK}*(?P<opens_bare>{clock}){_BLANK}+(?=\S)"
        rf"|(?<=\S){_BLANK}+(?P<ends>{bracketed}){_BLANK}*$"
        rf"|(?<={_SENTENCE_END}){_BLANK}+(?P<ends_bare>{clock}){_BLANK}*$",
        re.M,
    )


@functools.cache
def _clock() -> re.Pattern[str]:
    return re.compile(clock_pattern())


def time_shape(clock: str) -> str:
    """A time's notation, its digits left out: "00:01:20" and "[01:02:03]" are "9:9:9"."""
    return re.sub(r"\d+", "9", clock.strip("[]() \t"))


def _mark_clock(text: str, match: re.Match[str]) -> tuple[str, str] | None:
    """The kind of place and the time of a match of :func:`_time_marks`, or None when a
    bare time at a line's start does not open a paragraph or a lower-case word follows it
    (a sentence that goes on: "10:30 was too early")."""
    kind = match.lastgroup or ""
    if kind == "opens_bare":
        if text[match.end() : match.end() + 1].islower():
            return None
        line_start = match.start()
        above = text.rfind("\n", 0, max(line_start - 1, 0))
        if line_start and text[above + 1 : line_start].strip():
            return None  # the line above has words: the paragraph goes on
    return kind, match.group(kind)


# A notation of time is a layout's own when it recurs in the labels and the places above.
MIN_TIME_MARKS = 3


def time_shapes(blocks: Iterable[tuple[str, str | None]], limit: int = 30_000) -> frozenset[str]:
    """The time notations a text's layout uses: those seen, in its first ``limit``
    characters, at least :data:`MIN_TIME_MARKS` times beside labels (``label``) or in the
    places of a time mark inside the text; empty for prose that mentions a time or two."""
    counts: dict[str, int] = {}
    seen = 0
    for text, label in blocks:
        if label and ":" in label:
            found = _clock().search(label)
            if found:
                shape = time_shape(found.group(0))
                counts[shape] = counts.get(shape, 0) + 1
        if ":" in text:
            for match in _time_marks().finditer(text):
                mark = _mark_clock(text, match)
                if mark is not None:
                    shape = time_shape(mark[1])
                    counts[shape] = counts.get(shape, 0) + 1
        seen += len(text)
        if seen > limit:
            break
    return frozenset(shape for shape, count in counts.items() if count >= MIN_TIME_MARKS)


def strip_times(
    block: RawBlock, text: str, shapes: frozenset[str]
) -> tuple[str, list[Span], float | None]:
    """The text without the time marks of the layout's notations (``shapes``), the marks as
    skipped spans, and the time that opens the text (before any word), if one does.

    A time alone on its lines takes its line with it; one at a line's start or end, the
    blanks that part it from the words.
    """
    if not shapes or ":" not in text:
        return text, [], None
    spans: list[Span] = []
    pieces: list[str] = []
    kept = 0
    opening: float | None = None
    positions = _Positions(block)
    for match in _time_marks().finditer(text):
        mark = _mark_clock(text, match)
        if mark is None or time_shape(mark[1]) not in shapes:
            continue
        kind, clock = mark
        start, end = match.start(), match.end()
        line, _ = positions.at(match.start(kind))
        spans.append(Span("time", clock, line, line))
        if not text[:start].strip():
            opening = parse_clock(clock.strip("[]()"))
        if kind.startswith("ends"):
            end = match.end(kind)  # the line end stays
        pieces.append(text[kept:start])
        kept = end
    if not spans:
        return text, [], None
    pieces.append(text[kept:])
    return "".join(pieces), spans, opening
