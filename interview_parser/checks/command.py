"""What ``interview-parser check`` and ``interview-parser rules`` do, apart from click.

The CLI passes its arguments and two writers (stdout, stderr); these functions return the
exit code: 0 clean, 1 problems that fail the check, 2 a usage error or an unreadable file.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from ..config import Config, find_config
from ..dialects import get_dialect
from ..errors import InterviewParserError, UsageError
from .output import get_format
from .problem import Problem, Severity
from .registry import RULES, select_rules
from .rule import Rule
from .runner import check_bytes

Write = Callable[[str], None]


def read_path(name: str, read_stdin: Callable[[], bytes]) -> bytes:
    """The bytes of file ``name`` (``-`` for stdin); :class:`UsageError` if unreadable."""
    if name == "-":
        return read_stdin()
    try:
        return Path(name).read_bytes()
    except OSError as exc:
        raise UsageError(f"cannot read: {exc.strerror or exc}", path=name) from None


def _rules_for(
    config: Config, select: Sequence[str] | None, ignore: Sequence[str]
) -> list[Rule]:
    chosen = select if select else config.select
    return select_rules(chosen, [*config.ignore, *ignore])


def run_check(
    paths: Sequence[str],
    *,
    out: Write,
    err: Write,
    read_stdin: Callable[[], bytes],
    report: str = "text",
    select: Sequence[str] | None = None,
    ignore: Sequence[str] = (),
    strict: bool = False,
    dialect: str | None = None,
) -> int:
    """Check every file in ``paths``, print the report, return the exit code."""
    try:
        render = get_format(report)
        select_rules(select or None, ignore)  # a typo in a code is a usage error, up front
        if dialect is not None:
            get_dialect(dialect)
    except UsageError as exc:
        err(f"interview-parser: error: {exc.message}\n")
        return 2
    cache: dict[Path, Config] = {}
    problems: list[Problem] = []
    failed = unreadable = False
    for name in paths:
        try:
            config = find_config(Path.cwd() if name == "-" else Path(name).parent, cache)
            rules = _rules_for(config, select, ignore)
            data = read_path(name, read_stdin)
        except InterviewParserError as exc:
            err(f"{exc.location()}: error: {exc.message}\n")
            unreadable = True
            continue
        shown = "<stdin>" if name == "-" else name
        found = check_bytes(
            data, path=shown, cast=config.cast, rules=rules, dialect=dialect or config.dialect
        )
        failed = failed or any(p.fails(strict=strict or config.strict) for p in found)
        problems.extend(found)
    out(render(problems))
    if problems and report == "text":
        err(summary(problems))
    return 2 if unreadable else 1 if failed else 0


def summary(problems: Sequence[Problem]) -> str:
    """The closing line on stderr: how many problems, errors, warnings and fixable ones."""
    errors = sum(1 for p in problems if p.severity is Severity.error)
    fixable = sum(1 for p in problems if p.fixable)
    return (
        f"{len(problems)} problem(s): {errors} error(s), {len(problems) - errors} "
        f"warning(s); {fixable} fixable with `interview-parser fmt`\n"
    )


def rules_text() -> str:
    """One line per rule: code, severity, name, summary (``interview-parser rules``)."""
    lines = []
    for rule in RULES.values():
        fix = " (fixable)" if rule.fixable else ""
        lines.append(f"{rule.code}  {rule.severity.value:7}  {rule.name:22} {rule.summary}{fix}")
    return "\n".join(lines) + "\n"
