"""One turn as cues: its shown text in timed runs, each run cut into cues.

A *run* is speech that may share cues: it ends at a stage note shown apart (SDH), at a
break marker, and, when the source times its cues (captions, Podcasting 2.0 segments: the
turn's :attr:`~interview_parser.model.Turn.spans`), at every silence between two source
cues longer than :data:`JOIN_MS`. With source times every token gets the time of the
source cue it was read from (shared out within the cue by width), and a cue lasts from its
first token's time to its last's: a cue starts when its first word is said and never spans
a silence. Without them, the turn's window from :func:`interview_parser.timing.timeline`
is shared among the cues by text length, and a break takes the time of
:data:`BREAK_COLUMNS` columns of text, shown as a gap.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from ..model import Turn
from .cuetiming import share
from .lines import ends_sentence
from .profiles import Profile
from .segment import segment_lines
from .spoken import BREAK, Piece, pieces
from .width import Token, display_width, join, tokens, total_width

JOIN_MS = 1000  # a silence shorter than this between two source cues is a breath, not a gap
BREAK_COLUMNS = 40  # an estimated track leaves a break marker the time of this much text
_LIMIT_S = 10**9  # a source time beyond 30 years is not a time (hostile input)


@dataclass(frozen=True, slots=True)
class Part:
    """One speaker's text in a cue."""

    turn: int  # index of the turn
    speaker: str  # the speaker's id
    label: str  # the speaker's canonical label, as shown
    lines: tuple[str, ...]  # as displayed, with the SRT prefix or dash when there is one
    first: bool  # the first cue of its turn
    opens: bool = True  # the cue starts a sentence (never the tail of one)
    note: bool = False  # a stage note in SDH form: it keeps a line of its own


@dataclass(frozen=True, slots=True)
class Cue:
    start: int  # milliseconds
    end: int
    parts: tuple[Part, ...]  # one, or two in a dashed dual-speaker cue

    @property
    def lines(self) -> list[str]:
        return [line for part in self.parts for line in part.lines]


@dataclass
class Run:
    kind: str  # speech, note or break
    items: list[Token]
    times: list[tuple[int, int]] | None  # each token's time in ms, when the source gives it
    text: str = ""  # without source times: the text, made tokens only when it is cut
    columns: int = 0  # without source times: the columns of the speech this run is part of


# A turn's text longer than this is cut into runs of about this size at sentence ends, and
# each run is made into tokens only when it is cut: a 50 MB turn never holds all its tokens.
LONG_TEXT = 100_000
_SENTENCE_GAP = re.compile(r"[.?!…][\"'”’)\]]*\s+")


@dataclass(frozen=True)
class Speaking:
    """Who speaks a turn and how the track shows them."""

    label: str  # the name shown
    prefix: bool  # write "Label:" before the turn's first cue (SRT prefix style)
    notes: str  # keep, sdh or drop


def turn_cues(
    turn: Turn, who: Speaking, begin: int, end: int, shift: int, profile: Profile
) -> list[Cue]:
    """The cues of ``turn``, whose estimated window is ``[begin, end)`` ms; source times are
    moved by ``shift`` ms (the ``--start`` option)."""
    one = _one_line(turn, who, begin, end, shift, profile)
    if one is not None:
        return one
    shown = pieces(turn, notes=who.notes, sdh_form=profile.sdh)
    source = _span_times(turn, shift, begin, end)
    runs = _timed_runs(shown, source) if source is not None else _runs(shown)
    prefix = who.prefix
    chunks: list[_Chunk] = []
    for run in runs:
        if run.kind == "break":
            chunks.append(((), BREAK_COLUMNS, None, "break", True))
            continue
        items = run.items or tokens(run.text)
        times = run.times
        columns = run.columns
        if prefix and run.kind == "speech" and items:
            prefix = False  # "Label:" opens the turn's first speech
            label = f"{who.label}:"
            items.insert(0, Token(label, display_width(label), word=False))
            columns += (display_width(label) + 1) if columns else 0
            if times is not None:
                times.insert(0, times[0])
        window = (times[-1][1] - times[0][0]) if times else end - begin
        limit = _max_cue_width(columns or total_width(items) + len(items), window, profile)
        at = 0
        for chunk, lines in segment_lines(items, profile.max_width, profile.max_lines, limit):
            when = None
            if times is not None:
                when = (times[at][0], times[at + len(chunk) - 1][1])
            closes = run.kind == "note" or ends_sentence(chunk[-1])
            text = tuple(join(line) for line in lines)
            chunks.append((text, _load(chunk, profile), when, run.kind, closes))
            at += len(chunk)
    if source is None:
        spans = share(begin, end, [c[1] for c in chunks], profile) if chunks else []
        chunks = [
            (c[0], c[1], (x.start, x.end), c[3], c[4]) for c, x in zip(chunks, spans, strict=True)
        ]
    return _cues(turn, who, chunks, profile)


# A cue cut from a run: its lines, its load, its time, the run's kind, and whether it ends
# a sentence (so that the next cue opens one).
_Chunk = tuple[tuple[str, ...], int, "tuple[int, int] | None", str, bool]


# Text that needs no reading beyond splitting at blanks: no markup, notes, breaks or dashes.
_PLAIN = re.compile(r"[^\\*_<>\[\]()\n–—-]*")


def _one_line(
    turn: Turn, who: Speaking, begin: int, end: int, shift: int, profile: Profile
) -> list[Cue] | None:
    """The cue of a turn that is one plain line (most turns of a quick exchange), without
    the machinery; None when the turn needs it."""
    text = turn.text
    if len(text) > profile.max_width or len(turn.spans) > 1 or not text.isascii():
        return None
    if not _PLAIN.fullmatch(text) or not text.isprintable() or not text.strip():
        return None
    if BREAK.match(text):
        return None
    line = f"{who.label}: {text}" if who.prefix else text
    if display_width(line) > profile.max_width:
        return None
    if turn.spans:
        source = _span_times(turn, shift, begin, end)
        if source is None:
            return None
        begin, end = source[0]
    stop = end if profile.max_ms is None else min(end, begin + profile.max_ms)
    part = Part(turn.index, turn.speaker, who.label, (" ".join(line.split()),), True, True)
    return [Cue(begin, max(stop, begin + 1), (part,))]


def _cues(turn: Turn, who: Speaking, chunks: list[_Chunk], profile: Profile) -> list[Cue]:
    cues: list[Cue] = []
    opens = True
    for lines, _, times, kind, closes in chunks:
        if kind == "break" or not lines or times is None:
            opens = True
            continue
        start, stop = times
        if profile.max_ms is not None:
            stop = min(stop, start + profile.max_ms)
        part = Part(turn.index, turn.speaker, who.label, lines, not cues, opens, kind == "note")
        cues.append(Cue(start, max(stop, start + 1), (part,)))
        opens = closes
    return cues


def _span_times(turn: Turn, shift: int, begin: int, end: int) -> list[tuple[int, int]] | None:
    """Each source span's start and end in ms, or None when they cannot be trusted (a span
    without a start, or one that starts before the previous one: pasted or restarted text).
    They are kept inside the turn's window ``[begin, end)`` of the shared timeline, which
    differs from the source times only where turns share a cue (two speakers in one cue
    split its time) or a cue runs into the next turn's: no cue overlaps another turn's."""
    if not turn.spans:
        return None
    starts: list[int] = []
    for span in turn.spans:
        if span.start is None or not math.isfinite(span.start) or abs(span.start) > _LIMIT_S:
            return None
        starts.append(round(span.start * 1000) + shift)
        if len(starts) > 1 and starts[-1] < starts[-2]:
            return None
    out: list[tuple[int, int]] = []
    for k, span in enumerate(turn.spans):
        following = starts[k + 1] if k + 1 < len(starts) else max(end, starts[k] + 1)
        stop = following
        if span.end is not None and math.isfinite(span.end) and abs(span.end) <= _LIMIT_S:
            stop = round(span.end * 1000) + shift
        first, last = max(starts[k], begin), min(max(stop, starts[k] + 1), end)
        out.append((first, max(last, first + 1)))
    return out


def _runs(shown: list[Piece]) -> list[Run]:
    """Runs of text without source times: consecutive speech pieces together (tokens are
    made when a run is cut), a very long run cut at sentence ends near :data:`LONG_TEXT`."""
    merged: list[tuple[str, str]] = []
    for piece in shown:
        if piece.kind == "speech" and merged and merged[-1][0] == "speech":
            merged[-1] = ("speech", merged[-1][1] + " " + piece.text)
        else:
            merged.append((piece.kind, piece.text))
    runs: list[Run] = []
    for kind, text in merged:
        columns = len(text) + 1 if text.isascii() else 0
        runs.extend(Run(kind, [], None, part, columns) for part in _split_long(text))
    return runs


def _split_long(text: str) -> list[str]:
    """``text`` in parts of about :data:`LONG_TEXT` characters, cut after a sentence end
    where one comes soon enough, else at a blank."""
    if len(text) <= LONG_TEXT:
        return [text]
    parts: list[str] = []
    start = 0
    while len(text) - start > LONG_TEXT:
        found = _SENTENCE_GAP.search(text, start + LONG_TEXT, start + LONG_TEXT + LONG_TEXT // 10)
        cut = found.end() if found else text.find(" ", start + LONG_TEXT)
        if cut < 0:
            break
        parts.append(text[start:cut].strip())
        start = cut
    parts.append(text[start:].strip())
    return [part for part in parts if part]


def _timed_runs(shown: list[Piece], source: list[tuple[int, int]]) -> list[Run]:
    """Runs whose tokens carry the time of the source span they came from."""
    items = [tokens(p.text) for p in shown]
    times: list[list[tuple[int, int]]] = [[] for _ in shown]
    by_span: dict[int, list[int]] = {}
    for k, piece in enumerate(shown):
        by_span.setdefault(piece.span or 0, []).append(k)
    for span, members in by_span.items():
        start, stop = source[min(span, len(source) - 1)]
        total = sum(t.width + 1 for k in members for t in items[k]) or 1
        clock = 0
        for k in members:
            for token in items[k]:
                a = start + (stop - start) * clock // total
                clock += token.width + 1
                times[k].append((a, max(start + (stop - start) * clock // total, a + 1)))
    runs: list[Run] = []
    for piece, its, when in zip(shown, items, times, strict=True):
        last = runs[-1] if runs else None
        if piece.kind == "break":
            runs.append(Run("break", [], None))
        elif (
            piece.kind == "speech"
            and last is not None
            and last.kind == "speech"
            and last.times
            and when
            and when[0][0] - last.times[-1][1] < JOIN_MS
        ):
            last.items.extend(its)
            last.times.extend(when)
        elif its:
            runs.append(Run(piece.kind, its, when))
    return runs


def _max_cue_width(columns: int, window: int, profile: Profile) -> int | None:
    """Columns a cue may hold so that its share of the window fits the longest cue
    (``columns``: of the speech sharing the window, a space after each word).

    Cues share the window by text length, so when a run has a long window for its words,
    smaller cues keep the screen filled instead of leaving gaps mid-sentence; never less
    than one full line, though (a long silence is better than a word at a time).
    """
    if profile.max_ms is None or columns <= 0 or window <= 0:
        return None
    per_column = window / columns
    return max(profile.max_width, int(profile.max_ms * 0.95 / per_column))


def _load(chunk: list[Token], profile: Profile) -> int:
    """How much reading a cue asks for: its words when the profile counts words a minute,
    else its columns; the cues of a turn share the turn's time in this proportion."""
    if profile.max_wpm is not None:
        return sum(1 for t in chunk if t.word and not t.glued)
    return total_width(chunk)
