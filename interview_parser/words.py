"""Counting words, the one definition every layer shares: the reader's pairing cues (an
acknowledgement is a few words) and the timeline's speaking-time estimates both count a
word as a run of non-blank characters. At the bottom of the pipeline: it imports nothing.
"""

from __future__ import annotations

__all__ = ["word_count"]


def word_count(text: str) -> int:
    """The number of words in ``text``: runs of non-blank characters."""
    return len(text.split())
