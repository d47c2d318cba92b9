"""The human-readable summary ``interview-parser inspect`` prints: what was detected and why."""

from __future__ import annotations

from .model import Transcript

_PAIRS_SHOWN = 40


def _pair_lines(transcript: Transcript) -> list[str]:
    """One line a pair: the source lines of its prompt and answer, its kind and evidence."""
    line = [turn.line for turn in transcript.turns]
    shown = [
        f"  line {line[p.question_turns[0]]:>4} -> {line[p.answer_turns[0]]:<5} "
        f"{p.kind.value:9} {'; '.join(p.evidence)}".rstrip()
        for p in transcript.pairs[:_PAIRS_SHOWN]
    ]
    if len(transcript.pairs) > _PAIRS_SHOWN:
        shown.append(f"  ... and {len(transcript.pairs) - _PAIRS_SHOWN} more")
    return shown


def describe(transcript: Transcript) -> str:
    src = transcript.source
    lines = [
        f"file:      {src.path or '<stdin>'} ({src.line_count} lines, {src.encoding})",
        f"layout:    {src.dialect}: {src.dialect_evidence}",
    ]
    if transcript.title is not None:
        lines.append(f"title:     line {transcript.title_line}: {transcript.title}")
    if transcript.preamble_lines:
        first, last = transcript.preamble_lines
        lines.append(f"preamble:  lines {first}-{last} ({len(transcript.preamble or '')} chars)")
    lines.append(f"speakers:  {len(transcript.speakers)}")
    if transcript.front_matter_lines:
        first, last = transcript.front_matter_lines
        keys = ", ".join(sorted(transcript.front_matter or {})) or "not valid YAML"
        lines.append(f"metadata:  lines {first}-{last}, front matter ({keys})")
    for s in transcript.speakers:
        extra = [f"name {s.name}"] if s.name else []
        if s.affiliation:
            extra.append(f"affiliation {s.affiliation}")
        if s.aliases:
            extra.append("also " + ", ".join(repr(a) for a in s.aliases))
        tail = f"  ({'; '.join(extra)})" if extra else ""
        label = repr(s.label) if s.label else "(unnamed)"
        lines.append(
            f"  {label:28} {s.role.value:11} by {s.role_source:9} {s.turn_count:4} turns{tail}"
        )
    questions = sum(1 for p in transcript.pairs if p.kind.value == "question")
    lines.append(f"turns:     {len(transcript.turns)}")
    lines.append(f"pairs:     {len(transcript.pairs)} ({questions} questions)")
    lines.extend(_pair_lines(transcript))
    if transcript.unpaired_turns:
        shown = ", ".join(str(i) for i in transcript.unpaired_turns[:20])
        more = " ..." if len(transcript.unpaired_turns) > 20 else ""
        lines.append(f"unpaired:  turns {shown}{more}")
    notes = [n for turn in transcript.turns for n in turn.notes]
    if notes:
        shown = ", ".join(f"{n.text} (line {n.line})" for n in notes[:5])
        more = f" and {len(notes) - 5} more" if len(notes) > 5 else ""
        lines.append(f"notes:     {len(notes)} stage notes kept in the turns: {shown}{more}")
    if transcript.skipped:
        kinds: dict[str, list[int]] = {}
        for span in transcript.skipped:
            kinds.setdefault(span.kind, []).append(span.line)
        parts = [f"{len(v)} {k} (from line {v[0]})" for k, v in kinds.items()]
        lines.append(f"skipped:   layout, not speech: {'; '.join(parts)}")
    lines.extend(f"warning:   {w}" for w in transcript.warnings)
    return "\n".join(lines) + "\n"
