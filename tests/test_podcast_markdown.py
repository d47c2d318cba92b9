"""The Q&A article: title, standfirst, bold questions, plain answers, names or Q/A markers."""

from __future__ import annotations

import pytest
from conftest import SAMPLES
from podcast_readers import markdown_blocks, markdown_paragraphs

import interview_parser as ip
from interview_parser.errors import UsageError
from interview_parser.exporters import ExportOptions, export
from interview_parser.exporters.markdown import escape, standfirst

ARTICLE = SAMPLES / "article-preamble.txt"


def test_title_standfirst_bold_questions_plain_answers() -> None:
    t = ip.parse_file(ARTICLE)
    document = export(t, "markdown")
    assert markdown_blocks(document)[0] == ("h1", t.title)
    first, *body = markdown_paragraphs(document)
    assert first.italic and first.text.startswith("The harbour authority in Kelmouth voted")
    assert first.text.endswith("surprised many in the town.")  # the first paragraph only
    asking = {i for pair in t.pairs for i in pair.question_turns}
    assert [p.bold for p in body] == [turn.index in asking for turn in t.turns]
    assert body[1].text == "Prof. Okafor: Thank you. It is a pleasure to be back in Kelmouth."
    assert body[2].text.startswith("Host: Let us start with the vote.")


def test_qa_style_uses_q_and_a_markers() -> None:
    t = ip.parse_file(ARTICLE)
    body = markdown_paragraphs(export(t, "markdown", ExportOptions(qa_style="qa")))[1:]
    assert [p.text.split(":")[0] for p in body[:4]] == ["Q", "A", "Q", "A"]
    closing = "Prof. Okafor, thank you. That is all we have time for tonight on Coast Lines."
    assert body[-1].text == closing  # unpaired: no marker in the Q/A style


def test_no_title_and_no_preamble() -> None:
    document = export(ip.parse("Host: Why?\nGuest: Because.\n"), "markdown")
    assert markdown_blocks(document)[0] == ("h1", "Untitled interview")
    assert not markdown_paragraphs(document)[0].italic


def test_unknown_qa_style_is_a_usage_error() -> None:
    with pytest.raises(UsageError, match="unknown qa style 'x'"):
        export(ip.parse_file(ARTICLE), "markdown", ExportOptions(qa_style="x"))


@pytest.mark.parametrize(
    ("preamble", "expected"),
    [
        (None, None),
        ("One line only", "One line only"),
        ("Wrapped first\nparagraph ends here.\nNext one.", "Wrapped first paragraph ends here."),
        ("First block\n\nSecond block.", "First block"),
    ],
)
def test_standfirst(preamble: str | None, expected: str | None) -> None:
    assert standfirst(preamble) == expected


@pytest.mark.parametrize(
    ("text", "escaped"),
    [
        ("# not a heading", "\\# not a heading"),
        ("1. not a list", "1\\. not a list"),
        ("- no", "\\- no"),
        ("a *b* _c_ <d> [e] & `f`", "a \\*b\\* \\_c\\_ \\<d> \\[e\\] & \\`f\\`"),
        ("Q&A, &amp; &#38; 1 < 2 <b>", "Q&A, \\&amp; \\&#38; 1 < 2 \\<b>"),
        ("> quote", "\\> quote"),
    ],
)
def test_escape(text: str, escaped: str) -> None:
    assert escape(text) == escaped
