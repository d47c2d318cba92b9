"""The values a check produces: a :class:`Problem` at a position, with a rule code.

Data only (no I/O, no formatting): the runner makes them, the formatters in
:mod:`interview_parser.checks.output` print them. Problems sort by position, so a file's
report reads top to bottom whatever order the rules ran in.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum


class Severity(str, Enum):
    """How much a problem matters: errors fail a check, warnings only with ``--strict``."""

    error = "error"
    warning = "warning"


@dataclass(frozen=True, order=True)
class Problem:
    """One problem found by a rule, at a 1-based line and column of ``path``."""

    path: str
    line: int
    column: int
    code: str
    message: str
    name: str = ""  # the rule's readable name, e.g. "empty-turn"
    severity: Severity = Severity.error
    fixable: bool = False  # whether ``interview-parser fmt`` repairs it

    def fails(self, *, strict: bool) -> bool:
        """Whether this problem makes the check fail (exit 1)."""
        return self.severity is Severity.error or strict

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.column}: {self.code} {self.message}"


@dataclass(frozen=True)
class Finding:
    """What a rule function yields: a position and a message, before the code is attached."""

    line: int
    column: int
    message: str
    fixable: bool = True  # where the rule is fixable: whether fmt repairs this one
