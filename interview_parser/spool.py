"""A transcript's stream gathered on disk, to be read again (docs/streaming.md).

A :class:`~interview_parser.model.TranscriptStream` is read once. An exporter that must look
at the turns before it writes them (the timeline looks ahead to the next written time; the
podcast script's rundown needs every segment) gathers the stream with :func:`gather`: its
turns, pairs and skipped spans go to temporary files (:class:`Spool`), a batch of
:data:`BATCH` items at a time as tuples of their fields, and are read back, as often as
needed, in the order they came. Memory holds a batch, not the transcript. A whole
:class:`~interview_parser.model.Transcript` is gathered as it is: its lists are read again
at no cost.

Sits just above the model: it knows the model's classes, nothing of parsing or exporting.
"""

from __future__ import annotations

import dataclasses
import pickle
import tempfile
from array import array
from collections.abc import Callable, Collection, Iterator
from operator import attrgetter
from typing import IO, Any, Generic, TypeVar

from .model import (
    Gathered,
    Pair,
    Skipped,
    Transcript,
    TranscriptStream,
    Turn,
    Unpaired,
    Warned,
    replace,
)

_T = TypeVar("_T")

BATCH = 1000  # items pickled together: one pickle call and one seek a batch
MEMORY = 1 << 20  # bytes a spool keeps in memory before it moves to a file on disk


class Spool(Collection[_T], Generic[_T]):
    """Items of one dataclass written to a temporary file, read back in order as often as
    asked. Each reader keeps its own place, so two may read at once; a reader sees the items
    appended before it started. :meth:`close` (or the end of the process) removes the file."""

    def __init__(self, cls: type[_T]) -> None:
        names = tuple(f.name for f in dataclasses.fields(cls))  # type: ignore[arg-type]
        get = attrgetter(*names)
        self._encode: Callable[[_T], tuple[Any, ...]] = get
        self._decode: Callable[[tuple[Any, ...]], _T] = lambda values: cls(
            **dict(zip(names, values, strict=True))
        )
        self._file: IO[bytes] = tempfile.SpooledTemporaryFile(max_size=MEMORY)
        self._batch: list[tuple[Any, ...]] = []
        self._count = 0
        self._end = 0  # where the next batch is written

    def append(self, item: _T) -> None:
        self._batch.append(self._encode(item))
        self._count += 1
        if len(self._batch) >= BATCH:
            self._flush()

    def _flush(self) -> None:
        if self._batch:
            self._file.seek(self._end)
            pickle.dump(self._batch, self._file, protocol=pickle.HIGHEST_PROTOCOL)
            self._end = self._file.tell()
            self._batch = []

    def __len__(self) -> int:
        return self._count

    def __iter__(self) -> Iterator[_T]:
        self._flush()
        end, place, decode = self._end, 0, self._decode
        while place < end:
            self._file.seek(place)
            batch = pickle.load(self._file)
            place = self._file.tell()
            for values in batch:
                yield decode(values)

    def __contains__(self, item: object) -> bool:
        return any(x == item for x in self)

    def close(self) -> None:
        self._file.close()


def gather(source: Transcript | TranscriptStream) -> Gathered:
    """``source`` with its turns, pairs and skipped spans readable again: a transcript's own
    lists, or a stream's events spooled to disk (read to their end here)."""
    if isinstance(source, Transcript):
        return Gathered.of(source)
    turns: Spool[Turn] = Spool(Turn)
    pairs: Spool[Pair] = Spool(Pair)
    skipped: Spool[Skipped] = Spool(Skipped)
    unpaired = array("q")
    warnings = list(source.head.warnings)
    for event in source.events:
        if isinstance(event, Turn):
            turns.append(event)
        elif isinstance(event, Pair):
            pairs.append(event)
        elif isinstance(event, Skipped):
            skipped.append(event)
        elif isinstance(event, Unpaired):
            unpaired.append(event.index)
        elif isinstance(event, Warned):
            warnings.append(event.text)
    head = replace(source.head, warnings=warnings)
    return Gathered(head, turns, pairs, skipped, unpaired)
