"""A transcript as a subtitle track: timed cues, each one speaker's text (or two, dashed).

The steps, each a function of its own module: the turns' times (``interview_parser.timing``),
tokens and widths (``width``), cues cut from each turn (``segment``), lines within a cue
(``lines``), times of the cues (``cuetiming``). The result is data (:class:`Track`); the SRT
and WebVTT exporters only print it.
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from dataclasses import dataclass

from ..model import Transcript
from ..timing import Timeline, timeline
from .cuetiming import Span, needed, pace, settle
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


def build_track(
    transcript: Transcript,
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
    """Cut ``transcript`` into cues that keep ``profile``'s limits.

    ``style`` is prefix, dash or none; ``prefix_in_text`` says whether the prefix style
    writes "Label:" into the text (SRT) or leaves speakers to markup (WebVTT voices).
    ``notes`` is keep, sdh or drop (None: the profile's default).
    """
    times = timeline(transcript, wpm=wpm, pause=pause, start=start, duration=duration)
    windows = _windows(times, profile)
    names = shown_names(transcript)
    shift = round(start * 1000) if math.isfinite(start) else 0
    prefix = style == "prefix" and prefix_in_text
    mode = notes or profile.notes
    cues: list[Cue] = []
    for turn, (begin, end) in zip(transcript.turns, windows, strict=True):
        who = Speaking(names[turn.speaker], prefix, mode)
        cues.extend(turn_cues(turn, who, begin, end, shift, profile))
    estimated = times.estimated
    del times, windows  # (memory: a track of 1,000,000 cues keeps only what it needs)
    paced = duration is None and all(t.start is None and not t.spans for t in transcript.turns)
    legal = pace if paced else settle
    needs = [_need(c, profile) for c in cues]
    spans = legal([Span(c.start, c.end) for c in cues], needs, profile)
    cues = [_timed(c, s.start, s.end) for c, s in zip(cues, spans, strict=True)]
    del spans
    cues = no_flashes(cues, profile, needs)
    if style == "dash":
        cues = merge_dual(cues, profile)
    return Track(cues, estimated, profile)


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


def _windows(times: Timeline, profile: Profile) -> Iterator[tuple[int, int]]:
    """Each turn's time in milliseconds, ending a gap before the next turn starts (one at a
    time, as the cues are cut: not a list of them all beside the cues).

    ``timeline`` starts a turn with a written time exactly there: a subtitle must appear
    when the words are said.
    """
    starts = [_ms(t.start) for t in times.turns]
    for i, t in enumerate(times.turns):
        begin, end = starts[i], _ms(t.end)
        if i + 1 < len(starts):
            end = min(end, starts[i + 1] - profile.min_gap_ms)
        yield begin, max(end, begin + 1)


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


def merge_dual(cues: list[Cue], profile: Profile) -> list[Cue]:
    """Join a turn's last one-line cue and the next speaker's first into a dashed cue."""
    out: list[Cue] = []
    i = 0
    while i < len(cues):
        a = cues[i]
        b = cues[i + 1] if i + 1 < len(cues) else None
        merged = _dual(a, b, profile) if b is not None else None
        if merged is not None and b is not None:
            merged = merged if b.end - a.start >= _need(merged, profile) else None
        out.append(merged or a)
        i += 2 if merged else 1
    return out


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


def no_flashes(cues: list[Cue], profile: Profile, needs: list[int] | None = None) -> list[Cue]:
    """No cue shorter than the profile's minimum (else :data:`FLASH_MS`): a short cue is
    joined with a neighbour (one speaker: one cue; two: a dashed two-speaker cue) when the
    result fits, and what is still short is lengthened, moving later cues on as far as it
    must.

    ``settle`` has already lengthened short cues into the silence after them; what is left
    is speech written closer together than a viewer can read it (two speakers at the same
    second, a transcript whose times restart).
    """
    shortest = profile.min_ms or FLASH_MS
    out: list[Cue] = []
    wants: list[int] = []  # what each cue of ``out`` needs on screen (``needs``: of ``cues``)
    for k, cue in enumerate(cues):
        last = out[-1] if out else None
        if last is not None and (
            last.end - last.start < shortest or cue.end - cue.start < shortest
        ):
            joined = _join(last, cue, profile)
            if joined is not None:
                out[-1] = joined
                wants[-1] = _need(joined, profile)
                continue
        out.append(cue)
        wants.append(needs[k] if needs is not None else _need(cue, profile))
    gap = profile.min_gap_ms
    fixed: list[Cue] = []
    for k, cue in enumerate(out):
        begin = max(cue.start, fixed[-1].end + gap) if fixed else cue.start
        end = max(cue.end, begin + shortest)
        # A joined cue has more to read: give it that time where the silence allows.
        room = out[k + 1].start - gap if k + 1 < len(out) else begin + wants[k]
        end = max(end, min(begin + wants[k], room))
        fixed.append(_timed(cue, begin, end))
    return fixed


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
