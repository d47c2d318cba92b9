"""Stage notes and comments inside blocks of text, with their source positions.

The patterns are the ``STAGE_NOTE`` and ``COMMENT`` terminals of ``grammars/notes.lark``
(the grammar stays the single source of truth), compiled once, when first needed. Stage
notes stay in the text and are listed; comments (``<!-- ... -->``) are the writer's, not
the speaker's: they leave the text and become skipped spans.
"""

from __future__ import annotations

import functools
import re

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
