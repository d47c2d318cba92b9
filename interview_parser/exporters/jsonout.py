"""The JSON exporter: the model's own versioned JSON form, plus its JSON Schema.

:func:`render` returns the document as one string (``Transcript.to_json``, one pydantic
serialisation); :func:`write` sends the same bytes to a binary stream a piece at a time, so
writing a long transcript to a file never holds its whole JSON in memory. For ``write`` the
frame (every field but the long lists) and the long lists are serialised by orjson when it
is installed (twice as fast; it writes these dataclasses, strings, integers and floats as
the same bytes, which the tests check on every sample) or by pydantic otherwise (imported on
first use, see :func:`interview_parser.model.adapter`), or when orjson cannot take a chunk
(an integer beyond 64 bits), or the frame's front matter holds more than JSON's own types
(a YAML date). So writing a stream imports no pydantic, whose 12 MB would be a sixth of
the memory bound of converting 1,000,000 short lines (docs/streaming.md).

From a :class:`~interview_parser.model.TranscriptStream` the turns are written as they come;
the pairs and skipped spans that arrive among them are serialised as they come too, into
temporary files (``tempfile.SpooledTemporaryFile``) copied after the turns, and the unpaired
turns' indices are kept in an array: the same bytes, with no list of the transcript's items.
"""

from __future__ import annotations

import io
import json
import tempfile
from array import array
from collections.abc import Iterable, Iterator
from itertools import islice
from typing import IO, Any

from ..model import (
    Pair,
    Skipped,
    Transcript,
    TranscriptStream,
    Turn,
    Unpaired,
    Warned,
    adapter,
    replace,
)
from . import ExportOptions, Source

try:
    import orjson
except ImportError:  # optional (no wheels for PyPy): pydantic writes the same bytes
    orjson = None  # type: ignore[assignment]

# The long lists of a transcript and their types, in the order the JSON has them: write()
# serialises them CHUNK items at a time; every other field is small and goes in one piece.
_LONG: tuple[tuple[str, Any], ...] = (
    ("turns", list[Turn]),
    ("pairs", list[Pair]),
    ("skipped", list[Skipped]),
    ("unpaired_turns", list[int]),
)
CHUNK = 2000
SPOOL_MEMORY = 1 << 20  # bytes of spooled pairs (or skipped spans) kept before going to disk


def render(transcript: Source, options: ExportOptions) -> str:
    if isinstance(transcript, TranscriptStream):
        sink = io.BytesIO()
        write(transcript, options, sink)
        return sink.getvalue().decode("utf-8")
    # One string: pydantic's single serialisation beats joining and decoding the pieces
    # (their cost is copying 25 MB twice for a 10 MB transcript); files take write().
    return transcript.to_json(indent=options.indent) + "\n"


def write(transcript: Source, options: ExportOptions, stream: IO[bytes]) -> None:
    """Write exactly ``render(transcript, options).encode()`` to ``stream``, in pieces."""
    found = (
        pieces(transcript, indent=options.indent)
        if isinstance(transcript, Transcript)
        else stream_pieces(transcript, indent=options.indent)
    )
    for piece in found:
        stream.write(piece)
    stream.write(b"\n")


def stream_pieces(
    stream: TranscriptStream, *, indent: int | None = 2, chunk: int = CHUNK
) -> Iterator[bytes]:
    """:func:`pieces` of the transcript ``stream`` collects to, reading its events once:
    turns are written as they come, pairs and skipped spans spooled as JSON until the turns
    end, unpaired indices kept in an array (8 bytes each), warnings in a list."""
    head = stream.head
    frame, cuts = _frame(replace(head, warnings=[]), indent)
    yield frame[: cuts[0]]
    turns = _Items(list[Turn], indent, chunk)
    later = {Pair: _Items(list[Pair], indent, chunk, spool=True),
             Skipped: _Items(list[Skipped], indent, chunk, spool=True)}  # fmt: skip
    unpaired = array("q")
    warnings = list(head.warnings)
    for event in stream.events:
        if isinstance(event, Turn):
            yield from turns.add(event)
        elif isinstance(event, Unpaired):
            unpaired.append(event.index)
        elif isinstance(event, Warned):
            warnings.append(event.text)
        else:
            later[type(event)].add(event)
    yield from turns.close()
    # The frame again with the warnings: it differs only after the last long list.
    frame, cuts = _frame(replace(head, warnings=warnings), indent)
    yield frame[cuts[0] : cuts[1]]
    yield from later[Pair].close()
    yield frame[cuts[1] : cuts[2]]
    yield from later[Skipped].close()
    yield frame[cuts[2] : cuts[3]]
    yield from _items(unpaired, list[int], indent, chunk)
    yield frame[cuts[3] :]


def pieces(
    transcript: Transcript,
    *,
    indent: int | None = 2,
    chunk: int = CHUNK,
    turns: Iterable[Turn] | None = None,
    pairs: Iterable[Pair] | None = None,
) -> Iterator[bytes]:
    """``transcript.to_json(indent=indent)`` as UTF-8, in pieces of at most ``chunk`` items.

    The transcript is serialised once with its long lists empty (the frame); the frame is
    cut after each of those lists' ``[`` and the lists are serialised ``chunk`` items at a
    time in between, indented one level deeper (a JSON string never holds a raw line end,
    so indenting is adding spaces after each one). ``turns`` and ``pairs``, when given,
    stand for the transcript's own lists: they are read once, in order, so that they may
    come from iterators (a streaming pipeline, docs/streaming.md).
    """
    frame, cuts = _frame(transcript, indent)
    given: dict[str, Iterable[Any] | None] = {"turns": turns, "pairs": pairs}
    done = 0
    for (name, kind), cut in zip(_LONG, cuts, strict=True):
        yield frame[done:cut]
        items = given.get(name)
        yield from _items(
            getattr(transcript, name) if items is None else items, kind, indent, chunk
        )
        done = cut
    yield frame[done:]


def _frame(transcript: Transcript, indent: int | None) -> tuple[bytes, list[int]]:
    """The transcript serialised with its long lists empty, and where each list's ``]`` is
    (the place its items go), in the order of :data:`_LONG`."""
    empty = replace(transcript, **{name: [] for name, _ in _LONG})
    if _plain(empty.front_matter):  # orjson where it can (no pydantic imported), as a list
        frame = _dump(empty, Transcript, indent)
    else:
        frame = adapter(Transcript).dump_json(empty, indent=indent)
    separator = b":" if indent is None else b": "
    # Where each long list's empty "[]" is in the frame. Searching from the end finds the
    # top-level key: only strings and numbers follow these lists, and a string cannot hold
    # an unescaped quote.
    cuts: list[int] = []
    end = len(frame)
    for name, _ in reversed(_LONG):
        key = b'"' + name.encode() + b'"' + separator + b"[]"
        at = frame.rfind(key, 0, end)
        if at < 0:  # pragma: no cover - the frame always has every field
            raise AssertionError(f"no {name} in the JSON frame")
        cuts.append(at + len(key) - 1)  # the "]"
        end = at
    return frame, cuts[::-1]


# What orjson writes as pydantic does, byte for byte: the model's own fields are these (and
# the model's dataclasses and enums); front matter is YAML, which may hold more (dates,
# sets, bytes, keys that are not strings), and then pydantic writes the frame. (12 MB of
# pydantic would be a sixth of the memory bound of a long stream's conversion.)
_PLAIN = (str, int, float, bool, type(None))


def _plain(value: object, depth: int = 0) -> bool:
    """Whether ``value`` holds only JSON's own types (str keys), at most 64 levels deep."""
    if type(value) in _PLAIN:
        return True
    if depth > 64:
        return False
    if type(value) is list:
        return all(_plain(item, depth + 1) for item in value)
    if type(value) is dict:
        return all(type(key) is str and _plain(item, depth + 1) for key, item in value.items())
    return False


class _Items:
    """A top-level list's members as they come, ``chunk`` at a time, as :func:`_items`
    writes them: returned by :meth:`add` and :meth:`close`, or with ``spool`` written to a
    temporary file until :meth:`close` returns them."""

    def __init__(self, kind: Any, indent: int | None, chunk: int, *, spool: bool = False) -> None:
        self.kind, self.indent, self.chunk = kind, indent, chunk
        self.batch: list[Any] = []
        self.first = True
        self.spool: IO[bytes] | None = (
            # closed by close(), after it is copied out
            tempfile.SpooledTemporaryFile(max_size=SPOOL_MEMORY) if spool else None  # noqa: SIM115
        )

    def add(self, item: Any) -> list[bytes]:
        self.batch.append(item)
        return self._out() if len(self.batch) >= self.chunk else []

    def _out(self) -> list[bytes]:
        piece = _batch(self.batch, self.kind, self.indent, first=self.first)
        self.batch, self.first = [], False
        if self.spool is None:
            return [piece]
        self.spool.write(piece)
        return []

    def close(self) -> Iterator[bytes]:
        tail = self._out() if self.batch else []
        if not self.first and self.indent is not None:
            tail.append(b"\n" + b" " * self.indent)
        if self.spool is not None:
            self.spool.seek(0)
            while block := self.spool.read(1 << 16):
                yield block
            self.spool.close()
        yield from tail


def _items(items: Iterable[Any], kind: Any, indent: int | None, chunk: int) -> Iterator[bytes]:
    """The members of a top-level list, between its brackets, ``chunk`` items a piece."""
    first = True
    for batch in _batches(items, chunk):
        yield _batch(batch, kind, indent, first=first)
        first = False
    if not first and indent is not None:
        yield b"\n" + b" " * indent


def _batch(batch: list[Any], kind: Any, indent: int | None, *, first: bool) -> bytes:
    """Some members of a top-level list (a comma before them unless ``first``)."""
    lead = b"" if first else b","
    if indent is None:
        return lead + _dump(batch, kind, indent)[1:-1]
    inner = _nested(batch) if indent == 2 else None
    if inner is None:
        part = _dump(batch, kind, indent)
        # "[\n  {...},\n  {...}\n]" one level deeper, without its brackets and last line
        # end (a JSON string never holds a raw line end: indenting is adding spaces).
        inner = part[1:-2].replace(b"\n", b"\n" + b" " * indent)
    return lead + inner


def _batches(items: Iterable[Any], size: int) -> Iterator[list[Any]]:
    """``items`` in lists of ``size`` (the last may be shorter; none empty)."""
    if isinstance(items, list):  # slices: no item is looked at twice
        for start in range(0, len(items), size):
            yield items[start : start + size]
        return
    if isinstance(items, array):  # the unpaired turns of a stream
        for start in range(0, len(items), size):
            yield items[start : start + size].tolist()
        return
    found = iter(items)
    while batch := list(islice(found, size)):
        yield batch


# orjson writes a list inside an object one level deeper already: "{\n  "x": [" + the items
# + "\n  ]\n}". Cutting off that head and tail costs less than indenting the list's lines.
_HEAD, _TAIL = len(b'{\n  "x": ['), len(b"\n  ]\n}")


def _nested(items: list[Any]) -> bytes | None:
    """``items`` at indent 2, one level deep, without brackets; None without orjson."""
    if orjson is None:
        return None
    try:
        return orjson.dumps({"x": items}, option=orjson.OPT_INDENT_2)[_HEAD:-_TAIL]
    except TypeError:  # orjson.JSONEncodeError: e.g. an integer beyond 64 bits
        return None


def _dump(items: list[Any] | Transcript, kind: Any, indent: int | None) -> bytes:
    """A list (or a transcript's frame) as JSON: orjson where it can (compact or indent 2),
    pydantic otherwise."""
    if orjson is not None and indent in (None, 2):
        try:
            return orjson.dumps(items, option=orjson.OPT_INDENT_2 if indent else 0)
        except TypeError:  # orjson.JSONEncodeError: e.g. an integer beyond 64 bits
            pass
    return adapter(kind).dump_json(items, indent=indent)


def schema() -> str:
    """The JSON Schema (draft 2020-12) of what :func:`render` prints."""
    document = adapter(Transcript).json_schema(mode="serialization")
    document = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://interview-parser.invalid/schema/transcript.json",
        **document,
    }
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"
