"""Pairing over a window (resolve/pairs.py ``iter_pairs``, resolve/floor.py ``Census``):
the stream of pairs and unpaired turns, read one turn at a time, is ``build_pairs``' output
on every sample and on generated transcripts, also with the window letting go of runs every
few runs and with small caps; the counts a first pass takes give the parts ``parts_of``
gives; the window stays bounded on input with no conversation; nothing pairing builds
outlives it as cyclic garbage; a pair's turn indices are the turns' own ``int`` objects.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import interview_parser
import interview_parser.resolve.pairs as pairing
from interview_parser.model import Pair, Role, Unpaired
from interview_parser.resolve.floor import CAPS, Caps, Census, Floor, Parts, Voice, parts_of

SAMPLES = sorted(p for p in (Path(__file__).resolve().parent.parent / "samples").iterdir())

Case = tuple[list[Voice], dict[str, list[str]]]


def _sample_cases() -> list[tuple[str, Case]]:
    """What each sample's parse hands to pairing (its voices and names)."""
    found: list[tuple[str, Case]] = []
    original = pairing.build_pairs

    def grab(
        voices: list[Voice],
        names: dict[str, list[str]] | None = None,
        *,
        roles: dict[str, Role] | None = None,
    ) -> tuple[list[Pair], list[int]]:
        # (a parse hands over its turns and each speaker's role: made voices here)
        said = (
            list(voices)
            if roles is None
            else [Voice(v.speaker, roles[v.speaker], v.text, v.index) for v in voices]
        )
        found.append((path.name, (said, dict(names or {}))))
        return original(voices, names, roles=roles)

    pairing.build_pairs = grab  # type: ignore[assignment]
    try:
        for path in SAMPLES:
            try:
                interview_parser.parse_file(path)
            except Exception:  # (a sample read only with options: not pairing's)
                continue
    finally:
        pairing.build_pairs = original
    return found


def _roles(voices: list[Voice]) -> dict[str, Role]:
    roles: dict[str, Role] = {}
    for voice in voices:
        roles.setdefault(voice.speaker, voice.role)
    return roles


def _census(voices: list[Voice], names: dict[str, list[str]], caps: Caps) -> Parts:
    census = Census(names, caps)
    for voice in voices:
        census.add(voice.speaker, voice.text)
    return census.parts(_roles(voices))


def _streamed(
    voices: list[Voice], names: dict[str, list[str]], caps: Caps = CAPS
) -> tuple[list[Pair], list[int]]:
    pairs: list[Pair] = []
    unpaired: list[int] = []
    for event in pairing.iter_pairs(iter(voices), _census(voices, names, caps), names, caps=caps):
        if isinstance(event, Pair):
            pairs.append(event)
        else:
            assert isinstance(event, Unpaired)
            unpaired.append(event.index)
    return pairs, unpaired


@pytest.fixture
def letting_go_often(monkeypatch: pytest.MonkeyPatch) -> None:
    """The window looked at every four runs (it lets go of runs as soon as it can)."""
    monkeypatch.setattr(pairing, "_DROP_EVERY", 4)


SMALL = Caps(run_turns=3, run_chars=200, window=5)


@pytest.mark.usefixtures("letting_go_often")
def test_every_sample_pairs_the_same_streamed_as_whole() -> None:
    cases = _sample_cases()
    assert len(cases) >= 40, "the samples were not read"
    paired = 0
    for name, (voices, names) in cases:
        for caps in (CAPS, SMALL):
            whole = pairing.build_pairs(voices, names, caps=caps)
            assert _streamed(voices, names, caps) == whole, (name, caps)
        paired += bool(whole[0])
    assert paired >= 20, "too few samples make pairs to say anything"


@pytest.mark.usefixtures("letting_go_often")
def test_the_counts_of_a_first_pass_give_the_parts_of_the_whole_runs() -> None:
    for name, (voices, names) in _sample_cases():
        floor = Floor({})
        speakers, texts = [v.speaker for v in voices], [v.text for v in voices]
        floor.load(voices, pairing.run_starts(speakers, texts))
        whole = parts_of(floor.speaker, floor.text, _roles(voices), names)
        assert _census(voices, names, CAPS) == whole, name


LONG = " ".join(["We mended the nets by the fire every night of that winter."] * 3)
TURNS = st.sampled_from(
    ["Yeah.", "Mm-hmm.", "Now, you had-", "What happened next?", "Tell us about the boats.",
     "Objection.", "Ben, go ahead.", "I'm Ben Okafor, the harbour master.", "Which is this?",
     "The diversion.", "Thanks, everybody.", "Oh, okay.", "Did you too?", "Ann?", "Cool.",
     "... and then the ice came.", "Presidente, a question.", "The member has the floor.",
     LONG, LONG + " Did you?", "Awesome, thanks. Next question: what broke first?",
     "And I'm Emma.", "Kelly, have you spoken at conferences? You have, right?"]
)  # fmt: skip
ROLES = {"Host": Role.interviewer, "Cohost": Role.interviewer, "Ben": Role.interviewee,
         "Ann": Role.interviewee, "Chair": Role.other, "Kelly": Role.interviewer}  # fmt: skip
NAMES = {speaker: [speaker, "Presidente"] if speaker == "Chair" else [speaker] for speaker in ROLES}
PANELS = st.sampled_from([ROLES, {s: Role.interviewer for s in ROLES}])  # (a peer panel too)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(st.tuples(st.sampled_from(list(ROLES)), TURNS), min_size=1, max_size=40),
    PANELS,
    st.sampled_from([CAPS, SMALL, Caps(run_turns=1, window=2), Caps(run_chars=30, window=3)]),
    st.sampled_from([1, 2, 4, 16]),
)
def test_generated_transcripts_pair_the_same_streamed_as_whole(
    said: list[tuple[str, str]], roles: dict[str, Role], caps: Caps, every: int
) -> None:
    voices = [Voice(who, roles[who], what) for who, what in said]
    original = pairing._DROP_EVERY
    pairing._DROP_EVERY = every
    try:
        assert _streamed(voices, NAMES, caps) == pairing.build_pairs(voices, NAMES, caps=caps)
    finally:
        pairing._DROP_EVERY = original


def _counted(voices: list[Voice], read: list[int]) -> Iterator[Voice]:
    for voice in voices:
        read[0] += 1
        yield voice


def _lag(voices: list[Voice], caps: Caps) -> int:
    """The most turns read past a turn before the stream says what became of it."""
    census = Census({}, caps)
    for voice in voices:
        census.add(voice.speaker, voice.text)
    read = [0]
    lag = 0
    events = pairing.iter_pairs(_counted(voices, read), census.parts(_roles(voices)), caps=caps)
    for event in events:
        last = event.index if isinstance(event, Unpaired) else max(event.answer_turns)
        lag = max(lag, read[0] - last)
    return lag


def test_a_conversation_is_paired_as_it_is_read() -> None:
    said = [("Host", "What happened next?"), ("Ben", "The ice came.")] * 3000
    voices = [Voice(who, ROLES[who], what) for who, what in said]
    # each pair comes out within a few turns of its answer, not at the end
    assert _lag(voices, CAPS) < 2 * pairing._DROP_EVERY + 10


def test_the_window_is_capped_on_input_with_no_conversation() -> None:
    # a host asking and a chair calling to order, and nobody answering: no prompt is ever
    # decided by an answer, so without the cap pairing would hold every run until the end
    said = [("Host", "What happened next?"), ("Chair", "Order.")] * 3000
    voices = [Voice(who, ROLES[who], what) for who, what in said]
    capped = Caps(window=50)
    assert _lag(voices, capped) <= 4 * (capped.window + 1) + 2 * pairing._DROP_EVERY
    assert _lag(voices, Caps(window=100_000)) >= len(voices) - 2


def test_one_speakers_long_run_is_closed_at_the_cap() -> None:
    voices = [Voice("Ben", Role.interviewee, "And then the ice came.")] * 5000
    caps = Caps(run_turns=100)
    assert _lag(voices, caps) <= 4 * (caps.window + 1) * caps.run_turns
    floor = Floor({}, caps)
    floor.load(voices, pairing.run_starts(["Ben"] * 5000, ["x"] * 5000, caps))
    assert len(floor.speaker) == 50


def test_nothing_pairing_builds_is_left_to_the_cyclic_collector() -> None:
    said = [("Host", "What happened next?"), ("Ben", "The ice came."), ("Host", "Cool.")] * 20
    voices = [Voice(who, ROLES[who], what) for who, what in said]
    gc.collect()
    enabled = gc.isenabled()
    gc.disable()
    try:
        pairing.build_pairs(voices, NAMES)
        list(pairing.iter_pairs(iter(voices), _census(voices, NAMES, CAPS), NAMES))
        left = [o for o in gc.get_objects() if isinstance(o, Floor)]
    finally:
        if enabled:
            gc.enable()
    assert left == []


def test_a_pairs_turn_indices_are_the_turns_own_ints() -> None:
    said = [("Host", "What happened next?"), ("Ben", "The ice came.")] * 10
    indices = [int(str(1000 + i)) for i in range(len(said))]  # (new int objects, not cached)
    voices = [
        Voice(who, ROLES[who], what, index)
        for (who, what), index in zip(said, indices, strict=True)
    ]
    pairs, _ = pairing.build_pairs(voices, NAMES)
    streamed, _ = _streamed(voices, NAMES)
    assert pairs and streamed == pairs
    for pair in [*pairs, *streamed]:
        for turn in [*pair.question_turns, *pair.answer_turns]:
            assert any(turn is index for index in indices)


def test_a_third_party_the_askers_question_is_found_by_both_counts() -> None:
    said = [("Host", "Presidente, what is pending?"), ("Chair", "The bill on the harbour."),
            ("Ben", LONG), ("Host", "Presidente, and after that?"), ("Chair", "The vote."),
            ("Host", "Ben, what happened next?"), ("Ben", LONG)]  # fmt: skip
    voices = [Voice(who, ROLES[who], what) for who, what in said]
    floor = Floor({})
    floor.load(voices, pairing.run_starts([who for who, _ in said], [what for _, what in said]))
    whole = parts_of(floor.speaker, floor.text, _roles(voices), NAMES)
    assert list(whole.questioned) == ["Chair"]
    assert _census(voices, NAMES, CAPS) == whole
    assert _streamed(voices, NAMES) == pairing.build_pairs(voices, NAMES)
