"""Many files at once: output names, collisions, refusals, failures that stop nothing,
worker processes, the progress bar only on a terminal, and atomic outputs."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import SAMPLES

from interview_parser.batch import (
    Job,
    Settings,
    _failed,
    convert_all,
    convert_files,
    plan,
    summary,
)
from interview_parser.cli import cli
from interview_parser.errors import UsageError
from interview_parser.workers import Progress, chunks

GOOD = ("article-preamble.txt", "colon-traps.txt", "deposition.txt")
BROKEN = "Just a paragraph of prose.\nNo one is speaking here.\n"


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.stdout, result.stderr


def single(path: Path, *args: str) -> str:
    """What the one-file command prints for ``path`` (the reference for batch outputs)."""
    code, out, err = run("convert", str(path), *args)
    assert code == 0, err
    return out


@pytest.fixture
def inputs(tmp_path: Path) -> list[Path]:
    folder = tmp_path / "in"
    folder.mkdir()
    paths = [folder / name for name in GOOD]
    for path in paths:
        path.write_bytes((SAMPLES / path.name).read_bytes())
    broken = folder / "broken.txt"
    broken.write_text(BROKEN, encoding="utf-8")
    return [*paths[:2], broken, paths[2]]


# -- planning (pure) --------------------------------------------------------------------


def test_outputs_are_named_after_inputs_with_the_exporter_suffix(tmp_path: Path) -> None:
    jobs = plan([str(tmp_path / "a.txt"), str(tmp_path / "b.md")], tmp_path / "out", ".json")
    assert [job.target for job in jobs] == [tmp_path / "out/a.json", tmp_path / "out/b.json"]
    assert all(job.refusal is None for job in jobs)


def test_same_name_in_different_folders_mirrors_the_folders(tmp_path: Path) -> None:
    jobs = plan([str(tmp_path / "2024/x.txt"), str(tmp_path / "2025/deep/x.txt")], "out", ".srt")
    assert [job.target for job in jobs] == [Path("out/2024/x.srt"), Path("out/2025/deep/x.srt")]


def test_same_stem_in_one_folder_keeps_the_whole_name(tmp_path: Path) -> None:
    names = [str(tmp_path / n) for n in ("x.txt", "x.md", "y.txt")]
    jobs = plan(names, "out", ".json")
    assert [job.target for job in jobs] == [
        Path("out/x.txt.json"),
        Path("out/x.md.json"),
        Path("out/y.json"),
    ]


def test_a_file_named_twice_is_converted_once(tmp_path: Path) -> None:
    name = str(tmp_path / "a.txt")
    other_spelling = str(tmp_path / "sub" / ".." / "a.txt")
    jobs = plan([name, other_spelling, name], "out", ".json")
    assert jobs == [Job(name, Path("out/a.json"))]


def test_an_output_that_would_replace_an_input_is_refused(tmp_path: Path) -> None:
    jobs = plan([str(tmp_path / "a.json"), str(tmp_path / "b.txt")], tmp_path, ".json")
    assert jobs[0].refusal is not None and "overwrite an input" in jobs[0].refusal
    assert jobs[1].refusal is None


def test_stdin_has_no_name_to_write_under() -> None:
    with pytest.raises(UsageError):
        plan(["a.txt", "-"], "out", ".json")


@pytest.mark.parametrize(
    ("count", "workers", "largest"), [(1, 2, 1), (10, 2, 1), (2000, 2, 32), (200, 2, 12)]
)
def test_chunks_keep_every_job_in_order(count: int, workers: int, largest: int) -> None:
    jobs = [Job(f"{n}.txt", Path(f"{n}.json")) for n in range(count)]
    pieces = chunks(jobs, workers)
    assert [job for piece in pieces for job in piece] == jobs
    assert max(len(piece) for piece in pieces) == largest


@pytest.mark.parametrize(
    ("converted", "total", "seconds", "line"),
    [
        (1998, 2000, 3.21, "converted 1998 of 2000 files in 3.2 s; 2 failed"),
        (5, 5, 0.04, "converted 5 of 5 files in 0.0 s"),
        (0, 1, 1.0, "converted 0 of 1 files in 1.0 s; 1 failed"),
    ],
)
def test_summary_line(converted: int, total: int, seconds: float, line: str) -> None:
    assert summary(converted, total, seconds) == line


def test_a_dead_worker_fails_only_its_own_files() -> None:
    piece = [Job("a.txt", Path("a.json")), Job("b.txt", Path("b.json"))]
    outcomes = _failed(piece, RuntimeError("killed"))
    assert [o.source for o in outcomes] == ["a.txt", "b.txt"]
    assert all(o.error and "worker process failed" in o.error for o in outcomes)


# -- the progress bar ---------------------------------------------------------------------


def test_progress_bar_is_drawn_when_enabled_and_cleared_for_messages() -> None:
    stream = io.StringIO()
    bar = Progress(stream, 4, enabled=True)
    bar.advance()
    bar.advance()
    bar.echo("a.txt:1:1: error: nope")
    text = stream.getvalue()
    assert text.startswith("\r[" + "#" * 7 + "-" * 23 + "] 1/4")
    assert "] 2/4" in text
    assert text.endswith("\ra.txt:1:1: error: nope\n")


def test_progress_bar_redraws_a_few_hundred_times_at_most() -> None:
    stream = io.StringIO()
    bar = Progress(stream, 5000, enabled=True)
    for _ in range(5000):
        bar.advance()
    draws = stream.getvalue().split("\r")[1:]
    assert len(draws) == 200
    assert draws[0].endswith("] 25/5000") and draws[-1].endswith("] 5000/5000")


def test_progress_bar_is_silent_when_disabled() -> None:
    stream = io.StringIO()
    bar = Progress(stream, 4, enabled=False)
    bar.advance()
    bar.echo("a.txt:1:1: error: nope")
    bar.clear()
    assert stream.getvalue() == "a.txt:1:1: error: nope\n"


def test_convert_all_reports_failures_and_summary(inputs: list[Path], tmp_path: Path) -> None:
    stream = io.StringIO()
    jobs = plan([str(p) for p in inputs], tmp_path / "out", ".json")
    ticks = iter([10.0, 12.5])
    code = convert_all(
        jobs, Settings(), workers=1, stream=stream, progress=False, clock=lambda: next(ticks)
    )
    assert code == 1
    lines = stream.getvalue().splitlines()
    assert len(lines) == 2
    assert lines[0].startswith(f"{inputs[2]}:1:1: error: no speaker turns found: read as ")
    assert "--dialect" in lines[0]
    assert lines[1] == "converted 3 of 4 files in 2.5 s; 1 failed"


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.mark.parametrize(("stream_type", "drawn"), [(Terminal, True), (io.StringIO, False)])
def test_the_bar_is_drawn_only_on_a_terminal(
    inputs: list[Path], tmp_path: Path, stream_type: type[io.StringIO], drawn: bool
) -> None:
    stream = stream_type()
    code = convert_files([str(inputs[0])], tmp_path / "out", Settings(), workers=1, stream=stream)
    assert code == 0
    assert ("\r[" + "#" * 30 + "] 1/1" in stream.getvalue()) is drawn
    assert stream.getvalue().splitlines()[-1].lstrip("\r ").startswith("converted 1 of 1 files")


# -- the command --------------------------------------------------------------------------


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_batch_converts_every_good_file_and_names_the_broken_one(
    inputs: list[Path], tmp_path: Path, jobs: str
) -> None:
    out = tmp_path / "out"
    code, stdout, stderr = run(
        "convert", *map(str, inputs), "--to", "json", "--out-dir", str(out), "--jobs", jobs
    )
    assert code == 1
    assert stdout == ""
    lines = stderr.splitlines()
    assert lines[0].startswith(f"{inputs[2]}:1:1: error: no speaker turns found")
    assert lines[-1].startswith("converted 3 of 4 files in ") and lines[-1].endswith("; 1 failed")
    assert len(lines) == 2
    assert sorted(p.name for p in out.iterdir()) == sorted(n[:-4] + ".json" for n in GOOD)
    for path in (inputs[0], inputs[1], inputs[3]):
        written = (out / (path.stem + ".json")).read_text(encoding="utf-8")
        assert written == single(path, "--to", "json")


def test_batch_passes_the_export_options(inputs: list[Path], tmp_path: Path) -> None:
    out = tmp_path / "out"
    args = ("--to", "json", "--indent", "0", "--interviewer", "Prof. Okafor")
    code, _, _ = run("convert", str(inputs[0]), *args, "--out-dir", str(out), "--jobs", "1")
    assert code == 0
    assert (out / "article-preamble.json").read_text(encoding="utf-8") == single(inputs[0], *args)


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_the_project_table_applies_as_it_does_to_one_file(tmp_path: Path, jobs: str) -> None:
    import interview_parser as ip

    (tmp_path / "pyproject.toml").write_text(
        '[tool.interview-parser]\ncast = [{ label = "Prof. Okafor", name = "Ada Okafor" }]\n',
        encoding="utf-8",
    )
    sources = []
    for name in ("article-preamble.txt", "colon-traps.txt"):
        (tmp_path / name).write_bytes((SAMPLES / name).read_bytes())
        sources.append(tmp_path / name)
    out = tmp_path / "out"
    code, _, _ = run("convert", *map(str, sources), "--out-dir", str(out), "--jobs", jobs)
    assert code == 0
    written = (out / "article-preamble.json").read_text(encoding="utf-8")
    assert written == single(sources[0])
    assert "Ada Okafor" in written
    plain = ip.parse_file(sources[0], project=False).to_json(indent=2) + "\n"
    assert written != plain


def test_all_good_files_exit_zero_with_the_suffix_of_the_format(
    inputs: list[Path], tmp_path: Path
) -> None:
    good = [str(p) for p in inputs if p.name != "broken.txt"]
    code, _, stderr = run("convert", *good, "--to", "srt", "--out-dir", str(tmp_path / "o"))
    assert code == 0
    assert stderr.startswith("converted 3 of 3 files in ")
    assert sorted(p.suffix for p in (tmp_path / "o").iterdir()) == [".srt"] * 3


def test_same_names_in_two_folders_do_not_clobber_each_other(tmp_path: Path) -> None:
    for folder, sample in (("a", "article-preamble.txt"), ("b", "deposition.txt")):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "x.txt").write_bytes((SAMPLES / sample).read_bytes())
    out = tmp_path / "out"
    files = [str(tmp_path / "a/x.txt"), str(tmp_path / "b/x.txt")]
    code, _, _ = run("convert", *files, "--out-dir", str(out), "--jobs", "2")
    assert code == 0
    assert (out / "a/x.json").read_text(encoding="utf-8") == single(Path(files[0]))
    assert (out / "b/x.json").read_text(encoding="utf-8") == single(Path(files[1]))


def test_an_input_is_never_overwritten(tmp_path: Path) -> None:
    source = tmp_path / "markdown-bold.md"
    original = (SAMPLES / source.name).read_bytes()
    source.write_bytes(original)
    code, _, stderr = run("convert", str(source), "--to", "markdown", "--out-dir", str(tmp_path))
    assert code == 1
    assert stderr.splitlines()[0] == (
        f"{source}: error: refusing to overwrite an input file: {source}"
    )
    assert source.read_bytes() == original


def test_outputs_are_replaced_by_rename_not_rewritten_in_place(
    inputs: list[Path], tmp_path: Path
) -> None:
    out = tmp_path / "out"
    out.mkdir()
    target = out / "article-preamble.json"
    target.write_text("old\n", encoding="utf-8")
    os.link(target, tmp_path / "other-name")  # a writer that truncates in place changes both
    code, _, _ = run("convert", str(inputs[0]), "--out-dir", str(out), "--jobs", "1")
    assert code == 0
    assert target.read_text(encoding="utf-8") == single(inputs[0])
    assert (tmp_path / "other-name").read_text(encoding="utf-8") == "old\n"
    assert [p.name for p in out.iterdir()] == [target.name]  # no temporary file left


def test_output_option_with_several_files_is_a_usage_error(
    inputs: list[Path], tmp_path: Path
) -> None:
    target = tmp_path / "x.json"
    code, stdout, stderr = run("convert", str(inputs[0]), str(inputs[1]), "-o", str(target))
    assert (code, stdout) == (2, "")
    assert "error:" in stderr and "--out-dir" in stderr
    assert not target.exists()


def test_several_files_need_an_out_dir(inputs: list[Path]) -> None:
    code, stdout, stderr = run("convert", str(inputs[0]), str(inputs[1]))
    assert (code, stdout) == (2, "")
    assert "--out-dir" in stderr


def test_one_file_to_stdout_is_unchanged_by_batch_support(inputs: list[Path]) -> None:
    import interview_parser as ip

    code, out, err = run("convert", str(inputs[0]), "--to", "json")
    assert (code, err) == (0, "")
    assert out == ip.parse_file(str(inputs[0])).to_json(indent=2) + "\n"


def test_no_progress_bar_when_stderr_is_not_a_terminal(inputs: list[Path], tmp_path: Path) -> None:
    command = [sys.executable, "-m", "interview_parser", "convert", *map(str, inputs)]
    result = subprocess.run(
        [*command, "--out-dir", str(tmp_path / "out"), "--jobs", "2"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 1
    assert result.stdout == ""
    assert "\r" not in result.stderr and "#" not in result.stderr
    lines = result.stderr.splitlines()
    assert len(lines) == 2 and lines[1].startswith("converted 3 of 4 files in ")
