"""Podcasting 2.0 JSON and HTML transcripts: valid against the shipped schema, timed by the
shared timeline, and the schema ships inside the wheel."""

from __future__ import annotations

import json
import subprocess
import sys
import zipfile
from itertools import pairwise
from pathlib import Path

import jsonschema
import pytest
from conftest import ROOT, SAMPLES
from podcast_readers import podcast_schema, read_podcast_html, read_podcast_json
from test_subtitles_files import shown_words

import interview_parser as ip
from interview_parser.exporters import ExportOptions, export
from interview_parser.exporters.podcast_json import schema
from interview_parser.timing import timeline

SAMPLE_FILES = sorted(SAMPLES.iterdir())
ARTICLE = SAMPLES / "article-preamble.txt"


def test_the_schema_is_a_valid_draft_2020_12_schema() -> None:
    jsonschema.Draft202012Validator.check_schema(podcast_schema())
    assert json.loads(schema()) == podcast_schema()


def source_bodies(t: ip.Transcript) -> list[str]:
    """One body per turn; per source segment or cue where the turn keeps their times."""
    bodies: list[str] = []
    for turn in t.turns:
        if len(turn.spans) < 2:
            bodies.append(turn.text)
            continue
        words = turn.text.split()
        bounds = [*(span.word for span in turn.spans), len(words)]
        bodies.extend(" ".join(words[a:b]) for a, b in pairwise(bounds))
    return bodies


@pytest.mark.parametrize("sample", SAMPLE_FILES, ids=lambda p: p.name)
@pytest.mark.parametrize("indent", [2, None])
def test_every_sample_validates(sample: Path, indent: int | None) -> None:
    t = ip.parse_file(sample)
    data = read_podcast_json(export(t, "podcast-json", ExportOptions(indent=indent)))
    assert data["version"] == "1.0.0"
    assert [s["body"] for s in data["segments"]] == source_bodies(t)
    for segment in data["segments"]:
        assert segment["startTime"] <= segment["endTime"]
    starts = [s["startTime"] for s in data["segments"]]
    assert starts == sorted(starts)


@pytest.mark.parametrize(
    "bad",
    [
        {"version": "2.0.0", "segments": []},
        {"version": "1.0.0"},
        {"version": "1.0.0", "segments": [{"startTime": 0, "endTime": 1}]},
        {"version": "1.0.0", "segments": [{"startTime": -1, "endTime": 1, "body": "x"}]},
        {"version": "1.0.0", "segments": [{"startTime": 0, "endTime": 1, "body": "x", "who": "y"}]},
    ],
)
def test_the_schema_rejects_what_is_not_a_transcript(bad: dict[str, object]) -> None:
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.Draft202012Validator(podcast_schema()).validate(bad)


@pytest.mark.parametrize("options", [ExportOptions(), ExportOptions(wpm=120, start=12.5)])
def test_times_and_speakers_come_from_the_shared_timeline_and_the_cast(
    options: ExportOptions,
) -> None:
    t = ip.parse_file(ARTICLE)
    segments = read_podcast_json(export(t, "podcast-json", options))["segments"]
    times = timeline(t, wpm=options.wpm, start=options.start)
    assert [(s["startTime"], s["endTime"]) for s in segments] == [
        (round(x.start, 3), round(x.end, 3)) for x in times.turns
    ]
    assert segments[0]["speaker"] == "Host"
    assert segments[1]["speaker"] == "Prof. Amara Okafor"  # the full name, where known


def test_html_form_has_cite_time_and_p_per_turn() -> None:
    t = ip.parse_file(ARTICLE)
    speeches, times = read_podcast_html(export(t, "podcast-html", ExportOptions(start=3600.0)))
    assert [s.who for s in speeches][:2] == ["Host", "Prof. Amara Okafor"]
    assert [s.paragraphs for s in speeches] == [[x.text] for x in t.turns]
    assert times[0] == "01:00:00.000" and times[1] == "01:00:17.550"


def test_html_escapes_markup_in_speech() -> None:
    t = ip.parse("Host: Is <b>this</b> & that bold?\nGuest: No.\n")
    document = export(t, "podcast-html")
    assert "&lt;b&gt;this&lt;/b&gt; &amp; that" in document
    assert read_podcast_html(document)[0][0].paragraphs == ["Is <b>this</b> & that bold?"]


def test_the_wheel_ships_the_schema(tmp_path: Path) -> None:
    subprocess.run(
        [
            sys.executable,
            "-m",
            "build",
            "--wheel",
            "--no-isolation",
            "--outdir",
            str(tmp_path),
            str(ROOT),
        ],
        check=True,
        capture_output=True,
    )
    (wheel,) = tmp_path.glob("interview_parser-*.whl")
    with zipfile.ZipFile(wheel) as archive:
        shipped = archive.read("interview_parser/schemas/podcast-transcript.schema.json")
    assert json.loads(shipped) == podcast_schema()


@pytest.mark.parametrize("sample", SAMPLE_FILES, ids=lambda p: p.name)
def test_the_parser_reads_our_podcast_json_back(sample: Path) -> None:
    """The parser's podcast-json dialect reads our output back: the same words, speakers and
    start times. It joins consecutive segments of one speaker, and a segment without a
    speaker continues the turn before it, so compare with our turns grouped the same way."""
    t = ip.parse_file(sample)
    document = export(t, "podcast-json")
    segments = json.loads(document)["segments"]
    groups: list[tuple[str, float, list[str]]] = []
    for segment in segments:
        who = segment.get("speaker")
        if groups and who in (None, groups[-1][0]):
            groups[-1][2].extend(segment["body"].split())
        else:
            groups.append((who or "", segment["startTime"], segment["body"].split()))
    back = ip.parse(document)
    assert [x.text.split() for x in back.turns] == [words for _, _, words in groups]
    assert [back.speaker(x.speaker).label for x in back.turns] == [who for who, _, _ in groups]
    assert [x.start for x in back.turns] == pytest.approx([start for _, start, _ in groups])


@pytest.mark.parametrize("sample", SAMPLE_FILES, ids=lambda p: p.name)
def test_turns_start_when_the_podcast_profile_subtitles_start(sample: Path) -> None:
    """Both read the shared timeline: every turn's first startTime is the start of a
    subtitle cue (the podcast profile adds no minimum-duration pacing that could move it),
    and both end together. (Source segments inside a turn are re-cut by the subtitles.)"""
    import srt

    t = ip.parse_file(sample)
    options = ExportOptions(profile="podcast")
    segments = json.loads(export(t, "podcast-json", options))["segments"]
    cues = list(srt.parse(export(t, "srt", options)))
    cue_starts = {round(c.start.total_seconds() * 1000) for c in cues}
    firsts, k = [], 0
    for turn in t.turns:
        if shown_words(turn):
            firsts.append(segments[k])
        k += max(len(turn.spans), 1) if len(turn.spans) > 1 else 1
    assert {round(s["startTime"] * 1000) for s in firsts} <= cue_starts
    assert round(cues[-1].end.total_seconds() * 1000) == round(segments[-1]["endTime"] * 1000)
