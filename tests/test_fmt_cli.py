"""``interview-parser fmt`` on files: rewrite, --check, --diff, stdin, untouched failures."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner, Result

from interview_parser.checks import check_text
from interview_parser.cli import cli
from interview_parser.fmt import format_text

MESSY = (
    "\ufeffA title  \r\n\r\n\r\n"
    "Editor:\tWelcome, Dr. Morozova.\r\n"
    "  Dr Morozova: Thank you.   \r\n\r\n"
    "Editor: How did it start?\n"
    "Dr. Morozova:  With a phone call.\r\n\r\n\r\nThen a letter.\n"
    "Editor: And then?\nDr. Morozova: A meeting."
)
CANONICAL = (
    "A title\n\n"
    "Editor: Welcome, Dr. Morozova.\n"
    "Dr. Morozova: Thank you.\n"
    "Editor: How did it start?\n"
    "Dr. Morozova: With a phone call.\n\nThen a letter.\n"
    "Editor: And then?\nDr. Morozova: A meeting.\n"
)


def fmt(*args: str, stdin: bytes | None = None) -> Result:
    return CliRunner().invoke(cli, ["fmt", *args], input=stdin)


def _messy(tmp_path: Path, name: str = "t.txt") -> Path:
    path = tmp_path / name
    path.write_bytes(MESSY.encode("utf-8"))
    return path


def test_format_text_canonical_form() -> None:
    assert format_text(MESSY) == CANONICAL


def test_fmt_rewrites_then_has_nothing_to_do(tmp_path: Path) -> None:
    path = _messy(tmp_path)
    first = fmt(str(path))
    assert first.exit_code == 0
    assert f"reformatted {path}" in first.stderr
    assert path.read_bytes() == CANONICAL.encode("utf-8")
    second = fmt(str(path))
    assert (second.exit_code, second.stderr) == (0, "")
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


def test_check_changes_nothing_and_exits_1(tmp_path: Path) -> None:
    path = _messy(tmp_path)
    result = fmt("--check", str(path))
    assert result.exit_code == 1
    assert f"would reformat {path}" in result.stderr
    assert path.read_bytes() == MESSY.encode("utf-8")
    path.write_text(CANONICAL, encoding="utf-8")
    assert fmt("--check", str(path)).exit_code == 0


def test_diff_shows_the_change_and_changes_nothing(tmp_path: Path) -> None:
    path = _messy(tmp_path)
    result = fmt("--diff", str(path))
    assert result.exit_code == 0
    assert "\n-  Dr Morozova: Thank you.   \n" in result.stdout
    assert "\n+Dr. Morozova: Thank you.\n" in result.stdout
    assert result.stdout.startswith(f"--- {path}\n+++ {path}\n")
    assert path.read_bytes() == MESSY.encode("utf-8")
    assert fmt("--diff", "--check", str(path)).exit_code == 1


def test_line_end_only_change_is_still_a_change(tmp_path: Path) -> None:
    path = tmp_path / "crlf.txt"
    path.write_bytes(CANONICAL.replace("\n", "\r\n").encode("utf-8"))
    result = fmt("--diff", "--check", str(path))
    assert result.exit_code == 1
    assert "line ends, encoding or BOM change" in result.stdout


def test_unparseable_file_is_left_untouched_and_reported(tmp_path: Path) -> None:
    path = tmp_path / "prose.txt"
    path.write_bytes(b"We met at the harbour at 10:30.  \r\n")
    good = _messy(tmp_path, "good.txt")
    result = fmt(str(path), str(good))
    assert result.exit_code == 1
    assert f"{path}:1:1: error: no speaker turns found" in result.stderr
    assert "(left unchanged)" in result.stderr
    assert path.read_bytes() == b"We met at the harbour at 10:30.  \r\n"
    assert good.read_text(encoding="utf-8") == CANONICAL


def test_unreadable_file_exits_2(tmp_path: Path) -> None:
    result = fmt(str(tmp_path / "missing.txt"))
    assert result.exit_code == 2
    assert "cannot read" in result.stderr


def test_stdin_to_stdout() -> None:
    result = fmt("-", stdin=MESSY.encode("utf-8"))
    assert (result.exit_code, result.stdout) == (0, CANONICAL)


def test_declared_spelling_wins_over_the_majority(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text(
        '[tool.interview-parser]\ncast = ["Dr. Morozova", "Editor"]\n', encoding="utf-8"
    )
    path = tmp_path / "t.txt"
    path.write_text(
        "Editor: Hello.\nDR MOROZOVA: Hi.\nEditor: Why?\nDR MOROZOVA: Because.\n",
        encoding="utf-8",
    )
    assert fmt(str(path)).exit_code == 0
    assert path.read_text(encoding="utf-8") == (
        "Editor: Hello.\nDr. Morozova: Hi.\nEditor: Why?\nDr. Morozova: Because.\n"
    )


def test_front_matter_kept(tmp_path: Path) -> None:
    text = "---\ntitle: A talk\ncast: [Host, Guest]\n---\nHost: Hi.   \nGuest: Hello.\n"
    assert format_text(text) == text.replace("Hi.   ", "Hi.")


def test_short_forms_are_not_respelled() -> None:
    text = "Peter McCormack (PM): Hello.\nGuest: Hi.\nPM: Why?\nGuest: Because.\n"
    assert format_text(text) == text


def test_suppression_comments_still_apply_after_fmt() -> None:
    text = (
        "Host: A.\nGuest: B.\n\n<!-- interview-parser: disable=IP302 -->\n\nGuest: C.\n"
        "Host: D?\nGuest: E.\n"
    )
    formatted = format_text(text)
    assert formatted == (
        "Host: A.\nGuest: B.\n<!-- interview-parser: disable=IP302 -->\nGuest: C.\n"
        "Host: D?\nGuest: E.\n"
    )
    assert check_text(formatted) == []
