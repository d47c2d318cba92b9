"""The alignment's pure pieces, without audio or the align extra: words, spelled
pronunciations, anchors, interpolation and turn onsets."""

from __future__ import annotations

import random

import pytest

import interview_parser as ip
from interview_parser.align.assemble import WINDOW, _interpolate, _onset, anchors
from interview_parser.align.passes import Stretch
from interview_parser.align.words import Token, spelled, transcript_words


def test_words_leave_out_stage_notes_and_keep_the_text_as_written() -> None:
    transcript = ip.parse("HOST: Well [laughs] it’s the Smiths (inaudible) again.\n\nGUEST: Yes.\n")
    words = transcript_words(transcript)
    assert [(w.turn, w.text, w.key) for w in words] == [
        (0, "Well", "well"),
        (0, "it’s", "it's"),
        (0, "the", "the"),
        (0, "Smiths", "smiths"),
        (0, "again", "again"),
        (1, "Yes", "yes"),
    ]


@pytest.mark.parametrize(
    ("word", "phones"),
    [
        ("shop", "SH AA P"),
        ("cheese", "CH IY S EH"),
        ("r2", "R T UW"),
        ("東京", None),
    ],
)
def test_spelled_pronunciations(word: str, phones: str | None) -> None:
    assert spelled(word, {"two": "T UW"}) == phones


def test_anchors_follow_a_long_passage_repeated_many_times_in_order() -> None:
    # A passage longer than the matching window (as in bench/align.py's hour, one interview
    # said 30 times), made of few distinct words so that short runs recur all the time.
    rng = random.Random(7)
    vocabulary = [f"w{n}" for n in range(40)]
    passage = [rng.choice(vocabulary) for _ in range(WINDOW + 40)]
    keys = passage * 8
    heard = []
    for index, key in enumerate(keys):
        if rng.random() < 0.2:
            continue  # not recognised
        word = "uh" if rng.random() < 0.1 else key  # misrecognised
        heard.append((word, index * 0.5, index * 0.5 + 0.4))
    found = anchors(keys, heard)
    assert len(found) > len(keys) // 2
    for index, (word, start, _) in found.items():
        # The word itself or (a word said twice in a row) its neighbour; never another repeat.
        assert word == keys[index] and abs(start / 0.5 - index) <= 2


def test_a_failed_stretch_is_spread_over_the_speech_between_its_anchors() -> None:
    tokens = [Token(0, text, text) for text in ("one", "two", "three")]
    stretch = Stretch(0, 2, 0.0, 10.0, 0, 2, 1.0, 9.0)
    times = _interpolate(tokens, stretch, [(0.0, 2.0), (6.0, 8.0)])
    assert times[0][1] == pytest.approx(1.0, abs=1e-3)  # speech from the gap's start
    assert all(1.0 <= s <= 2.0 or 6.0 <= s <= 8.0 for _, s, _ in times)
    assert times[-1][2] == pytest.approx(8.0)


@pytest.mark.parametrize(
    ("start", "after", "previous_end", "expected"),
    [
        (5.3, 5.6, 3.0, 5.0),  # inside speech that began after the turn before: its onset
        (4.2, 5.6, 3.0, 5.0),  # placed in the pause: speech starts later
        (2.9, 3.2, 3.1, 2.9),  # the turn before ran on into it: the word's own time
        (3.15, 5.6, 3.1, 5.0),  # stuck to the turn before, the rest after a pause
    ],
)
def test_turn_onsets(start: float, after: float, previous_end: float, expected: float) -> None:
    regions = [(0.5, 3.5), (5.0, 8.0)]
    assert _onset(start, after, previous_end, regions) == expected
