"""What ``interview-parser inspect`` prints: what was detected and why, for people or scripts.

Sits beside the exporters, on the model. :func:`summary` gathers the facts once;
:func:`describe` lays them out for a terminal, :func:`describe_json` as JSON. Text from the
transcript goes to a terminal only through :func:`~.errors.printable`: a control character in it
(an escape sequence that retitles the terminal, a carriage return that hides a line) is
shown escaped, never sent.
"""

from __future__ import annotations

import json
import unicodedata
from typing import Any

from .errors import printable
from .model import PairKind, RoleSource, Transcript

_HOW = {
    RoleSource.declared: "declared",
    RoleSource.label: "from the label",
    RoleSource.behaviour: "from behaviour",
}


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}" if number == 1 else f"{number} {noun}s"


def summary(transcript: Transcript) -> dict[str, Any]:
    """The facts ``inspect`` shows, as plain data (the JSON form of ``inspect``)."""
    src = transcript.source
    notes = [n for turn in transcript.turns for n in turn.notes]
    line_of = [turn.line for turn in transcript.turns]
    skipped: dict[str, list[int]] = {}
    for span in transcript.skipped:
        skipped.setdefault(span.kind, []).append(span.line)
    return {
        "file": src.path,
        "line_count": src.line_count,
        "encoding": src.encoding,
        "dialect": src.dialect,
        "dialect_evidence": src.dialect_evidence,
        "title": transcript.title,
        "title_line": transcript.title_line,
        "preamble_lines": transcript.preamble_lines,
        "preamble_chars": len(transcript.preamble or ""),
        "front_matter_lines": transcript.front_matter_lines,
        "front_matter_keys": sorted(transcript.front_matter or {}),
        "speakers": [
            {
                "id": s.id,
                "label": s.label,
                "role": s.role.value,
                "role_source": s.role_source.value,
                "turn_count": s.turn_count,
                "name": s.name,
                "affiliation": s.affiliation,
                "aliases": s.aliases,
            }
            for s in transcript.speakers
        ],
        "turn_count": len(transcript.turns),
        "pair_count": len(transcript.pairs),
        "pairs": [
            {
                "question_line": line_of[p.question_turns[0]],
                "answer_line": line_of[p.answer_turns[0]],
                "kind": p.kind.value,
                "evidence": p.evidence,
            }
            for p in transcript.pairs
        ],
        "question_count": sum(1 for p in transcript.pairs if p.kind is PairKind.question),
        "unpaired_turns": transcript.unpaired_turns,
        "notes": [{"text": n.text, "line": n.line, "column": n.column} for n in notes],
        "skipped": {kind: {"count": len(v), "first_line": v[0]} for kind, v in skipped.items()},
        "warnings": transcript.warnings,
    }


def describe_json(transcript: Transcript) -> str:
    """``inspect --format json``: :func:`summary` as one JSON document."""
    return json.dumps(summary(transcript), indent=2, ensure_ascii=False) + "\n"


def _speaker_line(s: dict[str, Any]) -> str:
    extra = [f"name {s['name']}"] if s["name"] else []
    if s["affiliation"]:
        extra.append(f"affiliation {s['affiliation']}")
    if s["aliases"]:
        extra.append("also " + ", ".join(repr(a) for a in s["aliases"]))
    tail = f"  ({'; '.join(extra)})" if extra else ""
    label = repr(s["label"]) if s["label"] else "(unnamed)"
    role = f"{s['role']}, {_HOW[RoleSource(s['role_source'])]}"
    pad = " " * max(28 - _width(label), 0)
    return f"  {label}{pad} {role:28} {_count(s['turn_count'], 'turn'):>9}{tail}"


def _width(text: str) -> int:
    """The columns ``text`` takes in a terminal: a wide character (CJK) takes two."""
    if text.isascii():
        return len(text)
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


_PAIRS_SHOWN = 40  # a terminal's worth; `inspect --format json` lists every pair


def _pair_line(p: dict[str, Any]) -> str:
    """One pair: the source lines of its prompt and answer, its kind and evidence."""
    return (
        f"  line {p['question_line']:>4} -> {p['answer_line']:<5} "
        f"{p['kind']:9} {'; '.join(p['evidence'])}"
    ).rstrip()


def describe(transcript: Transcript) -> str:
    """``inspect``'s report for a terminal: one fact a line, transcript text escaped."""
    facts = summary(transcript)
    lines = [
        f"file:      {facts['file'] or '<stdin>'} "
        f"({_count(facts['line_count'], 'line')}, {facts['encoding']})",
        f"layout:    {facts['dialect']}: {facts['dialect_evidence']}",
    ]
    if facts["front_matter_lines"]:
        first, last = facts["front_matter_lines"]
        keys = ", ".join(facts["front_matter_keys"]) or "not valid YAML"
        lines.append(f"metadata:  lines {first}-{last}, front matter ({keys})")
    if facts["title"] is not None:
        lines.append(f"title:     line {facts['title_line']}: {facts['title']}")
    if facts["preamble_lines"]:
        first, last = facts["preamble_lines"]
        lines.append(f"preamble:  lines {first}-{last} ({facts['preamble_chars']} chars)")
    lines.append(f"speakers:  {len(facts['speakers'])}")
    lines.extend(_speaker_line(s) for s in facts["speakers"])
    lines.append(f"turns:     {facts['turn_count']}")
    remarks = facts["pair_count"] - facts["question_count"]
    lines.append(
        f"pairs:     {facts['pair_count']} ({_count(facts['question_count'], 'question')}, "
        f"{_count(remarks, 'remark')})"
    )
    lines.extend(_pair_line(p) for p in facts["pairs"][:_PAIRS_SHOWN])
    if len(facts["pairs"]) > _PAIRS_SHOWN:
        lines.append(f"  ... and {len(facts['pairs']) - _PAIRS_SHOWN} more")
    unpaired = facts["unpaired_turns"]
    if unpaired:
        shown = ", ".join(str(i) for i in unpaired[:20])
        more = " ..." if len(unpaired) > 20 else ""
        lines.append(f"unpaired:  {'turn' if len(unpaired) == 1 else 'turns'} {shown}{more}")
    notes = facts["notes"]
    if notes:
        shown = ", ".join(f"{n['text']} (line {n['line']})" for n in notes[:5])
        more = f" and {len(notes) - 5} more" if len(notes) > 5 else ""
        lines.append(
            f"notes:     {_count(len(notes), 'stage note')} kept in the turns: {shown}{more}"
        )
    if facts["skipped"]:
        parts = [
            f"{v['count']} {k} (from line {v['first_line']})" for k, v in facts["skipped"].items()
        ]
        lines.append(f"skipped:   layout, not speech: {'; '.join(parts)}")
    lines.extend(f"warning:   {w}" for w in facts["warnings"])
    return "".join(printable(line) + "\n" for line in lines)
