"""The ``podcast-html`` exporter: a Podcasting 2.0 HTML transcript (model -> HTML).

The podcast namespace's ``<podcast:transcript type="text/html">`` form: for each turn the
speaker in ``<cite>``, the start time in ``<time>``, and the words in ``<p>`` (one per
paragraph). Times as in ``podcast-json``, from :func:`interview_parser.timing.timeline`.

Options used: the timing options (``wpm``, ``pause``, ``start``, ``duration``).
"""

from __future__ import annotations

from html import escape

from ..model import Transcript
from . import ExportOptions
from .podcast_json import segments
from .script import paragraphs


def render(transcript: Transcript, options: ExportOptions) -> str:
    out = []
    for segment in segments(transcript, options):
        if "speaker" in segment:
            out.append(f"<cite>{escape(segment['speaker'])}:</cite>")
        out.append(f"<time>{_timestamp(segment['startTime'])}</time>")
        out.extend(f"<p>{escape(p)}</p>" for p in paragraphs(segment["body"]))
        out.append("")
    return "\n".join(out)


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
