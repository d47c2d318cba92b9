"""Cutting one turn into cues: the fewest, best-placed cues that each fit the profile.

A dynamic programme over token positions. A cue may hold any run of tokens that fits on
the profile's lines (and, when the profile caps how long a cue may stay up, that can be
said in that time); among the ways to cut a turn it picks the one with the least cost:
a fixed price per cue, the cost of the break at each cue's end (see
:func:`~interview_parser.subtitles.lines.break_cost`), and a price for leaving a tiny
orphan cue. Runs in time linear in the turn's length times the tokens per cue.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import pairwise

from .lines import BREAK_WEIGHT, CLAUSE_END, SENTENCE_END, break_cost, imbalance
from .width import Spans, Token

PER_CUE = 6  # fewer, fuller cues read better than many short ones
END_WEIGHT = 10  # a cue break matters more than a line break
ORPHAN = 12  # price of a cue a third as full as it could be, growing as it shrinks
DANGLING = 10  # price of a cue that starts a sentence and cuts it off


def line_ends(items: list[Token], spans: Spans, max_width: int) -> list[int]:
    """``ends[i]``: the end of the longest line starting at token ``i`` (two pointers)."""
    n = len(items)
    ends = [0] * (n + 1)
    j = 0
    for i in range(n):
        j = max(j, i + 1)
        while j < n and spans.width(i, j + 1) <= max_width:
            j += 1
        ends[i] = j
    ends[n] = n
    return ends


def reaches(
    items: list[Token], max_width: int, max_lines: int, max_cue_width: int | None
) -> list[int]:
    """``reach[i]``: the furthest end of a cue starting at token ``i``."""
    spans = Spans(items)
    ends = line_ends(items, spans, max_width)
    out: list[int] = []
    for i in range(len(items)):
        j = i
        for _ in range(max(max_lines, 1)):
            j = ends[j] if j < len(items) else j
        if max_cue_width is not None:
            while j > i + 1 and spans.width(i, j) > max_cue_width:
                j -= 1
        shortest = i + 1
        while shortest < len(items) and not items[shortest - 1].word:
            shortest += 1  # a speaker prefix or dash is never a cue of its own
        out.append(max(j, shortest))
    return out


def two_line_cost(spans: Spans, breaks: list[int], i: int, j: int, max_width: int) -> float:
    """What the best line break of cue ``[i, j)`` costs (0 when it fits on one line)."""
    sums, space = spans.sums, spans.space  # inlined widths: this is the programme's hot loop
    total = sums[j] - sums[i] - space[i]
    if total <= max_width or j - i < 2:
        return 0.0
    best = float("inf")
    for k in range(i + 1, j):
        first = sums[k] - sums[i] - space[i]
        if first > max_width:
            break
        second = sums[j] - sums[k] - space[k]
        if second <= max_width:
            price = BREAK_WEIGHT * breaks[k] + imbalance(first, second, max_width)
            best = min(best, price)
    return best if best < float("inf") else 0.0


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
    """Cut ``items`` (one turn) into cues; every cue fits ``max_lines`` lines of ``max_width``."""
    n = len(items)
    if n == 0:
        return []
    reach = reaches(items, max_width, max_lines, max_cue_width)
    cut = _cut(items, max_width, max_lines, max_cue_width)
    inf = float("inf")
    cost = [inf] * (n + 1)
    back = [0] * (n + 1)
    cost[0] = 0.0
    for i in range(n):
        if cost[i] == inf:
            continue
        for j in range(i + 1, reach[i] + 1):
            if not items[j - 1].word:
                continue  # a cue never ends on a speaker prefix or a dash
            c = cost[i] + cut.price(i, j)
            if c < cost[j]:
                cost[j], back[j] = c, i
    cues: list[list[Token]] = []
    j = n
    while j > 0:
        cues.append(items[back[j] : j])
        j = back[j]
    return cues[::-1]


def _cut(items: list[Token], max_width: int, max_lines: int, max_cue_width: int | None) -> _Cut:
    breaks = [0] + [break_cost(a, b) for a, b in pairwise(items)]
    sentence_ends = [0]
    for k in range(1, len(items)):
        sentence_ends.append(sentence_ends[-1] + (breaks[k] == SENTENCE_END))
    capacity = max_width * max(max_lines, 1)
    if max_cue_width is not None:
        capacity = min(capacity, max_cue_width)
    return _Cut(items, Spans(items), breaks, sentence_ends, max_width, max_lines, capacity)
