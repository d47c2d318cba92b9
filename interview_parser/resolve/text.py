"""Text clean-up shared by the resolver: paragraphs, blanks and questions."""

from __future__ import annotations

import re

from ..syntax import BLANKS, BLANKS_AND_LINE_ENDS

__all__ = ["BLANKS", "asks", "clean", "paragraphs"]
# A line end that paragraphs() would change, in text without blanks or line ends at either
# end: a blank before it, a single line end (wrapped lines to join), or a blank or third
# line end after a paragraph break. Each match starts at a line end, so the search skips
# from one to the next.
_UNTIDY = re.compile(
    f"\n(?:(?<=[{re.escape(BLANKS)}]\n)|(?<!\n\n)(?!\n)|(?<=\n\n)[{re.escape(BLANKS)}\n])"
)


def paragraphs(body: str) -> list[str]:
    """Paragraphs of a block: blank lines separate them, wrapped lines join with a space."""
    result: list[str] = []
    current: list[str] = []
    for line in body.split("\n"):
        line = line.strip(BLANKS)
        if line:
            current.append(line)
        elif current:
            result.append(" ".join(current))
            current = []
    if current:
        result.append(" ".join(current))
    return result


def clean(body: str) -> str:
    """The text of a block as the model stores it."""
    text = body.strip(BLANKS_AND_LINE_ENDS)
    if "\n" not in text:  # one line (most turns): no need to split
        return text
    if not _UNTIDY.search(text):
        return text  # already one line a paragraph, one blank line between: no copy
    return "\n\n".join(paragraphs(text))


def asks(text: str) -> bool:
    """Whether a prompt asks something (a question mark in any script)."""
    return "?" in text or "？" in text or "¿" in text  # str search: 10x a regex class
