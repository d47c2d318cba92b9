"""The shortcuts that make ``check`` fast find what the plain reading finds (issue 17).

``check`` on 100,000 distinct labels skips work that cannot find anything: a rule that
matches a pattern line by line first searches the whole text once and starts at the first
line where that search matches (``Context.first_line_matching``); a label already in its
collapsed form is not collapsed again (``checks/labels.py``); the text report escapes its
lines one by one only when some line has a control character. Each property compares a
shortcut with the plain reading it replaces, on text made of the characters that matter.
"""

from __future__ import annotations

import re

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from interview_parser.checks import Problem
from interview_parser.checks.context import Context
from interview_parser.checks.labels import _UNCOLLAPSED, collapse
from interview_parser.checks.markup import _markup, _mojibake
from interview_parser.checks.output import text
from interview_parser.checks.syntax import _GLUED, _GLUED_ANYWHERE
from interview_parser.checks.timing import _STAMP
from interview_parser.errors import printable
from interview_parser.source import read_text

BLANKS = " \t\n\u00a0\u200b\u2060\ufeff\x1c\u3000\u2028"


def _texts(letters: str, size: int = 40) -> st.SearchStrategy[str]:
    return st.text(alphabet=st.sampled_from(list(letters)), max_size=size)


def _joined(*pieces: str) -> st.SearchStrategy[str]:
    """Texts made of the pieces that the patterns are about, and line ends."""
    return st.lists(st.sampled_from([*pieces, "\n", " ", "x"]), max_size=16).map("".join)


def _first_line(pattern: re.Pattern[str], lines: list[str], first: int) -> int | None:
    """The plain reading: the first line (``first`` on) where the per-line pattern matches."""
    return next(
        (n for n, line in enumerate(lines[first - 1 :], start=first) if pattern.search(line)),
        None,
    )


def _check_first_line(
    per_line: re.Pattern[str], anywhere: re.Pattern[str], text_: str, first: int
) -> None:
    context = Context("x.txt", read_text(text_), text_, None)
    plain = _first_line(per_line, context.lines, first)
    found = context.first_line_matching(anywhere, first)
    if plain is None:
        return  # the search may match more than the lines do: it only starts earlier
    assert found is not None and first <= found <= plain, (plain, found)


@settings(max_examples=400, deadline=None)
@given(_joined("<!--", "-->", "<b", "</p", ">", "<", "&amp;", "&#x1f;", "&"), st.integers(1, 4))
@example("<!--\nx", 1)  # an open comment runs to its line's end, not only the text's
def test_the_markup_search_starts_at_or_before_the_first_markup(text_: str, first: int) -> None:
    _check_first_line(*_markup(), text_, first)


@settings(max_examples=400, deadline=None)
@given(_joined("Ab", "A", ":", ": ", ":/", "\t", "\u200b", "\ufeff", "1"), st.integers(1, 4))
@example("\n\u200b Ab:x", 1)
def test_the_glued_label_search_starts_at_or_before_the_first_glued_label(
    text_: str, first: int
) -> None:
    _check_first_line(_GLUED, _GLUED_ANYWHERE, text_, first)


@settings(max_examples=400, deadline=None)
@given(_joined("[", "(", "01", ":", "5", ".", ",", ")", "]", "[0:01]", "(1:5)"), st.integers(1, 4))
def test_the_stamp_search_starts_at_or_before_the_first_stamp(text_: str, first: int) -> None:
    _check_first_line(_STAMP, _STAMP, text_, first)


@settings(max_examples=400, deadline=None)
@given(_joined("Ã", "©", "â€™", "\u00c2", "\u0080", "\ufffd"), st.integers(1, 4))
def test_the_mojibake_search_starts_at_or_before_the_first_mojibake(text_: str, first: int) -> None:
    found, or_lost = _mojibake()
    lost = re.compile(f"{found.pattern}|\ufffd")  # each line: mojibake or a lost character
    _check_first_line(lost, or_lost, text_, first)


def test_a_file_without_the_pattern_is_skipped_and_one_with_it_starts_on_its_line() -> None:
    context = Context("x.txt", read_text("Ann: hi\nBob: <b>yes</b>\nAnn: ok\n"), None, None)
    anywhere = _markup()[1]
    assert context.first_line_matching(anywhere) == 2
    assert context.first_line_matching(anywhere, 3) is None
    assert context.first_line_matching(_STAMP) is None


@settings(max_examples=2000, deadline=None)
@given(st.one_of(_texts(BLANKS + "ab:", 8), st.text(max_size=8)))
def test_a_label_is_collapsed_exactly_when_the_search_finds_nothing(label: str) -> None:
    assert (_UNCOLLAPSED.search(label) is None) == (collapse(label) == label)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.text(max_size=6), max_size=4))
def test_the_text_report_escapes_as_each_line_escaped_alone(messages: list[str]) -> None:
    problems = [Problem("f.txt", n, 1, "IP202", m) for n, m in enumerate(messages, start=1)]
    assert text(problems) == "".join(f"{printable(str(p))}\n" for p in problems)


@pytest.mark.parametrize(
    ("text", "rule", "found"),
    [
        ("Ann: hi\nBob: fine &amp; you\n", "markup", [(2, 11)]),
        ("Ann: hi\nBob: fine & you\n", "markup", []),  # a bare "&" is no entity
        ("Ann: caf\u00c3\u00a9\nBob: yes\n", "mojibake", [(1, 9)]),
        ("Ann: hi\nBob: yes\n", "mojibake", []),  # ASCII: read without the pattern
    ],
)
def test_the_markup_and_mojibake_rules_behind_their_cheap_screens(
    text: str, rule: str, found: list[tuple[int, int]]
) -> None:
    from interview_parser.checks import markup

    context = Context("x.txt", read_text(text), text, None)
    check = markup.markup if rule == "markup" else markup.mojibake
    assert [(f.line, f.column) for f in check(context)] == found
