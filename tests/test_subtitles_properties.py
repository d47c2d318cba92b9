"""Properties of SRT and WebVTT export on generated transcripts (hypothesis).

Whatever the transcript (long words, CJK, markup characters, written times that are
dense, equal or missing), the files read back with ``srt``, ``pysubs2`` and ``webvtt-py``
keep the hard limits (lines, widths, maximum duration, order, gaps, positive durations),
the reading-speed limits wherever the times leave room for them, every word in order, and
the speakers.
"""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_subtitles_files import check_file, shown_words

from interview_parser import Role, Speaker, Transcript, Turn
from interview_parser.exporters import ExportOptions
from interview_parser.model import Source
from interview_parser.subtitles import PROFILES

WORDS = st.sampled_from(
    ["the", "a", "of", "and", "harbour", "Okafor", "Prof.", "stones,", "winter.", "why?",
     "it's", "1989", "23:40", "Zoë", "naïve", "fish&chips", "<b>bold</b>", "a-->b", "—",
     "x" * 45, "Donaudampfschifffahrtsgesellschaft", "今日は良い天気ですね。", "서울에서",
     "well...", "\"quoted\"", "(aside)", "[laughter]", "-", "5%"]
)  # fmt: skip
PARAGRAPH = st.lists(WORDS, min_size=1, max_size=60).map(" ".join)
TEXT = st.lists(PARAGRAPH, min_size=1, max_size=3).map("\n\n".join)
LABELS = ["Host", "Prof. Amara Okafor", "Q", "A", "李明", "Fish & Chips <Ltd>", "Speaker 2"]


@st.composite
def transcripts(draw: st.DrawFn, timed: bool) -> Transcript:
    labels = draw(st.lists(st.sampled_from(LABELS), min_size=1, max_size=3, unique=True))
    said = draw(st.lists(st.tuples(st.integers(0, len(labels) - 1), TEXT), min_size=1, max_size=8))
    starts: list[float | None] = [None] * len(said)
    if timed:
        gaps = draw(st.lists(st.floats(0, 30), min_size=len(said), max_size=len(said)))
        clock = 0.0
        for i, gap in enumerate(gaps):
            clock += gap
            starts[i] = round(clock, 3) if draw(st.booleans()) or i == 0 else None
    turns = [
        Turn(index=i, speaker=f"s{who}", label=labels[who], text=text, line=i + 1, column=1,
             end_line=i + 1, start=starts[i])
        for i, (who, text) in enumerate(said)
    ]  # fmt: skip
    speakers = [
        Speaker(id=f"s{i}", label=label, role=Role.other, role_source="declared",
                turn_count=sum(t.speaker == f"s{i}" for t in turns))
        for i, label in enumerate(labels)
    ]  # fmt: skip
    source = Source(encoding="utf-8", newline="\n", final_newline=True, line_count=len(turns),
                    dialect="labelled", dialect_evidence="generated")  # fmt: skip
    return Transcript(source=source, speakers=speakers, turns=turns, pairs=[])


OPTIONS = st.builds(
    ExportOptions,
    profile=st.sampled_from(sorted(PROFILES)),
    speaker_style=st.sampled_from(["prefix", "dash", "none"]),
    wpm=st.floats(40, 400),
    pause=st.floats(0, 2),
    start=st.floats(0, 7200),
)
FORMATS = st.sampled_from(["srt", "vtt"])
SLOW = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SLOW
@given(transcripts(timed=False), OPTIONS, FORMATS)
def test_estimated_tracks_keep_every_limit(
    transcript: Transcript, options: ExportOptions, fmt: str
) -> None:
    cues = check_file(transcript, fmt, options, soft=True)
    if shown_words(transcript.turns[0]):
        assert abs(cues[0].start - round(options.start * 1000)) <= 1


@SLOW
@given(transcripts(timed=True), OPTIONS, FORMATS)
def test_written_times_keep_hard_limits_and_reading_speed_where_there_is_room(
    transcript: Transcript, options: ExportOptions, fmt: str
) -> None:
    check_file(transcript, fmt, options, soft=False)


@SLOW
@given(transcripts(timed=False), OPTIONS, FORMATS, st.floats(1, 36000))
def test_duration_stretches_an_estimated_track(
    transcript: Transcript, options: ExportOptions, fmt: str, duration: float
) -> None:
    options = ExportOptions(**{**options.__dict__, "duration": duration})
    check_file(transcript, fmt, options, soft=False)
