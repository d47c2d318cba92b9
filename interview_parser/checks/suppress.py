"""Inline suppression: ``<!-- interview-parser: disable=IP301 -->`` on a line or the line before.

An HTML comment survives in plain text, in Markdown and in most editors' previews, and it is
obviously not speech. ``disable=`` takes codes or rule names separated by commas; a bare
``disable`` silences every rule for that line and the next.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from .problem import Problem

DIRECTIVE = re.compile(r"<!--\s*interview-parser:\s*disable(?:\s*=\s*([\w\s,-]*?))?\s*-->")

ALL = "*"


def directives(lines: Sequence[str]) -> dict[int, frozenset[str]]:
    """1-based line -> the codes or names disabled there (``ALL`` for every rule)."""
    found: dict[int, frozenset[str]] = {}
    for number, line in enumerate(lines, start=1):
        if "interview-parser" not in line:
            continue
        codes: set[str] = set()
        for match in DIRECTIVE.finditer(line):
            listed = [c.strip() for c in (match.group(1) or "").split(",") if c.strip()]
            codes.update(c.upper() if c[:2].lower() == "ip" else c for c in listed)
            if not listed:
                codes.add(ALL)
        if codes:
            found[number] = frozenset(codes)
    return found


def unsuppressed(problems: Iterable[Problem], lines: Sequence[str]) -> list[Problem]:
    """The problems that no directive on their line or the line before silences."""
    table = directives(lines)
    if not table:
        return list(problems)
    kept = []
    for problem in problems:
        silenced = table.get(problem.line, frozenset()) | table.get(problem.line - 1, frozenset())
        if not silenced & {ALL, problem.code, problem.name}:
            kept.append(problem)
    return kept
