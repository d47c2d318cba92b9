"""Time SRT and WebVTT export of a one-hour interview (about 9,000 words).

    python bench/subtitles.py     # median of 5 runs for each format and profile

The interview is generated from a fixed seed, so runs are comparable: two speakers taking
turns of 20 to 150 words, sentences of 5 to 25 words with commas, names and numbers.
Parsing is timed separately from export.
"""

from __future__ import annotations

import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

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


def best_of(runs: int, action: object) -> float:
    times = []
    for _ in range(runs):
        began = time.perf_counter()
        action()  # type: ignore[operator]
        times.append(time.perf_counter() - began)
    return statistics.median(times)


def main() -> None:
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


if __name__ == "__main__":
    main()
