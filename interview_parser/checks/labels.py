"""Labels as written versus the canonical spelling of each speaker (shared by check and fmt).

The canonical spelling of a speaker's name is the declared one when a cast declares it,
otherwise the spelling the transcript uses most (the speaker's ``label``). Spellings that
share a key (:func:`~interview_parser.resolve.labels.name_key`: case, periods, spacing)
are one speaker; only those are ever rewritten, never a short form or a surname alias.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import NamedTuple

from ..model import Transcript, Turn
from ..resolve.labels import label_name, name_key

_SPACE = re.compile(r"[\s\u00a0]+")
_ZERO_WIDTH = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff"))
# What collapse() changes: a zero-width character, two blanks, a blank that is no space, a
# blank at either end. A text without any is collapsed already (one search, not three steps).
_UNCOLLAPSED = re.compile(r"[\u200b\u200c\u200d\u2060\ufeff]|\s\s|[^\S ]|^\s|\s$")


def collapse(text: str) -> str:
    """A label as the model stores it: zero-width characters dropped, blanks collapsed."""
    return _SPACE.sub(" ", text.translate(_ZERO_WIDTH)).strip()


def canonical_names(transcript: Transcript, keys: Sequence[str] | None = None) -> dict[str, str]:
    """Map the key of each speaker's name (and declared alias) to its canonical spelling
    (``keys``: the keys of the speakers' labels, when the caller has them)."""
    if keys is None:
        keys = [name_key(s.label) for s in transcript.speakers]
    names = {key: s.label for key, s in zip(keys, transcript.speakers, strict=True)}
    for member in transcript.cast:
        for spelling in (member.label, *member.aliases):
            name = label_name(spelling)
            names[name_key(name)] = name
    return names


class LabelSpan(NamedTuple):
    """Where a turn's label sits in its line (0-based string indices). (A named tuple: one
    is made for every turn a check or fmt reads, and a frozen dataclass costs four times as
    much to make.)"""

    start: int  # first character of the label
    colon: int  # index of the colon that ends it
    text: int  # first character after the blanks that follow the colon


def label_span(line: str, turn: Turn) -> LabelSpan | None:
    """Locate ``turn``'s label in its source ``line``; None if it cannot be found."""
    start = turn.column - 1
    colon = start + len(turn.label)
    if line.startswith(turn.label, start) and line.startswith(":", colon):
        if _UNCOLLAPSED.search(turn.label) is None:  # collapse(turn.label) == turn.label
            return _span(line, start, colon)
    else:
        # Blanks or zero-width characters inside: the first colon the label collapses to.
        # (No earlier colon can do: collapsing never lengthens the text before it.)
        colon = line.find(":", start)
    while colon != -1:
        if collapse(line[start:colon]) == turn.label:
            return _span(line, start, colon)
        colon = line.find(":", colon + 1)
    return None


def _span(line: str, start: int, colon: int) -> LabelSpan:
    rest = len(line) - colon - 1 - len(line[colon + 1 :].lstrip(" \t\u00a0"))
    return LabelSpan(start, colon, colon + 1 + rest)


def respelled(label: str, canonical: dict[str, str]) -> str | None:
    """``label`` with its name part in canonical spelling, or None if it already is."""
    name = label_name(label)
    best = canonical.get(name_key(name))
    if best is None or best == name or not label.startswith(name):
        return None
    return best + label[len(name) :]
