"""A transcript as a subtitle track: timed cues, each one speaker's text (or two, dashed).

The steps, each a function of its own module: the turns' times (``interview_parser.timing``),
tokens and widths (``width``), cues cut from each turn (``segment``), lines within a cue
(``lines``), times of the cues (``cuetiming``). The result is data, made as it is read
(:class:`CueStream`; :class:`Track` holds it in a list); the SRT and WebVTT exporters only
print it.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import TypeVar

from ..model import Gathered, Transcript, Turn
from ..timing import Census, TurnTime, census, iter_times
from .cuetiming import Span, needed
from .lines import break_lines
from .profiles import Profile
from .runs import Cue, Part, Speaking, turn_cues
from .width import display_width, join, line_width, tokens

STYLES = ("prefix", "dash", "none")
# The shortest cue any track shows, when its profile sets no minimum (the podcast profile):
# shorter, a cue is a flash nobody reads.
FLASH_MS = 500


@dataclass(frozen=True)
class Track:
    cues: list[Cue]
    estimated: bool  # some times were estimated from a speaking rate
    profile: Profile


@dataclass(frozen=True)
class CueStream:
    """A track whose cues are made as they are read (once): each step below holds a cue or
    two, never the track, so that writing a million cues costs what one does."""

    cues: Iterator[Cue]
    estimated: bool  # some times were estimated from a speaking rate
    profile: Profile
    census: Census | None = None  # what the timeline found before the first cue


def build_track(
    transcript: Transcript | Gathered,
    *,
    profile: Profile,
    style: str = "prefix",
    prefix_in_text: bool = True,
    wpm: float,
    pause: float,
    start: float = 0.0,
    duration: float | None = None,
    notes: str | None = None,
) -> Track:
    """Cut ``transcript`` into cues that keep ``profile``'s limits (:func:`stream_track`'s
    cues in a list)."""
    stream = stream_track(
        transcript,
        profile=profile,
        style=style,
        prefix_in_text=prefix_in_text,
        wpm=wpm,
        pause=pause,
        start=start,
        duration=duration,
        notes=notes,
    )
    return Track(list(stream.cues), stream.estimated, profile)


def stream_track(
    transcript: Transcript | Gathered,
    *,
    profile: Profile,
    style: str = "prefix",
    prefix_in_text: bool = True,
    wpm: float,
    pause: float,
    start: float = 0.0,
    duration: float | None = None,
    notes: str | None = None,
) -> CueStream:
    """Cut ``transcript`` into cues that keep ``profile``'s limits, made as they are read.

    ``style`` is prefix, dash or none; ``prefix_in_text`` says whether the prefix style
    writes "Label:" into the text (SRT) or leaves speakers to markup (WebVTT voices).
    ``notes`` is keep, sdh or drop (None: the profile's default). The turns are read once,
    in order, as the cues are asked for, after one pass that finds what the timeline must
    know first (:func:`~interview_parser.timing.census`; a
    :class:`~interview_parser.model.Gathered` stream's turns are read from its spool); each
    step after the cutting (legal times, no flashes, dual-speaker cues) looks one cue ahead
    at most.
    """
    document = transcript if isinstance(transcript, Gathered) else Gathered.of(transcript)
    found = census(document.turns, wpm=wpm, pause=pause, duration=duration)
    names = shown_names(document.head)
    shift = round(start * 1000) if math.isfinite(start) else 0
    prefix = style == "prefix" and prefix_in_text
    mode = notes or profile.notes
    paced = duration is None and found.missing == found.count and not found.spans

    def cut() -> Iterator[Cue]:
        times = iter_times(document.turns, found, start=start)
        for turn, (begin, end) in _windows(times, profile):
            who = Speaking(names[turn.speaker], prefix, mode)
            yield from turn_cues(turn, who, begin, end, shift, profile)

    needing = ((cue, _need(cue, profile)) for cue in cut())
    timed = _paced(needing, profile) if paced else _settled(needing, profile)
    cues = no_flashes(timed, profile)
    if style == "dash":
        cues = merge_dual(cues, profile)
    return CueStream(cues, found.estimated, profile, found)


_T = TypeVar("_T")


def _ahead(items: Iterable[_T]) -> Iterator[tuple[_T, _T | None]]:
    """Each item with the one after it (None after the last)."""
    found = iter(items)
    held = next(found, None)
    while held is not None:
        following = next(found, None)
        yield held, following
        held = following


def _settled(needing: Iterable[tuple[Cue, int]], profile: Profile) -> Iterator[tuple[Cue, int]]:
    """Make the track legal, a cue at a time: ordered, gapped, positive; a cue too short or
    too fast to read is lengthened into the silence after it, never into the next cue."""
    gap = profile.min_gap_ms

    def order() -> Iterator[tuple[Cue, int, Span]]:
        last: Span | None = None
        for cue, need in needing:
            begin = max(cue.start, last.end + gap) if last is not None else cue.start
            last = Span(begin, max(cue.end, begin + 1))
            yield cue, need, last

    for (cue, need, span), following in _ahead(order()):
        end = span.end
        if end - span.start < need:
            limit = following[2].start - gap if following is not None else span.start + need
            end = max(end, min(span.start + need, limit))
        yield _timed(cue, span.start, end), need


def _paced(needing: Iterable[tuple[Cue, int]], profile: Profile) -> Iterator[tuple[Cue, int]]:
    """For a track whose times are all estimated (no recording to keep in step with), a cue
    at a time: every cue gets the time it needs to be read, and the cues after it move
    later."""
    gap = profile.min_gap_ms
    delay = 0
    last: Span | None = None
    for cue, need in needing:
        begin = cue.start + delay
        if last is not None:
            begin = max(begin, last.end + gap)
        delay = begin - cue.start
        last = Span(begin, begin + max(cue.end - cue.start, need, 1))
        yield _timed(cue, last.start, last.end), need


def _timed(cue: Cue, start: int, end: int) -> Cue:
    """``cue`` at these times: itself when it has them already (no second copy of it)."""
    return cue if cue.start == start and cue.end == end else Cue(start, end, cue.parts)


def shown_names(transcript: Transcript) -> dict[str, str]:
    """The name shown for each speaker id: the label, else the full name, else "Speaker N".

    A transcript may have a speaker with no label at all (``[00:01:15] : text``); it still
    needs a name of its own, or its turn would read as the previous speaker's.
    """
    taken = {s.label.strip() for s in transcript.speakers}
    names: dict[str, str] = {}
    number = 0
    for speaker in transcript.speakers:
        name = speaker.label.strip() or (speaker.name or "").strip()
        while not name or name in names.values():
            number += 1
            name = f"Speaker {number}" if f"Speaker {number}" not in taken else ""
        names[speaker.id] = name
    return names


def _windows(
    times: Iterator[tuple[Turn, TurnTime]], profile: Profile
) -> Iterator[tuple[Turn, tuple[int, int]]]:
    """Each turn with its time in milliseconds, ending a gap before the next turn starts
    (one at a time, as the cues are cut: not a list of them all beside the cues).

    ``timeline`` starts a turn with a written time exactly there: a subtitle must appear
    when the words are said.
    """
    for (turn, t), following in _ahead(times):
        begin, end = _ms(t.start), _ms(t.end)
        if following is not None:
            end = min(end, _ms(following[1].start) - profile.min_gap_ms)
        yield turn, (begin, max(end, begin + 1))


LATEST_MS = 10**12  # about 30 years: a time beyond is clamped here, not an overflow


def _ms(seconds: float) -> int:
    """Whole milliseconds, clamped to ``[0, LATEST_MS]`` (hostile times such as 1e308)."""
    if not seconds > 0:  # also NaN
        return 0
    return round(seconds * 1000) if seconds < LATEST_MS / 1000 else LATEST_MS


def _need(cue: Cue, profile: Profile) -> int:
    text = " ".join(cue.lines)
    width = len(text) if text.isascii() else display_width(text)
    return needed(profile, width, text.count(" ") + 1 if profile.max_wpm else 0)


def merge_dual(cues: Iterable[Cue], profile: Profile) -> Iterator[Cue]:
    """Join a turn's last one-line cue and the next speaker's first into a dashed cue, a
    cue at a time (it looks one cue ahead)."""
    found = iter(cues)
    a = next(found, None)
    while a is not None:
        b = next(found, None)
        merged = _dual(a, b, profile) if b is not None else None
        if merged is not None and b is not None:
            merged = merged if b.end - a.start >= _need(merged, profile) else None
        if merged is not None:
            yield merged
            a = next(found, None)
        else:
            yield a
            a = b


def _dual(a: Cue, b: Cue, profile: Profile) -> Cue | None:
    """``a`` and ``b`` as one two-speaker cue, a dash before each speaker's line, as the
    profile's guide writes it; None unless each is one line of a sentence's start (never
    the tail of a sentence cut in two) and the result keeps the profile's limits."""
    if profile.max_lines < 2 or len(a.parts) != 1 or len(b.parts) != 1:
        return None
    pa, pb = a.parts[0], b.parts[0]
    if len(pa.lines) != 1 or len(pb.lines) != 1 or pa.speaker == pb.speaker:
        return None
    if not (pa.opens and pb.opens):
        return None
    dash = profile.dash
    parts = tuple(
        Part(p.turn, p.speaker, p.label, (dash + p.lines[0],), p.first, p.opens) for p in (pa, pb)
    )
    merged = Cue(a.start, max(a.end, b.end), parts)
    if any(display_width(line) > profile.max_width for line in merged.lines):
        return None
    if profile.max_ms is not None and merged.end - merged.start > profile.max_ms:
        return None
    return merged


def no_flashes(needing: Iterable[tuple[Cue, int]], profile: Profile) -> Iterator[Cue]:
    """No cue shorter than the profile's minimum (else :data:`FLASH_MS`): a short cue is
    joined with a neighbour (one speaker: one cue; two: a dashed two-speaker cue) when the
    result fits, and what is still short is lengthened, moving later cues on as far as it
    must.

    ``_settled`` has already lengthened short cues into the silence after them; what is left
    is speech written closer together than a viewer can read it (two speakers at the same
    second, a transcript whose times restart). ``needing`` is each cue with the time it
    needs on screen; a cue at a time (it holds the cue being joined and looks one joined
    cue ahead).
    """
    shortest = profile.min_ms or FLASH_MS

    def joined() -> Iterator[tuple[Cue, int]]:
        last: tuple[Cue, int] | None = None  # the cue being joined, and what it needs
        for cue, need in needing:
            if last is not None:
                held = last[0]
                if held.end - held.start < shortest or cue.end - cue.start < shortest:
                    both = _join(held, cue, profile)
                    if both is not None:
                        last = (both, _need(both, profile))
                        continue
                yield last
            last = (cue, need)
        if last is not None:
            yield last

    gap = profile.min_gap_ms
    previous: Cue | None = None
    for (cue, want), following in _ahead(joined()):
        begin = max(cue.start, previous.end + gap) if previous is not None else cue.start
        end = max(cue.end, begin + shortest)
        # A joined cue has more to read: give it that time where the silence allows.
        room = following[0].start - gap if following is not None else begin + want
        end = max(end, min(begin + want, room))
        previous = _timed(cue, begin, end)
        yield previous


def _join(a: Cue, b: Cue, profile: Profile) -> Cue | None:
    if len(a.parts) == 1 and len(b.parts) == 1 and a.parts[0].turn == b.parts[0].turn:
        pa, pb = a.parts[0], b.parts[0]
        if pa.note or pb.note:  # an SDH note keeps its own line
            shown = (*pa.lines, *pb.lines)
            if len(shown) > profile.max_lines:
                return None
        else:
            items = tokens(" ".join([*pa.lines, *pb.lines]))
            lines = break_lines(items, profile.max_width, profile.max_lines)
            if len(lines) > profile.max_lines or any(
                len(line) > 1 and line_width(line) > profile.max_width for line in lines
            ):
                return None
            shown = tuple(join(x) for x in lines)
        part = Part(pa.turn, pa.speaker, pa.label, shown, pa.first, pa.opens)
        merged = Cue(a.start, max(a.end, b.end), (part,))
    else:
        pa, pb = a.parts[-1], b.parts[0]
        if len(a.parts) != 1 or len(b.parts) != 1 or len(pa.lines) != 1 or len(pb.lines) != 1:
            return None
        if pa.speaker == pb.speaker:
            return None  # two turns of one speaker: a dash would say two people speak
        dash = profile.dash
        parts = tuple(
            Part(p.turn, p.speaker, p.label, (dash + p.lines[0],), p.first, p.opens)
            for p in (pa, pb)
        )
        merged = Cue(a.start, max(a.end, b.end), parts)
        if profile.max_lines < 2 or any(
            display_width(line) > profile.max_width for line in merged.lines
        ):
            return None
    if profile.max_ms is not None and merged.end - merged.start > profile.max_ms:
        return None
    return merged
