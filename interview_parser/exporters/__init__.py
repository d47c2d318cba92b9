"""Stage 3 of the pipeline: the registry of exporters (a transcript -> a document).

A plain dict from format name to :class:`Exporter`. Each exporter's module is imported only
when that format is used, so adding formats never slows the commands that do not use them.
An unknown name raises :class:`~interview_parser.errors.UsageError` listing the known ones.

:meth:`Exporter.render` returns the document as a string; :meth:`Exporter.write` sends the
same document, UTF-8 encoded, to a binary stream. A format whose documents grow large names
a ``writer`` that writes in pieces (``json`` does); the others are rendered, then written.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import IO, Any

from ..errors import UsageError
from ..model import Transcript
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


Render = Callable[[Transcript, ExportOptions], str]
Write = Callable[[Transcript, ExportOptions, IO[bytes]], None]


@dataclass(frozen=True)
class Exporter:
    name: str
    suffix: str  # file suffix for --out-dir, with the dot
    summary: str
    target: str  # "module:function" inside this package, imported on first use
    # "module:function" writing the document to a binary stream in pieces; None: render it
    # whole, then write it. Either way the bytes are those of render(), UTF-8 encoded.
    writer: str | None = None

    def render(self, transcript: Transcript, options: ExportOptions | None = None) -> str:
        render: Render = _load(self.target)
        return render(transcript, options or ExportOptions())

    def write(
        self, transcript: Transcript, options: ExportOptions | None, stream: IO[bytes]
    ) -> None:
        """Write the document to ``stream`` (binary) as UTF-8: ``render(...).encode()``."""
        if self.writer is None:
            stream.write(self.render(transcript, options).encode("utf-8"))
            return
        write: Write = _load(self.writer)
        write(transcript, options or ExportOptions(), stream)


def _load(target: str) -> Any:
    module_name, _, function = target.partition(":")
    module = importlib.import_module(f"{__name__}.{module_name}")
    return getattr(module, function)


EXPORTERS: dict[str, Exporter] = {
    e.name: e
    for e in (
        Exporter(
            "json",
            ".json",
            "versioned JSON (`interview-parser schema`)",
            "jsonout:render",
            writer="jsonout:write",
        ),
        Exporter("podcast", ".podcast.md", "production script (Markdown)", "podcast:render"),
        Exporter("fountain", ".fountain", "script as Fountain screenplay", "fountain:render"),
        Exporter(
            "podcast-json",
            ".podcast.json",
            "Podcasting 2.0 JSON",
            "podcast_json:render",
            writer="podcast_json:write",
        ),
        Exporter("podcast-html", ".html", "Podcasting 2.0 HTML", "podcast_html:render"),
        Exporter("html", ".html", "a page to read and search the interview (HTML)", "html:render"),
        Exporter("markdown", ".md", "the interview as a Q&A article (Markdown)", "markdown:render"),
        Exporter(
            "srt",
            ".srt",
            "SubRip subtitles cut to a profile (--profile)",
            "srt:render",
            writer="srt:write",
        ),
        Exporter("vtt", ".vtt", "WebVTT subtitles with <v> speaker voices", "vtt:render"),
    )
}


def get_exporter(name: str) -> Exporter:
    try:
        return EXPORTERS[name]
    except KeyError:
        known = ", ".join(sorted(EXPORTERS))
        raise UsageError(f"unknown format {name!r} (known: {known})") from None


def export(transcript: Transcript, name: str, options: ExportOptions | None = None) -> str:
    """Render ``transcript`` in format ``name``."""
    return get_exporter(name).render(transcript, options)
