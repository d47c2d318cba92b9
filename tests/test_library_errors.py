"""The library's promise: every documented call raises only ``InterviewParserError``
subclasses, each naming the file (and line and column where there is one)."""

from __future__ import annotations

import builtins
from pathlib import Path
from typing import Any

import pytest

import interview_parser as ip
from interview_parser import api
from interview_parser.model import Source
from interview_parser.resolve import build_transcript
from interview_parser.source import read_bytes, read_text


def test_parse_file_of_a_missing_file(tmp_path: Path) -> None:
    missing = tmp_path / "nonexistent.txt"
    with pytest.raises(ip.FileError) as caught:
        ip.parse_file(missing)
    assert caught.value.path == str(missing)
    assert str(caught.value) == f"{missing}: cannot read: No such file or directory"


def test_parse_file_of_a_folder(tmp_path: Path) -> None:
    with pytest.raises(ip.FileError, match="cannot read: Is a directory") as caught:
        ip.parse_file(tmp_path)
    assert caught.value.path == str(tmp_path)


def test_parse_file_of_a_name_with_a_nul_byte() -> None:
    with pytest.raises(ip.FileError, match="cannot read: embedded null byte"):
        ip.parse_file("a\x00b.txt")


def test_parse_file_without_permission(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Root reads any file, and CI runs as root: the refusal is the operating system's.
    path = tmp_path / "secret.txt"
    path.write_text("Host: hi\nGuest: hello\n")
    real_open = builtins.open

    def no_permission(file: Any, *args: Any, **kwargs: Any) -> Any:
        if str(file) == str(path):
            raise PermissionError(13, "Permission denied", str(file))
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr(builtins, "open", no_permission)
    with pytest.raises(ip.FileError, match="cannot read: Permission denied") as caught:
        ip.parse_file(path)
    assert caught.value.path == str(path)


def test_parse_file_of_a_binary_file_names_it_with_a_position(tmp_path: Path) -> None:
    path = tmp_path / "binary.bin"
    path.write_bytes(b"\x00\x01\x02\x03\x04binary")
    with pytest.raises(ip.InputError) as caught:
        ip.parse_file(path)
    assert (caught.value.path, caught.value.line, caught.value.column) == (str(path), 1, 1)


@pytest.mark.parametrize(
    ("call", "error"),
    [
        (lambda: ip.parse(""), ip.NoTurnsError),
        (lambda: ip.parse("no turns at all\n"), ip.NoTurnsError),
        (lambda: ip.parse("Host: hi\n", dialect="klingon"), ip.UsageError),
        (lambda: ip.parse("Host: hi\nGuest: ok\n", interviewers=["Nobody"]), ip.UsageError),
        (lambda: ip.parse_bytes(b"\x00\x00\x00\x00"), ip.InputError),
        (lambda: ip.parse_bytes(b""), ip.InputError),
        (lambda: ip.Transcript.from_json("{}"), ip.TranscriptJSONError),
        (lambda: ip.Transcript.from_json("{not json"), ip.TranscriptJSONError),
        (lambda: ip.Transcript.from_json(b"\xff\xfe"), ip.TranscriptJSONError),
        (lambda: ip.Transcript.from_json("[]"), ip.TranscriptJSONError),
        (lambda: read_bytes(b"\x00\x01\x02\x03"), ip.InputError),
        (lambda: api.read(read_bytes(b"Host: hi\n"), dialect="nope"), ip.UsageError),
    ],
)
def test_documented_calls_raise_only_our_errors(call: Any, error: type[Exception]) -> None:
    with pytest.raises(error):
        call()


def test_build_transcript_of_an_empty_reading_raises_our_error() -> None:
    source = Source(encoding="utf-8", newline="\n", final_newline=True, line_count=1,
                    dialect="labelled", dialect_evidence="")  # fmt: skip
    with pytest.raises(ip.NoTurnsError):
        build_transcript(api.read(read_text("Just prose.\n"), dialect="labelled"), source)


def test_an_interviewer_who_is_nobody_is_named_with_the_labels_there_are() -> None:
    with pytest.raises(ip.UsageError) as caught:
        ip.parse("Host: Why?\nGuest: Because.\n", interviewers=["Nobody"], path="a.txt")
    assert caught.value.path == "a.txt"
    assert caught.value.message == (
        "interviewer 'Nobody' is none of the speakers' labels; they are: 'Host', 'Guest'"
    )


def test_an_interviewer_matches_a_label_as_labels_match() -> None:
    t = ip.parse("GUEST: Why?\nHost: Because.\n", interviewers=["guest"])
    assert [(s.label, s.role, s.role_source) for s in t.speakers] == [
        ("GUEST", ip.Role.interviewer, ip.RoleSource.declared),
        ("Host", ip.Role.interviewee, ip.RoleSource.declared),
    ]


def test_role_source_is_an_enum_written_as_before() -> None:
    t = ip.parse("Host: Why?\nGuest: Because.\n")
    assert [s.role_source for s in t.speakers] == [ip.RoleSource.label] * 2
    assert '"role_source": "label"' in t.to_json()
    assert ip.Transcript.from_json(t.to_json()).speakers[0].role_source is ip.RoleSource.label


def test_a_broken_project_table_is_our_error_with_its_place(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text("[tool.interview-parser\n", encoding="utf-8")
    transcript = tmp_path / "a.txt"
    transcript.write_text("Host: Why?\nGuest: Because.\n", encoding="utf-8")
    with pytest.raises(ip.UsageError) as caught:
        ip.parse_file(transcript)
    error = caught.value
    assert (error.path, error.line, error.column) == (str(tmp_path / "pyproject.toml"), 1, 23)
    assert error.message.startswith("invalid TOML: ") and "(at line" not in error.message
