"""Inline suppression: ``<!-- interview-parser: disable=IP301 -->`` on a line or the line before.

An HTML comment survives in plain text, in Markdown and in most editors' previews, and it is
obviously not speech. ``disable=`` takes codes or rule names separated by commas; a bare
``disable`` silences every rule for that line and the next.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from .problem import Problem

# The directive's head; what follows ``disable`` up to ``-->`` is read by :func:`_codes`.
# (One pattern with a blank-eating part on each side of ``=`` backtracked cubically on a
# long run of blanks; the body cannot hold ``<`` or ``>``, so each is scanned once.)
DIRECTIVE = re.compile(r"<!--\s*interview-parser:\s*disable([^<>]*?)-->")
_LIST = re.compile(r"[\w\s,-]*")

ALL = "*"


def directives(lines: Sequence[str]) -> dict[int, frozenset[str]]:
    """1-based line -> the codes or names disabled there (``ALL`` for every rule)."""
    found: dict[int, frozenset[str]] = {}
    for number, line in enumerate(lines, start=1):
        if "interview-parser" not in line:
            continue
        codes: set[str] = set()
        for match in DIRECTIVE.finditer(line):
            listed = _codes(match.group(1))
            if listed is None:
                continue
            codes.update(c.upper() if c[:2].lower() == "ip" else c for c in listed)
            if not listed:
                codes.add(ALL)
        if codes:
            found[number] = frozenset(codes)
    return found


def _codes(body: str) -> list[str] | None:
    """The codes of ``disable=A, B`` (``body`` is what follows ``disable``), ``[]`` for a bare
    ``disable``, None when the comment is not a directive ("disabled", "disable: x")."""
    body = body.strip()
    if body.startswith("="):
        body = body[1:]
    elif body:
        return None
    if not _LIST.fullmatch(body):
        return None
    return [c.strip() for c in body.split(",") if c.strip()]


def is_directive(text: str) -> bool:
    """Whether ``text`` is exactly one suppression comment."""
    match = DIRECTIVE.fullmatch(text)
    return match is not None and _codes(match.group(1)) is not None


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
