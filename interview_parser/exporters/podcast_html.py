"""The ``podcast-html`` exporter: a Podcasting 2.0 HTML transcript (model -> HTML).

The podcast namespace's ``<podcast:transcript type="text/html">`` form: for each turn the
speaker in ``<cite>``, the start time in ``<time>``, and the words in ``<p>`` (one per
paragraph). Times as in ``podcast-json``, from :func:`interview_parser.timing.timeline`.

Options used: the timing options (``wpm``, ``pause``, ``start``, ``duration``).
"""

from __future__ import annotations

from collections.abc import Iterator
from html import escape

from . import ExportOptions, Source
from .podcast_json import iter_segments
from .script import paragraphs


def pieces(transcript: Source, options: ExportOptions) -> Iterator[str]:
    """The document in pieces, a line at a time, from the segments as they are made."""
    separator = ""
    for segment in iter_segments(transcript, options):
        lines = [f"<cite>{escape(segment['speaker'])}:</cite>"] if "speaker" in segment else []
        lines.append(f"<time>{_timestamp(segment['startTime'])}</time>")
        lines.extend(f"<p>{escape(p)}</p>" for p in paragraphs(segment["body"]))
        yield separator + "\n".join(lines) + "\n"
        separator = "\n"


LATEST = 1e9  # seconds, about 30 years


def _timestamp(seconds: float) -> str:
    """``HH:MM:SS.mmm``, the clock the namespace's examples use."""
    if not 0 <= seconds < LATEST:  # hostile times (1e308, NaN): clamped, never an overflow
        seconds = LATEST if seconds > 0 else 0.0
    millis = round(seconds * 1000)
    hours, rest = divmod(millis, 3_600_000)
    minutes, rest = divmod(rest, 60_000)
    secs, millis = divmod(rest, 1000)
    return f"{hours:02d}:{minutes:02d}:{secs:02d}.{millis:03d}"
