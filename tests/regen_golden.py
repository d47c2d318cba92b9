"""Regenerate the golden files: every sample in samples/ in every exported format.

    python tests/regen_golden.py          # rewrite tests/golden/
    python tests/regen_golden.py --check  # exit 1 if any golden file is stale

Golden files are produced by this command and reviewed in the diff, never edited by hand.
tests/test_golden.py compares the current output with them.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
GOLDEN = ROOT / "tests" / "golden"

sys.path.insert(0, str(ROOT))

from interview_parser import parse_file  # noqa: E402
from interview_parser.exporters import EXPORTERS  # noqa: E402


def sample_files() -> list[Path]:
    return sorted(p for p in SAMPLES.iterdir() if p.is_file() and not p.name.startswith("."))


def golden_path(sample: Path, fmt: str) -> Path:
    return GOLDEN / fmt / (sample.name + EXPORTERS[fmt].suffix)


def render(sample: Path, fmt: str) -> str:
    # Parse with the path relative to the repository, so goldens do not depend on the clone.
    here = os.getcwd()
    os.chdir(ROOT)
    try:
        transcript = parse_file(sample.relative_to(ROOT).as_posix())
    finally:
        os.chdir(here)
    return EXPORTERS[fmt].render(transcript)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only report stale files")
    args = parser.parse_args()
    stale = 0
    for fmt in EXPORTERS:
        for sample in sample_files():
            path = golden_path(sample, fmt)
            text = render(sample, fmt)
            current = path.read_text(encoding="utf-8") if path.exists() else None
            if current == text:
                continue
            stale += 1
            if args.check:
                print(f"stale: {path.relative_to(ROOT)}")
            else:
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_text(text, encoding="utf-8", newline="")
                print(f"wrote: {path.relative_to(ROOT)}")
    return 1 if args.check and stale else 0


if __name__ == "__main__":
    sys.exit(main())
