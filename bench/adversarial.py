"""Hostile input (issue 17): every crafted input at growing sizes, and the judged figures.

    python bench/adversarial.py             # 10 kB, 100 kB, 1 MB; then the judged figures
    python bench/adversarial.py --quick     # 10 kB and 100 kB; the figures at a tenth
    python bench/adversarial.py --only sentence,steering

Each crafted input is run through the stage it attacks, in this process (the minimum of
three runs, or one run when it takes over 2 s: the machine is shared, the minimum is the
least disturbed), at each size. Its
line shows the seconds and the growth from one size to the next, ten times larger:
about 10x is linear, 100x quadratic. The judged figures run the command line in a child
process and report its wall time and peak memory (RSS):

- a 376-byte "billion laughs" YAML front matter, refused (under 1 s, within 200 MB);
- ``check`` of 4 kB of blanks after ``disable=`` (under 1 s);
- 100,000 distinct labels converted to JSON and checked (under 10 s each);
- 20,000 speakers to Markdown, Podcasting 2.0 JSON and HTML (once quadratic);
- 1,000,000 short lines to JSON, Podcasting 2.0 JSON and SRT, their peak memory against
  ``bench/run.py``'s bound of six times the file.

Nothing is asserted: the figures are printed for a person to read (and to paste in a report).
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import itertools
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from interview_parser import InterviewParserError, parse
from interview_parser.checks.runner import check_bytes
from interview_parser.exporters import ExportOptions, export
from interview_parser.resolve import labels

KB = 1000
MB = 1000 * KB


def _fit(unit: str, size: int) -> str:
    """``unit`` repeated to about ``size`` characters."""
    return unit * max(1, size // len(unit))


def _check(text: str) -> None:
    check_bytes(text.encode("utf-8"), path="crafted")


def _parse(text: str) -> None:
    with contextlib.suppress(InterviewParserError):  # a refusal is an answer too
        parse(text)


def _as(dialect: str) -> Callable[[str], None]:
    """Parse with the dialect forced (detection reads only the first 100,000 characters)."""

    def run(text: str) -> None:
        with contextlib.suppress(InterviewParserError):
            parse(text, dialect=dialect)

    return run


def _to(fmt: str) -> Callable[[str], None]:
    def run(text: str) -> None:
        export(parse(text), fmt, ExportOptions())

    return run


# name -> (what it attacks, the crafted input at a size, the stage that reads it)
CRAFTED: dict[str, tuple[str, Callable[[int], str], Callable[[str], None]]] = {
    "directive": (
        "checks/suppress.py: `disable=` then blanks (check, fmt)",
        lambda n: "Host: Hi.\nGuest: <!-- interview-parser: disable=" + " " * n + "\n",
        _check,
    ),
    "comment": (
        "grammars/notes.lark COMMENT: many `<!--` in a turn",
        lambda n: "Host: " + _fit("<!-- a ", n) + "\nGuest: Yes.\n",
        _parse,
    ),
    "comments closed": (
        "resolve/notes.py: many closed comments on one long line",
        lambda n: "Host: " + _fit("<!-- a --> word ", n) + "\nGuest: Yes.\n",
        _parse,
    ),
    "stage notes": (
        "resolve/notes.py: many stage notes in one turn",
        lambda n: "Host: " + _fit("[laughter] word ", n) + "\nGuest: Yes.\n",
        _parse,
    ),
    "sentence": (
        "resolve/conduct.py sentence: a long run without an end, then `¿`",
        lambda n: "Host: Hi?\nGuest: " + "a" * n + "¿\nHost: And?\n",
        _parse,
    ),
    "steering": (
        "resolve/conduct.py steering: `what about it` paragraphs",
        lambda n: "Host: Hi?\nGuest: " + _fit("what about it\n", n) + "Host: And?\n",
        _parse,
    ),
    "label-like": (
        "checks/speakers.py label-like line: `Abc`, blanks, `x` (check)",
        lambda n: "Host: Hi.\nGuest: Yes.\nAbc" + " " * n + "x\n",
        _check,
    ),
    "glued search": (
        "checks/syntax.py glued-label search: blank lines (IP604 reports each), then `Host:x`",
        lambda n: "Host: Hi.\nGuest: Yes.\n" + "\n" * n + "Host:x\n",
        _check,
    ),
    "markup search": (
        "checks/markup.py markup search over the text: lines of `<b` and no `>`",
        lambda n: "Host: Hi.\nGuest: " + _fit("<b x\n", n) + "Host: And?\n",
        _check,
    ),
    "markup voice": (
        "resolve/labels.py markup: a long voice `<v B _ _ ... C>`",
        lambda n: "WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n<v B " + _fit("_ ", n) + "C>Hi\n",
        _as("vtt"),
    ),
    "markup json": (
        "resolve/labels.py markup: a long JSON speaker `B _ _ ... C`",
        lambda n: '{"segments": [{"speaker": "B ' + _fit("_ ", n) + 'C", "body": "Hi"}]}',
        _as("podcast-json"),
    ),
    "numbered questions": (
        "grammars/common.lark LABEL_NUMBERED: a paragraph of lines that open with a number",
        lambda n: "1. Why?\n\nBecause.\n\n" + _fit("1. word\n", n),
        _as("numbered-questions"),
    ),
    "page headers": (
        "dialects/numbers.py: a running header that names its page on every other line",
        lambda n: "".join(
            f"Host: Hi, {i}?\nReport    Page {i} of 9\n" for i in range(1, max(2, n // 30))
        ),
        _parse,
    ),
    "chat stamps": (
        "grammars/common.lark DATE, resolve/notes.py time marks: dated times on one long line",
        lambda n: (
            "12/03/2026, 09:14 - Ana: Hi?\n12/03/2026, 09:15 - Ben: "
            + _fit("12/03/2026, 09:16 ", n)
            + "\n"
        ),
        _parse,
    ),
    "teams cues": (
        "dialects/captions.py: a name line above the words of every cue",
        lambda n: "".join(
            f"0:0:{i % 60}.0 --> 0:0:{i % 60}.500\n{('Ana Lee', 'Ben Ode')[i % 2]}\nWords.\n\n"
            for i in range(max(4, n // 40))
        ),
        _parse,
    ),
    "short lines json": (
        "short labelled lines to JSON",
        lambda n: _fit("Host: Hi?\nGuest: Yes.\n", n),
        _to("json"),
    ),
    "short lines srt": (
        "short labelled lines to SRT",
        lambda n: _fit("Host: Hi?\nGuest: Yes.\n", n),
        _to("srt"),
    ),
    "single line srt": (
        "one long line to SRT",
        lambda n: "Host: " + _fit("word ", n) + "\n",
        _to("srt"),
    ),
    "labels json": (
        "distinct labels, one turn each, to JSON",
        lambda n: "".join(f"Name{i:06d}x: Word.\n" for i in range(max(1, n // 19))),
        _to("json"),
    ),
    "labels check": (
        "distinct labels, one turn each, checked (the label-typo rule)",
        lambda n: "".join(f"Name{i:06d}x: Word.\n" for i in range(max(1, n // 19))),
        _check,
    ),
}


def _forget() -> None:
    """Empty the caches of label analysis: a run must not find the previous run's labels."""
    for function in (labels.analyse, labels._without_layout):
        function.cache_clear()


def _best_of(function: Callable[[], object], runs: int) -> float:
    """The fastest of ``runs`` runs; of one run only when it took over 2 s."""
    times: list[float] = []
    while len(times) < runs and (not times or times[0] <= 2.0):
        _forget()
        start = time.perf_counter()
        function()
        times.append(time.perf_counter() - start)
    return min(times)


def growth(names: list[str], sizes: list[int]) -> None:
    print("== crafted inputs: seconds (best of 3 runs, 1 run over 2 s) and growth a 10x step")
    head = "".join(f"{_label(s):>10}" for s in sizes)
    print(f"  {'input':18}{head}   growth a 10x step")
    for name in names:
        what, make, stage = CRAFTED[name]
        seconds = []
        for size in sizes:
            text = make(size)
            seconds.append(_best_of(functools.partial(stage, text), 3))
        cells = "".join(f"{s:10.3f}" for s in seconds)
        steps = " ".join(f"{b / a:5.1f}x" for a, b in itertools.pairwise(seconds))
        print(f"  {name:18}{cells}   {steps}   {what}")


def _label(size: int) -> str:
    return f"{size // MB} MB" if size >= MB else f"{size // KB} kB"


# -- the judged figures, each in a child process ----------------------------------------

_MEASURE = (
    "import os, subprocess, sys, time\n"
    "start = time.perf_counter()\n"
    "child = subprocess.Popen(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)\n"
    "_, status, usage = os.wait4(child.pid, 0)\n"
    "seconds = time.perf_counter() - start\n"
    "error = child.stderr.read().decode(errors='replace').strip().splitlines()[:1]\n"
    "print(os.waitstatus_to_exitcode(status), usage.ru_maxrss, seconds, *error)\n"
)


def _tool() -> str:
    found = Path(sys.executable).with_name("interview-parser")
    return str(found) if found.exists() else "interview-parser"


def run_child(arguments: list[str]) -> tuple[int, float, float, str]:
    """Exit code, peak RSS in MB, wall seconds and first stderr line of one command."""
    result = subprocess.run(
        [sys.executable, "-c", _MEASURE, _tool(), *arguments],
        capture_output=True,
        text=True,
        check=True,
    )
    code, kib, seconds, *error = result.stdout.split(maxsplit=3)
    return int(code), int(kib) / 1024, float(seconds), " ".join(error)


def billion_laughs() -> str:
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for previous, name in zip("abcdefgh", "bcdefghi", strict=True):
        lines.append(f"{name}: &{name} [" + ",".join([f"*{previous}"] * 9) + "]")
    return "---\n" + "\n".join(lines) + "\n---\nHost: Hello.\nGuest: Hi.\n"


def judged(folder: Path, scale: float) -> None:
    print("\n== judged figures (child processes: exit code, wall time, peak RSS)")
    # (about 0.2 s and 40 MB of that is starting Python and importing the tool)
    code, rss, seconds, _ = run_child(["formats"])
    print(f"  {'start-up alone (`formats`)':52} exit {code}  {seconds:6.2f} s  {rss:6.0f} MB")
    files = {
        "billion-laughs.txt": billion_laughs(),
        "disable-blanks.txt": "Host: Hi.\n<!-- interview-parser: disable=" + " " * 4000 + "\n",
        "labels.txt": "".join(f"Name{i:06d}x: Word {i}.\n" for i in range(int(100_000 * scale))),
        "speakers.txt": "".join(
            f"Name{i:06d}x: Word {i}.\nName{i:06d}x: Again.\n" for i in range(int(20_000 * scale))
        ),
        "short-lines.txt": "Host: Hi?\nGuest: Yes.\n" * int(500_000 * scale),
    }
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    laughs = len(files["billion-laughs.txt"].split("---")[1])
    count = int(100_000 * scale)
    runs = [
        (
            f"billion laughs ({laughs} B of YAML): convert --to json",
            "billion-laughs.txt",
            ["convert", "--to", "json"],
        ),
        ("4 kB of blanks after disable=: check", "disable-blanks.txt", ["check"]),
        ("4 kB of blanks after disable=: fmt --check", "disable-blanks.txt", ["fmt", "--check"]),
        (
            f"{count:,} distinct labels: convert --to json",
            "labels.txt",
            ["convert", "--to", "json"],
        ),
        (f"{count:,} distinct labels: check", "labels.txt", ["check"]),
    ]
    for fmt in ("markdown", "podcast-json", "podcast-html", "podcast"):
        runs.append(
            (
                f"{int(20_000 * scale):,} speakers: convert --to {fmt}",
                "speakers.txt",
                ["convert", "--to", fmt],
            )
        )
    lines = files["short-lines.txt"].count("\n")
    for fmt in ("json", "podcast-json", "srt"):
        runs.append(
            (
                f"{lines:,} short lines: convert --to {fmt}",
                "short-lines.txt",
                ["convert", "--to", fmt, "-o", str(folder / "out")],
            )
        )
    for title, name, arguments in runs:
        code, rss, seconds, error = run_child([*arguments[:1], str(folder / name), *arguments[1:]])
        print(f"  {title:52} exit {code}  {seconds:6.2f} s  {rss:6.0f} MB  {error[:70]}")
    size = (folder / "short-lines.txt").stat().st_size / MB
    print(
        f"  (the short-lines file is {size:.1f} MB: bench/run.py's bound, 6x, is {6 * size:.0f} MB)"
    )


def _reference() -> str:
    """How fast this machine is right now: a fixed loop of plain Python, to scale by."""
    start = time.perf_counter()
    table: dict[int, int] = {}
    for i in range(1_000_000):
        table.setdefault(hash(("reference", i)), i)
    seconds = time.perf_counter() - start
    return f"1,000,000 dict inserts take {seconds:.2f} s (a yardstick: lower is less disturbed)"


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="10 kB and 100 kB; figures / 10")
    parser.add_argument("--only", help="crafted inputs to run, comma-separated")
    parser.add_argument("--no-judged", action="store_true", help="skip the judged figures")
    options = parser.parse_args(argv)
    sizes = [10 * KB, 100 * KB] if options.quick else [10 * KB, 100 * KB, MB]
    names = options.only.split(",") if options.only else list(CRAFTED)
    print(f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores; {_reference()}")
    growth(names, sizes)
    if not options.no_judged:
        with tempfile.TemporaryDirectory() as folder:
            judged(Path(folder), 0.1 if options.quick else 1.0)


if __name__ == "__main__":
    main()
