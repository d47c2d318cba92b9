"""Finds the Lark grammars and builds each parser once, when it is first used.

The grammars live in the top-level ``grammars/`` folder of the source tree, the single
source of truth for transcript syntax. A wheel carries them as ``interview_parser/grammars``
(hatchling ``force-include``); an editable install or a checkout reads them from
``../grammars``. The installed copy is preferred. The grammars of the line layouts are
composed from the named parts of those files (``interview_parser.dialects.convention``) and
registered here by name (:func:`define_grammar`); :func:`part` hands a part to Python.

Building an LALR table takes 5-30 ms a grammar, which a pre-commit hook pays on every run.
Lark's own cache keeps built parsers in the user's cache folder
(``$XDG_CACHE_HOME/interview-parser``, else ``~/.cache/interview-parser``), never beside the
installed package and never in a shared temporary folder (the cache is a pickle). Lark keys
each file by the grammar's hash and ignores or rewrites a stale or unreadable one; a folder
that cannot be created means no cache; a file is named with a hash of the grammar and its
path, so that two versions of one layout, or two installs, never overwrite each other's.
``INTERVIEW_PARSER_NO_CACHE=1`` turns it off.
"""

from __future__ import annotations

import functools
import hashlib
import os
import re
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import lark
from lark import Lark
from lark.lexer import ContextualLexer
from lark.parsers.lalr_analysis import Shift

from .errors import UsageError

_PACKAGE = Path(__file__).resolve().parent
_CANDIDATES = (_PACKAGE / "grammars", _PACKAGE.parent / "grammars")


@functools.cache
def grammar_dir() -> Path:
    for candidate in _CANDIDATES:
        if (candidate / "common.lark").is_file():
            return candidate
    searched = ", ".join(str(c) for c in _CANDIDATES)
    raise FileNotFoundError(f"interview-parser grammars not found (searched {searched})")


# Grammars composed at run time (the layouts of interview_parser/dialects/convention.py),
# by name: how to build each one's text, called once, when its parser is first needed.
_DEFINED: dict[str, Callable[[], str]] = {}


def define_grammar(name: str, build: Callable[[], str]) -> None:
    """Make a grammar composed at run time known to :func:`get_parser` under ``name``
    (a name is one grammar: the first definition stays)."""
    _DEFINED.setdefault(name, build)


@functools.cache
def grammar_text(name: str) -> str:
    """The text of grammar ``name``: composed at run time, or a file of ``grammars/``."""
    if name in _DEFINED:
        return _DEFINED[name]()
    return grammar_path(name).read_text(encoding="utf-8")


def grammar_path(name: str) -> Path:
    path = grammar_dir() / f"{name}.lark"
    if not path.is_file():
        known = ", ".join(sorted(p.stem for p in grammar_dir().glob("*.lark")))
        raise UsageError(f"unknown grammar {name!r} (known: {known})")
    return path


_PART = re.compile(
    r"^([A-Z_][A-Z0-9_]*)(?:\.\d+)?:[^\S\n]*/((?:[^/\\\n]|\\.)*)/([imsux]*)[^\S\n]*$", re.MULTILINE
)


@functools.cache
def _parts(grammar: str) -> dict[str, str]:
    """Every one-literal terminal of ``grammars/<grammar>.lark``, by name (one pass)."""
    text = grammar_path(grammar).read_text(encoding="utf-8")
    parts: dict[str, str] = {}
    for match in _PART.finditer(text):
        body = match.group(2).replace("\\/", "/")
        parts[match.group(1)] = f"(?{match.group(3)}:{body})" if match.group(3) else body
    return parts


def part(name: str, grammar: str = "common") -> str:
    """The regular expression of terminal ``name`` of ``grammars/<grammar>.lark``, for Python.

    Only a terminal written as one regex literal (``CLOCK: /.../``) is a part; this reads it
    without building a parser (a test holds it equal to what Lark makes of it), so that a
    pattern Python also needs, such as the clock, is defined once, in the grammar.
    """
    try:
        return _parts(grammar)[name]
    except KeyError:
        raise UsageError(f"grammar {grammar!r} has no one-literal terminal {name!r}") from None


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
    text = grammar_text(name)
    if name in _DEFINED:
        safe = re.sub(r"[^\w-]", "-", name.removeprefix("learned:"))[:40]
        path = grammar_dir() / "convention.lark"
    else:
        safe, path = name, grammar_path(name)
    # Lark keys its cache by the grammar's text and its options, which hold the grammar's
    # path: the file name must differ where they do, or two installs (two checkouts, two
    # virtualenvs) would each find the other's file stale and rebuild it on every run.
    digest = hashlib.sha256(f"{path}\n{text}".encode()).hexdigest()[:16]
    cache_name = f"{safe}-{digest}"
    return Lark(
        text,
        parser="lalr",
        lexer="contextual",
        import_paths=[str(path.parent)],
        source_path=str(path),
        maybe_placeholders=False,
        cache=cache_file(cache_name),
    )


@dataclass(frozen=True)
class Alternatives:
    """The terminals a lexical state accepts, in Lark's order: :meth:`match` is the first
    that matches, as one alternation of them all is (:attr:`union`). Each terminal is
    compiled once (as ``(?P<NAME>...)``, so that ``lastgroup`` names it) and shared by every
    state, so that a process that reads one small file compiles a grammar's long patterns
    once, not once a state; a long text is worth the union's compiling (one call a token)."""

    names: tuple[str, ...]
    patterns: tuple[re.Pattern[str], ...]
    flags: int

    def match(self, text: str, pos: int, /) -> re.Match[str] | None:
        for pattern in self.patterns:
            found = pattern.match(text, pos)
            if found is not None:
                return found
        return None

    @functools.cached_property
    def union(self) -> re.Pattern[str]:
        """One alternation of the terminals, compiled when first asked for."""
        return re.compile("|".join(p.pattern for p in self.patterns), self.flags)


@dataclass(frozen=True)
class TokenScanner:
    """Lark's own contextual lexer for a grammar, run in one tight loop.

    Lark's LALR parser costs about 2 µs of Python a token, three to four times what the
    regular expressions themselves cost on a transcript. For a grammar whose lexical context
    after each token depends on that token's type alone (every state the parse table enters
    by shifting a terminal accepts the same terminals), the token stream decides the parse:
    the scanner here matches, at each position, the very union of terminal patterns (same
    order, same flags) that Lark's contextual lexer would use in that state, and so yields
    Lark's tokens. :func:`interview_parser.syntax.read_lines` builds blocks from them as the
    grammar's ``block`` rule says; the equivalence with a Lark parse is a tested property.
    """

    start: Alternatives
    after: dict[str, Alternatives]  # the scanner to use after a token of each type
    may_end: frozenset[str | None]  # token types after which the text may end (None: empty)
    block_start: frozenset[str]  # the terminals a ``block`` begins with


@functools.cache
def get_scanner(name: str) -> TokenScanner | None:
    """The fast scanner of grammar ``name``, or None when its lexical context needs a parse."""
    return _token_scanner(get_parser(name))


def _token_scanner(parser: Lark) -> TokenScanner | None:
    """:class:`TokenScanner` of a built parser; None when the grammar needs a parse, or when
    this Lark keeps its tables in another shape (the parse is then merely slower)."""
    try:
        return _derive_scanner(parser)
    except (AttributeError, KeyError, TypeError, ValueError, re.error):
        return None


def _derive_scanner(parser: Lark) -> TokenScanner | None:
    lexer = parser.parser.lexer
    table = parser.parser.parser._parse_table
    if not isinstance(lexer, ContextualLexer) or parser.lexer_conf.ignore:
        return None
    terminals = {t.name for t in parser.terminals}
    flags = parser.lexer_conf.g_regex_flags

    def union(state: int) -> tuple[tuple[str, ...], bool]:
        basic = lexer.lexers[state]
        names = tuple(t.name for t in getattr(basic, "terminals", ()))
        return names, "$END" in table.states[state]

    compiled: dict[str, re.Pattern[str]] = {}

    def compile_union(names: tuple[str, ...]) -> Alternatives:
        for n in names:
            if n not in compiled:
                regexp = parser.get_terminal(n).pattern.to_regexp()
                compiled[n] = re.compile(f"(?P<{n}>{regexp})", flags)
        return Alternatives(names, tuple(compiled[n] for n in names), flags)

    targets: dict[str, set[tuple[tuple[str, ...], bool]]] = {}
    for actions in table.states.values():
        for symbol, (action, state) in actions.items():
            if symbol in terminals and action is Shift:
                targets.setdefault(symbol, set()).add(union(state))
    start_names, start_end = union(table.start_states["start"])
    if not start_names or any(
        len(contexts) != 1 or not next(iter(contexts))[0] for contexts in targets.values()
    ):
        return None
    after: dict[str, Alternatives] = {}
    may_end: set[str | None] = {None} if start_end else set()
    for symbol, contexts in targets.items():
        ((names, ends),) = contexts
        after[symbol] = compile_union(names)
        if ends:
            may_end.add(symbol)
    block_start = frozenset(
        str(rule.expansion[0].name)
        for rule in parser.rules
        if rule.origin.name == "block" and rule.expansion
    )
    return TokenScanner(
        compile_union(start_names),
        after,
        frozenset(may_end),
        block_start,
    )
