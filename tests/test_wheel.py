"""The built wheel carries the grammars, and the installed package finds them."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from conftest import ROOT

pytestmark = pytest.mark.slow  # python -m pytest -m "not slow" leaves it out


def test_wheel_contains_the_grammars(tmp_path: Path) -> None:
    subprocess.run(
        [
            sys.executable,
            "-m",
            "build",
            "--wheel",
            "--no-isolation",
            "--outdir",
            str(tmp_path),
            str(ROOT),
        ],
        check=True,
        capture_output=True,
    )
    (wheel,) = tmp_path.glob("interview_parser-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    grammars = sorted(p.name for p in (ROOT / "grammars").glob("*.lark"))
    assert grammars and all(f"interview_parser/grammars/{g}" in names for g in grammars)
    # The html page's stylesheet and script are read from the package at run time.
    assert {"page.css", "page.js"} <= {
        n.rsplit("/", 1)[-1] for n in names if n.startswith("interview_parser/exporters/page/")
    }
