"""Properties of the floor model's cheap tests (hypothesis): what ``floor.Floor`` works out
through a screen before its full reading (whether a run opens, asks, hands the floor over)
is what the full reading decides, on any transcript of runs (resolve/floor.py, pairs.py).
"""

from __future__ import annotations

import dataclasses
import inspect
import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from interview_parser.model import Pair, Role
from interview_parser.resolve import cues
from interview_parser.resolve import pairs as pairing
from interview_parser.resolve.asking import last_sentences
from interview_parser.resolve.cues import name_words
from interview_parser.resolve.floor import Floor, Part, Voice, parts_of, run_starts

LONG = " ".join(["We mended the nets by the fire every night of that winter."] * 3)
TURNS = st.sampled_from(
    ["Yeah.", "Mm-hmm.", "Now, you had-", "What happened next?", "Tell us about the boats.",
     "Objection.", "Ben, go ahead.", "I'm Ben Okafor, the harbour master.", "Which is this?",
     "The diversion.", "We sailed at dawn, you know?", "Thanks, everybody.", "Oh, okay.",
     "Did you too?", "How are you?", "Ann?", "... and then the ice came.", "Cool.",
     "That's a great question. So what did the council say?", LONG, LONG + " Did you?",
     LONG + " Oh, okay.", "Awesome, thanks. Next question: what broke first?"]
)  # fmt: skip
ROLES = {"Host": Role.interviewer, "Cohost": Role.interviewer, "Ben": Role.interviewee,
         "Ann": Role.interviewee, "Counsel": Role.other}  # fmt: skip
NAMES = {speaker: name_words([speaker]) for speaker in ROLES}

TRANSCRIPTS = st.lists(st.tuples(st.sampled_from(list(ROLES)), TURNS), min_size=1, max_size=14)


def _floor(said: list[tuple[str, str]]) -> Floor:
    voices = [Voice(who, ROLES[who], what) for who, what in said]
    floor = Floor(NAMES)
    floor.load(voices, run_starts([who for who, _ in said], [what for _, what in said]))
    roles = {who: ROLES[who] for who in floor.speaker}
    floor.give_parts(parts_of(floor.speaker, floor.text, roles, {}))
    return floor


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TRANSCRIPTS)
def test_a_run_opens_as_the_full_reading_decides(said: list[tuple[str, str]]) -> None:
    floor = _floor(said)
    for k in range(len(floor.part)):
        meant = (
            floor.part[k] is Part.asker
            and not floor.backchannel(k)
            and not floor.reversal(k)
            and not floor.only_reacts(k)
        )
        assert floor.opening[k] == meant, (k, floor.text)


# What the procedural phrases were read by before they were substring tests.
PROCEDURAL = re.compile(
    r"is recognized|you are next|which question is pending|instruct (?:him|her|my client|"
    r"the witness)|asked and answered|calls for speculation|my client"
)
PIECES = ["is recognized", "you are next", "which question is pending", "instruct him",
          "instruct her", "instruct my client", "instruct the witness", "asked and answered",
          "calls for speculation", "my client", "instruct ", "my ", "client", "is ", " ",
          "recognize", "the witness", "x", "."]  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=6).map("".join))
def test_the_procedural_phrases_find_what_their_pattern_found(text: str) -> None:
    found = any(phrase in text for phrase in cues._PROCEDURAL_PHRASES)
    assert found == bool(PROCEDURAL.search(text))


def test_every_procedural_phrase_is_looked_for_after_an_anchor() -> None:
    anchored = [phrase for _, phrases in cues._PROCEDURAL_BY_ANCHOR for phrase in phrases]
    assert set(anchored) == set(cues._PROCEDURAL_PHRASES)
    for anchor, phrases in cues._PROCEDURAL_BY_ANCHOR:
        assert all(anchor in phrase for phrase in phrases)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from([*PIECES, "has the floor", "Tem a palavra", "’s", "quiz"]), max_size=6
    ).map("".join)
)
def test_a_text_is_procedural_as_its_phrases_read_it_whole(text: str) -> None:
    lowered = text.lower().replace("’", "'")
    if len(text) <= 300 and any(phrase in lowered for phrase in cues._PROCEDURAL_PHRASES):
        assert cues.procedural(text)


def test_a_run_holds_its_turns_and_their_texts_joined_by_a_blank_line() -> None:
    said = [("Ann", "One."), ("Ann", "Two."), ("Ann", "Three."), ("Ben", "Four."), ("Ann", "Five.")]
    floor = _floor(said)
    runs = range(len(floor.speaker))
    assert [(floor.speaker[k], floor.turns(k), floor.text[k]) for k in runs] == [
        ("Ann", [0, 1, 2], "One.\n\nTwo.\n\nThree."),
        ("Ben", [3], "Four."),
        ("Ann", [4], "Five."),
    ]


# A phrase of each opening letter of cues._PROCEDURAL_START.
START_WORDS = ["objection", "i object", "we object", "point of order", "order.", "sustained",
               "overruled", "the witness may", "time has expired", "don't guess"]  # fmt: skip


def test_the_procedural_start_gate_holds_every_letter_its_pattern_can_open_on() -> None:
    # every alphanumeric character that a phrase's first letter matches (under IGNORECASE,
    # over all of Unicode) is in the gate
    letters_first = "".join(sorted({p[0] for p in START_WORDS}))
    first = re.compile(f"(?i:[{letters_first}])")
    letters = {c for c in map(chr, range(0x110000)) if c.isalnum() and first.fullmatch(c)}
    assert letters <= cues._PROCEDURAL_FIRST


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from([*START_WORDS, " ", "-", "_", "(", "İ", "ı", "ſ", "K", "x", "1", "é"]),
        max_size=4,
    ).map("".join)
)
def test_a_text_the_procedural_start_matches_passes_its_gate(text: str) -> None:
    if cues._PROCEDURAL_START.match(text):
        assert text[:1] in cues._PROCEDURAL_FIRST or not text[:1].isalnum()


# A phrase of each opening word of cues._INTRO.
INTRO_WORDS = ["and ", "so ", "hi ", "hello ", "hey ", "yeah ", "well ", "i'm ", "i am ",
               "my name is ", "this is "]  # fmt: skip


def test_the_introduction_gate_holds_every_letter_its_pattern_can_open_on() -> None:
    letters_first = "".join(sorted({p[0] for p in INTRO_WORDS}))
    first = re.compile(f"(?i:[{letters_first}])")
    letters = {c for c in map(chr, range(0x110000)) if c.isalnum() and first.fullmatch(c)}
    assert letters <= cues._INTRO_FIRST


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from([*INTRO_WORDS, "Ann", " ", ", ", "-", "_", "(", "İ", "ı", "ſ", "x", "1"]),
        max_size=5,
    ).map("".join)
)
def test_a_self_introduction_is_found_as_its_pattern_finds_it(text: str) -> None:
    assert cues.self_introduction(text) == bool(cues._INTRO.match(text))


def test_a_pair_is_made_with_every_field_pairs_sets() -> None:
    # pairs._pairs makes a Pair without its __init__, setting each field in the order Pair
    # declares them (an unslotted object's __dict__ keeps that order, and JSON is written
    # from it): a field added to Pair, or work added to its making, must be added there too
    assert not hasattr(Pair, "__post_init__")
    source = inspect.getsource(pairing._pairs)
    assigned = re.findall(r"\bpair\.(\w+) = ", source)
    assert assigned == [f.name for f in dataclasses.fields(Pair)]
    said = [("Host", "What happened next?"), ("Ben", "We sailed."), ("Host", "Cool.")]
    voices = [Voice(who, ROLES[who], what) for who, what in said]
    (made,), _ = pairing.build_pairs(voices)
    again = Pair(**{f.name: getattr(made, f.name) for f in dataclasses.fields(Pair)})
    assert made == again
    if hasattr(made, "__dict__"):
        assert list(vars(made)) == list(vars(again))


def _echoes_unscreened(text: str, before: str) -> bool:
    """``cues.echoes`` as it read before the substring screen."""
    if len(text) > 80:
        return False
    words = set(cues._CLAUSES.split(text.lower())) - {""}
    if not words or len(words) > 6:
        return False
    last = (last_sentences(before, 1) or [before])[0]
    return words <= set(cues._CLAUSES.split(last.lower()))


ECHO_PIECES = ["Mostly", "poetry", "mostly", " ", ". ", "? ", "\n", ",", "Σ", "ΣΑ", "yes", "-"]


@settings(max_examples=400, deadline=None)
@given(
    st.lists(st.sampled_from(ECHO_PIECES), max_size=5).map("".join),
    st.lists(
        st.sampled_from([*ECHO_PIECES, " " * 150, "and then some more words " * 3]), max_size=8
    ).map("".join),
)
def test_echoes_reads_as_without_its_screen(text: str, before: str) -> None:
    assert cues.echoes(text, before) == _echoes_unscreened(text, before)
