"""Stage notes and comments inside blocks of text, with their source positions.

The patterns are the ``STAGE_NOTE`` and ``COMMENT`` terminals of ``grammars/notes.lark``
(the grammar stays the single source of truth), compiled once, when first needed. Stage
notes stay in the text and are listed; comments (``<!-- ... -->``) are the writer's, not
the speaker's: they leave the text and become skipped spans.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Iterable, Iterator

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
_SENTENCE_END = '.?!…"”’)'
_BRACKETS = {"[": "]", "(": ")"}


@functools.cache
def _clock() -> re.Pattern[str]:
    return re.compile(clock_pattern())


def time_shape(clock: str) -> str:
    """A time's notation, its digits left out: "00:01:20" and "[01:02:03]" are "9:9:9"."""
    return re.sub(r"\d+", "9", clock.strip("[]() \t"))


def _blank(text: str) -> bool:
    return not text or text.isspace()


def _time_marks(text: str) -> Iterator[tuple[str, int, int]]:
    """The time marks of a block's text: each time as written (brackets included) and the
    part of the text it takes out: the whole line for a time alone on it, the time and the
    blanks that part it from the words for one at a line's start or end. One scan for
    clock times (rare in speech), then a look at each one's line: only at the blanks beside
    the time and at the line's ends, found once a line, so that a long line of many times
    costs what its length does."""
    line_start, line_end = 0, -1  # the line of the last time looked at
    for match in _clock().finditer(text):
        start, end = match.start(), match.end()
        opening = text[start - 1 : start]
        bracketed = opening in _BRACKETS and text[end : end + 1] == _BRACKETS[opening]
        if bracketed:
            start, end = start - 1, end + 1
        elif opening.isdigit() or text[end : end + 1].isdigit():
            continue  # part of a longer number
        if start > line_end:  # (a new line: its ends found once)
            line_start = text.rfind("\n", 0, start) + 1
            line_end = text.find("\n", end)
            line_end = len(text) if line_end < 0 else line_end
        said = start  # where the words before the time end (the blanks before it skipped)
        while said > line_start and text[said - 1].isspace():
            said -= 1
        words = end  # where the words after it start
        while words < line_end and text[words].isspace():
            words += 1
        clock = text[start:end]
        if said == line_start and words == line_end:
            yield clock, line_start, min(line_end + 1, len(text))
        elif said == line_start:
            if words == end:
                continue  # "10:30am", "[00:01]Text": not a mark apart from the words
            if not bracketed:
                if text[words : words + 1].islower():
                    continue  # "10:30 was too early": the sentence goes on
                above = text.rfind("\n", 0, max(line_start - 1, 0))
                if line_start and not _blank(text[above + 1 : line_start - 1]):
                    continue  # the line above has words: a paragraph that goes on
            yield clock, line_start, words
        elif words == line_end:
            if said == start:
                continue  # touches the word before it
            if not bracketed and text[said - 1] not in _SENTENCE_END:
                continue  # "we met at 10:30": the time is said
            yield clock, said, end


# A notation of time is a layout's own when it recurs in the labels and the places above.
MIN_TIME_MARKS = 3


def time_shapes(blocks: Iterable[tuple[str, str | None]], limit: int = 30_000) -> frozenset[str]:
    """The time notations a text's layout uses: those seen, in its first ``limit``
    characters, at least :data:`MIN_TIME_MARKS` times beside labels (``label``) or in the
    places of a time mark inside the text; empty for prose that mentions a time or two."""
    counts: Counter[str] = Counter()
    seen = 0
    for text, label in blocks:
        if label and ":" in label:
            found = _clock().search(label)
            if found:
                counts[time_shape(found.group(0))] += 1
        if ":" in text:
            counts.update(time_shape(clock) for clock, _, _ in _time_marks(text))
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
    for clock, start, end in _time_marks(text):
        if time_shape(clock) not in shapes:
            continue
        line, _ = positions.at(start)
        spans.append(Span("time", clock, line, line))
        if _blank(text[:start]):
            opening = parse_clock(clock.strip("[]()"))
        pieces.append(text[kept:start])
        kept = end
    if not spans:
        return text, [], None
    pieces.append(text[kept:])
    return "".join(pieces), spans, opening
