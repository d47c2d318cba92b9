"""Stage 2 of the pipeline: raw blocks -> the typed :class:`~interview_parser.model.Transcript`.

``build_transcript`` runs the resolution steps in order, each in its own module:
``evidence`` (which labels are speakers), ``lead`` (preamble and title), ``speakers``
(spellings -> people), ``intro`` (full names from introductions), ``roles`` and ``pairs``.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from ..errors import NoTurnsError
from ..model import CastMember, Source, Speaker, Transcript, Turn
from ..syntax import FrontMatter, RawBlock
from . import frontmatter
from .evidence import speaker_blocks
from .intro import fill_introductions
from .labels import LabelInfo, name_key
from .lead import split_lead
from .pairs import build_pairs
from .roles import assign_roles
from .speakers import group_speakers
from .text import clean

__all__ = ["build_transcript"]


@dataclass
class _PendingTurn:
    info: LabelInfo
    body: str
    line: int
    column: int
    end_line: int


def _collect(
    decided: Sequence[tuple[RawBlock, LabelInfo | None]],
) -> tuple[str, int, list[_PendingTurn]]:
    """Lead text, its first line, and the turns; rejected labels rejoin the text they cut."""
    lead = ""
    lead_line = decided[0][0].line if decided else 1
    turns: list[_PendingTurn] = []
    for block, info in decided:
        if info is not None:
            turns.append(
                _PendingTurn(info, block.text, block.line, block.label_column, block.end_line)
            )
            continue
        source = (block.label or "") + block.text
        if turns:
            last = turns[-1]
            last.body += source
            last.end_line = max(last.end_line, block.end_line)
        else:
            lead += source
    return lead, lead_line, turns


def _merge_cast(*casts: Iterable[CastMember]) -> list[CastMember]:
    """Earlier casts win: the caller's declaration over the file's front matter."""
    merged: dict[str, CastMember] = {}
    for cast in casts:
        for member in cast:
            merged.setdefault(name_key(member.label), member)
    return list(merged.values())


def build_transcript(
    blocks: Sequence[RawBlock],
    source: Source,
    *,
    front: FrontMatter | None = None,
    interviewers: Iterable[str] = (),
    cast: Iterable[CastMember] = (),
) -> Transcript:
    """Resolve raw blocks into a transcript; raise :class:`NoTurnsError` if there are no turns."""
    meta = frontmatter.read(front) if front is not None else frontmatter.FrontMatterData()
    declared_cast = _merge_cast(cast, meta.cast)
    interviewer_labels = list(interviewers)
    declared = interviewer_labels + [
        label for m in declared_cast for label in (m.label, *m.aliases)
    ]
    lead_text, lead_line, pending = _collect(speaker_blocks(blocks, declared))
    if not pending:
        raise NoTurnsError(
            "no speaker turns found (expected lines such as 'Name: text')",
            path=source.path,
            line=1,
            column=1,
        )
    lead = split_lead(lead_text, lead_line)
    groups, owners = group_speakers([p.info for p in pending], declared_cast)
    texts = [clean(p.body) for p in pending]
    spoken = list(zip(owners, texts, strict=True))
    fill_introductions(groups, spoken)
    roles = assign_roles(groups, spoken, interviewer_labels, declared_cast)
    turn_roles = [roles[g.id].role for g in owners]
    pairs, unpaired = build_pairs(turn_roles, texts)
    turns = [
        Turn(
            index=i,
            speaker=owners[i].id,
            label=p.info.raw,
            text=texts[i],
            line=p.line,
            column=p.column,
            end_line=p.end_line,
            start=p.info.time,
        )
        for i, p in enumerate(pending)
    ]
    speakers = [
        Speaker(
            id=g.id,
            label=g.label,
            name=g.name,
            description=g.description,
            affiliation=g.affiliation,
            aliases=g.aliases,
            role=roles[g.id].role,
            role_source=roles[g.id].source,
            turn_count=sum(1 for o in owners if o is g),
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
        speakers=speakers,
        turns=turns,
        pairs=pairs,
        unpaired_turns=unpaired,
        warnings=meta.warnings,
    )
