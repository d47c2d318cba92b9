"""What the commands say: an interviewer who is nobody, ``inspect`` laid out for people and
as JSON for scripts, control characters escaped, and ``check``'s closing counts."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from conftest import SAMPLES

import interview_parser as ip
from interview_parser.cli import cli
from interview_parser.describe import summary

SAMPLE = SAMPLES / "article-preamble.txt"


def invoke(*args: str) -> Result:
    return CliRunner().invoke(cli, list(args))


@pytest.mark.parametrize("command", ["convert", "inspect"])
def test_an_interviewer_who_is_nobody_exits_2_naming_the_labels(command: str) -> None:
    result = invoke(command, str(SAMPLE), "--interviewer", "Nobody")
    assert result.exit_code == 2 and result.stdout == ""
    assert result.stderr == (
        f"{SAMPLE}: error: interviewer 'Nobody' is none of the speakers' labels; they are: "
        "'Host', 'Prof. Okafor'\n"
    )


def test_an_interviewer_among_the_labels_still_decides() -> None:
    result = invoke("convert", str(SAMPLE), "--interviewer", "prof. okafor")
    speakers = json.loads(result.stdout)["speakers"]
    assert result.exit_code == 0
    assert [(s["label"], s["role"], s["role_source"]) for s in speakers] == [
        ("Host", "interviewee", "declared"),
        ("Prof. Okafor", "interviewer", "declared"),
    ]


FRONT = (
    "---\ntitle: Tides\ndate: 2024-05-01\n---\n"
    "Host: Welcome.\nGuest: Thanks.\nHost: Why tides?\nGuest: Because.\n"
)


def test_inspect_puts_the_metadata_above_the_speakers(tmp_path: Path) -> None:
    path = tmp_path / "t.md"
    path.write_text(FRONT, encoding="utf-8")
    lines = invoke("inspect", str(path)).stdout.splitlines()
    heads = [line.split(":")[0] for line in lines if not line.startswith(" ")]
    assert heads[:4] == ["file", "layout", "metadata", "title"]
    speakers = heads.index("speakers")
    assert all(line.startswith("  '") for line in lines[speakers + 1 : speakers + 3])
    assert lines[speakers + 3].startswith("turns:")


def test_inspect_counts_read_as_english(tmp_path: Path) -> None:
    path = tmp_path / "t.txt"
    path.write_text("Host: Why?\nGuest: Because.\nHost: Thanks.\n", encoding="utf-8")
    out = invoke("inspect", str(path)).stdout
    assert "(3 lines, utf-8)" in out
    assert re.search(r"'Host' +interviewer, from the label +2 turns\n", out)
    assert re.search(r"'Guest' +interviewee, from the label +1 turn\n", out)
    assert "pairs:     1 (1 question, 0 remarks)\n" in out
    assert "unpaired:  turn 2\n" in out
    assert " by declared" not in out and "1 turns" not in out and "1 questions" not in out


def test_inspect_json_is_the_summary(tmp_path: Path) -> None:
    path = tmp_path / "t.md"
    path.write_text(FRONT, encoding="utf-8")
    result = invoke("inspect", "--format", "json", str(path))
    data = json.loads(result.stdout)
    assert data == summary(ip.parse_file(path))
    assert data["front_matter_keys"] == ["date", "title"]
    assert [(s["label"], s["role"], s["turn_count"]) for s in data["speakers"]] == [
        ("Host", "interviewer", 2),
        ("Guest", "interviewee", 2),
    ]
    assert (data["turn_count"], data["pair_count"], data["file"]) == (4, 2, str(path))


def test_inspect_escapes_control_characters(tmp_path: Path) -> None:
    path = tmp_path / "t.txt"
    path.write_text(
        "Interview \x1b]0;pwned\x07 on \u202etides\n\n"
        "Host (Radio \x1b[2J North): Why?\nGuest: Because.\n",
        encoding="utf-8",
    )
    result = invoke("inspect", str(path))
    assert result.exit_code == 0
    assert "\x1b" not in result.stdout and "\x07" not in result.stdout
    assert "\u202e" not in result.stdout
    assert "\\x1b]0;pwned\\x07" in result.stdout and "\\u202etides" in result.stdout


def test_error_lines_escape_control_characters(tmp_path: Path) -> None:
    path = tmp_path / "bell\x07.txt"
    result = invoke("convert", str(path))
    assert result.exit_code == 2
    assert "\x07" not in result.stderr and "bell\\x07.txt" in result.stderr


def test_check_ends_with_counts_per_code_and_what_fmt_fixes(tmp_path: Path) -> None:
    path = tmp_path / "t.txt"
    path.write_text(
        "Editor: Hello.  \nGuest: Hi.  \nEditr: Why?  \nGuest:  Because.\nEditor: Bye.\n",
        encoding="utf-8",
    )
    result = invoke("check", str(path))
    assert result.exit_code == 1
    tail = result.stderr.splitlines()
    assert tail == [
        "     1  IP202 label-typo (error)",
        "     3  IP601 trailing-whitespace (warning)  (fixed by `interview-parser fmt`)",
        "     1  IP605 label-spacing (warning)  (fixed by `interview-parser fmt`)",
        "5 problem(s): 1 error(s), 4 warning(s); 4 fixable with `interview-parser fmt` "
        "(IP601, IP605)",
    ]


def test_check_and_fmt_say_how_to_leave_out_what_is_no_transcript(tmp_path: Path) -> None:
    readme = tmp_path / "README.md"
    readme.write_text("# Interviews\n\nThe transcripts of 2024.\n", encoding="utf-8")
    for command in ("check", "fmt"):
        result = invoke(command, str(readme))
        assert result.exit_code == 1
        assert "`exclude:` in .pre-commit-config.yaml" in result.stderr


def test_the_readme_names_fields_inspect_json_has() -> None:
    from conftest import ROOT

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    paragraph = readme.split("`inspect --format json` prints", 1)[1].split("\n\n", 1)[0]
    named = set(re.findall(r"`(\w+)`", paragraph))
    assert len(named) >= 8
    assert named <= set(summary(ip.parse("Host: Why?\nGuest: Because.\n")))
