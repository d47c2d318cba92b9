"""The fast reading of the line families is the Lark parse, token for token.

``syntax.read_lines`` runs the grammar's own contextual scanners in a loop instead of Lark's
LALR parser (see ``grammar.TokenScanner``). These tests hold it to the parse: on every sample
and on generated text, for every line family, it gives exactly the reading of
``read_lines_family(parse_tree(...))``; a grammar whose lexical context depends on more than
the previous token gets no scanner; text that does not lex falls back to Lark's error.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lark import Lark

from interview_parser import syntax
from interview_parser.dialects import LINE_FAMILIES
from interview_parser.dialects.convention import PRESETS, grammar_name
from interview_parser.errors import TranscriptSyntaxError
from interview_parser.grammar import _token_scanner, get_scanner
from interview_parser.source import read_bytes
from interview_parser.syntax import (
    Reading,
    _scan_lines,
    parse_tree,
    read_lines,
    read_lines_family,
)

SAMPLES = sorted(p for p in (Path(__file__).parent.parent / "samples").iterdir() if p.is_file())


def lark_reading(text: str, family: str) -> object:
    try:
        return read_lines_family(parse_tree(text, family), family)
    except TranscriptSyntaxError as exc:
        return str(exc)


def fast_reading(text: str, family: str) -> object:
    try:
        return read_lines(text, family)
    except TranscriptSyntaxError as exc:
        return str(exc)


@pytest.mark.parametrize("family", LINE_FAMILIES)
def test_every_line_family_has_a_scanner(family: str) -> None:
    scanner = get_scanner(family)
    assert scanner is not None
    assert scanner.block_start  # the grammar's `block` rule starts with these terminals


# Every layout: the families and the named conventions (their grammars are composed alike).
GRAMMARS = (*LINE_FAMILIES, *(grammar_name(c) for c in PRESETS.values()))


@pytest.mark.parametrize("family", GRAMMARS)
@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.name)
def test_samples_read_the_same(path: Path, family: str) -> None:
    text = read_bytes(path.read_bytes()).text
    fast = fast_reading(text, family)
    assert fast == lark_reading(text, family)
    assert fast == fast_reading(text.rstrip("\n"), family)  # no final line end: same reading


@pytest.mark.parametrize("family", GRAMMARS)
def test_a_long_text_is_scanned_by_the_unions_alike(
    family: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A long text is scanned with one alternation a state instead of terminal by terminal.
    texts = [read_bytes(p.read_bytes()).text for p in SAMPLES]
    expected = [fast_reading(text, family) for text in texts]
    monkeypatch.setattr(syntax, "UNION_CHARS", 0)
    assert [fast_reading(text, family) for text in texts] == expected


@pytest.mark.parametrize("family", GRAMMARS)
def test_blocks_made_afresh_are_the_listed_blocks(
    family: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A lazy scan moves its marks into arrays every few blocks (a few here, so that every
    # sample crosses that point several times, with several label forms on either side).
    monkeypatch.setattr(syntax, "_MARKS_HELD", 3)
    for path in SAMPLES:
        text = read_bytes(path.read_bytes()).text
        try:
            listed = read_lines(text, family)
        except TranscriptSyntaxError:
            continue
        scanned = syntax.scan_lines(text, family)
        assert list(scanned.blocks) == listed.blocks
        assert (scanned.skipped, scanned.front) == (listed.skipped, listed.front)


# Lines that exercise every terminal of the five families: labels of each form, clock
# times beside names and on their own lines, headings, front matter, bold markers that are
# not labels, colons in prose, Q/A markers, names alone on a line, blanks of every kind.
PIECES = st.sampled_from(
    [
        "Host: Welcome.",
        "Dr. Lee (Harbour Lab): Thanks.",
        "JANE DOE, HOST: Hello",
        "Speaker 2: 00:14:05",
        "Speaker 2:",
        "00:14:05",
        "[00:01:23] Ana: yes",
        "00:01:23 Ana: yes",
        "Ana (01:23):",
        "Ana  1:23",
        "[00:02:03]",
        "**Ana:** hi",
        "**Ana**: hi",
        "**Ana** [12:03] hi",
        "**Ana** \\[12:03\\]",
        "**Break**:",
        "## Part one: the start",
        "---",
        "title: x",
        "Q   Did you?",
        "A.  Yes.",
        "Q.",
        "THE COURT: Go on.",
        "Ana Lima",
        "Ana Lima (host)",
        "Two options: this or that.",
        "at 10:30 we met: then left",
        "plain prose, no colon",
        "(Laughter.) [inaudible 00:12:03]",
        "",
        " \t",
        "\u00a0Ana: nbsp",
        "\u200bHost: zero width",
        "\u200b",
        "\f",
    ]
)
DOCUMENTS = st.lists(PIECES, max_size=30).map("\n".join)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(document=DOCUMENTS, family=st.sampled_from(GRAMMARS))
def test_generated_text_reads_the_same(document: str, family: str) -> None:
    assert fast_reading(document, family) == lark_reading(document, family)


@settings(max_examples=200, deadline=None)
@given(document=st.text(max_size=200), family=st.sampled_from(GRAMMARS))
def test_arbitrary_text_reads_the_same(document: str, family: str) -> None:
    text = document.replace("\r", "\n")
    assert fast_reading(text, family) == lark_reading(text, family)


def test_a_block_ends_on_its_last_line_with_text() -> None:
    # A zero-width space is blank to the reader but not white space to str.rstrip().
    text = "Host: abc\n\u200b\n\nGuest: yes\n"
    fast, slow = fast_reading(text, "labelled"), lark_reading(text, "labelled")
    assert fast == slow
    assert isinstance(fast, Reading)
    first = fast.blocks[0]
    assert (first.text, first.end_line, first.tail) == ("abc", 1, "\n\u200b\n\n")


def toy(grammar: str) -> Lark:
    return Lark(grammar, parser="lalr", lexer="contextual")


def test_no_scanner_when_context_depends_on_history() -> None:
    # After a WORD the next terminal depends on whether a PREFIX came first: the state
    # after shifting WORD is not one, so the token type alone cannot pick the scanner.
    grammar = r"""
        start: PREFIX WORD NUMBER | WORD LETTERS
        PREFIX: "#"
        WORD: /[a-z]+ /
        NUMBER: /[0-9]+/
        LETTERS: /[A-Z]+/
    """
    assert _token_scanner(toy(grammar)) is None


def test_text_that_does_not_lex_falls_back_to_lark() -> None:
    grammar = r"""
        start: block*
        block: NAME TEXT
        NAME: /[A-Z][a-z]*: /
        TEXT: /[a-z ]*\n/
    """
    scanner = _token_scanner(toy(grammar))
    assert scanner is not None and scanner.block_start == {"NAME"}
    reading = _scan_lines("Ann: hi there\nBob: yes\n", scanner, "toy")
    assert reading is not None
    assert [(b.label, b.text, b.tail, b.line) for b in reading.blocks] == [
        ("Ann: ", "hi there", "\n", 1),
        ("Bob: ", "yes", "\n", 2),
    ]
    assert _scan_lines("Ann: hi 42\n", scanner, "toy") is None
    assert _scan_lines("Ann: ", scanner, "toy") is None  # may not end after a NAME


def test_a_lark_with_other_internals_only_costs_speed(monkeypatch: pytest.MonkeyPatch) -> None:
    parser = toy(
        r"""
        start: block*
        block: NAME TEXT
        NAME: /[A-Z][a-z]*: /
        TEXT: /[a-z ]*\n/
    """
    )
    monkeypatch.setattr(parser.parser.lexer, "lexers", {})  # no per-state lexers where expected
    assert _token_scanner(parser) is None
