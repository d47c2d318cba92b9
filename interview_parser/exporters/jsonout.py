"""The JSON exporter: the model's own versioned JSON form, plus its JSON Schema."""

from __future__ import annotations

import json

from ..model import Transcript
from . import ExportOptions


def render(transcript: Transcript, options: ExportOptions) -> str:
    return transcript.to_json(indent=options.indent) + "\n"


def schema() -> str:
    """The JSON Schema (draft 2020-12) of what :func:`render` prints."""
    document = Transcript.model_json_schema(mode="serialization")
    document = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://interview-parser.invalid/schema/transcript.json",
        **document,
    }
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"
