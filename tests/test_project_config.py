"""The [tool.interview-parser] table applies to parse_file, convert and inspect, not only check."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

import interview_parser as ip
from interview_parser.cli import cli

TRANSCRIPT = "Asker: Why bees?\nKeeper: Because.\nAsker: Really?\nKeeper: Yes.\n"


@pytest.fixture
def project(tmp_path: Path) -> Path:
    (tmp_path / "pyproject.toml").write_text(
        "[tool.interview-parser]\n"
        'cast = [{ label = "Keeper", name = "Ann Hive", role = "interviewee" }, "Asker"]\n'
        'profile = "bbc"\n'
    )
    folder = tmp_path / "interviews"
    folder.mkdir()
    path = folder / "bees.txt"
    path.write_text(TRANSCRIPT)
    return path


def test_parse_file_honours_the_project_cast(project: Path) -> None:
    keeper = ip.parse_file(project).speakers[1]
    assert (keeper.name, keeper.role_source) == ("Ann Hive", "declared")
    plain = ip.parse_file(project, project=False).speakers[1]
    assert (plain.name, plain.role_source) == (None, "behaviour")


def test_convert_and_inspect_honour_it(project: Path) -> None:
    result = CliRunner().invoke(cli, ["convert", str(project)])
    data = json.loads(result.stdout)
    assert [m["label"] for m in data["cast"]] == ["Keeper", "Asker"]
    assert "name Ann Hive" in CliRunner().invoke(cli, ["inspect", str(project)]).stdout


def test_the_project_profile_is_the_default(project: Path) -> None:
    (project.parent.parent / "pyproject.toml").write_text(
        '[tool.interview-parser]\nprofile = "nope"\n'
    )
    result = CliRunner().invoke(cli, ["convert", str(project), "--to", "srt"])
    assert result.exit_code == 2 and "unknown subtitle profile 'nope'" in result.stderr
    result = CliRunner().invoke(cli, ["convert", str(project), "--to", "srt", "--profile", "bbc"])
    assert result.exit_code == 0
