"""The blank-line convention of a ``Label: text`` file (shared by check and fmt).

Transcripts come in two tidy styles: turns on consecutive lines, or turns separated by one
blank line. Either is fine; mixing them is not. A file's convention is the one most of its
turn boundaries follow (on a tie, a blank line), and both ``check`` (IP604) and ``fmt``
apply it, so formatting never fights the style a team already uses.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..model import Transcript
from ..resolve.text import BLANKS
from .suppress import is_directive as _is_directive


def is_blank(line: str) -> bool:
    return not line.strip(BLANKS)


def is_directive(line: str) -> bool:
    """Whether the line is only a suppression comment (it belongs to the line below)."""
    return "<!--" in line and _is_directive(line.strip(BLANKS))  # (most lines have none)


def separated_boundaries(transcript: Transcript, lines: Sequence[str]) -> list[bool]:
    """For each turn after the first: whether a blank line stands right above its label
    (or above the suppression comments right above it)."""
    separated = []
    for turn in transcript.turns[1:]:
        above = turn.line - 2
        while above >= 0 and is_directive(lines[above]):
            above -= 1
        separated.append(above >= 0 and is_blank(lines[above]))
    return separated


def blank_between_turns(transcript: Transcript, lines: Sequence[str]) -> bool:
    """The file's convention: True when turns are separated by a blank line."""
    return convention(separated_boundaries(transcript, lines))


def convention(separated: Sequence[bool]) -> bool:
    """The convention of turn boundaries (:func:`separated_boundaries`): True when most of
    them (or half) have a blank line."""
    return bool(separated) and 2 * sum(separated) >= len(separated)
