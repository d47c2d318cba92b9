"""``clean`` returns well-formed text as it is and is the paragraph rule everywhere."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from interview_parser.resolve.text import BLANKS, clean, paragraphs

ALPHABET = st.sampled_from([*BLANKS, "\n", "\n\n", "\r", "a", "b", ".", "\u2028", "\x85", "\x00"])


@settings(max_examples=1000)
@given(st.lists(ALPHABET, max_size=30).map("".join))
def test_clean_joins_the_paragraphs(body: str) -> None:
    assert clean(body) == "\n\n".join(paragraphs(body))


def test_clean_examples() -> None:
    assert clean("  one\n\ttwo \n\n \u00a0\nthree\n\n") == "one two\n\nthree"
    assert clean("single line \n") == "single line"
    assert clean(" \n \n") == ""


def test_clean_text_is_not_copied() -> None:
    body = "First paragraph.\n\nSecond one."
    assert clean(body) is body
    one = "One line."
    assert clean(one) is one
