"""Shared test setup: the tests folder is importable (regen_golden), paths to samples."""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
SHARED_SEED = ROOT.parent / "shared" / "seed"

sys.path.insert(0, str(Path(__file__).resolve().parent))
