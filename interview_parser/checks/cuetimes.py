"""IP403 cue-times: caption cue timings that run backwards (timing family).

Reads the cue timing lines the captions reader kept as layout (``skipped`` spans of kind
``cue timing``), so every cue is checked, not only those that start a turn (IP401 sees a
turn's first time; a speaker's later cues continue the turn and are invisible to it).
"""

from __future__ import annotations

from collections.abc import Iterator

from .context import Context
from .problem import Finding, Severity
from .rule import Rule


def cue_times(context: Context) -> Iterator[Finding]:
    """A caption cue that ends before it starts, or starts before the cue before it.

    Subtitles shown from such times flash for a millisecond or in the wrong order; a
    transcript pasted twice restarts its times. (A cue that opens a speaker's turn is
    reported by IP401 already.)

    Fails::

        1
        00:00:01,000 --> 00:00:04,000
        Host: Welcome to the programme.

        2
        00:00:03,000 --> 00:00:02,000
        We are on the harbour wall.

    Passes::

        1
        00:00:01,000 --> 00:00:04,000
        Host: Welcome to the programme.

        2
        00:00:04,200 --> 00:00:06,000
        We are on the harbour wall.
    """
    transcript = context.transcript
    assert transcript is not None
    opening = {turn.line - 1 for turn in transcript.turns if turn.start is not None}
    previous: tuple[int, float] | None = None
    for span in transcript.skipped:
        if span.kind != "cue timing":
            continue
        # Read as the captions reader reads the line (short forms such as "0.860" too).
        from ..dialects.captions import cue_seconds, timing_parts

        first, second = timing_parts(span.text)
        start, end = cue_seconds(first), cue_seconds(second) if second else None
        if start is None or end is None:
            continue
        column = 1 + (
            context.lines[span.line - 1].find(first) if span.line <= len(context.lines) else 0
        )
        if end < start:
            yield Finding(span.line, column, f"cue ends at {second}, before it starts")
        elif previous is not None and start < previous[1] and span.line not in opening:
            yield Finding(
                span.line,
                column,
                f"cue starts at {first}, before the cue on line {previous[0]}",
            )
        previous = (span.line, start)


RULES = (Rule("IP403", "cue-times", Severity.error, cue_times),)
