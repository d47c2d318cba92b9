"""Run the rules on one file: read, parse once, let every selected rule look, filter, sort.

``check_bytes`` and ``check_text`` are the library entry points; they never raise for bad
content (that is what problems are for), only for bugs.
"""

from __future__ import annotations

import codecs
from collections.abc import Iterable, Sequence

from ..api import parse_source
from ..errors import InterviewParserError
from ..model import CastMember
from ..source import SourceText, read_bytes, read_text
from .context import Context
from .problem import Problem
from .registry import RULES
from .rule import Rule
from .suppress import unsuppressed


def _raw_text(data: bytes, source: SourceText) -> str | None:
    """The decoded text before line ends were normalised (only mixed line ends need it)."""
    if source.newline != "mixed":
        return None
    try:
        codecs.lookup(source.encoding)
    except LookupError:
        return None
    return data.decode(source.encoding, errors="replace").removeprefix("\ufeff")


def _parsed(context: Context, cast: Iterable[CastMember], dialect: str | None) -> Context:
    assert context.source is not None
    try:
        context.transcript = parse_source(
            context.source, path=context.path, cast=cast, dialect=dialect, pair=False
        )
    except InterviewParserError as exc:
        context.parse_error = exc
    return context


def context_of_bytes(
    data: bytes, *, path: str, cast: Iterable[CastMember] = (), dialect: str | None = None
) -> Context:
    """Read and parse file contents into what the rules look at (``dialect``: None detects)."""
    try:
        source = read_bytes(data)
    except InterviewParserError as exc:
        return Context(path, None, None, None, data, read_error=exc)
    return _parsed(Context(path, source, _raw_text(data, source), None, data), cast, dialect)


def context_of_text(
    text: str, *, path: str, cast: Iterable[CastMember] = (), dialect: str | None = None
) -> Context:
    return _parsed(Context(path, read_text(text), text, None), cast, dialect)


def run_rules(context: Context, rules: Iterable[Rule] | None = None) -> list[Problem]:
    """The problems ``rules`` (default: all) find in ``context``, suppressions applied, sorted."""
    problems: list[Problem] = []
    for rule in RULES.values() if rules is None else rules:
        if rule.needs_transcript and context.transcript is None:
            continue
        problems.extend(rule.problems(context))
    return sorted(unsuppressed(problems, context.lines))


def check_bytes(
    data: bytes,
    *,
    path: str = "<bytes>",
    cast: Iterable[CastMember] = (),
    rules: Sequence[Rule] | None = None,
    dialect: str | None = None,
) -> list[Problem]:
    """Check the raw contents of a transcript file."""
    return run_rules(context_of_bytes(data, path=path, cast=cast, dialect=dialect), rules)


def check_text(
    text: str,
    *,
    path: str = "<text>",
    cast: Iterable[CastMember] = (),
    rules: Sequence[Rule] | None = None,
    dialect: str | None = None,
) -> list[Problem]:
    """Check transcript text."""
    return run_rules(context_of_text(text, path=path, cast=cast, dialect=dialect), rules)
