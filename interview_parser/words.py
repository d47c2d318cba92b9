"""Words every layer shares, defined once: counting them (the reader's pairing cues, where
an acknowledgement is a few words, and the timeline's speaking-time estimates both count a
word as a run of non-blank characters), and the honorifics that stand before a name in the
corpus's languages ("Dr.", "MS.", "Sra.": the label analysis and the reflow layer read
them). At the bottom of the pipeline: it imports nothing.
"""

from __future__ import annotations

__all__ = ["HONORIFICS", "word_count"]


def _vocabulary(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Honorifics and titles before a name, case-folded, without their period.
HONORIFICS = _vocabulary(
    """mr mrs ms miss mx dr prof professor sen senator rep representative gov governor sec
    secretary gen general col colonel capt captain lt sgt det rev reverend fr father sr sister
    sir dame lord lady judge justice president vice chairman chairwoman chair mayor minister
    ambassador amb commissioner officer hon the sr sra srta sres dña dona dom don doña mme mlle
    herr frau hr fr"""
)


def word_count(text: str) -> int:
    """The number of words in ``text``: runs of non-blank characters."""
    return len(text.split())
