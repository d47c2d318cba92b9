"""What pairing costs within a parse, on the generated benchmark interviews.

    python bench/pairs.py                 # 2 MB, normal and short turns
    python bench/pairs.py --size 500000 --repeat 9
    python bench/pairs.py --stream        # also: the same turns paired as a stream

Parses ``corpus.transcript(SIZE)`` (and its short-turn form) with ``interview_parser.parse``
and times, in the same runs, the call to ``resolve.pairs.build_pairs`` inside it. Prints, per
transcript, the best of ``--repeat`` runs of each (CPU time of this process, so that other
work on a shared machine counts less) and pairing's share of the parse. Target: pairing a
small part of the parse (20% or less); the README's speed section says where it stands.

With ``--stream``, the turns the parse handed to pairing are also paired as a stream: a
first pass of ``Census`` over them (the counts a turn at a time, then ``parts``), then
``iter_pairs`` reading them one at a time (best of ``--repeat``, each; the output is checked
equal to ``build_pairs``').
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
from interview_parser.model import Pair, Unpaired  # noqa: E402


def _timed(spent: list[float], call: Callable[..., Any]) -> Callable[..., Any]:
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        start = time.process_time()
        try:
            return call(*args, **kwargs)
        finally:
            spent.append(time.process_time() - start)

    return wrapper


def measure(text: str, repeat: int, handed: list[Any] | None = None) -> tuple[float, float]:
    """The best parse time and the best time of pairing within a parse, in seconds;
    ``handed`` gets the last arguments pairing was given."""
    original = pairing.build_pairs
    spent: list[float] = []

    def kept(turns: Any, names: Any = None, *, roles: Any = None) -> Any:
        if handed is not None:  # (the turns as voices, each with its speaker's role)
            voices = (
                turns
                if roles is None
                else [pairing.Voice(t.speaker, roles[t.speaker], t.text, t.index) for t in turns]
            )
            handed[:] = [voices, names]
        return original(turns, names, roles=roles)

    # (build_transcript imports it from the module when it pairs: patched there)
    pairing.build_pairs = _timed(spent, kept)
    try:
        parses = []
        for _ in range(repeat):
            start = time.process_time()
            ip.parse(text)
            parses.append(time.process_time() - start)
    finally:
        pairing.build_pairs = original
    return min(parses), min(spent)


def streamed(voices: list[pairing.Voice], names: Any, repeat: int) -> tuple[float, float]:
    """The best times of the first pass (``Census``) and of ``iter_pairs`` on these turns."""
    census_times, stream_times = [], []
    whole = pairing.build_pairs(voices, names)
    for _ in range(repeat):
        start = time.process_time()
        census = pairing.Census(names)
        for voice in voices:
            census.add(voice.speaker, voice.text)
        roles: dict[str, Any] = {}
        for voice in voices:
            roles.setdefault(voice.speaker, voice.role)
        parts = census.parts(roles)
        census_times.append(time.process_time() - start)
        start = time.process_time()
        events = list(pairing.iter_pairs(iter(voices), parts, names))
        stream_times.append(time.process_time() - start)
    pairs = [e for e in events if isinstance(e, Pair)]
    unpaired = [e.index for e in events if isinstance(e, Unpaired)]
    if (pairs, unpaired) != whole:
        raise SystemExit("the stream paired otherwise than build_pairs")
    return min(census_times), min(stream_times)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size", type=int, default=2_000_000, help="characters")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--stream", action="store_true", help="also time iter_pairs")
    args = parser.parse_args(argv)
    for short in (False, True):
        text = transcript(args.size, short=short)
        ip.parse(text)  # warm: grammars built, patterns compiled
        handed: list[Any] = []
        parse, pairs = measure(text, args.repeat, handed)
        kind = "short turns" if short else "normal turns"
        print(
            f"{kind}: parse {parse * 1000:.0f} ms, pairing {pairs * 1000:.0f} ms "
            f"({pairs / parse:.0%} of the parse), best of {args.repeat}"
        )
        if args.stream:
            census, stream = streamed(list(handed[0]), handed[1], args.repeat)
            print(
                f"  as a stream: first pass (Census) {census * 1000:.0f} ms, "
                f"iter_pairs {stream * 1000:.0f} ms"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
