"""From what the passes found to times on every word and turn.

Anchors are runs of recognised words that sequence alignment (a longest common subsequence)
matches to runs of
transcript words; the stretches between anchors go to :func:`passes.force_align`; a stretch
that fails there is interpolated in proportion to its words' lengths, and its words count
against the turn's confidence. Speech the transcript leaves out (a filler) right before a
turn's first word, nearer to it than to the turn before, belongs to that turn, so the turn
starts where the voice does; likewise after its last word.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence

from ..model import Transcript, Turn, Word, replace
from .passes import Heard, Stretch
from .words import Token

WINDOW = 160  # words matched at a time (see anchors)
MIN_RUN = 2  # a lone matched word is too often a coincidence ("the") to anchor on
JOIN = 0.35  # seconds: unscripted speech this close to a turn's words is part of the turn


def _common(a: Sequence[str], b: Sequence[str]) -> list[tuple[int, int]]:
    """The index pairs of a longest common subsequence of ``a`` and ``b`` (dynamic
    programming over suffixes, then a walk from the front)."""
    table = [[0] * (len(b) + 1) for _ in range(len(a) + 1)]
    for i in range(len(a) - 1, -1, -1):
        row, below, word = table[i], table[i + 1], a[i]
        for j in range(len(b) - 1, -1, -1):
            row[j] = below[j + 1] + 1 if word == b[j] else max(below[j], row[j + 1])
    pairs: list[tuple[int, int]] = []
    i = j = 0
    while i < len(a) and j < len(b):
        if a[i] == b[j]:
            pairs.append((i, j))
            i, j = i + 1, j + 1
        elif table[i + 1][j] >= table[i][j + 1]:
            i += 1
        else:
            j += 1
    return pairs


def _runs(pairs: list[tuple[int, int]]) -> list[list[tuple[int, int]]]:
    """Pairs grouped into runs where both sides advance together."""
    runs: list[list[tuple[int, int]]] = []
    for pair in pairs:
        if runs and runs[-1][-1] == (pair[0] - 1, pair[1] - 1):
            runs[-1].append(pair)
        else:
            runs.append([pair])
    return runs


def anchors(keys: Sequence[str], heard: Sequence[Heard], window: int = WINDOW) -> dict[int, Heard]:
    """Transcript word index -> the recognised word matched to it: runs of at least
    ``MIN_RUN`` words of a longest common subsequence.

    Matched a window at a time from the last anchor found, keeping the first half of each
    window's matches: the cost stays linear in the length, and a passage said many times
    is matched to the same repetition, never to an earlier or later one (a longest common
    subsequence cannot jump a repetition without losing its words).
    """
    spoken = [item[0] for item in heard]
    found: dict[int, Heard] = {}
    a = b = 0
    while a < len(keys) and b < len(spoken):
        a_end, b_end = min(len(keys), a + window), min(len(spoken), b + window)
        final = a_end == len(keys) and b_end == len(spoken)
        runs = [
            run
            for run in _runs(_common(keys[a:a_end], spoken[b:b_end]))
            if len(run) >= MIN_RUN and (final or run[0][0] < window // 2)
        ]
        if not runs:
            if final:
                break
            a, b = min(a + window // 2, len(keys)), min(b + window // 2, len(spoken))
            continue
        for run in runs:
            for i, j in run:
                found[a + i] = heard[b + j]
        last_a, last_b = runs[-1][-1]
        a, b = a + last_a + 1, b + last_b + 1
        if final:
            break
    return found


def stretches(count: int, anchored: dict[int, Heard], duration: float) -> list[Stretch]:
    """The runs of words without an anchor, each with the audio between its neighbours."""
    found: list[Stretch] = []
    index = 0
    while index < count:
        if index in anchored:
            index += 1
            continue
        last = index
        while last + 1 < count and last + 1 not in anchored:
            last += 1
        # The anchors on both sides are aligned again with the stretch: a recognised word's
        # edges are a little loose, and cutting the audio inside a word breaks alignment.
        first = index - 1 if index > 0 else index
        end_at = last + 1 if last + 1 < count else last
        start = anchored[first][1] if first < index else 0.0
        end = anchored[end_at][2] if end_at > last else duration
        gap_start = anchored[first][2] if first < index else 0.0
        gap_end = max(gap_start, anchored[end_at][1] if end_at > last else duration)
        found.append(
            Stretch(index, last, start, max(start, end), first, end_at, gap_start, gap_end)
        )
        index = last + 1
    return found


def _voiced(
    start: float, end: float, regions: Sequence[tuple[float, float]]
) -> list[tuple[float, float]]:
    """The parts of ``start`` to ``end`` the voice activity detector took for speech."""
    parts = []
    for low, high in regions[max(0, bisect_right(regions, (start, 0.0)) - 1) :]:
        if low >= end:
            break
        if high > start:
            parts.append((max(low, start), min(high, end)))
    return parts


def _interpolate(
    tokens: Sequence[Token], stretch: Stretch, regions: Sequence[tuple[float, float]]
) -> list[Heard]:
    """Times for a stretch that did not align: its words share out the speech between its
    anchors in proportion to their lengths (the whole gap if no speech was detected)."""
    parts = _voiced(stretch.gap_start, stretch.gap_end, regions)
    if sum(high - low for low, high in parts) < 0.05:
        parts = [(stretch.gap_start, stretch.gap_end)]
    voiced = sum(high - low for low, high in parts)
    weights = [len(tokens[i].text) + 1 for i in range(stretch.first, stretch.last + 1)]
    total = sum(weights)

    def clock(share: float) -> float:  # the time at ``share`` seconds into the speech
        for low, high in parts:
            if share <= high - low:
                return low + share
            share -= high - low
        return parts[-1][1]

    times: list[Heard] = []
    done = 0.0
    for offset, weight in enumerate(weights):
        step = voiced * weight / total
        start = clock(done + 1e-6)
        times.append((tokens[stretch.first + offset].key, start, max(start, clock(done + step))))
        done += step
    return times


def word_times(
    tokens: Sequence[Token],
    anchored: dict[int, Heard],
    found: Sequence[Stretch],
    aligned: Sequence[tuple[list[Heard], list[Heard]] | None],
    regions: Sequence[tuple[float, float]] = (),
) -> tuple[list[Heard], list[bool]]:
    """Every word's time, and whether it was heard or aligned (not interpolated)."""
    times: list[Heard | None] = [anchored.get(i) for i in range(len(tokens))]
    sure = [item is not None for item in times]
    for stretch, result in zip(found, aligned, strict=True):
        placed = result[0] if result is not None else _interpolate(tokens, stretch, regions)
        for offset, item in enumerate(placed):
            times[stretch.first + offset] = item
            sure[stretch.first + offset] = result is not None
    return [item for item in times if item is not None], sure


def _reach(edge: float, limit: float, extra: Sequence[Heard], *, before: bool) -> float:
    """How far unscripted speech next to ``edge`` extends it, not past halfway to ``limit``."""
    chain = edge
    ordered = sorted(extra, key=lambda item: item[2], reverse=True) if before else sorted(extra)
    for _, start, end in ordered:
        if before and end <= chain + 0.05 and chain - end <= JOIN and start > (limit + edge) / 2:
            chain = min(chain, start)
        elif (
            not before
            and start >= chain - 0.05
            and start - chain <= JOIN
            and (end < (limit + edge) / 2)
        ):
            chain = max(chain, end)
    return chain


def _onset(
    start: float, after: float, previous_end: float, regions: Sequence[tuple[float, float]]
) -> float:
    """Where the voice starts for a turn whose first word was placed at ``start`` and whose
    next word (or end) is at ``after``: the start of the stretch of speech around that word,
    or after it if the word fell in a pause, unless that stretch began before the turn
    before ended (no pause between the turns). A first word stuck to the end of the turn
    before, with a pause between it and the rest of its turn, was placed in the wrong
    stretch of speech: the turn starts with the stretch its next word is in."""
    at = bisect_right(regions, (start, float("inf"))) - 1
    inside = at >= 0 and regions[at][1] > start
    if inside and regions[at][0] < previous_end and after >= regions[at][1]:
        following = bisect_right(regions, (after, float("inf"))) - 1
        if following > at and regions[following][0] >= previous_end:
            return regions[following][0]
        return start
    if inside:
        onset = regions[at][0]
    elif at + 1 < len(regions) and regions[at + 1][0] < after:
        onset = regions[at + 1][0]  # the word was placed in a pause: speech starts later
    else:
        return start
    return onset if onset >= previous_end else start


def timed_turns(
    transcript: Transcript,
    tokens: Sequence[Token],
    times: Sequence[Heard],
    sure: Sequence[bool],
    extra: Sequence[Heard],
    duration: float,
    regions: Sequence[tuple[float, float]] = (),
) -> list[Turn]:
    """The transcript's turns with their times, words and confidence."""
    by_turn: list[list[int]] = [[] for _ in transcript.turns]
    for index, token in enumerate(tokens):
        by_turn[token.turn].append(index)
    # The first word's start of the next turn that has words, for each turn (one pass back).
    following = [duration] * len(by_turn)
    for position in range(len(by_turn) - 2, -1, -1):
        after = by_turn[position + 1]
        following[position] = times[after[0]][1] if after else following[position + 1]
    turns: list[Turn] = []
    previous_end = 0.0
    for position, turn in enumerate(transcript.turns):
        members = by_turn[position]
        if not members:
            turns.append(
                replace(turn, start=previous_end, end=previous_end, words=[], confidence=0.0)
            )
            continue
        placed = [times[i] for i in members]
        trusted = [sure[i] for i in members]
        start = _turn_start(placed, trusted, previous_end, extra, regions)
        end = _reach(placed[-1][2], following[position], extra, before=False)
        words = [
            Word(text=tokens[i].text, start=round(item[1], 3), end=round(item[2], 3))
            for i, item in zip(members, placed, strict=True)
        ]
        confidence = round(sum(trusted) / len(trusted), 2)
        turns.append(
            replace(
                turn, start=round(start, 3), end=round(end, 3), words=words, confidence=confidence
            )
        )
        previous_end = end
    return turns


def _turn_start(
    placed: list[Heard],
    trusted: list[bool],
    previous_end: float,
    extra: Sequence[Heard],
    regions: Sequence[tuple[float, float]],
) -> float:
    """Where a turn starts, given its words' times (``placed``, changed in place when the
    first word is moved to the onset of the speech after a pause, which then no longer
    counts as aligned in ``trusted``)."""
    first = placed[0]
    after = placed[1][1] if len(placed) > 1 else first[2]
    onset = _onset(first[1], after, previous_end, regions)
    if onset > first[1]:
        length = first[2] - first[1]
        placed[0] = (first[0], onset, max(onset, min(onset + length, after)))
        trusted[0] = False
        return onset
    return min(_reach(first[1], previous_end, extra, before=True), onset)
