"""Stage 2 of the pipeline: raw blocks -> the typed :class:`~interview_parser.model.Transcript`.

``build_transcript`` runs the resolution steps in order, each in its own module:
``evidence`` (which labels are speakers), ``lead`` (preamble and title), ``speakers``
(spellings -> people), ``intro`` (full names from introductions), ``roles`` and ``pairs``.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence

from ..dialects import explain
from ..errors import NoTurnsError, UsageError
from ..model import (
    CastMember,
    Pair,
    RoleSource,
    Skipped,
    Source,
    Speaker,
    TimeSpan,
    Transcript,
    Turn,
    replace,
)
from ..syntax import RawBlock, Reading, Span
from . import frontmatter
from .evidence import rejections, speaker_blocks
from .intro import fill_introductions, header_people
from .labels import LabelInfo, declared_keys, name_key
from .lead import split_lead
from .notes import find_notes, strip_comments, strip_times, time_shapes
from .roles import assign_roles
from .speakers import SpeakerGroup, group_speakers
from .speech import all_speech, lead_warnings, take_turns
from .text import clean

__all__ = ["accepted_forms", "build_transcript"]


def _collect(
    decided: Sequence[tuple[RawBlock, LabelInfo | None]],
) -> tuple[str, int, list[Turn], list[LabelInfo], list[Span]]:
    """Lead text, its first line, the turns, each turn's label analysis, and the comments
    taken out of the text. The turns' text is not cleaned yet and their speaker not known.

    Rejected labels rejoin the text they cut.
    """
    lead: list[str] = []
    lead_line = decided[0][0].line if decided else 1
    turns: list[Turn] = []
    infos: list[LabelInfo] = []
    comments: list[Span] = []
    continued: dict[int, list[str]] = {}  # turns that rejected labels' blocks continue
    lengths: dict[int, int] = {}  # characters of a continued turn's text so far
    timed: dict[int, list[tuple[int, RawBlock]]] = {}  # blocks the layout times: offset, block
    tail = ""  # the blanks and line ends after the last turn's text so far
    add_turn, add_info = turns.append, infos.append  # (the loop runs once a block)
    shapes = time_shapes((b.text, b.label if i else None) for b, i in decided)
    for block, info in decided:
        text = block.text
        if "<" in text and "<!--" in text:  # (one character is found by memchr, 10x faster)
            text, found = strip_comments(block)
            comments.extend(found)
        opening = None
        if shapes and (info is not None or turns):
            text, found, opening = strip_times(block, text, shapes)
            comments.extend(found)
        notes = tuple(find_notes(block)) if "[" in text or "(" in text else ()
        if info is not None:
            start, end = block.start, block.end
            if start is not None or end is not None:
                timed[len(turns)] = [(0, block)]
            if start is None:
                start = info.time if info.time is not None else opening
            add_turn(
                Turn(
                    index=len(turns),
                    speaker="",
                    label=info.raw,
                    text=text,
                    line=block.line,
                    column=block.label_column,
                    end_line=block.end_line,
                    start=start,
                    end=end if end is not None else info.end,
                    notes=notes,
                    spans=(),
                )
            )
            add_info(info)
            tail = block.tail
        elif turns:
            last = turns[-1]
            length = lengths.get(last.index, len(last.text)) + len(tail)
            if last.index in timed:
                timed[last.index].append((length, block))
            lengths[last.index] = length + len(block.label or "") + len(text)
            continued.setdefault(last.index, [last.text]).extend((tail, block.label or "", text))
            tail = block.tail
            last.end_line = max(last.end_line, block.end_line)
            last.end = block.end if block.end is not None else last.end
            last.notes += notes
        else:
            lead += (block.label or "", text, block.tail)
    for index, pieces in continued.items():
        turns[index].text = "".join(pieces)
    for index, blocks in timed.items():
        turns[index].spans = tuple(_spans(turns[index].text, blocks))
    return "".join(lead), lead_line, turns, infos, comments


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
    return [b.form for b, info in speaker_blocks(reading.blocks, declared) if info is not None]


def build_transcript(
    reading: Reading,
    source: Source,
    *,
    interviewers: Iterable[str] = (),
    cast: Iterable[CastMember] = (),
    pair: bool = True,
) -> Transcript:
    """Resolve a reading into a transcript; raise :class:`NoTurnsError` if there are no turns.

    ``pair=False`` leaves out the question-answer pairs (``pairs`` and ``unpaired_turns``
    stay empty) for a caller that never reads them, such as ``check``: pairing's module
    is then not even imported, which a command that starts for one small file notices.
    """
    blocks, front = reading.blocks, reading.front
    meta = frontmatter.read(front) if front is not None else frontmatter.FrontMatterData()
    declared_cast = _merge_cast(cast, meta.cast)
    interviewer_labels = list(interviewers)
    declared = interviewer_labels + [
        label for m in declared_cast for label in (m.label, *m.aliases)
    ]
    decided = speaker_blocks(blocks, declared)
    speech_warnings: list[str] = []
    if reading.all_speech:
        decided, speech_warnings = all_speech(decided)
    decided, dash_warnings = take_turns(decided)
    speech_warnings += dash_warnings
    forms = [b.form for b, info in decided if info is not None]
    source = replace(source, dialect_evidence=explain(forms, reading.dialect))
    lead_text, lead_line, turns, infos, comments = _collect(decided)
    if not turns:
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
    layout = reading.skipped  # (kept: the reading itself is let go below)
    spans = sorted([*layout, *comments], key=lambda k: k.line)
    # The raw blocks are not needed past here: a caller that hands over its only reference
    # to the reading (as parse_source does) has them freed now, before the speakers, roles
    # and pairs are worked out (a block costs about 250 bytes, a short line a block).
    del decided, blocks, reading
    lead = split_lead(lead_text, lead_line)
    speech_warnings += lead_warnings(lead.preamble, lead.preamble_lines)
    groups, owners = group_speakers(infos, declared_cast)
    _check_interviewers(interviewer_labels, groups, source.path)
    texts: list[str] = []
    add_text = texts.append
    for turn, owner in zip(turns, owners, strict=True):
        turn.speaker = owner.id
        turn.text = text = clean(turn.text)
        add_text(text)
    spoken = list(zip(owners, texts, strict=True))
    fill_introductions(groups, spoken)
    # the header above the first turn: the lead and the lines skipped there (headings)
    opening = [lead_text, *(k.text for k in layout if k.line < turns[0].line)]
    header = header_people(opening, meta.data)
    roles = assign_roles(groups, spoken, interviewer_labels, declared_cast, header)
    turn_counts = Counter(map(id, owners))
    del infos, owners, texts  # (memory: pairing holds the voices; a turn each)
    # Each group's label and aliases worked out once (both walk its spellings).
    spellings = {g.id: (g.label, g.aliases) for g in groups}
    pairs: list[Pair] = []
    unpaired: list[int] = []
    if pair:
        from .pairs import Voice, build_pairs

        voices = [Voice(g.id, roles[g.id].role, text) for g, text in spoken]
        del spoken
        pairs, unpaired = build_pairs(
            voices,
            {
                g.id: [spellings[g.id][0], *([g.name] if g.name else []), *spellings[g.id][1]]
                for g in groups
            },
        )
        del voices
    else:
        del spoken
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
            turn_count=turn_counts[id(g)],
        )
        for g in groups
    ]
    title, title_line = lead.title, lead.title_line
    if title is None and meta.title is not None and front is not None:
        title, title_line = meta.title, front.line
    return Transcript(
        source=source,
        title=title,
        title_line=title_line,
        preamble=lead.preamble,
        preamble_lines=list(lead.preamble_lines) if lead.preamble_lines else None,
        front_matter=meta.data,
        front_matter_lines=[front.line, front.end_line] if front is not None else None,
        cast=declared_cast,
        skipped=[
            Skipped(kind=k.kind, text=k.text, line=k.line, end_line=k.end_line) for k in spans
        ],
        speakers=speakers,
        turns=turns,
        pairs=pairs,
        unpaired_turns=unpaired,
        warnings=[*meta.warnings, *speech_warnings],
    )
