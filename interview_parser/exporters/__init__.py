"""Stage 3 of the pipeline: the registry of exporters (a transcript -> a document).

A plain dict from format name to :class:`Exporter`. Each exporter's module is imported only
when that format is used, so adding formats never slows the commands that do not use them.
An unknown name raises :class:`~interview_parser.errors.UsageError` listing the known ones.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass

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
    # Podcast script and Q&A article.
    names: bool = False  # the cast's own names instead of HOST / GUEST
    cues: bool = True  # production cues such as [MUSIC UP, THEN UNDER]
    qa_style: str = "names"  # names | qa


Render = Callable[[Transcript, ExportOptions], str]


@dataclass(frozen=True)
class Exporter:
    name: str
    suffix: str  # file suffix for --out-dir, with the dot
    summary: str
    target: str  # "module:function" inside this package, imported on first use

    def render(self, transcript: Transcript, options: ExportOptions | None = None) -> str:
        module_name, _, function = self.target.partition(":")
        module = importlib.import_module(f"{__name__}.{module_name}")
        render: Render = getattr(module, function)
        return render(transcript, options or ExportOptions())


EXPORTERS: dict[str, Exporter] = {
    e.name: e
    for e in (
        Exporter("json", ".json", "versioned JSON (`interview-parser schema`)", "jsonout:render"),
        Exporter("podcast", ".podcast.md", "production script (Markdown)", "podcast:render"),
        Exporter("fountain", ".fountain", "script as Fountain screenplay", "fountain:render"),
        Exporter("podcast-json", ".podcast.json", "Podcasting 2.0 JSON", "podcast_json:render"),
        Exporter("podcast-html", ".html", "Podcasting 2.0 HTML", "podcast_html:render"),
        Exporter("markdown", ".md", "the interview as a Q&A article (Markdown)", "markdown:render"),
        Exporter("srt", ".srt", "SubRip subtitles cut to a profile (--profile)", "srt:render"),
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
