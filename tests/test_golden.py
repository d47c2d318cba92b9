"""Every sample in every format equals its reviewed golden file.

Regenerate with ``python tests/regen_golden.py`` after an intended change, and review the diff.
"""

from __future__ import annotations

import pytest
from regen_golden import cases, golden_path, render

CASES = cases()


@pytest.mark.parametrize(("sample", "fmt"), CASES, ids=[f"{s.name}-{f}" for s, f in CASES])
def test_golden(sample, fmt):  # type: ignore[no-untyped-def]
    path = golden_path(sample, fmt)
    assert path.exists(), f"no golden file {path}; run python tests/regen_golden.py"
    assert render(sample, fmt) == path.read_text(encoding="utf-8")
