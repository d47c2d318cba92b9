"""When each turn is spoken: read from the transcript, or estimated from a speaking rate.

One function serves every exporter that needs times (subtitles, the podcast script,
Podcasting 2.0 JSON), so their estimates agree. Written times (``turn.start``) win; turns
without one are placed by word count at ``wpm`` words a minute, with ``pause`` seconds of
silence at each change of speaker. ``start`` shifts the whole track; ``duration`` stretches
or shrinks an estimated track to a known recording length.
"""

from __future__ import annotations

import math
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from itertools import pairwise

from .model import Transcript, Turn
from .words import word_count

DEFAULT_WPM = 160.0  # a typical conversational speaking rate
DEFAULT_PAUSE = 0.3  # seconds of silence when the speaker changes
MIN_TURN = 1.0  # no turn is shorter than this, however few its words
# Silence after an untimed opening longer than this means the transcript is an excerpt.
EXCERPT_GAP = 600.0


@dataclass(frozen=True, slots=True)
class TurnTime:
    index: int
    start: float
    end: float


@dataclass(frozen=True)
class Timeline:
    turns: list[TurnTime]
    estimated: bool  # True when any time was estimated rather than read

    @property
    def end(self) -> float:
        return self.turns[-1].end if self.turns else 0.0


def speaking_seconds(words: int, wpm: float = DEFAULT_WPM) -> float:
    """Seconds it takes to say ``words`` words at ``wpm`` words a minute."""
    if wpm <= 0:
        raise ValueError("the speaking rate must be positive")
    return max(MIN_TURN, words * 60.0 / wpm)


def timeline(
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


def equal_runs(starts: Sequence[float | None]) -> Iterator[tuple[int, int, float]]:
    """Each run ``starts[i:j]`` of two or more equal times, as ``(i, j, time)``."""
    i = 0
    while i < len(starts):
        start, j = starts[i], i + 1
        while start is not None and j < len(starts) and starts[j] == start:
            j += 1
        if j - i > 1 and start is not None:
            yield i, j, start
        i = j


def share_by_words(start: float, finish: float, words: list[int]) -> list[float]:
    """Where each of several pieces said from ``start`` to ``finish`` begins, in proportion
    to its words (a piece without words counts as one)."""
    weights = [max(1, n) for n in words]
    total, done, starts = sum(weights), 0, []
    for weight in weights:
        starts.append(start + (finish - start) * done / total)
        done += weight
    return starts


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
