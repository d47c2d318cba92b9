"""Stage 3 of the pipeline: the registry of exporters (a transcript -> a document).

A plain dict from format name to :class:`Exporter`. Each exporter's module is imported only
when that format is used, so adding formats never slows the commands that do not use them.
An unknown name raises :class:`~interview_parser.errors.UsageError` listing the known ones.

:meth:`Exporter.render` returns the document as a string; :meth:`Exporter.write` sends the
same document, UTF-8 encoded, to a binary stream in pieces as they are made (a format's
module yields its text ``pieces``, or writes its own): writing a long transcript to a file
never holds its whole document, nor one object per cue or segment, in memory. Both take a
whole :class:`~interview_parser.model.Transcript` or a
:class:`~interview_parser.model.TranscriptStream` (docs/streaming.md), and write the same
bytes from either: a stream's events are read once, in order; what a format must look at
before it writes (the timeline looks ahead, the page's header counts every turn) it reads
again from a spool on disk (``interview_parser.spool``), never from a list of the turns.
:func:`write_text` gathers text pieces into writes.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import IO, Any

from ..errors import UsageError
from ..model import Transcript, TranscriptStream
from ..timing import DEFAULT_PAUSE, DEFAULT_WPM


@dataclass(frozen=True)
class ExportOptions:
    """Every option an exporter may read; each exporter documents the ones it uses.

    The CLI maps its flags onto these one to one; library callers pass them by keyword.
    """

    indent: int | None = 2  # json: indentation, None for one line
    # Timing, shared by every exporter that needs times (see interview_parser.timing).
    wpm: float = DEFAULT_WPM
    pause: float = DEFAULT_PAUSE
    start: float = 0.0
    duration: float | None = None
    # Subtitles.
    profile: str = "netflix"
    speaker_style: str | None = None  # prefix | dash | none; None means the format's default
    notes: str | None = None  # stage notes: keep | sdh | drop; None means the profile's default
    # Podcast script and Q&A article.
    names: bool = False  # the cast's own names instead of HOST / GUEST
    cues: bool = True  # production cues such as [MUSIC UP, THEN UNDER]
    qa_style: str = "names"  # names | qa
    # Transcript page: the recording's address relative to the page (--audio), or None.
    audio: str | None = None
    # Podcast script: what the front matter says unless given here.
    show: str | None = None
    episode: str | None = None
    title: str | None = None
    cold_open: bool = False  # open the script with a teaser from the conversation


Source = Transcript | TranscriptStream  # what an exporter writes from
Render = Callable[[Source, ExportOptions], str]
Write = Callable[[Source, ExportOptions, IO[bytes]], None]
Pieces = Callable[[Source, ExportOptions], Iterable[str]]


@dataclass(frozen=True)
class Exporter:
    name: str
    suffix: str  # file suffix for --out-dir, with the dot
    summary: str
    module: str  # the module of this package that makes the document, imported on first use
    # The module makes its document as text pieces, ``pieces(transcript, options)``, as they
    # come: render() joins them, write() gathers them into writes. False: the module has its
    # own ``render`` and ``write`` (JSON: pydantic renders one string faster than joining,
    # and its pieces are bytes; Podcasting 2.0 JSON: a write a segment). Either way write()
    # writes render()'s bytes, UTF-8.
    text_pieces: bool = True

    def render(self, transcript: Source, options: ExportOptions | None = None) -> str:
        module = _module(self.module)
        options = options or ExportOptions()
        if self.text_pieces:
            pieces: Pieces = module.pieces
            return "".join(pieces(transcript, options))
        render: Render = module.render
        return render(transcript, options)

    def write(self, transcript: Source, options: ExportOptions | None, stream: IO[bytes]) -> None:
        """Write the document to ``stream`` (binary) as UTF-8, ``render(...).encode()``, in
        pieces as they are made."""
        module = _module(self.module)
        options = options or ExportOptions()
        if self.text_pieces:
            pieces: Pieces = module.pieces
            write_text(pieces(transcript, options), stream)
            return
        write: Write = module.write
        write(transcript, options, stream)


WRITE_SIZE = 1 << 16  # characters gathered into one write of text pieces


def write_text(pieces: Iterable[str], stream: IO[bytes], *, size: int = WRITE_SIZE) -> None:
    """Write ``"".join(pieces).encode()`` to ``stream``, about ``size`` characters a write:
    a document is never whole in memory, and a piece costs no system call of its own."""
    batch: list[str] = []
    held = 0
    for piece in pieces:
        batch.append(piece)
        held += len(piece)
        if held >= size:
            stream.write("".join(batch).encode("utf-8"))
            batch.clear()
            held = 0
    if batch:
        stream.write("".join(batch).encode("utf-8"))


def joined(parts: Iterable[str], separator: str) -> Iterator[str]:
    """``separator.join(parts)`` in pieces, as ``parts`` come."""
    first = True
    for part in parts:
        yield part if first else separator + part
        first = False


def _module(name: str) -> Any:
    return importlib.import_module(f"{__name__}.{name}")


EXPORTERS: dict[str, Exporter] = {
    e.name: e
    for e in (
        Exporter("json", ".json", "versioned JSON (`interview-parser schema`)", "jsonout", False),
        Exporter("podcast", ".podcast.md", "production script (Markdown)", "podcast"),
        Exporter("fountain", ".fountain", "script as Fountain screenplay", "fountain"),
        Exporter("podcast-json", ".podcast.json", "Podcasting 2.0 JSON", "podcast_json", False),
        Exporter("podcast-html", ".html", "Podcasting 2.0 HTML", "podcast_html"),
        Exporter("html", ".html", "a page to read and search the interview (HTML)", "html"),
        Exporter("markdown", ".md", "the interview as a Q&A article (Markdown)", "markdown"),
        Exporter("srt", ".srt", "SubRip subtitles cut to a profile (--profile)", "srt"),
        Exporter("vtt", ".vtt", "WebVTT subtitles with <v> speaker voices", "vtt"),
    )
}


def get_exporter(name: str) -> Exporter:
    try:
        return EXPORTERS[name]
    except KeyError:
        known = ", ".join(sorted(EXPORTERS))
        raise UsageError(f"unknown format {name!r} (known: {known})") from None


def export(transcript: Source, name: str, options: ExportOptions | None = None) -> str:
    """Render ``transcript`` in format ``name``."""
    return get_exporter(name).render(transcript, options)
