"""Stage notes inside turns, with their source positions.

The pattern is the ``STAGE_NOTE`` terminal of ``grammars/notes.lark`` (the grammar stays the
single source of truth); it is compiled once, when first needed.
"""

from __future__ import annotations

import functools
import re

from ..grammar import get_parser
from ..model import StageNote
from ..syntax import RawBlock


@functools.cache
def _pattern() -> re.Pattern[str]:
    terminal = get_parser("notes").get_terminal("STAGE_NOTE")
    flags = re.IGNORECASE if "i" in terminal.pattern.flags else 0
    return re.compile(terminal.pattern.value, flags)


def find_notes(block: RawBlock) -> list[StageNote]:
    """The stage notes in a block's text, positioned in the source."""
    notes: list[StageNote] = []
    if "[" not in block.text and "(" not in block.text:
        return notes
    for match in _pattern().finditer(block.text):
        before = block.text[: match.start()]
        line_offset = before.count("\n")
        if line_offset:
            column = match.start() - before.rfind("\n")
        else:
            column = block.text_column + match.start()
        notes.append(
            StageNote(text=match.group(0), line=block.text_line + line_offset, column=column)
        )
    return notes
