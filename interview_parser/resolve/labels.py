"""What a label says by itself: its name, qualifiers, shape and role hint.

``analyse("Editor (Time.news):")`` splits a label into the name ("Editor"), the qualifiers
in parentheses or after a comma ("Time.news"), a normalised key that spellings of one
speaker share ("editor"), and its *shape*: a person's name, a generic role (Q, Host,
Speaker 2) or prose that only happens to end in a colon ("He said", "Two options").
The word lists below are the only vocabulary the resolver uses.
"""

from __future__ import annotations

import dataclasses
import functools
import re
from dataclasses import dataclass
from enum import Enum

from ..clock import clock_pattern, parse_clock
from ..dialects.convention import time_range
from ..grammar import part
from ..model import Role
from ..words import HONORIFICS, NOT_SPEAKERS


class Shape(str, Enum):
    name = "name"  # capitalised words: "Dr. Morozova", "MS. JEAN-PIERRE", "Zoë"
    role = "role"  # a generic role: "Q", "Host", "Speaker 2", "THE COURT"
    prose = "prose"  # anything else: "He said", "Interview on U.S.-Russia Relations"


def word_set(text: str) -> frozenset[str]:
    """A vocabulary written as white-space separated words."""
    return frozenset(text.split())


# Labels that ask: their speakers are interviewers unless the user says otherwise.
ASKING = word_set(
    """interviewer host co-host cohost editor moderator anchor presenter reporter journalist
    q question questioner correspondent examiner counsel audience audience-member caller
    hosts interviewers"""
)
# Labels that answer.
ANSWERING = word_set(
    """a answer interviewee guest respondent witness expert panelist panellist
    guests interviewees"""
)
# Generic labels with no role of their own.
NEUTRAL = word_set(
    """speaker unknown unidentified narrator announcer voice voiceover voice-over participant
    student man woman male female person member crowd audience-members all both several multiple
    court clerk interpreter translator operator chair chairman chairwoman chairperson
    president"""
)
ROLE_WORDS = ASKING | ANSWERING | NEUTRAL

# Articles a title may follow ("O SR. JOÃO", "LA SRA. PÉREZ", "DER PRÄSIDENT").
ARTICLES = word_set("o a os as el la los las le les der die das il lo")

# Lower-case words that belong inside names ("Aaron van Wirdum", "Ludwig von Mises").
PARTICLES = word_set("van von der den de del della di da do dos das du la le ten ter bin al y e")

# A clock time anywhere in a label, with its brackets (escaped ones too) and the date a time
# of day may come with: "[00:09:25]", "(01:23)", "\\[12:03\\]", "0:18", "12/03/2026, 09:14".
# Layouts put the turn's start time there.
_LABEL_CLOCK = re.compile(
    rf"\\?[\[(]?(?P<date>{part('DATE')})?(?<![\d:])(?P<clock>-?{clock_pattern()})(?![\d:])"
    r"\\?[\])]?"
)
# A time span beside a name, as diarisation tools write it: "SPEAKER_00 [0.00-4.20]:".
_LABEL_RANGE = re.compile(time_range())
# Markup around a label: Markdown bold/italic markers, MediaWiki bold and stray brackets.
# The trailing run is cut by _unmarked(): as an alternative "[...]+$" here it was tried from
# every character of a long inner run ("B _ _ _ ... C") and rescanned the run each time.
_MARKUP = re.compile(r"\*\*|__|'''|^[\[\]*_\s]+")
_NOT_MARKUP = re.compile(r"[^\[\]*_\s]")
# What may come before a name besides a time: a bullet, the dash or bar that parts a time
# from the name ("[00:00:04.12] - Speaker 2", "12:03 | Anna:": AFTER_TIME in
# grammars/convention.lark), chevrons, a heading mark, a voice tag, the angle bracket or "@"
# of a chat handle ("<mod_sam>", "@li.wei:").
_LEADING_MARKS = re.compile(r"^(?:[*•+\-–—|]\s+|>>?\s*|\#{1,6}\s+|<v[.\w-]*\s+|[<@](?=[^\W\d_]))")
# The characters that _LEADING_MARKS may begin with.
_LEADING_MARK_STARTS = frozenset("*•+-–—|>#<@")
# The ends of a label other than a colon, with the blanks around them.
_OTHER_ENDS = ".-–—>\t "
_PAREN = re.compile(r"\(([^()]*)\)")
# A qualifier in square brackets after a name, read as one in parentheses: "Ines Duarte
# [Host]" is "Ines Duarte (Host)" (LABEL_MORE in grammars/common.lark).
_BRACKET_QUALIFIER = re.compile(r"(?<=\S)[^\S\n]+\[([^\W\d_][^\[\]\n]{0,39})\]")
_SPACE = re.compile(r"[\s\u00a0]+")
_ZERO_WIDTH = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff"))
_NOT_WORD_CHARS = re.compile(r"[^\w'&\-\s]")


@dataclass(slots=True)
class LabelInfo:
    """Everything a label says by itself.

    A value, shared by every turn with the label (:func:`analyse` caches it): never change
    one, make a changed copy (``dataclasses.replace``). Not frozen, as the model's classes
    are not: a frozen class's ``__init__`` costs three times as much, which 100,000
    distinct labels pay once each.
    """

    raw: str  # as written, without the colon: "Editor (Time.news)"
    name: str  # without qualifiers: "Editor"
    key: str  # shared by spellings of one speaker: "editor"
    shape: Shape
    role_hint: Role | None
    affiliation: str | None
    alias: str | None  # a short form the label introduces: "Peter McCormack (PM)" -> "PM"
    time: float | None  # "Name (01:23):" -> 83.0
    honorific: bool
    end: float | None = None  # "SPEAKER_00 [0.00-4.20]:" -> 4.2 (and time 0.0)
    # The date that came with the time: "12/03/2026, 09:14 - Ana:" -> "12/03/2026" (a skipped
    # span of the turn: the time is its start, the date is not a word of the speech)
    date: str | None = None


def name_key(name: str) -> str:
    """Normalise a name so that case, periods and spacing variants compare equal."""
    if not name.isascii():  # (no zero-width character or curly quote in ASCII: skip them)
        name = name.translate(_ZERO_WIDTH).replace("’", "'")
    # str.split() splits at what the pattern \s matches, \u00a0 included: one run a blank.
    return " ".join(name.casefold().replace(".", " ").split())


def declared_keys(label: str) -> set[str]:
    """The keys a label the user names (``--interviewer``, a cast entry) may match: as
    written ("host (radio)") and as the resolver reads it, without qualifiers ("host")."""
    return {name_key(label), analyse(label).key}


def words_of(name: str) -> list[str]:
    """The words of a name's key, each without the characters words do not have."""
    return _key_words(name_key(name))


def _key_words(key: str) -> list[str]:
    """The words of a key (:func:`words_of`)."""
    if key.replace(" ", "").isalnum():  # word characters only: nothing to take out
        return key.split()
    # The key's words are apart by single spaces, which the pattern keeps: one pass for all.
    return _NOT_WORD_CHARS.sub("", key).split()


def _short_form(letters: str, name: str) -> bool:
    """Whether ``letters`` (a qualifier without its periods) abbreviates ``name``: up to five
    letters or digits, the first a capital and the name's first letter, all of them found in
    the name in order (its initials, or a contraction such as "IV" for "INTERVIEWER")."""
    if not (1 <= len(letters) <= 5 and letters.isalnum() and letters[0].isupper()):
        return False
    rest = iter(name.casefold())
    if name[:1].casefold() != letters[0].casefold():
        return False
    return all(c in rest for c in letters.casefold())


def _role_of(words: list[str]) -> Role | None:
    if any(w in ASKING for w in words):
        return Role.interviewer
    if any(w in ANSWERING for w in words):
        return Role.interviewee
    return None


def _is_capitals(word: str) -> bool:
    """A word written in capitals ("PRESIDENT", "O'BRIEN"), not an initial or "I"."""
    if not word.isupper():  # a small letter, or no letter in either case: not capitals
        return False
    letters = 0
    for c in word:  # (a loop that stops at the first letter not a capital)
        if c.isalpha():
            if not c.isupper():
                return False
            letters += 1
    return letters >= 2


def _shape(name: str, words: list[str]) -> tuple[Shape, bool]:
    """Shape of the name part, and whether it starts with an honorific."""
    titled = words[1:] if len(words) > 2 and words[0] in ARTICLES else words
    honorific = bool(titled) and titled[0] in HONORIFICS and len(titled) > 1
    if not name:
        return Shape.role, False  # "[00:22:41]  :" names nobody, but somebody spoke
    if not words:
        return Shape.prose, False
    if words[0] in NOT_SPEAKERS and not honorific:
        return Shape.prose, False
    if (
        len(words) <= 3
        and words[0] in ROLE_WORDS
        and all(w in ROLE_WORDS or w.isdigit() or len(w) == 1 for w in words)
    ):
        return Shape.role, False  # "Q", "Host", "Speaker 2", "Audience member"
    if words[0] == "the" and len(words) <= 3:
        return Shape.role, True  # "THE COURT", "THE PRESIDENT", "The Witness"
    originals = name.split()
    if originals[0][:1].isupper() and any(_is_capitals(w) for w in originals):
        return Shape.name, honorific  # "The PRESIDENT pro tempore": a title in capitals
    for original in originals:
        bare = original.strip(".'’\"-&/")  # "/": "Interviewer / Entrevistador"
        if not bare:
            continue
        first = bare[0]
        if first.isupper() or (first.isdigit() and len(words) > 1):
            continue
        if first.isalpha() and not first.islower():
            continue  # a script without capitals: "记者", "張偉", "סיגל"
        if bare.casefold() in PARTICLES:
            continue
        return Shape.prose, honorific
    return Shape.name, honorific


def clean_label(label: str) -> tuple[str, float | None, float | None]:
    """The label without layout: times, Markdown markers, the final colon and blanks.

    Returns the cleaned label and the first clock time found in it (seconds), if any, and
    the end of the time span it gives ("[0.00-4.20]": start 0.0, end 4.2), if it gives one.
    """
    return _clean(label)[:3]


# The cleaned label, its time, the end of its time span, and the date that came with its
# time ("12/03/2026, 09:14 - Ana:" -> "12/03/2026"), each None where the label has none.
_Cleaned = tuple[str, float | None, float | None, str | None]


def _clean(label: str) -> _Cleaned:
    """:func:`clean_label` and the label's date: a plain label at once, others step by step."""
    stem = label.rstrip(" ")
    if stem.endswith(":"):  # "Name:", "Name: " (most labels): nothing else to take off
        name = stem[:-1].rstrip(" ")
        if _plain(name):
            return name, None, None, None
    return _steps(label)


def _cleaned(label: str) -> tuple[str, float | None, float | None]:
    """:func:`clean_label` step by step (what a plain label skips)."""
    return _steps(label)[:3]


def _steps(label: str) -> _Cleaned:
    text = _spaced(label if label.isascii() else label.translate(_ZERO_WIDTH))
    if "]" in text or ")" in text:
        span = _LABEL_RANGE.search(text)
        if span is not None:
            start, end = (_seconds(span.group(k)) for k in ("start", "end"))
            rest = text[: span.start()] + " " + text[span.end() :]
            return _without_layout(rest), start, end, None
    # A clock has a colon before a digit, so not only colons and spaces at the end ("Name:",
    # "Name: "; the blanks are spaces by now): most labels need no search.
    clock = _LABEL_CLOCK.search(text) if ":" in text.rstrip(": ") else None
    if clock is None:
        return _without_layout(text), None, None, None
    date = clock["date"]
    time = parse_clock(clock["clock"], of_day=date is not None)
    return _without_layout(_LABEL_CLOCK.sub(" ", text)), time, None, date and date.rstrip(", ")


def _plain(text: str) -> bool:
    """Whether ``text`` is words of letters and digits apart by single spaces, no blank at
    either end: what every step of :func:`clean_label` leaves as it is."""
    return text.replace(" ", "").isalnum() and " ".join(text.split()) == text


def _spaced(text: str) -> str:
    """``_SPACE.sub(" ", text)``: each run of blanks one space. A text whose only blanks
    are single spaces is that already (every other blank is not printable): most labels,
    which then cost no pattern."""
    return _SPACE.sub(" ", text) if "  " in text or not text.isprintable() else text


def _seconds(text: str) -> float | None:
    """Seconds in a clock time or in plain seconds ("4.20")."""
    clock = parse_clock(text)
    return clock if clock is not None or ":" in text else float(text)


def _unmarked(text: str) -> str:
    """``text`` without the markup around it: the trailing run of brackets, asterisks,
    underscores and blanks, a leading one, and ``**`` and ``__`` anywhere."""
    if (
        "*" not in text
        and "_" not in text
        and "[" not in text
        and "]" not in text
        and (
            "'''" not in text  # MediaWiki bold
        )
    ):
        return text.strip()  # (no markup: only the blanks; most labels)
    last = _NOT_MARKUP.search(text[::-1])
    return _MARKUP.sub("", text[: len(text) - last.start()] if last else "")


@functools.lru_cache(maxsize=4096)
def _without_layout(text: str) -> str:
    """The rest of :func:`clean_label`, once a label's times are out (cached: what is left
    repeats, "[00:01:23] Ana:" and "[00:02:05] Ana:" both leave " Ana:")."""
    if "[" in text:
        text = _BRACKET_QUALIFIER.sub(r" (\1)", text)
    text = text.strip()
    if text[:1] in _LEADING_MARK_STARTS:  # (most labels begin with a letter)
        text = _LEADING_MARKS.sub("", text)
    text = _spaced(_unmarked(text)).strip()
    # A colon ends most labels; the others end in "Mr. CORNYN.", "O SR. JOÃO -", "<v Ana>".
    colon = text.endswith((":", "："))
    text = text[:-1].strip() if colon else text.rstrip(_OTHER_ENDS)
    text = _unmarked(text).strip()
    if text.endswith((":", "：")):  # "**Name:**"
        text = text[:-1].strip()
    if len(text) == 2 and text[1] == "." and text[0] in "QA":
        text = text[0]  # deposition markers "Q." and "A."
    return text


@functools.lru_cache(maxsize=4096)
def analyse(label: str) -> LabelInfo:
    """Analyse one label as written, in any layout ("Editor:", "**Name:**", "[0:01] Name:").

    Cached: a transcript repeats a handful of labels thousands of times. A label that
    carries a time ("[00:01:23] Ana:") is new every time, so what the rest of it says is
    cached apart from the time.
    """
    raw, time, end, date = _clean(label)
    described = _describe(raw)
    if time is None and end is None:
        return described
    return dataclasses.replace(described, time=time, end=end, date=date)


def label_name(label: str) -> str:
    """``analyse(label).name`` without the rest of the analysis (its shape, role, words):
    for callers that need the name only, of many labels the cache does not hold."""
    if _plain(label):  # (a label as the model stores it, most of them: already its name)
        return label
    return _named(label)


def _named(label: str) -> str:
    """:func:`label_name` step by step (what a plain label skips)."""
    name = _unqualified(clean_label(label)[0])[0]
    return " ".join(name.split())


def _unqualified(raw: str) -> tuple[str, str, str]:
    """A cleaned label without its qualifiers in parentheses, split at its first comma."""
    return (_PAREN.sub(" ", raw) if "(" in raw else raw).partition(",")


@functools.lru_cache(maxsize=4096)
def _describe(raw: str) -> LabelInfo:
    """Analyse a cleaned label (no layout, no time)."""
    qualifiers = [q.strip() for q in _PAREN.findall(raw)] if "(" in raw else []
    name, comma, suffix = _unqualified(raw)
    if comma:
        qualifiers.append(suffix.strip())
    name = " ".join(name.split())  # (str.split splits where the pattern \s matches)
    key = name_key(name)
    words = _key_words(key)  # words_of(name)
    shape, honorific = _shape(name, words)
    role_hint = _role_of(words) if shape is Shape.role else None
    affiliation: list[str] = []
    alias = None
    for qualifier in filter(None, qualifiers):
        letters = qualifier.replace(".", "")
        if _short_form(letters, name):
            # "(PM)" after "Peter McCormack", "(AvW)" after "Aaron van Wirdum", "(IV)"
            # after "INTERVIEWER", "(P07)" after "PARTICIPANT 07", "(I)" after "Interviewer"
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
        key=key,
        shape=shape,
        role_hint=role_hint,
        affiliation="; ".join(affiliation) or None,
        alias=alias,
        time=None,
        honorific=honorific,
    )
