"""Where the memory of a conversion goes, stage by stage (issue 17's memory bound).

    python bench/memory.py                       # 1,000,000 short lines to JSON, RSS by stage
    python bench/memory.py --lines 100000 --trace   # live Python bytes by stage (tracemalloc)
    python bench/memory.py --to srt              # another exporter
    python bench/memory.py --objects             # bytes per model object (Turn, Pair, ...)
    python bench/memory.py --cuts                # what three cuts outside the model would save
    python bench/memory.py --stream collect      # the stream collected: the whole model
    python bench/memory.py --stream drain        # the stream's events drawn and dropped
    python bench/memory.py --stream drain --no-pairs   # the same without pairing

Not part of the test suite, and nothing here asserts: it prints figures. The conversion is
the command line's (``parse_bytes`` on the file's bytes, then the exporter's ``write`` into
an atomic temporary file) with each resolve stage wrapped so that, when it returns, the
process's resident memory (``VmRSS``) and its high-water mark so far (``VmHWM``) are
printed, or with ``--trace`` the bytes Python holds (tracemalloc; slower, so use fewer
lines). The input is ``Host: Hi?`` / ``Guest: Yes.`` repeated, as in
``bench/adversarial.py``'s short-lines runs (11 bytes a line).

``--stream`` runs the resolver's passes (docs/streaming.md) without an exporter:
``api.stream_bytes``, then ``collect`` (the whole model, what ``parse_bytes`` returns) or
``drain`` (every event drawn and dropped at once: what an exporter that writes as it goes
holds at the least). The stages reported are the passes: the census, the speakers and
conduct passes, roles, and pairing where the emit pass ends. Run each in its own process:
the peak is the process's.
"""

from __future__ import annotations

import argparse
import functools
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

MB = 1_000_000
_started = time.perf_counter()
_trace = False
_lines = 1


def _status() -> dict[str, int]:
    """VmRSS and VmHWM of this process, in bytes."""
    found: dict[str, int] = {}
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            key, _, value = line.partition(":")
            if key in ("VmRSS", "VmHWM"):
                found[key] = int(value.split()[0]) * 1024
    return found


def report(stage: str) -> None:
    """One line: the stage, seconds since the start, and the memory now and at its peak."""
    seconds = time.perf_counter() - _started
    if _trace:
        now, peak = tracemalloc.get_traced_memory()
        tracemalloc.reset_peak()
        print(
            f"  {stage:34}{seconds:7.1f} s  live {now / MB:8.1f} MB ({now / _lines:6.0f} B/line)"
            f"  peak in stage {peak / MB:8.1f} MB ({peak / _lines:6.0f} B/line)",
            flush=True,
        )
        return
    status = _status()
    print(
        f"  {stage:34}{seconds:7.1f} s  RSS {status['VmRSS'] / MB:7.0f} MB"
        f"  peak so far {status['VmHWM'] / MB:7.0f} MB",
        flush=True,
    )


def _wrap(module: Any, name: str, stage: str) -> None:
    original: Callable[..., Any] = getattr(module, name)

    @functools.wraps(original)
    def wrapped(*args: Any, **kwargs: Any) -> Any:
        result = original(*args, **kwargs)
        report(f"{stage} ({name})")
        return result

    setattr(module, name, wrapped)


def instrument() -> None:
    """Report after each stage of the pipeline returns."""
    import interview_parser.api as api
    import interview_parser.resolve as resolve
    import interview_parser.resolve.pairs as pairs

    _wrap(api, "read_bytes", "decoded text")
    _wrap(api, "read", "syntax (blocks or their marks)")
    _wrap(resolve, "LabelCensus", "pass 1: label census")
    _wrap(resolve, "_label_pass", "pass 2: speakers")
    _wrap(resolve, "_conduct_pass", "pass 3: conduct")
    _wrap(resolve, "assign_roles", "roles")
    _wrap(pairs, "build_pairs", "pass 4 read; pairs")
    # (not build_transcript: a wrapper's arguments would keep the reading, which it frees)


def stream(path: Path, mode: str, pair: bool) -> None:
    """The passes alone: the stream collected (the whole model) or drained."""
    import gc

    from interview_parser.api import stream_bytes
    from interview_parser.files import read_input
    from interview_parser.model import collect

    instrument()
    # (the bytes handed over, not held here: stream_bytes lets them go once decoded)
    events = stream_bytes(read_input(path), path=str(path), pair=pair)
    report("head (passes 1-3)")
    if mode == "collect":
        gc.disable()  # (as parse_bytes does while it collects: see api._collector_paused)
        transcript = collect(events)
        report(f"collected ({len(transcript.turns):,} turns)")
        del transcript
    else:
        count = 0
        # (the collector runs as usual while an exporter draws the events)
        gc.enable()
        for _ in events.events:
            count += 1
        report(f"drained ({count:,} events)")


def convert(path: Path, fmt: str) -> None:
    from interview_parser import parse_bytes
    from interview_parser.exporters import ExportOptions, get_exporter
    from interview_parser.files import atomic_open, read_input

    instrument()
    data = read_input(path)
    report("file read (bytes)")
    transcript = parse_bytes(data, path=str(path))
    del data
    report("transcript (parse_bytes)")
    with atomic_open(str(path.with_suffix(".out"))) as handle:
        get_exporter(fmt).write(transcript, ExportOptions(), handle)
    report(f"written ({fmt})")


def objects() -> None:
    """Bytes per model object as the parse leaves it: a turn with its text and lists."""
    import interview_parser as ip

    count = 20_000
    text = "Host: Hi?\nGuest: Yes.\n" * (count // 2)
    tracemalloc.start()
    before = tracemalloc.get_traced_memory()[0]
    transcript = ip.parse(text)
    after = tracemalloc.get_traced_memory()[0]
    del text
    turns, pairs = transcript.turns, transcript.pairs
    texts = {id(t.text) for t in turns}
    sizes = {
        "Turn object": sum(sys.getsizeof(t) for t in turns),
        "its text (str)": sum(sys.getsizeof(t.text) for t in turns if t.text),
        "its label (str, distinct objects)": sum(
            sys.getsizeof(label) for label in {id(t.label): t.label for t in turns}.values()
        ),
        "its speaker id (str, distinct objects)": sum(
            sys.getsizeof(s) for s in {id(t.speaker): t.speaker for t in turns}.values()
        ),
        "its numbers (int/float, distinct objects)": sum(
            sys.getsizeof(v)
            for v in {
                id(v): v
                for t in turns
                for v in (t.index, t.line, t.column, t.end_line, t.start, t.end)
                if v is not None
            }.values()
        ),
        "turns list": sys.getsizeof(turns),
        "Pair objects": sum(sys.getsizeof(p) for p in pairs),
        "pair lists (question/answer/interjection/evidence)": sum(
            sys.getsizeof(x)
            for p in pairs
            for x in (p.question_turns, p.answer_turns, p.interjection_turns, p.evidence)
        ),
        "pair texts (str objects not also a turn's text)": sum(
            sys.getsizeof(s)
            for s in {id(s): s for p in pairs for s in (p.question, p.answer)}.values()
            if id(s) not in texts
        ),
        "pairs list": sys.getsizeof(pairs),
    }
    print(f"== {count:,} short turns ({len(pairs):,} pairs): bytes a turn as the model holds them")
    for name, size in sizes.items():
        print(f"  {name:52}{size / count:8.1f}")
    print(f"  {'sum of the above':52}{sum(sizes.values()) / count:8.1f}")
    print(f"  {'everything the parse left alive (tracemalloc)':52}{(after - before) / count:8.1f}")


def cuts() -> None:
    """What three changes outside the model classes would save, measured by making them in
    place on a parsed model: the pair lists as tuples, a pair's turn indices the turns' own
    ``int`` objects, ``end_line`` the same object as ``line`` when equal."""
    import gc

    import interview_parser as ip

    count = 20_000
    text = "Host: Hi?\nGuest: Yes.\n" * (count // 2)
    tracemalloc.start()
    base = tracemalloc.get_traced_memory()[0]
    transcript = ip.parse(text)
    del text
    turns = transcript.turns

    def now(name: str, last: list[int]) -> None:
        gc.collect()
        held = tracemalloc.get_traced_memory()[0] - base
        saved = f" ({(last[0] - held) / count:.0f} less)" if last else ""
        print(f"  {name:52}{held / count:6.0f} B/turn{saved}")
        last[:] = [held]

    last: list[int] = []
    print(f"== {count:,} short turns: the model, then each change made in place")
    now("as parsed", last)
    for pair in transcript.pairs:
        for name in ("question_turns", "answer_turns", "interjection_turns", "evidence"):
            setattr(pair, name, tuple(getattr(pair, name)))
    now("pair lists as tuples", last)
    for pair in transcript.pairs:
        pair.question_turns = tuple(turns[i].index for i in pair.question_turns)  # type: ignore[assignment]
        pair.answer_turns = tuple(turns[i].index for i in pair.answer_turns)  # type: ignore[assignment]
    now("pair indices the turns' own ints", last)
    for turn in turns:
        if turn.end_line == turn.line:
            turn.end_line = turn.line
    now("end_line the same int as line", last)


def main(argv: list[str] | None = None) -> None:
    global _trace, _lines
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lines", type=int, default=1_000_000, help="short lines (even)")
    parser.add_argument("--to", default="json", help="the exporter")
    parser.add_argument("--trace", action="store_true", help="tracemalloc instead of RSS")
    parser.add_argument("--objects", action="store_true", help="bytes per model object")
    parser.add_argument("--cuts", action="store_true", help="what three cuts would save")
    parser.add_argument(
        "--stream", choices=["collect", "drain"], help="the passes alone, collected or drained"
    )
    parser.add_argument("--no-pairs", action="store_true", help="with --stream: no pairing")
    options = parser.parse_args(argv)
    if options.objects:
        objects()
        return
    if options.cuts:
        cuts()
        return
    _lines = options.lines
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "short-lines.txt"
        path.write_text("Host: Hi?\nGuest: Yes.\n" * (options.lines // 2), encoding="utf-8")
        size = path.stat().st_size
        what = f"the stream, {options.stream}" if options.stream else options.to
        if options.stream and options.no_pairs:
            what += ", no pairs"
        print(
            f"== {options.lines:,} short lines ({size / MB:.1f} MB) to {what}"
            f"{' (tracemalloc)' if options.trace else ''}; the bound, 6x, is {6 * size / MB:.0f} MB"
        )
        if options.trace:
            _trace = True
            tracemalloc.start()
        import interview_parser.exporters  # noqa: F401  (the imports, before any stage)

        report("start (interpreter, imports)")
        if options.stream:
            stream(path, options.stream, not options.no_pairs)
        else:
            convert(path, options.to)
        if not options.trace:
            print(f"  (peak RSS over the file: {_status()['VmHWM'] / size:.1f}x)")


if __name__ == "__main__":
    main()
