"""The ``podcast-json`` exporter: a Podcasting 2.0 JSON transcript (model -> JSON).

The podcast namespace's ``<podcast:transcript type="application/json">`` form:
``{"version": "1.0.0", "segments": [{"speaker", "startTime", "endTime", "body"}]}``, one
segment per turn, times in seconds. Times are the transcript's own where it has them and
otherwise estimated by :func:`interview_parser.timing.timeline` (through
:func:`~interview_parser.exporters.script.turn_times`), exactly as the subtitle exporters and
the podcast script place them. The JSON Schema of this output ships in the
package (``interview_parser/schemas/podcast-transcript.schema.json``; :func:`schema`).

The top-level ``timesEstimated`` field (an extension of the namespace's form) is true when
any time was estimated rather than read from the transcript.

Options used: ``indent`` and the timing options (``wpm``, ``pause``, ``start``, ``duration``).
"""

from __future__ import annotations

import functools
import json
import math
from collections.abc import Iterator, Sequence
from importlib import resources
from itertools import pairwise
from typing import IO, Any

from ..model import Gathered, TimeSpan, Turn
from ..spool import gather
from ..timing import Census, census, equal_runs, iter_times, share_by_words
from . import ExportOptions, Source

VERSION = "1.0.0"
SCHEMA_FILE = "podcast-transcript.schema.json"


def segments(transcript: Source, options: ExportOptions) -> list[dict[str, Any]]:
    """One segment per turn, or per source segment or cue where the turn keeps their times
    (:attr:`~interview_parser.model.Turn.spans`): who speaks (full name, else label; left
    out when the transcript does not say), when, and what."""
    return list(iter_segments(transcript, options))


def iter_segments(transcript: Source, options: ExportOptions) -> Iterator[dict[str, Any]]:
    """:func:`segments` one at a time, as the turns are read (:func:`write` holds no list)."""
    document = gather(transcript)
    return _segments(document, _census(document, options), options)


def _census(document: Gathered, options: ExportOptions) -> Census:
    return census(document.turns, wpm=options.wpm, pause=options.pause, duration=options.duration)


def _segments(
    document: Gathered, found: Census, options: ExportOptions
) -> Iterator[dict[str, Any]]:
    speakers = document.head.speakers_by_id()
    for turn, time in iter_times(document.turns, found, start=options.start):
        speaker = speakers[turn.speaker]
        who = {"speaker": speaker.name or speaker.label} if speaker.name or speaker.label else {}
        pieces = _source_segments(turn, options.start, time.end)
        if pieces is None:
            pieces = [(time.start, time.end, turn.text)]
        for start, end, body in pieces:
            yield {**who, "startTime": round(start, 3), "endTime": round(end, 3), "body": body}


def _source_segments(
    turn: Turn, shift: float, turn_end: float
) -> list[tuple[float, float, str]] | None:
    """The turn cut back into the segments it was read from, with their own times; None
    when it has no such times or they do not move forward (then the turn is one segment)."""
    spans = turn.spans
    if len(spans) < 2 or any(s.start is None or not math.isfinite(s.start) for s in spans):
        return None
    starts = [float(s.start) + shift for s in spans if s.start is not None]
    if any(b < a for a, b in pairwise(starts)):
        return None
    words = turn.text.split()
    bounds = [*(s.word for s in spans), len(words)]
    _spread_shared(starts, spans, bounds)
    out = []
    for k, span in enumerate(spans):
        following = starts[k + 1] if k + 1 < len(spans) else turn_end
        end = span.end + shift if span.end is not None and math.isfinite(span.end) else following
        end = min(end, following) if following > starts[k] else end
        body = " ".join(words[bounds[k] : bounds[k + 1]])
        out.append((starts[k], max(end, starts[k]), body))
    return out


def _spread_shared(starts: list[float], spans: Sequence[TimeSpan], bounds: list[int]) -> None:
    """Segments that share a start (two speakers' lines in one caption cue) share that
    cue's time by their words, as the timeline shares it between turns."""
    for i, j, start in equal_runs(starts):
        end = spans[i].end
        if end is not None and math.isfinite(end):
            shift = start - float(spans[i].start or 0.0)
            counts = [bounds[k + 1] - bounds[k] for k in range(i, j)]
            starts[i:j] = share_by_words(start, end + shift, counts)


def render(transcript: Source, options: ExportOptions) -> str:
    return "".join(_pieces(transcript, options))


def write(transcript: Source, options: ExportOptions, stream: IO[bytes]) -> None:
    """:func:`render`'s bytes, written a segment at a time: a million turns as one string (and
    one dict each before it) took 1.8 GB."""
    for piece in _pieces(transcript, options):
        stream.write(piece.encode("utf-8"))


def _pieces(transcript: Source, options: ExportOptions) -> Iterator[str]:
    """The document in pieces, byte for byte ``json.dumps`` of it whole (indent or not)."""
    document = gather(transcript)
    found = _census(document, options)
    # "timesEstimated" says whether any time was estimated from the speaking rate rather than
    # read from the transcript (an extension field; players ignore fields they do not know).
    estimated = found.missing > 0
    head = {"version": VERSION, "timesEstimated": estimated}
    indent = options.indent
    dumps = functools.partial(json.dumps, indent=indent, ensure_ascii=False)
    if indent is None:
        yield dumps(head)[:-1] + ', "segments": ['
        after, last = ", ", "]}\n"
    else:
        # Strings are escaped, so every line break in a segment's JSON is its layout.
        inner = "\n" + " " * (2 * indent)
        yield dumps(head)[:-2] + ",\n" + " " * indent + '"segments": ['
        after, last = ",", "\n" + " " * indent + "]\n}\n"
    separator = ""
    for segment in _segments(document, found, options):
        text = dumps(segment)
        yield separator + (text if indent is None else inner + text.replace("\n", inner))
        separator = after
    yield last if separator or indent is None else "]\n}\n"


def schema() -> str:
    """The JSON Schema (draft 2020-12) of what :func:`render` prints."""
    path = resources.files("interview_parser").joinpath("schemas").joinpath(SCHEMA_FILE)
    return path.read_text(encoding="utf-8")
