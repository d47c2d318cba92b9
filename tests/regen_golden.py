"""Regenerate the golden files: every sample in samples/ in every exported format, plus the
variants (a format with other options, e.g. the html page with a recording).

    python tests/regen_golden.py          # rewrite tests/golden/
    python tests/regen_golden.py --check  # exit 1 if any golden file is stale

Golden files are produced by this command and reviewed in the diff, never edited by hand.
tests/test_golden.py compares the current output with them.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
GOLDEN = ROOT / "tests" / "golden"

sys.path.insert(0, str(ROOT))

from interview_parser import Transcript, parse_file  # noqa: E402
from interview_parser.exporters import EXPORTERS, ExportOptions  # noqa: E402


@dataclass(frozen=True)
class Variant:
    """A golden set beside the one per format: a format rendered with other options, for
    the samples ``applies`` accepts."""

    fmt: str
    options: ExportOptions
    applies: Callable[[Transcript], bool]


def _all_timed(transcript: Transcript) -> bool:
    return all(turn.start is not None for turn in transcript.turns)


VARIANTS = {
    # The transcript page with a recording beside it: where every turn has a written time,
    # the page follows the recording (play buttons, the script's "follow").
    "html-audio": Variant("html", ExportOptions(audio="recording.ogg"), _all_timed),
}


def sample_files() -> list[Path]:
    return sorted(p for p in SAMPLES.iterdir() if p.is_file() and not p.name.startswith("."))


def golden_sets() -> list[str]:
    """Every format's name, then the variants' names (each a folder of tests/golden/)."""
    return [*EXPORTERS, *VARIANTS]


def cases() -> list[tuple[Path, str]]:
    """(sample, golden set) for every golden file there should be."""
    found = []
    for name in golden_sets():
        variant = VARIANTS.get(name)
        for sample in sample_files():
            if variant is None or variant.applies(parse(sample)):
                found.append((sample, name))
    return found


def golden_path(sample: Path, name: str) -> Path:
    fmt = VARIANTS[name].fmt if name in VARIANTS else name
    return GOLDEN / name / (sample.name + EXPORTERS[fmt].suffix)


def parse(sample: Path) -> Transcript:
    # Parse with the path relative to the repository, so goldens do not depend on the clone.
    here = os.getcwd()
    os.chdir(ROOT)
    try:
        return parse_file(sample.relative_to(ROOT).as_posix())
    finally:
        os.chdir(here)


def render(sample: Path, name: str) -> str:
    if name in VARIANTS:
        variant = VARIANTS[name]
        return EXPORTERS[variant.fmt].render(parse(sample), variant.options)
    return EXPORTERS[name].render(parse(sample))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only report stale files")
    args = parser.parse_args()
    stale = 0
    for sample, name in cases():
        path = golden_path(sample, name)
        text = render(sample, name)
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
