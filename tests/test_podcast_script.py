"""The segment plan behind the podcast script and Fountain: cast marks, headings, times, cues."""

from __future__ import annotations

import pytest
from conftest import SAMPLES
from podcast_readers import podcast_cues, read_fountain, read_podcast

import interview_parser as ip
from interview_parser.exporters import ExportOptions, export
from interview_parser.exporters.script import build_plan, clock, heading
from interview_parser.model import Role, Speaker, replace
from interview_parser.timing import timeline

ARTICLE = SAMPLES / "article-preamble.txt"
TRAPS = SAMPLES / "colon-traps.txt"


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("Why now?", "Why now"),
        ("Let us start with the vote. Why does it matter?", "Why does it matter"),
        ("Thanks for coming in. You wrote a book.", "Thanks for coming in"),
        (
            "Is there a way to repair the stones without closing the water?",
            "Is there a way to repair the stones…",
        ),
        ("One? Two?", "Two"),
        ("Ms. Adeyemi, would you present it?", "Ms. Adeyemi, would you present it"),
        ("Thank you, Dr. J. Smith. Go on.", "Thank you, Dr. J. Smith"),
        ("", "(no words)"),
    ],
)
def test_heading_is_the_last_question_or_the_first_sentence(question: str, expected: str) -> None:
    assert heading(question) == expected


@pytest.mark.parametrize(
    ("seconds", "expected"),
    [
        (0, "0:00"),
        (59.4, "0:59"),
        (59.6, "1:00"),
        (754, "12:34"),
        (3600, "1:00:00"),
        (3725.2, "1:02:05"),
    ],
)
def test_clock(seconds: float, expected: str) -> None:
    assert clock(seconds) == expected


def test_marks_are_roles_numbered_when_shared_or_names_with_names() -> None:
    t = ip.parse_file(TRAPS)
    roles = {e.speaker.label: e.mark for e in build_plan(t, ExportOptions()).cast}
    assert roles == {"JANE DOE": "HOST", "MS. JEAN-PIERRE": "GUEST 1", "Zoë O'Brien": "GUEST 2"}
    names = {e.speaker.label: e.mark for e in build_plan(t, ExportOptions(names=True)).cast}
    assert names["Zoë O'Brien"] == "ZOË O'BRIEN"
    article = build_plan(ip.parse_file(ARTICLE), ExportOptions(names=True))
    assert [e.mark for e in article.cast] == ["HOST", "PROF. AMARA OKAFOR"]


def test_every_turn_once_in_order_in_a_handful_of_numbered_titled_segments() -> None:
    t = ip.parse_file(ARTICLE)
    plan = build_plan(t, ExportOptions())
    assert [line.turn.index for b in plan.blocks for line in b.lines] == list(range(9))
    assert [b.number for b in plan.blocks] == [1, 2]  # nine turns, a minute and a half
    assert all(b.heading for b in plan.blocks)
    assert plan.blocks[1].asks  # a later segment opens with a question
    assert plan.blocks[1].lines[0].turn.text.endswith("?")


@pytest.mark.parametrize(
    "options",
    [
        ExportOptions(),
        ExportOptions(wpm=100, pause=1.0),
        ExportOptions(start=60.0),
        ExportOptions(duration=600.0),
    ],
)
def test_times_are_the_shared_timeline(options: ExportOptions) -> None:
    t = ip.parse_file(ARTICLE)
    plan = build_plan(t, options)
    times = timeline(
        t, wpm=options.wpm, pause=options.pause, start=options.start, duration=options.duration
    )
    lines = [line for b in plan.blocks for line in b.lines]
    assert [(x.start, x.end) for x in lines] == [(x.start, x.end) for x in times.turns]
    assert plan.runtime == pytest.approx(times.end - times.turns[0].start)
    if options.duration:
        assert plan.runtime == pytest.approx(options.duration)


def test_header_states_runtime_rate_and_segment_times_on_the_programme_clock() -> None:
    t = ip.parse_file(ARTICLE)
    slow = export(t, "podcast", ExportOptions(wpm=80))
    fast = export(t, "podcast", ExportOptions(wpm=320))
    times = timeline(t, wpm=80)
    assert f"Estimated runtime {clock(times.end)} at 80 words a minute" in slow
    assert "at 320 words a minute" in fast
    plan = build_plan(t, ExportOptions(wpm=80))
    second = plan.blocks[1]
    length = second.end - second.start
    begins = 30 + second.start - times.turns[0].start  # after the 30-second pre-roll
    back = plan.total - begins
    assert plan.total == pytest.approx(30 + times.end + 30)  # pre-roll, speech, post-roll
    assert f"*Starts {clock(begins)}, runs {clock(length)}, back-time {clock(back)}.*" in slow


def test_written_times_are_used_and_not_called_estimates() -> None:
    t = ip.parse("[00:00:05] Host: Hello and welcome?\n[00:01:10] Guest: Thanks.\n")
    if any(turn.start is None for turn in t.turns):
        pytest.fail("the parser no longer reads [hh:mm:ss] times; adjust this test's input")
    script = export(t, "podcast")
    assert "Runtime 1:06, from the times in the transcript." in script


def test_cast_table_has_name_description_affiliation() -> None:
    script = export(ip.parse_file(ARTICLE), "podcast")
    assert "| HOST | interviewer | Host | – | – | Radio North |" in script
    guest = "| GUEST | interviewee | Prof. Okafor | Prof. Amara Okafor | a marine biologist"
    assert guest in script


def test_cues_and_ad_slots_in_place_cues_left_out_with_no_cues() -> None:
    t = ip.parse_file(ARTICLE)
    with_cues = export(t, "podcast")
    assert podcast_cues(with_cues) == [
        "[AD BREAK: PRE-ROLL, 0:30]", "[MUSIC UP, THEN UNDER]", "[STING]", "[OUTRO]",
        "[AD BREAK: POST-ROLL, 0:30]",
    ]  # fmt: skip
    without = export(t, "podcast", ExportOptions(cues=False))
    assert podcast_cues(without) == ["[AD BREAK: PRE-ROLL, 0:30]", "[AD BREAK: POST-ROLL, 0:30]"]
    assert read_podcast(without) == read_podcast(with_cues)
    transitions = read_fountain(export(t, "fountain", ExportOptions(cues=False))).transitions
    assert transitions == ["AD BREAK: PRE-ROLL, 0:30", "AD BREAK: POST-ROLL, 0:30"]


def test_no_opening_means_the_music_goes_out_at_once() -> None:
    cues = podcast_cues(export(ip.parse_file(SAMPLES / "qa-markers.txt"), "podcast"))
    assert cues[1] == "[MUSIC UP, THEN OUT]" and "[MUSIC OUT]" not in cues


def test_names_option_puts_the_cast_names_on_the_lines() -> None:
    t = ip.parse_file(ARTICLE)
    assert {s.who for s in read_podcast(export(t, "podcast"))} == {"HOST", "GUEST"}
    named = read_podcast(export(t, "podcast", ExportOptions(names=True)))
    assert {s.who for s in named} == {"HOST", "PROF. AMARA OKAFOR"}


def test_numbered_marks_never_take_another_speakers_name() -> None:
    t = ip.parse("Speaker: Hi?\nGuest: Yes.\n")
    speakers = [
        Speaker(id=str(i), label=label, role=Role.interviewee, role_source="declared", turn_count=0)
        for i, label in enumerate(["Speaker", "Speaker 2", "Speaker", ""])
    ]
    t = replace(t, speakers=speakers, turns=[], pairs=[], unpaired_turns=[])
    named = [e.mark for e in build_plan(t, ExportOptions(names=True)).cast]
    assert named == ["SPEAKER 1", "SPEAKER 2", "SPEAKER 3", "GUEST"]
    assert [e.mark for e in build_plan(t, ExportOptions()).cast] == [
        "GUEST 1",
        "GUEST 2",
        "GUEST 3",
        "GUEST 4",
    ]
