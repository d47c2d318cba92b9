"""A transcript as a subtitle track: timed cues, each one speaker's text (or two, dashed).

The steps, each a function of its own module: the turns' times (``interview_parser.timing``),
tokens and widths (``width``), cues cut from each turn (``segment``), lines within a cue
(``lines``), times of the cues (``cuetiming``). The result is data (:class:`Track`); the SRT
and WebVTT exporters only print it.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..model import Transcript, Turn
from ..timing import Timeline, timeline
from .cuetiming import Span, needed, pace, settle, share
from .lines import break_lines
from .profiles import Profile
from .segment import segment
from .width import Token, display_width, join, tokens

STYLES = ("prefix", "dash", "none")


@dataclass(frozen=True)
class Part:
    """One speaker's text in a cue."""

    turn: int  # index of the turn
    speaker: str  # the speaker's id
    label: str  # the speaker's canonical label, as shown
    lines: tuple[str, ...]  # as displayed, with the SRT prefix or dash when there is one
    first: bool  # the first cue of its turn


@dataclass(frozen=True)
class Cue:
    start: int  # milliseconds
    end: int
    parts: tuple[Part, ...]  # one, or two in a dashed dual-speaker cue

    @property
    def lines(self) -> list[str]:
        return [line for part in self.parts for line in part.lines]


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
) -> Track:
    """Cut ``transcript`` into cues that keep ``profile``'s limits.

    ``style`` is prefix, dash or none; ``prefix_in_text`` says whether the prefix style
    writes "Label:" into the text (SRT) or leaves speakers to markup (WebVTT voices).
    """
    times = timeline(transcript, wpm=wpm, pause=pause, start=start, duration=duration)
    windows = _windows(times, profile)
    names = shown_names(transcript)
    cues: list[Cue] = []
    for turn, (begin, end) in zip(transcript.turns, windows, strict=True):
        label = names[turn.speaker]
        prefix = style == "prefix" and prefix_in_text
        cues.extend(_turn_cues(turn, label, prefix, begin, end, profile))
    paced = duration is None and all(t.start is None for t in transcript.turns)
    legal = pace if paced else settle
    spans = legal([Span(c.start, c.end) for c in cues], [_need(c, profile) for c in cues], profile)
    cues = [Cue(s.start, s.end, c.parts) for c, s in zip(cues, spans, strict=True)]
    if style == "dash":
        cues = merge_dual(cues, profile)
    return Track(cues, times.estimated, profile)


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


def _windows(times: Timeline, profile: Profile) -> list[tuple[int, int]]:
    """Each turn's time in milliseconds, ending a gap before the next turn starts.

    ``timeline`` starts a turn with a written time exactly there: a subtitle must appear
    when the words are said.
    """
    starts = [round(t.start * 1000) for t in times.turns]
    out: list[tuple[int, int]] = []
    for i, t in enumerate(times.turns):
        begin, end = starts[i], round(t.end * 1000)
        if i + 1 < len(starts):
            end = min(end, starts[i + 1] - profile.min_gap_ms)
        out.append((begin, max(end, begin + 1)))
    return out


def _turn_cues(
    turn: Turn, label: str, prefix: bool, begin: int, end: int, profile: Profile
) -> list[Cue]:
    items = tokens(turn.text)
    if prefix:
        items.insert(0, Token(f"{label}:", display_width(f"{label}:"), word=False))
    limit = _max_cue_width(items, end - begin, profile)
    chunks = segment(items, profile.max_width, profile.max_lines, limit)
    spans = share(begin, end, [_load(c, profile) for c in chunks], profile)
    cues: list[Cue] = []
    for k, (chunk, span) in enumerate(zip(chunks, spans, strict=True)):
        lines = tuple(
            join(line) for line in break_lines(chunk, profile.max_width, profile.max_lines)
        )
        part = Part(turn.index, turn.speaker, label, lines, k == 0)
        cues.append(Cue(span.start, span.end, (part,)))
    return cues


def _max_cue_width(items: list[Token], window: int, profile: Profile) -> int | None:
    """Columns a cue may hold so that its share of the turn's window fits the longest cue.

    Cues share the window by text length, so when a turn has a long window for its words,
    smaller cues keep the screen filled instead of leaving gaps mid-sentence; never less
    than one full line, though (a long silence is better than a word at a time).
    """
    if profile.max_ms is None or not items or window <= 0:
        return None
    per_column = window / sum(t.width + 1 for t in items)
    return max(profile.max_width, int(profile.max_ms * 0.95 / per_column))


def _load(chunk: list[Token], profile: Profile) -> int:
    """How much reading a cue asks for: its words when the profile counts words a minute,
    else its columns; the cues of a turn share the turn's time in this proportion."""
    if profile.max_wpm is not None:
        return sum(1 for t in chunk if t.word and not t.glued)
    return sum(t.width for t in chunk)


def _need(cue: Cue, profile: Profile) -> int:
    text = " ".join(cue.lines)
    return needed(profile, display_width(text), len(text.split()))


def merge_dual(cues: list[Cue], profile: Profile) -> list[Cue]:
    """Join a turn's last one-line cue and the next speaker's first into a dashed cue."""
    out: list[Cue] = []
    i = 0
    while i < len(cues):
        a = cues[i]
        b = cues[i + 1] if i + 1 < len(cues) else None
        merged = _dual(a, b, profile) if b is not None else None
        out.append(merged or a)
        i += 2 if merged else 1
    return out


def _dual(a: Cue, b: Cue, profile: Profile) -> Cue | None:
    """``a`` and ``b`` as one dashed two-speaker cue, if that keeps the profile's limits."""
    if profile.max_lines < 2 or len(a.parts) != 1 or len(b.parts) != 1:
        return None
    pa, pb = a.parts[0], b.parts[0]
    if len(pa.lines) != 1 or len(pb.lines) != 1 or pa.speaker == pb.speaker:
        return None
    if not pb.first or pa.turn + 1 != pb.turn:
        return None
    parts = tuple(Part(p.turn, p.speaker, p.label, (f"- {p.lines[0]}",), p.first) for p in (pa, pb))
    merged = Cue(a.start, b.end, parts)
    if any(display_width(line) > profile.max_width for line in merged.lines):
        return None
    if profile.max_ms is not None and b.end - a.start > profile.max_ms:
        return None
    return merged if b.end - a.start >= _need(merged, profile) else None
