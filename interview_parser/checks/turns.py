"""Rules of the turns family (IP3xx): each turn says something, and the exchange flows."""

from __future__ import annotations

from collections.abc import Iterator
from itertools import pairwise

from ..model import Role, Turn
from ..resolve.text import asks
from .context import Context
from .problem import Finding, Severity
from .rule import Rule


def empty_turn(context: Context) -> Iterator[Finding]:
    """A turn with a label and no words.

    Often a line break slipped in after the label's colon and the words went to the wrong
    place, or a speaker's answer was cut while editing.

    Fails::

        Host: Welcome to the programme.
        Guest:
        Host: Shall we start?

    Passes::

        Host: Welcome to the programme.
        Guest: Thank you.
        Host: Shall we start?
    """
    transcript = context.transcript
    assert transcript is not None
    for turn in transcript.turns:
        if not turn.text.strip():
            yield Finding(turn.line, turn.column, f"turn of {turn.label!r} has no text")


def repeated_speaker(context: Context) -> Iterator[Finding]:
    """The same speaker labelled twice in a row.

    Two turns of one speaker with nobody in between are usually a wrong label (the other
    speaker's answer given to the asker) or one turn split in two.

    Fails::

        Host: Welcome to the programme.
        Guest: Thank you.
        Guest: It is good to be here.

    Passes::

        Host: Welcome to the programme.
        Guest: Thank you. It is good to be here.
    """
    transcript = context.transcript
    assert transcript is not None
    turns = transcript.turns
    for before, turn in pairwise(turns):
        if turn.speaker == before.speaker:
            yield Finding(
                turn.line,
                turn.column,
                f"{turn.label!r} speaks again right after their turn on line {before.line}",
            )


def unanswered_question(context: Context) -> Iterator[Finding]:
    """An interviewer's question left unanswered before the next question.

    Each question should be followed by a turn of someone who answers. A question followed
    directly by another question usually means the answer is missing or was given the
    asker's label. (A question repeated by the same asker in the very next turn is
    reported as IP302 instead.)

    Fails::

        Host: Where did you grow up?
        Co-host: And when did you leave?
        Guest: By the sea, and at eighteen.

    Passes::

        Host: Where did you grow up?
        Guest: By the sea.
        Host: When did you leave?
        Guest: At eighteen.
    """
    transcript = context.transcript
    assert transcript is not None
    roles = {s.id: s.role for s in transcript.speakers}
    pending: Turn | None = None
    previous: Turn | None = None
    for turn in transcript.turns:
        if roles.get(turn.speaker) is not Role.interviewer:
            pending = None
        elif asks(turn.text):
            repeat = previous is pending and pending is not None and pending.speaker == turn.speaker
            if pending is not None and not repeat:
                yield Finding(
                    pending.line,
                    pending.column,
                    f"question of {pending.label!r} is not answered before the next question "
                    f"on line {turn.line}",
                )
            pending = turn
        previous = turn


RULES = (
    Rule("IP301", "empty-turn", Severity.warning, empty_turn),
    Rule("IP302", "repeated-speaker", Severity.warning, repeated_speaker),
    Rule("IP303", "unanswered-question", Severity.warning, unanswered_question),
)
