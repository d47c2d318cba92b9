"""``interview-parser check`` and ``rules`` from the command line: output, exit codes, options."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from interview_parser.checks import RULES
from interview_parser.cli import cli

CLEAN = "Host: Welcome.\nGuest: Thank you.\nHost: Why now?\nGuest: Because.\n"
TYPO = "Editor: Welcome.\nGuest: Thanks.\nEditr: Why now?\nGuest: Because.\nEditor: Bye.\n"
WARNED = "Host: Welcome.  \nGuest: Thank you.\nHost: Why now?\nGuest: Because.\n"


def run(*args: str, stdin: bytes | None = None) -> Result:
    return CliRunner().invoke(cli, ["check", *args], input=stdin)


@pytest.fixture
def files(tmp_path: Path) -> dict[str, str]:
    paths = {}
    for name, text in (("clean", CLEAN), ("typo", TYPO), ("warned", WARNED)):
        path = tmp_path / f"{name}.txt"
        path.write_text(text, encoding="utf-8")
        paths[name] = str(path)
    return paths


def test_clean_file_exits_0_and_prints_nothing(files: dict[str, str]) -> None:
    result = run(files["clean"])
    assert (result.exit_code, result.stdout, result.stderr) == (0, "", "")


def test_error_exits_1_with_path_line_col_code(files: dict[str, str]) -> None:
    result = run(files["typo"])
    assert result.exit_code == 1
    expected = f"{files['typo']}:3:1: IP202 label 'Editr' looks like a typo of 'Editor'\n"
    assert result.stdout == expected
    assert "1 error(s)" in result.stderr


def test_warnings_pass_unless_strict(files: dict[str, str]) -> None:
    relaxed = run(files["warned"])
    assert relaxed.exit_code == 0
    assert relaxed.stdout == f"{files['warned']}:1:15: IP601 trailing whitespace\n"
    assert run("--strict", files["warned"]).exit_code == 1


def test_problems_sorted_by_position_per_file(tmp_path: Path) -> None:
    path = tmp_path / "t.txt"
    text = "Host: Hi &amp; welcome. \nGuest:\nGuest: Thanks.\nHost: Bye."
    path.write_text(text, encoding="utf-8")
    result = run(str(path))
    positions = [tuple(map(int, line.split(":")[1:3])) for line in result.stdout.splitlines()]
    assert positions == sorted(positions)
    codes = [line.split()[1] for line in result.stdout.splitlines()]
    assert codes == ["IP501", "IP601", "IP301", "IP302", "IP603"]


def test_select_and_ignore(files: dict[str, str]) -> None:
    assert run("--select", "style", files["typo"]).exit_code == 0
    assert run("--ignore", "IP2", files["typo"]).stdout == ""
    assert run("--ignore", "label-typo", files["typo"]).exit_code == 0
    assert run("--select", "IP202,IP601", files["typo"]).exit_code == 1
    assert run("--select", "IP601", "--strict", files["warned"]).exit_code == 1


def test_unknown_rule_is_a_usage_error(files: dict[str, str]) -> None:
    result = run("--select", "IP999", files["clean"])
    assert result.exit_code == 2
    assert "unknown rule or family 'IP999'" in result.stderr


def test_unknown_format_is_a_usage_error(files: dict[str, str]) -> None:
    result = run("--format", "xml", files["clean"])
    assert result.exit_code == 2
    assert "known: text, json, github, sarif" in result.stderr


def test_unreadable_file_exits_2_and_others_still_checked(
    files: dict[str, str], tmp_path: Path
) -> None:
    missing = str(tmp_path / "missing.txt")
    result = run(missing, files["typo"])
    assert result.exit_code == 2
    assert f"{missing}: error: cannot read" in result.stderr
    assert "IP202" in result.stdout


def test_no_files_is_a_usage_error() -> None:
    assert run().exit_code == 2


def test_stdin(files: dict[str, str]) -> None:
    result = run("-", stdin=TYPO.encode("utf-8"))
    assert result.exit_code == 1
    assert result.stdout.startswith("<stdin>:3:1: IP202 ")


def test_inline_suppression_on_the_line_and_the_line_before(tmp_path: Path) -> None:
    text = (
        "Editor: Welcome.\n"
        "Guest: Thanks. <!-- interview-parser: disable=IP501 -->\n"
        "Editr: Why now? <!-- interview-parser: disable=label-typo -->\n"
        "Guest: Because.\n"
        "Editor: Bye. <!-- interview-parser: disable=IP302,IP202 -->\n"
        "Editr: Again? <b>\n"
        "Guest: Yes.   <!-- interview-parser: disable -->\n"
    )
    path = tmp_path / "t.txt"
    path.write_text(text, encoding="utf-8")
    result = run(str(path))
    assert result.stdout == f"{path}:6:15: IP501 markup left in the text: '<b>'\n"
    assert result.exit_code == 0


def test_json_format(files: dict[str, str]) -> None:
    result = run("--format", "json", files["typo"], files["warned"])
    records = json.loads(result.stdout)
    assert [(r["code"], r["severity"], r["line"], r["column"]) for r in records] == [
        ("IP202", "error", 3, 1),
        ("IP601", "warning", 1, 15),
    ]
    assert records[1]["fixable"] is True
    assert result.exit_code == 1


def test_github_format(files: dict[str, str]) -> None:
    result = run("--format", "github", files["typo"])
    assert result.stdout == (
        f"::error file={files['typo']},line=3,col=1,title=IP202 label-typo::"
        "label 'Editr' looks like a typo of 'Editor'\n"
    )


def test_sarif_format(files: dict[str, str]) -> None:
    result = run("--format", "sarif", files["typo"])
    document = json.loads(result.stdout)
    assert document["version"] == "2.1.0"
    run_ = document["runs"][0]
    assert [r["id"] for r in run_["tool"]["driver"]["rules"]] == list(RULES)
    (found,) = run_["results"]
    assert found["ruleId"] == "IP202"
    assert run_["tool"]["driver"]["rules"][found["ruleIndex"]]["id"] == "IP202"
    region = found["locations"][0]["physicalLocation"]["region"]
    assert (region["startLine"], region["startColumn"]) == (3, 1)


def test_rules_lists_every_code() -> None:
    result = CliRunner().invoke(cli, ["rules"])
    assert result.exit_code == 0
    listed = [line.split()[0] for line in result.stdout.splitlines()]
    assert listed == list(RULES)
    assert "IP202  error    label-typo" in result.stdout


def test_pyproject_settings_apply(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text(
        '[tool.interview-parser]\ncast = ["Host", {label = "Guest", role = "interviewee"}]\n'
        '[tool.interview-parser.rules]\nignore = ["IP601"]\nstrict = true\n',
        encoding="utf-8",
    )
    sub = tmp_path / "interviews"
    sub.mkdir()
    path = sub / "t.txt"
    path.write_text(WARNED + "Caller: Hello?\nHost: Bye.  \n", encoding="utf-8")
    result = run(str(path))
    assert result.stdout == f"{path}:5:1: IP203 speaker 'Caller' is not in the declared cast\n"
    assert run("--select", "IP303", str(path)).exit_code == 0


def test_bad_pyproject_is_a_usage_error(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text(
        "[tool.interview-parser]\ncats = []\n", encoding="utf-8"
    )
    path = tmp_path / "t.txt"
    path.write_text(CLEAN, encoding="utf-8")
    result = run(str(path))
    assert result.exit_code == 2
    assert "unknown key 'cats'" in result.stderr


def test_dialect_option(files: dict[str, str]) -> None:
    assert run("--dialect", "labelled", files["typo"]).stdout.count("IP202") == 1
    bad = run("--dialect", "klingon", files["typo"])
    assert bad.exit_code == 2
    assert "unknown dialect 'klingon'" in bad.stderr
