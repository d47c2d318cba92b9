"""Clock times as transcripts write them: 1:23, 01:02:03, 0:00:13.8, 00:01:02,500, and the
day-counted times of mission logs (02:07:50:31). The pattern is the grammars' own ``CLOCK``
(``grammars/common.lark``), the one definition of a clock time."""

from __future__ import annotations

import functools
import re

from .grammar import part


@functools.cache
def clock_pattern() -> str:
    """The regular expression of a clock time (no anchors, no groups that capture)."""
    return part("CLOCK")


@functools.cache
def _time() -> re.Pattern[str]:
    return re.compile(f"-?{clock_pattern()}")


def parse_clock(text: str, *, of_day: bool = False) -> float | None:
    """Seconds in "1:23", "01:02:03", "00:01:02.500" or "02:07:50:31" (days first when there
    are four fields), or in a time of day, "12:01:33 PM", "9:05 a.m." (hours first, seconds
    since midnight); a leading "-" counts down. None if it is not a clock time.

    ``of_day``: the time is a time of day even without its half of the day (it came with a
    date: "12/03/2026, 09:14"), so two fields are hours and minutes."""
    text = text.strip()
    if not _time().fullmatch(text):
        return None
    sign = -1.0 if text.startswith("-") else 1.0
    # What CLOCK allows after the last digit is the half of the day: "PM", " a.m."
    digits = text.rstrip("AaPpMm. \t")
    half, text = text[len(digits) :].casefold(), digits
    main, _, fraction = text.lstrip("-").replace(",", ".").partition(".")
    fields = [int(p) for p in main.split(":")]
    if half or of_day:  # "12:01:33 PM", "9:05 a.m.": hours first, a 24-hour day
        if len(fields) == 2:
            fields.append(0)  # h:mm
        if half:
            fields[0] = fields[0] % 12 + (12 if "p" in half else 0)
    seconds = 0.0
    if len(fields) == 4:
        seconds, fields = fields[0] * 86400.0, fields[1:]
    value = 0.0
    for field in fields:
        value = value * 60 + field
    return sign * (seconds + value + (float(f"0.{fraction}") if fraction else 0.0))
