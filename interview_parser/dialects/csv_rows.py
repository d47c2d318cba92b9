"""Transcripts kept as a spreadsheet: CSV (or TSV, or a Markdown table) with a speaker
column and a text column.

    timestamp,speaker,words,tags
    [0:00],HK,"So, shall we start with the harbour?",
    ,MO,"Yes. It was 1952, and the quay was still wooden.",harbour
    ,,"Everyone fished from it.",

The header row names the columns (:data:`SPEAKER_COLUMNS`, :data:`TEXT_COLUMNS`,
:data:`TIME_COLUMNS`); that header is how the format is detected. Each row is a segment
(:mod:`.segments`): a row whose speaker cell is empty continues the turn before it, a time
cell gives the turn's start (a number of seconds that is no time, ``1e999``, ``NaN``, ``-5``,
is an error at its cell). The header and every other column (codes, tags, notes) are not
speech: they become skipped spans, so no word is lost. Rows are read with the standard
library's ``csv`` module, quoted cells over several lines included.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from typing import TYPE_CHECKING

from ..clock import parse_clock
from ..errors import TranscriptSyntaxError
from ..syntax import Reading, Span

if TYPE_CHECKING:
    from .segments import Segment

SPEAKER_COLUMNS = frozenset({"speaker", "speaker name", "speaker_name", "name", "who", "person"})
TEXT_COLUMNS = frozenset(
    {"words", "text", "transcript", "transcription", "utterance", "content", "body", "speech"}
    | {"dialogue", "line", "said"}
)
TIME_COLUMNS = frozenset({"timestamp", "time", "start", "start time", "start_time", "begin"})
END_COLUMNS = frozenset({"end", "end time", "end_time", "stop"})
# What may part the cells: commas, semicolons, tabs, and the pipes of a Markdown table
# ("| Time | Speaker | Text |", its rule row "|---|---|---|" a skipped span).
DELIMITERS = ",;\t|"


def _names(header: list[str]) -> list[str]:
    return [cell.strip().lstrip("\ufeff").casefold() for cell in header]


def _find(names: list[str], wanted: frozenset[str]) -> int | None:
    return next((i for i, name in enumerate(names) if name in wanted), None)


def csv_columns(first_line: str) -> tuple[int, int] | None:
    """The speaker and text column of a CSV header line, or None if it is no such header."""
    if not any(d in first_line for d in DELIMITERS):
        return None
    delimiter = max(DELIMITERS, key=first_line.count)
    names = _names(next(csv.reader([first_line], delimiter=delimiter), []))
    speaker, text = _find(names, SPEAKER_COLUMNS), _find(names, TEXT_COLUMNS)
    return None if speaker is None or text is None else (speaker, text)


def _field_starts(raw: str, delimiter: str) -> list[int]:
    """Offsets in ``raw`` (a row as written) where each cell starts."""
    starts, quoted = [0], False
    for i, char in enumerate(raw):
        if char == '"':
            quoted = not quoted
        elif char == delimiter and not quoted:
            starts.append(i + 1)
    return starts


def _seconds(cell: str) -> float | None:
    value = cell.strip().strip("[]()")
    if not value:
        return None
    if ":" in value:
        return parse_clock(value)  # its pattern bounds it: two digits a field
    try:
        return float(value)
    except ValueError:
        return None


def _time(
    row: list[str], index: int | None, names: list[str], line: int, starts: list[int]
) -> float | None:
    """The seconds in a time cell (None: no time there); a number that is no time (NaN,
    infinite, negative, beyond :data:`~.segments.MAX_SECONDS`) is an error at the cell."""
    from .segments import MAX_SECONDS

    cell = _cell(row, index)
    seconds = _seconds(cell)
    if seconds is None or index is None or ":" in cell or 0 <= seconds <= MAX_SECONDS:
        return seconds
    shown = cell.strip() if len(cell.strip()) <= 20 else f"{cell.strip()[:12]}..."
    raise TranscriptSyntaxError(
        f"{names[index]} {shown} is not a time (seconds from 0 to {MAX_SECONDS:,})",
        line=line,
        column=starts[index] + 1 if index < len(starts) else 1,
    )


def _lead(cell: str) -> int:
    """The blanks a cell starts with (a Markdown table pads its cells: "| Maya Ross |")."""
    return len(cell) - len(cell.lstrip(" \t"))


def _cell(row: list[str], index: int | None) -> str:
    return row[index] if index is not None and index < len(row) else ""


def _rows(text: str, delimiter: str) -> Iterator[tuple[int, str, list[str]]]:
    """Each row with its first line and its text as written."""
    lines = text.splitlines(keepends=True)
    consumed: list[str] = []

    def source() -> Iterator[str]:
        for line in lines:
            consumed.append(line)
            yield line

    reader = csv.reader(source(), delimiter=delimiter)
    first = 1
    try:
        for row in reader:
            raw = "".join(consumed)
            consumed.clear()
            yield first, raw, row
            first = reader.line_num + 1
    except csv.Error as exc:
        raise TranscriptSyntaxError(f"unreadable CSV row: {exc}", line=first, column=1) from None


def read_csv(text: str) -> Reading:
    """Read a CSV transcript whose header names a speaker and a text column."""
    # Imported here: detection calls csv_columns on every file and needs none of it.
    from .segments import Segment, segment_blocks

    header_line = text.split("\n", 1)[0]
    columns = csv_columns(header_line)
    if columns is None:
        raise TranscriptSyntaxError(
            "a CSV transcript needs a header row with a speaker and a text column "
            "(e.g. 'speaker,text')",
            line=1,
            column=1,
        )
    delimiter = max(DELIMITERS, key=header_line.count)
    names = _names(next(csv.reader([header_line], delimiter=delimiter)))
    speaker_at, text_at = columns
    time_at, end_at = _find(names, TIME_COLUMNS), _find(names, END_COLUMNS)
    reading = Reading("csv", [], [], all_speech=True)
    segments: list[Segment] = []
    for line, raw, row in _rows(text, delimiter):
        end_line = line + raw.rstrip("\r\n").count("\n")
        if line == 1:
            reading.skipped.append(Span("csv header", raw.strip(), 1, end_line))
            continue
        if not any(cell.strip() for cell in row):
            continue
        if all(not cell.strip(" -:") for cell in row):  # a Markdown table's rule row
            reading.skipped.append(Span("table rule", raw.strip(), line, end_line))
            continue
        starts = _field_starts(raw, delimiter)
        other = [
            c.strip() for i, c in enumerate(row) if i not in (speaker_at, text_at) and c.strip()
        ]
        if other:
            reading.skipped.append(Span("csv cells", " | ".join(other), line, end_line))
        spoken = _cell(row, text_at)
        text_column = starts[text_at] + 1 + _lead(spoken) if text_at < len(starts) else 1
        speaker = _cell(row, speaker_at)
        segments.append(
            Segment(
                speaker=speaker or None,
                text=spoken,
                line=line,
                column=text_column + (1 if raw[text_column - 1 : text_column] == '"' else 0),
                start=_time(row, time_at, names, line, starts),
                end=_time(row, end_at, names, line, starts),
                speaker_column=(
                    starts[speaker_at] + 1 + _lead(speaker) if speaker_at < len(starts) else None
                ),
                end_line=end_line,
            )
        )
    reading.blocks = segment_blocks(segments, "csv")
    return reading
