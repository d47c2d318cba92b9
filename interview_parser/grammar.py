"""Finds the Lark grammars and builds each parser once, when it is first used.

The grammars live in the top-level ``grammars/`` folder of the source tree, the single
source of truth for transcript syntax. A wheel carries them as ``interview_parser/grammars``
(hatchling ``force-include``); an editable install or a checkout reads them from
``../grammars``. The installed copy is preferred.

Building an LALR table takes 5-30 ms a grammar, which a pre-commit hook pays on every run.
Lark's own cache keeps built parsers in the user's cache folder
(``$XDG_CACHE_HOME/interview-parser``, else ``~/.cache/interview-parser``), never beside the
installed package and never in a shared temporary folder (the cache is a pickle). Lark keys
each file by the grammar's hash and ignores or rewrites a stale or unreadable one; a folder
that cannot be created means no cache. ``INTERVIEW_PARSER_NO_CACHE=1`` turns it off.
"""

from __future__ import annotations

import functools
import os
import sys
from pathlib import Path

import lark
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


def cache_file(name: str) -> str | bool:
    """Where Lark may keep the built parser of grammar ``name`` (False: nowhere)."""
    if os.environ.get("INTERVIEW_PARSER_NO_CACHE"):
        return False
    root = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    folder = Path(root) / "interview-parser"
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    except OSError:
        return False
    if not os.access(folder, os.W_OK):
        return False
    return str(
        folder / f"{name}-lark{lark.__version__}-py{sys.version_info[0]}{sys.version_info[1]}.cache"
    )


@functools.cache
def get_parser(name: str) -> Lark:
    """The LALR parser of grammar ``name``, built (or loaded) on first use, kept for the process."""
    path = grammar_path(name)
    return Lark(
        path.read_text(encoding="utf-8"),
        parser="lalr",
        lexer="contextual",
        import_paths=[str(path.parent)],
        source_path=str(path),
        maybe_placeholders=False,
        cache=cache_file(name),
    )
