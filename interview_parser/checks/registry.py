"""The rule registry: a plain dict from stable code to :class:`Rule`, and rule selection.

Rules are listed here explicitly, family by family (no discovery, no entry points). A
selection names codes (``IP201``), code prefixes (``IP2``), rule names (``label-typo``),
family names (``speakers``) or ``ALL``; an unknown one raises :class:`UsageError` listing
what exists.
"""

from __future__ import annotations

from collections.abc import Iterable

from ..errors import UsageError
from . import cuetimes, markup, speakers, style, syntax, timing, turns
from .rule import FAMILIES, Rule

RULES: dict[str, Rule] = {
    rule.code: rule
    for module in (syntax, speakers, turns, timing, cuetimes, markup, style)
    for rule in module.RULES
}


def get_rule(name: str) -> Rule:
    """The rule with code or name ``name``."""
    for rule in RULES.values():
        if name.upper() == rule.code or name.lower() == rule.name:
            return rule
    known = ", ".join(RULES)
    raise UsageError(f"unknown rule {name!r} (known: {known})")


def _matching(item: str) -> set[str]:
    word = item.strip()
    if word.upper() == "ALL":
        return set(RULES)
    if word.lower() in FAMILIES:
        word = FAMILIES[word.lower()]
    matched = {
        code
        for code, rule in RULES.items()
        if code.startswith(word.upper()) or rule.name == word.lower()
    }
    if not matched or not word:
        families = ", ".join(FAMILIES)
        raise UsageError(
            f"unknown rule or family {item!r} (families: {families}; codes: "
            f"{', '.join(RULES)}; or ALL)"
        )
    return matched


def select_rules(select: Iterable[str] | None = None, ignore: Iterable[str] = ()) -> list[Rule]:
    """The rules chosen by ``select`` (None: all) minus those matched by ``ignore``."""
    chosen = set(RULES) if select is None else set().union(*map(_matching, select))
    for item in ignore:
        chosen -= _matching(item)
    return [rule for code, rule in RULES.items() if code in chosen]
