"""Words every layer shares, defined once: counting them (the reader's pairing cues, where
an acknowledgement is a few words, and the timeline's speaking-time estimates both count a
word as a run of non-blank characters), and the honorifics that stand before a name in the
corpus's languages ("Dr.", "MS.", "Sra.": the label analysis and the reflow layer read
them), and the words that look like a label but never name a speaker ("Note:", "Update:").
At the bottom of the pipeline: it imports nothing.
"""

from __future__ import annotations

__all__ = ["HONORIFICS", "NOT_SPEAKERS", "word_count"]


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


# Prefixes that look like labels in articles and notes but never name a speaker (the label
# analysis and the reflow layer read them).
NOT_SPEAKERS = _vocabulary(
    """note notes nb update updated updates source sources photo photos caption credit credits
    related correction corrections disclaimer warning example examples summary transcript title
    date time location tags tag topic subject re fwd from to posted published by edit edited
    watch listen video audio image figure table step tip tips read see also more editor's
    editors' chapter part section episode season abstract keywords keyword contents index
    copyright license url link links website email phone tel fax address when where what why
    how who which this that these those it there here today tonight yesterday tomorrow
    background context bio biography first second third finally next then also however
    break ad ads sponsor sponsors intro outro music interlude"""
)


def word_count(text: str) -> int:
    """The number of words in ``text``: runs of non-blank characters."""
    return len(text.split())
