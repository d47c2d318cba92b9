"""The words of a transcript's turns as the aligner sees them: each with its turn, the text
as written, and the lower-case form looked up in the pronouncing dictionary.

Stage notes ([laughter], (applause)) are not speech and are left out. A word the dictionary
lacks (a name, a coinage) gets a rough pronunciation from its spelling, which is enough to
place it in time between words the dictionary knows.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..model import Transcript

_NOTE = re.compile(r"\[[^\]]*\]|\([^)]*\)")
_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")

# Words people say that transcripts leave out; the aligner lets them occur anywhere.
FILLERS = (
    "um",
    "uh",
    "ah",
    "er",
    "hmm",
    "oh",
    "well",
    "so",
    "like",
    "you",
    "know",
    "i",
    "mean",
    "yeah",
    "okay",
    "right",
)


@dataclass(frozen=True, slots=True)
class Token:
    turn: int
    """Position of the turn in ``transcript.turns``."""
    text: str
    """As written."""
    key: str
    """The dictionary form: lower case, straight apostrophe."""


def transcript_words(transcript: Transcript) -> list[Token]:
    words: list[Token] = []
    for position, turn in enumerate(transcript.turns):
        for match in _WORD.finditer(_NOTE.sub(" ", turn.text)):
            text = match.group()
            words.append(Token(position, text, text.lower().replace("’", "'")))
    return words


DIGITS = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine")
_GRAPHEMES = (
    ("tch", "CH"),
    ("sh", "SH"),
    ("ch", "CH"),
    ("th", "TH"),
    ("ph", "F"),
    ("ng", "NG"),
    ("ck", "K"),
    ("qu", "K W"),
    ("ee", "IY"),
    ("ea", "IY"),
    ("oo", "UW"),
    ("ou", "AW"),
    ("ai", "EY"),
    ("ay", "EY"),
    ("oi", "OY"),
    ("oy", "OY"),
    ("a", "AE"),
    ("b", "B"),
    ("c", "K"),
    ("d", "D"),
    ("e", "EH"),
    ("f", "F"),
    ("g", "G"),
    ("h", "HH"),
    ("i", "IH"),
    ("j", "JH"),
    ("k", "K"),
    ("l", "L"),
    ("m", "M"),
    ("n", "N"),
    ("o", "AA"),
    ("p", "P"),
    ("r", "R"),
    ("s", "S"),
    ("t", "T"),
    ("u", "AH"),
    ("v", "V"),
    ("w", "W"),
    ("x", "K S"),
    ("y", "Y"),
    ("z", "Z"),
)


def spelled(key: str, lookup: dict[str, str]) -> str | None:
    """A rough ARPAbet pronunciation from the spelling (digits read one by one), or None
    when the word has no letter the table knows (another script)."""
    phones: list[str] = []
    rest = key.replace("'", "")
    while rest:
        if rest[0] in "0123456789":
            phones.append(lookup.get(DIGITS[int(rest[0])], ""))
            rest = rest[1:]
            continue
        for letters, sound in _GRAPHEMES:
            if rest.startswith(letters):
                if not phones or phones[-1] != sound:
                    phones.append(sound)
                rest = rest[len(letters) :]
                break
        else:
            return None
    found = " ".join(phone for phone in phones if phone)
    return found or None
