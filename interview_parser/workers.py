"""Many files across worker processes, and a progress bar: shared by ``convert --out-dir``
and ``check``.

:func:`in_pieces` splits the inputs into pieces, runs a function over each piece in a
process pool, and yields each piece with its results as soon as it is done; a worker that
dies takes only its own piece down (the caller turns the exception into per-file errors).
Nothing here knows what the work is, and nothing heavy is imported: ``check`` loads this
module only when it has enough files to share out.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from typing import TextIO, TypeVar

T = TypeVar("T")
R = TypeVar("R")


def default_workers() -> int:
    return os.cpu_count() or 1


def chunks(items: Sequence[T], workers: int) -> list[list[T]]:
    """Split ``items`` into pieces small enough to keep every worker busy to the end.

    One file per task costs a round trip each (noticeable on thousands of 5 KB files);
    one piece per worker leaves workers idle behind a slow piece. About eight pieces a
    worker, at most 32 files each, balances the two.
    """
    size = max(1, min(32, len(items) // max(1, workers * 8)))
    return [list(items[i : i + size]) for i in range(0, len(items), size)]


def in_pieces(
    work: Callable[[list[T]], list[R]], items: Sequence[T], workers: int
) -> Iterator[tuple[list[T], list[R] | BaseException]]:
    """``work`` over pieces of ``items`` in ``workers`` processes, each piece as it is done.

    ``work`` must be a module-level function (it is pickled to the workers). A piece whose
    worker raised or died comes back with the exception instead of its results.
    """
    pieces = chunks(items, workers)
    with ProcessPoolExecutor(max_workers=min(workers, len(pieces))) as pool:
        pending: dict[Future[list[R]], list[T]] = {
            pool.submit(work, piece): piece for piece in pieces
        }
        while pending:
            done, _ = wait(pending, return_when=FIRST_COMPLETED)
            for future in done:
                piece = pending.pop(future)
                try:
                    yield piece, future.result()
                except Exception as exc:  # reported per file by the caller
                    yield piece, exc


class Progress:
    """A one-line progress bar redrawn in place on ``stream``; silent when disabled.

    Messages printed through :meth:`echo` clear the bar first, so error lines stay whole.
    """

    WIDTH = 30

    def __init__(self, stream: TextIO, total: int, *, enabled: bool) -> None:
        self.stream = stream
        self.total = total
        self.enabled = enabled
        self.done = 0

    # At most this many redraws a run: writing to a terminal is slower than converting 5 KB.
    STEPS = 200

    def advance(self, count: int = 1) -> None:
        for _ in range(count):
            self._step()

    def _step(self) -> None:
        self.done += 1
        total = max(1, self.total)
        step = self.done * self.STEPS // total != (self.done - 1) * self.STEPS // total
        if self.enabled and (step or self.done == self.total):
            filled = self.WIDTH * self.done // max(1, self.total)
            bar = "#" * filled + "-" * (self.WIDTH - filled)
            self.stream.write(f"\r[{bar}] {self.done}/{self.total}")
            self.stream.flush()

    def echo(self, line: str) -> None:
        self.clear()
        self.stream.write(line + "\n")
        self.stream.flush()

    def clear(self) -> None:
        if self.enabled and self.done:
            self.stream.write("\r" + " " * (self.WIDTH + 24) + "\r")
