"""The lead: what comes before the first turn, split into preamble and title.

The title is the last line of the lead when it reads like a headline: one line, short, not
ending like a sentence. Everything above it is preamble ("an article with an interview
below"). A lead that is only a headline has no preamble.
"""

from __future__ import annotations

from dataclasses import dataclass

from .text import BLANKS

MAX_TITLE_WORDS = 20
MAX_TITLE_CHARS = 200
_SENTENCE_END = (".", "!", ";", ",", ":", "…")
_CLOSERS = "\"'”’)]*_"


@dataclass(frozen=True)
class Lead:
    title: str | None
    title_line: int | None
    preamble: str | None
    preamble_lines: tuple[int, int] | None


def _is_headline(line: str) -> bool:
    text = line.strip(BLANKS)
    if text.startswith("#"):
        return True
    words = text.split()
    if not words or len(words) > MAX_TITLE_WORDS or len(text) > MAX_TITLE_CHARS:
        return False
    return not text.rstrip(_CLOSERS).endswith(_SENTENCE_END)


def split_lead(text: str, first_line: int) -> Lead:
    """Split the lead ``text`` whose first line is source line ``first_line``."""
    lines = text.split("\n")
    filled = [i for i, line in enumerate(lines) if line.strip(BLANKS)]
    if not filled:
        return Lead(None, None, None, None)
    last = filled[-1]
    title = None
    title_line = None
    if _is_headline(lines[last]):
        title = lines[last].strip(BLANKS)
        title_line = first_line + last
        filled = filled[:-1]
    if not filled:
        return Lead(title, title_line, None, None)
    body = "\n".join(line.strip(BLANKS) for line in lines[filled[0] : filled[-1] + 1])
    return Lead(title, title_line, body, (first_line + filled[0], first_line + filled[-1]))
