"""Every exporter writes the same bytes from a stream as from the whole transcript
(docs/streaming.md): a stream's events read once, in order, whatever their interleaving."""

from __future__ import annotations

import io
import random
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from interview_parser import parse
from interview_parser.exporters import EXPORTERS, ExportOptions
from interview_parser.model import (
    Event,
    Pair,
    Transcript,
    TranscriptStream,
    Turn,
    Unpaired,
    Warned,
    replace,
    stream_of,
)

SAMPLES = Path(__file__).parent.parent / "samples"
PATHS = sorted(p for p in SAMPLES.rglob("*") if p.suffix in {".txt", ".md", ".srt", ".vtt"})
OPTIONS = (
    ExportOptions(),
    ExportOptions(indent=None, wpm=80.0, start=5.0, duration=300.0, speaker_style="dash"),
    ExportOptions(qa_style="qa", audio="talk.mp3", cold_open=True, names=True),
)


def interleaved(transcript: Transcript, seed: int) -> TranscriptStream:
    """A stream as a producer might make it: each pair soon after its last turn, skipped
    spans and unpaired turns among the turns, warnings on the way (a few in the head)."""
    rng = random.Random(seed)
    keep = rng.randint(0, len(transcript.warnings))
    head = replace(
        transcript, turns=[], pairs=[], skipped=[], unpaired_turns=[],
        warnings=transcript.warnings[:keep],
    )  # fmt: skip

    def events() -> Iterator[Event]:
        pairs = list(transcript.pairs)
        skipped = list(transcript.skipped)
        unpaired = list(transcript.unpaired_turns)
        warnings = transcript.warnings[keep:]
        for turn in transcript.turns:
            yield turn
            while pairs and _last(pairs[0]) <= turn.index:
                yield pairs.pop(0)
            while skipped and rng.random() < 0.5:
                yield skipped.pop(0)
            while unpaired and unpaired[0] <= turn.index and rng.random() < 0.7:
                yield Unpaired(unpaired.pop(0))
            if warnings and rng.random() < 0.1:
                yield Warned(warnings.pop(0))
        yield from pairs
        yield from skipped
        yield from (Unpaired(i) for i in unpaired)
        yield from (Warned(w) for w in warnings)

    return TranscriptStream(head, events())


def _last(pair: Pair) -> int:
    return max([*pair.question_turns, *pair.answer_turns, *pair.interjection_turns, 0])


def _write(name: str, source: Transcript | TranscriptStream, options: ExportOptions) -> bytes:
    sink = io.BytesIO()
    EXPORTERS[name].write(source, options, sink)
    return sink.getvalue()


@pytest.fixture(scope="module")
def transcripts() -> list[tuple[str, Transcript]]:
    return [(p.name, parse(p.read_text(encoding="utf-8"))) for p in PATHS]


@pytest.mark.parametrize("name", sorted(EXPORTERS))
def test_a_stream_writes_what_the_transcript_writes(
    name: str, transcripts: list[tuple[str, Transcript]]
) -> None:
    assert transcripts
    for k, (path, transcript) in enumerate(transcripts):
        for options in OPTIONS:
            whole = EXPORTERS[name].render(transcript, options).encode("utf-8")
            assert _write(name, transcript, options) == whole, (path, options)
            assert _write(name, stream_of(transcript), options) == whole, (path, options)
            assert _write(name, interleaved(transcript, k), options) == whole, (path, options)
            assert EXPORTERS[name].render(interleaved(transcript, k), options).encode() == whole


@pytest.mark.parametrize("name", sorted(EXPORTERS))
def test_a_stream_is_read_once(name: str) -> None:
    transcript = parse("Host: Hi?\nGuest: Yes.\n" * 30)
    stream = stream_of(transcript)
    reads: list[Event] = []

    def counted() -> Iterator[Event]:
        for event in stream.events:
            reads.append(event)
            yield event

    _write(name, TranscriptStream(stream.head, counted()), ExportOptions())
    assert sum(isinstance(e, Turn) for e in reads) == len(transcript.turns)


_WORDS = st.sampled_from(["Hi?", "Yes.", "well", "[laughter]", "so what", "*really*", "12:30"])


@st.composite
def _texts(draw: st.DrawFn) -> str:
    lines = []
    for _ in range(draw(st.integers(1, 12))):
        who = draw(st.sampled_from(["Host", "Guest", "Q", "A", "Dr. Ng"]))
        said = " ".join(draw(st.lists(_WORDS, min_size=0, max_size=6)))
        stamp = draw(st.sampled_from(["", "[00:00:05] ", "[00:01:00] ", "[00:00:05] "]))
        lines.append(f"{stamp}{who}: {said}")
        if draw(st.booleans()):
            lines.append("")
    return "\n".join(lines) + "\n"


@settings(max_examples=40, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(_texts(), st.integers(0, 1000))
def test_generated_transcripts_stream_to_the_same_bytes(text: str, seed: int) -> None:
    try:
        transcript = parse(text)
    except Exception:
        return
    for name in sorted(EXPORTERS):
        whole = EXPORTERS[name].render(transcript).encode("utf-8")
        assert _write(name, interleaved(transcript, seed), ExportOptions()) == whole, name
