"""Rules of the syntax family (IP1xx): is this a transcript at all, and are its labels read?"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..resolve.labels import label_name, name_key
from ..resolve.speech import lead_warnings
from .context import Context
from .problem import Finding, Severity
from .rule import Rule

# A label-shaped prefix whose colon is glued to the next word ("Host:Welcome").
_GLUED = re.compile(r"^[\s\u200b-\u200d\u2060\ufeff]*([^\W\d_][\w'’.&\- ]{0,60}?):(?=[^\s/\\])")
# The same at the start of any line of a text, its blanks within the line: where the first
# line to look at is. (Blanks that ran on over line ends were tried again from every line
# start of a blank run: quadratic on many blank lines.)
_GLUED_ANYWHERE = re.compile(
    r"^(?:[^\S\n]|[\u200b-\u200d\u2060\ufeff])*([^\W\d_][\w'’.&\- ]{0,60}?):(?=[^\s/\\])",
    re.MULTILINE,
)


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
    keys = set(context.speaker_keys)
    keys.update(name_key(label_name(a)) for s in transcript.speakers for a in s.aliases)
    first = transcript.turns[0].line if transcript.turns else 1
    first = context.first_line_matching(_GLUED_ANYWHERE, first) or len(context.lines) + 1
    for number, line in enumerate(context.lines[first - 1 :], start=first):
        match = _GLUED.match(line)
        if match and name_key(label_name(match.group(1))) in keys:
            label = match.group(1).strip()
            yield Finding(
                number,
                match.end() + 1,
                f"no space after the colon of {label!r}: the line is read as text of the "
                "previous turn",
            )


def hidden_speech(context: Context) -> Iterator[Finding]:
    """Speech may have been missed: the preamble looks like speech, or nobody is named.

    The text above the first turn is read as a preamble (an article, show notes). When it is
    long, holds cue timings or several timed lines, or looks like turns (recurring labels in
    a form the rest of the file does not use), it is more likely speech the reader did not
    recognise. Captions and segments that name no speaker are read as one unlabelled
    speaker. Declare the speakers, or force the layout with ``--dialect``.

    Fails::

        From the recording:
        00:00:01.000 --> 00:00:04.000
        Are you recording?
        Host: Welcome to the show.
        Guest: Thank you.
        Host: Shall we start?
        Guest: Gladly.

    Passes::

        Our reporter spoke to the guest on Monday.
        Host: Welcome to the show.
        Guest: Thank you.
        Host: Shall we start?
        Guest: Gladly.
    """
    transcript = context.transcript
    assert transcript is not None
    lines = transcript.preamble_lines
    for warning in lead_warnings(transcript.preamble, lines):
        assert lines is not None
        yield Finding(lines[0], 1, warning.split(": ", 1)[1])
    unlabelled = {s.id for s in transcript.speakers if not s.label}
    first = next((t for t in transcript.turns if t.speaker in unlabelled), None)
    if first is not None:
        yield Finding(first.line, 1, "speech with no speaker label, read as an unlabelled speaker")


RULES = (
    Rule("IP101", "no-turns", Severity.error, no_turns, needs_transcript=False),
    Rule("IP102", "glued-label", Severity.error, glued_label),
    Rule("IP103", "hidden-speech", Severity.warning, hidden_speech),
)
