"""Shared test setup: the tests folder is importable (regen_golden), paths to samples, and
the two things a fresh clone may lack: ``../shared`` and time.

``../shared`` (the seed transcript, the development corpus) sits beside the clone on the
development machines and in CI, not in the repository. A test that reads it asks for the
``shared`` fixture: without the folder the test is skipped with the reason, unless
``INTERVIEW_PARSER_REQUIRE_SHARED=1`` is set (``.ci/run`` sets it), where its absence fails.

Tests marked ``slow`` (the published hooks run through pre-commit, the wheel build) are left
out of the quick loop by ``python -m pytest -m "not slow"``; the plain command runs them.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest
from hypothesis import settings

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
SHARED = ROOT.parent / "shared"
REQUIRE_SHARED = "INTERVIEW_PARSER_REQUIRE_SHARED"

sys.path.insert(0, str(Path(__file__).resolve().parent))

# The property tests draw new random examples on every run on a developer's machine (and
# replay what failed from .hypothesis/). CI (HYPOTHESIS_PROFILE=ci, set by .ci/run) draws a
# fixed set per test, so a merge is judged the same way each time it is run; a failure found
# by exploration is pinned with @example beside its test. No example has a deadline: time is
# measured by bench/, and a loaded machine made a 0.02 ms example take 556 ms.
settings.register_profile("dev", deadline=None)
settings.register_profile("ci", deadline=None, derandomize=True, print_blob=True)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "dev"))


def shared_path(relative: str) -> Path:
    """``../shared/RELATIVE``; skip the calling test if it is absent (fail under CI's flag)."""
    path = SHARED / relative
    if not path.exists():
        reason = f"needs {path} (the shared material beside the clone, not in the repository)"
        if os.environ.get(REQUIRE_SHARED) == "1":
            pytest.fail(f"{reason}; {REQUIRE_SHARED}=1 requires it")
        pytest.skip(reason)
    return path
