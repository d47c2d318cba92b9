"""What every rule gets to look at: one file, read and (when possible) parsed.

The runner builds a :class:`Context` once per file; rules only read it. Reading or parsing
may fail: then ``transcript`` is None, the error is kept, and the rules that need a
transcript are skipped while the text rules still run.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from ..errors import InterviewParserError
from ..model import Transcript
from ..resolve.labels import name_key
from ..source import SourceText


@dataclass
class Context:
    """One file under check.

    ``source`` is the decoded text with ``\\n`` line ends (None if the bytes could not be
    read as text); ``raw`` is the decoded text before line ends were normalised.
    """

    path: str
    source: SourceText | None
    raw: str | None
    transcript: Transcript | None
    data: bytes | None = None  # the file's bytes (None when checking text)
    read_error: InterviewParserError | None = None
    parse_error: InterviewParserError | None = None

    @property
    def labelled(self) -> bool:
        """Whether the file parsed as the ``Label: text`` layout (label positions are known)."""
        return self.transcript is not None and self.transcript.source.dialect == "labelled"

    @functools.cached_property
    def lines(self) -> list[str]:
        """The lines of the normalised text, without line ends (line 1 is ``lines[0]``)."""
        if self.source is None or not self.source.text:
            return []
        return self.source.text.removesuffix("\n").split("\n")

    @functools.cached_property
    def speaker_keys(self) -> list[str]:
        """The key (``name_key``) of each speaker's label, in the order of the transcript's
        speakers: several rules compare labels by key, and a file may have 100,000."""
        if self.transcript is None:
            return []
        return [name_key(s.label) for s in self.transcript.speakers]

    def first_line_matching(self, pattern: re.Pattern[str], first: int = 1) -> int | None:
        """The number of the line (``first`` or later) where ``pattern``, searched in the
        whole text, first matches, or None when it matches nowhere: a rule that matches a
        pattern a line at a time starts there, or skips the file (one search in C instead
        of one a line, and most files have nothing to report). ``pattern`` must match
        wherever the per-line pattern matches a line (compiled MULTILINE when it has ``^``
        or ``$``); what it matches beyond that only makes the rule start earlier."""
        if self.source is None:
            return None
        text = self.source.text
        start = len("\n".join(self.lines[: first - 1])) + 1 if first > 1 else 0
        match = pattern.search(text, start)
        return None if match is None else text.count("\n", 0, match.start()) + 1
