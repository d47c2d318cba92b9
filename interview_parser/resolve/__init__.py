"""Stage 2 of the pipeline: raw blocks -> the typed :class:`~interview_parser.model.Transcript`.

The resolution steps live each in its own module: ``evidence`` (which labels are speakers),
``lead`` (preamble and title), ``speakers`` (spellings -> people), ``intro`` (full names from
introductions), ``roles`` and ``pairs``. They run as passes over the reading's blocks, each
pass a generator of blocks that holds nothing per block (docs/streaming.md):

1. **census**: the evidence rules' counts of each distinct label (``LabelCensus``);
2. **speakers**: the blocks decided one at a time; the lead before the first turn, each
   distinct label's number of turns (whence the speakers), the label forms, the warnings;
3. **conduct**: the opening turns (and the first turns of a speaker who arrives later) for
   introductions and roles, read until nothing more is needed;
4. **emit**: the turns, cleaned one at a time and given their speaker, as events.

:func:`stream_transcript` runs passes 1-3 and returns the head with pass 4 as its events;
:func:`build_transcript` is that stream collected: one pipeline, whose whole model is the
collected stream. The reading's ``blocks`` must be re-iterable (a list is; so is a reader
that reads its file again on each iteration).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, overload

from ..dialects import explain
from ..errors import NoTurnsError, UsageError
from ..model import (
    CastMember,
    Event,
    Pair,
    Role,
    RoleSource,
    Skipped,
    Source,
    Speaker,
    StageNote,
    TimeSpan,
    Transcript,
    TranscriptStream,
    Turn,
    Unpaired,
    replace,
)
from ..syntax import RawBlock, Reading, Span
from . import frontmatter
from .conduct import LATE_TURNS, OPENING_TURNS
from .evidence import LabelCensus, rejections
from .intro import INTRO_TURNS, fill_introductions, header_people
from .labels import LabelInfo, declared_keys, name_key
from .lead import split_lead
from .notes import find_notes, strip_comments, strip_times, time_shapes
from .roles import assign_roles
from .speakers import SpeakerGroup, group_labels
from .speech import SpeechFacts, lead_warnings, speech_turns
from .text import clean

if TYPE_CHECKING:
    from .pairs import Voice

__all__ = ["accepted_forms", "build_transcript", "stream_transcript"]

Decided = Iterator[tuple[RawBlock, LabelInfo | None]]


def _turns(
    decided: Iterable[tuple[RawBlock, LabelInfo | None]],
    shapes: frozenset[str],
    comments: list[Span] | None = None,
) -> Iterator[tuple[Turn, LabelInfo]]:
    """The turns of the decided blocks, each with its label analysis, one at a time: a turn
    is complete when the next accepted block arrives (rejected labels' blocks continue it,
    their labels rejoining the text they cut). The blocks before the first turn (the lead)
    are passed over. A turn's text is not cleaned yet and its speaker not known.

    ``comments`` receives the comments and time marks taken out of the text (the lead's
    comments too), in order.
    """
    turn: Turn | None = None
    info_of: LabelInfo | None = None  # the turn's label analysis
    pieces: list[str] | None = None  # a continued turn's text so far
    length = 0  # characters of the turn's text so far
    timed: list[tuple[int, RawBlock]] | None = None  # blocks the layout times: offset, block
    tail = ""  # the blanks and line ends after the turn's text so far
    count = 0
    for block, info in decided:
        text = block.text
        if "<" in text and "<!--" in text:  # (one character is found by memchr, 10x faster)
            text, found = strip_comments(block)
            if comments is not None:
                comments.extend(found)
        opening = None
        if shapes and (info is not None or turn is not None):
            text, found, opening = strip_times(block, text, shapes)
            if comments is not None:
                comments.extend(found)
        if info is not None:
            if info.date is not None and comments is not None:  # (chat exports, logs)
                comments.append(Span("date", info.date, block.line, block.line))
            if turn is not None and info_of is not None:
                # (a turn of one block, most of them: nothing to finish)
                done = turn if pieces is None and timed is None else _finish(turn, pieces, timed)
                yield done, info_of
            notes = tuple(find_notes(block)) if "[" in text or "(" in text else ()
            start, end = block.start, block.end
            timed = [(0, block)] if start is not None or end is not None else None
            if start is None:
                start = info.time if info.time is not None else opening
            # index, label, text, line, column, end_line, start, end, notes
            turn = _new_turn(
                count,
                info.raw,
                text,
                block.line,
                block.label_column,
                block.end_line,
                start,
                end if end is not None else info.end,
                notes,
            )
            count += 1
            info_of, pieces, length, tail = info, None, len(text), block.tail
        elif turn is not None:
            notes = tuple(find_notes(block)) if "[" in text or "(" in text else ()
            length += len(tail)
            if timed is not None:
                timed.append((length, block))
            label = block.label or ""
            length += len(label) + len(text)
            if pieces is None:
                pieces = [turn.text]
            pieces += (tail, label, text)
            tail = block.tail
            turn.end_line = max(turn.end_line, block.end_line)
            turn.end = block.end if block.end is not None else turn.end
            turn.notes += notes
    if turn is not None and info_of is not None:
        yield _finish(turn, pieces, timed), info_of


def _new_turn(
    index: int,
    label: str,
    text: str,
    line: int,
    column: int,
    end_line: int,
    start: float | None,
    end: float | None,
    notes: tuple[StageNote, ...],
) -> Turn:
    """``Turn(index=index, speaker="", label=label, ...)``, its other fields at their
    defaults, at half the cost (19,000 turns in 10 MB): a call with keywords packs them into
    a dict for the class's ``__init__``, and ``Turn`` takes keywords only. Every field is
    set here (tests/test_resolve_passes.py holds the two equal, field for field)."""
    turn = _new(Turn)
    turn.index = index
    turn.speaker = ""
    turn.label = label
    turn.text = text
    turn.line = line
    turn.column = column
    turn.end_line = end_line
    turn.start = start
    turn.end = end
    turn.notes = notes
    turn.spans = ()
    turn.words = None
    turn.confidence = None
    return turn


_new = object.__new__


def _finish(turn: Turn, pieces: list[str] | None, timed: list[tuple[int, RawBlock]] | None) -> Turn:
    """A turn once its last block is read: its text joined, its time spans placed."""
    if pieces is not None:
        turn.text = "".join(pieces)
    if timed is not None:
        turn.spans = tuple(_spans(turn.text, timed))
    return turn


def _spans(text: str, blocks: list[tuple[int, RawBlock]]) -> list[TimeSpan]:
    """The time spans of a turn's timed blocks, each placed at its first word (one pass).

    Word indexes, unlike character offsets, survive the clean-up of the turn's whitespace.
    A block without words (an empty cue) adds no span; nor does one without times (a CSV
    row with an empty time cell): its words run on in the span before it.
    """
    spans: list[TimeSpan] = []
    words = _WORD.finditer(text)
    count, word = 0, next(words, None)
    for offset, block in blocks:
        if block.start is None and block.end is None:
            continue
        while word is not None and word.end() <= offset:
            count, word = count + 1, next(words, None)
        if word is None:
            break
        if spans and spans[-1].word == count:
            spans.pop()  # the earlier block had no words of its own
        spans.append(TimeSpan(word=count, start=block.start, end=block.end))
    return spans


_WORD = re.compile(r"\S+")


def _merge_cast(*casts: Iterable[CastMember]) -> list[CastMember]:
    """Earlier casts win: the caller's declaration over the file's front matter."""
    merged: dict[str, CastMember] = {}
    for cast in casts:
        for member in cast:
            merged.setdefault(name_key(member.label), member)
    return list(merged.values())


def _check_interviewers(
    labels: list[str], groups: Sequence[SpeakerGroup], path: str | None
) -> None:
    """Raise :class:`UsageError` for an interviewer label that names none of the speakers
    (it would decide nothing, yet turn every other role into a declared one)."""
    if not labels:  # (nothing to look up: no set of every speaker's keys, 100,000 of them)
        return
    known = set().union(*(g.keys for g in groups))
    unknown = [label for label in labels if not declared_keys(label) & known]
    if unknown:
        present = ", ".join(repr(g.label) for g in groups[:20])
        more = f" and {len(groups) - 20} more" if len(groups) > 20 else ""
        raise UsageError(
            f"interviewer {unknown[0]!r} is none of the speakers' labels; they are: "
            f"{present}{more}",
            path=path,
        )


def accepted_forms(reading: Reading, declared: Iterable[str] = ()) -> list[str]:
    """The label forms of the blocks that evidence accepts as turns (used by detection)."""
    census = LabelCensus(reading.blocks, declared)
    return [b.form for b, info in census.decide(reading.blocks) if info is not None]


def _value(info: LabelInfo) -> tuple[object, ...]:
    """A label analysis as a value (two equal analyses are one speaker's spelling)."""
    return (
        info.raw,
        info.name,
        info.key,
        info.shape,
        info.role_hint,
        info.affiliation,
        info.alias,
        info.time,
        info.honorific,
        info.end,
    )


@dataclass
class _Labels:
    """Pass 2 (speakers): what the decided blocks say, nothing kept per block."""

    lead: list[str] = field(default_factory=list)  # the lead's pieces of text
    lead_line: int = 1  # the first block's line
    first_line: int = 0  # the first turn's line (0: no turn)
    forms: Counter[str] = field(default_factory=Counter)  # label forms of the turns
    infos: dict[int, LabelInfo] = field(default_factory=dict)  # distinct analyses, by id
    counts: Counter[int] = field(default_factory=Counter)  # turns of each analysis, by id


def _label_pass(decided: Decided, census: LabelCensus | None = None) -> _Labels:
    """Pass 2 over the decided blocks. With ``census`` (where no speech step changes a
    block's speaker), the turns are counted from the census and only the lead is read."""
    found = _Labels()
    lead = found.lead
    infos, counts, forms = found.infos, found.counts, found.forms
    for n, (block, info) in enumerate(decided):
        if not n:
            found.lead_line = block.line
        if info is None:
            text = block.text
            if "<" in text and "<!--" in text:
                text = strip_comments(block)[0]
            lead += (block.label or "", text, block.tail)
            continue
        found.first_line = block.line
        if census is None:
            _count(block, info, infos, counts, forms)
        break
    if census is not None:
        for (_, form), info, n in census.accepted():
            key = id(info)
            if key not in infos:
                infos[key] = info
            counts[key] += n
            forms[form] += n
        return found
    for block, info in decided:  # (the same iterator: the blocks after the first turn)
        if info is not None:
            _count(block, info, infos, counts, forms)
    return found


def _count(
    block: RawBlock,
    info: LabelInfo,
    infos: dict[int, LabelInfo],
    counts: Counter[int],
    forms: Counter[str],
) -> None:
    key = id(info)
    if key not in infos:
        infos[key] = info
    counts[key] += 1
    forms[block.form] += 1


class _Sparse(Sequence[tuple[SpeakerGroup, str]]):
    """The turns as conduct reads them, held only where it reads them: the turns it tallies
    and their neighbours; every other index holds ``filler``, a speaker of the opening with
    no text (conduct passes over such a turn: see ``conduct._read``)."""

    def __init__(
        self,
        items: dict[int, tuple[SpeakerGroup, str]],
        length: int,
        filler: tuple[SpeakerGroup, str],
    ) -> None:
        self._items, self._length, self._filler = items, length, filler

    def __len__(self) -> int:
        return self._length

    @overload
    def __getitem__(self, index: int) -> tuple[SpeakerGroup, str]: ...

    @overload
    def __getitem__(self, index: slice) -> list[tuple[SpeakerGroup, str]]: ...

    def __getitem__(
        self, index: int | slice
    ) -> tuple[SpeakerGroup, str] | list[tuple[SpeakerGroup, str]]:
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(self._length))]
        if index < 0:
            index += self._length
        if not 0 <= index < self._length:
            raise IndexError(index)
        return self._items.get(index, self._filler)


# Turns held on each side of a turn that conduct tallies (it looks at the two after it and
# the one before it; one more each way for safety).
_NEIGHBOURS = 3


def _conduct_pass(
    turns: Iterator[tuple[Turn, LabelInfo]],
    owner: _Owners,
    total: int,
    totals: Mapping[str, int],
) -> tuple[list[tuple[SpeakerGroup, str]], Sequence[tuple[SpeakerGroup, str]]]:
    """Pass 3 (conduct): the first turns for the introductions, and the turns conduct reads
    (the opening turns and the first turns of every speaker who arrives later, with their
    neighbours), as ``(speaker, cleaned text)``. Stops once nothing more is needed: usually
    right after the opening, when nobody arrives later."""
    intro: list[tuple[SpeakerGroup, str]] = []
    kept: dict[int, tuple[SpeakerGroup, str]] = {}
    recent: list[tuple[int, SpeakerGroup, Turn]] = []
    opening: set[str] = set()
    late: Counter[str] = Counter()
    owed = -1  # late speakers' turns still to be read (-1: the opening is not over)
    pending = 0  # turns still to be kept after the last one conduct tallies
    first: SpeakerGroup | None = None

    def keep(i: int, group: SpeakerGroup, turn: Turn) -> None:
        if i not in kept:
            kept[i] = (group, clean(turn.text))

    for i, (turn, info) in enumerate(turns):
        group = owner(info)
        if first is None:
            first = group
        if i < INTRO_TURNS:
            intro.append((group, clean(turn.text)))
        tallied = False
        if i < OPENING_TURNS:
            opening.add(group.id)
            tallied = True
        elif group.id not in opening and late[group.id] < LATE_TURNS:
            late[group.id] += 1
            owed -= 1
            tallied = True
        if tallied:
            for j, g, t in recent:
                keep(j, g, t)
            keep(i, group, turn)
            pending = _NEIGHBOURS
        elif pending:
            keep(i, group, turn)
            pending -= 1
        recent.append((i, group, turn))
        if len(recent) > _NEIGHBOURS:
            del recent[0]
        if i == OPENING_TURNS - 1:
            owed = sum(min(LATE_TURNS, n) for ident, n in totals.items() if ident not in opening)
        if owed == 0 and not pending:
            break
    if first is None:
        return intro, []
    if len(kept) == total:
        return intro, [kept[i] for i in range(total)]
    return intro, _Sparse(kept, total, (first, ""))


class _Owners:
    """The speaker of a label analysis: by the analysis's identity (the census's analyses
    live through every pass), else by its value (an analysis made afresh on each pass: a
    dialogue dash's unnamed speaker, an unlabelled start)."""

    def __init__(self, infos: Iterable[LabelInfo], group_of: Mapping[int, SpeakerGroup]) -> None:
        self.infos = infos
        self.group_of = group_of
        self.by_value: dict[tuple[object, ...], SpeakerGroup] | None = None  # (on first use)

    def __call__(self, info: LabelInfo) -> SpeakerGroup:
        group = self.group_of.get(id(info))
        if group is not None:
            return group
        if self.by_value is None:
            self.by_value = {_value(i): self.group_of[id(i)] for i in self.infos}
        return self.by_value[_value(info)]


def _pair_events(
    turns: Sequence[Turn], names: Mapping[str, Collection[str]], played: Mapping[str, Role]
) -> Iterator[Event]:
    """The pairs of the turns handed over as a list (each speaker's role in ``played``),
    then the unpaired turns."""
    from .pairs import build_pairs

    pairs, unpaired = build_pairs(turns, names, roles=played)
    yield from pairs
    for index in unpaired:
        yield Unpaired(index)


class _Spans:
    """The skipped spans in order of their line (the layout's before the comments and time
    marks taken out of the text, on one line), given out as soon as no later block can add
    one before them: a block's marks lie on its lines, and blocks come in order of line."""

    def __init__(self, layout: Sequence[Span]) -> None:
        self.layout = sorted(layout, key=_line)
        self.at = 0  # the layout's spans given out so far
        self.marks: list[Span] = []  # the text's comments and time marks not given out yet

    def before(self, line: int) -> Iterator[Skipped]:
        """The spans above ``line``, once no block still to be read can add one there."""
        layout, at = self.layout, self.at
        if not self.marks and (at >= len(layout) or layout[at].line >= line):
            return
        stop = at
        while stop < len(layout) and layout[stop].line < line:
            stop += 1
        marks = self.marks  # (the list _turns adds to: changed in place)
        ready = [k for k in marks if k.line < line]
        marks[:] = [k for k in marks if k.line >= line]
        self.at = stop
        for k in sorted([*layout[at:stop], *ready], key=_line):
            yield Skipped(kind=k.kind, text=k.text, line=k.line, end_line=k.end_line)

    def rest(self) -> Iterator[Skipped]:
        for k in sorted([*self.layout[self.at :], *self.marks], key=_line):
            yield Skipped(kind=k.kind, text=k.text, line=k.line, end_line=k.end_line)


def _line(span: Span) -> int:
    return span.line


def _spoken(
    decided: Decided, shapes: frozenset[str], owner: _Owners, marks: list[Span]
) -> Iterator[Turn]:
    """The turns of the decided blocks, each given its speaker and its text cleaned (the
    comments and time marks taken out of the texts are added to ``marks``)."""
    known = owner.group_of.get  # (the owner's first reading, without a call a turn)
    for turn, info in _turns(decided, shapes, marks):
        group = known(id(info))
        turn.speaker = (group if group is not None else owner(info)).id
        turn.text = clean(turn.text)
        yield turn


def _emit(
    decided: Decided,
    shapes: frozenset[str],
    owner: _Owners,
    played: Mapping[str, Role] | None,
    names: Mapping[str, Collection[str]],
    layout: Sequence[Span],
    again: Callable[[], Decided] | None = None,
) -> Iterator[Event]:
    """Pass 4 (emit): each turn, as it is read, with the skipped spans above it; then the
    pairs (``played``, each speaker's role: None without pairs), the unpaired turns and the
    last skipped spans.

    With ``again`` (the decided blocks read once more), the turns are not held for pairing:
    pairing reads them in two more passes, its census and then a window
    (:func:`_windowed_pair_events`). Without it, pairing is given the turns as a list."""
    spans = _Spans(layout)
    # the turns themselves, for pairing (no second object a turn)
    turns: list[Turn] | None = [] if played is not None and again is None else None
    marks, laid = spans.marks, len(spans.layout)
    for turn in _spoken(decided, shapes, owner, marks):
        if turns is not None:
            turns.append(turn)
        yield turn
        if marks or spans.at < laid:  # (marks: the list _turns adds to)
            yield from spans.before(turn.line)
    if turns is not None and played is not None:
        yield from _pair_events(turns, names, played)
    elif played is not None and again is not None:
        yield from _windowed_pair_events(again, shapes, owner, played, names)
    yield from spans.rest()


def _windowed_pair_events(
    again: Callable[[], Decided],
    shapes: frozenset[str],
    owner: _Owners,
    played: Mapping[str, Role],
    names: Mapping[str, Collection[str]],
) -> Iterator[Event]:
    """The pairs and unpaired turns, holding no list of the turns: a pass over the turns
    counts what pairing needs from the whole file (``Census``), and another pairs them over
    a window (``iter_pairs``). The same pairs as :func:`_pair_events`."""
    from .pairs import Census, Voice, iter_pairs

    def voices() -> Iterator[Voice]:
        for turn in _spoken(again(), shapes, owner, []):
            yield Voice(turn.speaker, played[turn.speaker], turn.text, turn.index)

    census = Census(names, roles=played)
    for voice in voices():
        census.add(voice.speaker, voice.text)
    yield from iter_pairs(voices(), census.parts(played), names)


_Resolved = tuple[
    Transcript,
    Callable[[], Decided],
    frozenset[str],
    _Owners,
    "Mapping[str, Role] | None",
    Mapping[str, Collection[str]],
    Sequence[Span],
]


def _resolve(
    reading: Reading,
    source: Source,
    *,
    interviewers: Iterable[str] = (),
    cast: Iterable[CastMember] = (),
    pair: bool = True,
    warnings: Iterable[str] = (),
) -> _Resolved:
    """Passes 1-3 (:func:`stream_transcript`): the head, and what pass 4 reads the turns,
    pairs and skipped spans with: the decided blocks (read once more each call), the time
    notations, the speakers' owners, each speaker's role (None without pairs), the names that
    address each speaker and the layout's skipped spans."""
    blocks, front = reading.blocks, reading.front
    meta = frontmatter.read(front) if front is not None else frontmatter.FrontMatterData()
    declared_cast = _merge_cast(cast, meta.cast)
    interviewer_labels = list(interviewers)
    declared = interviewer_labels + [
        label for m in declared_cast for label in (m.label, *m.aliases)
    ]
    census = LabelCensus(blocks, declared)  # pass 1
    every_block = reading.all_speech
    # (a dialogue dash's label has no name, a numbered question's is its number: without
    # either, no turn is taken by a dash or given to the one who asks)
    dashes = any(not info.name for info in census.info.values()) or any(
        form == "question" for _, form in census.counts
    )

    def decided(facts: SpeechFacts | None = None) -> Decided:
        return speech_turns(census.decide(blocks), every_block, dashes, facts)

    facts = SpeechFacts()
    simple = not every_block and not dashes  # (no speech step changes a block's speaker)
    labels = _label_pass(decided(facts), census if simple else None)  # pass 2
    source = replace(source, dialect_evidence=explain(labels.forms, reading.dialect))
    if not labels.first_line:
        raise NoTurnsError(
            f"no speaker turns found: {source.dialect_evidence.split('; ')[0]}; "
            f"{rejections(blocks)}; "
            + "".join(f"also seen: {seen}; " for seen in reading.seen)
            + "name the speakers (--interviewer NAME, or a cast in "
            "pyproject.toml) or the layout (--dialect NAME, e.g. learned:end=period)",
            path=source.path,
            line=1,
            column=1,
        )
    speech_warnings = facts.warnings()
    lead_text = "".join(labels.lead)
    lead = split_lead(lead_text, labels.lead_line, titled=meta.title is not None)
    speech_warnings += lead_warnings(lead.preamble, lead.preamble_lines)
    distinct = list(labels.infos.values())
    groups, group_of = group_labels(distinct, labels.counts, declared_cast)
    _check_interviewers(interviewer_labels, groups, source.path)
    owner = _Owners(distinct, group_of)
    turn_counts: Counter[str] = Counter()
    for key, n in labels.counts.items():
        turn_counts[group_of[key].id] += n
    # the time notations of the layout, from the first blocks
    shapes = time_shapes((b.text, b.label if i else None) for b, i in decided())
    intro, spoken = _conduct_pass(  # pass 3
        _turns(decided(), shapes), owner, sum(labels.counts.values()), turn_counts
    )
    fill_introductions(groups, intro)
    # the header above the first turn: the lead and the lines skipped there (headings)
    layout = reading.skipped
    opening = [lead_text, *(k.text for k in layout if k.line < labels.first_line)]
    header = header_people(opening, meta.data)
    roles = assign_roles(groups, spoken, interviewer_labels, declared_cast, header)
    del intro, spoken, labels
    # Each group's label and aliases worked out once (both walk its spellings).
    spellings = {g.id: (g.label, g.aliases) for g in groups}
    names = {  # what addresses each speaker, for pairing
        g.id: [spellings[g.id][0], *([g.name] if g.name else []), *spellings[g.id][1]]
        for g in (groups if pair else ())
    }
    speakers = [
        Speaker(
            id=g.id,
            label=spellings[g.id][0],
            name=g.name,
            description=g.description,
            affiliation=g.affiliation,
            aliases=spellings[g.id][1],
            role=roles[g.id].role,
            role_source=RoleSource(roles[g.id].source),
            turn_count=turn_counts[g.id],
        )
        for g in groups
    ]
    title, title_line = lead.title, lead.title_line
    if title is None and meta.title is not None and front is not None:
        title, title_line = meta.title, front.line
    head = Transcript(
        source=source,
        title=title,
        title_line=title_line,
        preamble=lead.preamble,
        preamble_lines=list(lead.preamble_lines) if lead.preamble_lines else None,
        front_matter=meta.data,
        front_matter_lines=[front.line, front.end_line] if front is not None else None,
        cast=declared_cast,
        speakers=speakers,
        turns=[],
        pairs=[],
        warnings=[*warnings, *meta.warnings, *speech_warnings],
    )
    played = {ident: decision.role for ident, decision in roles.items()} if pair else None
    return head, decided, shapes, owner, played, names, layout


def stream_transcript(
    reading: Reading,
    source: Source,
    *,
    interviewers: Iterable[str] = (),
    cast: Iterable[CastMember] = (),
    pair: bool = True,
    warnings: Iterable[str] = (),
    window: bool = False,
) -> TranscriptStream:
    """Resolve a reading into a transcript stream; raise :class:`NoTurnsError` if there are
    no turns. Passes 1-3 run now (the head: speakers, roles, title, warnings); the turns,
    pairs and skipped spans are read from the blocks once more as the events are drawn.

    ``window=True``: pairing holds no list of the turns; it reads the blocks twice more
    after the turns (a census, then pairs over a window), so memory does not grow with the
    turns, at the cost of those two passes. Without it (what :func:`build_transcript`
    collects), pairing is given the turns as a list.

    ``pair=False`` leaves out the question-answer pairs (no ``Pair`` or ``Unpaired``
    events) for a caller that never reads them, such as ``check``: pairing's module is then
    not even imported, which a command that starts for one small file notices.
    ``warnings`` come first in the head's (the source's own, such as a decoding fallback).
    """
    head, decided, shapes, owner, played, names, layout = _resolve(
        reading, source, interviewers=interviewers, cast=cast, pair=pair, warnings=warnings
    )
    events = _emit(  # pass 4
        decided(), shapes, owner, played, names, layout, decided if window else None
    )
    return TranscriptStream(head, events)


def build_transcript(
    reading: Reading,
    source: Source,
    *,
    interviewers: Iterable[str] = (),
    cast: Iterable[CastMember] = (),
    pair: bool = True,
) -> Transcript:
    """Resolve a reading into a transcript (what :func:`stream_transcript` makes,
    collected); raise :class:`NoTurnsError` if there are no turns. ``pair=False``: no pairs
    (``pairs`` and ``unpaired_turns`` stay empty).

    Pass 4 fills the lists at once rather than through the stream's events (one event a
    turn costs a few generator steps; ``tests/test_resolve_passes.py`` holds the two
    equal). The reading is not held here: a caller that hands over its only reference (as
    ``parse_source`` does) has the blocks freed once the turns are read, before pairing (a
    block costs about 250 bytes, a short line a block).
    """
    handed = [reading]
    del reading
    head, decided, shapes, owner, played, names, layout = _resolve(
        handed.pop(), source, interviewers=interviewers, cast=cast, pair=pair
    )
    spans = _Spans(layout)
    turns = list(_spoken(decided(), shapes, owner, spans.marks))  # pass 4
    del decided  # (the blocks: freed before pairing)
    pairs: list[Pair] = []
    unpaired: list[int] = []
    if played is not None:
        from .pairs import build_pairs

        pairs, unpaired = build_pairs(turns, names, roles=played)
    return replace(
        head,
        turns=turns,
        pairs=pairs,
        skipped=list(spans.rest()),
        unpaired_turns=unpaired,
        warnings=list(head.warnings),
    )
