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
from collections.abc import Callable, Collection, Iterable, Iterator, Sequence
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
        # closed by close(), or when the spool is collected
        self._file: IO[bytes] = tempfile.SpooledTemporaryFile(max_size=MEMORY)  # noqa: SIM115
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
    lists, or a stream's events spooled to disk (read to their end here). A stream made
    from a whole transcript (:func:`~interview_parser.model.stream_of`) reads that
    transcript's lists (under the stream's head, which a caller may have changed)."""
    if isinstance(source, Transcript):
        return Gathered.of(source)
    whole = source.whole
    if whole is not None:  # made from a transcript in memory: read its lists
        return Gathered(source.head, whole.turns, whole.pairs, whole.skipped, whole.unpaired_turns)
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


class TextSpool:
    """Text written now and read back later, in pieces (a document's section that comes
    after others still to be written): in memory up to :data:`MEMORY`, then on disk."""

    def __init__(self) -> None:
        # closed by pieces(), when it has been read back
        self._file = tempfile.SpooledTemporaryFile(  # noqa: SIM115
            max_size=MEMORY, mode="w+", encoding="utf-8", newline=""
        )

    def write(self, text: str) -> None:
        self._file.write(text)

    def pieces(self, size: int = 1 << 16) -> Iterator[str]:
        """What was written, ``size`` characters a piece; the spool is closed after."""
        self._file.seek(0)
        while piece := self._file.read(size):
            yield piece
        self._file.close()


class Positions(Generic[_T]):
    """The items at given positions of a re-readable collection, asked for in about the
    order they come (the turns of one pair after another's): a sequence is indexed; other
    collections are read forward, keeping only the items of the last request, and read
    again from the start for a position already passed. Raises :class:`IndexError` for a
    position that is not there, as a list does."""

    def __init__(self, items: Collection[_T]) -> None:
        self._items = items
        self._kept: dict[int, _T] = {}
        self._reader: Iterator[_T] = iter(items)  # a generator: nothing read until asked
        self._next = 0  # position of the item the reader yields next

    def at(self, wanted: Iterable[int]) -> list[_T]:
        items = self._items
        if isinstance(items, Sequence):
            return [items[i] for i in wanted]
        wanted = list(wanted)
        found = {i: self._kept[i] for i in wanted if i in self._kept}
        missing = {i for i in wanted if i not in found}
        if any(i < self._next for i in missing):
            self._reader, self._next = iter(items), 0
        if missing:
            last = max(missing)
            for item in self._reader:
                if self._next in missing:
                    found[self._next] = item
                self._next += 1
                if self._next > last:
                    break
        self._kept = found
        try:
            return [found[i] for i in wanted]
        except KeyError as exc:
            raise IndexError(f"no item at position {exc.args[0]}") from None
