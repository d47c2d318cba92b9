"""Display width and the units a cue is built from.

Subtitle limits count screen columns, not code points: a CJK character takes two columns,
a combining accent none (``wcwidth``). Text is cut into *tokens*: the whitespace-separated
words of a turn, except that a run of wide (CJK) characters, which has no spaces to break
at, is cut into single characters glued to their neighbours. Joining the tokens back
(a space before each token that is not glued) gives the turn's words exactly.
"""

from __future__ import annotations

import re
from itertools import accumulate
from operator import itemgetter
from typing import NamedTuple

from wcwidth import wcswidth, wcwidth


def display_width(text: str) -> int:
    """Columns ``text`` takes on screen; a control character counts one (never negative)."""
    width = wcswidth(text)
    if width >= 0:
        return width
    return sum(max(wcwidth(ch), 1 if not ch.isspace() else 0) for ch in text)


class Token(NamedTuple):
    """A word (or one wide character) with its width; a tuple, cheap to make by the million."""

    text: str
    width: int
    glued: bool = False  # no space before this token (inside a CJK run)
    word: bool = True  # False for a speaker prefix or a dash, which are not spoken words


def tokens(text: str) -> list[Token]:
    """The tokens of ``text``: words, with wide-character runs split into characters."""
    if text.isascii() and not _CONTROL.search(text):  # most text: a column a character
        make = tuple.__new__  # Token(word, len(word)) without NamedTuple's keyword handling
        return [make(Token, (word, len(word), False, True)) for word in text.split()]
    out: list[Token] = []
    for word in text.split():
        pieces = _split_wide(word)
        for i, piece in enumerate(pieces):
            out.append(Token(piece, display_width(piece), glued=i > 0))
    return out


_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")


def _split_wide(word: str) -> list[str]:
    """Cut ``word`` before and after every wide character (a break is allowed there)."""
    if all(wcwidth(ch) < 2 for ch in word):
        return [word]
    pieces: list[str] = []
    run = ""  # narrow characters (Latin letters, digits) stay together
    for ch in word:
        if wcwidth(ch) == 2:
            if run:
                pieces.append(run)
                run = ""
            pieces.append(ch)
        else:
            run += ch
    if run:
        pieces.append(run)
    return _attach_punctuation(pieces)


_NO_LINE_START = set("、。，．・：；？！）」』】〉》”’,.;:?!)")


def _attach_punctuation(pieces: list[str]) -> list[str]:
    """Keep closing punctuation with the character before it (no line starts with '。')."""
    out: list[str] = []
    for piece in pieces:
        if out and piece and piece[0] in _NO_LINE_START:
            out[-1] += piece
        else:
            out.append(piece)
    return out


_TEXT, _WIDTH, _GLUED = itemgetter(0), itemgetter(1), itemgetter(2)  # Token's fields


def join(items: list[Token]) -> str:
    """The text of ``items`` on one line."""
    if not any(map(_GLUED, items)):
        return " ".join(map(_TEXT, items))
    parts: list[str] = []
    for i, token in enumerate(items):
        if i and not token.glued:
            parts.append(" ")
        parts.append(token.text)
    return "".join(parts)


def line_width(items: list[Token]) -> int:
    spaces = sum(1 for i, t in enumerate(items) if i and not t.glued)
    return total_width(items) + spaces


def total_width(items: list[Token]) -> int:
    """The tokens' own columns, spaces not counted."""
    widths: map[int] = map(_WIDTH, items)
    return sum(widths)


class Spans:
    """Widths of runs of tokens in O(1), from prefix sums (the segmenters ask often)."""

    def __init__(self, items: list[Token]) -> None:
        # space[i]: 1 if token i is preceded by a space; sums[i]: width of items[:i] with spaces.
        self.space = [1 if i and not t.glued else 0 for i, t in enumerate(items)]
        steps = (t.width + space for t, space in zip(items, self.space, strict=True))
        self.sums = list(accumulate(steps, initial=0))

    def width(self, i: int, j: int) -> int:
        """Columns of ``items[i:j]`` on one line."""
        if j <= i:
            return 0
        return self.sums[j] - self.sums[i] - self.space[i]
