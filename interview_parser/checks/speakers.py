"""Rules of the speakers family (IP2xx): labels spelt consistently, and only the declared cast."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..model import Transcript, Turn
from ..resolve.labels import label_name, name_key
from .context import Context
from .labels import canonical_names, respelled
from .problem import Finding, Severity
from .rule import Rule
from .typos import OneEditIndex, earliest_one_edit

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
    ``interview-parser fmt`` rewrites the label in the ``Label: text`` layout; in other
    layouts (a learned convention, Markdown, captions, ...) the finding is not fixable.

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
    canonical = canonical_names(transcript, context.speaker_keys)
    fixes: dict[str, str | None] = {}  # each label once: a transcript repeats a few
    for turn in transcript.turns:
        if turn.label not in fixes:
            fixes[turn.label] = respelled(turn.label, canonical)
        fixed = fixes[turn.label]
        if fixed is not None:
            message = f"label {turn.label!r} is spelt {fixed!r} elsewhere"
            yield Finding(turn.line, turn.column, message, fixable=context.labelled)


def _typos(transcript: Transcript, keys: list[str], declared: set[str]) -> dict[str, str]:
    """Speaker id -> the label that speaker's label is probably a misspelling of.

    The typo is the rarer spelling; of two equally rare, the later one; a declared spelling
    is never the typo. Each label is looked up in a :class:`OneEditIndex` of the others,
    best first (declared, then most used, then earliest), so the first one found decides.
    """
    speakers = transcript.speakers
    # (declared, then most used, then earliest: two stable sorts by one C-level key each
    # instead of a tuple a speaker)
    fewer = [-s.turn_count for s in speakers]
    best_first = sorted(range(len(speakers)), key=fewer.__getitem__)
    if declared:
        best_first.sort(key=lambda i: keys[i] not in declared)
    # Each label is looked up among the better ones only (the ones a typo can be of).
    ordered = [keys[i] for i in best_first]
    asked = [key not in declared and len(key) >= MIN_TYPO_KEY for key in ordered]
    cast = OneEditIndex((name_key(label_name(m.label)), m.label) for m in transcript.cast)
    found: dict[str, str] = {}
    for i, key, ask, better in zip(
        best_first, ordered, asked, earliest_one_edit(ordered, asked), strict=True
    ):
        if not ask:
            continue
        speaker = speakers[i]
        if better is not None:
            j = best_first[better]
            count, own = speakers[j].turn_count, speaker.turn_count
            if keys[j] in declared or count > own or (count == own and j < i):
                found[speaker.id] = speakers[j].label
                continue
        member = cast.best(key)
        if member is not None:
            found[speaker.id] = member
    return found


def label_typo(context: Context) -> Iterator[Finding]:
    """A label one letter away from another speaker's label: a typo that invents a speaker.

    ``Editr:`` beside ``Editor:`` makes a second, one-turn speaker, so the question is
    given to the wrong person and the question-answer pairs break. A label is reported when
    it differs from a declared label, or from a label used more often (or as often and
    earlier), by one added, missing, changed or swapped letter (changed digits, as in
    ``Speaker 1``/``Speaker 2``, do not count, nor do labels shorter than four letters or
    longer than 64).
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
    declared = {name_key(label_name(m.label)) for m in transcript.cast}
    typos = _typos(transcript, context.speaker_keys, declared)
    for turn in transcript.turns if typos else ():
        meant = typos.get(turn.speaker)
        if meant is not None:
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
        key: s.label
        for key, s in zip(context.speaker_keys, transcript.speakers, strict=True)
        if s.turn_count >= 2 or key in declared
    }
    for member in transcript.cast:
        targets.setdefault(name_key(label_name(member.label)), member.label)
    index = OneEditIndex(targets.items())  # the first target in this order wins, as listed
    skip = {t.line for t in transcript.turns}
    first, last = transcript.front_matter_lines or (0, 0)
    for number, line in enumerate(context.lines, start=1):
        if number in skip or first <= number <= last:
            continue
        match = _LABEL_LIKE.match(line)
        if match is None:
            continue
        key = name_key(label_name(match.group(1)))
        if len(key) < MIN_TYPO_KEY or key in targets:
            continue
        meant = index.best(key)
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
    keys = {name_key(label_name(spelling)) for m in cast for spelling in (m.label, *m.aliases)}
    first_turns: dict[str, Turn] = {}
    for turn in transcript.turns:
        first_turns.setdefault(turn.speaker, turn)
    for speaker in transcript.speakers:
        spellings = [speaker.label, *speaker.aliases]
        if any(name_key(label_name(s)) in keys for s in spellings):
            continue
        first = first_turns.get(speaker.id)
        if first is not None:
            yield Finding(
                first.line, first.column, f"speaker {speaker.label!r} is not in the declared cast"
            )


RULES = (
    Rule("IP201", "label-spelling", Severity.warning, label_spelling, fixable=True),
    Rule("IP202", "label-typo", Severity.error, label_typo),
    Rule("IP203", "undeclared-speaker", Severity.error, undeclared_speaker),
)
