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


@functools.cache
def _pattern(terminal_name: str) -> re.Pattern[str]:
    terminal = get_parser("notes").get_terminal(terminal_name)
    flags = re.IGNORECASE if "i" in terminal.pattern.flags else 0
    return re.compile(terminal.pattern.value, flags)


def _position(block: RawBlock, offset: int) -> tuple[int, int]:
    """Source line and column of ``offset`` inside a block's text."""
    before = block.text[:offset]
    line_offset = before.count("\n")
    if line_offset:
        return block.text_line + line_offset, offset - before.rfind("\n")
    return block.text_line, block.text_column + offset


def find_notes(block: RawBlock) -> list[StageNote]:
    """The stage notes in a block's text, positioned in the source."""
    notes: list[StageNote] = []
    if "[" not in block.text and "(" not in block.text:
        return notes
    for match in _pattern("STAGE_NOTE").finditer(block.text):
        line, column = _position(block, match.start())
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
    for match in _pattern("COMMENT").finditer(text):
        start, end = match.start(), match.end()
        line, _ = _position(block, start)
        spans.append(Span("comment", match.group(0), line, line + match.group(0).count("\n")))
        line_start = text.rfind("\n", 0, start) + 1
        line_end = text.find("\n", end)
        line_end = len(text) if line_end < 0 else line_end + 1
        alone = not text[line_start:start].strip() and not text[end:line_end].strip()
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
