"""The JSON exporter: the model's own versioned JSON form, plus its JSON Schema.

:func:`render` returns the document as one string (``Transcript.to_json``, one pydantic
serialisation); :func:`write` sends the same bytes to a binary stream a piece at a time, so
writing a long transcript to a file never holds its whole JSON in memory. For ``write`` the
frame (every field but the long lists) is serialised by pydantic (imported on first use, see
:func:`interview_parser.model.adapter`) and the long lists by orjson when it is installed
(twice as fast; it writes these dataclasses, strings, integers and floats as the same bytes,
which the tests check on every sample) or by pydantic otherwise, or when orjson cannot take
a chunk (an integer beyond 64 bits).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from itertools import islice
from typing import IO, TYPE_CHECKING, Any

from ..model import Pair, Skipped, Transcript, Turn, adapter, replace
from . import ExportOptions

try:
    import orjson
except ImportError:  # optional (no wheels for PyPy): pydantic writes the same bytes
    orjson = None  # type: ignore[assignment]

if TYPE_CHECKING:
    from pydantic import TypeAdapter

# The long lists of a transcript and their types, in the order the JSON has them: write()
# serialises them CHUNK items at a time; every other field is small and goes in one piece.
_LONG: tuple[tuple[str, Any], ...] = (
    ("turns", list[Turn]),
    ("pairs", list[Pair]),
    ("skipped", list[Skipped]),
)
CHUNK = 2000


def render(transcript: Transcript, options: ExportOptions) -> str:
    # One string: pydantic's single serialisation beats joining and decoding the pieces
    # (their cost is copying 25 MB twice for a 10 MB transcript); files take write().
    return transcript.to_json(indent=options.indent) + "\n"


def write(transcript: Transcript, options: ExportOptions, stream: IO[bytes]) -> None:
    """Write exactly ``render(transcript, options).encode()`` to ``stream``, in pieces."""
    for piece in pieces(transcript, indent=options.indent):
        stream.write(piece)
    stream.write(b"\n")


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
    frame = adapter(Transcript).dump_json(
        replace(transcript, **{name: [] for name, _ in _LONG}), indent=indent
    )
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
    given: dict[str, Iterable[Any] | None] = {"turns": turns, "pairs": pairs}
    done = 0
    for (name, kind), cut in zip(_LONG, reversed(cuts), strict=True):
        yield frame[done:cut]
        items = given.get(name)
        yield from _items(
            getattr(transcript, name) if items is None else items, adapter(kind), indent, chunk
        )
        done = cut
    yield frame[done:]


def _items(
    items: Iterable[Any], kind: TypeAdapter[list[Any]], indent: int | None, chunk: int
) -> Iterator[bytes]:
    """The members of a top-level list, between its brackets, ``chunk`` items a piece."""
    deeper = b"\n" + b" " * (indent or 0)
    first = True
    for batch in _batches(items, chunk):
        lead = b"" if first else b","
        first = False
        if indent is None:
            yield lead + _dump(batch, kind, indent)[1:-1]
            continue
        inner = _nested(batch) if indent == 2 else None
        if inner is None:
            part = _dump(batch, kind, indent)
            # "[\n  {...},\n  {...}\n]" one level deeper, without its brackets and last line
            # end (a JSON string never holds a raw line end: indenting is adding spaces).
            inner = part[1:-2].replace(b"\n", deeper)
        yield lead + inner
    if not first and indent is not None:
        yield deeper


def _batches(items: Iterable[Any], size: int) -> Iterator[list[Any]]:
    """``items`` in lists of ``size`` (the last may be shorter; none empty)."""
    if isinstance(items, list):  # slices: no item is looked at twice
        for start in range(0, len(items), size):
            yield items[start : start + size]
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


def _dump(items: list[Any], kind: TypeAdapter[list[Any]], indent: int | None) -> bytes:
    """A list as JSON: orjson where it can (compact or indent 2), pydantic otherwise."""
    if orjson is not None and indent in (None, 2):
        try:
            return orjson.dumps(items, option=orjson.OPT_INDENT_2 if indent else 0)
        except TypeError:  # orjson.JSONEncodeError: e.g. an integer beyond 64 bits
            pass
    return kind.dump_json(items, indent=indent)


def schema() -> str:
    """The JSON Schema (draft 2020-12) of what :func:`render` prints."""
    document = adapter(Transcript).json_schema(mode="serialization")
    document = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://interview-parser.invalid/schema/transcript.json",
        **document,
    }
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"
