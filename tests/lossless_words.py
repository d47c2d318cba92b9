"""Word accounting for the lossless properties: the source's words against the model's.

Every word of the source must land in the front matter, preamble, title, a label, a turn or a
skipped layout span. Clock times and time spans are compared apart from the text (they become
``start`` and ``end``), and markup that a layout wraps words in (HTML tags, caption voice tags,
JSON keys) is not a word of the transcript.
"""

from __future__ import annotations

import csv
import html
import io
import json
import re
from collections import Counter

import interview_parser as ip
from interview_parser.clock import clock_pattern
from interview_parser.dialects.convention import time_range

_CLOCK = re.compile(clock_pattern())  # the grammars' own CLOCK
_SPAN = re.compile(time_range())  # a time span beside a label: "[0.00-4.20]"
_WORD = re.compile(r"[^\W_]+")


def words(text: str) -> Counter[str]:
    return Counter(_WORD.findall(_CLOCK.sub(" ", _SPAN.sub(" ", text))))


def _is_markup(dialect: str) -> bool:
    """Layouts whose tags are markup, not words of the transcript."""
    return dialect in ("vtt", "srt") or dialect.startswith("html")


def source_words(dialect: str, text: str) -> Counter[str]:
    """Words of the source, less the markup its layout wraps them in."""
    if dialect in ("podcast-json", "json-array"):
        # A speaker's name counts once per run of segments: consecutive ones merge.
        data = json.loads(text)
        segments = data["segments"] if isinstance(data, dict) else data
        speakers = [s.get("speaker") or "" for s in segments]
        return words(
            " ".join(
                (speakers[i] if i == 0 or speakers[i - 1] != speakers[i] else "")
                + " "
                + s.get("body", s.get("text", ""))
                for i, s in enumerate(segments)
            )
        )
    if dialect == "csv":
        # Every cell but a speaker repeating the one above (a continuing turn).
        delimiter = max(",;\t|", key=text.split("\n", 1)[0].count)  # as the reader chooses
        rows = list(csv.reader(io.StringIO(text), delimiter=delimiter))
        column = [c.strip().casefold() for c in rows[0]].index("speaker") if rows else 0
        previous = ""
        cells = []
        for row in rows:
            for i, cell in enumerate(row):
                if i == column:
                    if cell.strip() and cell.strip() != previous:
                        cells.append(cell)
                    previous = cell.strip() or previous
                else:
                    cells.append(cell)
        return words(" ".join(cells))
    if dialect == "vtt":
        # The voice tag repeats on every cue; the speaker is checked on its own below.
        text = re.sub(r"<v(?:\.[\w.-]+)?\s+[^>]*>", " ", text)
    if _is_markup(dialect):
        text = html.unescape(re.sub(r"<[^<>]*>", " ", text))
    return words(text)


def model_words(t: ip.Transcript, text: str) -> Counter[str]:
    lines = text.split("\n")
    found: Counter[str] = Counter()
    if t.front_matter_lines:
        first, last = t.front_matter_lines
        found += words("\n".join(lines[first - 1 : last]))
    if t.preamble:
        found += words(t.preamble)
    if t.title and not (t.front_matter_lines and t.title_line == t.front_matter_lines[0]):
        found += words(t.title)
    for turn in t.turns:
        found += words(turn.text)
        if t.source.dialect != "vtt" or "<v" not in lines[turn.line - 1]:  # a voice is markup
            found += words(turn.label)
    markup = _is_markup(t.source.dialect)
    for span in t.skipped:
        found += words(re.sub(r"<[^<>]*>", " ", span.text) if markup else span.text)
    return found
