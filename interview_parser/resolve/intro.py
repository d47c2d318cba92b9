"""Introductions: fill in a speaker's full name and description from the transcript itself.

Hosts introduce guests ("Joining me is Dr. Elena Morozova, an expert in international
relations and Russian politics.") and speakers introduce themselves ("My name is Harold
Spikes"). A name introduced this way belongs to the speaker whose label it extends: every
word of the label (honorifics aside) is a word of the name, and the surnames agree.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Mapping, Sequence

from ..words import HONORIFICS
from .labels import Shape, words_of
from .speakers import SpeakerGroup

_PARTICLE = r"(?:van|von|de|der|da|di|du|la|le|bin|al)"
_HONORIFIC = r"(?:(?:Dr|Mr|Mrs|Ms|Prof|Sen|Rep|Gov|Gen|Rev)\.?\s+)"
_NAME = (
    rf"({_HONORIFIC}?[A-Z][\w'’\-]+"
    rf"(?:\s+(?:[A-Z][\w'’\-]*\.?|{_PARTICLE})){{0,4}})"
)
# (compiled when a turn first holds one of _HOST_WORDS: compiling it costs a start-up
# that reads no introduction, such as ``check`` on most files, a millisecond or two)
_HOST_INTRO = (
    r"(?:joining (?:me|us)(?: (?:today|now|tonight|here|in the studio))?,? (?:is|are)"
    r"|(?:my|our) (?:guest|guests)(?: (?:today|tonight|this week))? (?:is|are)"
    r"|(?:I'm|I am|we're|we are) (?:joined|here) (?:by|with)"
    r"|with (?:me|us) (?:today |now |tonight )?(?:is|are)"
    r"|please welcome|let me introduce|i'd like to introduce|we welcome)\s+"
    + _NAME
    + r"(?:,\s+(?P<desc>[^.!?]*(?:\.(?=\w)[^.!?]*)*))?"
)
# Words every host introduction contains one of: a cheap test before the full pattern.
_HOST_WORDS = ("join", "guest", "with me", "with us", "here with", "welcome", "introduce")
_SELF_INTRO = re.compile(r"\b(?:my name is|my name's|this is|I'm|I am)\s+" + _NAME)


@functools.cache
def _host_intro() -> re.Pattern[str]:
    return re.compile(_HOST_INTRO, re.IGNORECASE)


def _name_fits(name: str, group: SpeakerGroup) -> bool:
    name_words = [w for w in words_of(name) if w not in HONORIFICS]
    if len(name_words) < 2:
        return False
    for info in group.infos:
        if info.shape is not Shape.name:
            continue
        label_words = [w for w in words_of(info.name) if w not in HONORIFICS]
        if (
            label_words
            and label_words[-1] == name_words[-1]
            and set(label_words) <= set(name_words)
        ):
            return True
    return False


def _candidate(match: re.Match[str]) -> str:
    # The case-insensitive match may run into lower-case words; keep the capitalised run.
    name = match.group(1)
    words: list[str] = []
    for word in name.split():
        if (
            words
            and not word[:1].isupper()
            and word.lower()
            not in {"van", "von", "de", "der", "da", "di", "du", "la", "le", "bin", "al"}
        ):
            break
        words.append(word)
    return " ".join(words).rstrip(".,")


# Introductions happen as a conversation opens; later turns are not searched.
INTRO_TURNS = 30


def fill_introductions(
    groups: Sequence[SpeakerGroup], turns: Sequence[tuple[SpeakerGroup, str]]
) -> None:
    """Set ``name`` and ``description`` on the groups that the turns introduce."""
    for speaker, text in turns[:INTRO_TURNS]:
        lowered = text.lower()
        matches = _host_intro().finditer(text) if any(w in lowered for w in _HOST_WORDS) else ()
        for match in matches:
            name = _candidate(match)
            for group in groups:
                if group is not speaker and group.name is None and _name_fits(name, group):
                    group.name = name
                    desc = (match.group("desc") or "").strip()
                    group.description = desc or None
        if speaker.name is None:
            for match in _SELF_INTRO.finditer(text):
                name = _candidate(match)
                if _name_fits(name, speaker):
                    speaker.name = name
                    break


# A header line that names people by their part: "### Moderator: Trenton Van Epps",
# "**Host:** Ana Ruiz", "Entrevistadora: Marta Gil". One or two words, a colon, the names.
_HEADER_LINE = re.compile(
    r"^[\s#*_>|]*(?P<part>[^\W\d_][\w'’\-]*(?: [^\W\d_][\w'’\-]*)?)[*_]*\s*[:：]\s*(?P<names>.+)$"
)
# What separates the names of one header line: "Ana Ruiz, Ben Okoro and Lee Chan".
_NAME_LIST = re.compile(r"\s*(?:[,;+&/]|\b(?:and|y|et|und|e)\b)\s*")
# A name is a few words.
_NAME_WORDS = 6
# A header is short: the lines read for it, above the first turn, and front matter keys.
HEADER_LINES = 40


def header_people(
    lines: Iterable[str], meta: Mapping[str, object] | None = None
) -> list[tuple[str, str]]:
    """The people that a transcript's header names by their part, as ``(part, name)``:
    lines such as ``Moderator: Trenton Van Epps`` above the first turn, and front matter
    keys whose value is a name or a list of names (``guest: Ana Ruiz + Ben Okoro``). Which
    parts ask or answer is the role step's business."""
    found: list[tuple[str, str]] = []
    read = 0
    for text in lines:
        for line in text.splitlines()[: HEADER_LINES - read]:
            for piece in line.split(";"):  # "Host: Ana Ruiz; Guest: Ben Okoro"
                match = _HEADER_LINE.match(piece)
                if match:
                    found += [(match["part"], n) for n in _names(match["names"])]
        read += text.count("\n") + 1
        if read >= HEADER_LINES:
            break
    for key, value in list((meta or {}).items())[:HEADER_LINES]:
        values = value if isinstance(value, list) else [value]
        found += [(key, n) for v in values[:HEADER_LINES] if isinstance(v, str) for n in _names(v)]
    return found[: HEADER_LINES * 2]


def _names(text: str) -> list[str]:
    names = [n.strip(" *_.()[]") for n in _NAME_LIST.split(text.strip(" *_"))]
    return [n for n in names if n and len(n.split()) <= _NAME_WORDS]


def names_speaker(name: str, group: SpeakerGroup) -> bool:
    """Whether a name from a header is this speaker's: it extends a name-shaped label
    (as an introduction's does), or its words are all words of one of the labels."""
    if _name_fits(name, group):
        return True
    words = set(words_of(name)) - HONORIFICS
    return bool(words) and any(
        info.shape is Shape.name and words <= set(words_of(info.name)) for info in group.infos
    )
