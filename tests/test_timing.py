"""The shared timeline: written times are kept, estimates fill the gaps, time only moves on."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

import interview_parser as ip
from interview_parser.timing import speaking_seconds, timeline

TIMED = "[00:00:05] Ann: One two three.\n[00:00:09] Bob: Four five.\n[00:00:20] Ann: Six?\n"


def test_written_times_are_kept_exactly() -> None:
    times = timeline(ip.parse(TIMED))
    assert [t.start for t in times.turns] == [5.0, 9.0, 20.0]
    assert [t.end for t in times.turns][:2] == [9.0, 20.0]
    assert not times.estimated


def test_estimates_use_the_rate_and_a_pause_at_each_change() -> None:
    t = ip.parse("Host: " + "word " * 160 + "\nGuest: " + "word " * 80 + "\nGuest: more\n")
    times = timeline(t, wpm=160, pause=0.5)
    assert times.estimated
    assert [(x.start, x.end) for x in times.turns][:2] == [(0.0, 60.0), (60.5, 90.5)]
    assert times.turns[2].start == 90.5  # same speaker: no pause


def test_duration_stretches_and_start_offsets() -> None:
    t = ip.parse("Host: " + "word " * 160 + "\nGuest: " + "word " * 160 + "\n")
    times = timeline(t, pause=0.0, duration=60.0, start=10.0)
    assert [(x.start, x.end) for x in times.turns] == [(10.0, 40.0), (40.0, 70.0)]
    assert speaking_seconds(1) == 1.0  # never shorter than a second


def test_untimed_turns_between_two_written_starts_share_the_time_between_them() -> None:
    # the middle time goes backwards, so it is estimated: the turn must fit before 01:00:00
    text = "[00:59:59] Bob: words here\n[00:00:00] Ann: words here\n[01:00:00] Bob: words here\n"
    times = timeline(ip.parse(text, dialect="timestamped"))
    starts = [t.start for t in times.turns]
    assert starts[0] == 3599.0 and starts[2] == 3600.0
    assert times.turns[0].end <= starts[1] < times.turns[1].end <= starts[2]


@given(st.lists(st.one_of(st.none(), st.integers(0, 3600)), min_size=1, max_size=12))
def test_time_only_moves_forward(starts: list[int | None]) -> None:
    lines = [
        (f"[{s // 3600:02d}:{s // 60 % 60:02d}:{s % 60:02d}] " if s is not None else "")
        + f"{'Ann' if i % 2 else 'Bob'}: words here\n"
        for i, s in enumerate(starts)
    ]
    if all(s is None for s in starts) or len(starts) < 2:
        return
    try:
        t = ip.parse("".join(lines), dialect="timestamped")
    except ip.InterviewParserError:
        return
    times = timeline(t)
    for a, b in zip(times.turns, times.turns[1:], strict=False):
        assert a.start < a.end <= b.start or a.end <= b.start
    for turn, tt in zip(t.turns, times.turns, strict=True):
        assert tt.end > tt.start
        if turn.start is not None and all(
            x.start is None or x.start < turn.start for x in t.turns[: turn.index]
        ):
            assert tt.start == turn.start


def test_podcast_json_says_whether_times_were_estimated() -> None:
    import json

    from interview_parser.exporters import export

    timed = json.loads(export(ip.parse(TIMED), "podcast-json"))
    guessed = json.loads(export(ip.parse("Host: Hello?\nGuest: Hi.\n"), "podcast-json"))
    assert (timed["timesEstimated"], guessed["timesEstimated"]) == (False, True)
