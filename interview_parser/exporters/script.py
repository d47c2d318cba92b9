"""The segment plan behind the podcast script and its Fountain twin (model -> plan -> text).

Both script formats render the same :class:`Plan`, so they cannot disagree about the cast,
the order of the speech, the segments or the times. The plan keeps every turn once, in
transcript order, shown as a listener hears it (Markdown escapes and markers decoded, see
``interview_parser.subtitles.spoken``), in a handful of segments titled by what they
discuss (``topics``): cut at the transcript's break markers, which become the mid-roll ad
slot, and at the questions nearest to even shares of the runtime. Around them: a pre-roll
and a post-roll, music cues, a rundown with back-timing, and on request a cold open. Show,
episode, air date and host come from the options or the front matter. Times come from
:func:`interview_parser.timing.timeline`, the estimate the subtitle exporters use too.

The plan is made in passes over its lines, which a stream's plan keeps in a spool on disk
(``interview_parser.spool``): the lines, once; a pass for each segment cut (at most
:data:`MAX_SEGMENTS`); one for the segments' titles; three for a cold open. A segment's
lines are a view of the spool, read again when the script is written.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from itertools import pairwise
from typing import Any

from ..model import Pair, PairKind, Role, Speaker, Transcript, Turn
from ..spool import Spool, fields_codec, gather
from ..subtitles.spoken import Break, break_marker, decode
from ..timing import Timeline, TurnTime, census, iter_times, timeline
from . import ExportOptions, Source
from .topics import counts, teaser, titles_of, words

UNTITLED = "Untitled interview"
HEADING_WORDS = 8  # long enough to recognise the question, short enough for a rundown
# A producer's handful of segments: about one per five minutes, two to eight of them, none
# under three turns.
SEGMENT_SECONDS = 300.0
MIN_SEGMENTS, MAX_SEGMENTS, MIN_LINES = 2, 8, 3
QUESTION_BONUS = 90.0  # seconds a segment may open later to open with a question
# Labels that say what someone does, not who they are: no name for the header's host.
_GENERIC = re.compile(
    r"(?i)(?:host|co-?host|interviewer|moderator|anchor|editor|presenter|q|a|speaker\s*\d*|"
    r"guest|interviewee|unknown|voice)"
)
# Ad slot lengths as podcast networks sell them (seconds).
PRE_ROLL, MID_ROLL, POST_ROLL = 30.0, 60.0, 30.0
MID_ROLL_AFTER = 600.0  # a shorter conversation has no mid-roll unless it marks a break

_MARKS = {Role.interviewer: "HOST", Role.interviewee: "GUEST", Role.other: "VOICE"}
_SENTENCE_END = re.compile(r"(?<=[.?!…])\s+")
# A period after these ends a title or an initial, not a sentence ("Ms. Adeyemi, would you").
_NOT_AN_END = re.compile(
    r"(?:\b(?:Mr|Mrs|Ms|Mx|Dr|Prof|Sr|Jr|St|Sen|Rep|Gov|Gen|Col|Capt|Lt|Rev|Hon|Fr|No|vs|etc)|"
    r"\b[A-Z])\.$"
)


@dataclass(frozen=True)
class CastEntry:
    speaker: Speaker
    mark: str  # how script lines name this speaker: HOST, GUEST 2, or the own name (--names)


@dataclass(frozen=True)
class Line:
    turn: Turn
    who: str  # the speaker's mark
    start: float
    end: float
    shown: tuple[str, ...] = ()  # the paragraphs as shown: markup decoded, break markers out


@dataclass(frozen=True)
class Block:
    """A titled segment of the programme (``number`` None: the cold open)."""

    number: int | None
    heading: str | None
    lines: Sequence[Line]  # in memory, or a view of the plan's spool
    asks: bool = False  # the segment opens with a question

    @property
    def start(self) -> float:
        return self.lines[0].start

    @property
    def end(self) -> float:
        return self.lines[-1].end


@dataclass(frozen=True)
class Cue:
    text: str  # without brackets, in capitals: "MUSIC UP, THEN UNDER"


@dataclass(frozen=True)
class Slot:
    """An ad slot: pre-roll, mid-roll or post-roll, and how long it runs."""

    kind: str
    seconds: float
    marker: float | None = None  # the time the transcript's own break marker gives, if any

    @property
    def text(self) -> str:
        return f"AD BREAK: {self.kind.upper()}, {clock(self.seconds)}"


@dataclass(frozen=True)
class Row:
    """A line of the rundown: what, from when on the programme clock, how long, back-time."""

    item: str
    start: float
    length: float
    back: float  # time left in the programme when the item starts


@dataclass(frozen=True)
class Plan:
    title: str
    cast: tuple[CastEntry, ...]
    items: tuple[Block | Cue | Slot, ...]
    runtime: float  # the speech, first word to last
    estimated: bool  # True when any time was estimated from the speaking rate
    wpm: float
    pause: float
    show: str | None = None
    episode: str | None = None
    air_date: str | None = None
    hosts: tuple[str, ...] = ()
    cold_open: Block | None = None
    rundown: tuple[Row, ...] = ()

    @property
    def blocks(self) -> tuple[Block, ...]:
        return tuple(item for item in self.items if isinstance(item, Block))

    @property
    def total(self) -> float:
        """The programme's length: the speech and every ad slot."""
        return self.rundown[-1].start + self.rundown[-1].length if self.rundown else self.runtime


def build_plan(transcript: Source, options: ExportOptions) -> Plan:
    """The cast, a handful of titled segments with their times, ad slots, cues, rundown."""
    document = gather(transcript)
    head = document.head
    cast = _cast(head, names=options.names)
    marks = {entry.speaker.id: entry.mark for entry in cast}
    found = census(document.turns, wpm=options.wpm, pause=options.pause, duration=options.duration)
    asking = _QuestionStarts(document.pairs, found.count)
    lines: list[Line] | Spool[Line] = [] if isinstance(document.turns, Sequence) else _spool()
    ends = _Ends()
    timed = ends.watch(iter_times(document.turns, found, start=options.start))
    breaks = _lines(timed, marks, lines)
    shown: Sequence[Line] = lines if isinstance(lines, list) else lines.view(0, len(lines))
    blocks = _segments(head, shown, _Table(shown, asking), breaks, asking)
    slots = _slots(blocks, breaks)
    runtime = ends.end - ends.origin if ends.origin is not None else 0.0
    items = _with_cues(blocks, slots, cues=options.cues)
    meta = _metadata(head, options)
    return Plan(
        title=meta["title"] or UNTITLED,
        cast=cast,
        items=items,
        runtime=runtime,
        estimated=found.estimated,
        wpm=options.wpm,
        pause=options.pause,
        show=meta["show"],
        episode=meta["episode"],
        air_date=meta["date"],
        hosts=_hosts(head),
        cold_open=_cold_open(head, shown) if options.cold_open else None,
        rundown=_rundown(items),
    )


class _Ends:
    """The first turn's start and the last one's end, seen as the turns go by."""

    def __init__(self) -> None:
        self.origin: float | None = None
        self.end = 0.0

    def watch(self, timed: Iterable[tuple[Turn, TurnTime]]) -> Iterator[tuple[Turn, TurnTime]]:
        for turn, time in timed:
            if self.origin is None:
                self.origin = time.start
            self.end = time.end
            yield turn, time


def _spool() -> Spool[Line]:
    """A spool of lines, each stored as a flat tuple (its turn's fields inside)."""
    turn_fields, turn_of = fields_codec(Turn)

    def encode(line: Line) -> tuple[Any, ...]:
        return (turn_fields(line.turn), line.who, line.start, line.end, line.shown)

    def decode(values: tuple[Any, ...]) -> Line:
        return Line(turn_of(values[0]), *values[1:])

    return Spool(Line, encode, decode)


class _Table:
    """What choosing the segment cuts reads of each line, in order: its start, its mark,
    whether it opens a question. A spool's lines keep it in a spool of its own (small
    tuples, read faster than the lines themselves), a list's in a list."""

    def __init__(self, lines: Sequence[Line], asking: _QuestionStarts) -> None:
        rows = ((x.start, x.who, x.turn.index in asking) for x in lines)
        self.rows: list[tuple[float, str, bool]] | Spool[tuple[float, str, bool]]
        if isinstance(lines, list):  # the lines are in memory: so is the table
            self.rows = list(rows)
        else:
            self.rows = Spool(tuple)
            for row in rows:
                self.rows.append(row)

    def __iter__(self) -> Iterator[tuple[float, str, bool]]:
        return iter(self.rows)


class _QuestionStarts:
    """The turns that open a pair whose prompt asks something: a byte a turn for the
    ``count`` turns (others, which only a hand-made transcript has, in a set)."""

    def __init__(self, pairs: Iterable[Pair], count: int) -> None:
        self.flags = bytearray(count)
        self.others: set[int] = set()
        for pair in pairs:
            if pair.kind is PairKind.question and pair.question_turns:
                i = pair.question_turns[0]
                if 0 <= i < count:
                    self.flags[i] = 1
                else:
                    self.others.add(i)

    def __contains__(self, i: int) -> bool:
        return bool(self.flags[i]) if 0 <= i < len(self.flags) else i in self.others


def turn_times(transcript: Transcript, options: ExportOptions) -> Timeline:
    """The shared :func:`~interview_parser.timing.timeline` with the export's timing options."""
    return timeline(
        transcript,
        wpm=options.wpm,
        pause=options.pause,
        start=options.start,
        duration=options.duration,
    )


def _cast(transcript: Transcript, *, names: bool) -> tuple[CastEntry, ...]:
    """One entry per speaker; marks shared by several speakers are numbered (GUEST 1, GUEST 2)."""
    # A speaker without a label (text the parser could not attribute) keeps the role mark.
    bases = [
        ((s.name or s.label).strip() if names else "").upper() or _MARKS[s.role]
        for s in transcript.speakers
    ]
    totals = Counter(bases)
    seen: Counter[str] = Counter()
    taken = {b for b in bases if totals[b] == 1}
    entries = []
    for speaker, base in zip(transcript.speakers, bases, strict=True):
        mark = base
        # "GUEST 2" may be someone's name. (Not `mark in taken | {base}`: that copied the
        # set of marks on every step, quadratic in the number of speakers.)
        while totals[base] > 1 and (mark == base or mark in taken):
            seen[base] += 1
            mark = f"{base} {seen[base]}"
        taken.add(mark)
        entries.append(CastEntry(speaker, mark))
    return tuple(entries)


def _lines(
    timed: Iterable[tuple[Turn, TurnTime]],
    marks: dict[str, str],
    lines: list[Line] | Spool[Line],
) -> dict[int, float | None]:
    """Every turn as a line (appended to ``lines``), and the break markers: after which
    line (its index) a break comes, with the time the marker writes. A turn that is only a
    marker is no line."""
    breaks: dict[int, float | None] = {}
    for turn, time in timed:
        shown: list[str] = []
        marker: Break | None = None
        opens = False  # the marker comes before the turn's speech
        for paragraph in paragraphs(turn.text):
            plain = decode(paragraph)
            found = break_marker(plain)
            if found is None:
                shown.append(plain)
            else:
                marker, opens = found, not shown
        if marker is not None and opens and shown:
            breaks[len(lines) - 1] = marker.seconds
        if shown or marker is None:
            lines.append(Line(turn, marks[turn.speaker], time.start, time.end, tuple(shown)))
        if marker is not None and not (opens and shown):
            breaks[len(lines) - 1] = marker.seconds
    breaks.pop(-1, None)  # a marker before any speech: the pre-roll stands there already
    return breaks


def _segments(
    transcript: Transcript,
    lines: Sequence[Line],
    table: _Table,
    breaks: dict[int, float | None],
    asking: _QuestionStarts,
) -> list[Block]:
    """A handful of segments: cut at every break marker, and at the questions nearest to
    even shares of the runtime, about one segment per :data:`SEGMENT_SECONDS`, from
    :data:`MIN_SEGMENTS` to :data:`MAX_SEGMENTS` (fewer when there are few turns)."""
    if not lines:
        return []
    first, count = lines[0].start, len(lines)
    span = lines[-1].end - first
    wanted = min(MAX_SEGMENTS, max(MIN_SEGMENTS, round(span / SEGMENT_SECONDS)))
    wanted = min(wanted, max(1, count // MIN_LINES))
    cuts = {i + 1 for i in breaks if 0 <= i < count - 1}
    for k in range(1, wanted):
        if len(cuts) >= wanted - 1:
            break
        cut = _nearest(table, cuts, first + span * k / wanted)
        if cut is not None:
            cuts.add(cut)
    bounds = [0, *sorted(cuts), count]
    groups = [lines[a:b] for a, b in pairwise(bounds) if b > a]
    avoid = frozenset(
        w for s in transcript.speakers for name in (s.label, s.name or "") for w in words(name)
    )
    found: list[Counter[str]] = []
    openings: list[Turn | None] = []
    for group in groups:  # one pass over the lines: each segment's words and first question
        said: Counter[str] = Counter()
        opening: Turn | None = None
        for line in group:
            for paragraph in line.shown:
                said.update(counts(paragraph, avoid))
            if opening is None and line.turn.index in asking:
                opening = line.turn
        found.append(said)
        openings.append(opening)
    named = titles_of(found)
    blocks = []
    for number, (group, title, opening) in enumerate(zip(groups, named, openings, strict=True), 1):
        if not title:
            title = heading(opening.text) if opening is not None else f"Part {number}"
        asks = group[0].turn.index in asking
        blocks.append(Block(number, title, group, asks))
    return blocks


def _nearest(table: _Table, cuts: set[int], target: float) -> int | None:
    """The line nearest ``target`` where a segment may open (a change of speaker, or a
    question, which wins by :data:`QUESTION_BONUS` seconds), at least :data:`MIN_LINES`
    from every cut; the first of equals. One pass over the lines."""
    best: int | None = None
    best_key = 0.0
    previous: str | None = None
    for i, (start, who, asks) in enumerate(table):
        if i and (who != previous or asks) and all(abs(i - c) >= MIN_LINES for c in cuts):
            key = abs(start - target) + (0.0 if asks else QUESTION_BONUS)
            if best is None or key < best_key:
                best, best_key = i, key
        previous = who
    return best


def _slots(blocks: list[Block], breaks: dict[int, float | None]) -> dict[int, Slot]:
    """Ad slots by the number of the segment they come before (0: the pre-roll, one past
    the last: the post-roll). The transcript's break markers are the mid-rolls; without
    any, one mid-roll sits between the middle segments of a conversation of
    :data:`MID_ROLL_AFTER` or more."""
    slots = {0: Slot("pre-roll", PRE_ROLL)}
    starts: dict[int, int] = {}  # the position of each segment's first line -> its number
    total = 0
    for b in blocks:
        if b.number is not None:
            starts[total] = b.number
        total += len(b.lines)
    for index, marker in breaks.items():
        if 0 <= index < total - 1 and index + 1 in starts:
            slots[starts[index + 1]] = Slot("mid-roll", MID_ROLL, marker)
    runtime = blocks[-1].end - blocks[0].start if blocks else 0.0
    if len(slots) == 1 and len(blocks) >= 2 and runtime >= MID_ROLL_AFTER:
        slots[len(blocks) // 2 + 1] = Slot("mid-roll", MID_ROLL)
    slots[len(blocks) + 1] = Slot("post-roll", POST_ROLL)
    return slots


def _with_cues(
    blocks: list[Block], slots: dict[int, Slot], *, cues: bool
) -> tuple[Block | Cue | Slot, ...]:
    """Ad slots, music under the opening, a sting between segments (not at an ad break),
    the outro after the last word. ``cues`` False: the segments and ad slots alone."""
    items: list[Block | Cue | Slot] = [slots[0]]
    if cues:
        under = bool(blocks) and not blocks[0].asks  # a welcome first: music under it
        items.append(Cue("MUSIC UP, THEN UNDER" if under else "MUSIC UP, THEN OUT"))
    for k, block in enumerate(blocks):
        if k and block.number in slots:
            items.append(slots[block.number or 0])
        elif k and cues:
            items.append(Cue("STING"))
        items.append(block)
    if cues:
        items.append(Cue("OUTRO"))
    items.append(slots[len(blocks) + 1])
    return tuple(items)


def _rundown(items: tuple[Block | Cue | Slot, ...]) -> tuple[Row, ...]:
    """The programme item by item on one clock: speech at its own length, ad slots at
    theirs; back-time is what is left of the programme when an item starts."""
    rows: list[tuple[str, float]] = []
    blocks = [item for item in items if isinstance(item, Block)]
    follows = {id(a): b.start for a, b in pairwise(blocks)}  # a segment runs to the next
    for item in items:
        if isinstance(item, Slot):
            rows.append((f"Ad: {item.kind}", item.seconds))
        elif isinstance(item, Block):
            end = follows.get(id(item), item.end)
            rows.append((f"{item.number}. {item.heading}", max(end - item.start, 0.0)))
    total = sum(length for _, length in rows)
    out: list[Row] = []
    clock_at = 0.0
    for name, length in rows:
        out.append(Row(name, clock_at, length, total - clock_at))
        clock_at += length
    return tuple(out)


def _metadata(transcript: Transcript, options: ExportOptions) -> dict[str, str | None]:
    """Title, show, episode and air date: the options, else the front matter."""
    front = transcript.front_matter or {}

    def pick(*keys: str) -> str | None:
        for key in keys:
            value = front.get(key)
            if isinstance(value, str | int | float) and not isinstance(value, bool):
                text = " ".join(str(value).split())
                if text:
                    return text
            if isinstance(value, dt.date):
                return value.isoformat()
        return None

    return {
        "title": options.title or transcript.title or pick("title"),
        "show": options.show or pick("show", "podcast", "series", "programme", "program"),
        "episode": options.episode or pick("episode", "episode_number", "ep", "number"),
        "date": pick("air_date", "airdate", "date", "published", "release_date"),
    }


def _hosts(transcript: Transcript) -> tuple[str, ...]:
    """Who hosts: the front matter's ``host``/``hosts``, else the interviewers."""
    front = transcript.front_matter or {}
    value = front.get("hosts", front.get("host"))
    if isinstance(value, str) and value.strip():
        return (" ".join(value.split()),)
    if isinstance(value, list):
        listed = tuple(" ".join(v.split()) for v in value if isinstance(v, str) and v.strip())
        if listed:
            return listed
    asking = (s for s in transcript.speakers if s.role is Role.interviewer)
    named = ((s.name or s.label).strip() for s in asking)
    return tuple(name for name in named if name and not _GENERIC.fullmatch(name))


def _cold_open(transcript: Transcript, lines: Sequence[Line]) -> Block | None:
    """A teaser: the guest's sentence that best says what the episode is about (three
    passes over the lines: the episode's words, the best sentence, where it is)."""
    said: Counter[str] = Counter()
    for line in lines:
        for paragraph in line.shown:
            said.update(counts(paragraph))
    topic = frozenset(titles_of([said], count=12)[0].replace(" and ", ", ").lower().split(", "))
    people = {s.id: s for s in transcript.speakers}

    def candidates() -> Iterator[tuple[Line, str]]:
        for line in lines:
            if people[line.turn.speaker].role is Role.interviewee:
                yield from ((line, s) for p in line.shown for s in _sentences(p))

    found = teaser((s for _, s in candidates()), topic)
    if found is None:
        return None
    line, sentence = next(c for k, c in enumerate(candidates()) if k == found)
    return Block(None, "Cold open", (replace(line, shown=(sentence,)),))


def heading(question: str, words: int = HEADING_WORDS) -> str:
    """A short heading from a prompt: its last question sentence, else its first sentence."""
    sentences = _sentences(question)
    if not sentences:
        return "(no words)"
    asking = [s for s in sentences if s.endswith("?")]
    chosen = (asking[-1] if asking else sentences[0]).split()
    text = " ".join(chosen[:words]).rstrip(".?!…:;,")
    return text + "…" if len(chosen) > words else text


def _sentences(text: str) -> list[str]:
    out: list[str] = []
    for piece in _SENTENCE_END.split(" ".join(text.split())):
        if out and _NOT_AN_END.search(out[-1]):
            out[-1] += " " + piece
        elif piece:
            out.append(piece)
    return out


def clock(seconds: float) -> str:
    """``M:SS`` below an hour, ``H:MM:SS`` from an hour, to the nearest second."""
    total = round(seconds)
    hours, rest = divmod(total, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


def paragraphs(text: str) -> list[str]:
    """The text's paragraphs (split at blank lines), each on one line."""
    parts = (" ".join(p.split()) for p in re.split(r"\n[ \t]*\n", text))
    return [p for p in parts if p]


def rate_note(plan: Plan) -> str:
    """One sentence on the runtime and where it comes from."""
    if plan.estimated:
        return (
            f"Estimated runtime {clock(plan.runtime)} at {plan.wpm:g} words a minute, "
            f"with {plan.pause:g} s of silence at each change of speaker."
        )
    return f"Runtime {clock(plan.runtime)}, from the times in the transcript."


def describe(speaker: Speaker) -> str:
    """The speaker in a phrase: label, full name, description, affiliation where known."""
    parts = [
        speaker.label,
        speaker.name if speaker.name != speaker.label else None,
        speaker.description,
        speaker.affiliation,
    ]
    return ", ".join(p for p in parts if p) or "(unlabelled)"
