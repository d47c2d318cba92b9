"""The timeline as a census and a generator (docs/streaming.md step 3) gives exactly the
times of the whole-list timeline it replaced: that implementation is kept below, unchanged
but for its name, as the oracle, and both run on generated turns and on every sample."""

from __future__ import annotations

import math
from itertools import pairwise
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from interview_parser import parse
from interview_parser.model import Transcript, Turn
from interview_parser.spool import Spool
from interview_parser.timing import (
    DEFAULT_PAUSE,
    DEFAULT_WPM,
    EXCERPT_GAP,
    Timeline,
    TurnTime,
    census,
    equal_runs,
    iter_times,
    share_by_words,
    speaking_seconds,
    timeline,
)
from interview_parser.words import word_count

SAMPLES = Path(__file__).parent.parent / "samples"


# -- The whole-list timeline as it was (the oracle) ------------------------------------------


def old_timeline(
    transcript: Transcript,
    *,
    wpm: float = DEFAULT_WPM,
    pause: float = DEFAULT_PAUSE,
    start: float = 0.0,
    duration: float | None = None,
) -> Timeline:
    """Start and end of every turn, in seconds, never overlapping and only moving forward."""
    turns = transcript.turns
    written = _shared_starts(turns, _forward(turns))
    estimated = any(s is None for s in written)
    lengths = [speaking_seconds(word_count(t.text), wpm) for t in turns]
    if duration is not None and estimated and not any(s is not None for s in written):
        total = sum(lengths) + pause * _changes(transcript)
        if total > 0 and duration > 0:
            scale = duration / total
            lengths = [n * scale for n in lengths]
            pause *= scale
    following_times = _next_written(written)
    gaps = [pause if i and turns[i - 1].speaker != t.speaker else 0.0 for i, t in enumerate(turns)]
    squeezed = _fit_between(written, lengths, gaps)
    times: list[TurnTime] = []
    clock = 0.0
    for i, turn in enumerate(turns):
        # A written time is when the words begin; an estimate follows the last turn's end.
        mine = written[i]
        begin = max(clock, mine) if mine is not None else clock + gaps[i]
        following = following_times[i]
        finish = turn.end if turn.end is not None and mine is not None else begin + lengths[i]
        if i in squeezed:  # its own written end would leave no room for the turns after it
            finish = min(finish, begin + lengths[i])
        next_written = written[i + 1] if i + 1 < len(turns) else None
        if written[i] is not None and next_written is not None:
            finish = max(begin, next_written)  # a timed turn lasts until the next one starts
        if following is not None and finish > following:
            finish = max(begin, following)
        if finish <= begin:
            finish = begin + 0.001
        times.append(TurnTime(turn.index, begin + start, finish + start))
        clock = finish
    return Timeline(_lead_in(times, written, pause), estimated)


def _lead_in(times: list[TurnTime], written: list[float | None], pause: float) -> list[TurnTime]:
    """Turns before the first written time end just before it, not at the start of the
    recording, when they would leave more than :data:`EXCERPT_GAP` of silence: a transcript
    that starts writing times at 32:14 after two minutes of talk is an excerpt, and its
    untimed opening is the talk leading up to 32:14."""
    first = next((i for i, w in enumerate(written) if w is not None), None)
    if not first:
        return times
    shift = times[first].start - pause - times[first - 1].end
    if shift <= EXCERPT_GAP:  # an opening that ran slower than estimated: leave it at 0
        return times
    moved = [TurnTime(t.index, t.start + shift, t.end + shift) for t in times[:first]]
    return moved + times[first:]


def _forward(turns: list[Turn]) -> list[float | None]:
    """The written starts that move forward; a start earlier than one before it (a
    transcript pasted twice, times that restart) is not trusted and is estimated instead,
    never squeezed into a millisecond. ``check`` reports it (IP401)."""
    out: list[float | None] = []
    latest = -math.inf
    for turn in turns:
        start = turn.start
        if start is not None and (not math.isfinite(start) or start < latest):
            start = None
        if start is not None:
            latest = start
        out.append(start)
    return out


def _shared_starts(turns: list[Turn], written: list[float | None]) -> list[float | None]:
    """Turns written at the same time (two speakers in one caption cue, one second of a
    transcript holding three speakers) share the time up to the next written start, or
    the run's written end, by their words: no turn is squeezed into a millisecond."""
    out = list(written)
    for i, j, start in equal_runs(written):
        ends = [t.end for t in turns[i:j] if t.end is not None and t.end > start]
        following = next((w for w in out[j:] if w is not None), None)
        finish = max(ends) if ends else following
        if finish is not None and finish > start:
            words = [word_count(t.text) for t in turns[i:j]]
            out[i:j] = share_by_words(start, finish, words)
    return out


def _fit_between(written: list[float | None], lengths: list[float], gaps: list[float]) -> set[int]:
    """Make room for untimed turns between two written starts: when a timed turn and the
    untimed ones after it would run past the next written start, their lengths and pauses
    shrink in proportion (in place) so that the next written start is kept. Returns the
    timed turns so shrunk."""
    squeezed: set[int] = set()
    timed = [(i, w) for i, w in enumerate(written) if w is not None]
    for (i, start), (f, following) in pairwise(timed):
        if f == i + 1:
            continue  # a timed turn followed by a timed one lasts until it starts
        budget = following - start
        need = lengths[i] + sum(gaps[k] + lengths[k] for k in range(i + 1, f))
        if need <= budget or budget <= 0:
            continue
        scale = budget / need * (1 - 1e-9)  # a hair under, so sums never pass the budget
        lengths[i] *= scale
        for k in range(i + 1, f):
            gaps[k] *= scale
            lengths[k] *= scale
        squeezed.add(i)
    return squeezed


def _next_written(written: list[float | None]) -> list[float | None]:
    """For each turn, the first written start after it (one backward pass)."""
    result: list[float | None] = [None] * len(written)
    upcoming: float | None = None
    for i in range(len(written) - 1, -1, -1):
        result[i] = upcoming
        if written[i] is not None:
            upcoming = written[i]
    return result


def _changes(transcript: Transcript) -> int:
    turns = transcript.turns
    return sum(1 for a, b in pairwise(turns) if a.speaker != b.speaker)


# -- The comparisons -------------------------------------------------------------------------

_TIMES = st.one_of(
    st.none(),
    st.sampled_from([0.0, 1.0, 5.0, 5.0, 30.0, 900.0, 2000.0]),
    st.floats(min_value=-10, max_value=5000, allow_nan=False),
    st.sampled_from([math.nan, math.inf, -math.inf, 1e308]),
)


@st.composite
def _turns(draw: st.DrawFn) -> list[Turn]:
    count = draw(st.integers(0, 30))
    texts = st.sampled_from(["", "Hi?", "Yes.", "one two three four five", "word " * 40])
    turns = []
    clock = draw(st.sampled_from([None, 0.0, 1000.0]))
    for i in range(count):
        start = draw(_TIMES)
        if clock is not None and draw(st.booleans()):  # often moving forward, as real ones do
            clock += draw(st.sampled_from([0.0, 0.5, 3.0, 700.0]))
            start = clock
        end = draw(st.one_of(st.none(), _TIMES))
        speaker = draw(st.sampled_from(["s1", "s2", "s3"]))
        turns.append(
            Turn(index=i, speaker=speaker, label=speaker, text=draw(texts), line=i + 1,
                 column=1, end_line=i + 1, start=start, end=end)
        )  # fmt: skip
    return turns


_Options = dict[str, Any]
_OPTIONS = st.fixed_dictionaries(
    {
        "wpm": st.sampled_from([160.0, 80.0, 1000.0]),
        "pause": st.sampled_from([0.3, 0.0, 2.0]),
        "start": st.sampled_from([0.0, 10.0, 0.1]),
        "duration": st.sampled_from([None, 60.0, 0.5, 1e6]),
    }
)


def _same(a: Timeline, b: Timeline) -> None:
    assert a.estimated == b.estimated
    assert len(a.turns) == len(b.turns)
    for x, y in zip(a.turns, b.turns, strict=True):  # NaN == NaN here: the same floats
        assert x.index == y.index
        assert x.start == y.start or (math.isnan(x.start) and math.isnan(y.start)), (x, y)
        assert x.end == y.end or (math.isnan(x.end) and math.isnan(y.end)), (x, y)


_SOURCE = parse("Host: x\n").source


def _transcript(turns: list[Turn]) -> Transcript:
    return Transcript(source=_SOURCE, speakers=[], turns=turns, pairs=[])


@given(_turns(), _OPTIONS)
def test_the_streamed_timeline_is_the_listed_one(turns: list[Turn], options: _Options) -> None:
    _same(timeline(turns, **options), old_timeline(_transcript(turns), **options))


@given(_turns(), _OPTIONS)
def test_the_timeline_reads_its_turns_from_a_spool(turns: list[Turn], options: _Options) -> None:
    spool: Spool[Turn] = Spool(Turn)
    for turn in turns:
        spool.append(turn)
    found = census(spool, wpm=options["wpm"], pause=options["pause"], duration=options["duration"])
    pairs = list(iter_times(spool, found, start=options["start"]))
    assert [repr(t) for t, _ in pairs] == [repr(t) for t in turns]  # NaN is not equal to itself
    streamed = Timeline([t for _, t in pairs], found.estimated)
    _same(streamed, old_timeline(_transcript(turns), **options))


def test_an_excerpt_opening_moves_to_its_first_written_time() -> None:
    turns = [
        Turn(index=i, speaker=f"s{i % 2}", label="x", text="a few words here", line=i + 1,
             column=1, end_line=i + 1, start=None if i < 3 else 2000.0 + i)
        for i in range(6)
    ]  # fmt: skip
    times = timeline(turns)
    assert times.turns[0].start > EXCERPT_GAP  # moved: not at the start of the recording
    _same(times, old_timeline(_transcript(turns)))


_KINDS = {".txt", ".md", ".srt", ".vtt", ".json"}


@pytest.mark.parametrize(
    "path", sorted(p for p in SAMPLES.rglob("*") if p.suffix in _KINDS), ids=lambda p: p.name
)
def test_every_sample_has_the_times_it_had(path: Path) -> None:
    try:
        transcript = parse(path.read_text(encoding="utf-8"))
    except Exception:  # a sample that is an error case has no timeline to compare
        pytest.skip("not a transcript")
    for options in ({}, {"wpm": 80.0, "pause": 1.0, "start": 5.0}, {"duration": 100.0}):
        _same(timeline(transcript, **options), old_timeline(transcript, **options))
