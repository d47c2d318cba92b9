"""Podcasting 2.0 JSON transcripts: ``{"version": "1.0.0", "segments": [...]}``.

JSON has its own grammar, so this family is read with the standard library's parser, not
Lark. Each segment (``speaker``, ``startTime``, ``endTime``, ``body``) becomes a block;
consecutive segments of one speaker merge into one turn, as caption cues do. A segment's line
is the line of its ``body`` in the source.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator

from ..errors import TranscriptSyntaxError
from ..syntax import RawBlock, Reading

_BODY_KEY = re.compile(r'"body"\s*:')


# The longest time read, in seconds (about 116 days): beyond it a "time" is an error in the
# file, and every clock format downstream would overflow on it (1e308, 1e999, NaN, 5,000 digits).
MAX_SECONDS = 10_000_000
# Each time key and its largest value: a bare array's "start" and "end" may be milliseconds.
TIME_LIMITS = {
    "startTime": MAX_SECONDS,
    "endTime": MAX_SECONDS,
    "start": MAX_SECONDS * 1000,
    "end": MAX_SECONDS * 1000,
}
_TIME_KEY = re.compile(r'"(startTime|endTime|start|end)"\s*:\s*(-?[\w.+-]+)')


def _number(value: object) -> float | None:
    return float(value) if isinstance(value, int | float) and not isinstance(value, bool) else None


def _big_int(literal: str) -> int | float:
    """An integer literal; a very long one as a float (``int()`` refuses 4,300 digits)."""
    return int(literal) if len(literal) <= 30 else float(literal)


def check_times(text: str, segments: list[object]) -> None:
    """Raise :class:`TranscriptSyntaxError` at the first segment time that is not a finite
    number from 0 to its limit (:data:`TIME_LIMITS`), placed at its literal in ``text``."""
    for segment in segments:
        if not isinstance(segment, dict):
            continue
        for key, limit in TIME_LIMITS.items():
            value = _number(segment.get(key))
            if value is not None and not 0 <= value <= limit:  # NaN fails both too
                raise _bad_time(text, key, value)


def _time_error(key: str, shown: object) -> str:
    limit = TIME_LIMITS[key]
    unit = "seconds" if limit == MAX_SECONDS else "seconds or milliseconds"
    return f"{key} {shown} is not a time ({unit} from 0 to {limit:,})"


def _bad_time(text: str, key: str, value: float) -> TranscriptSyntaxError:
    """The error for a bad time, placed at the first such literal in the text."""
    for match in _TIME_KEY.finditer(text):
        literal = match.group(2)
        try:
            number = float(literal)
        except ValueError:
            continue
        if not 0 <= number <= TIME_LIMITS[match.group(1)]:
            start = match.start(2)
            line, column = text.count("\n", 0, start) + 1, start - text.rfind("\n", 0, start)
            shown = literal if len(literal) <= 20 else f"{literal[:12]}... ({len(literal)} chars)"
            return TranscriptSyntaxError(
                _time_error(match.group(1), shown), line=line, column=column
            )
    return TranscriptSyntaxError(_time_error(key, value), line=1, column=1)


def _load(text: str) -> object:
    """The JSON document; NaN and infinities are kept for :func:`check_times` to name."""
    try:
        return json.loads(text, parse_int=_big_int)
    except json.JSONDecodeError as exc:
        raise TranscriptSyntaxError(
            f"invalid JSON: {exc.msg}", line=exc.lineno, column=exc.colno
        ) from None
    except RecursionError:  # the standard library's parser recurses once a bracket
        line, column = _deep_point(text)
        raise TranscriptSyntaxError(
            "JSON nested too deeply for a transcript", line=line, column=column
        ) from None


_TOKEN = re.compile(r'"(?:[^"\\]|\\.)*"|[\[{]|[\]}]')


def _deep_point(text: str, limit: int = 100) -> tuple[int, int]:
    """Line and column of the first bracket nested ``limit`` deep (1, 1 if none)."""
    depth = 0
    for token in _TOKEN.finditer(text):
        first = token.group()[0]
        depth += 1 if first in "[{" else -1 if first in "]}" else 0
        if depth >= limit:
            start = token.start()
            return text.count("\n", 0, start) + 1, start - text.rfind("\n", 0, start)
    return 1, 1


def _lines_of(text: str, matches: Iterator[re.Match[str]]) -> list[int]:
    """The line of each match, counted on from the previous one (not from the top each time)."""
    lines, line, offset = [], 1, 0
    for match in matches:
        line += text.count("\n", offset, match.start())
        offset = match.start()
        lines.append(line)
    return lines


def read_podcast_json(text: str) -> Reading:
    data = _load(text)
    segments = data.get("segments") if isinstance(data, dict) else None
    if not isinstance(segments, list):
        raise TranscriptSyntaxError("Podcasting 2.0 JSON needs a 'segments' list", line=1, column=1)
    check_times(text, segments)
    lines = _lines_of(text, _BODY_KEY.finditer(text))
    reading = Reading("podcast-json", [], [])
    previous: str | None = None
    for i, segment in enumerate(segments):
        if not isinstance(segment, dict):
            continue
        line = lines[i] if i < len(lines) else 1
        speaker = segment.get("speaker")
        body = segment.get("body") or ""
        if isinstance(body, list | dict):  # its words have no order to read them in
            raise TranscriptSyntaxError("a segment's body must be text", line=line, column=1)
        body = str(body)
        start, end = _number(segment.get("startTime")), _number(segment.get("endTime"))
        label = f"{speaker}:" if isinstance(speaker, str) and speaker.strip() else None
        if label is not None and label == previous:
            label = None  # the same speaker goes on
        elif label is not None:
            previous = label
        reading.blocks.append(
            RawBlock(
                label, body + "\n", line, line, 1, line, 1, "json" if label else "", start, end
            )
        )
    return reading
