"""Finds the Lark grammars and builds each parser once, when it is first used.

The grammars live in the top-level ``grammars/`` folder of the source tree, the single
source of truth for transcript syntax. A wheel carries them as ``interview_parser/grammars``
(hatchling ``force-include``); an editable install or a checkout reads them from
``../grammars``. The installed copy is preferred. No cache file is ever written.
"""

from __future__ import annotations

import functools
from pathlib import Path

from lark import Lark

from .errors import UsageError

_PACKAGE = Path(__file__).resolve().parent
_CANDIDATES = (_PACKAGE / "grammars", _PACKAGE.parent / "grammars")


@functools.cache
def grammar_dir() -> Path:
    for candidate in _CANDIDATES:
        if (candidate / "labelled.lark").is_file():
            return candidate
    searched = ", ".join(str(c) for c in _CANDIDATES)
    raise FileNotFoundError(f"interview-parser grammars not found (searched {searched})")


def grammar_path(name: str) -> Path:
    path = grammar_dir() / f"{name}.lark"
    if not path.is_file():
        known = ", ".join(sorted(p.stem for p in grammar_dir().glob("*.lark")))
        raise UsageError(f"unknown grammar {name!r} (known: {known})")
    return path


@functools.cache
def get_parser(name: str) -> Lark:
    """The LALR parser of grammar ``name``, built on first use and kept for the process."""
    path = grammar_path(name)
    return Lark(
        path.read_text(encoding="utf-8"),
        parser="lalr",
        lexer="contextual",
        import_paths=[str(path.parent)],
        source_path=str(path),
        maybe_placeholders=False,
    )
