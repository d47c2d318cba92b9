"""The README does not lie: its example output is what the tool prints, its commands exist."""

from __future__ import annotations

import re

import pytest
from click.testing import CliRunner
from conftest import ROOT

from interview_parser.cli import cli

README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_inspect_example_is_current(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)  # the example names the sample relative to the repository
    block = re.search(r"```\n\$ interview-parser inspect (\S+)\n(.*?)```", README, re.S)
    assert block is not None
    result = CliRunner().invoke(cli, ["inspect", block.group(1)])
    assert result.stdout == block.group(2)


def test_ci_reads_two_marked_commands() -> None:
    for tag in ("run", "test"):
        match = re.search(rf"<!-- ci: {tag} -->\n```\n(.+)\n```", README)
        assert match is not None and match.group(1).startswith("pip install")
