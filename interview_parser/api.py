"""The library's front door: each stage of the pipeline as a public function.

    bytes --read_bytes--> SourceText --read (a dialect's grammar)--> Reading
          --stream_transcript--> TranscriptStream --collect--> Transcript

``parse``, ``parse_bytes`` and ``parse_file`` run them all and return the whole model;
``stream_source``, ``stream_bytes`` and ``stream_file`` return it as a stream (the head,
then the turns, pairs and skipped spans as events, read from the blocks as they are drawn:
docs/streaming.md), for a caller that writes the turns as they come and keeps none. The
stages stay importable for debugging (:mod:`interview_parser.source`,
:mod:`interview_parser.syntax`, :mod:`interview_parser.dialects`,
:mod:`interview_parser.resolve`).
"""

from __future__ import annotations

import contextlib
import functools
import gc
import os
from collections.abc import Iterable, Iterator, MutableMapping
from pathlib import Path
from typing import TYPE_CHECKING

from .dialects import detect, get_dialect
from .dialects.layers import apply_layers
from .errors import InterviewParserError
from .files import read_input
from .model import CastMember, Event, Source, Transcript, TranscriptStream, replace
from .resolve import accepted_forms, build_transcript, stream_transcript
from .source import SourceText, read_bytes, read_text
from .syntax import Reading

if TYPE_CHECKING:
    from .config import Config


def read(source: SourceText, *, dialect: str | None = None, lazy: bool = False) -> Reading:
    """Read decoded text with ``dialect``, or with the detected one.

    A layout layer (HTML, court-reporter pages) is removed first; the reading's lines are
    mapped back to the source, and its dialect is named ``layer+family``.

    ``lazy``: the blocks are made each time they are iterated rather than held
    (:class:`~interview_parser.syntax.ScannedBlocks`), where the layout reads line by line
    (the line families and conventions, without a layer; detection reads a bounded sample
    and keeps its reading only for a text no longer than the sample). Captions, JSON, CSV
    and layered pages are read whole either way.
    """
    layered = apply_layers(source.text)
    text = layered.text if layered is not None else source.text
    reading = None
    if dialect is None:
        dialect, reading = detect(text, accepted_forms)
    if reading is None:
        found = get_dialect(dialect)
        reading = found.read_blocks(text) if lazy and layered is None else found.read(text)
    return layered.remap(reading) if layered is not None else reading


@contextlib.contextmanager
def _naming(path: str | None) -> Iterator[None]:
    """An :class:`InterviewParserError` raised inside names ``path`` (when there is one)."""
    try:
        yield
    except InterviewParserError as exc:
        raise (exc.with_path(path) if path else exc) from None


def _facts(source: SourceText, reading: Reading, path: str | None) -> Source:
    """The model's ``Source`` of a read text (its evidence is filled in by the resolver)."""
    return Source(
        path=path,
        encoding=source.encoding,
        newline=source.newline,
        final_newline=source.final_newline,
        line_count=source.line_count,
        dialect=reading.dialect,
        dialect_evidence="",
    )


@contextlib.contextmanager
def _collector_paused() -> Iterator[None]:
    """Pause Python's cyclic garbage collector for one parse, then restore it as it was.

    A parse allocates a few objects per line and keeps nearly all of them; none form
    cycles, but the collector walks them all again and again, which made time per MB grow
    with the file (74 ms/MB at 50 MB against 43 ms/MB without those passes).
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def parse_source(
    source: SourceText,
    *,
    path: str | None = None,
    dialect: str | None = None,
    interviewers: Iterable[str] = (),
    cast: Iterable[CastMember] = (),
    pair: bool = True,
) -> Transcript:
    """Parse decoded text (the stage after :func:`read_bytes`).

    ``pair=False`` skips the question-answer pairs (the transcript's ``pairs`` and
    ``unpaired_turns`` stay empty): for a caller that never reads them, such as ``check``.

    Once read, the text is not needed to resolve the transcript: a ``source`` passed with no
    other reference to it (``parse_source(read_bytes(data))``, as the command line does) is
    released then, so a long file's text is not held beside its model.
    """
    source_warnings = list(source.warnings)
    with _naming(path), _collector_paused():
        # (the blocks as a list: the passes read them again at no cost, and the whole
        # model is kept anyway; a stream makes them afresh on each pass instead)
        reading = read(source, dialect=dialect)
        meta = _facts(source, reading, path)
        del source
        # The reading goes to build_transcript as its only reference (popped from a
        # list, not held here), so that its blocks are freed once turned into turns.
        handed = [reading]
        del reading
        transcript = build_transcript(
            handed.pop(), meta, interviewers=interviewers, cast=cast, pair=pair
        )
    if source_warnings:
        transcript = replace(transcript, warnings=[*source_warnings, *transcript.warnings])
    return transcript


# From this many characters of text up, a stream holds nothing a turn: a line family's
# blocks are made afresh on each pass (not held as a list), and pairing reads the turns over
# a window (two more passes after them). Below it, the blocks are a list and pairing is
# handed the turns' texts, which costs less CPU (100,000 distinct labels convert in 8 s
# instead of 10) and, at this size, less memory than the process itself.
WINDOW_CHARS = 4 << 20
# glibc's M_MMAP_THRESHOLD (malloc.h) and the value it starts from: a block of 128 KB or more
# gets a mapping of its own, given back to the system when freed (see _steady_heap).
_M_MMAP_THRESHOLD = -3
_MMAP_THRESHOLD = 128 * 1024


@functools.cache
def _steady_heap() -> None:
    """Keep the C allocator's mapping threshold where it starts (glibc only; once a process).

    glibc raises the threshold to the size of each mapped block that is freed: once the
    file's bytes (11 MB for 1,000,000 short lines) are freed, every block up to that size,
    such as the growing arrays of :class:`~interview_parser.syntax.ScannedBlocks`, comes
    from the heap instead, where growing one copies it and the holes left stay resident.
    The peak of ``convert --to json`` on that file varied from 59 to 65 MB from run to run;
    with the threshold fixed it is 55 MB (``bench/adversarial.py``). A fixed threshold is
    what setting ``MALLOC_MMAP_THRESHOLD_`` does; it costs a system call a large block.
    """
    try:
        os.confstr("CS_GNU_LIBC_VERSION")  # ValueError or OSError: not glibc
        import ctypes

        ctypes.CDLL(None).mallopt(_M_MMAP_THRESHOLD, _MMAP_THRESHOLD)
    except (ValueError, OSError, AttributeError):  # another C library: its own policy
        pass


def stream_source(
    source: SourceText,
    *,
    path: str | None = None,
    dialect: str | None = None,
    interviewers: Iterable[str] = (),
    cast: Iterable[CastMember] = (),
    pair: bool = True,
) -> TranscriptStream:
    """:func:`parse_source` as a stream: the head (source, title, speakers with their roles
    and turn counts, warnings) is resolved now; the turns, pairs and skipped spans are read
    from the blocks once more as the events are drawn. ``collect(stream_source(...))`` is
    ``parse_source(...)``. From ``WINDOW_CHARS`` of text up, a line-family text's blocks
    are made as they are read, never held (see :func:`read`), and pairing holds no list of
    the turns (a window); the text itself is kept until the events are drawn. From that size
    on, glibc's allocator is also told to keep its mapping threshold fixed, for the whole
    process (:func:`_steady_heap`).
    """
    source_warnings = list(source.warnings)
    window = len(source.text) >= WINDOW_CHARS
    if window:
        _steady_heap()
    with _naming(path), _collector_paused():
        reading = read(source, dialect=dialect, lazy=window)
        meta = _facts(source, reading, path)
        del source
        stream = stream_transcript(
            reading,
            meta,
            interviewers=interviewers,
            cast=cast,
            pair=pair,
            warnings=source_warnings,
            window=window,
        )
    return TranscriptStream(stream.head, _with_path(stream.events, path))


def _with_path(events: Iterator[Event], path: str | None) -> Iterator[Event]:
    """The events, an error on the way naming ``path`` as the parse's errors do."""
    with _naming(path):
        yield from events


def stream_bytes(
    data: bytes,
    *,
    dialect: str | None = None,
    interviewers: Iterable[str] = (),
    cast: Iterable[CastMember] = (),
    path: str | None = None,
    pair: bool = True,
) -> TranscriptStream:
    """:func:`parse_bytes` as a stream (see :func:`stream_source`)."""
    with _naming(path):
        source = read_bytes(data)
    del data
    return stream_source(
        source, path=path, dialect=dialect, interviewers=interviewers, cast=cast, pair=pair
    )


def stream_file(
    path: str | os.PathLike[str],
    *,
    dialect: str | None = None,
    interviewers: Iterable[str] = (),
    cast: Iterable[CastMember] = (),
    project: bool = True,
    pair: bool = True,
) -> TranscriptStream:
    """:func:`parse_file` as a stream (see :func:`stream_source`)."""
    name = os.fspath(path)
    if project:
        dialect, cast = project_settings(name, dialect, cast)
    return stream_bytes(
        read_input(name),
        dialect=dialect,
        interviewers=interviewers,
        cast=cast,
        path=name,
        pair=pair,
    )


def parse(
    text: str,
    *,
    dialect: str | None = None,
    interviewers: Iterable[str] = (),
    cast: Iterable[CastMember] = (),
    path: str | None = None,
) -> Transcript:
    """Parse transcript text.

    ``dialect`` forces a layout family (see :data:`interview_parser.dialects.DIALECTS`);
    ``interviewers`` names the labels of the speakers who ask (overriding detection);
    ``cast`` declares speakers (their labels are speakers, their roles win over detection;
    a ``cast:`` list in the file's front matter adds to it); ``path`` is only used in
    error messages and in ``source.path``.
    """
    return parse_source(
        read_text(text), path=path, dialect=dialect, interviewers=interviewers, cast=cast
    )


def parse_bytes(
    data: bytes,
    *,
    dialect: str | None = None,
    interviewers: Iterable[str] = (),
    cast: Iterable[CastMember] = (),
    path: str | None = None,
) -> Transcript:
    """Parse the raw contents of a transcript file (encoding detected)."""
    with _naming(path):
        source = read_bytes(data)
    return parse_source(source, path=path, dialect=dialect, interviewers=interviewers, cast=cast)


def project_settings(
    path: str | os.PathLike[str] | None,
    dialect: str | None,
    cast: Iterable[CastMember],
    cache: MutableMapping[Path, Config] | None = None,
) -> tuple[str | None, list[CastMember]]:
    """The dialect and cast for a file, with its project's ``[tool.interview-parser]`` table.

    The nearest ``pyproject.toml`` with that table, from the file's folder up (the working
    folder for stdin), adds its cast and names the dialect unless the caller did. ``cache``
    (the caller's, for many files) remembers the folders already looked at.
    """
    from .config import find_config  # only callers with a file pay for reading TOML

    folder = Path(path).parent if path is not None else Path.cwd()
    config = find_config(folder, cache)
    return dialect or config.dialect, [*cast, *config.cast]


def parse_file(
    path: str | os.PathLike[str],
    *,
    dialect: str | None = None,
    interviewers: Iterable[str] = (),
    cast: Iterable[CastMember] = (),
    project: bool = True,
) -> Transcript:
    """Read and parse a transcript file.

    With ``project`` (the default) the ``[tool.interview-parser]`` table of the nearest
    ``pyproject.toml`` applies too, as it does for the command line: its cast is declared and
    its dialect is used unless ``dialect`` is given. A file that cannot be read (missing, a
    folder, no permission) raises :class:`~interview_parser.errors.FileError` naming it.
    """
    name = os.fspath(path)
    if project:
        dialect, cast = project_settings(name, dialect, cast)
    return parse_bytes(
        read_input(name), dialect=dialect, interviewers=interviewers, cast=cast, path=name
    )
