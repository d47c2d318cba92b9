"""``check`` over many files: shared out to worker processes, the same report as one process."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from conftest import SAMPLES

from interview_parser.checks.command import PARALLEL_FROM, run_check
from interview_parser.cli import cli
from interview_parser.workers import in_pieces

TYPO = "Editor: Welcome.\nGuest: Thanks.\nEditr: Why now?\nGuest: Because.\nEditor: Bye.\n"
WARNED = "Host: Welcome.  \nGuest: Thank you.\nHost: Why now?\nGuest: Because.\n"


def run(*args: str, stdin: bytes | None = None) -> Result:
    return CliRunner().invoke(cli, ["check", *args], input=stdin)


@pytest.fixture
def many(tmp_path: Path) -> list[str]:
    """Every sample, files with problems, a missing file and a duplicate: 30 paths."""
    paths = [str(p) for p in sorted(SAMPLES.iterdir()) if p.is_file()]
    for i in range(4):
        (tmp_path / f"typo{i}.txt").write_text(TYPO, encoding="utf-8")
        (tmp_path / f"warned{i}.txt").write_text(WARNED, encoding="utf-8")
        paths += [str(tmp_path / f"typo{i}.txt"), str(tmp_path / f"warned{i}.txt")]
    paths += [str(tmp_path / "missing.txt"), paths[0]]
    assert len(paths) >= PARALLEL_FROM
    return paths


@pytest.mark.parametrize("report", ["text", "json", "github"])
def test_workers_report_exactly_what_one_process_reports(many: list[str], report: str) -> None:
    alone = run("--jobs", "1", "--format", report, *many)
    shared = run("--jobs", "2", "--format", report, *many)
    assert shared.exit_code == alone.exit_code == 2  # the missing file
    assert shared.stdout == alone.stdout
    assert shared.stderr == alone.stderr
    assert "missing.txt" in alone.stderr and "IP" in alone.stdout


def test_standard_input_among_many_files_is_read_here(many: list[str]) -> None:
    files = [p for p in many if "missing" not in p]
    alone = run("--jobs", "1", *files, "-", stdin=TYPO.encode())
    shared = run("--jobs", "2", *files, "-", stdin=TYPO.encode())
    assert shared.exit_code == alone.exit_code == 1
    assert (shared.stdout, shared.stderr) == (alone.stdout, alone.stderr)
    assert "<stdin>:" in shared.stdout


def _report(paths: list[str], workers: int, progress: io.StringIO | None) -> tuple[int, str]:
    out: list[str] = []
    code = run_check(
        paths,
        out=out.append,
        err=out.append,
        read_stdin=bytes,
        workers=workers,
        progress=progress,
    )
    return code, "".join(out)


def test_a_progress_bar_is_drawn_and_cleared_on_a_terminal(many: list[str]) -> None:
    stream = io.StringIO()
    code, report = _report(many, 2, stream)
    drawn = stream.getvalue()
    assert f"] {len(many)}/{len(many)}" in drawn
    assert drawn.endswith("\r")  # cleared before the report
    assert (code, report) == _report(many, 1, None)


def test_few_files_draw_no_bar_and_start_no_worker(
    many: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_workers(*args: object) -> None:
        raise AssertionError("workers started for a few files")

    monkeypatch.setattr("interview_parser.workers.in_pieces", no_workers)
    stream = io.StringIO()
    few = many[-(PARALLEL_FROM - 1) :]  # typos, warnings, the missing file
    code, report = _report(few, 2, stream)
    assert stream.getvalue() == ""
    assert code == 2 and "IP" in report and "missing.txt" in report


def _fails_on_b(items: list[str]) -> list[str]:
    if "b" in items:
        raise RuntimeError("worker died")
    return [item.upper() for item in items]


def test_a_failed_piece_comes_back_as_its_exception() -> None:
    got: dict[str, object] = {}
    for piece, result in in_pieces(_fails_on_b, ["a", "b", "c"] * 8, 2):
        values = result if isinstance(result, list) else [result] * len(piece)
        for item, value in zip(piece, values, strict=True):
            got.setdefault(item, value)
    assert got["a"] == "A" and got["c"] == "C"
    assert isinstance(got["b"], RuntimeError)
