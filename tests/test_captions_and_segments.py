"""Captions and segment formats: cue shapes, speakers the format declares, unlabelled speech,
JSON and CSV segments at their own lines, and warnings when speech may have been missed."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner
from conftest import SAMPLES

import interview_parser as ip
from interview_parser.cli import cli


def runs(t: ip.Transcript) -> list[tuple[str, int, float | None]]:
    return [(t.speaker(x.speaker).label, x.line, x.start) for x in t.turns]


# --- cue shapes ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("timing", "start", "end"),
    [
        ("0.860 --> 7.380", 0.86, 7.38),
        ("1:01.460 --> 1:03.000", 61.46, 63.0),
        ("00:01:01.460 --> 00:01:03.000 align:start", 61.46, 63.0),
        ("01:01.460 --> 01:03.000", 61.46, 63.0),
        ("0:1:1.460 --> 0:1:3.0", 61.46, 63.0),  # unpadded, as Microsoft Teams writes them
    ],
)
def test_webvtt_cue_times_in_short_forms(timing: str, start: float, end: float) -> None:
    t = ip.parse(f"WEBVTT\n\n{timing}\n<v Ana>Hello there.\n")
    assert (t.turns[0].start, t.turns[0].end) == (start, end)


@pytest.mark.parametrize(
    ("head", "dialect"),
    [
        ("00:00:01,000 --> 00:00:02,000\nAna: Hi.\n", "srt"),  # no cue number
        ("7\n0.500 --> 1.500\nAna: Hi.\n", "srt"),  # short times
        ("0:0:0.0 --> 0:0:6.120\nAna Lee\nHi.\n", "srt"),  # unpadded (Teams)
        ("1 --> 2 is the plan\nAna: Hi.\n", None),  # an arrow in prose
        ('[\n {"start": 0, "end": 900, "text": "Hi."}\n]\n', "json-array"),
        ("[1, 2, 3]\n", None),
    ],
)
def test_caption_and_segment_signatures(head: str, dialect: str | None) -> None:
    from interview_parser.dialects import signature

    assert signature(head) == dialect


def test_srt_with_broken_cues_keeps_every_turn() -> None:
    t = ip.parse_file(SAMPLES / "broken-cues.srt")
    assert [(label, line) for label, line, _ in runs(t)] == [
        ("Ines", 3),
        ("Tom", 8),  # cue 13 twice: the second one continues Tom
        ("Ines", 16),  # a cue without its number
        ("Tom", 20),
        ("Ines", 23),  # a second label after a blank line inside cue 14
        ("Tom", 27),  # a cue of no length, then an unlabelled cue that continues it
    ]
    assert "three council meetings" in t.turns[1].text
    assert not t.warnings


def test_a_line_with_an_arrow_is_never_cue_text() -> None:
    text = "1\n00:00:01,000 --> 00:00:02,000\nAna: Hi.\n2\n00:00:03,000 --> 00:00:04,000\nBo: Yo.\n"
    t = ip.parse(text)  # no blank line between the cues
    assert [(label, line) for label, line, _ in runs(t)] == [("Ana", 3), ("Bo", 6)]


# --- speakers that the format declares ------------------------------------------------


def _podcast_json(*segments: tuple[str, str]) -> str:
    items = [
        {"speaker": s, "startTime": i, "endTime": i + 1, "body": b}
        for i, (s, b) in enumerate(segments)
    ]
    return json.dumps({"version": "1.0.0", "segments": items}, indent=2)


def test_a_json_speaker_is_a_speaker_whatever_its_shape() -> None:
    t = ip.parse(_podcast_json(("Ana Ruiz", "Who shaped you?"), ("bell hooks", "Teachers did.")))
    assert [label for label, _, _ in runs(t)] == ["Ana Ruiz", "bell hooks"]
    t = ip.parse(_podcast_json(("alice", "Ready?"), ("bob", "Yes."), ("alice", "Go.")))
    assert [label for label, _, _ in runs(t)] == ["alice", "bob", "alice"]


def test_voice_tags_are_speakers_and_their_entities_are_decoded() -> None:
    t = ip.parse(
        "WEBVTT\n\n00:01.000 --> 00:02.000\n<v lena>Hi.\n\n00:02.000 --> 00:03.000\n"
        "<v Lena &amp; Co>Hello, lena.\n"
    )
    assert [s.label for s in t.speakers] == ["lena", "Lena & Co"]
    assert t.title is None and t.preamble is None


def test_meeting_captions_with_a_prefix_on_every_cue_merge_runs() -> None:
    t = ip.parse_file(SAMPLES / "meeting-captions.vtt")
    assert [label for label, _, _ in runs(t)] == [
        "Priya Raman",
        "lukasz",  # a lower-case handle: the prefix on every cue names the speaker
        "Priya Raman",
        "lukasz",
        "Priya Raman",
    ]
    assert t.turns[1].text.endswith("Two are still flaky.")
    assert [s.kind for s in t.skipped].count("repeated label") == 2


def test_a_handle_that_speaks_once_in_meeting_captions_is_a_speaker() -> None:
    lines = ["Kai Ode: Can you hear me?", "mo: Yep.", "Kai Ode: Good.", "Kai Ode: Let's start."]
    text = "WEBVTT\n\n" + "".join(
        f"{i + 1}\n00:00:0{i}.000 --> 00:00:0{i}.900\n{line}\n\n" for i, line in enumerate(lines)
    )
    t = ip.parse(text)
    assert [label for label, _, _ in runs(t)] == ["Kai Ode", "mo", "Kai Ode"]


def test_a_lower_case_handle_that_starts_several_cues_is_a_speaker() -> None:
    cues = ["Ana: Ready?", "ülle: Nearly.", "Ana: Now?", "ülle: Now.", "Give me: a minute.", "Go."]
    text = "".join(
        f"{i + 1}\n00:00:0{i},000 --> 00:00:0{i},900\n{c}\n\n" for i, c in enumerate(cues)
    )
    t = ip.parse(text)
    assert [label for label, _, _ in runs(t)] == ["Ana", "ülle", "Ana", "ülle"]
    assert t.turns[-1].text == "Now. Give me: a minute. Go."


def test_a_prefix_only_on_speaker_change_is_not_repeated_layout() -> None:
    t = ip.parse_file(SAMPLES / "captions.srt")
    assert "repeated label" not in {s.kind for s in t.skipped}


# --- speech with no speaker -----------------------------------------------------------


def test_a_name_line_at_the_top_of_every_cue_is_its_speaker() -> None:
    # Microsoft Teams: a name alone above each cue's words, times unpadded; a repeated name
    # continues the turn (the repeat is layout), wrapped lines join
    t = ip.parse_file(SAMPLES / "teams-transcript.txt")
    assert runs(t)[:3] == [
        ("Priya Nair", 2, 0.0),
        ("Tomás Reyes", 6, 7.24),
        ("Priya Nair", 15, 26.1),
    ]
    assert "truck, and we sell" in t.turns[1].text
    assert t.turns[1].text.endswith("together. Before that, each of us drove to the market alone.")
    assert t.turns[1].end == 26.1
    assert t.turns[-1].start == 62.65
    assert t.source.dialect_evidence.endswith("a name line at the top of every cue")
    assert [k.text for k in t.skipped if k.kind == "repeated label"] == ["Tomás Reyes"]


@pytest.mark.parametrize(
    "first_lines",
    [
        ["Good morning", "Welcome back", "After the break", "Later that day"],  # no repeat
        ["Ana Lee", "Ana Lee", "Ana Lee", "and then we left"],  # not on nearly every cue
    ],
)
def test_first_lines_of_subtitles_are_not_names_unless_every_cue_names_someone_who_recurs(
    first_lines: list[str],
) -> None:
    cues = "".join(
        f"00:00:0{i},000 --> 00:00:0{i + 1},000\n{first}\nthe rest of the line.\n\n"
        for i, first in enumerate(first_lines)
    )
    t = ip.parse(cues)
    assert [s.label for s in t.speakers] == [""]


def test_speakers_in_brackets_or_after_chevrons_in_cues() -> None:
    # SDH subtitles name the speaker in square brackets when the speaker changes; a
    # broadcast caption after ">>"; a stage note in brackets ("[Music]") names nobody
    sdh = ip.parse_file(SAMPLES / "sdh-captions.vtt")
    assert [s.label for s in sdh.speakers] == ["", "NORA", "BRAM"]
    assert sdh.turns[0].text == "[Music]"
    assert sdh.turns[2].text == "My family, since my grandfather. He sold eels from a cart. " + (
        "Now it is mostly mackerel."
    )
    chevrons = ip.parse_file(SAMPLES / "chevron-captions.srt")
    assert [s.label for s in chevrons.speakers] == ["ANCHOR", "TOMAS"]
    assert chevrons.turns[1].text.startswith("On the old bridge.")
    assert len(chevrons.pairs) == 2


def test_captions_with_no_speaker_are_one_unlabelled_speaker_and_say_so() -> None:
    t = ip.parse_file(SAMPLES / "short-times.vtt")
    assert [(s.label, s.turn_count) for s in t.speakers] == [("", 1)]
    assert t.preamble is None and t.title is None
    assert t.turns[0].text.startswith("Morning on the allotments")
    assert t.turns[0].text.endswith("why nobody agrees about it.")
    assert t.warnings == ["no speaker labels found: read as one unlabelled speaker"]


def test_cues_before_the_first_label_are_an_unlabelled_speaker() -> None:
    text = (
        "1\n00:00:01,000 --> 00:00:02,000\nWelcome, everyone.\n\n"
        "2\n00:00:02,000 --> 00:00:03,000\nAna: Thanks.\n\n"
        "3\n00:00:03,000 --> 00:00:04,000\nBo: Hi.\n\n"
        "4\n00:00:04,000 --> 00:00:05,000\nAna: Bye.\n"
    )
    t = ip.parse(text)
    assert [label for label, _, _ in runs(t)] == ["", "Ana", "Bo", "Ana"]
    assert t.warnings == [
        "lines 3-6: speech before the first speaker label read as an unlabelled speaker"
    ]


def test_dialogue_dashes_never_hand_speech_to_a_rejected_label() -> None:
    # "Credits:" once at the top is no speaker: the dashes later stay with the one voice.
    cues = ["Credits: the volunteers", "It was cold.", "- Was it?\n- Very.", "Then it rained."]
    text = "".join(
        f"{i + 1}\n00:00:0{i},000 --> 00:00:0{i},900\n{c}\n\n" for i, c in enumerate(cues)
    )
    t = ip.parse(text)
    assert [s.label for s in t.speakers] == [""]
    assert "Credits: the volunteers" in t.turns[0].text


# --- JSON and CSV segments ----------------------------------------------------------


def test_a_json_segment_without_a_body_does_not_shift_later_lines() -> None:
    text = (
        '{"segments": [\n'
        '  {"speaker": "Ana", "body": "One."},\n'
        '  {"speaker": "Bo", "startTime": 1},\n'
        '  {"speaker": "Ana",\n'
        '   "body": "Three."},\n'
        '  {"speaker": "Bo", "body": "Four."}\n'
        "]}\n"
    )
    t = ip.parse(text)
    assert [(label, line) for label, line, _ in runs(t)] == [
        ("Ana", 2),
        ("Bo", 3),
        ("Ana", 5),
        ("Bo", 6),
    ]


def test_a_json_array_in_milliseconds() -> None:
    t = ip.parse_file(SAMPLES / "segments-ms.json")
    assert t.source.dialect == "json-array"
    assert (t.turns[0].start, t.turns[0].end) == (0.0, 12.9)
    assert t.warnings == ["no speaker labels found: read as one unlabelled speaker"]


@pytest.mark.parametrize(
    ("times", "seconds"),
    [
        ([(0, 4200), (4500, 9000)], (0.0, 9.0)),  # whole numbers, long segments: ms
        ([(0, 4), (4, 9)], (0.0, 9.0)),  # whole numbers, short segments: seconds
        ([(0.0, 4.2), (4.5, 9.0)], (0.0, 9.0)),  # fractions: seconds
    ],
)
def test_json_array_time_units(
    times: list[tuple[float, float]], seconds: tuple[float, float]
) -> None:
    items = [{"start": a, "end": b, "speaker": "Ana", "text": "Yes."} for a, b in times]
    t = ip.parse(json.dumps(items))
    assert (t.turns[0].start, t.turns[-1].end) == seconds


def test_csv_with_a_speaker_column() -> None:
    t = ip.parse_file(SAMPLES / "speaker-column.csv")
    assert t.source.dialect == "csv"
    assert runs(t) == [
        ("HK", 2, 0.0),
        ("MO", 3, None),
        ("HK", 5, None),
        ("MO", 6, 100.0),  # 'MO:' is the same speaker; the row below without one goes on
        ("HK", 8, None),
        ("MO", 9, None),
    ]
    assert t.turns[3].text.endswith('the new stones were "too polite" for the sea.')
    assert t.turns[0].column == 8  # the speaker cell
    kinds = [(s.kind, s.text) for s in t.skipped]
    assert kinds[0] == ("csv header", "time,speaker,text,codes")
    assert ("csv cells", "harbour; childhood") in kinds


@pytest.mark.parametrize(
    ("header", "dialect"),
    [
        ("timestamp,speaker,words,tags", "csv"),
        ("Speaker;Text", "csv"),
        ("start\tend\tspeaker\ttranscript", "csv"),
        ("name,age,city", None),  # a name column but nothing spoken
    ],
)
def test_csv_is_detected_from_its_header(header: str, dialect: str | None) -> None:
    from interview_parser.dialects import signature

    assert signature(f"{header}\nAna,hello\n") == dialect


# --- the preamble never swallows speech silently -----------------------------------


@pytest.mark.parametrize(
    ("lead", "reason"),
    [
        ("word " * 600 + "\n", "is long (600 words)"),
        ("From the tape:\n00:01.000 --> 00:02.000\nHello.\n", "holds 1 line with cue timings"),
        ("[0:00] Hello and welcome.\n[0:05] Hi.\n", "holds 2 lines with cue timings"),
    ],
)
def test_a_lead_that_may_be_speech_is_warned_about(lead: str, reason: str) -> None:
    text = lead + "Host (Radio): Welcome.\nGuest: Thanks.\nHost (Radio): Why?\nGuest: Because.\n"
    t = ip.parse(text, interviewers=["Host (Radio)"], cast=[ip.CastMember(label="Guest")])
    assert len(t.warnings) == 1 and reason in t.warnings[0]


def test_labels_in_a_form_the_file_does_not_use_for_turns_are_warned_about() -> None:
    lead = "Kim: Hi.\nLou: Hey.\nKim: So.\nLou: Yes.\n\n"
    body = "".join(f"**{'Host' if i % 2 else 'Guest'}:** Turn {i}.\n\n" for i in range(18))
    t = ip.parse(lead + body)
    assert t.preamble_lines == [1, 4]
    assert len(t.warnings) == 1 and "looks like speaker turns" in t.warnings[0]


@pytest.mark.parametrize(
    "lead",
    [
        "HARBOUR NEWS\n\n11:02 A.M.\n",  # one time of day under a headline
        "An article about the harbour.\n\nNote: the interview was edited.\n",
        "1:54 P.M. EDT\n",  # a time of day above a briefing
        "Show notes\n- Kim Ode: [site](x)\n- Lou Bo: [site](y)\n- Kim Ode: a\n- Lou Bo: b\n",
    ],
)
def test_an_ordinary_lead_is_not_warned_about(lead: str) -> None:
    text = lead + "Host: Welcome.\nGuest: Thanks.\nHost: Why?\nGuest: Because.\n"
    assert ip.parse(text).warnings == []


def test_inspect_shows_the_preamble_warning() -> None:
    lead = "Kim: Hi.\nLou: Hey.\nKim: So.\nLou: Yes.\n\n"
    body = "".join(f"**{'Host' if i % 2 else 'Guest'}:** Turn {i}.\n\n" for i in range(18))
    result = CliRunner().invoke(cli, ["inspect", "-"], input=lead + body)
    assert result.exit_code == 0
    assert "warning:   lines 1-4: the preamble looks like speaker turns" in result.stdout
