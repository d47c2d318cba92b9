"""The :class:`Rule` value: a stable code, a name, a family, a severity and a function.

A rule's function yields :class:`~interview_parser.checks.problem.Finding` values for one
file; its docstring is its user documentation (a summary line, then a failing and a passing
example), shown by ``interview-parser rules`` and copied into ``docs/rules.md``.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from .context import Context
from .problem import Finding, Problem, Severity

CheckFunction = Callable[[Context], Iterable[Finding]]

# Code prefix of each family; the digit after "IP" is the family, so "--select IP2" works.
FAMILIES: dict[str, str] = {
    "syntax": "IP1",
    "speakers": "IP2",
    "turns": "IP3",
    "timing": "IP4",
    "markup": "IP5",
    "style": "IP6",
}


@dataclass(frozen=True)
class Rule:
    code: str  # stable: never reused, never renumbered
    name: str  # readable alias of the code, e.g. "empty-turn"
    severity: Severity
    check: CheckFunction
    fixable: bool = False  # `interview-parser fmt` repairs what it finds
    needs_transcript: bool = True  # skipped when the file did not parse

    @property
    def family(self) -> str:
        return next(f for f, prefix in FAMILIES.items() if self.code.startswith(prefix))

    @property
    def doc(self) -> str:
        return inspect.cleandoc(self.check.__doc__ or "")

    @property
    def summary(self) -> str:
        return self.doc.split("\n", 1)[0]

    def problems(self, context: Context) -> list[Problem]:
        return [
            Problem(
                context.path,
                finding.line,
                finding.column,
                self.code,
                finding.message,
                self.name,
                self.severity,
                self.fixable and finding.fixable,
            )
            for finding in self.check(context)
        ]
