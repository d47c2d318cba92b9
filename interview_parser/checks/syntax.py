"""Rules of the syntax family (IP1xx): is this a transcript at all, and are its labels read?"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..resolve.labels import analyse, name_key
from .context import Context
from .problem import Finding, Severity
from .rule import Rule

# A label-shaped prefix whose colon is glued to the next word ("Host:Welcome").
_GLUED = re.compile(r"^[\s\u200b-\u200d\u2060\ufeff]*([^\W\d_][\w'’.&\- ]{0,60}?):(?=[^\s/\\])")


def no_turns(context: Context) -> Iterator[Finding]:
    """No speaker turns found, or the text cannot be read as a transcript.

    Nothing in the file was recognised as ``Label: text``, so every other structural rule
    has nothing to look at. Usually the file is not a transcript, or its labels are written
    in a layout that is not supported yet.

    Fails::

        We talked about the harbour for an hour and then went home.

    Passes::

        Host: Shall we talk about the harbour?
        Guest: Gladly.
    """
    error = context.parse_error
    read_error = context.read_error
    if error is None and read_error is not None and read_error.message.startswith("empty"):
        error = read_error
    if error is not None:
        yield Finding(error.line or 1, error.column or 1, error.message)


def glued_label(context: Context) -> Iterator[Finding]:
    """A known speaker's label with no space after its colon is read as text.

    ``Host:Welcome`` does not start a turn (a label's colon must be followed by a blank,
    which is what keeps times such as 10:30 and links out), so the line silently becomes
    part of the previous turn.

    Fails::

        Host: Welcome to the show.
        Guest: Thank you.
        Host:What brings you here?

    Passes::

        Host: Welcome to the show.
        Guest: Thank you.
        Host: What brings you here?
    """
    transcript = context.transcript
    assert transcript is not None
    keys = {name_key(s.label) for s in transcript.speakers}
    keys.update(name_key(analyse(a).name) for s in transcript.speakers for a in s.aliases)
    first = transcript.turns[0].line if transcript.turns else 1
    for number, line in enumerate(context.lines[first - 1 :], start=first):
        match = _GLUED.match(line)
        if match and name_key(analyse(match.group(1)).name) in keys:
            label = match.group(1).strip()
            yield Finding(
                number,
                match.end() + 1,
                f"no space after the colon of {label!r}: the line is read as text of the "
                "previous turn",
            )


RULES = (
    Rule("IP101", "no-turns", Severity.error, no_turns, needs_transcript=False),
    Rule("IP102", "glued-label", Severity.error, glued_label),
)
