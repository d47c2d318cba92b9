"""When each cue is shown: a turn's time shared among its cues, then made legal.

:func:`share` splits the window of one turn among its cues by text length, keeps the
profile's gap between them, lifts short cues to the profile's minimum when the window has
room, and cuts cues that would stay up longer than the maximum; :func:`needed` is how long
a cue must stay up to be read. The track then walks its cues once, as they are made
(``track._settled``): no cue starts before the previous one ended plus the gap, every cue
lasts at least a millisecond, and a cue that is still too short or too fast to read is
lengthened into the silence after it, never into the next cue. ``track._paced`` is the
alternative for a track whose times are all estimated: there is no recording to stay in
step with, so a cue that would be too fast to read is given the time it needs and the
cues after it move later.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from .profiles import Profile


@dataclass(frozen=True, slots=True)
class Span:
    start: int  # milliseconds
    end: int


def share(start: int, end: int, weights: list[int], profile: Profile) -> list[Span]:
    """Split ``[start, end)`` among cues of text widths ``weights``, in order."""
    n = len(weights)
    if n == 0:  # an empty turn ("Host:" with nothing after it) has no cue to show
        return []
    gap = profile.min_gap_ms
    available = end - start - gap * (n - 1)
    if available < n:  # no room for the gaps: let settle() push the cues forward
        return [Span(start, start + 1) for _ in weights]
    durations = _fill(available, [max(w, 1) for w in weights], profile.min_ms or 0)
    spans: list[Span] = []
    clock = start
    for duration in durations:
        shown = min(duration, profile.max_ms) if profile.max_ms else duration
        spans.append(Span(clock, clock + max(shown, 1)))
        clock += duration + gap
    return spans


def _fill(available: int, weights: list[int], floor: int) -> list[int]:
    """Whole milliseconds in proportion to ``weights``, none below ``floor`` when possible.

    The cues lifted to the floor are the lightest ones: in order of weight, lift while the
    next one's share of what is left would fall below the floor (a sort and one pass).
    """
    n = len(weights)
    if floor * n > available:
        floor = 0
    order = sorted(range(n), key=weights.__getitem__)
    total = sum(weights)
    lifted = 0
    while (
        lifted < n
        and floor
        and (available - floor * lifted) * weights[order[lifted]] < (floor * total)
    ):
        total -= weights[order[lifted]]
        lifted += 1
    fixed = set(order[:lifted])
    rest = available - floor * lifted
    exact = [floor if i in fixed else rest * w / total for i, w in enumerate(weights)]
    durations = [math.floor(d) for d in exact]
    durations[-1] += available - sum(durations)  # rounding leftovers go to the last cue
    return durations


def needed(profile: Profile, width: int, words: int) -> int:
    """Milliseconds a cue of ``width`` columns and ``words`` words needs on screen."""
    need = profile.min_ms or 1
    if profile.max_cps:
        need = max(need, math.ceil(width * 1000 / profile.max_cps))
    if profile.max_wpm:
        need = max(need, math.ceil(words * 60000 / profile.max_wpm))
    return min(need, profile.max_ms) if profile.max_ms else need
