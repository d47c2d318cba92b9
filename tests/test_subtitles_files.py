"""SRT and WebVTT read back with independent libraries keep every promise of issue 4.

Each file we write is parsed by ``srt`` and ``pysubs2`` (SRT) or ``webvtt-py`` (WebVTT), and
the cues those libraries see are checked: profile limits, order, gaps, positive durations,
the words of the cues in order are exactly the words of the turns, and the speakers read
back give the transcript's turns (SRT) or runs of speakers (WebVTT). The checks here are
reused by the property tests in test_subtitles_properties.py.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass, replace

import pysubs2
import pytest
import srt
import webvtt
from conftest import SAMPLES

from interview_parser import Transcript, Turn, parse, parse_file
from interview_parser.exporters import ExportOptions, export
from interview_parser.subtitles import PROFILES, Profile, get_profile, shown_names
from interview_parser.subtitles.cuetiming import needed
from interview_parser.subtitles.width import display_width, tokens


@dataclass(frozen=True)
class Read:
    """A cue as a third-party reader saw it: times in ms, lines, and the voice (WebVTT)."""

    start: int
    end: int
    lines: list[str]
    voices: list[str | None]  # one per line: the <v> voice it sits in, None outside one


def read_srt(text: str) -> list[Read]:
    """Read with ``srt``, and check ``pysubs2`` reads the same times and text."""
    cues = [
        Read(
            round(s.start.total_seconds() * 1000),
            round(s.end.total_seconds() * 1000),
            s.content.split("\n"),
            [],
        )
        for s in srt.parse(text)
    ]
    events = pysubs2.SSAFile.from_string(text, format_="srt").events
    assert [(e.start, e.end) for e in events] == [(c.start, c.end) for c in cues]
    for event, cue in zip(events, cues, strict=True):
        if any(mark in "".join(cue.lines) for mark in "<{\\"):
            continue  # pysubs2 reads these as markup
        if cue is cues[-1] and cue.lines[-1].strip().isdigit():
            continue  # pysubs2 drops a last line of digits: it takes it for a next cue number
        assert event.plaintext.split("\n") == cue.lines
    return cues


_VOICE = re.compile(r"<v ([^>]*)>(.*?)</v>", re.S)


def _ms(stamp: str) -> int:
    hours, minutes, seconds = stamp.split(":")
    return round((int(hours) * 3600 + int(minutes) * 60 + float(seconds)) * 1000)


def unescape(text: str) -> str:
    return text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")


def read_vtt(text: str) -> list[Read]:
    """Read with ``webvtt-py``; voices from its raw cue text, one per displayed line."""
    cues: list[Read] = []
    for caption in webvtt.from_buffer(io.StringIO(text)):
        raw = caption.raw_text
        assert "-->" not in raw
        lines: list[str] = []
        voices: list[str | None] = []
        spans = _VOICE.findall(raw)
        if spans:  # nothing outside the voice spans
            assert "\n".join(f"<v {v}>{t}</v>" for v, t in spans) == raw
        for voice, body in spans or [(None, raw)]:
            for line in body.split("\n"):
                assert "<" not in line and ">" not in line
                lines.append(unescape(line))
                voices.append(unescape(voice) if voice is not None else None)
        cues.append(Read(_ms(caption.start), _ms(caption.end), lines, voices))
    return cues


def check_limits(cues: list[Read], profile: Profile, *, soft: bool = True) -> None:
    """Hard limits always; ``soft`` (reading speed, minimum time) wherever there was room."""
    for i, cue in enumerate(cues):
        assert cue.end > cue.start, cue
        assert len(cue.lines) <= profile.max_lines, cue
        for line in cue.lines:
            assert display_width(line) <= profile.max_width or len(tokens(line)) == 1, line
        if profile.max_ms is not None:
            assert cue.end - cue.start <= profile.max_ms, cue
        if i + 1 < len(cues):
            assert cues[i + 1].start - cue.end >= profile.min_gap_ms, (cue, cues[i + 1])
        text = " ".join(cue.lines)
        need = needed(profile, display_width(text), len(text.split()))
        room = cues[i + 1].start - profile.min_gap_ms - cue.start if i + 1 < len(cues) else need
        assert cue.end - cue.start >= (need if soft else min(need, room)), (cue, need)


def spoken(
    cues: list[Read], labels: set[str], fmt: str, style: str, dash: str = "- "
) -> list[list[str]]:
    """Turns read back from the cues: ``[label, word, word, ...]`` each.

    SRT with prefixes: a cue starting ``Label:`` (a known label) opens a turn. WebVTT with
    voices: a change of voice opens one (so a speaker's consecutive turns come back as one
    run). Without speaker marks everything is one run labelled "?". Dashes (``dash``, the
    profile's form) that open the two lines of a dual-speaker cue are dropped.
    """
    turns: list[list[str]] = []
    for cue in cues:
        dual = len(cue.lines) == 2 and all(line.startswith(dash) for line in cue.lines)
        voices = cue.voices or [None] * len(cue.lines)
        if dual:
            cut = len(dash)
            parts = [(line[cut:], voice) for line, voice in zip(cue.lines, voices, strict=True)]
        else:
            parts = [(" ".join(cue.lines), voices[0])]
        for text, voice in parts:
            label = voice if fmt == "vtt" else None
            if fmt == "srt" and style == "prefix":
                label = next((lb for lb in labels if text.startswith(f"{lb}: ")), None)
                text = text[len(label) + 2 :] if label else text
                opens = label is not None
            else:
                opens = not turns or (label is not None and turns[-1][0] != label)
            if opens:
                turns.append([label or "?"])
            turns[-1].extend(text.split())
    return turns


_BREAK_PARAGRAPH = re.compile(r"\W*break\W*(?:\d+:\d\d\W*)?", re.IGNORECASE)


def shown_words(turn: Turn) -> list[str]:
    """The words a viewer should see of ``turn`` with stage notes kept (issue 14): Markdown
    escapes and bold markers gone, a break paragraph gone, a dash opening a caption cue or
    a paragraph gone. Written apart from the exporter's own reading, on purpose."""
    starts = {span.word for span in turn.spans}
    out: list[str] = []
    index = 0
    for paragraph in turn.text.split("\n\n"):
        words = paragraph.split()
        kept = [
            word
            for k, word in enumerate(words)
            if not (word in ("-", "–", "—") and (k == 0 or index + k in starts))
        ]
        plain = re.sub(r"<(\w+)[^<>]*>(.*?)</\1>", r"\2", " ".join(kept))
        plain = re.sub(r"\\(\W)", r"\1", plain).replace("**", "")
        if not _BREAK_PARAGRAPH.fullmatch(plain):
            out.extend(plain.split())
        index += len(words)
    return out


def expected(transcript: Transcript, fmt: str, style: str) -> list[list[str]]:
    """What :func:`spoken` should give for ``transcript``."""
    marked = style == "prefix" if fmt == "srt" else style != "none"
    names = shown_names(transcript)
    out: list[list[str]] = []
    for turn in transcript.turns:
        if not shown_words(turn):
            continue  # nothing to show (a lone dash): no cue
        label = names[turn.speaker] if marked else "?"
        run = out and (fmt == "vtt" or not marked) and out[-1][0] == label
        if run:
            out[-1].extend(shown_words(turn))
        else:
            out.append([label, *shown_words(turn)])
    return out


def join_glued(turns: list[list[str]]) -> list[list[str]]:
    """Text cut inside a CJK run has no space to keep: compare runs without spaces."""
    return [[t[0], "".join(t[1:])] for t in turns]


def check_file(
    transcript: Transcript, fmt: str, options: ExportOptions, *, soft: bool = True
) -> list[Read]:
    """Export, read back, check limits and the words and speakers; return the cues."""
    text = export(transcript, fmt, replace(options, notes="keep"))
    cues = read_srt(text) if fmt == "srt" else read_vtt(text)
    profile = get_profile(options.profile, fmt)
    check_limits(cues, profile, soft=soft)
    style = options.speaker_style or "prefix"
    labels = set(shown_names(transcript).values())
    got = spoken(cues, labels, fmt, style, profile.dash)
    want = expected(transcript, fmt, style)
    assert got == want or join_glued(got) == join_glued(want)
    return cues


SAMPLE_FILES = sorted(p for p in SAMPLES.iterdir() if p.is_file() and not p.name.startswith("."))
CASES = [
    (sample, fmt, profile, style)
    for sample in SAMPLE_FILES
    for fmt in ("srt", "vtt")
    for profile in PROFILES
    for style in ("prefix", "dash", "none")
]


@pytest.mark.parametrize(
    ("sample", "fmt", "profile", "style"),
    CASES,
    ids=[f"{s.name}-{f}-{p}-{st}" for s, f, p, st in CASES],
)
def test_sample_reads_back(sample, fmt, profile, style):  # type: ignore[no-untyped-def]
    transcript = parse_file(sample)
    timed = any(turn.start is not None for turn in transcript.turns)
    options = ExportOptions(profile=profile, speaker_style=style)
    # Written times bind: reading speed is checked wherever they leave room (see check_limits).
    cues = check_file(transcript, fmt, options, soft=not timed)
    first = transcript.turns[0].start
    assert cues[0].start == round((first or 0) * 1000)  # the first turn's time, else 0


ROUND_TRIP = [
    pytest.param(sample, fmt, id=f"{sample.name}-{fmt}")
    for sample in SAMPLE_FILES
    for fmt in ("srt", "vtt")
]


@pytest.mark.parametrize(("sample", "fmt"), ROUND_TRIP)
def test_round_trip_through_the_parser(sample, fmt):  # type: ignore[no-untyped-def]
    """Our SRT or WebVTT read back as an input transcript gives the same speakers and turns."""
    transcript = parse_file(sample)
    again = parse(export(transcript, fmt, ExportOptions(notes="keep")), path=f"again.{fmt}")
    names = shown_names(transcript)
    want = expected(transcript, fmt, "prefix")
    got = [[again.speaker(t.speaker).label, *t.text.split()] for t in again.turns]
    if fmt == "vtt":  # voices do not mark where a speaker's consecutive turns divide
        got = [[run[0], *[w for _, *words in run[1] for w in words]] for run in _runs(got)]
    assert got == want
    assert {s.label for s in again.speakers} == {names[t.speaker] for t in transcript.turns}


def _runs(turns: list[list[str]]) -> list[tuple[str, list[list[str]]]]:
    runs: list[tuple[str, list[list[str]]]] = []
    for turn in turns:
        if runs and runs[-1][0] == turn[0]:
            runs[-1][1].append(turn)
        else:
            runs.append((turn[0], [turn]))
    return runs
