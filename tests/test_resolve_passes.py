"""The resolver as passes over the blocks (docs/streaming.md): a stream whose blocks are read
again on each pass and whose pairs are found over a window (holding nothing per turn)
collects to exactly the transcript that the whole-list path makes, on every sample, on the
development corpus, on generated transcripts (long ones with speakers who arrive after the
opening, which conduct reads apart), with and without pairs, with a declared interviewer;
the same error where there is one. And the passes hold nothing per block: a stream's blocks
are read again on each pass, never kept.

(Until this release these tests held the passes equal to a frozen copy of the resolver
before them; that copy was retired once the reading itself moved on.)"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import SAMPLES, shared_path
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from interview_parser import api
from interview_parser.dialects import SAMPLE_CHARS
from interview_parser.errors import InterviewParserError
from interview_parser.model import Pair, Skipped, Turn, Unpaired, collect
from interview_parser.resolve import build_transcript, stream_transcript
from interview_parser.resolve.evidence import LabelCensus, speaker_blocks
from interview_parser.source import read_bytes, read_text
from interview_parser.syntax import RawBlock, Reading, ScannedBlocks, read_lines, scan_lines

VARIANTS: list[dict[str, object]] = [{}, {"pair": False}, {"interviewers": ["Host"]}]


def _source(reading: Reading, path: str | None, text: object) -> api.Source:
    return api.Source(
        path=path,
        encoding="utf-8",
        newline="\n",
        final_newline=True,
        line_count=1,
        dialect=reading.dialect,
        dialect_evidence="",
    )


def _outcome(build: object, reading: Reading, kwargs: dict[str, object]) -> object:
    try:
        return build(reading, _source(reading, None, None), **kwargs)  # type: ignore[operator]
    except Exception as exc:  # (a failure is an outcome too: the same one before and after)
        return f"{type(exc).__name__}: {exc}"


def _streamed(reading: Reading, source: api.Source, **kwargs: object) -> object:
    """The stream of ``reading`` collected: its blocks read anew on each pass (never held
    as the list), its pairs found over a window."""
    again = dataclasses.replace(reading, blocks=_Counted(list(reading.blocks)))
    return collect(stream_transcript(again, source, window=True, **kwargs))  # type: ignore[arg-type]


def assert_same(text: str, dialect: str | None = None) -> None:
    """The stream, read again on each pass and paired over a window, and the whole-list
    path agree on ``text`` in every variant."""
    try:
        reading = api.read(read_text(text), dialect=dialect)
    except InterviewParserError:
        return  # (no reading: nothing for either path)
    for kwargs in VARIANTS:
        whole = _outcome(build_transcript, reading, kwargs)
        streamed = _outcome(_streamed, reading, kwargs)
        assert streamed == whole, kwargs


SAMPLE_FILES = sorted(p for p in SAMPLES.rglob("*") if p.is_file())


@pytest.mark.parametrize("path", SAMPLE_FILES, ids=lambda p: p.name)
def test_every_sample_resolves_as_a_stream_as_whole(path: Path) -> None:
    source = read_bytes(path.read_bytes())
    assert_same(source.text)


def test_the_corpus_resolves_as_a_stream_as_whole() -> None:
    corpus = shared_path("corpus-dev")
    files = sorted(p for p in corpus.rglob("*") if p.is_file() and p.suffix != ".json")
    assert files
    for path in files:
        try:
            source = read_bytes(path.read_bytes())
        except InterviewParserError:
            continue
        assert_same(source.text), path.name


NAMES = ["Ana Ruiz", "Ben Okoro", "Host", "Guest", "Q", "A", "Dr. Lee", "Mr. Park", "He said"]
LATE = ["Cy Park", "Dee Moss", "Caller Jim", "Narrator"]
SAYINGS = [
    "What brought you here?",
    "The boats.",
    "And then? Tell me about it.",
    "Yes.",
    "Let's talk about the harbour, Ana. What was it like?",
    "[laughter] (inaudible) well",
    "<!-- a note --> fine",
    "at 10:30 we left",
    "",
    "- a list item https://example.org",
    "My name is Ana Ruiz, and I mend boats.",
    "Joining me is Ben Okoro, a sailor.",
]
LAYOUTS = [
    "{l}: {w}",
    "**{l}:** {w}",
    "[00:{m:02d}:{s:02d}] {l}: {w}",
    "{w}",
    "# {w}",
    "— {w}",
    "{l}: {w}\n\n{w}",
]


@st.composite
def transcripts(draw: st.DrawFn) -> str:
    """A labelled transcript: a lead, turns in several layouts, and sometimes, after a long
    opening, speakers who arrive late (which conduct reads apart)."""
    lines = [draw(st.sampled_from(["", "A Headline About Boats", "Some notes.\n\nA Title"]))]
    names = draw(st.lists(st.sampled_from(NAMES), min_size=1, max_size=4, unique=True))
    count = draw(st.integers(0, 30))
    long = draw(st.booleans())
    if long:
        count += 500
    for i in range(count):
        late = long and i > 500 and draw(st.integers(0, 9)) == 0
        label = draw(st.sampled_from(LATE)) if late else names[i % len(names)]
        layout = draw(st.sampled_from(LAYOUTS)) if draw(st.integers(0, 4)) == 0 else LAYOUTS[0]
        words = draw(st.sampled_from(SAYINGS))
        lines.append(layout.format(l=label, w=words, m=i // 60 % 60, s=i % 60))
    return "\n".join(lines) + "\n"


SETTINGS = settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(transcripts())
def test_generated_transcripts_resolve_as_a_stream_as_whole(text: str) -> None:
    assert_same(text)


@settings(max_examples=40, deadline=None)
@given(
    st.lists(
        st.tuples(st.sampled_from(["", "Anna", "Ben", "alice", "Q"]), st.sampled_from(SAYINGS)),
        max_size=12,
    ),
    st.sampled_from(["srt", "vtt"]),
)
def test_generated_captions_resolve_as_a_stream_as_whole(
    cues: list[tuple[str, str]], form: str
) -> None:
    # every block is speech: dialogue dashes and an unlabelled start
    out = ["WEBVTT", ""] if form == "vtt" else []
    for i, (name, words) in enumerate(cues):
        if form == "srt":
            out.append(str(i + 1))
        sep = "," if form == "srt" else "."
        out.append(f"00:00:{i:02d}{sep}000 --> 00:00:{i:02d}{sep}900")
        speech = (
            f"<v {name}>{words}"
            if form == "vtt" and name
            else (f"{name}: {words}" if name else f"- {words}\n- Yes.")
        )
        out += [speech, ""]
    assert_same("\n".join(out))


def test_late_speakers_over_a_long_conversation() -> None:
    # Names without a role: who asks is read from conduct, over the opening 500 turns and
    # the first turns of the two speakers who arrive later (held apart, not every turn).
    opening = "Ana Ruiz: What did you see there?\nBen Okoro: The boats, and the nets.\n" * 300
    later = "Cy Park: Can I ask, Ben, why?\nBen Okoro: Because.\nDee Moss: Yes.\n" * 40
    text = opening + later + "Ana Ruiz: Thanks?\nBen Okoro: Bye.\n" * 200
    assert_same(text)
    transcript = api.parse(text)
    assert {s.id: s.turn_count for s in transcript.speakers} == {
        "ana-ruiz": 500,
        "ben-okoro": 540,
        "cy-park": 40,
        "dee-moss": 40,
    }


def test_dialogue_dashes_and_lead_comments() -> None:
    text = "<!-- draft --> A Title\n\n— ¿Cuándo empezó?\n— Hace diez años.\n— ¿Y ahora?\n— Sigo.\n"
    assert_same(text)


def test_no_turns_is_the_same_error() -> None:
    assert_same("Just prose here.\nAnd more of it.\n")


class _Counted:
    """Blocks that can be read again, counting how often they are read."""

    def __init__(self, blocks: list[RawBlock]) -> None:
        self.blocks = blocks
        self.reads = 0

    def __iter__(self) -> Iterator[RawBlock]:
        self.reads += 1
        return iter(self.blocks)


def test_the_stream_reads_its_blocks_again_and_yields_the_collected_model() -> None:
    text = "Title Line\n\nHost: Hi? <!-- x -->\nGuest: Yes.\n" * 3
    reading = api.read(read_text(text))
    expected = build_transcript(reading, _source(reading, None, None))
    counted = _Counted(reading.blocks)
    reading.blocks = counted  # type: ignore[assignment]
    stream = stream_transcript(reading, _source(reading, None, None))
    assert stream.head.turns == [] and stream.head.speakers == expected.speakers
    reads = counted.reads
    events = list(stream.events)
    assert counted.reads == reads + 1  # the emit pass: one more reading of the blocks
    assert [e for e in events if isinstance(e, Turn)] == expected.turns
    assert [e for e in events if isinstance(e, Pair)] == expected.pairs
    assert [e.index for e in events if isinstance(e, Unpaired)] == expected.unpaired_turns
    assert [e for e in events if isinstance(e, Skipped)] == expected.skipped
    again = stream_transcript(reading, _source(reading, None, None))
    assert collect(again) == expected


@SETTINGS
@given(transcripts())
def test_the_census_decides_as_speaker_blocks_does(text: str) -> None:
    reading = api.read(read_text(text))
    for declared in ((), ("Ana Ruiz",)):
        census = LabelCensus(reading.blocks, declared)
        decided = list(census.decide(reading.blocks))
        assert speaker_blocks(reading.blocks, declared) == decided
        # (decided again from the same census: a value, not a one-off iterator)
        assert list(census.decide(reading.blocks)) == decided


@settings(max_examples=150, deadline=None)
@given(
    document=st.text(alphabet=st.sampled_from("Ab: \n\t#*[]0123456789-—?.<!->\u200b"), max_size=99),
    grammar=st.sampled_from(["labelled", "markdown", "timestamped", "qa", "namelines"]),
)
def test_scanned_blocks_are_the_list_read_again(document: str, grammar: str) -> None:
    try:
        listed = read_lines(document, grammar)
    except InterviewParserError:
        return
    scanned = scan_lines(document, grammar)
    assert list(scanned.blocks) == listed.blocks
    assert list(scanned.blocks) == listed.blocks  # (and again: a pass reads them anew)
    assert (scanned.skipped, scanned.front) == (listed.skipped, listed.front)


def _long(text: str) -> str:
    """A text longer than detection's sample, so that the lazy reading is the one used."""
    return text * (SAMPLE_CHARS // max(len(text), 1) + 2)


@pytest.mark.parametrize("path", SAMPLE_FILES, ids=lambda p: p.name)
def test_a_stream_of_a_long_file_collects_to_its_parse(path: Path, tmp_path: Path) -> None:
    # Past the sample, a line family's blocks are made as each pass reads them, and a
    # stream pairs over a window; parse_file holds the list. Both make one transcript.
    file = tmp_path / path.name
    file.write_text(_long(read_bytes(path.read_bytes()).text), encoding="utf-8")
    try:
        got: object = collect(api.stream_file(file, project=False))
    except Exception as exc:
        got = f"{type(exc).__name__}: {exc}"
    try:
        parsed: object = api.parse_file(file, project=False)
    except Exception as exc:
        parsed = f"{type(exc).__name__}: {exc}"
    assert got == parsed


def test_a_long_labelled_file_is_read_lazily() -> None:
    text = _long("Host: Hi?\nGuest: Yes.\n")
    reading = api.read(read_text(text), lazy=True)
    assert isinstance(reading.blocks, ScannedBlocks)
    assert not isinstance(api.read(read_text(text)).blocks, ScannedBlocks)


def test_skipped_spans_come_out_beside_their_turns() -> None:
    # A heading and the layout's time marks are given out once no later block can add a
    # span above them, not held to the end; collected, they are in the order of their line.
    text = "[00:00:01] Host: Hi?\n# Part two\n[00:00:02] Guest: Yes.\n" * 30
    reading = api.read(read_text(text))
    stream = stream_transcript(reading, _source(reading, None, None))
    events = list(stream.events)
    kinds = [type(e).__name__ for e in events]
    assert kinds.index("Skipped") < kinds.index("Turn") + 3
    skipped = [e for e in events if isinstance(e, Skipped)]
    assert skipped == build_transcript(reading, _source(reading, None, None)).skipped
    assert [k.line for k in skipped] == sorted(k.line for k in skipped)


def test_a_turn_made_by_hand_is_the_class_made_one() -> None:
    """The resolver makes its turns field by field (``_new_turn``, to save the keyword
    call): every field of ``Turn`` is set, to what ``Turn(...)`` would give it."""
    from dataclasses import fields

    from interview_parser.model import StageNote
    from interview_parser.resolve import _new_turn

    note = (StageNote(text="[laughs]", line=3, column=7),)
    made = _new_turn(4, "Ann:", "hi [laughs]", 3, 1, 5, 1.5, None, note)
    want = Turn(
        index=4,
        speaker="",
        label="Ann:",
        text="hi [laughs]",
        line=3,
        column=1,
        end_line=5,
        start=1.5,
        end=None,
        notes=note,
    )
    for f in fields(Turn):  # (an unset slot raises AttributeError here)
        assert getattr(made, f.name) == getattr(want, f.name), f.name
    assert made == want
