"""The resolver as it was before it ran as passes (main at 65ff9ac): the oracle that
``tests/test_resolve_passes.py`` holds the passes to, byte for byte.

Copied from that commit's ``resolve/__init__.py`` (``_collect``, ``build_transcript``),
``resolve/evidence.py`` (``speaker_blocks`` over a list, with ``_handles``) and
``resolve/speech.py`` (the list forms of the speech steps); everything else is the
package's own. Delete this file, and the equality tests, once the passes have been the
only resolver for a release and a change of behaviour is meant.
"""

# ruff: noqa

from __future__ import annotations

import dataclasses
from collections import Counter
from collections.abc import Iterable, Sequence

from interview_parser.dialects import explain as _explain
from interview_parser.errors import NoTurnsError
from interview_parser.model import (
    CastMember,
    Pair,
    RoleSource,
    Skipped,
    Source,
    Speaker,
    Transcript,
    Turn,
    replace,
)
from interview_parser.resolve import _check_interviewers, _merge_cast, _spans, frontmatter
from interview_parser.resolve.evidence import (
    FORMAT_DECLARED,
    STRONG_FORMS,
    _accept_one_off,
    _count_short_forms,
    _is_handle,
    _is_header_field,
    _is_list,
    _minority_forms,
    _without_recurrence,
    rejections,
)
from interview_parser.resolve.intro import fill_introductions, header_people
from interview_parser.resolve.labels import LabelInfo, Shape, analyse
from interview_parser.resolve.lead import split_lead
from interview_parser.resolve.notes import find_notes, strip_comments, strip_times, time_shapes
from interview_parser.resolve.roles import assign_roles
from interview_parser.resolve.speakers import group_speakers
from interview_parser.resolve.speech import (
    SpeechFacts,
    _bold,
    _dashed,
    _time_line,
    ask_in_bold,
    lead_warnings,
)
from interview_parser.resolve.text import clean
from interview_parser.syntax import RawBlock, Reading, Span

Decided = list[tuple[RawBlock, LabelInfo | None]]


def explain(forms: list[str], dialect: str) -> str:
    return _explain(Counter(forms), dialect)


def _handles(
    blocks: Sequence[RawBlock],
    counts: Counter[tuple[str | None, str]],
    info: dict[str | None, LabelInfo],
) -> set[tuple[str | None, str]]:
    """The (label, form) signatures that are chat handles (:func:`_is_handle`) whose name
    recurs over words of its own: prose-shaped, yet speakers. A handle over no words is a
    line of speech that looks like one ("at 10:30" below a label)."""
    found: set[tuple[str | None, str]] = {
        (label, form)
        for label, form in counts
        if label is not None and info[label].shape is Shape.prose and _is_handle(label, info[label])
    }
    if not found:
        return found
    keys: Counter[str] = Counter(
        info[b.label].key for b in blocks if (b.label, b.form) in found and b.text.strip()
    )
    return {(label, form) for label, form in found if keys[info[label].key] >= 2}


def speaker_blocks(
    blocks: Sequence[RawBlock], declared: Iterable[str] = ()
) -> list[tuple[RawBlock, LabelInfo | None]]:
    """Pair each block with its label analysis, or None where the label is not a speaker.

    Blocks without a label and rejected labels come back with None. Every rule but the
    one-off rule depends on a block's label and form alone, so the rules run once for each
    distinct (label, form), however long the transcript.
    """
    signatures = [(b.label, b.form) for b in blocks]
    counts = Counter(signatures)  # (counted in C, the blocks without a label taken out after)
    for unlabelled in [s for s in counts if s[0] is None]:
        del counts[unlabelled]
    info = {label: analyse(label) for label, _ in counts}
    declared_keys = {analyse(d).key for d in declared}
    minority = _minority_forms(counts, info)
    handles = _handles(blocks, counts, info)
    usable = handles | {
        (label, form)
        for label, form in counts
        if info[label].key in declared_keys
        or form in FORMAT_DECLARED
        or (
            info[label].shape is not Shape.prose and (form not in minority or info[label].honorific)
        )
    }
    key_counts: Counter[str] = Counter()
    for label, form in usable:
        key_counts[info[label].key] += counts[label, form]
    _count_short_forms(key_counts, [info[label] for label, _ in usable])
    recurring = {key for key, n in key_counts.items() if n >= 2} | (declared_keys & set(key_counts))
    # Rules 4 and 5 accept a (label, form) wherever it is; rule 6 depends on the position.
    sure = {
        (lb, f)
        for lb, f in usable
        if info[lb].key in recurring or f in STRONG_FORMS or info[lb].time is not None
    }
    if sure == usable:  # no one-off labels: nothing depends on the order
        accepted = [s in sure for s in signatures]
    else:
        accepted = []
        seen_recurring = False
        for signature in signatures:
            if signature not in usable:
                accepted.append(False)
            elif signature in sure:
                seen_recurring = seen_recurring or info[signature[0]].key in recurring
                accepted.append(True)
            else:
                accepted.append(_accept_one_off(info[signature[0]], seen_recurring))
    # The labels whose text need not be read: a speaker the format names, whatever its
    # text, and one that recurs or is declared (decided once a label, not once a block).
    exempt = {
        (label, form)
        for label, form in usable
        if form in FORMAT_DECLARED
        or info[label].key in recurring
        or info[label].key in declared_keys
    }
    for index, signature in enumerate(signatures if usable - exempt else ()):
        if not accepted[index] or signature in exempt:
            continue
        block = blocks[index]
        if _is_list(block.text) or _is_header_field(info[signature[0]], block.text):
            # a show-note heading ("**Resources:**" over links) or a header field
            # ("Presenter: Kevin Gibbons (KG)"): a one-off label over no speech
            accepted[index] = False
    if not recurring and not any(accepted):
        accepted = _without_recurrence([info[s[0]] if s in usable else None for s in signatures])
    return [
        (b, info[b.label] if ok else None)  # accepted: labelled
        for b, ok in zip(blocks, accepted, strict=True)
    ]


def all_speech(decided: Decided) -> tuple[Decided, list[str]]:
    """Resolve a reading whose every block is speech: dialogue dashes, then the start."""
    return unlabelled_start(hand_over_dashes(decided))


def hand_over_dashes(decided: Decided) -> Decided:
    """Give each dialogue-dash block (form ``dash``) to the other voice of the conversation.

    "- Really?\n- Yes." in an unlabelled cue: the first line went on with the current
    speaker, a later dash line is the speaker before them, if there was one. Only accepted
    speakers count, so a label the evidence rejected never gets speech by a dash.
    """
    current: LabelInfo | None = None
    other: LabelInfo | None = None
    result: Decided = []
    for block, info in decided:
        if info is None and block.form == "dash" and other is not None:
            info = other
        if info is not None and (current is None or info.key != current.key):
            other, current = current, info
        result.append((block, info))
    return result


def take_turns(decided: Decided) -> tuple[Decided, list[str]]:
    """Give the turns that a dialogue dash opens without a name to two speakers in turn.

    The dash only says that somebody else speaks now; in an interview that is the other of
    two people, so the turns alternate between two unnamed speakers (who asks is left to
    the roles, which read the turns). Returns the blocks and a warning, or them unchanged.
    """
    # (added with the bold questions, after 65ff9ac: the package's own step, as in take_turns)
    facts = SpeechFacts()
    decided = [
        ask_in_bold(block, info, facts)
        if (info is None and block.form == "answer")
        or (info is not None and not info.name and _bold(block))
        else (block, info)
        for block, info in decided
    ]
    asked = facts.warnings()
    dashed = [
        (i, info)
        for i, (block, info) in enumerate(decided)
        if info is not None and not info.name and _dashed(block)
    ]
    if not dashed:
        return decided, asked
    result = list(decided)
    voices: list[LabelInfo] = []
    for n, (i, info) in enumerate(dashed):
        block = result[i][0]
        if len(voices) < 2:
            voices.append(dataclasses.replace(info, key=f"{info.key}\u2014{len(voices) + 1}"))
        result[i] = (block, dataclasses.replace(voices[n % 2], time=info.time, end=info.end))
    first, last = decided[dashed[0][0]][0].line, decided[dashed[-1][0]][0].end_line
    warning = (
        f"lines {first}-{last}: {len(dashed)} turns open with a dialogue dash and no name: "
        "read as two unnamed speakers who take turns"
    )
    return result, [warning, *asked]


def unlabelled_start(decided: Decided) -> tuple[Decided, list[str]]:
    """Give the speech before the first accepted turn to an unlabelled speaker.

    For readings where every block is speech. The first block becomes a turn with an empty
    label (a rejected label-shaped prefix stays in its text; a time alone on its first line,
    as a podcast page's ``<time>`` leaves it, is the turn's start); later unlabelled blocks
    continue it as usual. Returns the blocks and a warning, or the blocks unchanged.
    """
    if not decided or decided[0][1] is not None:
        return decided, []
    block = decided[0][0]
    text = (block.label or "") + block.text
    text_line = block.line if block.label else block.text_line
    column = block.label_column if block.label else block.text_column
    label = _time_line(text)
    if label:
        text, text_line, column = text[len(label) :], text_line + label.count("\n"), 1
    speech = RawBlock(
        label=label or None,
        text=text,
        line=block.line,
        end_line=block.end_line,
        label_column=block.label_column,
        text_line=text_line,
        text_column=column,
        form="unlabelled",
        start=block.start,
        end=block.end,
        tail=block.tail,
    )
    first = next((b.line for b, info in decided if info is not None), None)
    if first is None:
        warning = "no speaker labels found: read as one unlabelled speaker"
    else:
        warning = (
            f"lines {block.line}-{first - 1}: speech before the first speaker label read as "
            "an unlabelled speaker"
        )
    return [(speech, analyse(label)), *decided[1:]], [warning]


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
        from interview_parser.resolve.pairs import Voice, build_pairs

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
