"""The model as a stream: :func:`stream_of` and :func:`collect` are inverses, and a stream's
events are read once."""

from __future__ import annotations

import pytest
from conftest import SAMPLES, shared_path

from interview_parser import parse
from interview_parser.model import Unpaired, Warned, collect, replace, stream_of


def test_every_sample_collects_back_equal() -> None:
    paths = sorted(SAMPLES.glob("*.txt"))
    assert paths
    for path in paths:
        transcript = parse(path.read_text(encoding="utf-8"))
        assert collect(stream_of(transcript)) == transcript, path.name


def test_the_head_holds_no_turns_and_events_are_read_once() -> None:
    transcript = parse("Host: Hello?\nGuest: Hi.\nHost: Bye.\n")
    stream = stream_of(transcript)
    assert stream.head.turns == [] and stream.head.pairs == []
    assert stream.head.speakers == transcript.speakers
    events = list(stream.events)
    assert [e for e in events if isinstance(e, Unpaired)] == [
        Unpaired(i) for i in transcript.unpaired_turns
    ]
    assert list(stream.events) == []


def test_warnings_from_events_follow_the_head_warnings() -> None:
    transcript = parse("Host: Hello?\nGuest: Hi.\n")
    head = replace(transcript, turns=[], pairs=[], unpaired_turns=[], warnings=["first"])
    stream = stream_of(head)
    stream.events = iter([*transcript.turns, Warned("second")])
    assert collect(stream).warnings == ["first", "second"]
    assert collect(stream_of(transcript)).turns == transcript.turns


def _stream_equals_parse(data: bytes) -> None:
    from interview_parser import api
    from interview_parser.errors import InterviewParserError

    try:
        expected: object = api.parse_bytes(data)
    except InterviewParserError as exc:
        expected = str(exc)
    try:
        got: object = collect(api.stream_bytes(data))  # pairing over a window
    except InterviewParserError as exc:
        got = str(exc)
    assert got == expected


@pytest.fixture(params=["list", "window"])
def pairing(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """Both ways a stream pairs: a list of the turns (small texts) and a window (large)."""
    from interview_parser import api

    monkeypatch.setattr(api, "WINDOW_CHARS", 0 if request.param == "window" else 1 << 40)
    return str(request.param)


def test_the_streaming_entry_collects_to_the_parse_on_every_sample(pairing: str) -> None:
    paths = sorted(p for p in SAMPLES.rglob("*") if p.is_file())
    assert paths
    for path in paths:
        _stream_equals_parse(path.read_bytes())


def test_the_streaming_entry_collects_to_the_parse_on_the_corpus(pairing: str) -> None:
    corpus = shared_path("corpus-dev")
    files = sorted(p for p in corpus.rglob("*") if p.is_file() and p.suffix != ".json")
    assert files
    for path in files:
        _stream_equals_parse(path.read_bytes())
