"""Accuracy on the development corpus, when it is there (it is not part of this repository).

    python bench/accuracy.py      # from the repository root

Runs ``python3 ../shared/tools/score_corpus.py ../shared/corpus-dev`` (with the python that
runs this script, so the same virtualenv; the paths are taken from the repository root,
wherever this is started from) and prints the scorer's last line, its summary. Without the
corpus it says so and exits 0: the benchmarks never need it.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SCORER = ROOT.parent / "shared" / "tools" / "score_corpus.py"
CORPUS = ROOT.parent / "shared" / "corpus-dev"


def main() -> int:
    if not (CORPUS.is_dir() and SCORER.is_file()):
        print(f"no development corpus at {CORPUS} (or no scorer); nothing to score")
        return 0
    result = subprocess.run(
        [sys.executable, str(SCORER), str(CORPUS)], capture_output=True, text=True, cwd=ROOT
    )
    lines = result.stdout.strip().splitlines()
    print(lines[-1] if lines else f"the scorer printed nothing (exit {result.returncode})")
    if result.returncode:
        sys.stderr.write(result.stderr[-2000:])
    return result.returncode


if __name__ == "__main__":
    sys.exit(main())
