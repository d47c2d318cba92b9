"""What pairing costs within a parse, on the generated benchmark interviews.

    python bench/pairs.py                 # 2 MB, normal and short turns
    python bench/pairs.py --size 500000 --repeat 9

Parses ``corpus.transcript(SIZE)`` (and its short-turn form) with ``interview_parser.parse``
and times, in the same runs, the call to ``resolve.pairs.build_pairs`` inside it. Prints, per
transcript, the best of ``--repeat`` runs of each (CPU time of this process, so that other
work on a shared machine counts less) and pairing's share of the parse. Target: pairing a
small part of the parse (20% or less); the README's speed section says where it stands.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import transcript  # noqa: E402

import interview_parser as ip  # noqa: E402
import interview_parser.resolve.pairs as pairing  # noqa: E402


def _timed(spent: list[float], call: Callable[..., Any]) -> Callable[..., Any]:
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        start = time.process_time()
        try:
            return call(*args, **kwargs)
        finally:
            spent.append(time.process_time() - start)

    return wrapper


def measure(text: str, repeat: int) -> tuple[float, float]:
    """The best parse time and the best time of pairing within a parse, in seconds."""
    original = pairing.build_pairs
    spent: list[float] = []
    # (build_transcript imports it from the module when it pairs: patched there)
    pairing.build_pairs = _timed(spent, original)
    try:
        parses = []
        for _ in range(repeat):
            start = time.process_time()
            ip.parse(text)
            parses.append(time.process_time() - start)
    finally:
        pairing.build_pairs = original
    return min(parses), min(spent)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size", type=int, default=2_000_000, help="characters")
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args(argv)
    for short in (False, True):
        text = transcript(args.size, short=short)
        ip.parse(text)  # warm: grammars built, patterns compiled
        parse, pairs = measure(text, args.repeat)
        kind = "short turns" if short else "normal turns"
        print(
            f"{kind}: parse {parse * 1000:.0f} ms, pairing {pairs * 1000:.0f} ms "
            f"({pairs / parse:.0%} of the parse), best of {args.repeat}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
