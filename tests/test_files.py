"""The user's files are safe: an output onto the input is refused, ``fmt`` rewrites through
links and keeps mode and owner, refuses what it cannot rewrite whole, loses no edit saved
meanwhile, and sweeps the temporary files a killed write left (only its own, only stale)."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from interview_parser import fmt as fmt_module
from interview_parser.cli import cli
from interview_parser.errors import FileError
from interview_parser.files import STALE_AFTER, remove_stale_temporaries, rewrite
from interview_parser.fmt import run_fmt

MESSY = b"Host:   Welcome.  \nGuest: Thank you.\nHost: Why now?\nGuest:  Because.\n"
CANONICAL = b"Host: Welcome.\nGuest: Thank you.\nHost: Why now?\nGuest: Because.\n"


def invoke(*args: str) -> Result:
    return CliRunner().invoke(cli, list(args))


def command(
    *args: str, stdin: Path | None = None, stdout: Path | None = None, append: bool = False
) -> subprocess.CompletedProcess[bytes]:
    """The installed command with real file descriptors (stdin/stdout redirected to files)."""
    with (
        open(stdin or os.devnull, "rb") as inp,
        open(stdout or os.devnull, "ab" if append else "wb") as out,
    ):
        return subprocess.run(
            [sys.executable, "-m", "interview_parser", *args],
            stdin=inp, stdout=out, stderr=subprocess.PIPE, timeout=120,
        )  # fmt: skip


@pytest.fixture
def transcript(tmp_path: Path) -> Path:
    path = tmp_path / "a.txt"
    path.write_bytes(MESSY)
    return path


# -- convert: the output is never the input ----------------------------------------------


@pytest.mark.parametrize("link", ["same", "symlink", "hardlink", "spelling"])
def test_convert_refuses_an_output_that_is_the_input(transcript: Path, link: str) -> None:
    output = {
        "same": transcript,
        "symlink": transcript.with_name("link.txt"),
        "hardlink": transcript.with_name("hard.txt"),
        "spelling": transcript.parent / "." / "a.txt",
    }[link]
    if link == "symlink":
        output.symlink_to(transcript.name)
    elif link == "hardlink":
        os.link(transcript, output)
    result = invoke("convert", str(transcript), "--to", "markdown", "-o", str(output))
    assert result.exit_code == 2
    assert "refusing to write the output onto the input" in result.stderr
    assert result.stderr.startswith(f"{output}: error: ")
    assert transcript.read_bytes() == MESSY
    assert sorted(p.name for p in transcript.parent.iterdir() if p.name.startswith(".")) == []


def test_convert_refuses_stdin_and_output_being_one_file(transcript: Path) -> None:
    done = command("convert", "-", "--to", "markdown", "-o", str(transcript), stdin=transcript)
    assert done.returncode == 2, done.stderr
    assert b"refusing to write the output onto the input" in done.stderr
    assert transcript.read_bytes() == MESSY


def test_convert_refuses_stdout_appending_to_the_input(transcript: Path) -> None:
    done = command("convert", str(transcript), stdout=transcript, append=True)
    assert done.returncode == 2, done.stderr
    assert b"standard output is " in done.stderr
    assert transcript.read_bytes() == MESSY


def test_convert_still_writes_to_another_file_and_to_a_pipe(transcript: Path) -> None:
    other = transcript.with_name("a.md")
    assert invoke("convert", str(transcript), "--to", "markdown", "-o", str(other)).exit_code == 0
    assert other.read_text(encoding="utf-8").strip()
    piped = command("convert", "-", "--to", "json", stdin=transcript)
    assert piped.returncode == 0, piped.stderr


# -- fmt: rewritten in place, safely ------------------------------------------------------


def test_fmt_through_a_symlink_formats_the_target_and_keeps_the_link(transcript: Path) -> None:
    link = transcript.with_name("link.txt")
    link.symlink_to(transcript.name)
    result = invoke("fmt", str(link))
    assert result.exit_code == 0, result.stderr
    assert link.is_symlink() and os.readlink(link) == "a.txt"
    assert transcript.read_bytes() == CANONICAL


@pytest.mark.parametrize("mode", [0o600, 0o640, 0o755])
def test_fmt_keeps_the_mode_bits(transcript: Path, mode: int) -> None:
    transcript.chmod(mode)
    assert invoke("fmt", str(transcript)).exit_code == 0
    assert transcript.read_bytes() == CANONICAL
    assert stat.S_IMODE(transcript.stat().st_mode) == mode


@pytest.mark.skipif(os.geteuid() != 0, reason="giving a file to another user needs root (CI)")
def test_fmt_keeps_the_owner(transcript: Path) -> None:
    os.chown(transcript, 12345, 23456)
    assert invoke("fmt", str(transcript)).exit_code == 0
    status = transcript.stat()
    assert transcript.read_bytes() == CANONICAL
    assert (status.st_uid, status.st_gid) == (12345, 23456)


def test_fmt_refuses_a_read_only_file(transcript: Path) -> None:
    transcript.chmod(0o444)
    result = invoke("fmt", str(transcript))
    assert result.exit_code == 2
    assert result.stderr.startswith(f"{transcript}: error: cannot write: the file is read-only")
    assert transcript.read_bytes() == MESSY
    assert invoke("fmt", "--check", str(transcript)).exit_code == 1  # reporting still works


def test_fmt_refuses_to_split_hard_links(transcript: Path) -> None:
    twin = transcript.with_name("twin.txt")
    os.link(transcript, twin)
    result = invoke("fmt", str(transcript))
    assert result.exit_code == 2
    assert "has 2 hard links" in result.stderr and str(transcript) in result.stderr
    assert transcript.read_bytes() == twin.read_bytes() == MESSY
    assert transcript.stat().st_ino == twin.stat().st_ino


def test_an_edit_saved_while_fmt_runs_is_kept(
    transcript: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    edited = b"Host: A new question, saved meanwhile?\nGuest: Yes.\n"
    real_format = fmt_module.format_bytes

    def format_then_edit(data: bytes, **kwargs: object) -> str:
        formatted = real_format(data, **kwargs)  # type: ignore[arg-type]
        transcript.write_bytes(edited)  # the editor saves while fmt is at work
        return formatted

    monkeypatch.setattr(fmt_module, "format_bytes", format_then_edit)
    errors: list[str] = []
    code = run_fmt([str(transcript)], out=print, err=errors.append, read_stdin=bytes)
    assert code == 2
    assert transcript.read_bytes() == edited
    assert "changed while it was being rewritten" in "".join(errors)
    assert [p.name for p in transcript.parent.iterdir()] == ["a.txt"]  # no temporary left


def test_rewrite_compares_the_bytes_it_was_given(transcript: Path) -> None:
    with pytest.raises(FileError, match="changed while"):
        rewrite(str(transcript), CANONICAL, expected=b"something else")
    assert transcript.read_bytes() == MESSY
    rewrite(str(transcript), CANONICAL, expected=MESSY)
    assert transcript.read_bytes() == CANONICAL


def test_fmt_errors_name_every_file(tmp_path: Path) -> None:
    binary, empty = tmp_path / "binary.bin", tmp_path / "empty.txt"
    binary.write_bytes(b"\x00\x01\x02\x03binary")
    empty.write_bytes(b"")
    result = invoke("fmt", str(binary), str(empty))
    lines = result.stderr.splitlines()
    assert result.exit_code == 1
    assert lines[0].startswith(f"{binary}:1:") and lines[1].startswith(f"{empty}:1:")
    assert "<text>" not in result.stderr


# -- stale temporaries of killed writes ---------------------------------------------------

DEAD = 2**22 + 12345  # above Linux's largest process id: no such process


def _aged(path: Path, seconds: float) -> Path:
    path.write_bytes(b"half a file")
    then = time.time() - seconds
    os.utime(path, (then, then))
    return path


def test_stale_temporaries_of_this_file_are_removed_and_nothing_else(tmp_path: Path) -> None:
    target = tmp_path / "a.txt"
    target.write_bytes(MESSY)
    old = STALE_AFTER + 60
    stale = _aged(tmp_path / f".a.txt.{DEAD}-abcd_123.tmp", old)
    kept = [
        _aged(tmp_path / f".a.txt.{DEAD}-abcd_124.tmp", 1),  # too fresh: may be in use
        _aged(tmp_path / f".a.txt.{os.getpid()}-abcd_125.tmp", old),  # a live process
        _aged(tmp_path / f".b.txt.{DEAD}-abcd_126.tmp", old),  # another file's
        _aged(tmp_path / ".a.txt.notours.tmp", old),  # not named as ours
        _aged(tmp_path / f".a.txt.{DEAD}-abcd_127.tmp.keep", old),
    ]
    (tmp_path / f".a.txt.{DEAD}-abcd_128.tmp").symlink_to(stale.name)  # not a regular file
    os.utime(tmp_path / f".a.txt.{DEAD}-abcd_128.tmp", (0, 0), follow_symlinks=False)
    assert remove_stale_temporaries(target) == [stale.name]
    assert not stale.exists()
    assert all(path.exists() for path in kept)


def test_a_killed_write_leaves_a_temporary_that_the_next_fmt_sweeps(transcript: Path) -> None:
    script = (
        "import os, sys\n"
        "from interview_parser.files import atomic_open\n"
        "with atomic_open(sys.argv[1]) as handle:\n"
        "    handle.write(b'half')\n"
        "    os._exit(9)  # killed mid-write\n"
    )
    subprocess.run([sys.executable, "-c", script, str(transcript)], timeout=60)
    (left,) = [p for p in transcript.parent.iterdir() if p.name != "a.txt"]
    assert left.name.startswith(".a.txt.") and left.name.endswith(".tmp")
    assert transcript.read_bytes() == MESSY  # the original is intact
    then = time.time() - STALE_AFTER - 1
    os.utime(left, (then, then))
    assert invoke("fmt", str(transcript)).exit_code == 0
    assert [p.name for p in transcript.parent.iterdir()] == ["a.txt"]
    assert transcript.read_bytes() == CANONICAL
