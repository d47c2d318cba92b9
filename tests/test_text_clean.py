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


def _time_marks_by_slices(text: str) -> list[tuple[str, int, int]]:
    """The reading of time marks that slices each time's whole line (what _time_marks did
    before it looked only at the blanks beside the time): the reference it is held to."""
    from interview_parser.resolve.notes import _BRACKETS, _SENTENCE_END, _blank, _clock

    found = []
    for match in _clock().finditer(text):
        start, end = match.start(), match.end()
        opening = text[start - 1 : start]
        bracketed = opening in _BRACKETS and text[end : end + 1] == _BRACKETS[opening]
        if bracketed:
            start, end = start - 1, end + 1
        elif opening.isdigit() or text[end : end + 1].isdigit():
            continue
        line_start = text.rfind("\n", 0, start) + 1
        line_end = text.find("\n", end)
        line_end = len(text) if line_end < 0 else line_end
        before, after = text[line_start:start], text[end:line_end]
        clock = text[start:end]
        if _blank(before) and _blank(after):
            found.append((clock, line_start, min(line_end + 1, len(text))))
        elif _blank(before):
            words = len(after) - len(after.lstrip())
            if not words:
                continue
            if not bracketed:
                if after[words:][:1].islower():
                    continue
                above = text.rfind("\n", 0, max(line_start - 1, 0))
                if line_start and not _blank(text[above + 1 : line_start - 1]):
                    continue
            found.append((clock, line_start, end + words))
        elif _blank(after):
            said = before.rstrip()
            if len(said) == len(before):
                continue
            if not bracketed and not said.endswith(tuple(_SENTENCE_END)):
                continue
            found.append((clock, line_start + len(said), end))
    return found


@settings(max_examples=500, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "10:30",
                "[00:01:02]",
                "(1:05)",
                "1:2",
                " ",
                "\t",
                "\u00a0",
                "\n",
                "\n\n",
                "a",
                "We",
                ".",
                "12",
                ":",
            ]
        ),
        max_size=30,
    ).map("".join)
)
def test_time_marks_read_as_by_slicing_each_line(text: str) -> None:
    from interview_parser.resolve.notes import _time_marks

    assert list(_time_marks(text)) == _time_marks_by_slices(text)
