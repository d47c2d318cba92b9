"""Accuracy on the development corpus, when it is there (it is not part of this repository).

    python bench/accuracy.py              # the whole corpus: turns, speakers, roles, pairs
    python bench/accuracy.py --half a     # half A of bench/corpus_split.json (or b)

Runs the corpus's own scorers, ``../shared/tools/score_corpus.py`` (turns, speakers,
interviewers) and ``../shared/tools/score_pairs.py`` (question-answer pairs), on
``../shared/corpus-dev`` (pairs also on ``../shared/seed``), with the ``interview-parser``
of the python running this script (so the same virtualenv); the paths are taken from the
repository root, wherever this is started from. Prints each scorer's summary line: these
are the figures the README's accuracy section shows.

``bench/corpus_split.json`` splits the corpus in two halves by source (it holds file names
only): build with one half in view, then score the other to see whether a change holds on
files it was not made on. A half is scored through a temporary folder of symbolic links.
Without the corpus this says so and exits 0: the benchmarks never need it.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
TOOLS = SHARED / "tools"
CORPUS = SHARED / "corpus-dev"
SEED = SHARED / "seed"
SPLIT = Path(__file__).resolve().parent / "corpus_split.json"


def _score(tool: str, folders: list[Path]) -> tuple[str, int]:
    """The last line a scorer prints, and its exit code."""
    env = dict(os.environ)
    env["PATH"] = f"{Path(sys.executable).parent}{os.pathsep}{env.get('PATH', '')}"
    result = subprocess.run(
        [sys.executable, str(TOOLS / tool), *map(str, folders)],
        capture_output=True, text=True, cwd=ROOT, env=env,
    )  # fmt: skip
    lines = result.stdout.strip().splitlines()
    if result.returncode:
        sys.stderr.write(result.stderr[-2000:])
    return (lines[-1] if lines else f"{tool} printed nothing"), result.returncode


def half_folder(half: str, into: Path) -> Path:
    """A folder of links to the corpus files of ``half`` (``a`` or ``b``) of the split."""
    names = json.loads(SPLIT.read_text(encoding="utf-8"))[f"half_{half}"]
    folder = into / f"half-{half}"
    folder.mkdir()
    for name in names:
        for found in sorted(CORPUS.glob(f"{name}.*")):
            if found.name.removeprefix(name) in (".txt", ".json", ".pairs.json"):
                (folder / found.name).symlink_to(found)
    return folder


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--half", choices=["a", "b"], help="score one half of the split")
    args = parser.parse_args(argv)
    if not (CORPUS.is_dir() and (TOOLS / "score_corpus.py").is_file()):
        print(f"no development corpus at {CORPUS} (or no scorers); nothing to score")
        return 0
    with tempfile.TemporaryDirectory() as scratch:
        if args.half:
            folder = half_folder(args.half, Path(scratch))
            turns_in, pairs_in = [folder], [folder]
        else:
            folder = CORPUS
            turns_in, pairs_in = [CORPUS], [SEED, CORPUS] if SEED.is_dir() else [CORPUS]
        count = len(list(folder.glob("*.txt")))
        print(f"corpus: {'half ' + args.half.upper() if args.half else 'whole'} "
              f"({count} transcripts)")  # fmt: skip
        turns, code = _score("score_corpus.py", turns_in)
        print(f"turns:  {turns}")
        pairs, pairs_code = _score("score_pairs.py", pairs_in)
        print(f"pairs:  {pairs}")
    return code or pairs_code


if __name__ == "__main__":
    sys.exit(main())
