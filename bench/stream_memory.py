"""Peak memory of each exporter fed a stream made lazily (issue 17, docs/streaming.md).

    python bench/stream_memory.py                      # 1,000,000 turns, every format
    python bench/stream_memory.py --turns 100000 --to srt --to json
    python bench/stream_memory.py --timed              # every turn with a written time
    python bench/stream_memory.py --parsed             # after a whole parse, as convert is
    python bench/stream_memory.py --parsed --root ../main --whole   # another checkout

Not part of the test suite, and nothing here asserts: it prints figures. Each format runs
in a child process of its own (so each peak is its own): a generator makes the stream's
events one at a time -- ``Host: Hi?`` / ``Guest: Yes.`` turns, as ``bench/memory.py``'s short
lines parse, each pair right after its answer -- and the exporter writes them through
``files.atomic_open`` to a temporary folder, as ``convert`` does. Nothing holds the turns
but what the exporter keeps, so the peak is the downstream half of issue 17's bound: the
idle process plus what the exporter holds. Printed per format: the resident memory once
everything is imported and before the first event (VmRSS), the peak of the whole run
(VmHWM), their difference, the output's size and the CPU seconds.

``--parsed`` measures what each exporter adds when ``convert`` runs today, on a whole parse
(``parse_bytes`` of ``bench/memory.py``'s 1,000,000 short lines, 11 MB, in one child): after
the parse the peak is reset (``/proc/self/clear_refs``), and each format's write -- of
``stream_of(transcript)`` as ``convert`` hands it, or with ``--whole`` of the transcript
itself (a checkout, ``--root``, whose exporters take no stream) -- reports its own peak
above the resident memory it started from.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

MB = 1_000_000


def _status() -> dict[str, int]:
    """VmRSS and VmHWM of this process, in bytes."""
    found: dict[str, int] = {}
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            key, _, value = line.partition(":")
            if key in ("VmRSS", "VmHWM"):
                found[key] = int(value.split()[0]) * 1024
    return found


def synthetic(turns: int, *, timed: bool) -> object:
    """A :class:`TranscriptStream` of ``turns`` short turns, made as it is read."""
    from interview_parser.model import (
        Event,
        Pair,
        PairKind,
        Role,
        RoleSource,
        Source,
        Speaker,
        Transcript,
        TranscriptStream,
        Turn,
    )

    source = Source(
        path="synthetic.txt",
        encoding="utf-8",
        newline="\n",
        final_newline=True,
        line_count=turns,
        dialect="plain",
        dialect_evidence="made up for the benchmark",
    )
    half = turns // 2
    speakers = [
        Speaker(id="host", label="Host", role=Role.interviewer,
                role_source=RoleSource.label, turn_count=turns - half),
        Speaker(id="guest", label="Guest", role=Role.interviewee,
                role_source=RoleSource.label, turn_count=half),
    ]  # fmt: skip
    head = Transcript(source=source, speakers=speakers, turns=[], pairs=[])
    evidence = ["question mark"]

    def events() -> Iterator[Event]:
        for i in range(turns):
            asks = i % 2 == 0
            yield Turn(
                index=i,
                speaker="host" if asks else "guest",
                label="Host" if asks else "Guest",
                text="Hi?" if asks else "Yes.",
                line=i + 1,
                column=1,
                end_line=i + 1,
                start=i * 1.5 if timed else None,
            )
            if not asks:
                yield Pair(
                    index=i // 2, kind=PairKind.question, question_turns=[i - 1],
                    answer_turns=[i], question="Hi?", answer="Yes.", evidence=evidence,
                )  # fmt: skip

    return TranscriptStream(head, events())


def child(fmt: str, turns: int, timed: bool) -> None:
    """Write one format from a synthetic stream; print the figures as JSON."""
    import interview_parser.spool  # noqa: F401 - imported before the baseline, as the exporters are
    from interview_parser.exporters import ExportOptions, _module, get_exporter
    from interview_parser.files import atomic_open

    exporter = get_exporter(fmt)
    _module(exporter.module)  # the exporter's own imports, before the baseline
    import pydantic  # noqa: F401 - the JSON frame's serialiser, imported on first use

    stream = synthetic(turns, timed=timed)
    before = _status()["VmRSS"]
    began = time.process_time()
    with tempfile.TemporaryDirectory() as folder:
        target = Path(folder) / f"out{exporter.suffix}"
        with atomic_open(str(target)) as handle:
            exporter.write(stream, ExportOptions(), handle)  # type: ignore[arg-type]
        size = target.stat().st_size
    seconds = time.process_time() - began
    status = _status()
    print(json.dumps({"before": before, "peak": status["VmHWM"], "size": size, "cpu": seconds}))


def parsed(formats: list[str], lines: int, *, whole: bool) -> None:
    """Parse ``lines`` short lines whole, then write each format; print each write's peak."""
    from interview_parser import parse_bytes
    from interview_parser.exporters import ExportOptions, get_exporter
    from interview_parser.files import atomic_open

    data = b"Host: Hi?\nGuest: Yes.\n" * (lines // 2)
    began = time.perf_counter()
    transcript = parse_bytes(data, path="short.txt")
    del data
    status = _status()
    print(
        f"  parse: {time.perf_counter() - began:.0f} s, RSS {status['VmRSS'] / MB:.0f} MB, "
        f"peak {status['VmHWM'] / MB:.0f} MB",
        flush=True,
    )
    print(f"  {'format':14}{'RSS before':>11}{'peak':>8}{'added':>8}{'CPU s':>8}", flush=True)
    for fmt in formats:
        exporter = get_exporter(fmt)
        source = transcript
        if not whole:
            from interview_parser.model import stream_of

            source = stream_of(transcript)  # type: ignore[assignment]
        with open("/proc/self/clear_refs", "w", encoding="ascii") as clear:
            clear.write("5")  # the peak (VmHWM) starts again from the resident memory now
        before = _status()["VmRSS"]
        began_cpu = time.process_time()
        with (
            tempfile.TemporaryDirectory() as folder,
            atomic_open(str(Path(folder) / f"out{exporter.suffix}")) as handle,
        ):
            exporter.write(source, ExportOptions(), handle)
        seconds = time.process_time() - began_cpu
        peak = _status()["VmHWM"]
        del source
        print(
            f"  {fmt:14}{before / MB:11.0f}{peak / MB:8.0f}{(peak - before) / MB:8.0f}"
            f"{seconds:8.1f}",
            flush=True,
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--turns", type=int, default=1_000_000)
    parser.add_argument("--to", action="append", dest="formats")
    parser.add_argument("--timed", action="store_true", help="every turn writes its start")
    parser.add_argument("--parsed", action="store_true", help="after a whole parse")
    parser.add_argument("--root", help="the checkout whose interview_parser runs (--parsed)")
    parser.add_argument("--whole", action="store_true", help="write the transcript, no stream")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.root:
        sys.path.insert(0, str(Path(args.root).resolve()))
    from interview_parser.exporters import EXPORTERS

    if args.parsed:
        root = args.root or str(Path(__file__).resolve().parent.parent)
        print(f"{args.turns:,} short lines parsed whole, then written ({root}); RSS in MB")
        parsed(args.formats or list(EXPORTERS), args.turns, whole=args.whole)
        return
    if args.child:
        child(args.child, args.turns, args.timed)
        return
    formats = args.formats or list(EXPORTERS)
    timed = " (timed)" if args.timed else ""
    print(f"{args.turns:,} synthetic turns as a lazy stream{timed}; RSS in MB")
    print(f"  {'format':14}{'before':>8}{'peak':>8}{'added':>8}{'output':>10}{'CPU s':>8}")
    for fmt in formats:
        command = [sys.executable, __file__, "--child", fmt, "--turns", str(args.turns)]
        if args.timed:
            command.append("--timed")
        done = subprocess.run(command, capture_output=True, text=True, check=False)
        if done.returncode:
            print(f"  {fmt:14} failed: {done.stderr.strip().splitlines()[-1:]}")
            continue
        got = json.loads(done.stdout)
        print(
            f"  {fmt:14}{got['before'] / MB:8.0f}{got['peak'] / MB:8.0f}"
            f"{(got['peak'] - got['before']) / MB:8.0f}{got['size'] / MB:10.1f}{got['cpu']:8.1f}",
            flush=True,
        )


if __name__ == "__main__":
    main()
