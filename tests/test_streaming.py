"""Exporters that write as they go (docs/streaming.md): the same bytes as the whole document,
whether the turns come from the transcript's list or from an iterator, in any size of piece."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from interview_parser import parse
from interview_parser.exporters import (
    EXPORTERS,
    ExportOptions,
    joined,
    jsonout,
    markdown,
    write_text,
)
from interview_parser.model import Transcript
from interview_parser.subtitles import build_track, get_profile, stream_track

SAMPLES = sorted(
    p
    for p in (Path(__file__).parent.parent / "samples").rglob("*")
    if p.suffix in {".txt", ".md", ".srt", ".vtt"}
)
SHORT = "Host: Hi?\nGuest: Yes.\n" * 40


def _transcripts() -> list[tuple[str, str]]:
    return [("short lines", SHORT), *((p.name, p.read_text()) for p in SAMPLES[:12])]


@pytest.mark.parametrize(("name", "text"), _transcripts())
@pytest.mark.parametrize("indent", [2, None, 4])
def test_json_from_iterators_is_the_json_of_the_lists(name: str, text: str, indent: int) -> None:
    transcript = parse(text)
    whole = transcript.to_json(indent=indent).encode()
    for chunk in (1, 3, 2000):
        pieces = jsonout.pieces(
            transcript,
            indent=indent,
            chunk=chunk,
            turns=iter(transcript.turns),
            pairs=(pair for pair in transcript.pairs),
        )
        assert b"".join(pieces) == whole, (name, chunk)


def test_json_of_no_items_from_an_iterator() -> None:
    transcript = parse("Host: Hi?\n")
    whole = transcript.to_json().encode()
    assert b"".join(jsonout.pieces(transcript, turns=iter(transcript.turns), pairs=iter([]))) == (
        whole
    )


@pytest.mark.parametrize("style", ["names", "qa"])
def test_markdown_takes_its_turns_from_an_iterator(style: str) -> None:
    transcript = parse(SHORT)
    options = ExportOptions(qa_style=style)
    from_iterator = "".join(markdown.pieces(transcript, options, iter(transcript.turns)))
    assert from_iterator == EXPORTERS["markdown"].render(transcript, options)


@pytest.fixture(scope="module")
def long_transcript() -> Transcript:
    return parse("Host: Hi?\nGuest: Yes.\n" * 5000)


@pytest.mark.parametrize("name", sorted(EXPORTERS))
def test_every_writer_writes_a_long_document_in_several_writes(
    name: str, long_transcript: Transcript
) -> None:
    transcript = long_transcript
    writes: list[int] = []

    class Counting(io.BytesIO):
        def write(self, data: object) -> int:
            writes.append(1)
            return super().write(data)  # type: ignore[arg-type]

    stream = Counting()
    EXPORTERS[name].write(transcript, ExportOptions(), stream)
    assert stream.getvalue() == EXPORTERS[name].render(transcript).encode("utf-8")
    assert len(writes) > 1  # never the whole document in one piece


def test_write_text_gathers_pieces_into_writes_of_about_the_size() -> None:
    sink = io.BytesIO()
    calls: list[bytes] = []
    sink.write = calls.append  # type: ignore[assignment,method-assign]
    write_text(["ab", "c", "dé", "", "fg"], sink, size=3)
    assert calls == [b"abc", "défg".encode()]
    assert b"".join(calls).decode() == "abcdéfg"


def test_joined_is_str_join_in_pieces() -> None:
    for parts in ([], ["a"], ["a", "", "b"]):
        assert "".join(joined(iter(parts), "\n\n")) == "\n\n".join(parts)


@pytest.mark.parametrize("style", ["prefix", "dash", "none"])
@pytest.mark.parametrize("duration", [None, 20.0])
def test_the_cue_stream_is_the_track(style: str, duration: float | None) -> None:
    transcript = parse(SHORT + "Host: " + "word " * 200 + "\n")
    options = {
        "profile": get_profile("netflix", "srt"),
        "style": style,
        "wpm": 160.0,
        "pause": 0.3,
        "duration": duration,
    }
    stream = stream_track(transcript, **options)  # type: ignore[arg-type]
    track = build_track(transcript, **options)  # type: ignore[arg-type]
    first = next(stream.cues)  # made on demand: the first cue comes before the rest exist
    assert [first, *stream.cues] == track.cues
    assert stream.estimated == track.estimated
    starts = [cue.start for cue in track.cues]
    assert starts == sorted(starts)
    assert all(b.start >= a.end for a, b in zip(track.cues, track.cues[1:], strict=False))
