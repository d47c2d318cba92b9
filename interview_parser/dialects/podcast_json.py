"""Podcasting 2.0 JSON transcripts: ``{"version": "1.0.0", "segments": [...]}``.

JSON has its own grammar, so this family is read with the standard library's parser, not
Lark. Each segment (``speaker``, ``startTime``, ``endTime``, ``body``) becomes a block;
consecutive segments of one speaker merge into one turn, as caption cues do. A segment's line
is the line of its ``body`` in the source.
"""

from __future__ import annotations

import json
import re

from ..errors import TranscriptSyntaxError
from ..syntax import RawBlock, Reading

_BODY_KEY = re.compile(r'"body"\s*:')


def _number(value: object) -> float | None:
    return float(value) if isinstance(value, int | float) and not isinstance(value, bool) else None


def read_podcast_json(text: str) -> Reading:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise TranscriptSyntaxError(
            f"invalid JSON: {exc.msg}", line=exc.lineno, column=exc.colno
        ) from None
    segments = data.get("segments") if isinstance(data, dict) else None
    if not isinstance(segments, list):
        raise TranscriptSyntaxError("Podcasting 2.0 JSON needs a 'segments' list", line=1, column=1)
    lines = [text.count("\n", 0, m.start()) + 1 for m in _BODY_KEY.finditer(text)]
    reading = Reading("podcast-json", [], [])
    previous: str | None = None
    for i, segment in enumerate(segments):
        if not isinstance(segment, dict):
            continue
        line = lines[i] if i < len(lines) else 1
        speaker = segment.get("speaker")
        body = str(segment.get("body") or "")
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
