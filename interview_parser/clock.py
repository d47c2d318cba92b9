"""Clock times as transcripts write them: 1:23, 01:02:03, 00:01:02.500, 00:01:02,500."""

from __future__ import annotations

import re

_TIME = re.compile(r"^\d{1,2}:\d{2}(?::\d{2})?(?:[.,]\d{1,3})?$")


def parse_clock(text: str) -> float | None:
    """Seconds in "1:23", "01:02:03" or "00:01:02.500"; None if it is not a clock time."""
    text = text.strip()
    if not _TIME.match(text):
        return None
    main, _, fraction = text.replace(",", ".").partition(".")
    seconds = 0.0
    for part in main.split(":"):
        seconds = seconds * 60 + int(part)
    return seconds + (float(f"0.{fraction}") if fraction else 0.0)
