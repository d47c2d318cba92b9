"""What ``interview-parser check`` and ``interview-parser rules`` do, apart from click.

The CLI passes its arguments and two writers (stdout, stderr); these functions return the
exit code: 0 clean, 1 problems that fail the check, 2 a usage error or an unreadable file.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from ..config import TABLE, Config, find_config
from ..dialects import get_dialect
from ..errors import InterviewParserError, UsageError
from ..files import read_input
from .output import get_format
from .problem import Problem, Severity
from .registry import RULES, select_rules
from .rule import Rule
from .runner import check_bytes

if TYPE_CHECKING:
    from ..workers import Progress

Write = Callable[[str], None]


def read_path(name: str, read_stdin: Callable[[], bytes]) -> bytes:
    """The bytes of file ``name`` (``-`` for stdin); :class:`FileError` if unreadable."""
    if name == "-":
        return read_stdin()
    return read_input(name)


def _rules_for(config: Config, select: Sequence[str] | None, ignore: Sequence[str]) -> list[Rule]:
    chosen = select if select else config.select
    try:
        return select_rules(chosen, [*config.ignore, *ignore])
    except UsageError as exc:
        if config.path is None:
            raise
        # The command line's names were checked up front (check_paths): this one is the
        # table's, so the message points at its pyproject.toml.
        raise UsageError(f"[tool.{TABLE}.rules] {exc.message}", path=str(config.path)) from None


# Fewer files than this are checked in this process: starting workers would cost more.
PARALLEL_FROM = 16


@dataclass(frozen=True)
class _Request:
    """What every file is checked with (picklable: sent to worker processes)."""

    select: tuple[str, ...] | None
    ignore: tuple[str, ...]
    strict: bool
    dialect: str | None


@dataclass(frozen=True)
class _Result:
    """One file's problems, whether they fail the check, or why it could not be read."""

    problems: tuple[Problem, ...] = ()
    failed: bool = False
    error: str | None = None


def _check_file(
    name: str, request: _Request, read_stdin: Callable[[], bytes], cache: dict[Path, Config]
) -> _Result:
    try:
        config = find_config(Path.cwd() if name == "-" else Path(name).parent, cache)
        rules = _rules_for(config, request.select, request.ignore)
        data = read_path(name, read_stdin)
    except InterviewParserError as exc:
        return _Result(error=f"{exc.location()}: error: {exc.message}")
    shown = "<stdin>" if name == "-" else name
    found = check_bytes(
        data, path=shown, cast=config.cast, rules=rules, dialect=request.dialect or config.dialect
    )
    strict = request.strict or config.strict
    return _Result(tuple(found), any(p.fails(strict=strict) for p in found))


def _no_stdin() -> bytes:  # pragma: no cover - "-" is always checked in the main process
    raise UsageError("standard input is read by the main process only")


def _check_many(items: list[tuple[int, str]], *, request: _Request) -> list[_Result]:
    """A worker's share of the files (each with its position in the command line)."""
    cache: dict[Path, Config] = {}
    return [_check_file(name, request, _no_stdin, cache) for _, name in items]


def _results(
    paths: Sequence[str],
    request: _Request,
    read_stdin: Callable[[], bytes],
    workers: int | None,
    progress: Progress | None,
) -> list[_Result]:
    """Every file's result, in the order of ``paths``, across ``workers`` processes (None:
    one per core) when there are enough files; standard input is always read here."""
    results: dict[int, _Result] = {}
    shared = [i for i, name in enumerate(paths) if name != "-"]
    if workers != 1 and len(shared) >= PARALLEL_FROM:
        _share_out(paths, shared, request, workers, progress, results)
    cache: dict[Path, Config] = {}
    for i, name in enumerate(paths):
        if i not in results:
            results[i] = _check_file(name, request, read_stdin, cache)
            if progress is not None:
                progress.advance()
    return [results[i] for i in range(len(paths))]


def _share_out(
    paths: Sequence[str],
    shared: list[int],
    request: _Request,
    workers: int | None,
    progress: Progress | None,
    results: dict[int, _Result],
) -> None:
    """Check the files at positions ``shared`` in worker processes, into ``results``."""
    from functools import partial

    from ..workers import default_workers, in_pieces

    count = workers or default_workers()
    if count == 1:
        return  # one core: this process checks them
    work = partial(_check_many, request=request)
    for piece, found in in_pieces(work, [(i, paths[i]) for i in shared], count):
        if isinstance(found, BaseException):
            message = f"error: worker process failed: {type(found).__name__}: {found}"
            found = [_Result(error=f"{name}: {message}") for _, name in piece]
        for (i, _), result in zip(piece, found, strict=True):
            results[i] = result
        if progress is not None:
            progress.advance(len(piece))


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
    workers: int | None = 1,
    progress: TextIO | None = None,
) -> int:
    """Check every file in ``paths``, print the report, return the exit code.

    With ``workers`` above 1 (None: one per core) and at least ``PARALLEL_FROM`` files, the
    files are shared out to that many worker processes; the report is the same, in the order
    of ``paths``. ``progress`` is where a progress bar is drawn (a terminal), or None.
    """
    try:
        render = get_format(report)
        select_rules(select or None, ignore)  # a typo in a code is a usage error, up front
        if dialect is not None:
            get_dialect(dialect)
    except UsageError as exc:
        err(f"interview-parser: error: {exc.message}\n")
        return 2
    request = _Request(tuple(select) if select else None, tuple(ignore), strict, dialect)
    bar = None
    if progress is not None and len(paths) >= PARALLEL_FROM:
        from ..workers import Progress

        bar = Progress(progress, len(paths), enabled=True)
    results = _results(paths, request, read_stdin, workers, bar)
    if bar is not None:
        bar.clear()
    problems: list[Problem] = []
    for result in results:
        if result.error is not None:
            err(result.error + "\n")
        problems.extend(result.problems)
    out(render(problems))
    if problems and report == "text":
        err(summary(problems))
    unreadable = any(r.error is not None for r in results)
    failed = any(r.failed for r in results)
    return 2 if unreadable else 1 if failed else 0


def summary(problems: Sequence[Problem]) -> str:
    """The closing lines on stderr: the problems counted by code, which of them ``fmt``
    fixes, then one line of totals. A report of hundreds of lines (trailing blanks in an
    exported file, say) ends with what it is made of and what one command repairs."""
    by_code: dict[str, list[Problem]] = {}
    for problem in sorted(problems, key=lambda p: p.code):
        by_code.setdefault(problem.code, []).append(problem)
    lines = []
    for code, found in by_code.items():
        first = found[0]
        fix = "  (fixed by `interview-parser fmt`)" if first.fixable else ""
        lines.append(f"{len(found):6}  {code} {first.name} ({first.severity.value}){fix}\n")
    errors = sum(1 for p in problems if p.severity is Severity.error)
    fixable = sum(1 for p in problems if p.fixable)
    fixed_codes = [code for code, found in by_code.items() if found[0].fixable]
    which = f" ({', '.join(fixed_codes)})" if fixed_codes else ""
    lines.append(
        f"{len(problems)} problem(s): {errors} error(s), {len(problems) - errors} "
        f"warning(s); {fixable} fixable with `interview-parser fmt`{which}\n"
    )
    if "IP101" in by_code:
        lines.append(_NOT_A_TRANSCRIPT)
    return "".join(lines)


# IP101 (no speaker turns) on a README or a notes file is a file that is no transcript.
_NOT_A_TRANSCRIPT = (
    "IP101 on a file that is not a transcript: leave it out (pre-commit: `exclude:` in "
    ".pre-commit-config.yaml; otherwise do not name it)\n"
)


def rules_text() -> str:
    """One line per rule: code, severity, name, summary (``interview-parser rules``)."""
    lines = []
    for rule in RULES.values():
        fix = " (fixable)" if rule.fixable else ""
        lines.append(f"{rule.code}  {rule.severity.value:7}  {rule.name:22} {rule.summary}{fix}")
    return "\n".join(lines) + "\n"
