"""The command line: outputs, stdin, atomic -o, and one-line errors with exit codes."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner
from conftest import SAMPLES

from interview_parser.cli import cli

SAMPLE = SAMPLES / "article-preamble.txt"


def run(*args: str, input: bytes | None = None) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args), input=input)
    return result.exit_code, result.stdout, result.stderr


def test_convert_to_json_on_stdout_matches_library() -> None:
    import interview_parser as ip

    code, out, err = run("convert", str(SAMPLE), "--to", "json")
    assert (code, err) == (0, "")
    assert json.loads(out) == json.loads(ip.parse_file(str(SAMPLE)).to_json())


def test_json_validates_against_the_published_schema() -> None:
    _, schema_text, _ = run("schema")
    schema = json.loads(schema_text)
    for sample in sorted(SAMPLES.iterdir()):
        _, out, _ = run("convert", str(sample))
        jsonschema.validate(json.loads(out), schema)


def test_stdin(tmp_path: Path) -> None:
    code, out, _ = run("convert", "-", "--to", "json", input=SAMPLE.read_bytes())
    data = json.loads(out)
    assert code == 0 and data["source"]["path"] is None and len(data["turns"]) == 9


def test_output_file_is_written_whole_and_nothing_else(tmp_path: Path) -> None:
    target = tmp_path / "out.json"
    code, out, _ = run("convert", str(SAMPLE), "-o", str(target))
    assert code == 0 and out == ""
    assert json.loads(target.read_text())["title"].startswith("Mending")
    assert [p.name for p in tmp_path.iterdir()] == ["out.json"]


def test_failed_convert_leaves_existing_output_untouched(tmp_path: Path) -> None:
    target = tmp_path / "out.json"
    target.write_text("previous")
    bad = tmp_path / "bad.txt"
    bad.write_text("no turns here\n")
    code, _, err = run("convert", str(bad), "-o", str(target))
    assert code == 1 and target.read_text() == "previous"
    assert err.count("\n") == 1 and f"{bad}:1:1: error: no speaker turns found" in err


@pytest.mark.parametrize(
    ("content", "code", "message"),
    [
        (b"", 1, ":1:1: error: empty input"),
        (b"\x89PNG\r\n\x1a\n\x00\x00", 1, ":1:1: error: not a text file"),
        (b"\x00\x01\x02\x03" * 100, 1, ":1:1: error: not a text file"),
    ],
)
def test_bad_input_gets_one_line(tmp_path: Path, content: bytes, code: int, message: str) -> None:
    path = tmp_path / "in.txt"
    path.write_bytes(content)
    got, out, err = run("convert", str(path))
    assert got == code and out == ""
    assert err.strip().count("\n") == 0 and message in err and "Traceback" not in err


def test_usage_errors_exit_2() -> None:
    assert run("convert", "/no/such/file.txt")[0] == 2
    code, _, err = run("convert", str(SAMPLE), "--to", "docx")
    assert code == 2 and "unknown format 'docx' (known: " in err


def test_inspect_explains() -> None:
    code, out, _ = run("inspect", str(SAMPLE))
    assert code == 0
    assert "layout:" in out and "'Prof. Okafor'" in out and "pairs:     4" in out


def test_interviewer_option() -> None:
    _, out, _ = run("convert", str(SAMPLE), "--interviewer", "Prof. Okafor")
    roles = {s["label"]: s["role"] for s in json.loads(out)["speakers"]}
    assert roles["Prof. Okafor"] == "interviewer"


def test_python_dash_m_and_console_script() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "interview_parser", "--help"], capture_output=True, text=True
    )
    assert result.returncode == 0 and "convert" in result.stdout
    result = subprocess.run(
        [sys.executable, "-m", "interview_parser", "convert", "/no/such"],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 2 and "Traceback" not in result.stderr
