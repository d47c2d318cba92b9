"""Many small files: one batch command against one ``interview-parser`` process per file.

    python bench/batch.py                   # 2,000 files of 5 KB, a sample of 50 single runs
    python bench/batch.py --files 200 --sample 10

Writes the files (generated, different seeds) to a temporary folder, then times

- ``interview-parser convert FILES... --to json --out-dir DIR`` once with ``--jobs 1``
  and once with the default (one worker per core), all files in one command;
- ``interview-parser convert FILE --to json -o OUT`` as a new process for each of the
  first ``--sample`` files. The time of all files this way is extrapolated from that
  sample (its mean times the file count); running 2,000 processes would only confirm it.

Prints the times and the speed-up of the batch command over one process per file.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import small_files


def tool() -> str:
    beside = Path(sys.executable).parent / "interview-parser"
    if beside.exists():
        return str(beside)
    return shutil.which("interview-parser") or "interview-parser"


def timed(command: list[str]) -> float:
    began = time.perf_counter()
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    seconds = time.perf_counter() - began
    if result.returncode:
        raise SystemExit(f"{' '.join(command[:3])} ... failed:\n{result.stderr[-2000:]}")
    return seconds


def write_files(folder: Path, count: int, size: int) -> list[str]:
    paths = []
    for n, text in enumerate(small_files(count, size)):
        path = folder / f"interview-{n:05d}.txt"
        path.write_text(text, encoding="utf-8")
        paths.append(str(path))
    return paths


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=2000, help="how many files")
    parser.add_argument("--size", type=int, default=5000, help="bytes in each file")
    parser.add_argument("--sample", type=int, default=50, help="single-process runs timed")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        (folder / "in").mkdir()
        paths = write_files(folder / "in", args.files, args.size)
        print(f"{len(paths)} files of about {args.size // 1000} KB, {os.cpu_count()} cores")
        batch = [tool(), "convert", *paths, "--to", "json"]
        one = timed([*batch, "--out-dir", str(folder / "one"), "--jobs", "1"])
        many = timed([*batch, "--out-dir", str(folder / "many")])
        print(f"  batch, --jobs 1 (one process)           {one:8.1f} s")
        print(f"  batch, --jobs {os.cpu_count()} (default)              {many:8.1f} s")
        sample = paths[: args.sample]
        singles = [
            timed([tool(), "convert", p, "--to", "json", "-o", str(folder / "single.json")])
            for p in sample
        ]
        mean = sum(singles) / len(singles)
        estimate = mean * len(paths)
        print(f"  one process per file: {len(sample)} runs, mean {mean * 1000:.0f} ms")
        print(f"    extrapolated to {len(paths)} files           {estimate:8.1f} s")
        print(f"  speed-up of the default batch: {estimate / many:.0f}x", end="")
        print(f" (--jobs 1: {estimate / one:.0f}x); target at least 100x")


if __name__ == "__main__":
    main()
