"""The CLI writes each podcast format whole with -o, and passes the podcast options on."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import SAMPLES

import interview_parser as ip
from interview_parser.cli import cli
from interview_parser.exporters import ExportOptions, export

ARTICLE = SAMPLES / "article-preamble.txt"
FORMATS = ["podcast", "fountain", "podcast-json", "podcast-html", "markdown"]


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.stdout, result.stderr


@pytest.mark.parametrize("fmt", FORMATS)
def test_output_file_is_replaced_whole_through_a_temporary_file(
    fmt: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / f"episode.{fmt}"
    target.write_text("previous version\n")
    renames: list[tuple[str, str]] = []
    real_replace = os.replace

    def spy(src: str, dst: str) -> None:
        renames.append((os.path.basename(src), os.path.basename(dst)))
        assert Path(dst).read_text() == "previous version\n"  # untouched until the rename
        real_replace(src, dst)

    monkeypatch.setattr(os, "replace", spy)
    code, out, err = run("convert", str(ARTICLE), "--to", fmt, "-o", str(target))
    assert (code, out, err) == (0, "", "")
    assert len(renames) == 1 and renames[0][1] == target.name and renames[0][0] != target.name
    assert target.read_text(encoding="utf-8") == export(ip.parse_file(ARTICLE), fmt)
    assert [p.name for p in tmp_path.iterdir()] == [target.name]  # no temporary file left


@pytest.mark.parametrize(
    ("args", "options"),
    [
        (["--names", "--no-cues"], ExportOptions(names=True, cues=False)),
        (
            ["--wpm", "120", "--pause", "1", "--start", "1:00"],
            ExportOptions(wpm=120, pause=1, start=60),
        ),
        (["--qa-style", "qa"], ExportOptions(qa_style="qa")),
    ],
)
@pytest.mark.parametrize("fmt", FORMATS)
def test_options_reach_the_exporters(fmt: str, args: list[str], options: ExportOptions) -> None:
    code, out, _ = run("convert", str(ARTICLE), "--to", fmt, *args)
    assert code == 0 and out == export(ip.parse_file(ARTICLE), fmt, options)


def test_formats_lists_the_podcast_formats() -> None:
    _, out, _ = run("formats")
    listed = {line.split()[0] for line in out.splitlines()}
    assert set(FORMATS) <= listed
