"""Line breaking, cue cutting and display width, one case per line."""

from __future__ import annotations

import pytest

from interview_parser.subtitles.lines import FORBIDDEN, break_cost, break_lines
from interview_parser.subtitles.segment import segment
from interview_parser.subtitles.width import Token, display_width, join, tokens

# The break that must be chosen, shown as " | ", at 42 columns on 2 lines.
BREAKS = [
    "Good evening and welcome to Coast Lines. | Tonight we talk",
    "It would take longer, | and it would cost more in the end",
    "Joining me today | in the studio is Prof. Amara Okafor",
    "The harbour master said | that the stones needed repair",
    "We spoke to the harbour master | about the new breakwater",
]


@pytest.mark.parametrize("want", BREAKS)
def test_two_line_break(want: str) -> None:
    lines = break_lines(tokens(want.replace(" | ", " ")), 42, 2)
    assert " | ".join(join(line) for line in lines) == want


# (before, after): a break here is never chosen when another is possible.
NEVER = [
    ("the", "harbour"),  # article and noun
    ("an", "engineer"),
    ("Prof.", "Okafor"),  # honorific and name
    ("Amara", "Okafor"),  # first and last name
    ("New", "York"),
]


@pytest.mark.parametrize(("before", "after"), NEVER)
def test_forbidden_breaks(before: str, after: str) -> None:
    a, b = tokens(f"{before} {after}")
    assert break_cost(a, b) == FORBIDDEN


def test_break_after_sentence_beats_break_after_comma_beats_plain() -> None:
    end, comma, plain, article = (
        tokens(t) for t in ("end. Next", "end, next", "end next", "the end")
    )
    assert break_cost(*end) < break_cost(*comma) < break_cost(*plain) < break_cost(*article)


def test_balanced_two_lines() -> None:
    lines = break_lines(
        tokens("one two three four five six seven eight nine ten eleven twelve"), 42, 2
    )
    widths = [display_width(join(line)) for line in lines]
    assert len(lines) == 2 and abs(widths[0] - widths[1]) <= 6


def test_one_line_when_it_fits() -> None:
    assert len(break_lines(tokens("Thank you."), 42, 2)) == 1


# (text, columns): a CJK character counts two, a combining accent none.
WIDTHS = [("abc", 3), ("日本語", 6), ("Zoë", 3), ("Zoe\u0308", 3), ("한국어 text", 11)]


@pytest.mark.parametrize(("text", "width"), WIDTHS)
def test_display_width(text: str, width: int) -> None:
    assert display_width(text) == width


def test_cjk_runs_break_between_characters_and_keep_their_punctuation() -> None:
    items = tokens("今日は良い天気ですね。明日も晴れるでしょう。")
    assert [t.text for t in items][:3] == ["今", "日", "は"]
    assert "ね。" in [t.text for t in items]  # a full stop never starts a line
    lines = break_lines(items, 24, 2)
    assert len(lines) == 2 and all(display_width(join(line)) <= 24 for line in lines)
    assert "".join(join(line) for line in lines) == "今日は良い天気ですね。明日も晴れるでしょう。"


def test_segment_keeps_every_token_in_order_and_fits() -> None:
    text = " ".join(["The contractors could work in sections, two at a time."] * 9)
    cues = segment(tokens(text), 42, 2)
    assert [t.text for cue in cues for t in cue] == text.split()
    for cue in cues:
        assert all(display_width(join(line)) <= 42 for line in break_lines(cue, 42, 2))
        assert len(break_lines(cue, 42, 2)) <= 2


def test_segment_ends_cues_at_sentence_ends() -> None:
    text = "Storms have been getting worse. Will the repaired breakwater hold this winter?"
    cues = segment(tokens(text), 42, 2, 50)
    assert [join(c) for c in cues] == [
        "Storms have been getting worse.",
        "Will the repaired breakwater hold this winter?",
    ]


def test_a_word_wider_than_a_line_gets_a_line_of_its_own() -> None:
    url = "https://example.org/" + "x" * 40
    lines = break_lines(tokens(f"see {url} now"), 42, 2)
    assert [join(line) for line in lines][1:] in (["now"], []) or join(lines[0]) == "see"
    assert any(join(line) == url for line in lines)


def test_a_cue_does_not_start_a_sentence_only_to_cut_it_off() -> None:
    text = (
        "Nobody can promise that. What we can say is that the new design spreads the force "
        "of the waves over a longer face, and that helps both the stones and the grass."
    )
    prefix = Token("Prof. Okafor:", display_width("Prof. Okafor:"), word=False)
    cues = [join(c) for c in segment([prefix, *tokens(text)], 42, 2)]
    assert cues[0] == "Prof. Okafor: Nobody can promise that."
