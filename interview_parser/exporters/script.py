"""The segment plan behind the podcast script and its Fountain twin (model -> plan -> text).

Both script formats render the same :class:`Plan`, so they cannot disagree about the cast,
the order of the speech, the segment headings or the times. The plan keeps every turn once,
in transcript order: turns of one question-answer pair form a numbered segment, turns in no
pair (an opening, a closing) stay where they are as unnumbered remarks. Times come from
:func:`interview_parser.timing.timeline`, the estimate the subtitle exporters use too.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from ..model import PairKind, Role, Speaker, Transcript, Turn
from ..timing import Timeline, timeline
from . import ExportOptions

UNTITLED = "Untitled interview"
HEADING_WORDS = 8  # long enough to recognise the question, short enough for a rundown

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


@dataclass(frozen=True)
class Block:
    """A run of turns: a numbered segment (one pair) or an unnumbered remark."""

    number: int | None
    heading: str | None
    lines: tuple[Line, ...]
    asks: bool = False  # the pair's prompt asks a question (an opening remark does not)

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
class Plan:
    title: str
    cast: tuple[CastEntry, ...]
    items: tuple[Block | Cue, ...]
    runtime: float
    estimated: bool  # True when any time was estimated from the speaking rate
    wpm: float
    pause: float

    @property
    def blocks(self) -> tuple[Block, ...]:
        return tuple(item for item in self.items if isinstance(item, Block))


def build_plan(transcript: Transcript, options: ExportOptions) -> Plan:
    """The cast, the blocks in transcript order with their times, and the production cues."""
    cast = _cast(transcript, names=options.names)
    marks = {entry.speaker.id: entry.mark for entry in cast}
    times = turn_times(transcript, options)
    blocks = _blocks(transcript, times, marks)
    items: tuple[Block | Cue, ...] = _with_cues(blocks) if options.cues else tuple(blocks)
    runtime = times.end - times.turns[0].start if times.turns else 0.0
    return Plan(
        title=transcript.title or UNTITLED,
        cast=cast,
        items=items,
        runtime=runtime,
        estimated=times.estimated,
        wpm=options.wpm,
        pause=options.pause,
    )


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


def _blocks(transcript: Transcript, times: Timeline, marks: dict[str, str]) -> list[Block]:
    """Consecutive turns of the same pair form one block; unpaired turns form remarks."""
    pair_of: dict[int, int] = {}
    for pair in transcript.pairs:
        for index in (*pair.question_turns, *pair.answer_turns):
            pair_of[index] = pair.index
    pairs = {pair.index: pair for pair in transcript.pairs}
    groups: list[tuple[int | None, list[Line]]] = []
    for turn, time in zip(transcript.turns, times.turns, strict=True):
        line = Line(turn, marks[turn.speaker], time.start, time.end)
        key = pair_of.get(turn.index)
        if groups and groups[-1][0] == key:
            groups[-1][1].append(line)
        else:
            groups.append((key, [line]))
    blocks = []
    number = 0
    for key, lines in groups:
        if key is None:
            blocks.append(Block(None, None, tuple(lines)))
            continue
        number += 1
        pair = pairs[key]
        asks = pair.kind is PairKind.question
        blocks.append(Block(number, heading(pair.question), tuple(lines), asks))
    return blocks


def _with_cues(blocks: list[Block]) -> tuple[Block | Cue, ...]:
    """Music under the opening, a sting between segments, the outro after the last word.

    The opening is whatever comes before the first segment that asks a question: unpaired
    greetings, or a pair whose prompt is a welcome rather than a question.
    """
    numbered = [b for b in blocks if b.number is not None]
    first = next((b for b in numbered if b.asks), numbered[0] if numbered else None)
    opening = first is not None and blocks[0] is not first
    items: list[Block | Cue] = [Cue("MUSIC UP, THEN UNDER" if opening else "MUSIC UP, THEN OUT")]
    for block in blocks:
        if block is first and opening:
            items.append(Cue("MUSIC OUT"))
        elif block.number is not None and block.number > 1:
            items.append(Cue("STING"))
        items.append(block)
    items.append(Cue("OUTRO"))
    return tuple(items)


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
    parts = [speaker.label, speaker.name if speaker.name != speaker.label else None,
             speaker.description, speaker.affiliation]
    return ", ".join(p for p in parts if p) or "(unlabelled)"
