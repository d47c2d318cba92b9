"""When each turn is spoken: read from the transcript, or estimated from a speaking rate.

One function serves every exporter that needs times (subtitles, the podcast script,
Podcasting 2.0 JSON), so their estimates agree. Written times (``turn.start``) win; turns
without one are placed by word count at ``wpm`` words a minute, with ``pause`` seconds of
silence at each change of speaker. ``start`` shifts the whole track; ``duration`` stretches
or shrinks an estimated track to a known recording length.
"""

from __future__ import annotations

import math
import sys
from array import array
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from itertools import islice

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
    transcript: Transcript | Iterable[Turn],
    *,
    wpm: float = DEFAULT_WPM,
    pause: float = DEFAULT_PAUSE,
    start: float = 0.0,
    duration: float | None = None,
) -> Timeline:
    """Start and end of every turn, in seconds, never overlapping and only moving forward
    (:func:`census` and :func:`iter_times`, gathered in a list)."""
    turns = transcript.turns if isinstance(transcript, Transcript) else transcript
    found = census(turns, wpm=wpm, pause=pause, duration=duration)
    times = [time for _, time in iter_times(turns, found, start=start)]
    return Timeline(times, found.estimated)


@dataclass(frozen=True)
class Census:
    """What the timeline must know of the turns before it gives the first one its time,
    from one pass over them (:func:`census`): a few numbers, and arrays over the turns that
    carry a written time only (nothing for an untimed transcript).

    The timeline looks forward: a turn lasts until the next written start; turns written
    at one time share it (:func:`share_by_words`); untimed turns between two written starts
    are squeezed to fit; the untimed opening of an excerpt ends just before its first
    written time (:data:`EXCERPT_GAP`); ``duration`` stretches an estimated track. Each of
    these is decided here, so that :func:`iter_times` walks the turns once more, in order,
    holding one turn.
    """

    count: int  # turns
    estimated: bool  # some turn has no written start (or one that goes back)
    missing: int  # turns with no start written at all
    spans: bool  # some turn keeps the times of the cues or segments it was read from
    wpm: float
    pause: float  # the pause at a change of speaker (stretched with ``duration``)
    stretch: float | None  # every length multiplied by this (``duration``, no written time)
    at: array[int]  # the ordinals of the turns with a written start, in order
    starts: array[float]  # their starts (shared out where several are written at one time)
    squeeze: dict[int, float]  # by place in ``at``: the scale of the turn and the untimed after it


def census(
    turns: Iterable[Turn],
    *,
    wpm: float = DEFAULT_WPM,
    pause: float = DEFAULT_PAUSE,
    duration: float | None = None,
) -> Census:
    """One pass over ``turns`` (read once, in order): what :func:`iter_times` needs."""
    at: array[int] = array("i")
    starts: array[float] = array("d")
    # By place in ``at``, where untimed turns follow: the timed turn's length and theirs.
    needs: dict[int, float] = {}
    need = 0.0  # the last timed turn's length
    between = _Sum()  # the untimed turns since the last timed one: pauses and lengths
    lengths = _Sum()
    run = _Run()  # a run of turns written at one time, until the next written start
    latest = -math.inf
    changes, count, missing, spans, previous = 0, 0, 0, False, None
    for i, turn in enumerate(turns):
        count += 1
        missing += turn.start is None
        spans = spans or bool(turn.spans)
        length = speaking_seconds(word_count(turn.text), wpm)
        lengths.add(length)
        changed = previous is not None and previous != turn.speaker
        changes += changed
        previous = turn.speaker
        written = turn.start
        if written is not None and (not math.isfinite(written) or written < latest):
            written = None  # earlier than a written time before it: estimated instead
        if written is None:
            between.add((pause if changed else 0.0) + length)
            continue
        latest = written
        if at and at[-1] != i - 1:
            needs[len(at) - 1] = need + between.total()
        between = _Sum()
        if not run.extends(i, written):
            run.close(starts, written)
            run = _Run()
        run.add(i, len(at), written, turn)
        at.append(i)
        starts.append(written)
        need = length
    run.close(starts, None)
    stretch = None
    if duration is not None and count and not at:
        total = lengths.total() + pause * changes
        if total > 0 and duration > 0:
            stretch = duration / total
            pause *= stretch
    squeeze = _fit_between(starts, needs)
    estimated = len(at) < count
    return Census(count, estimated, missing, spans, wpm, pause, stretch, at, starts, squeeze)


def iter_times(
    turns: Iterable[Turn], found: Census, *, start: float = 0.0
) -> Iterator[tuple[Turn, TurnTime]]:
    """Each of ``turns`` (those :func:`census` counted, read again) with its time, one at a
    time. An excerpt's untimed opening is read twice (once to find where it ends)."""
    shift = 0.0
    first = found.at[0] if found.at else 0
    if first:  # turns before the first written time: do they end long before it?
        ends = [(begin, finish) for _, begin, finish in _walk(islice(turns, first + 1), found)]
        begin, _ = ends[first]
        shift = (begin + start) - found.pause - (ends[first - 1][1] + start)
        if shift <= EXCERPT_GAP:  # an opening that ran slower than estimated: leave it at 0
            shift = 0.0
    for i, (turn, begin, finish) in enumerate(_walk(turns, found)):
        if shift and i < first:
            yield turn, TurnTime(turn.index, (begin + start) + shift, (finish + start) + shift)
        else:
            yield turn, TurnTime(turn.index, begin + start, finish + start)


def _walk(turns: Iterable[Turn], found: Census) -> Iterator[tuple[Turn, float, float]]:
    """The timeline's walk over the turns from a :class:`Census`: each turn with its start
    and end before ``start`` shifts them."""
    at, starts, squeeze = found.at, found.starts, found.squeeze
    timed, wpm, stretch, pause = len(at), found.wpm, found.stretch, found.pause
    clock = 0.0
    k = 0  # index (in the census) of the next turn with a written start
    upcoming = at[0] if timed else -1  # its ordinal
    scale = 1.0  # of the last timed turn: applies to the untimed ones after it
    previous: str | None = None
    for i, turn in enumerate(turns):
        length = max(MIN_TURN, word_count(turn.text) * 60.0 / wpm)  # speaking_seconds
        if stretch is not None:
            length *= stretch
        changed = i > 0 and previous != turn.speaker
        previous = turn.speaker
        if i == upcoming:
            mine = starts[k]
            scale = squeeze.get(k, 1.0)
            k += 1
            upcoming = at[k] if k < timed else -1
            following = starts[k] if k < timed else None  # the next written start after i
            squeezed = scale != 1.0
            if squeezed:
                length *= scale
            begin = max(clock, mine)
            finish = turn.end if turn.end is not None else begin + length
            if squeezed:  # its own written end would leave no room for the turns after it
                finish = min(finish, begin + length)
            if upcoming == i + 1:
                finish = max(begin, starts[k])  # a timed turn lasts until the next one starts
        else:
            following = starts[k] if k < timed else None
            gap = pause if changed else 0.0
            if scale != 1.0:
                gap *= scale
                length *= scale
            begin = clock + gap
            finish = begin + length
        if following is not None and finish > following:
            finish = max(begin, following)
        if finish <= begin:
            finish = begin + 0.001
        clock = finish
        yield turn, begin, finish


class _Run:
    """Consecutive turns written at the same time: they share it up to the next written
    start, or the run's written end, by their words (no turn squeezed into a millisecond).
    Held until the next written start after the run is known."""

    def __init__(self) -> None:
        self.last = -1  # ordinal of the run's last turn
        self.start = math.nan
        self.first = 0  # index in the census of the run's first turn
        self.words: list[int] = []
        self.ends: list[float] = []  # written ends later than the start

    def extends(self, i: int, written: float) -> bool:
        return self.last == i - 1 and written == self.start

    def add(self, i: int, k: int, written: float, turn: Turn) -> None:
        if not self.words:
            self.first, self.start = k, written
        self.last = i
        self.words.append(word_count(turn.text))
        if turn.end is not None and turn.end > written:
            self.ends.append(turn.end)

    def close(self, starts: array[float], following: float | None) -> None:
        if len(self.words) < 2:
            return
        finish = max(self.ends) if self.ends else following
        if finish is not None and finish > self.start:
            shared = share_by_words(self.start, finish, self.words)
            starts[self.first : self.first + len(shared)] = array("d", shared)


class _Sum:
    """Floats added one at a time, to exactly what the built-in :func:`sum` of them gives
    (compensated from Python 3.12 on), so that a streamed total is the listed one."""

    def __init__(self) -> None:
        self.result: float | None = None
        self.compensation = 0.0

    def add(self, x: float) -> None:
        if self.result is None:
            self.result = 0 + x
            return
        t = self.result + x
        if _COMPENSATED:
            if abs(self.result) >= abs(x):
                self.compensation += (self.result - t) + x
            else:
                self.compensation += (x - t) + self.result
        self.result = t

    def total(self) -> float:
        if self.result is None:
            return 0
        c = self.compensation
        if c and math.isfinite(c):
            return self.result + c
        return self.result


_COMPENSATED = sys.version_info >= (3, 12)


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


def _fit_between(starts: array[float], needs: dict[int, float]) -> dict[int, float]:
    """Make room for untimed turns between two written starts: when a timed turn and the
    untimed ones after it (``needs``: their lengths and pauses, by the timed turn's place;
    a timed turn followed by a timed one lasts until it starts) would run past the next
    written start, they shrink in proportion so that the next written start is kept. The
    scale of each timed turn that shrinks, by its place."""
    squeeze: dict[int, float] = {}
    for k, need in needs.items():
        budget = starts[k + 1] - starts[k]
        if need <= budget or budget <= 0:
            continue
        squeeze[k] = budget / need * (1 - 1e-9)  # a hair under: sums never pass the budget
    return squeeze
