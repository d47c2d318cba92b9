"""Forced alignment (issue 16) on a synthesized two-voice interview with known turn starts.

The interview is spoken by espeak-ng in the test (tests/align_synth.py): random pauses, and
fillers the transcript leaves out in a third of the turns. These tests skip, saying why,
where espeak-ng or the align extra is missing; CI sets INTERVIEW_PARSER_REQUIRE_ALIGN=1,
under which a skip is a failure.
"""

from __future__ import annotations

import os
import re
import sys
import wave
from pathlib import Path

import pytest
from align_synth import FORMATS, Interview, encode, espeak_missing, synthesize
from click.testing import CliRunner

import interview_parser as ip
from interview_parser.cli import cli


def _missing() -> str | None:
    from interview_parser.align import INSTALL, available

    if not available():
        return f"the align extra is not installed ({INSTALL})"
    return espeak_missing()


def _skip_or_fail(reason: str) -> None:
    if os.environ.get("INTERVIEW_PARSER_REQUIRE_ALIGN") == "1":
        pytest.fail(f"INTERVIEW_PARSER_REQUIRE_ALIGN=1 but {reason}")
    pytest.skip(reason)


@pytest.fixture(scope="module")
def interview(tmp_path_factory: pytest.TempPathFactory) -> tuple[Interview, Path, Path]:
    reason = _missing()
    if reason is not None:
        _skip_or_fail(reason)
    folder = tmp_path_factory.mktemp("interview")
    audio = folder / "interview.wav"
    spoken = synthesize(audio)
    text = folder / "interview.txt"
    text.write_text(spoken.transcript, encoding="utf-8")
    return spoken, text, audio


@pytest.fixture(scope="module")
def aligned(interview: tuple[Interview, Path, Path]) -> ip.Transcript:
    _, text, audio = interview
    return ip.align(ip.parse_file(text), audio)


def test_turn_starts_are_near_the_truth(
    interview: tuple[Interview, Path, Path], aligned: ip.Transcript
) -> None:
    spoken = interview[0]
    assert 100 < spoken.duration < 150  # about two minutes
    assert len(aligned.turns) == len(spoken.starts)
    pairs = zip(aligned.turns, spoken.starts, strict=True)
    errors = [abs(turn.start - truth) for turn, truth in pairs]  # type: ignore[operator]
    assert sum(errors) / len(errors) < 0.15, errors
    assert max(errors) < 0.5, errors


def test_every_word_is_timed_in_order(aligned: ip.Transcript) -> None:
    previous = 0.0
    for turn in aligned.turns:
        assert turn.words and turn.confidence is not None and 0 <= turn.confidence <= 1
        assert [w.text for w in turn.words] == re.findall(r"[\w']+", turn.text)
        for word in turn.words:
            assert previous - 0.02 <= word.start <= word.end
            previous = word.start
        assert turn.start is not None and turn.end is not None and turn.start <= turn.end


def test_json_round_trips_with_the_new_fields(aligned: ip.Transcript) -> None:
    document = aligned.to_json()
    assert '"schema_version": "1.1"' in document
    assert ip.Transcript.from_json(document) == aligned


def _srt_starts(srt: str) -> list[float]:
    starts = []
    for h, m, s, ms in re.findall(r"^(\d\d):(\d\d):(\d\d),(\d\d\d) -->", srt, re.MULTILINE):
        starts.append(int(h) * 3600 + int(m) * 60 + int(s) + int(ms) / 1000)
    return starts


def test_convert_with_audio_puts_a_cue_at_every_turn_start(
    interview: tuple[Interview, Path, Path], aligned: ip.Transcript
) -> None:
    _, text, audio = interview
    result = CliRunner().invoke(cli, ["convert", str(text), "--audio", str(audio), "--to", "srt"])
    assert result.exit_code == 0, result.stderr
    cues = _srt_starts(result.stdout)
    for turn in aligned.turns:
        assert any(abs(cue - turn.start) < 0.05 for cue in cues), (turn.index, turn.start)  # type: ignore[operator]


def _silence(path: Path, seconds: float) -> None:
    with wave.open(str(path), "wb") as handle:
        handle.setnchannels(1)
        handle.setsampwidth(2)
        handle.setframerate(16_000)
        handle.writeframes(bytes(2 * int(16_000 * seconds)))


@pytest.mark.parametrize(
    ("make", "message", "code"),
    [
        (lambda p: p.write_text("not audio at all\n"), "not an audio or video file", 1),
        (lambda p: _silence(p, 150), "the audio is silent", 1),
        (lambda p: _silence(p, 3), "much shorter than the text", 1),
        (lambda p: None, "cannot read: No such file", 2),
    ],
    ids=["not-audio", "silent", "too-short", "missing"],
)
def test_bad_audio_is_one_clear_line(
    interview: tuple[Interview, Path, Path],
    tmp_path: Path,
    make: object,
    message: str,
    code: int,
) -> None:
    _, text, _ = interview
    bad = tmp_path / "bad.wav"
    make(bad)  # type: ignore[operator]
    result = CliRunner().invoke(cli, ["align", str(text), str(bad)])
    assert result.exit_code == code
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"{bad}: error: "), result.stderr
    assert message in lines[0]


def test_other_languages_need_a_model(tmp_path: Path) -> None:
    if _missing() is not None:
        _skip_or_fail(str(_missing()))
    text = tmp_path / "fr.txt"
    text.write_text("---\nlanguage: fr\n---\nA: Bonjour à tous.\n\nB: Merci beaucoup.\n")
    result = CliRunner().invoke(cli, ["align", str(text), str(tmp_path / "x.wav")])
    assert result.exit_code == 2
    assert "--model DIR" in result.stderr


def test_without_the_extra_align_says_what_to_install(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    align_module = sys.modules["interview_parser.align"]  # ip.align is the function
    monkeypatch.setattr(align_module, "available", lambda: False)
    text = tmp_path / "t.txt"
    text.write_text("A: Hello there.\n\nB: Hi.\n")
    for args in (["align", str(text), "x.wav"], ["convert", str(text), "--audio", "x.wav"]):
        result = CliRunner().invoke(cli, args)
        assert result.exit_code == 2
        assert result.stderr.strip() == (
            "interview-parser: error: aligning to audio needs the align extra: "
            "pip install 'interview-parser[align]'"
        )


@pytest.mark.slow
@pytest.mark.parametrize("layout", FORMATS, ids=[layout[0] for layout in FORMATS])
def test_compressed_formats_and_a_video_track_align_too(
    interview: tuple[Interview, Path, Path],
    tmp_path: Path,
    layout: tuple[str, str, str, int, bool],
) -> None:
    spoken, text, audio = interview
    suffix, container, codec, rate, video = layout
    encoded = tmp_path / f"interview.{suffix}"
    encode(audio, encoded, container, codec, rate, video)
    aligned = ip.align(ip.parse_file(text), encoded)
    errors = [abs(t.start - s) for t, s in zip(aligned.turns, spoken.starts, strict=True)]  # type: ignore[operator]
    assert sum(errors) / len(errors) < 0.15 and max(errors) < 0.5, errors
