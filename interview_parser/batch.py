"""Many files at once: the stage behind ``interview-parser convert FILES... --out-dir DIR``.

Planning is pure (:func:`plan`: inputs -> output paths, collisions and inputs refused);
converting one file is a plain function that never raises for a bad file
(:func:`convert_one` returns an :class:`Outcome`); :func:`run` converts a plan in this
process or across worker processes and yields each outcome as it finishes. The CLI only
prints what comes back.

Output names: ``interview.txt`` becomes ``DIR/interview.json`` (the exporter's suffix).
Relative paths are mirrored from the deepest folder the inputs share, so ``a/x.txt`` and
``b/x.txt`` become ``DIR/a/x.json`` and ``DIR/b/x.json``. Inputs that would still share an
output (``x.txt`` and ``x.md`` beside each other) keep their whole name: ``x.txt.json`` and
``x.md.json``, and so on until every input has its own output (``x.txt.txt`` beside them
becomes ``x.txt.txt.json``). An output that would replace one of the inputs is refused for
that file.
"""

from __future__ import annotations

import os
import time
from collections import Counter
from collections.abc import Callable, Iterator, MutableMapping, Sequence
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from .errors import InterviewParserError, UsageError
from .exporters import ExportOptions, get_exporter
from .model import Event, TranscriptStream, Warned
from .workers import Progress, default_workers, in_pieces

if TYPE_CHECKING:
    from .config import Config
    from .source import SourceText


@dataclass(frozen=True)
class Settings:
    """What every file of a batch is converted with (picklable, sent to each worker)."""

    fmt: str = "json"
    interviewers: tuple[str, ...] = ()
    dialect: str | None = None
    options: ExportOptions = field(default_factory=ExportOptions)


@dataclass(frozen=True)
class Job:
    """One input file and where its output goes; ``refusal`` is set when it must not run."""

    source: str
    target: Path
    refusal: str | None = None


@dataclass(frozen=True)
class Outcome:
    """What became of one job: ``error`` is the usual one-line message, or None on success."""

    source: str
    target: Path
    error: str | None = None
    warnings: tuple[str, ...] = ()

    @property
    def ok(self) -> bool:
        return self.error is None


def error_line(exc: InterviewParserError) -> str:
    """``path:line:col: error: message``, the form every command prints."""
    where = exc.location() if exc.path or exc.line else "interview-parser"
    return f"{where}: error: {exc.message}"


def plan(sources: Sequence[str], out_dir: str | os.PathLike[str], suffix: str) -> list[Job]:
    """Decide the output path of each input (duplicates of one file are converted once).

    Raises :class:`UsageError` for ``-``: standard input has no name to write under.
    """
    if "-" in sources:
        raise UsageError("- (stdin) cannot be converted with --out-dir; name the files")
    first: dict[str, str] = {}  # absolute path -> the first spelling of it
    for source in sources:
        first.setdefault(os.path.abspath(source), source)
    unique = list(first.values())
    absolute = [Path(a) for a in first]
    base = Path(os.path.commonpath([p.parent for p in absolute])) if absolute else Path()
    folders = [p.parent.relative_to(base) for p in absolute]
    names = _output_names(folders, [p.name for p in absolute], suffix)
    root = Path(out_dir)
    targets = [root / name for name in names]
    inputs = {os.path.realpath(p) for p in absolute}
    owner: dict[str, str] = {}  # an output (through links) -> the input that writes it
    jobs = []
    for source, target in zip(unique, targets, strict=True):
        key = os.path.normcase(os.path.realpath(target))
        jobs.append(Job(source, target, _refusal(target, inputs, owner.get(key))))
        owner.setdefault(key, source)
    return jobs


def _output_names(folders: list[Path], names: list[str], suffix: str) -> list[Path]:
    """``x.txt`` -> ``x.json``; an input whose short name another output also has takes its
    whole name (``x.txt.json``), round after round until no two share one: beside ``x.txt``
    and ``x.md``, ``x.txt.txt`` ends as ``x.txt.txt.json`` (whole names never clash)."""
    whole = [folder / (name + suffix) for folder, name in zip(folders, names, strict=True)]
    chosen = [folder / (Path(n).stem + suffix) for folder, n in zip(folders, names, strict=True)]
    while True:
        counts = Counter(chosen)
        clashing = [i for i, n in enumerate(chosen) if counts[n] > 1 and n != whole[i]]
        if not clashing:
            return chosen
        for i in clashing:
            chosen[i] = whole[i]


def _refusal(target: Path, inputs: set[str], taken_by: str | None) -> str | None:
    if os.path.realpath(target) in inputs:
        return f"refusing to overwrite an input file: {target}"
    if taken_by is not None:  # two spellings of one output, through a symbolic link
        return f"{target} is already the output of {taken_by}"
    return None


def noting_warnings(stream: TranscriptStream, note: Callable[[str], None]) -> TranscriptStream:
    """``stream`` unchanged, with ``note`` called on each warning: the head's now, each
    warning event as the exporter reads past it."""
    for warning in stream.head.warnings:
        note(warning)

    def events() -> Iterator[Event]:
        for event in stream.events:
            if isinstance(event, Warned):
                note(event.text)
            yield event

    return TranscriptStream(stream.head, events(), stream.whole)


def convert_one(
    job: Job, settings: Settings, configs: MutableMapping[Path, Config] | None = None
) -> Outcome:
    """Read, parse, render and write one file; a failure becomes the outcome's error.

    The file's project table (``[tool.interview-parser]``) applies as it does to a single
    ``convert``: its cast is declared and its dialect used unless ``settings`` names one.
    ``configs`` remembers the tables of folders already seen.
    """
    from .api import project_settings, stream_source
    from .files import atomic_open

    if job.refusal:
        return Outcome(job.source, job.target, f"{job.source}: error: {job.refusal}")
    warnings: list[str] = []
    try:
        dialect, cast = project_settings(job.source, settings.dialect, (), configs)
        # Temporaries only: the bytes go once decoded, the text once read (stream_source).
        stream = stream_source(
            _decoded(_read(job.source), job.source),
            dialect=dialect,
            interviewers=settings.interviewers,
            cast=cast,
            path=job.source,
        )
        stream = noting_warnings(stream, warnings.append)
        job.target.parent.mkdir(parents=True, exist_ok=True)
        with atomic_open(job.target) as handle:  # written in pieces as it is made
            get_exporter(settings.fmt).write(stream, settings.options, handle)
    except InterviewParserError as exc:
        return Outcome(job.source, job.target, error_line(exc))
    except OSError as exc:
        return Outcome(
            job.source,
            job.target,
            f"{job.source}: error: cannot write {job.target}: {exc.strerror or exc}",
        )
    except Exception as exc:  # a bug on one file must not stop the others
        message = f"internal error: {type(exc).__name__}: {exc}"
        return Outcome(job.source, job.target, f"{job.source}: error: {message}")
    return Outcome(job.source, job.target, None, tuple(warnings))


def _decoded(data: bytes, source: str) -> SourceText:
    from .source import read_bytes

    try:
        return read_bytes(data)
    except InterviewParserError as exc:
        raise exc.with_path(source) from None


def _read(source: str) -> bytes:
    try:
        with open(source, "rb") as handle:
            return handle.read()
    except OSError as exc:
        raise UsageError(f"cannot read: {exc.strerror or exc}", path=source) from None


def _convert_many(jobs: list[Job], *, settings: Settings) -> list[Outcome]:
    configs: dict[Path, Config] = {}
    return [convert_one(job, settings, configs) for job in jobs]


def run(jobs: Sequence[Job], settings: Settings, *, workers: int = 1) -> Iterator[Outcome]:
    """Convert ``jobs``, yielding each outcome as soon as it is known (not in input order).

    ``workers`` 1 converts in this process; more starts that many worker processes.
    """
    get_exporter(settings.fmt)  # an unknown format is a usage error before any work
    if workers <= 1 or len(jobs) <= 1:
        configs: dict[Path, Config] = {}
        for job in jobs:
            yield convert_one(job, settings, configs)
        return
    for piece, outcomes in in_pieces(partial(_convert_many, settings=settings), jobs, workers):
        yield from _failed(piece, outcomes) if isinstance(outcomes, BaseException) else outcomes


def _failed(piece: list[Job], exc: BaseException) -> list[Outcome]:
    """A worker that raised or died takes only its own files down."""
    message = f"error: worker process failed: {type(exc).__name__}: {exc}"
    return [Outcome(job.source, job.target, f"{job.source}: {message}") for job in piece]


def summary(converted: int, total: int, seconds: float) -> str:
    """``converted 1998 of 2000 files in 3.2 s; 2 failed``."""
    failed = total - converted
    line = f"converted {converted} of {total} files in {seconds:.1f} s"
    return f"{line}; {failed} failed" if failed else line


def convert_all(
    jobs: Sequence[Job],
    settings: Settings,
    *,
    workers: int,
    stream: TextIO,
    progress: bool,
    clock: Callable[[], float] = time.perf_counter,
) -> int:
    """Run ``jobs``, report each failure and warning on ``stream``, end with the summary.

    Returns the exit code: 0 when every file converted, 1 when any failed.
    """
    began = clock()
    bar = Progress(stream, len(jobs), enabled=progress)
    converted = 0
    for outcome in run(jobs, settings, workers=workers):
        for warning in outcome.warnings:
            bar.echo(f"{outcome.source}: warning: {warning}")
        if outcome.error is not None:
            bar.echo(outcome.error)
        else:
            converted += 1
        bar.advance()
    bar.clear()
    stream.write(summary(converted, len(jobs), clock() - began) + "\n")
    return 0 if converted == len(jobs) else 1


def convert_files(
    sources: Sequence[str],
    out_dir: str | os.PathLike[str],
    settings: Settings,
    *,
    workers: int | None,
    stream: TextIO,
) -> int:
    """The whole of ``convert FILES... --out-dir DIR``: plan, convert, report; the exit code.

    The progress bar is drawn only when ``stream`` is a terminal.
    """
    jobs = plan(sources, out_dir, get_exporter(settings.fmt).suffix)
    progress = stream.isatty()
    return convert_all(
        jobs, settings, workers=workers or default_workers(), stream=stream, progress=progress
    )
