"""Forced alignment speed and memory: a two-minute interview and a one-hour recording.

The two-minute interview is synthesized by espeak-ng (tests/align_synth.py); the hour is
that interview's audio and transcript repeated end to end. Each size is aligned in a fresh
process, reporting CPU time, wall time (both as a share of the audio's length; the machine
is shared, so wall time is noisy: repeat and take the minimum), peak memory, and the turn
start error against the truth.

    python bench/align.py [--hour-repeats 30] [--runs 1]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import wave
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))
from align_synth import synthesize

CHILD = """
import json, resource, sys, time
import interview_parser as ip
text, audio, truth = sys.argv[1:4]
transcript = ip.parse_file(text)
cpu, wall = time.process_time(), time.perf_counter()
aligned = ip.align(transcript, audio)
cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
starts = json.load(open(truth))
errors = [abs(t.start - s) for t, s in zip(aligned.turns, starts, strict=True)]
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({"cpu": cpu, "wall": wall, "mean": sum(errors) / len(errors),
                  "max": max(errors), "rss_mb": peak}))
"""


def repeat(
    folder: Path, audio: Path, transcript: str, starts: list[float], duration: float, times: int
) -> tuple[Path, Path, Path]:
    with wave.open(str(audio), "rb") as handle:
        params, frames = handle.getparams(), handle.readframes(handle.getnframes())
    long_audio = folder / f"x{times}.wav"
    with wave.open(str(long_audio), "wb") as handle:
        handle.setparams(params)
        for _ in range(times):
            handle.writeframes(frames)
    text = folder / f"x{times}.txt"
    text.write_text("\n\n".join([transcript.strip()] * times) + "\n", encoding="utf-8")
    truth = folder / f"x{times}.json"
    truth.write_text(json.dumps([s + k * duration for k in range(times) for s in starts]))
    return text, long_audio, truth


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--hour-repeats", type=int, default=30)
    parser.add_argument("--runs", type=int, default=1)
    parser.add_argument("--short", action="store_true", help="skip the two-minute run")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        audio = folder / "interview.wav"
        spoken = synthesize(audio)
        for times in (args.hour_repeats,) if args.short else (1, args.hour_repeats):
            text, wav, truth = repeat(
                folder, audio, spoken.transcript, spoken.starts, spoken.duration, times
            )
            seconds = spoken.duration * times
            for _ in range(args.runs):
                out = subprocess.run(
                    [sys.executable, "-c", CHILD, str(text), str(wav), str(truth)],
                    check=True,
                    capture_output=True,
                    text=True,
                )
                r = json.loads(out.stdout)
                print(
                    f"{seconds / 60:6.1f} min audio: cpu {r['cpu']:.1f} s "
                    f"({r['cpu'] / seconds:.3f} x audio), wall {r['wall']:.1f} s "
                    f"({r['wall'] / seconds:.3f} x audio), peak {r['rss_mb']:.0f} MB, "
                    f"turn start error mean {r['mean']:.3f} s max {r['max']:.3f} s",
                    flush=True,
                )


if __name__ == "__main__":
    main()
