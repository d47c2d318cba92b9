"""Rules of the speakers family (IP2xx): labels spelt consistently, and only the declared cast."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..model import Speaker, Transcript
from ..resolve.labels import analyse, name_key
from .context import Context
from .labels import canonical_names, respelled
from .problem import Finding, Severity
from .rule import Rule

# The start of a line that looks like a label ("Editr:", "Editr (Radio):"). One run of blanks
# before the colon, not two around an optional group, and a label that does not end in a
# blank: "Abc", 4,000 blanks and "x" made the old pattern try every split of the blanks.
_LABEL_LIKE = re.compile(
    r"^[\s\u200b-\u200d\u2060\ufeff]*([^\W\d_](?:[\w'’.&\- ]{0,39}?[\w'’.&\-])?)"
    r"[^\S\n]*(?:\([^()\n]*\)[^\S\n]*)?:\s"
)

# Shorter keys are too often two real names one letter apart ("Ann" and "Anna", "Q" and "A").
MIN_TYPO_KEY = 4


def label_spelling(context: Context) -> Iterator[Finding]:
    """A speaker's label spelt two ways (punctuation, case or spacing).

    The turns still belong to one speaker, but the transcript reads as if edited in a hurry;
    the canonical spelling is the declared one, otherwise the one used most.
    ``interview-parser fmt`` rewrites the label (in the ``Label: text`` layout).

    Fails::

        Editor: Welcome, Dr. Morozova.
        Dr. Morozova: Thank you for having me.
        Editor: How did it start?
        Dr Morozova: With a phone call.

    Passes::

        Editor: Welcome, Dr. Morozova.
        Dr. Morozova: Thank you for having me.
        Editor: How did it start?
        Dr. Morozova: With a phone call.
    """
    transcript = context.transcript
    assert transcript is not None
    canonical = canonical_names(transcript)
    for turn in transcript.turns:
        fixed = respelled(turn.label, canonical)
        if fixed is not None:
            yield Finding(
                turn.line, turn.column, f"label {turn.label!r} is spelt {fixed!r} elsewhere"
            )


def _one_edit(a: str, b: str) -> bool:
    """Whether ``a`` and ``b`` differ by one insertion, deletion, substitution or swap."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) > len(b):
        a, b = b, a
    i = next((k for k, (x, y) in enumerate(zip(a, b, strict=False)) if x != y), len(a))
    if len(a) < len(b):
        return a[i:] == b[i + 1 :]
    if a[i + 1 :] == b[i + 1 :]:
        return not (a[i].isdigit() and b[i].isdigit())  # "Speaker 1" / "Speaker 2"
    return a[i + 2 :] == b[i + 2 :] and a[i] == b[i + 1] and a[i + 1] == b[i]


def _typo_of(speaker: Speaker, transcript: Transcript, declared: set[str]) -> str | None:
    """The label ``speaker`` is probably a misspelling of, if any."""
    key = name_key(speaker.label)
    if key in declared or len(key) < MIN_TYPO_KEY:
        return None
    for order, other in enumerate(transcript.speakers):
        other_key = name_key(other.label)
        if other is speaker or not _one_edit(key, other_key):
            continue
        # The typo is the rarer spelling; of two equally rare, the later one.
        earlier = order < transcript.speakers.index(speaker)
        count, own = other.turn_count, speaker.turn_count
        if other_key in declared or count > own or (count == own and earlier):
            return other.label
    for member in transcript.cast:
        if _one_edit(key, name_key(analyse(member.label).name)):
            return member.label
    return None


def label_typo(context: Context) -> Iterator[Finding]:
    """A label one letter away from another speaker's label: a typo that invents a speaker.

    ``Editr:`` beside ``Editor:`` makes a second, one-turn speaker, so the question is
    given to the wrong person and the question-answer pairs break. A label is reported when
    it differs from a declared label, or from a label used more often (or as often and
    earlier), by one added, missing, changed or swapped letter (changed digits, as in
    ``Speaker 1``/``Speaker 2``, do not count, nor do labels shorter than four letters).
    A misspelt label that was not even taken for a speaker (the first line of the file,
    read as the title) is reported too.

    Fails::

        Editor: Welcome to the programme.
        Guest: Thank you.
        Editr: How did it start?
        Guest: With a phone call.
        Editor: And then?
        Guest: Then we met.

    Passes::

        Editor: Welcome to the programme.
        Guest: Thank you.
        Editor: How did it start?
        Guest: With a phone call.
        Editor: And then?
        Guest: Then we met.
    """
    transcript = context.transcript
    assert transcript is not None
    declared = {name_key(analyse(m.label).name) for m in transcript.cast}
    for speaker in transcript.speakers:
        meant = _typo_of(speaker, transcript, declared)
        if meant is None:
            continue
        for turn in transcript.turns:
            if turn.speaker == speaker.id:
                yield Finding(
                    turn.line, turn.column, f"label {turn.label!r} looks like a typo of {meant!r}"
                )
    if context.labelled:
        yield from _typos_read_as_text(context, transcript, declared)


def _typos_read_as_text(
    context: Context, transcript: Transcript, declared: set[str]
) -> Iterator[Finding]:
    """Label-shaped line starts, not taken for turns, one letter from an established label."""
    targets = {
        name_key(s.label): s.label
        for s in transcript.speakers
        if s.turn_count >= 2 or name_key(s.label) in declared
    }
    for member in transcript.cast:
        targets.setdefault(name_key(analyse(member.label).name), member.label)
    skip = {t.line for t in transcript.turns}
    first, last = transcript.front_matter_lines or (0, 0)
    for number, line in enumerate(context.lines, start=1):
        match = _LABEL_LIKE.match(line)
        if match is None or number in skip or first <= number <= last:
            continue
        key = name_key(analyse(match.group(1)).name)
        if len(key) < MIN_TYPO_KEY or key in targets:
            continue
        meant = next((label for k, label in targets.items() if _one_edit(key, k)), None)
        if meant is not None:
            yield Finding(
                number,
                match.start(1) + 1,
                f"label {match.group(1).strip()!r} looks like a typo of {meant!r} "
                "(the line is read as text)",
            )


def undeclared_speaker(context: Context) -> Iterator[Finding]:
    """A speaker who is not in the declared cast (only when a cast is declared).

    A cast is declared in the file's front matter (``cast:``) or in the
    ``[tool.interview-parser]`` table of the nearest ``pyproject.toml``. Each speaker
    not declared under its label or one of its aliases is reported at its first turn.

    Fails::

        ---
        cast: [Host, Guest]
        ---
        Host: Welcome to the programme.
        Guest: Thank you.
        Caller: Can I ask something?

    Passes::

        ---
        cast: [Host, Guest, Caller]
        ---
        Host: Welcome to the programme.
        Guest: Thank you.
        Caller: Can I ask something?
    """
    transcript = context.transcript
    assert transcript is not None
    cast = transcript.cast
    if not cast:
        return
    keys = {name_key(analyse(spelling).name) for m in cast for spelling in (m.label, *m.aliases)}
    for speaker in transcript.speakers:
        spellings = [speaker.label, *speaker.aliases]
        if any(name_key(analyse(s).name) in keys for s in spellings):
            continue
        turn = next(t for t in transcript.turns if t.speaker == speaker.id)
        yield Finding(
            turn.line, turn.column, f"speaker {speaker.label!r} is not in the declared cast"
        )


RULES = (
    Rule("IP201", "label-spelling", Severity.warning, label_spelling, fixable=True),
    Rule("IP202", "label-typo", Severity.error, label_typo),
    Rule("IP203", "undeclared-speaker", Severity.error, undeclared_speaker),
)
