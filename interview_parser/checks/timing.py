"""Rules of the timing family (IP4xx): timestamps well formed and moving forward.

A timestamp is a clock time in brackets or parentheses, as transcription services and
labels write them: ``[00:01:23]``, ``(1:23)``, ``Host (01:02:03.5):``. Times in running text
without brackets ("at 10:30") are not timestamps.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from .context import Context
from .problem import Finding, Severity
from .rule import Rule

# Anything clock-like in brackets; validated separately, so "(1:5)" is found and reported.
_STAMP = re.compile(r"[\[(](\d{1,3}(?::\d{1,3}){1,3}(?:[.,]\d{1,4})?)[\])]")


@dataclass(frozen=True)
class Stamp:
    line: int
    column: int
    text: str
    seconds: float | None  # None when malformed


def _seconds(text: str) -> float | None:
    main, _, fraction = text.replace(",", ".").partition(".")
    parts = main.split(":")
    if len(parts) > 3 or len(fraction) > 3 or len(parts[0]) > 2:
        return None
    if any(len(p) != 2 or int(p) >= 60 for p in parts[1:]):
        return None
    seconds = 0.0
    for part in parts:
        seconds = seconds * 60 + int(part)
    return seconds + (float(f"0.{fraction}") if fraction else 0.0)


def stamps(context: Context) -> Iterator[Stamp]:
    """Every bracketed timestamp from the first turn on (the lead is an article, not a track)."""
    transcript = context.transcript
    first = transcript.turns[0].line if transcript and transcript.turns else 1
    first = context.first_line_matching(_STAMP, first) or len(context.lines) + 1
    for number, line in enumerate(context.lines[first - 1 :], start=first):
        for match in _STAMP.finditer(line):
            text = match.group(1)
            yield Stamp(number, match.start() + 1, text, _seconds(text))


def _clock(seconds: float) -> str:
    whole = int(seconds)
    return f"{whole // 3600}:{whole // 60 % 60:02d}:{whole % 60:02d}"


def _times(context: Context) -> list[Stamp]:
    """Every valid time in reading order: bracketed stamps, and the times turns carry
    (``Priya  0:09``, a caption cue) on lines without a bracketed stamp."""
    found = [s for s in stamps(context) if s.seconds is not None]
    lines = {s.line for s in found}
    assert context.transcript is not None
    for turn in context.transcript.turns:
        if turn.start is not None and turn.line not in lines:
            found.append(Stamp(turn.line, turn.column, _clock(turn.start), turn.start))
    return sorted(found, key=lambda s: (s.line, s.column))


def timestamp_order(context: Context) -> Iterator[Finding]:
    """A timestamp earlier than the one before it.

    Times of a recording only move forward; a step back is a typo or pasted text. Both
    bracketed timestamps and the times a layout gives each turn (``Priya  0:09``, caption
    cues) count.

    Fails::

        Host (00:01:05): Welcome to the programme.
        Guest (00:01:12): Thank you.
        Host (00:00:59): Shall we start?

    Passes::

        Host (00:01:05): Welcome to the programme.
        Guest (00:01:12): Thank you.
        Host (00:01:19): Shall we start?
    """
    last: Stamp | None = None
    for stamp in _times(context):
        assert stamp.seconds is not None
        if last is not None and last.seconds is not None and stamp.seconds < last.seconds:
            yield Finding(
                stamp.line,
                stamp.column,
                f"timestamp {stamp.text} is earlier than {last.text} on line {last.line}",
            )
        last = stamp


def malformed_timestamp(context: Context) -> Iterator[Finding]:
    """A timestamp that is not a valid clock time.

    Minutes and seconds take two digits below 60 (``mm:ss`` or ``h:mm:ss``, optionally with
    up to three decimals); anything else in a timestamp's place is a typo.

    Fails::

        Host (00:00:05): Welcome to the programme.
        Guest (00:75:10): Thank you.

    Passes::

        Host (00:00:05): Welcome to the programme.
        Guest (00:00:10): Thank you.
    """
    for stamp in stamps(context):
        if stamp.seconds is None:
            yield Finding(stamp.line, stamp.column, f"malformed timestamp {stamp.text!r}")


RULES = (
    Rule("IP401", "timestamp-order", Severity.error, timestamp_order),
    Rule("IP402", "malformed-timestamp", Severity.error, malformed_timestamp),
)
