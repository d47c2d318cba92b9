"""Speech given as a list of segments (JSON segments, CSV rows), and where each one is.

The structured readers (:mod:`.podcast_json`, :mod:`.csv_rows`) find the segments of a
file, each with its speaker (or none), its text, its times and its own source position;
:func:`segment_blocks` turns them into blocks the way caption cues become blocks: a segment
that names the speaker of the one before it, or no speaker, continues that speaker's turn.

Each segment carries its own source position, found by the reader (not the n-th ``"body"``
key's line: a segment without a body would shift every later one).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from ..syntax import RawBlock

# The longest time a segment reader takes, in seconds (about 116 days): beyond it a "time" is
# an error in the file, and every clock format downstream would overflow on it (1e308, NaN).
MAX_SECONDS = 10_000_000


@dataclass(frozen=True)
class Segment:
    """One segment as a format gives it: ``speaker`` as written (None: not given)."""

    speaker: str | None
    text: str
    line: int
    column: int  # where the text starts
    start: float | None = None
    end: float | None = None
    speaker_column: int | None = None  # where the speaker is written, if on the text's line
    end_line: int | None = None  # the text's last line (None: the line of its start)


class Lines:
    """Line and column of an offset in a text (the line starts found once)."""

    def __init__(self, text: str) -> None:
        self._starts = [0, *(m.end() for m in re.finditer("\n", text))]

    def at(self, offset: int) -> tuple[int, int]:
        index = bisect.bisect_right(self._starts, offset) - 1
        return index + 1, offset - self._starts[index] + 1


def segment_blocks(segments: list[Segment], form: str) -> list[RawBlock]:
    """Blocks from segments: a speaker change starts a labelled block of ``form``; a
    segment with the same speaker as the one before, or with none, continues it."""
    blocks: list[RawBlock] = []
    previous: str | None = None
    for i, s in enumerate(segments):
        speaker = s.speaker.strip() if s.speaker is not None else ""
        label: str | None = None
        if speaker and speaker != previous:
            label = previous = speaker
        end_line = s.end_line or s.line
        blocks.append(
            RawBlock(
                label=label,
                text=s.text,
                line=s.line,
                end_line=end_line,
                label_column=s.speaker_column or s.column,
                text_line=s.line,
                text_column=s.column,
                form=form if label else "",
                start=s.start,
                end=s.end,
                tail=_joint(s, segments[i + 1] if i + 1 < len(segments) else None),
            )
        )
    return blocks


def _joint(segment: Segment, following: Segment | None) -> str:
    """What separates a segment's text from the next one's in a turn: a line end, or nothing
    before punctuation (word-level segments write "," and "." as segments of their own)."""
    if following is not None and following.text[:1] in _ATTACHED:
        return ""
    return "\n"


_ATTACHED = frozenset(",.;:!?)]}…%")
