"""How conduct reads a long transcript: gated phrase patterns and the turns read."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from interview_parser.resolve import conduct as c
from interview_parser.resolve.speakers import SpeakerGroup

# Fragments of every phrase pattern, in several cases, among filler words.
FRAGMENTS = st.sampled_from(
    [
        "I wanted to ask",
        "My Question Is",
        "tell us about",
        "WALK ME THROUGH",
        "welcome back",
        "Thanks for joining",
        "I'm your co-host",
        "Let's talk about",
        "moving on to",
        "That brings us to",
        "please begin",
        "the floor is yours",
        "So what about the budget?",
        "co-host",
        "coHost",
        "letter",
        "turnip",
        "next",
        "ask",
        "host",
        "İstanbul",
        "K",
        ".",
        "?",
        "\n",
    ]
)
TEXTS = st.lists(FRAGMENTS, max_size=12).map(" ".join)


@settings(max_examples=500)
@given(text=TEXTS)
def test_gates_never_change_a_search(text: str) -> None:
    for pattern in c._GATES:
        assert c._has(pattern, text) == bool(pattern.search(text)), (pattern.pattern, text)


def test_every_gate_word_is_lower_case() -> None:
    for words in c._GATES.values():
        assert all(w == w.lower() for w in words)


@settings(max_examples=300)
@given(data=st.data())
def test_whatever_a_gated_pattern_matches_passes_its_gate(data: st.DataObject) -> None:
    for pattern, words in c._GATES.items():
        compiled = pattern.compiled if isinstance(pattern, c._Lazy) else pattern
        text = data.draw(st.from_regex(compiled))
        assert pattern.search(text)
        assert any(word in text.lower() for word in words), (pattern.pattern, text)


def _turns(speakers: list[str]) -> list[tuple[SpeakerGroup, str]]:
    groups = {name: SpeakerGroup(name) for name in speakers}
    return [(groups[name], "text") for name in speakers]


def test_reads_the_opening_and_late_arrivals() -> None:
    opening = ["host", "guest"] * (c.OPENING_TURNS // 2 + 100)
    late = ["latecomer"] * (c.LATE_TURNS + 5)
    turns = _turns(opening + late)
    chosen = c._read(turns)
    assert chosen[: c.OPENING_TURNS] == list(range(c.OPENING_TURNS))
    late_read = [i for i in chosen if turns[i][0].id == "latecomer"]
    assert late_read == list(range(len(opening), len(opening) + c.LATE_TURNS))
    assert len(chosen) == c.OPENING_TURNS + c.LATE_TURNS


def test_a_short_transcript_is_read_whole() -> None:
    turns = _turns(["a", "b", "a", "c"])
    assert c._read(turns) == [0, 1, 2, 3]
