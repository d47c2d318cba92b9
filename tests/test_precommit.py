"""The published hooks, run for real: ``pre-commit try-repo`` against this repository.

try-repo installs the hooks from a commit of this repository into a fresh environment (no
extra dependencies), then runs them in a scratch git repository with transcripts in it.
The commit is HEAD, so this tests what is committed. It takes half a minute or so.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

pytestmark = pytest.mark.slow  # python -m pytest -m "not slow" leaves it out

TYPO = "Editor: Welcome.\nGuest: Thank you.\nEditr: Why now?\nGuest: Because.\nEditor: Bye.\n"
CLEAN = "Host: Welcome.\nGuest: Thank you.\nHost: Why now?\nGuest: Because.\n"
MESSY = "Host:   Welcome.  \r\nGuest: Thank you.\r\n\r\nHost: Why now?\nGuest: Because."


def _git(cwd: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True)


@pytest.fixture(scope="module")
def scratch(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, str]]:
    if shutil.which("git") is None or not (ROOT / ".git").exists():
        pytest.fail("testing the pre-commit hooks needs git and a git checkout of this project")
    repo = tmp_path_factory.mktemp("scratch")
    _git(repo, "init", "-q")
    _git(repo, "config", "user.email", "test@example.invalid")
    _git(repo, "config", "user.name", "test")
    (repo / "interviews").mkdir()
    for name, text in (("typo.txt", TYPO), ("clean.txt", CLEAN), ("messy.txt", MESSY)):
        (repo / "interviews" / name).write_bytes(text.encode("utf-8"))
    (repo / "requirements.txt").write_text("click>=8\n", encoding="utf-8")  # not a transcript
    (repo / "interviews" / "README.md").write_text("# Interviews\n\nOf 2024.\n", encoding="utf-8")
    _git(repo, "add", ".")
    env = dict(os.environ)
    env["PRE_COMMIT_HOME"] = str(tmp_path_factory.mktemp("pre-commit-home"))
    env.pop("PRE_COMMIT", None)
    return repo, env


def _head() -> str:
    out = subprocess.run(
        ["git", "rev-parse", "HEAD"], cwd=ROOT, check=True, capture_output=True, text=True
    )
    return out.stdout.strip()


def try_repo(
    scratch: tuple[Path, dict[str, str]], hook: str, *files: str
) -> subprocess.CompletedProcess[str]:
    repo, env = scratch
    # --ref HEAD: the committed hooks, not uncommitted work in the checkout.
    command = [
        sys.executable,
        "-m",
        "pre_commit",
        "try-repo",
        str(ROOT),
        hook,
        "--ref",
        _head(),
        "--files",
        *files,
    ]
    return subprocess.run(command, cwd=repo, env=env, capture_output=True, text=True, timeout=600)


def test_check_hook_fails_on_a_label_typo_with_its_location(
    scratch: tuple[Path, dict[str, str]],
) -> None:
    result = try_repo(scratch, "interview-parser-check", "interviews/typo.txt")
    assert result.returncode == 1, result.stdout + result.stderr
    expected = "interviews/typo.txt:3:1: IP202 label 'Editr' looks like a typo of 'Editor'"
    assert expected in result.stdout


def test_check_hook_passes_a_clean_transcript(scratch: tuple[Path, dict[str, str]]) -> None:
    result = try_repo(scratch, "interview-parser-check", "interviews/clean.txt")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Passed" in result.stdout


def test_hooks_leave_files_outside_transcript_folders_alone(
    scratch: tuple[Path, dict[str, str]],
) -> None:
    result = try_repo(scratch, "interview-parser-check", "requirements.txt")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "(no files to check)Skipped" in result.stdout


@pytest.mark.parametrize("hook", ["interview-parser-check", "interview-parser-fmt"])
def test_hooks_skip_a_readme_beside_the_transcripts(
    scratch: tuple[Path, dict[str, str]], hook: str
) -> None:
    result = try_repo(scratch, hook, "interviews/README.md")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "(no files to check)Skipped" in result.stdout


def test_fmt_hook_fixes_then_passes(scratch: tuple[Path, dict[str, str]]) -> None:
    repo, _ = scratch
    first = try_repo(scratch, "interview-parser-fmt", "interviews/messy.txt")
    assert first.returncode == 1, first.stdout + first.stderr
    assert "files were modified by this hook" in first.stdout
    assert (repo / "interviews" / "messy.txt").read_bytes() == (
        b"Host: Welcome.\nGuest: Thank you.\nHost: Why now?\nGuest: Because.\n"
    )
    second = try_repo(scratch, "interview-parser-fmt", "interviews/messy.txt")
    assert second.returncode == 0, second.stdout + second.stderr
    assert "Passed" in second.stdout
