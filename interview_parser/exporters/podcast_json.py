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

import json
from importlib import resources
from typing import Any

from ..model import Transcript
from . import ExportOptions
from .script import turn_times

VERSION = "1.0.0"
SCHEMA_FILE = "podcast-transcript.schema.json"


def segments(transcript: Transcript, options: ExportOptions) -> list[dict[str, Any]]:
    """One segment per turn: who speaks (full name, else label; left out when the transcript
    does not say), when, and what."""
    times = turn_times(transcript, options)
    out = []
    for turn, time in zip(transcript.turns, times.turns, strict=True):
        speaker = transcript.speaker(turn.speaker)
        who = {"speaker": speaker.name or speaker.label} if speaker.name or speaker.label else {}
        out.append(
            {
                **who,
                "startTime": round(time.start, 3),
                "endTime": round(time.end, 3),
                "body": turn.text,
            }
        )
    return out


def render(transcript: Transcript, options: ExportOptions) -> str:
    # "timesEstimated" says whether any time was estimated from the speaking rate rather than
    # read from the transcript (an extension field; players ignore fields they do not know).
    estimated = any(turn.start is None for turn in transcript.turns)
    document = {
        "version": VERSION,
        "timesEstimated": estimated,
        "segments": segments(transcript, options),
    }
    return json.dumps(document, indent=options.indent, ensure_ascii=False) + "\n"


def schema() -> str:
    """The JSON Schema (draft 2020-12) of what :func:`render` prints."""
    path = resources.files("interview_parser").joinpath("schemas").joinpath(SCHEMA_FILE)
    return path.read_text(encoding="utf-8")
