"""Cutting a run of speech into cues: few, well-placed cues that each fit the profile.

A cue may hold any run of tokens that fits on the profile's lines (and, when the profile
caps how long a cue may stay up, that can be said in that time). Each cue's end is chosen
among the ends it can reach by a price: the cost of the break there (see
:func:`~interview_parser.subtitles.lines.break_cost`), a sentence cut off, the best line
break inside the cue, room left unused, and a tiny orphan cue left behind. Linear in the
run's length.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass

from .lines import (
    BREAK_WEIGHT,
    CLAUSE_END,
    IMBALANCE_WEIGHT,
    SENTENCE_END,
    break_costs,
    break_lines,
    ends_sentence,
)
from .width import Spans, Token

PER_CUE = 6  # fewer, fuller cues read better than many short ones
END_WEIGHT = 10  # a cue break matters more than a line break
ORPHAN = 12  # price of a cue a third as full as it could be, growing as it shrinks
DANGLING = 10  # price of a cue that starts a sentence and cuts it off


class _Reach:
    """How far a cue starting at a token can reach, found by bisection on the widths'
    prefix sums when asked (only cue starts and the ends near a run's end ask)."""

    def __init__(
        self,
        items: list[Token],
        spans: Spans,
        max_width: int,
        max_lines: int,
        max_cue_width: int | None,
    ) -> None:
        self.items, self.spans = items, spans
        self.max_width, self.lines, self.limit = max_width, max(max_lines, 1), max_cue_width

    def line_end(self, i: int) -> int:
        """The end of the longest line starting at token ``i`` (at least one token)."""
        sums = self.spans.sums
        j = bisect_right(sums, sums[i] + self.spans.space[i] + self.max_width) - 1
        return min(max(j, i + 1), len(self.items))

    def __call__(self, i: int) -> int:
        items, sums, space, width = self.items, self.spans.sums, self.spans.space, self.max_width
        n = len(items)
        j = i
        for _ in range(self.lines):  # line_end(), inlined: cue starts ask for this a lot
            if j >= n:
                break
            k = bisect_right(sums, sums[j] + space[j] + width) - 1
            j = k if k > j else j + 1
        if j > n:
            j = n
        if self.limit is not None and sums[j] - sums[i] - space[i] > self.limit:
            j = max(i + 1, bisect_right(sums, sums[i] + space[i] + self.limit) - 1)
        shortest = i + 1
        while shortest < n and not items[shortest - 1].word:
            shortest += 1  # a speaker prefix or dash is never a cue of its own
        return j if j > shortest else shortest


def two_line_cost(spans: Spans, breaks: list[int], i: int, j: int, max_width: int) -> float:
    """What the best line break of cue ``[i, j)`` costs (0 when it fits on one line)."""
    return best_break(spans, breaks, i, j, max_width)[0]


def best_break(
    spans: Spans, breaks: list[int], i: int, j: int, max_width: int
) -> tuple[float, int]:
    """The best line break of cue ``[i, j)``: its cost and where (``j`` when none is needed
    or none fits)."""
    sums, space = spans.sums, spans.space  # inlined widths: this is the hot loop
    total = sums[j] - sums[i] - space[i]
    if total <= max_width or j - i < 2:
        return 0.0, j
    best, where = float("inf"), j
    scale = max_width if max_width > 0 else 1
    # Breaks before this one leave a second line wider than max_width: skip them.
    first_k = bisect_left(sums, sums[j] - max_width - 1) - 1
    if first_k < i + 1:
        first_k = i + 1
    base = sums[i] + space[i]
    for k in range(first_k, j):
        first = sums[k] - base
        if first > max_width:
            break
        second = sums[j] - sums[k] - space[k]
        if second <= max_width:
            # imbalance(first, second, max_width), inlined
            price = BREAK_WEIGHT * breaks[k] + IMBALANCE_WEIGHT * ((first - second) / scale) ** 2
            if price < best:
                best, where = price, k
    return (best, where) if best < float("inf") else (0.0, j)


@dataclass(frozen=True)
class _Cut:
    """What pricing a cue needs to know about the turn being cut."""

    items: list[Token]
    spans: Spans
    breaks: list[int]  # breaks[k]: cost of a break before token k
    sentence_ends: list[int]  # sentence_ends[k]: sentence-end breaks before tokens 1..k-1
    max_width: int
    max_lines: int
    capacity: int

    def price(self, i: int, j: int) -> float:
        """The price of one cue holding ``items[i:j]``."""
        n = len(self.items)
        c: float = PER_CUE
        if j < n:
            c += END_WEIGHT * self.breaks[j]
            if self.breaks[j] > CLAUSE_END and self.sentence_ends[j - 1] > self.sentence_ends[i]:
                c += DANGLING  # a new sentence starts in this cue and is cut off at its end
        if self.max_lines == 2:
            c += two_line_cost(self.spans, self.breaks, i, j, self.max_width)
        if not (i == 0 and j == n):
            fill = self.spans.width(i, j) / (self.capacity / 3)
            c += ORPHAN * max(0.0, 1.0 - fill)
        return c


def segment(
    items: list[Token], max_width: int, max_lines: int, max_cue_width: int | None = None
) -> list[list[Token]]:
    """Cut ``items`` into cues (see :func:`segment_lines`)."""
    return [cue for cue, _ in segment_lines(items, max_width, max_lines, max_cue_width)]


WINDOW = 4096  # tokens cut at a time: a 50 MB run is cut in pieces of this size


def segment_lines(
    items: list[Token], max_width: int, max_lines: int, max_cue_width: int | None = None
) -> list[tuple[list[Token], list[list[Token]]]]:
    """Cut ``items`` into cues with their lines; a long run a window at a time, each window
    ending at a sentence end near :data:`WINDOW` tokens, so that the tables the pricing
    needs stay small however long the run."""
    if len(items) <= WINDOW:
        return _segment_lines(items, max_width, max_lines, max_cue_width)
    out: list[tuple[list[Token], list[list[Token]]]] = []
    start = 0
    while start < len(items):
        stop = min(start + WINDOW, len(items))
        if stop < len(items):
            for k in range(stop, stop - WINDOW // 8, -1):
                if ends_sentence(items[k - 1]) and items[k].word:
                    stop = k
                    break
        out.extend(_segment_lines(items[start:stop], max_width, max_lines, max_cue_width))
        start = stop
    return out


def _segment_lines(
    items: list[Token], max_width: int, max_lines: int, max_cue_width: int | None = None
) -> list[tuple[list[Token], list[list[Token]]]]:
    """Cut ``items`` (one run of speech) into cues; every cue fits ``max_lines`` lines.

    Cue by cue, from the start: of the ends the next cue can reach, take the cheapest, a
    cue's price (above) plus the price of the space it leaves unused and of the orphan it
    would leave at the end of the run. Each cue looks only at the tokens it can hold, so
    the time is linear in the run's length (a dynamic programme over the whole run cost
    the square of the tokens a cue holds, a token).
    """
    n = len(items)
    if n == 0:
        return []
    cut = _cut(items, max_width, max_lines, max_cue_width)
    spans = cut.spans
    sums, space, breaks, ends = spans.sums, spans.space, cut.breaks, cut.sentence_ends
    reach = _Reach(items, spans, max_width, max_lines, max_cue_width)
    third = cut.capacity / 3
    two_lines = max_lines == 2
    inf = float("inf")
    cues: list[tuple[int, int]] = []
    i = 0
    while i < n:
        end = reach(i)
        if end >= n:
            cues.append((i, n))
            break
        base = sums[i] + space[i]  # width(i, j) = sums[j] - base: the loop's hot path
        full = max(sums[end] - base, 1)
        best, chosen = inf, end
        for j in range(end, i, -1):
            if not items[j - 1].word:
                continue  # a cue never ends on a speaker prefix or a dash
            width = sums[j] - base
            unused = 1.0 - width / full
            if unused > 0.75 and best < inf:
                break  # a cue this empty never wins against a fuller one found already
            # The price of the cue (see _Cut.price), with the room it leaves unused and an
            # orphan it would leave behind; the dearer parts only when it can still win.
            c = PER_CUE + PER_CUE * unused * 2 + END_WEIGHT * breaks[j]
            if n - j < end - i and reach(j) >= n:  # the rest fits one cue: not a word or two
                c += ORPHAN * max(0.0, 1.0 - (sums[n] - sums[j] - space[j]) / third)
            if c >= best:
                continue
            if breaks[j] > CLAUSE_END and ends[j - 1] > ends[i]:
                c += DANGLING  # a new sentence starts in this cue and is cut off at its end
            if width < third:
                c += ORPHAN * (1.0 - width / third)
            if two_lines and c < best:
                c += best_break(spans, breaks, i, j, max_width)[0]
            if c < best:
                best, chosen = c, j
        cues.append((i, chosen))
        i = chosen
    return [(items[a:b], _lines(cut, a, b)) for a, b in cues]


def _lines(cut: _Cut, i: int, j: int) -> list[list[Token]]:
    """The lines of cue ``[i, j)``: the break its price assumed when two lines are allowed."""
    items = cut.items
    if cut.max_lines != 2:
        return break_lines(items[i:j], cut.max_width, cut.max_lines)
    k = best_break(cut.spans, cut.breaks, i, j, cut.max_width)[1]
    if k == j:
        if cut.spans.width(i, j) <= cut.max_width or j - i < 2:
            return [items[i:j]]
        return break_lines(items[i:j], cut.max_width, cut.max_lines)
    return [items[i:k], items[k:j]]


def _cut(items: list[Token], max_width: int, max_lines: int, max_cue_width: int | None) -> _Cut:
    breaks = break_costs(items)
    sentence_ends = [0]
    for k in range(1, len(items)):
        sentence_ends.append(sentence_ends[-1] + (breaks[k] == SENTENCE_END))
    capacity = max_width * max(max_lines, 1)
    if max_cue_width is not None:
        capacity = min(capacity, max_cue_width)
    return _Cut(items, Spans(items), breaks, sentence_ends, max_width, max_lines, capacity)
