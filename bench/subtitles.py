"""Time SRT and WebVTT export of a one-hour interview (about 9,000 words), and SRT against
JSON on 1 MB, end to end.

    python bench/subtitles.py            # the interview, then the 1 MB comparison
    python bench/subtitles.py --quick    # fewer runs

The interview is generated from a fixed seed, so runs are comparable: two speakers taking
turns of 20 to 150 words, sentences of 5 to 25 words with commas, names and numbers.
Parsing is timed separately from export.

The 1 MB comparison (issue 14's target: SRT within 3x of the JSON conversion) runs
``interview-parser convert FILE --to json|srt -o OUT`` as child processes on the 1 MB
transcript of ``bench/corpus.py`` and reports the median CPU time (user + system, from
``os.wait4``: on a shared machine wall time mostly measures the neighbours) and the median
wall time. Then it times SRT export alone on 1,000,000 short turns scaled down (50,000 and
200,000 turns) and on one turn of 1 MB and 4 MB, to show both grow linearly.
"""

from __future__ import annotations

import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from corpus import transcript as corpus_transcript

from interview_parser import parse
from interview_parser.exporters import ExportOptions, export

_VOCABULARY = (
    "the a harbour storm seagrass boats council vote repair stones winter season fishing "
    "town skippers water nursery catch design force waves grass contractors sections "
    "we they it is was will could would should have had been about with from into of and "
    "but because when which that really perhaps certainly every year month morning 1989 "
    "twelve Kelmouth Okafor University North Sea breakwater survey spring"
)
WORDS = _VOCABULARY.split()


def interview(words: int = 9000, seed: int = 4) -> str:
    rng = random.Random(seed)
    lines, count, speaker = [], 0, 0
    while count < words:
        turn: list[str] = []
        for _ in range(rng.randint(1, 6)):
            sentence = [rng.choice(WORDS) for _ in range(rng.randint(5, 25))]
            sentence[0] = sentence[0].capitalize()
            if len(sentence) > 8:
                sentence[rng.randint(3, len(sentence) - 3)] += ","
            turn.append(" ".join(sentence) + rng.choice(".?!."))
        text = " ".join(turn)
        count += len(text.split())
        lines.append(f"{('Host', 'Prof. Okafor')[speaker]}: {text}")
        speaker ^= 1
    return "\n".join(lines) + "\n"


def best_of(runs: int, action: object, clock: object = time.perf_counter) -> float:
    """The median of ``runs`` timings of ``action`` by ``clock`` (wall time by default)."""
    times = []
    for _ in range(runs):
        began = clock()  # type: ignore[operator]
        action()  # type: ignore[operator]
        times.append(clock() - began)  # type: ignore[operator]
    return statistics.median(times)


def _child(command: list[str]) -> tuple[float, float]:
    """CPU seconds (user + system) and wall seconds of one child process."""
    began = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL)
    _, status, usage = os.wait4(process.pid, 0)
    if status:
        raise SystemExit(f"failed: {' '.join(command)}")
    return usage.ru_utime + usage.ru_stime, time.perf_counter() - began


def compare_one_megabyte(runs: int) -> None:
    tool = shutil.which("interview-parser") or "interview-parser"
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / "one-megabyte.txt"
        source.write_text(corpus_transcript(1_000_000), encoding="utf-8")
        figures: dict[str, tuple[float, float]] = {}
        for fmt in ("json", "srt"):
            out = str(Path(folder) / f"out.{fmt}")
            samples = [_child([tool, "convert", str(source), "--to", fmt, "-o", out])
                       for _ in range(runs)]  # fmt: skip
            figures[fmt] = (statistics.median(c for c, _ in samples),
                            statistics.median(w for _, w in samples))  # fmt: skip
            cpu, wall = figures[fmt]
            print(f"1 MB convert --to {fmt:4}  {cpu:5.2f} s CPU  {wall:5.2f} s wall "
                  f"(median of {runs})")  # fmt: skip
        ratio = figures["srt"][0] / figures["json"][0]
        print(f"SRT / JSON, CPU: {ratio:.2f}x (target 3x: {'met' if ratio <= 3 else 'missed'})")


def scaling(runs: int) -> None:
    for turns in (50_000, 200_000):
        text = "".join(f"{('Host', 'Guest')[i % 2]}: ok {i}\n" for i in range(turns))
        t = parse(text)
        seconds = best_of(runs, lambda t=t: export(t, "srt"), time.process_time)
        each = seconds / turns * 1e6
        print(f"SRT, {turns:7} short turns: {seconds:6.2f} s CPU, {each:5.1f} us a turn")
    rng = random.Random(3)
    for size in (1_000_000, 4_000_000):
        words, used = [], 0
        while used < size:
            word = rng.choice(WORDS)
            words.append(word)
            used += len(word) + 1
        t = parse("Host: " + " ".join(words) + "\n")
        seconds = best_of(max(1, runs // 2), lambda t=t: export(t, "srt"), time.process_time)
        print(f"SRT, one turn of {size // 1_000_000} MB: {seconds:6.2f} s CPU, "
              f"{seconds / size * 1e6:5.2f} s a MB")  # fmt: skip


def main() -> None:
    runs = 1 if "--quick" in sys.argv else 5
    text = interview()
    print(f"parse:        {best_of(5, lambda: parse(text)) * 1000:.0f} ms (median of 5)")
    transcript = parse(text)
    words = sum(len(turn.text.split()) for turn in transcript.turns)
    print(f"interview:    {words} words in {len(transcript.turns)} turns")
    for fmt in ("srt", "vtt"):
        for profile in ("netflix", "bbc", "podcast"):
            options = ExportOptions(profile=profile)
            seconds = best_of(5, lambda f=fmt, o=options: export(transcript, f, o))
            cues = export(transcript, fmt, options).count(" --> ")
            print(f"{fmt} {profile:8} {seconds * 1000:4.0f} ms (median of 5), {cues} cues")
    compare_one_megabyte(runs)
    scaling(runs)


if __name__ == "__main__":
    main()
