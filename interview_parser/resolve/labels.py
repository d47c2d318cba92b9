"""What a label says by itself: its name, qualifiers, shape and role hint.

``analyse("Editor (Time.news):")`` splits a label into the name ("Editor"), the qualifiers
in parentheses or after a comma ("Time.news"), a normalised key that spellings of one
speaker share ("editor"), and its *shape*: a person's name, a generic role (Q, Host,
Speaker 2) or prose that only happens to end in a colon ("He said", "Two options").
The word lists below are the only vocabulary the resolver uses.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum

from ..model import Role


class Shape(str, Enum):
    name = "name"  # capitalised words: "Dr. Morozova", "MS. JEAN-PIERRE", "Zoë"
    role = "role"  # a generic role: "Q", "Host", "Speaker 2", "THE COURT"
    prose = "prose"  # anything else: "He said", "Interview on U.S.-Russia Relations"


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Labels that ask: their speakers are interviewers unless the user says otherwise.
ASKING = _words(
    """interviewer host co-host cohost editor moderator anchor presenter reporter journalist
    q question questioner correspondent examiner counsel audience audience-member caller
    hosts interviewers"""
)
# Labels that answer.
ANSWERING = _words(
    """a answer interviewee guest respondent witness expert panelist panellist
    guests interviewees"""
)
# Generic labels with no role of their own.
NEUTRAL = _words(
    """speaker unknown unidentified narrator announcer voice voiceover voice-over participant
    student man woman male female person crowd audience-members all both several multiple
    court clerk interpreter translator operator chair chairman chairwoman chairperson
    president"""
)
ROLE_WORDS = ASKING | ANSWERING | NEUTRAL

# Prefixes that look like labels in articles and notes but never name a speaker.
NOT_SPEAKERS = _words(
    """note notes nb update updated updates source sources photo photos caption credit credits
    related correction corrections disclaimer warning example examples summary transcript title
    date time location tags tag topic subject re fwd from to cc posted published by edit edited
    watch listen video audio image figure table step tip tips read see also more editor's
    editors' chapter part section episode season abstract keywords keyword contents index
    copyright license url link links website email phone tel fax address when where what why
    how who which this that these those it there here today tonight yesterday tomorrow
    background context bio biography first second third finally next then also however"""
)

HONORIFICS = _words(
    """mr mrs ms miss mx dr prof professor sen senator rep representative gov governor sec
    secretary gen general col colonel capt captain lt sgt det rev reverend fr father sr sister
    sir dame lord lady judge justice president vice chairman chairwoman chair mayor minister
    ambassador amb commissioner officer hon the"""
)

# Lower-case words that belong inside names ("Aaron van Wirdum", "Ludwig von Mises").
PARTICLES = _words("van von der den de del della di da dos das du la le ten ter bin al y e")

_TIME = re.compile(r"^\d{1,2}:\d{2}(?::\d{2})?(?:[.,]\d{1,3})?$")
_PAREN = re.compile(r"\(([^()]*)\)")
_SPACE = re.compile(r"[\s\u00a0]+")
_ZERO_WIDTH = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff"))
_WORD_CHARS = re.compile(r"[^\w'&\-]")


@dataclass(frozen=True)
class LabelInfo:
    """Everything a label says by itself."""

    raw: str  # as written, without the colon: "Editor (Time.news)"
    name: str  # without qualifiers: "Editor"
    key: str  # shared by spellings of one speaker: "editor"
    shape: Shape
    role_hint: Role | None
    affiliation: str | None
    alias: str | None  # a short form the label introduces: "Peter McCormack (PM)" -> "PM"
    time: float | None  # "Name (01:23):" -> 83.0
    honorific: bool


def name_key(name: str) -> str:
    """Normalise a name so that case, periods and spacing variants compare equal."""
    text = name.translate(_ZERO_WIDTH).replace("’", "'").casefold()
    text = text.replace(".", " ")
    return _SPACE.sub(" ", text).strip()


def words_of(name: str) -> list[str]:
    return [w for w in (_WORD_CHARS.sub("", part) for part in name_key(name).split()) if w]


def parse_clock(text: str) -> float | None:
    """Seconds in "1:23", "01:02:03" or "00:01:02.500"; None if it is not a clock time."""
    text = text.strip()
    if not _TIME.match(text):
        return None
    main, _, fraction = text.replace(",", ".").partition(".")
    seconds = 0.0
    for part in main.split(":"):
        seconds = seconds * 60 + int(part)
    return seconds + (float(f"0.{fraction}") if fraction else 0.0)


def _initials(name: str) -> str:
    return "".join(w[0] for w in name.split() if w[:1].isalpha()).upper()


def _role_of(words: list[str]) -> Role | None:
    if any(w in ASKING for w in words):
        return Role.interviewer
    if any(w in ANSWERING for w in words):
        return Role.interviewee
    return None


def _shape(name: str, words: list[str]) -> tuple[Shape, bool]:
    """Shape of the name part, and whether it starts with an honorific."""
    honorific = bool(words) and words[0] in HONORIFICS and len(words) > 1
    if not words:
        return Shape.prose, False
    if words[0] in NOT_SPEAKERS and not honorific:
        return Shape.prose, False
    generic = all(w in ROLE_WORDS or w.isdigit() or len(w) == 1 for w in words)
    if len(words) <= 3 and generic and words[0] in ROLE_WORDS:
        return Shape.role, False  # "Q", "Host", "Speaker 2", "Audience member"
    if words[:1] == ["the"] and len(words) <= 3:
        return Shape.role, True  # "THE COURT", "THE PRESIDENT", "The Witness"
    for original in name.split():
        bare = original.strip(".'’\"-&")
        if not bare:
            continue
        if bare[0].isupper() or (bare[0].isdigit() and len(words) > 1):
            continue
        if bare.casefold() in PARTICLES:
            continue
        return Shape.prose, honorific
    return Shape.name, honorific


def analyse(label: str) -> LabelInfo:
    """Analyse one label as written (a trailing colon is ignored)."""
    raw = _SPACE.sub(" ", label.translate(_ZERO_WIDTH)).strip().removesuffix(":").strip()
    qualifiers = [q.strip() for q in _PAREN.findall(raw)]
    name = _PAREN.sub(" ", raw)
    name, comma, suffix = name.partition(",")
    if comma:
        qualifiers.append(suffix.strip())
    name = _SPACE.sub(" ", name).strip()
    words = words_of(name)
    shape, honorific = _shape(name, words)
    role_hint = _role_of(words) if shape is Shape.role else None
    affiliation: list[str] = []
    alias = None
    time = None
    for qualifier in filter(None, qualifiers):
        seconds = parse_clock(qualifier)
        if seconds is not None:
            time = seconds
            continue
        if qualifier.isupper() and len(qualifier) <= 4 and qualifier == _initials(name):
            alias = qualifier
            continue
        q_words = words_of(qualifier)
        hint = _role_of(q_words)
        if hint is not None:
            role_hint = role_hint or hint
            rest = [w for w in qualifier.split() if name_key(w) not in ROLE_WORDS]
            if rest:
                affiliation.append(" ".join(rest))
            continue
        affiliation.append(qualifier)
    return LabelInfo(
        raw=raw,
        name=name,
        key=name_key(name),
        shape=shape,
        role_hint=role_hint,
        affiliation="; ".join(affiliation) or None,
        alias=alias,
        time=time,
        honorific=honorific,
    )
