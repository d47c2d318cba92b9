"""JSON transcripts: Podcasting 2.0 (``{"version": "1.0.0", "segments": [...]}``) and a bare
array of segments (``[{"start": 1, "end": 5000, "text": "..."}, ...]``).

JSON has its own grammar, so these are read with the standard library's parser, not Lark.
Each segment (``speaker``, ``startTime``/``start``, ``endTime``/``end``, ``body``/``text``)
becomes a block at its own source line (:func:`json_elements`, :func:`json_members`);
consecutive segments of one speaker merge into one turn, as caption cues do, and segments
with no speaker at all are one unlabelled speaker (:mod:`.segments`). Podcasting 2.0 times
are seconds; a bare array's ``start``/``end`` are milliseconds when they are whole numbers
and segments would otherwise last minutes. A time that is no time (negative, NaN, infinite,
``1e308``, 5,000 digits) is an error at its literal (:func:`check_times`).
"""

from __future__ import annotations

import json
import re
import statistics

from ..errors import TranscriptSyntaxError
from ..syntax import Reading
from .segments import MAX_SECONDS, Lines, Segment, segment_blocks

_JSON_BLANKS = re.compile(r"[ \t\n\r]*")

# Median segment length (in the file's own unit) from which whole-number times are taken
# as milliseconds: a caption or sentence lasts seconds, not minutes.
MS_MEDIAN_DURATION = 100

# Each time key and its largest value: a bare array's "start" and "end" may be milliseconds.
TIME_LIMITS = {
    "startTime": MAX_SECONDS,
    "endTime": MAX_SECONDS,
    "start": MAX_SECONDS * 1000,
    "end": MAX_SECONDS * 1000,
}
_TIME_KEY = re.compile(r'"(startTime|endTime|start|end)"\s*:\s*(-?[\w.+-]+)')


def _big_int(literal: str) -> int | float:
    """An integer literal; a very long one as a float (``int()`` refuses 4,300 digits)."""
    return int(literal) if len(literal) <= 30 else float(literal)


# Long integers become floats here too, so that check_times can name a 5,000-digit time.
_DECODER = json.JSONDecoder(parse_int=_big_int)


def _number(value: object) -> float | None:
    return float(value) if isinstance(value, int | float) and not isinstance(value, bool) else None


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
    except (RecursionError, ValueError) as exc:  # ValueError: a number of 5,000 digits
        raise TranscriptSyntaxError(_unreadable(exc), line=1, column=1) from None


def _unreadable(exc: Exception) -> str:
    return "JSON nested too deeply" if isinstance(exc, RecursionError) else f"invalid JSON: {exc}"


def _skip(text: str, pos: int) -> int:
    match = _JSON_BLANKS.match(text, pos)
    return match.end() if match else pos


def json_elements(text: str, pos: int) -> list[tuple[int, object]]:
    """The elements of the JSON array that starts at ``pos``, each with its offset (read
    value by value with the standard library's decoder, so each has its source offset).

    ``text`` must be valid JSON (parsed once with :func:`json.loads` before): this only
    finds where each value is.
    """
    found: list[tuple[int, object]] = []
    pos = _skip(text, pos + 1)
    while text[pos : pos + 1] not in ("]", ""):
        value, end = _DECODER.raw_decode(text, pos)
        found.append((pos, value))
        pos = _skip(text, end)
        if text[pos : pos + 1] == ",":
            pos = _skip(text, pos + 1)
    return found


def json_members(text: str, pos: int) -> dict[str, tuple[int, object]]:
    """The members of the JSON object that starts at ``pos``: key -> (offset, value).

    A repeated key keeps its last value, as :func:`json.loads` does.
    """
    found: dict[str, tuple[int, object]] = {}
    pos = _skip(text, pos + 1)
    while text[pos : pos + 1] == '"':
        key, end = _DECODER.raw_decode(text, pos)  # a key is a JSON string value
        pos = _skip(text, _skip(text, end) + 1)  # past the colon
        value, end = _DECODER.raw_decode(text, pos)
        found[str(key)] = (pos, value)
        pos = _skip(text, end)
        if text[pos : pos + 1] == ",":
            pos = _skip(text, pos + 1)
    return found


def _first(members: dict[str, tuple[int, object]], *keys: str) -> tuple[int, object] | None:
    for key in keys:
        if key in members:
            return members[key]
    return None


def _segment(text: str, lines: Lines, pos: int, item: object) -> Segment | None:
    if not isinstance(item, dict):
        return None
    members = json_members(text, pos)
    body = _first(members, "body", "text")
    at = body[0] if body is not None else pos
    line, column = lines.at(at)
    speaker = item.get("speaker")
    spoken = body[1] if body is not None else None
    if isinstance(spoken, list | dict):  # its words have no order to read them in
        raise TranscriptSyntaxError("a segment's body must be text", line=line, column=column)
    return Segment(
        speaker=speaker if isinstance(speaker, str) else None,
        text=spoken if isinstance(spoken, str) else "",
        line=line,
        column=column + (1 if isinstance(spoken, str) else 0),  # after the opening quote
        start=_number(item.get("startTime", item.get("start"))),
        end=_number(item.get("endTime", item.get("end"))),
    )


def _in_seconds(segments: list[Segment], items: list[object]) -> list[Segment]:
    """Times of a bare array in seconds: whole numbers with long median segments are ms."""
    pairs = [(s.start, s.end) for s in segments if s.start is not None and s.end is not None]
    raw = [
        v
        for i in items
        if isinstance(i, dict)
        for v in (i.get("start"), i.get("end"))
        if v is not None
    ]
    whole = bool(raw) and all(isinstance(v, int) and not isinstance(v, bool) for v in raw)
    if not pairs or not whole:
        return segments
    if statistics.median(e - s for s, e in pairs) < MS_MEDIAN_DURATION:
        return segments
    return [
        Segment(
            s.speaker,
            s.text,
            s.line,
            s.column,
            s.start / 1000 if s.start is not None else None,
            s.end / 1000 if s.end is not None else None,
        )
        for s in segments
    ]


def read_json_segments(text: str, dialect: str) -> Reading:
    """Read a Podcasting 2.0 transcript or a bare JSON array of segments."""
    data = _load(text)
    start = len(text) - len(text.lstrip(" \t\n\r"))
    try:
        if isinstance(data, dict) and isinstance(data.get("segments"), list):
            at = json_members(text, start)["segments"][0]
        elif isinstance(data, list):
            at = start
        else:
            raise TranscriptSyntaxError(
                "a JSON transcript needs a 'segments' list, or is a list of segments",
                line=1,
                column=1,
            )
        items = json_elements(text, at)
    except (RecursionError, ValueError) as exc:
        raise TranscriptSyntaxError(_unreadable(exc), line=1, column=1) from None
    check_times(text, [item for _, item in items])
    lines = Lines(text)
    segments = [s for pos, item in items if (s := _segment(text, lines, pos, item)) is not None]
    if isinstance(data, list):
        segments = _in_seconds(segments, [item for _, item in items])
    return Reading(dialect, segment_blocks(segments, "json"), [], all_speech=True)


def read_podcast_json(text: str) -> Reading:
    return read_json_segments(text, "podcast-json")
