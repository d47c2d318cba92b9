"""Throughput, scaling, memory and start-up time of interview-parser on generated text.

    python bench/run.py                  # 100 KB, 1 MB, 10 MB and 50 MB (a few minutes)
    python bench/run.py --quick          # 100 KB and 1 MB only, a smoke run
    python bench/run.py --sizes 1,10     # sizes in MB (0.1 is 100 KB)

Not part of the test suite, and nothing here asserts: it prints figures and, at the end,
each target of issue 7 with the measured value. Every time is the median of several runs
in this one process (5 below 10 MB, 3 from 10 MB up), after one warm-up parse.

- parse: ``interview_parser.parse`` on the text, to the model; also on a variant whose
  turns start ``[00:01:23] Name:``;
- ceiling: a compiled ``re.split`` on line-start labels over the same text, in the same run;
- parse + JSON against the ceiling: the sum of the medians, and (the figure the target
  is judged by) the minimum of interleaved runs of parse + JSON and of the ceiling, on
  the same text: on a shared machine the load weighs on both alike; the ratio of their
  CPU times is printed too (it leaves out waiting for a core, so it is the steadier one
  on a loaded machine);
- short turns: the same on a transcript of turns of about 520 bytes
  (``corpus.transcript(short=True)``), the minimum of interleaved runs;
- exporters: each format of ``EXPORTERS`` writing the parsed model as UTF-8 bytes to a
  stream (``Exporter.write`` into ``os.devnull``: what ``convert -o FILE`` does, without the
  disk); end to end is parse + write (the sum of the two medians). A format whose earlier
  sizes predict more than ``--budget`` seconds for its runs at a size is skipped there, and
  the table says so;
- memory: peak RSS of a child ``interview-parser convert --to json -o FILE`` on the largest
  size (``os.wait4`` gives that one child's ``ru_maxrss``), as a multiple of the file size;
- start-up: wall time of ``interview-parser check`` on a 5 KB file next to ``python -c pass``
  and ``python -c "import lark, pydantic, click"`` (this virtualenv's python, each a new
  process, the runs of the commands interleaved; ``convert`` is used when ``check`` does
  not exist), with bytecode as installed and without any (see :func:`measure_startup`).
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from corpus import transcript

import interview_parser as ip
from interview_parser.exporters import EXPORTERS, ExportOptions

MB = 1_000_000
# The ceiling: what any parser must at least do, find the labels at line starts.
LABELS = re.compile(r"^(?:\[\d\d:\d\d:\d\d\] )?([A-Z][\w.'() -]{0,40}):[ \t]", re.MULTILINE)


@dataclass
class Figures:
    """Medians in seconds, by size in bytes; filled as the run goes, printed at the end."""

    parse: dict[int, float] = field(default_factory=dict)
    ceiling: dict[int, float] = field(default_factory=dict)
    render: dict[str, dict[int, float]] = field(default_factory=dict)
    memory: tuple[int, int, int] | None = None  # size, child's peak RSS, idle child's RSS
    startup: dict[str, float] = field(default_factory=dict)
    short: dict[int, float] = field(default_factory=dict)  # parse + JSON / ceiling, short turns
    # parse + JSON / ceiling on the usual transcript, minimum of interleaved runs
    interleaved: dict[int, float] = field(default_factory=dict)


def median_time(action: Callable[[], object], runs: int) -> float:
    times = []
    for _ in range(runs):
        began = time.perf_counter()
        action()
        times.append(time.perf_counter() - began)
    return statistics.median(times)


def runs_for(size: int) -> int:
    return 5 if size < 10 * MB else 3


def label(size: int) -> str:
    return f"{size // 1000} KB" if size < MB else f"{size // MB} MB"


def rate(size: int, seconds: float) -> str:
    return f"{size / MB / seconds:8.2f} MB/s" if seconds else "       - MB/s"


def bench_size(size: int, figures: Figures, budget: float) -> None:
    """Parse, ceiling and every exporter at one size; prints one block of lines."""
    runs = runs_for(size)
    print(f"\n== {label(size)} ({runs} runs each)")
    for timestamped in (False, True):
        text = transcript(size, timestamped=timestamped)
        parse = median_time(partial(ip.parse, text), runs)
        ceiling = median_time(partial(LABELS.split, text), runs)
        name = "parse [hh:mm:ss] Name:" if timestamped else "parse"
        print(f"  {name:24}{rate(size, parse)}   ceiling re.split {rate(size, ceiling)}", end="")
        print(f"   parse/ceiling {parse / ceiling:6.1f}x")
        if not timestamped:
            figures.parse[size], figures.ceiling[size] = parse, ceiling
            model = ip.parse(text)
    for name, exporter in EXPORTERS.items():
        times = figures.render.setdefault(name, {})
        count = runs if _estimate(times, size) * runs <= budget else 1
        if _estimate(times, size) > budget:
            print(f"  {name:24}skipped: about {_estimate(times, size):.0f} s a run (--budget)")
            continue
        with open(os.devnull, "wb") as sink:
            write = partial(exporter.write, model, ExportOptions(), sink)
            times[size] = median_time(write, count)
        end_to_end = figures.parse[size] + times[size]
        print(f"  {name:24}{rate(size, times[size])} written alone,", end="")
        print(f" {rate(size, end_to_end)} end to end" + ("  (1 run: slow)" if count == 1 else ""))
    json_total = figures.parse[size] + figures.render["json"].get(size, float("nan"))
    print(f"  parse + json / ceiling: {json_total / figures.ceiling[size]:.1f}x (medians)")
    # (five interleaved runs at least: a minimum of three is at the mercy of the load)
    figures.interleaved[size] = interleaved_ratio(transcript(size), max(runs, 5), "parse + json")
    bench_short_turns(size, figures, max(runs, 5))


def interleaved_ratio(text: str, runs: int, name: str) -> float:
    """Parse + JSON against the ceiling on ``text``: the runs of the two are interleaved and
    the minimum of each is kept (the machine is shared); prints one line."""
    json_exporter = EXPORTERS["json"]

    def parse_and_json() -> None:
        with open(os.devnull, "wb") as sink:
            json_exporter.write(ip.parse(text), ExportOptions(), sink)

    parse_and_json()  # warm-up
    totals, ceilings = [], []
    cpu_totals, cpu_ceilings = [], []
    for _ in range(runs):
        for action, walls, cpus in (
            (parse_and_json, totals, cpu_totals),
            (partial(LABELS.split, text), ceilings, cpu_ceilings),
        ):
            cpu, wall = time.process_time(), time.perf_counter()
            action()
            walls.append(time.perf_counter() - wall)
            cpus.append(time.process_time() - cpu)
    ratio = min(totals) / min(ceilings)
    size = len(text)
    print(f"  {name} {rate(size, min(totals))}", end="")
    print(f"   ceiling re.split {rate(size, min(ceilings))}   ratio {ratio:.1f}x (min of {runs})")
    # (CPU time leaves out the waits for a core of a loaded machine: the steadier ratio there)
    cpu, cpu_ceiling = min(cpu_totals), min(cpu_ceilings)
    print(f"  {'':24}CPU: {cpu * 1000:.0f} ms / {cpu_ceiling * 1000:.0f} ms", end="")
    print(f" = {cpu / cpu_ceiling:.1f}x")
    return ratio


def bench_short_turns(size: int, figures: Figures, runs: int) -> None:
    """Parse + JSON against the ceiling on a transcript of short turns (about 520 bytes a
    turn), where the cost of each turn weighs more than the cost of each byte."""
    text = transcript(size, short=True)
    figures.short[size] = interleaved_ratio(text, runs, "short turns: parse + json")


def _estimate(times: dict[int, float], size: int) -> float:
    """Seconds a render of ``size`` should take, from the largest size measured before."""
    if not times:
        return 0.0
    largest = max(times)
    return times[largest] * size / largest


def measure_memory(size: int, folder: Path, figures: Figures) -> None:
    source = folder / f"interview-{label(size).replace(' ', '')}.txt"
    source.write_text(transcript(size), encoding="utf-8")
    command = [_tool(), "convert", str(source), "--to", "json", "-o", str(folder / "out.json")]
    peak = _peak_rss(command)
    idle = _peak_rss([_tool(), "formats"])
    figures.memory = (size, peak, idle)
    print(f"\n== memory: convert {label(size)} to JSON in a child process")
    print(f"  peak RSS {peak / MB:.0f} MB = {peak / size:.1f}x the file")
    print(f"  (`interview-parser formats`, nothing parsed: {idle / MB:.0f} MB;")
    print(f"  above that, converting took {(peak - idle) / size:.1f}x the file)")


# A small helper process starts the command and reports that one child's peak RSS. Not
# this process: on Linux a child's ru_maxrss starts from its parent's high-water mark, and
# this process holds the parsed 50 MB transcript.
_MEASURE = (
    "import os, subprocess, sys\n"
    "child = subprocess.Popen(sys.argv[1:], stdout=subprocess.DEVNULL)\n"
    "_, status, usage = os.wait4(child.pid, 0)\n"
    "print(os.waitstatus_to_exitcode(status), usage.ru_maxrss)\n"
)


def _peak_rss(command: list[str]) -> int:
    """Peak resident memory of one child process, in bytes (Linux reports KiB)."""
    result = subprocess.run(
        [sys.executable, "-c", _MEASURE, *command], capture_output=True, text=True, check=True
    )
    code, kib = map(int, result.stdout.split())
    if code:
        raise SystemExit(f"{command[:2]} failed with {code}")
    return kib * 1024


def _tool() -> str:
    beside = Path(sys.executable).parent / "interview-parser"
    if beside.exists():
        return str(beside)
    return shutil.which("interview-parser") or "interview-parser"


def measure_startup(folder: Path, figures: Figures, runs: int = 11) -> None:
    """Wall time of ``check`` on 5 KB against bare Python, in two settings.

    *As installed*: every module loads from compiled bytecode, as after ``pip install``
    (which compiles it) and in a pre-commit hook's environment; the baseline's libraries
    have theirs in site-packages. The bytecode goes to a temporary ``PYTHONPYCACHEPREFIX``
    folder (never next to the package), filled by one untimed run of each command. The
    target is measured this way. *No bytecode*: the environment as it is; with
    ``PYTHONDONTWRITEBYTECODE=1`` and an editable install Python compiles this package's
    source in every process, which the libraries in the baseline never pay.
    """
    small = folder / "small.txt"
    small.write_text(transcript(5_000, seed=3), encoding="utf-8")
    has_check = subprocess.run([_tool(), "check", "--help"], capture_output=True).returncode == 0
    command = "check" if has_check else "convert"
    commands = {
        "python -c pass": [sys.executable, "-c", "pass"],
        "python -c 'import lark, pydantic, click'": [
            sys.executable,
            "-c",
            "import lark, pydantic, click",
        ],
        f"interview-parser {command} (5 KB)": [_tool(), command, str(small)],
    }
    installed = dict(os.environ, PYTHONPYCACHEPREFIX=str(folder / "pycache"))
    installed.pop("PYTHONDONTWRITEBYTECODE", None)
    bare = dict(os.environ, PYTHONDONTWRITEBYTECODE="1")
    print(f"\n== start-up: wall time of a new process, median of {runs} interleaved runs")
    if not has_check:
        print("  (`check` does not exist here yet; `convert` stands in for it)")
    print(f"  {'':44}{'installed':>10}{'no bytecode':>13}")
    times: dict[tuple[str, bool], list[float]] = {}
    for argv in commands.values():
        subprocess.run(argv, capture_output=True, env=installed)  # fills the bytecode folder
    # One run of each command in turn, so that a change in the load weighs on them alike.
    for _ in range(runs):
        for name, argv in commands.items():
            for cached, env in ((True, installed), (False, bare)):
                run = partial(subprocess.run, argv, capture_output=True, env=env)
                times.setdefault((name, cached), []).append(median_time(run, 1))
    for name in commands:
        figures.startup[name] = statistics.median(times[name, True])
        without = statistics.median(times[name, False])
        print(f"  {name:44}{figures.startup[name] * 1000:7.0f} ms{without * 1000:10.0f} ms")


def report_targets(figures: Figures) -> None:
    """Each target of issue 7 next to the measured value (reported, never asserted)."""
    print("\n== targets")
    rows: list[tuple[str, str, bool | None]] = []
    ten = 10 * MB
    if ten in figures.interleaved:
        ratio = figures.interleaved[ten]
        name = "parse + JSON of 10 MB within 4x re.split (interleaved minimums)"
        rows.append((name, f"{ratio:.1f}x", ratio <= 4))
    if figures.short:
        largest = max(figures.short)
        ratio = figures.short[largest]
        name = f"parse + JSON of {label(largest)} of short turns within 4x re.split"
        rows.append((name, f"{ratio:.1f}x", ratio <= 4))
    small, large = MB, max(figures.parse, default=0)
    if small in figures.parse and large > small:
        growth = (figures.parse[large] / large) / (figures.parse[small] / small)
        name = f"time/MB at {label(large)} <= 1.2x time/MB at 1 MB (parse)"
        rows.append((name, f"{growth:.2f}x", growth <= 1.2))
    if figures.memory and figures.memory[0] >= 50 * MB:  # the target is for the 50 MB file
        size, peak, _ = figures.memory
        name = f"peak memory converting {label(size)} <= 6x its size"
        rows.append((name, f"{peak / size:.1f}x", peak / size <= 6))
    names = list(figures.startup)
    if len(names) == 3:
        ratio = figures.startup[names[2]] / figures.startup[names[1]]
        rows.append(
            (
                f"{names[2]} within 1.5x import lark, pydantic, click (installed)",
                f"{ratio:.2f}x",
                ratio <= 1.5,
            )
        )
    for name, value, met in rows:
        print(f"  {'met ' if met else 'MISS'}  {name:66}{value:>8}")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="0.1,1,10,50", help="sizes in MB, comma-separated")
    parser.add_argument("--quick", action="store_true", help="100 KB and 1 MB only")
    parser.add_argument(
        "--budget",
        type=float,
        default=150.0,
        help="seconds: one run, not several, of an exporter predicted slower than this; "
        "skip it when one run would be",
    )
    parser.add_argument(
        "--no-throughput",
        action="store_true",
        help="only memory (at the largest size) and start-up",
    )
    args = parser.parse_args(argv)
    sizes = [int(float(s) * MB) for s in ("0.1,1" if args.quick else args.sizes).split(",")]
    figures = Figures()
    ip.parse(transcript(20_000))  # build the grammars before anything is timed
    print(
        f"python {sys.version.split()[0]}, {os.cpu_count()} cores, interview-parser "
        f"{ip.__version__}"
    )
    for size in [] if args.no_throughput else sorted(sizes):
        bench_size(size, figures, args.budget)
    if figures.parse.get(MB) and len(figures.parse) > 1:
        print("\n== time per MB (parse; parse + json)")
        for size in sorted(figures.parse):
            json = figures.render["json"].get(size, float("nan"))
            print(
                f"  {label(size):8}{figures.parse[size] / size * MB * 1000:8.0f} ms"
                f"{(figures.parse[size] + json) / size * MB * 1000:8.0f} ms"
            )
    with tempfile.TemporaryDirectory() as folder:
        measure_memory(max(sizes), Path(folder), figures)
        measure_startup(Path(folder), figures)
    report_targets(figures)


if __name__ == "__main__":
    main()
