"""Built parsers are cached in the user's cache folder, never beside the package."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import interview_parser

BUILD = "from interview_parser.grammar import get_parser; get_parser('labelled').parse('Q: a\\n')"


def run(env: dict[str, str]) -> None:
    subprocess.run([sys.executable, "-c", BUILD], check=True, env={**os.environ, **env})


def package_files() -> set[Path]:
    root = Path(interview_parser.__file__).resolve().parent.parent
    return set(root.rglob("*.cache")) | set(root.rglob(".lark*"))


def test_cache_goes_to_xdg_cache_home(tmp_path: Path) -> None:
    before = package_files()
    run({"XDG_CACHE_HOME": str(tmp_path)})
    run({"XDG_CACHE_HOME": str(tmp_path)})  # the second run loads it
    cached = list((tmp_path / "interview-parser").glob("labelled-*.cache"))
    assert len(cached) == 1 and cached[0].stat().st_size > 0
    assert package_files() == before


def test_cache_can_be_turned_off_or_unwritable(tmp_path: Path) -> None:
    run({"XDG_CACHE_HOME": str(tmp_path), "INTERVIEW_PARSER_NO_CACHE": "1"})
    assert not (tmp_path / "interview-parser").exists()
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    run({"XDG_CACHE_HOME": str(blocker)})  # cannot create the folder: parse without a cache
