"""``interview-parser check``: rules with stable codes over a parsed transcript.

Sits beside the exporters, after the model: a file is read and parsed once
(:mod:`.runner`), every selected rule (:mod:`.registry`, one module per family) yields
findings, inline suppressions (:mod:`.suppress`) filter them, and a formatter
(:mod:`.output`) prints the sorted :class:`Problem` values.

    from interview_parser.checks import check_text
    for problem in check_text(text):
        print(problem)            # <text>:3:1: IP202 label 'Editr' looks like a typo of 'Editor'
"""

from __future__ import annotations

from .problem import Problem, Severity
from .registry import RULES, get_rule, select_rules
from .rule import FAMILIES, Rule
from .runner import check_bytes, check_text

__all__ = [
    "FAMILIES",
    "RULES",
    "Problem",
    "Rule",
    "Severity",
    "check_bytes",
    "check_text",
    "get_rule",
    "select_rules",
]
