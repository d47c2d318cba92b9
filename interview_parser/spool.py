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
from bisect import bisect_right
from collections.abc import Callable, Collection, Iterable, Iterator, Sequence
from operator import attrgetter
from typing import IO, Any, Generic, TypeVar, overload

from .model import (
    Gathered,
    Pair,
    Skipped,
    Transcript,
    TranscriptStream,
    Turn,
    replace,
    sort_events,
)

_T = TypeVar("_T")

BATCH = 1000  # items pickled together: one pickle call and one seek a batch
MEMORY = 1 << 20  # bytes a spool keeps in memory before it moves to a file on disk


class Spool(Collection[_T], Generic[_T]):
    """Items of one dataclass written to a temporary file, read back in order as often as
    asked. Each reader keeps its own place, so two may read at once; a reader sees the items
    appended before it started. :meth:`close` (or the end of the process) removes the file."""

    def __init__(
        self,
        cls: type[_T],
        encode: Callable[[_T], tuple[Any, ...]] | None = None,
        decode: Callable[[tuple[Any, ...]], _T] | None = None,
    ) -> None:
        """A spool of ``cls`` items, stored as the tuple of their fields (``encode`` and
        ``decode``, when given, say how instead; ``tuple`` items are stored as they are)."""
        if encode is None or decode is None:
            encode, decode = fields_codec(cls)
        self._encode = encode
        self._decode = decode
        # closed by close(), or when the spool is collected
        self._file: IO[bytes] = tempfile.SpooledTemporaryFile(max_size=MEMORY)  # noqa: SIM115
        self._batch: list[tuple[Any, ...]] = []
        self._count = 0
        self._end = 0  # where the next batch is written
        self._firsts: array[int] = array("q")  # each written batch's first item's position
        self._offsets: array[int] = array("q")  # and its place in the file
        self._cached: tuple[int, list[tuple[Any, ...]]] | None = None  # the last batch read

    def append(self, item: _T) -> None:
        self._batch.append(self._encode(item))
        self._count += 1
        if len(self._batch) >= BATCH:
            self._flush()

    def _flush(self) -> None:
        if self._batch:
            self._firsts.append(self._count - len(self._batch))
            self._offsets.append(self._end)
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

    def _read(self, batch: int) -> list[tuple[Any, ...]]:
        """The ``batch``-th written batch, as stored (the last one read is kept)."""
        if self._cached is not None and self._cached[0] == batch:
            return self._cached[1]
        self._file.seek(self._offsets[batch])
        values: list[tuple[Any, ...]] = pickle.load(self._file)
        self._cached = (batch, values)
        return values

    def __getitem__(self, i: int) -> _T:
        """The item at position ``i`` (negative from the end): its batch is read once and
        kept while the next items asked for are in it."""
        self._flush()
        if i < 0:
            i += self._count
        if not 0 <= i < self._count:
            raise IndexError(f"no item at position {i}")
        batch = bisect_right(self._firsts, i) - 1
        return self._decode(self._read(batch)[i - self._firsts[batch]])

    def between(self, start: int, stop: int) -> Iterator[_T]:
        """The items at positions ``start`` to ``stop`` (not included), in order."""
        self._flush()
        stop = min(stop, self._count)
        if start >= stop:
            return
        batch = bisect_right(self._firsts, start) - 1
        at = start
        while at < stop:
            first, values = self._firsts[batch], self._read(batch)
            for values_of in values[at - first : stop - first]:
                yield self._decode(values_of)
            at = first + len(values)
            batch += 1

    def view(self, start: int, stop: int) -> SpoolView[_T]:
        """Positions ``start`` to ``stop`` of the spool as a sequence, nothing read yet."""
        return SpoolView(self, start, min(stop, self._count))

    def __contains__(self, item: object) -> bool:
        return any(x == item for x in self)

    def close(self) -> None:
        self._file.close()


def fields_codec(
    cls: type[_T],
) -> tuple[Callable[[_T], tuple[Any, ...]], Callable[[tuple[Any, ...]], _T]]:
    """How a :class:`Spool` stores a dataclass: the tuple of its fields, and back."""
    if cls is tuple:
        return _same, _same  # type: ignore[return-value]
    names = tuple(f.name for f in dataclasses.fields(cls))  # type: ignore[arg-type]

    def decode(values: tuple[Any, ...]) -> _T:
        return cls(**dict(zip(names, values, strict=True)))

    return attrgetter(*names), decode


def _same(values: tuple[Any, ...]) -> tuple[Any, ...]:
    return values


class SpoolView(Sequence[_T]):
    """Positions ``start`` to ``stop`` of a :class:`Spool`, read when asked for."""

    def __init__(self, spool: Spool[_T], start: int, stop: int) -> None:
        self._spool, self._start, self._stop = spool, start, max(start, stop)

    def __len__(self) -> int:
        return self._stop - self._start

    @overload
    def __getitem__(self, i: int) -> _T: ...
    @overload
    def __getitem__(self, i: slice) -> SpoolView[_T]: ...
    def __getitem__(self, i: int | slice) -> _T | SpoolView[_T]:
        if isinstance(i, slice):
            start, stop, step = i.indices(len(self))
            if step != 1:
                raise ValueError("a spool's view is sliced with a step of one")
            return SpoolView(self._spool, self._start + start, self._start + stop)
        if i < 0:
            i += len(self)
        if not 0 <= i < len(self):
            raise IndexError(f"no item at position {i}")
        return self._spool[self._start + i]

    def __iter__(self) -> Iterator[_T]:
        return self._spool.between(self._start, self._stop)


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
    sort_events(source.events, turns, pairs, skipped, unpaired, warnings)
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
