"""Project settings: the ``[tool.interview-parser]`` table of the nearest ``pyproject.toml``.

    [tool.interview-parser]
    cast = ["Host", { label = "Dr. Morozova", name = "Elena Morozova", role = "interviewee" }]
    dialect = "labelled"
    profile = "netflix"

    [tool.interview-parser.rules]
    select = ["ALL"]
    ignore = ["IP604"]
    strict = false

The nearest ``pyproject.toml`` *with that table*, searching from a transcript's folder
upwards, applies to it. ``cast`` declares speakers (as front matter ``cast:`` does; both
add up), ``dialect`` names the layout of every transcript (skipping detection, which
compiles each family's grammar: the fast path for a hook), ``rules`` chooses what ``check``
reports and whether warnings fail (``--select`` on the command line replaces
``rules.select``; ``--ignore`` and ``--strict`` add to theirs), and ``profile`` names the
subtitle profile ``convert`` uses when ``--profile`` is not given. ``parse_file``,
``convert`` and ``inspect`` apply the cast and dialect too (``interview_parser.api``). A
table with unknown keys or wrongly typed values is a usage error (exit 2), so a typo
never silently turns a setting off.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Mapping, MutableMapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .dialects import get_dialect
from .errors import UsageError
from .model import CastMember, validate

TABLE = "interview-parser"
_KEYS = frozenset({"cast", "dialect", "rules", "profile"})
_RULE_KEYS = frozenset({"select", "ignore", "strict"})


@dataclass(frozen=True)
class Config:
    """Settings for the transcripts below one ``pyproject.toml`` (defaults when there is none)."""

    path: Path | None = None  # the pyproject.toml they came from
    cast: tuple[CastMember, ...] = ()
    select: tuple[str, ...] | None = None  # None: every rule
    ignore: tuple[str, ...] = ()
    strict: bool = False
    profile: str | None = None
    dialect: str | None = None  # None: detect each file's layout


def _strings(value: object, key: str, path: Path) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise UsageError(f"[tool.{TABLE}] {key} must be a list of strings", path=str(path))
    return tuple(value)


def _cast(value: object, path: Path) -> tuple[CastMember, ...]:
    if not isinstance(value, list):
        raise UsageError(f"[tool.{TABLE}] cast must be a list", path=str(path))
    members = []
    for entry in value:
        try:
            if isinstance(entry, str):
                members.append(CastMember(label=entry))
            else:  # pydantic checks a mapping (imported only when a table has one)
                members.append(validate(CastMember, entry))
        except ValueError as exc:  # pydantic's ValidationError is a ValueError
            first = str(exc).splitlines()[0]
            raise UsageError(
                f"[tool.{TABLE}] cast entry {entry!r} is invalid: {first}", path=str(path)
            ) from None
    return tuple(members)


def _unknown(table: Mapping[str, Any], allowed: frozenset[str], where: str, path: Path) -> None:
    extra = sorted(set(table) - allowed)
    if extra:
        known = ", ".join(sorted(allowed))
        raise UsageError(f"unknown key {extra[0]!r} in [{where}] (known: {known})", path=str(path))


def parse_table(table: Mapping[str, Any], path: Path) -> Config:
    """Validate a ``[tool.interview-parser]`` table read from ``path``."""
    _unknown(table, _KEYS, f"tool.{TABLE}", path)
    rules = table.get("rules", {})
    if not isinstance(rules, dict):
        raise UsageError(f"[tool.{TABLE}] rules must be a table", path=str(path))
    _unknown(rules, _RULE_KEYS, f"tool.{TABLE}.rules", path)
    strict = rules.get("strict", False)
    profile = table.get("profile")
    dialect = table.get("dialect")
    if not isinstance(strict, bool) or not all(
        value is None or isinstance(value, str) for value in (profile, dialect)
    ):
        raise UsageError(f"[tool.{TABLE}] has a value of the wrong type", path=str(path))
    if dialect is not None:
        try:
            get_dialect(dialect)
        except UsageError as exc:
            raise UsageError(f"[tool.{TABLE}] {exc.message}", path=str(path)) from None
    return Config(
        path=path,
        cast=_cast(table.get("cast", []), path),
        select=_strings(rules["select"], "rules.select", path) if "select" in rules else None,
        ignore=_strings(rules.get("ignore", []), "rules.ignore", path),
        strict=strict,
        profile=profile,
        dialect=dialect,
    )


def read_config(pyproject: Path) -> Config | None:
    """The settings in ``pyproject``, or None if it has no ``[tool.interview-parser]`` table."""
    # The TOML reader is imported once a pyproject.toml is found: most checks never need it.
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover - exercised on Python 3.10 only
        import tomli as tomllib

    try:
        with pyproject.open("rb") as handle:
            document = tomllib.load(handle)
    except OSError as exc:
        raise UsageError(f"cannot read: {exc.strerror or exc}", path=str(pyproject)) from None
    except tomllib.TOMLDecodeError as exc:
        # The place is only in the message before Python 3.14: "... (at line 1, column 23)".
        where = re.search(r" \(at line (\d+), column (\d+)\)$", str(exc))
        message = str(exc)[: where.start()] if where else str(exc)
        line, column = (int(where.group(1)), int(where.group(2))) if where else (None, None)
        raise UsageError(
            f"invalid TOML: {message}", path=str(pyproject), line=line, column=column
        ) from None
    tools = document.get("tool", {})
    if not isinstance(tools, dict):  # `tool = 5`: not the table PEP 518 reserves for tools
        raise UsageError("[tool] must be a table", path=str(pyproject))
    table = tools.get(TABLE)
    if table is None:
        return None
    if not isinstance(table, dict):
        raise UsageError(f"[tool.{TABLE}] must be a table", path=str(pyproject))
    return parse_table(table, pyproject)


def find_config(start: Path, cache: MutableMapping[Path, Config] | None = None) -> Config:
    """The settings for a transcript in folder ``start``: the nearest table upwards, or defaults.

    ``cache`` (owned by the caller, e.g. one ``check`` run) remembers folders already seen,
    so checking many files in one folder reads its ``pyproject.toml`` once.
    """
    folder = start.resolve()
    seen: list[Path] = []
    config = Config()
    for candidate in (folder, *folder.parents):
        if cache is not None and candidate in cache:
            config = cache[candidate]
            break
        seen.append(candidate)
        pyproject = candidate / "pyproject.toml"
        if pyproject.is_file():
            found = read_config(pyproject)
            if found is not None:
                config = found
                break
    if cache is not None:
        for folder_seen in seen:
            cache[folder_seen] = config
    return config
