"""Cues of who holds the floor, read from the words of one run (for ``floor`` and ``pairs``).

Which short turns only acknowledge ("Yeah.", "Oh, okay.") or break off ("Now, you had-");
which hand the floor to someone ("Ben?", "go ahead", "Adam, you're up next"); which are a
third party's procedural calls (an objection, "Point of order", a chair calling the next
speaker by name); which reply with a self-introduction rather than an answer.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass

from ..words import word_count
from .asking import last_sentences

__all__ = [
    "NamePattern",
    "address_words",
    "addresses",
    "asks_back",
    "backchannel_shaped",
    "continuer",
    "cut_off",
    "floor_phrase",
    "hands_over",
    "name_pattern",
    "name_words",
    "names_in",
    "opens_addressing",
    "picks_up",
    "procedural",
    "proposes_topic",
    "reaction",
    "self_introduction",
    "self_nominated",
    "starts_reacting",
    "thanks_back",
]

# Words that only acknowledge or react: a run made of nothing else is a backchannel.
_REACTION = re.compile(
    r"(?:yeah|yes|yep|yup|oh|ooh|ah|aha|ha|haha|ok|okay|right|sure|cool|awesome|wow|great|"
    r"nice|exactly|true|indeed|interesting|fascinating|mm|mhm|mm-hmm|mm hmm|uh-huh|uh-hmm|"
    r"um-hmm|hmm|hm|uh|um|got it|gotcha|i see|fair|fair enough|totally|absolutely|definitely|"
    r"(?:(?:it|that)(?:'s| is) )?(?:a )?(?:hundred|100) ?(?:%|percent)(?: (?:true|right))?|"
    r"of course|fantastic|perfect|good|very good|thanks|thank you|love it|amazing|makes sense|"
    r"that makes sense|sounds good|i know|no way|oh my (?:god|gosh)|all right|alright|"
    r"laughs|laughter|affirmative|wonderful|excellent|brilliant|neat|ja|genau|oui|d'accord|"
    r"sí|claro|vale|sim|certo|"
    r"that(?:'s| is) (?:(?:really|so|very|pretty|super|quite) )?(?:a |an )?(?:(?:really|very) )?"
    r"(?:interesting|cool|great|awesome|amazing|fascinating|fair|true|right|funny|neat|wild|"
    r"crazy|good|nice|wonderful|excellent|fantastic|perfect)"
    r"(?: (?:point|question|idea|one|way to (?:think|look at|put) (?:about )?it|thing))?)",
    re.IGNORECASE,
)
# Tokens that keep a listener's channel open without taking the floor.
_CONTINUER = re.compile(
    r"(?:mm|mhm|mm-hmm|mm hmm|uh-huh|uh-hmm|um-hmm|hmm|uh|um|yeah|yep|right|affirmative)",
    re.IGNORECASE,
)
_CLAUSES = re.compile(r"[\s.,;:!?…()\[\]\-—–]+")
_CUT = re.compile(r"(?:-|—|–|…|\.\.\.)[\"'”’)\]]*$")
# (?=[...]): the first letters of the phrases, so that a word starting otherwise is passed
# over at once instead of tried against every phrase (twice as fast; same matches).
_FLOOR = re.compile(
    r"\b(?=[adfghkotwy])(?:go ahead|you(?:'re| are) (?:up|next)|over to you|your turn|"
    r"what about you|how about you|what do you think|your thoughts|(?:do )?you want to "
    r"(?:go|start|add|take|jump|kick|shill|say|share|talk|chime|weigh)|take it away|"
    r"the floor is yours|kick us off|floor to|want to jump in|anything to add|go first)\b",
    re.IGNORECASE,
)
# Calls that belong to the proceedings, not to the exchange: a chair's order, counsel's
# objection or instruction to the witness (said of the witness, not by them).
_PROCEDURAL_START = re.compile(
    r"[\W_]*(?:objection|i object|we object|point of order|order[.!]|sustained|overruled|"
    r"the (?:witness|gentleman|gentlelady|senator|member|chair) (?:may|will|is)|"
    r"(?:the )?time (?:of the \w+ )?has expired|don't guess|don't answer)",
    re.IGNORECASE,
)
# ... and the phrases that mark one anywhere in a short turn (lower case, straight quotes),
# each a substring test ("instruct my client" is in "my client"); "going to decline" only
# said of the witness (_DECLINES_FOR).
_PROCEDURAL_PHRASES = (
    *("is recognized", "you are next", "which question is pending", "instruct him"),
    *("instruct her", "instruct the witness", "asked and answered", "calls for speculation"),
    "my client",
    # a chair giving someone the floor: "has the floor" in the chamber languages
    *("has the floor", "tem a palavra", "concedo a palavra", "tiene la palabra"),
    *("concedo la palabra", "hat das wort", "erteile das wort", "a la parole"),
    "donne la parole",
)
# Each phrase holds one of these, looked for first: one search for the phrases that share
# it, and a one-character search (the cheapest) for those holding a rare letter
# (tests/test_pair_fast.py holds every phrase to an anchor).
_PROCEDURAL_ANCHORS = ("z", "x", "q", "instruct", "answered", "specul", "client", "floor")
_PROCEDURAL_BY_ANCHOR = tuple(
    (anchor, tuple(phrase for phrase in _PROCEDURAL_PHRASES if anchor in phrase))
    for anchor in (*_PROCEDURAL_ANCHORS, "pala", "das wort", "parole")
)
# ... or speaking time ("Concedo 1 minuto à Deputada", "Vou dar 1 minuto", "I'll give the
# gentleman two minutes").
_ALLOTS_TIME = re.compile(
    r"\b(?:concedo|dar|dando|dou|doy|give|giving|grant|yield)\s+(?:(?:the \w+|him|her|you)\s+)?"
    r"(?:\d+|one|two|three|five|um|uma|dois|duas|três|cinco|un|una|dos|tres)\s+"
    r"(?:more\s+|additional\s+)?(?:minutes?|minutos?|segundos?|seconds?)\b",
    re.IGNORECASE,
)
# The letters that _PROCEDURAL_START's phrases start with, and what IGNORECASE matches to
# them: a text that opens on any other letter or digit cannot match (most turns).
_PROCEDURAL_FIRST = frozenset("DIOPSTWdiopstwİıſ")
_DECLINES_FOR = re.compile(r"\b(?:he|she)(?:'s| is) going to decline\b", re.IGNORECASE)
_INTRO = re.compile(
    r"^[\W_]*(?i:(?:(?:and|so|hi|hello|hey|yeah|well)[\s,!.]+)*(?:i'm|i’m|i am|my name is|"
    r"my name's|this is))\s+[A-Z]",
)
# The letters that _INTRO's words start with, and what IGNORECASE matches to them: a text
# that opens on any other letter or digit introduces nobody (most turns).
_INTRO_FIRST = frozenset("AHIMSTWYahimstwyİıſ")
_TITLES = frozenset(
    {
        *("mr", "mrs", "ms", "miss", "dr", "prof", "sir", "madam", "herr", "frau", "sr", "sra"),
        *("dona", "don", "senator", "rep", "judge", "justice", "chief", "chair", "chairman"),
        *("speaker", "the", "and", "of", "van", "von", "de", "da", "del", "la", "le"),
    }
)


_YOU = re.compile(r"\b(?:you|your|yours|du|dir|dich|Sie|Ihnen|vous|tu|usted|ustedes|você|vocês)\b")


_COURTESY = re.compile(
    r"\b(?:how are you|how about you|and you|how's it going|how are things|cómo estás|cómo está|"
    r"y tú|y usted|wie geht'?s|wie geht es|ça va|comment allez-vous|tudo bem|como vai|e você)\b",
    re.IGNORECASE,
)
# A last sentence that only checks the listener follows ("Okay?", "Está bem?", "Verstanden?"):
# the speaker goes on or stops, nobody need answer it.
_CHECK = re.compile(
    r"[\W_]*(?:ok|okay|all right|alright|right|understood|got it|está bem|tá bem|tá|certo|"
    r"entendeu|vale|de acuerdo|entendido|d'accord|compris|verstanden|gut|in ordnung)[\s?？!.]*",
    re.IGNORECASE,
)


# A tag that asks the listener to agree ("..., right?"), and how many words a statement
# before it has when it only seeks agreement (the listener may take the floor with their own
# remark) rather than asks about them ("You were there, right?").
_AGREE_TAG = re.compile(r",\s*(?:right|yeah|no|correct)\s*[?？]\s*$", re.IGNORECASE)
_TAGGED_WORDS = 15


def asks_back(text: str) -> bool:
    """Whether the last sentence asks the listener something ("Which is this?", "Do you
    mean ...?"), as opposed to a rhetorical question to the room or a courtesy ("How are
    you?") that the asker answers in passing before going on."""
    if "?" not in text[-300:] and "？" not in text[-300:]:
        return False
    last = (last_sentences(text, 1) or [text])[0]
    if ("?" not in last and "？" not in last) or _COURTESY.search(last):
        return False
    if len(last) < 20 and _CHECK.fullmatch(last):
        return False
    words = word_count(last)
    if words > _TAGGED_WORDS and _AGREE_TAG.search(last[-16:]):
        return False  # a long statement with "..., right?": it seeks agreement, not a reply
    return words <= 6 or bool(_YOU.search(last))


_SECOND_PERSON = re.compile(r"\b(?:you|your|yours|yourself|you're|you've|you'd|you'll)\b", re.I)
_NOT_ADDRESSING = re.compile(r"\byou (?:know|guys|all|see)\b|\by'all\b|\bthank you\b", re.I)


def addresses(text: str) -> bool:
    """Whether the end of the text speaks to the listener ("I think you would love Austin")."""
    tail = " ".join(last_sentences(text, 3)).replace("’", "'")
    return bool(_SECOND_PERSON.search(_NOT_ADDRESSING.sub(" ", tail)))


# A topic put to the others ("I want to hear more about Blair", "let's talk about ...").
_TOPIC = re.compile(
    r"\b(?:(?:i|we)(?:'d| would)?(?: really)? (?:want|wanna|like|love) to (?:hear|know|talk)|"
    r"let'?s (?:talk|hear)) (?:(?:a bit|a little|some|more) )*about\b",
    re.IGNORECASE,
)


def proposes_topic(text: str) -> bool:
    """Whether the last sentence puts a topic to the others ("I want to hear more about
    Blair though.")."""
    last = last_sentences(text.replace("’", "'"), 1)
    return bool(last) and _TOPIC.search(last[0]) is not None


_CLOSERS = "\"'”’)]"
_CUT_MARKS = ("-", "—", "–", "…", "...")


def cut_off(text: str) -> bool:
    """Whether the text breaks off ("Now, you had-", "But…").

    What ``_CUT`` finds at the end of the last 8 characters, read without it: the marks of
    the pattern are not closers, so it matches when the text, closers stripped, ends in one.
    """
    return text[-8:].rstrip().rstrip(_CLOSERS).endswith(_CUT_MARKS)


# What may stand around a clause of an acknowledgement: blanks (a no-break space too),
# dashes, emphasis, quotes.
_AROUND = " \t\n\xa0\u2009\u202f-*_'\""


def picks_up(text: str) -> bool:
    """Whether the text opens by picking up a sentence broken off before ("... para dar a
    presença e votar.", "— and that was the end of it.")."""
    return text.lstrip().startswith(("...", "…", "—", "–", "- "))


_CLAUSE_ENDS = re.compile(r"[.,;:!?…()\[\]—–]+")
# The most characters of an acknowledgement or a reaction ("Hm... Interesting."): a longer
# text is none, far longer than any.
ACKNOWLEDGEMENT_CHARS = 160
# The most characters of an echo of the other speaker's words ("Mostly poetry.").
ECHO_CHARS = 80


def _made_of(pattern: re.Pattern[str], text: str) -> bool:
    if len(text) > ACKNOWLEDGEMENT_CHARS:
        return False  # far longer than any acknowledgement
    text = text.replace("’", "'")
    # the first clause alone settles most texts (it is seldom an acknowledgement)
    first = _CLAUSE_ENDS.split(text, maxsplit=1)[0].strip(_AROUND)
    if first and not pattern.fullmatch(first):
        return False
    clauses = [c for c in _CLAUSE_ENDS.split(text) if c.strip(_AROUND)]
    return bool(clauses) and all(pattern.fullmatch(c.strip(_AROUND)) for c in clauses)


# A text that opens on an ASCII letter or digit and two more ASCII characters opens its first
# clause so: a reaction's first clause then starts with one of these three, or is one of the
# two-character ones, lower-cased (tests/test_cue_gates.py derives them from _REACTION).
_REACTION_HEADS = frozenset(
    {
        "100", "a 1", "a h", "abs", "aff", "ah", "aha", "all", "alr", "ama", "awe", "bri",
        "cer", "cla", "coo", "d'a", "def", "exa", "exc", "fai", "fan", "fas", "gen", "goo",
        "got", "gre", "ha", "hah", "hm", "hmm", "hun", "i k", "i s", "ind", "int", "it ",
        "it'", "ja", "lau", "lov", "mak", "mhm", "mm", "mm ", "mm-", "nea", "nic", "no ",
        "of ", "oh", "oh ", "ok", "oka", "ooh", "oui", "per", "rig", "sim", "sou", "sur",
        "tha", "tot", "tru", "uh", "uh-", "um", "um-", "val", "ver", "won", "wow", "yea",
        "yep", "yes", "yup",
    }
)  # fmt: skip


def reaction(text: str) -> bool:
    """Only an acknowledgement or a reaction ("Oh, okay.", "Cool.", "That's interesting.")."""
    # (a gate, _REACTION_HEADS: most texts are none without the pattern)
    head = text[:3]
    if head[:1].isalnum() and head.isascii():
        head = head.lower()
        if head not in _REACTION_HEADS and head[:2] not in _REACTION_HEADS:
            return False
    return _made_of(_REACTION, text)


def starts_reacting(text: str) -> bool:
    """Whether the first clause only acknowledges ("Awesome, thanks. Next question ...")."""
    first = re.split(r"[.,;:!?…]+", text[:80].replace("’", "'"), maxsplit=1)[0]
    return bool(_REACTION.fullmatch(first.strip(_AROUND)))


_THANKS = re.compile(
    r"[\W_]*(?:thanks|thank you|you're welcome|my pleasure|likewise|same to you|danke|merci|"
    r"gracias|obrigad[oa])\b",
    re.IGNORECASE,
)


def thanks_back(text: str) -> bool:
    """Whether the text opens by thanking or returning thanks ("Thanks, everybody.")."""
    return bool(_THANKS.match(text.replace("’", "'")))


def continuer(text: str) -> bool:
    """Only a token that keeps the channel open ("Mm-hmm.", "Uh-huh.", "Yeah.")."""
    return _made_of(_CONTINUER, text)


def echoes(text: str, before: str) -> bool:
    """Whether ``text`` only repeats words the other speaker just said ("Mostly poetry.")."""
    if len(text) > ECHO_CHARS:
        return False
    words = set(_CLAUSES.split(text.lower())) - {""}
    if not words or len(words) > 6:
        return False  # (decided before the other speaker's last sentence is found)
    tail = before[-300:]  # (what last_sentences splits)
    if tail.isascii() and not tail.isspace():
        # (the last sentence is a piece of the tail, and in ASCII lower-casing keeps it one:
        # a word not in the tail is not in it, and a few substring tests cost less than the
        # split)
        lowered = tail.lower()
        for word in words:
            if word not in lowered:
                return False
    last = (last_sentences(before, 1) or [before])[0]
    return words <= set(_CLAUSES.split(last.lower()))


# The most words of an aside said into someone else's speech ("Always be shipping.").
_ASIDE_WORDS = 3


def backchannel_shaped(
    text: str, before: str = "", after: str | None = None, reacts: bool | None = None
) -> bool:
    """A reaction, an echo of the other speaker, a start broken off at once ("Now-"), or,
    when the other speaker's next words (``after``) are known, a remark of a few words that
    they go on past without acknowledging it ("Always be shipping." / "Always through the
    year."; not "-ish." / "All right. Got the memo."). ``reacts``: ``reaction(text)``, when
    the caller knows it already."""
    if reacts is None:
        reacts = reaction(text)
    if reacts:
        return True
    # (the words counted up to five: a long text is not split whole)
    words = len(text.split(None, 4))
    if words > 4 and len(text) > ECHO_CHARS:
        return False  # (most texts: too long to echo, too many words for the rest)
    if echoes(text, before) or (cut_off(text) and words <= 4):
        return True
    return after is not None and words <= _ASIDE_WORDS and not starts_reacting(after)


# Every phrase of _FLOOR holds one of these.
_FLOOR_WORDS = ("you", "go ", "take it", "kick us", "floor", "jump in", "anything to add")
# ... and, lower-cased, one of these, which says more: an ASCII tail (where lower() is what
# IGNORECASE matches) holding none of them is not searched.
_FLOOR_PHRASES = (
    *("go ahead", "go first", "you're ", "you are ", "over to you", "your turn", "about you"),
    *("do you think", "your thoughts", "you want to ", "take it away", "floor", "kick us off"),
    *("want to jump in", "anything to add"),
)


def _floor_words_in(lowered: str) -> bool:
    """Whether one of _FLOOR_WORDS is in the text, written out: a generator over them costs
    more than the tests. Those starting with a rare letter are tried only when it is there (a
    one-character search costs a fraction of a several-character one)."""
    return (
        "you" in lowered
        or "go " in lowered
        or ("k" in lowered and ("take it" in lowered or "kick us" in lowered))
        or "floor" in lowered
        or ("j" in lowered and "jump in" in lowered)
        or "anything to add" in lowered
    )


def floor_phrase(text: str) -> bool:
    """Whether the text hands the floor over in so many words ("go ahead", "you're up")."""
    tail = text[-300:]  # the floor is handed over at the end of a turn
    lowered = tail.lower()
    return _floor_phrase(tail, lowered, _floor_words_in(lowered))


def _floor_phrase(tail: str, lowered: str, floor_words: bool) -> bool:
    """``floor_phrase`` of a tail, given it lower-cased and whether it holds a floor word
    (``hands_over`` works both out once for its two readings)."""
    if not floor_words:
        return False
    if tail.isascii():
        for phrase in _FLOOR_PHRASES:  # (a loop: a generator costs more than the tests)
            if phrase in lowered:
                break
        else:
            return False
    return any(not self_nominated(tail, found) for found in _FLOOR.finditer(tail))


# A speaker who takes the floor themselves ("I'm gonna go first", "I'll go ahead and ...").
_SELF = re.compile(r"\b(?:i|let me|we'll|we will)\b[^.!?,]{0,20}$", re.IGNORECASE)


def self_nominated(tail: str, found: re.Match[str]) -> bool:
    """Whether a "go first" / "go ahead" that ``_FLOOR`` found is said of the speaker."""
    if found.group()[:3].lower() != "go ":
        return False
    return _SELF.search(tail, max(0, found.start() - 30), found.start()) is not None


def procedural(text: str) -> bool:
    """An objection, a point of order, a chair's call ("... is recognized"), counsel's
    instruction to the witness (said of the witness, not by them)."""
    head = text[:2]
    if head[:1].isalnum() and head.isascii():  # (most texts)
        # (a gate: a text that opens on an ASCII letter or digit and a second ASCII
        # character starts with these two, lower-cased, or opens no call;
        # tests/test_cue_gates.py derives them from _PROCEDURAL_START)
        opens = head.lower() in {
            "do", "i ", "ob", "or", "ov", "po", "su", "th", "ti", "we",
        }  # fmt: skip
    else:
        first = head[:1]
        opens = first in _PROCEDURAL_FIRST or not first.isalnum()
    if opens and _PROCEDURAL_START.match(text):
        return True
    if len(text) > 300:
        return False  # a call on the proceedings is short; a long turn is testimony
    # (no phrase and no part of _ALLOTS_TIME holds a quote, so straight quotes matter only
    # to _DECLINES_FOR)
    lowered = text.lower()
    for anchor, phrases in _PROCEDURAL_BY_ANCHOR:  # (loops: a generator costs more)
        if anchor in lowered:
            for phrase in phrases:
                if phrase in lowered:
                    return True
    timed = "minut" in lowered or "segund" in lowered or "second" in lowered
    if timed and _ALLOTS_TIME.search(lowered) is not None:
        return True
    if "going to decline" not in lowered:
        return False
    return _DECLINES_FOR.search(lowered.replace("’", "'")) is not None


def self_introduction(text: str) -> bool:
    """A turn that opens by introducing its speaker ("And I am Brian.", "My name is ...")."""
    first = text[:1]
    # (a gate: a text that opens on an ASCII letter or digit and a second ASCII character
    # starts with these two, lower-cased, or introduces nobody; tests/test_cue_gates.py
    # derives them from _INTRO)
    head = text[:2]
    if first.isalnum() and head.isascii() and head.lower() not in {
        "an", "he", "hi", "i ", "i'", "my", "so", "th", "we", "ye",
    }:  # fmt: skip
        return False
    return (first in _INTRO_FIRST or not first.isalnum()) and _INTRO.match(text) is not None


# Words of a label that never address its speaker: honorifics and particles ("O SR.", "The").
_HONORIFICS = frozenset(
    {
        *("mr", "mrs", "ms", "miss", "dr", "prof", "sir", "madam", "herr", "frau", "sr", "sra"),
        *("dona", "don", "the", "and", "of", "van", "von", "de", "da", "del", "la", "le"),
    }
)


def address_words(names: Collection[str]) -> set[str]:
    """The words that address a speaker, their office included: "THE CHAIR" gives chair,
    "O SR. PRESIDENTE" presidente, "Judge Ann Lee" judge, ann, lee (``name_words`` leaves
    offices out: "Senator" addresses every senator)."""
    found: set[str] = set()
    for name in names:
        for word in re.findall(r"[^\W\d_][\w'-]*", name):
            if len(word) > 1 and word.lower() not in _HONORIFICS:
                found.add(word.lower())
    return found


def name_words(names: Collection[str]) -> set[str]:
    """The words of a speaker's names that address them: "Dr. Ann Lee" gives ann, lee."""
    found: set[str] = set()
    for name in names:
        for word in re.findall(r"[^\W\d_][\w'-]*", name):
            if len(word) > 1 and word.lower() not in _TITLES:
                found.add(word.lower())
    return found


@dataclass(frozen=True, slots=True)
class NamePattern:
    """What finds any of some name words, capitalised, as a whole word."""

    pattern: re.Pattern[str]
    ascii_words: frozenset[str] | None
    """The words, when all are ASCII words: in an ASCII sentence a match is then a whole
    run of word characters, apostrophes and hyphens that starts with a capital A-Z and is one
    of these words lower-cased, so the capitalised runs are looked up before the pattern is
    read."""
    initials: tuple[tuple[str, str], ...] = ()
    """Each of ``ascii_words`` after its capital initial: in an ASCII text a match opens on
    that capital, so a one-character search (the cheapest) rules most words out before the
    word itself is looked for, lower-cased, in the text lower-cased."""


_NAME = re.compile(r"[^\W\d_][\w'-]*")
_CAPITALISED = re.compile(r"[A-Z][\w'-]*")


def name_pattern(words: Collection[str]) -> NamePattern | None:
    """A pattern that finds any of these name words, capitalised, as a whole word."""
    if not words:
        return None
    names = "|".join(sorted((re.escape(w) for w in words), key=len, reverse=True))
    pattern = re.compile(rf"(?<![\w'-])(?=[^\W\d_a-z])(?i:{names})(?![\w'-])")
    plain = all(w.isascii() and _NAME.fullmatch(w) for w in words)
    if not plain:
        return NamePattern(pattern, None)
    lowered = frozenset(w.lower() for w in words)
    return NamePattern(pattern, lowered, tuple((w[0].upper(), w) for w in sorted(lowered)))


def names_in(text: str, names: NamePattern | None) -> bool:
    """Whether the last sentence of ``text`` calls someone by a name ``names`` finds."""
    if names is None:
        return False
    tail = text[-300:].rstrip(" .!?？\"'”’)")
    words = names.ascii_words
    if words is not None and len(words) <= 8 and tail.isascii():
        # a name the ASCII reading below finds is, lower-cased, in the lower-cased tail:
        # a few substring tests rule most tails out
        lowered = tail.lower()
        if not any(initial in tail and word in lowered for initial, word in names.initials):
            return False
    start = max(tail.rfind(". "), tail.rfind("! "), tail.rfind("? "), tail.rfind("\n"))
    last = tail[start + 1 :]
    if words is None or not last.isascii():
        return names.pattern.search(last) is not None
    # every capitalised run that could be a name is among these (a run cut from inside a
    # word too, "McAnn" gives "Ann"): only when one is a name word is the pattern read
    if any(run.lower() in words for run in _CAPITALISED.findall(last)):
        return names.pattern.search(last) is not None
    return False


# The most words before the comma of a name that opens a turn ("Sr. Presidente, ...").
_VOCATIVE_WORDS = 3


def opens_addressing(text: str, names: NamePattern | None) -> bool:
    """Whether the text opens by calling someone ``names`` finds: a first clause of a few
    words holding the name, then a comma ("Presidente, eu queria ...", "Sr. Presidente, nós
    ..."), or a first sentence that ends on the name after a comma ("A Deputada está
    querendo ir embora, Presidente.")."""
    if names is None:
        return False
    comma = text.find(",", 0, 60)
    if comma < 0:
        return False
    head = text[:comma]
    if word_count(head) <= _VOCATIVE_WORDS and names.pattern.search(head) is not None:
        return True
    found = _FIRST_SENTENCE.match(text, 0, 300)
    if found is None:
        return False
    tail = found.group(1)
    return word_count(tail) <= _VOCATIVE_WORDS and names.pattern.search(tail) is not None


# A first sentence and its last clause after a comma (", Presidente.").
_FIRST_SENTENCE = re.compile(r"[^.!?]*,([^,.!?]+)[.!?]")


def hands_over(text: str, others: NamePattern | None) -> str | None:
    """How the text hands the floor over: "hands over the floor" (in so many words, see
    ``floor_phrase``), "addressed by name" (its last sentence calls someone ``others`` finds,
    see ``names_in``), or None.

    An ASCII tail that, lower-cased, holds none of the floor words and none of the (eight at
    most, ASCII) name words of ``others`` after its capital initial is ruled out at once: it
    is lower-cased once for both readings' substring tests.
    """
    tail = text[-300:]
    lowered = tail.lower()
    floor_words = _floor_words_in(lowered)
    initials = others.initials if others is not None else ()
    if not floor_words and initials and len(initials) <= 8 and tail.isascii():
        for initial, word in initials:  # (a loop: a generator costs more than the tests)
            if initial in tail and word in lowered:
                break
        else:
            return None
    if _floor_phrase(tail, lowered, floor_words):
        return "hands over the floor"
    return "addressed by name" if names_in(text, others) else None
