"""The human-readable summary ``interview-parser inspect`` prints: what was detected and why."""

from __future__ import annotations

from .model import Transcript


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
    for s in transcript.speakers:
        extra = [f"name {s.name}"] if s.name else []
        if s.affiliation:
            extra.append(f"affiliation {s.affiliation}")
        if s.aliases:
            extra.append("also " + ", ".join(repr(a) for a in s.aliases))
        tail = f"  ({'; '.join(extra)})" if extra else ""
        lines.append(
            f"  {s.label!r:28} {s.role.value:11} by {s.role_source:9} {s.turn_count:4} turns{tail}"
        )
    questions = sum(1 for p in transcript.pairs if p.kind.value == "question")
    lines.append(f"turns:     {len(transcript.turns)}")
    lines.append(f"pairs:     {len(transcript.pairs)} ({questions} questions)")
    if transcript.unpaired_turns:
        shown = ", ".join(str(i) for i in transcript.unpaired_turns[:20])
        more = " ..." if len(transcript.unpaired_turns) > 20 else ""
        lines.append(f"unpaired:  turns {shown}{more}")
    lines.extend(f"warning:   {w}" for w in transcript.warnings)
    return "\n".join(lines) + "\n"
