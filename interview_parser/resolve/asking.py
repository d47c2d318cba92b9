"""Whether a prompt asks something, read from its form (used by ``pairs``).

A question mark is one sign among several: transcribers drop it (meeting notes, machine
transcripts), indirect questions never had one ("I wanted to ask whether ..."), and a request
to tell ("Tell us about ...") asks without being a question. The other way round, a filler tag
("..., you know?") carries a mark but asks nothing. :func:`question_evidence` names the sign
it found, so a pair can say why it is a question. It reads the languages of the corpus:
English, German, French, Spanish and Portuguese.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from collections.abc import Set as AbstractSet

__all__ = ["last_sentences", "question_evidence", "sentences"]

_SENTENCE_END = re.compile(r"([.!?？。][\"'”’)\]]*)\s+")
# Words that open a sentence without changing what it is ("So, what ...", "And is it ...").
_LEAD = (
    r"(?:(?:and|so|but|well|okay|ok|now|then|also|yeah|yes|right|alright|all right|und|et|"
    r"alors|y|e|então|pues|bueno)[\s,]+)*"
)
# A name the speaker addresses before asking ("So Alexey, does that help").
_ADDRESS = (
    r"(?:(?!(?:you|we|they|he|she|it|i|this|that|there|the|these|those|what|how|why|when|"
    r"where|who|which|is|are|do|does|did|let|let's)\b)(?-i:[A-Z][\w'-]+),\s+)?"
)
# Filler tags: a mark that asks nothing ("..., you know?", "..., see?").
_FILLER = re.compile(
    r"(?:,|^)\s*(?:you know|y'know|ya know|you see|see|know what i mean|huh|eh|no|innit)"
    r"\s*[?？]\s*$",
    re.IGNORECASE,
)
# How every filler tag ends, lower-cased.
_FILLER_ENDS = ("know", "see", "i mean", "huh", "eh", "no", "innit")
_FILLER_END_PAIRS = frozenset(end[-2:] for end in _FILLER_ENDS)  # (each two or more long)
_WH = re.compile(
    _LEAD + r"(?:what|why|how|when|where|who|whom|whose|which)(?:'s|'re|'d)?\s+"
    r"(?:is|are|was|were|do|does|did|can|could|would|will|should|have|has|had|kind|sort|type|"
    r"part|one|ones|exactly|else|about|if|made|makes|led|brought|happened|happens|got|gets|"
    r"many|much|long|often|far|old|big|soon|come|comes|came|went|goes|kinds|types|things)\b",
    re.IGNORECASE,
)
_INVERSION = re.compile(
    _LEAD
    + _ADDRESS
    + r"(?:(?:is|are|was|were|do|does|did|has|have|can|could|would|should)\s+(?-i:[A-Z])|"
    r"(?:do|does|did|is|are|was|were|can|could|would|will|should|shall|have|has|had|may|"
    r"might|must|isn't|aren't|wasn't|weren't|don't|doesn't|didn't|can't|couldn't|wouldn't|"
    r"won't|shouldn't|haven't|hasn't)\s+"
    r"(?:you|he|she|it|we|they|there|the|this|that|these|those|i|anyone|anybody|somebody|"
    r"someone|any|your|his|her|their|our|my|all|people|everyone)\b)",
    re.IGNORECASE,
)
# (?=[...]) in _INDIRECT and _REQUEST: the letters their phrases start with, so that a word
# starting otherwise is passed over at once instead of tried against every phrase (two to
# three times as fast; the same matches).
_INDIRECT = re.compile(
    r"\b(?=[acefgijlmnpqtvwy'])"
    r"(?:(?:want|wanted|like|wish|need)(?:ed)? to ask|let me ask|may i ask|can i ask|"
    r"i(?:'m| am| was) (?:curious|wondering)|i wonder (?:if|whether|what|how|why|who|when)|"
    r"(?:my|the|a) question (?:is|was|would be)|question (?:for|to) you|"
    r"\b(?:i|we)(?:'d| would| just| really)* (?:want|wanted|wanna|am trying|was trying|try|like|"
    r"need) to (?:understand|know|find out|see (?:if|whether)|get a sense|get your)|"
    r"(?:would|'d) love to (?:hear|know|get|understand)|your thoughts|"
    r"(?:i'd|i would|i'm|i am|i was) (?:be )?(?:curious|interested) (?:to|how|what|whether|if|"
    r"about|why|in)|"
    r"ich frage|frage ich|(?:möchte|will|wollte) (?:ich )?(?:Sie )?(?:\w+ )?fragen|"
    r"je (?:voudrais|veux|souhaite) (?:savoir|vous demander)|est-ce que|"
    r"quisiera (?:saber|preguntar)|(?:le|les|te) pregunto|quería preguntar|"
    r"(?:gostaria de|quero|queria|preciso) (?:saber|perguntar)|(?:lhe|te|vos) pergunto|pergunto|"
    r"(?:quiero|necesito) (?:saber|preguntar))\b",
    re.IGNORECASE,
)
_REQUEST = re.compile(
    r"\b(?=[acdefghirstw])(?:tell (?:me|us|them|people|the audience|our listeners|everyone)|"
    r"(?:can|could|would|will) you (?:tell|explain|describe|talk|walk|share|give|say|elaborate|"
    r"expand|clarify|introduce|remind)|explain (?:to (?:me|us) )?(?:how|what|why|the|that|this)|"
    r"describe (?:how|what|the|your)|walk (?:me|us) through|talk (?:me|us) through|"
    r"help (?:me|us) understand|remind (?:me|us)|give (?:me|us) (?:a|an|the|some)|"
    r"share (?:with (?:me|us)|a (?:bit|little))|introduce yourself|"
    r"if you (?:would|could|wouldn't|don't) mind|i'd (?:love|like) (?:to hear|you to)|"
    r"somebody can tell me|anyone (?:can|could) tell|"
    r"erzählen Sie|erklären Sie|sagen Sie (?:uns|mir)|"
    r"racontez|expliquez|dites-(?:nous|moi)|"
    r"cuéntenos|cuéntame|cuénteme|cuéntanos|explíquenos|díganos|dígame|"
    r"conte-nos|conte-me|diga-nos|explique-nos|fale (?:um pouco|sobre))\b",
    re.IGNORECASE,
)
# A request to tell put as an imperative at the start of a sentence ("Talk about ...").
_IMPERATIVE = re.compile(
    _LEAD
    + _ADDRESS
    + r"(?:please\s+)?(?:talk|tell|explain|describe|walk|share|give|speak|elaborate|expand|"
    r"remind|introduce)\s+(?:about|us|me|through|to|on|a bit|a little|more|the|your|yourself)\b",
    re.IGNORECASE,
)
_CONFIRM = re.compile(
    r"(?:[,;]\s*(?:right|correct|yes|no|true|isn't it|is that right|is that correct|"
    r"am i right|yes or no|n'est-ce pas|non|verdad|no es así|não é|certo|oder|nicht wahr|"
    r"stimmt's)|\b(?:is that (?:right|correct|true|fair)|am i right))\s*[.?？]*$",
    re.IGNORECASE,
)
# Question words that are written apart from their relative forms (accents, V2 order).
_FOREIGN_WH = re.compile(
    _LEAD + r"(?:qué|cómo|cuándo|dónde|quién|quiénes|cuál|cuáles|cuánto|cuánta|cuántos|"
    r"cuántas|por qué)\s|"
    + _LEAD
    + r"(?:wie|was|warum|wieso|weshalb|wann|wo|wer|wen|wem|welche[rsnm]?|inwiefern|"
    r"inwieweit|wodurch|womit|wofür|worin)\s+(?:\w+\s+)?(?:Sie|die|der|das|es|man|ihr|du|wir|"
    r"ist|sind|hat|haben|kann|können|wird|werden|soll|sollen|würde|würden|gibt)\b|"
    + _LEAD
    + r"(?:o que|por que|quando|onde|quem|qual|quais|quanto|quantos)\s+"
    r"(?:é|são|foi|você|vocês|o senhor|a senhora|v\. exa)\b",
    re.IGNORECASE,
)
_PORTUGUESE_END = re.compile(r"\b(?:o quê|por quê)\W*$", re.IGNORECASE)
_GERMAN_VERB_FIRST = re.compile(
    _LEAD + r"(?:ist|sind|war|waren|hat|haben|hatte|kann|können|könnte|könnten|wird|"
    r"werden|würde|würden|soll|sollte|muss|müssen|darf|gibt|teilt|teilen|trifft|stimmt|sehen|"
    r"halten|plant|beabsichtigt|wäre|wären|hält|sieht|weiß|wissen)\s+(?:Sie|die|der|das|es|"
    r"ihr|man|denn|nicht|dem|den|Ihnen|Ihre|Ihr)\b",
    re.IGNORECASE,
)
_FRENCH_INVERSION = re.compile(
    r"\b(?!rendez-)\w+-(?:vous|ils?|elles?|t-(?:il|elle|on)|tu|je)\b", re.IGNORECASE
)


_WORD = re.compile(r"[^\W\d_]+(?:[-'][^\W\d_]+)*")
# Words one of which opens every sentence-start form above (after "So," or a name).
_STARTERS = frozenset(
    _WORD.findall(
        "what why how when where who whom whose which do does did is are was were can could would "
        "will should shall have has had may might must isn't aren't wasn't weren't don't doesn't "
        "didn't can't couldn't wouldn't won't shouldn't haven't hasn't please talk tell explain "
        "describe walk share give speak elaborate expand remind introduce qué cómo cuándo dónde "
        "quién quiénes cuál cuáles cuánto cuánta cuántos cuántas por o quando onde quem qual "
        "quais quanto quantos wie warum wieso weshalb wann wo wer wen wem welche welcher welches "
        "welchen welchem inwiefern inwieweit wodurch womit wofür worin ist sind war waren hat "
        "haben hatte kann können könnte könnten wird werden würde würden soll sollte muss müssen "
        "darf gibt teilt teilen trifft stimmt sehen halten plant beabsichtigt wäre wären hält "
        "sieht weiß wissen"
    )
)
# Words without which the patterns above cannot match (checked before searching them).
_INDIRECT_WORDS = (
    *("to ask", "me ask", "i ask", "wonder", "curious", "question is", "question was"),
    *("question would", "question for", "question to", "frage", "savoir", "demander"),
    *("est-ce", "pregunt", "saber", "pergunt", "to understand", "to know", "find out", "see if"),
    *("see whether", "a sense", "get your", "love to", "your thoughts", "interested"),
)
_REQUEST_WORDS = (
    *("tell", "explain", "describ", "walk me", "walk us", "talk me", "talk us", "help me"),
    *("help us", "remind", "give me", "give us", "share with", "share a", "you say", "you talk"),
    *("you walk", "you share", "you give", "elaborat", "expand", "clarif", "introduc"),
    *("you mind", "'t mind", "i'd", "erzähl", "erklär", "sagen", "racont", "expliq", "dites"),
    *("cuént", "explíq", "díga", "conte-", "diga-", "fale "),
)
_FRENCH_WORDS = ("-vous", "-il", "-elle", "-t-", "-tu", "-je")


def sentences(text: str) -> list[str]:
    """The sentences of a text, roughly: split after an end mark and a blank."""
    parts = _SENTENCE_END.split(text)  # text, mark, text, mark, ..., text
    parts.append("")
    joined = (parts[i] + parts[i + 1] for i in range(0, len(parts) - 1, 2))
    return [s for s in (p.strip() for p in joined) if s]


def last_sentences(text: str, count: int) -> list[str]:
    """The last ``count`` sentences of a text (only its tail is split: turns can be long)."""
    return sentences(text[-300 * count :])[-count:]


# A question quoted inside a sentence that goes on ('Like, "How do you do it?" happens a
# lot'): reported, not asked.
_QUOTES = "\"”’'"
_QUOTED = re.compile(rf"[{_QUOTES}]+,?[ \t]+[a-z]")
_QUOTE_SET = frozenset(_QUOTES)


def _asks_by_mark(text: str, names: Collection[str]) -> bool:
    """Whether a sentence holding a question mark asks (see ``_marked``), other than one
    quoted inside a sentence that goes on. The sentences are found from the marks (no full
    split), one at a time: the first that asks is enough."""
    # A sentence starts after the last ". ", "! ", "? " or line break before its mark; each
    # of the last three is looked for only when its first character is in the text (a
    # one-character search costs a fraction of a two-character one) and, for "? ", before
    # the mark (a text's first question mark has none before it).
    bang, newline, first = "!" in text, "\n" in text, text.find("?")
    for mark in "?" if text.isascii() else "?？¿":  # (isascii costs nothing: a flag)
        at = first if mark == "?" else text.find(mark)
        while at >= 0:
            start = text.rfind(". ", 0, at)
            if bang and (found := text.rfind("! ", 0, at)) > start:
                start = found
            if 0 <= first < at and (found := text.rfind("? ", 0, at)) > start:
                start = found
            if newline and (found := text.rfind("\n", 0, at)) > start:
                start = found
            start += 1
            stop = at + 1 if mark != "¿" else max(text.find("?", at), at) + 1
            # (a set: the empty string past the end of the text is in no set, though in
            # every string)
            quoted = text[stop : stop + 1] in _QUOTE_SET and _QUOTED.match(text, stop) is not None
            if not quoted and _marked(text[start:stop].strip(), names, text[stop : stop + 16]):
                return True
            at = text.find(mark, at + 1)
    return False


def _marked(sentence: str, names: Collection[str], after: str = "") -> bool:
    """Whether a sentence holding a question mark asks: not a bare name from ``names``
    ("Ben?") nor a filler tag ("..., you know?"), nor a tag that the speaker talks on past
    (``after``, the words that follow it), nor a question reported or exclaimed (see
    ``_unasked``)."""
    if names and len(sentence) < 60 and _calls(sentence, names):
        return False
    if _filler(sentence[-40:]):
        return False
    if after and (_self_answered(after) or _talked_past(sentence, after)):
        return False  # (most marks end their text: nothing after them)
    return not _unasked(sentence)


# A tag that checks the listener follows ("..., right?"), and a sentence that goes on from
# the one before ("And then ...", "So ..."): the speaker did not stop for an answer.
_TAG = re.compile(
    r"[,;]\s*(?:right|correct|yeah|yes|okay|ok|isn't it|don't you think|am i right|true|"
    r"verdad|n'est-ce pas|oder|nicht wahr|não é|né|certo)\s*[?？]$",
    re.IGNORECASE,
)
_GOES_ON = re.compile(
    r"[\s\"'”’)\]]*(?:and|so|but|then|because|y|e|et|und|pero|mas|mais|aber)\b", re.IGNORECASE
)


# The speaker's own answer to the question just put ("... for free? No, I'm sorry, that
# cannot be."): a rhetorical question (not "No one knows", nor "Yes or no?").
_SELF_ANSWER = re.compile(
    r"[\s\"'”’)\]]*(?:no|yes|nope|of course|absolutely|obviously|not at all|nein|non|não)"
    r"(?![\w'-])(?!\s+(?:one|matter|or|ou|oder)\b)(?!\s*[?？])",
    re.IGNORECASE,
)


def _self_answered(after: str) -> bool:
    """Whether the words after a question (``after``) open with the speaker's own answer
    (``_SELF_ANSWER``), read only when their first letter can start one."""
    first = after.lstrip(" \t\n\"'”’)]")[:1]
    return first in _ANSWER_FIRST and _SELF_ANSWER.match(after) is not None


# The letters _SELF_ANSWER's words start with, and what IGNORECASE matches to them (a
# one-character string, so the empty one is in no set).
_ANSWER_FIRST = frozenset("nNyYoOaA")
# How every tag of _TAG ends, lower-cased (an ASCII tail that ends otherwise is no tag).
_TAG_ENDS = (
    *("right", "correct", "yeah", "yes", "okay", "ok", "isn't it", "think", "true"),
    *("verdad", "pas", "oder", "wahr", "certo"),
)


def _talked_past(sentence: str, after: str) -> bool:
    """Whether a sentence ends on a confirmation tag ("..., right?") and the speaker goes on
    at once with a sentence joined to it ("... you travel all the time, right? And then
    ..."): the tag checks the listener follows a story, it does not wait for an answer. (A
    tag that ends the turn, or after which a new sentence starts, still asks.)"""
    if not after:
        return False
    end = sentence[-24:]
    words = end.rstrip("?？ ").lower()
    if end.isascii() and not words.endswith(_TAG_ENDS):
        return False  # (most questions: no tag)
    return _TAG.search(end) is not None and _GOES_ON.match(after) is not None


# Questions said without asking the listener: reported with a quotative ("I'm thinking
# like, what is it?", "she goes, why?"), or a stock exclamation ("Are you nuts?", "How cool
# is that?", "Who knew?").
_UNASKED = re.compile(
    _LEAD + r"(?:(?:i|i'm|you|you're|he|he's|she|she's|we|we're|they|they're|people|everyone|"
    r"everybody)(?:\s+(?:am|are|is|was|were|be))?\s+(?:just\s+|all\s+|kind of\s+|sort of\s+)?"
    r"(?:like|thinking(?:\s+like)?|thought|said|asked|go|goes|went|was like)\s*[,:\"“]|"
    r"(?:(?:oh|wow|man|gosh|geez|jeez|seriously|like)[\s,]+)*"
    r"(?:are you (?:nuts|crazy|kidding(?: me)?|joking|insane|mad|serious)|who knew|"
    r"(?:how|is(?:n't)? (?:that|this)) (?:cool|crazy|awesome|amazing|great|funny|wild|weird|"
    r"sad|nice|neat|fun|insane)(?: is (?:that|this))?|can you (?:believe|imagine) (?:it|that)|"
    r"guess what|you know what|what the (?:heck|hell)|en serio|sério|echt|vraiment|really|"
    r"isn't (?:it|that) (?:great|amazing|cool|funny|crazy|wild|nice|wonderful))"
    r"[\s!?？.]*$)",
    re.IGNORECASE,
)


def _unasked(sentence: str) -> bool:
    """Whether a sentence holding a question mark reports a question (a quotative before
    it: "I'm thinking like, what is it?") or only exclaims ("Are you nuts?"): it asks the
    listener nothing. (One pattern, read once from the sentence's start.)"""
    words = sentence.lstrip("\"'“‘(—–-…¿ ")
    if words[:16].partition(" ")[0].lower().rstrip(",?？!.") not in _UNASKED_FIRST:
        return False  # (most questions: no word the pattern can open with)
    return _UNASKED.match(words) is not None


# The words _UNASKED can open with: a lead word, a pronoun of a quotative, the first word of
# an exclamation (lower case).
_UNASKED_FIRST = frozenset(
    (
        *("and", "so", "but", "well", "okay", "ok", "now", "then", "also", "yeah", "yes"),
        *("right", "alright", "all", "und", "et", "alors", "y", "e", "então", "pues", "bueno"),
        *("i", "i'm", "you", "you're", "he", "he's", "she", "she's", "we", "we're", "they"),
        *("they're", "people", "everyone", "everybody", "oh", "wow", "man", "gosh", "geez"),
        *("jeez", "seriously", "like", "are", "who", "how", "is", "isn't", "can", "guess"),
        *("what", "en", "sério", "echt", "vraiment", "really"),
    )
)


def _filler(tail: str) -> bool:
    """Whether ``_FILLER`` finds a filler tag in ``tail``, read only when the tail, ASCII (so
    that lower() is what IGNORECASE matches), ends in one of its words before the mark."""
    end = tail.rstrip()
    if not end.endswith(("?", "？")):
        return False
    words = end[:-1].rstrip()[-20:]
    # (their last two letters first: most words end otherwise, and two characters lower
    # faster than twenty and test against a set faster than endswith against a tuple)
    if words.isascii() and (
        words[-2:].lower() not in _FILLER_END_PAIRS or not words.lower().endswith(_FILLER_ENDS)
    ):
        return False
    return _FILLER.search(tail) is not None


_NAME_WORD = re.compile(r"[^\W\d_][\w'-]*")


def _calls(sentence: str, names: Collection[str]) -> bool:
    """Whether a sentence only calls someone by name ("Ben?", "Sounds good. Andrew?")."""
    first = _NAME_WORD.search(sentence)
    if first is None or first.group().lower() not in names:
        return False  # most sentences: their first word is no name
    words = [w.lower() for w in _NAME_WORD.findall(sentence)]
    return len(words) <= 3 and all(w in names for w in words)


# A start broken off by a dash and begun again ("What did I — oh, I'm sorry."): the words
# before the break, a few at most, are abandoned.
_RESTART = re.compile(r"^((?:\S+\s+){0,3}?\S+?)\s*(?:—|–|--| - )\s*(?=\S)")
# What a wh-word that is the subject of a verb of its own ("What makes me laugh ...") is
# followed by when the sentence is a statement about it: "... is ...", "... was ..."
# ("What happened was the storm").
_CLEFT_VERBS = frozenset(
    {
        *("made", "makes", "led", "brought", "happened", "happens", "got", "gets"),
        *("come", "comes", "came", "went", "goes"),
    }
)
_COPULA = re.compile(r"\b(?:is|was|are|were)\b", re.IGNORECASE)
# An elliptical question handed to someone ("What about you?", "... how about you guys"),
# anywhere in a sentence (notes without punctuation run the sentences together).
_ABOUT_YOU = re.compile(
    r"\b(?:what|how) about (?:you|y'all)(?: all| guys| two| folks)?\b", re.IGNORECASE
)


def _passed_over(words: str, split: list[str], at: int) -> bool:
    """Whether sentence ``at`` of ``split`` (``words``, stripped) ends on a question mark
    that asks nothing: a tag talked past or a question reported or exclaimed."""
    after = split[at + 1][:16] if at + 1 < len(split) else ""
    if _self_answered(after):
        return True
    return _talked_past(words, " " + after) or _unasked(words)


# What a question put to someone just called by name opens with: a verb before "you", or a
# check on what was said ("does that help", "is that clear"); "Gabriel has his hand up" is
# said of them.
_TO_THEM = re.compile(
    r"(?:do|does|did|is|are|was|were|can|could|would|will|have|has|had|should)\s+"
    r"(?:you|y'all|(?:that|this|it)\s+(?:help|helps|make sense|answer|work|works|clear|ok|okay|"
    r"right|fair|correct))\b",
    re.IGNORECASE,
)
_LEAD_WORDS = frozenset(("and", "so", "but", "well", "okay", "ok", "now", "then", "also", "yeah"))


def _past_vocative(words: str, names: Collection[str]) -> str:
    """A sentence without the name it opens by calling, written without a comma as notes and
    machine transcripts write it ("So Alexey does that help"), when the name is one of
    ``names`` (lower case); else the empty string."""
    opening = words[:120].split(None, 4)
    at = 0
    while at < 2 and at < len(opening) - 1 and opening[at].lower().strip(".,") in _LEAD_WORDS:
        at += 1
    called = at
    while at < len(opening) - 1 and at - called < 2 and opening[at].lower() in names:
        at += 1
    if at == called or not opening[called][:1].isupper():
        return ""  # (most sentences: no name where one would be called)
    return " ".join(opening[at:])


def _past_restart(words: str) -> str:
    """A sentence without the start it broke off and began again ("What did I — oh, I'm
    sorry." reads "oh, I'm sorry."); a sentence whose break is further on, or that holds a
    question mark, is left as it is."""
    if "?" in words or "？" in words:
        return words
    found = _RESTART.match(words)
    return words[found.end() :] if found else words


def _cleft(words: str, found: re.Match[str]) -> bool:
    """Whether a sentence that opens with a wh-word as the subject of its own verb goes on
    to say what that is ("What makes me laugh is the quote."): a statement, not a question
    (it has no question mark; one with a mark was read before)."""
    verb = found.group().rsplit(None, 1)[-1].lower()
    return verb in _CLEFT_VERBS and _COPULA.search(words, found.end()) is not None


def question_evidence(text: str, names: Collection[str] = ()) -> str | None:
    """Why ``text`` asks something ("question mark", "wh-word", ...), or None if it does not.

    A question mark counts anywhere except in a filler tag or after a bare name from
    ``names`` (lower case), which hands the floor over rather than asks; so do the forms
    without a mark (transcribers drop it), which are strict enough not to fire on statements.
    """
    marked = "?" in text or (not text.isascii() and ("？" in text or "¿" in text))
    if marked and _asks_by_mark(text, names):
        return "question mark"
    # (read as a set below)
    known: AbstractSet[str] = names if isinstance(names, (set, frozenset)) else frozenset(names)
    split = sentences(text)
    for at, sentence in enumerate(split):
        words = sentence.lstrip("\"'“‘(—–-… ").rstrip()
        if marked and words.endswith(("?", "？")) and _passed_over(words, split, at):
            continue  # (its mark was read above: a question it does not ask)
        if "—" in words or "–" in words or " -" in words:
            words = _past_restart(words)
        if _CONFIRM.search(words[-40:]) and len(words.split()) > 3:
            return "confirmation tag"
        if _PORTUGUESE_END.search(words[-12:]):
            return "wh-word"
        opening = _WORD.findall(words[:60].lower())[:5]
        if _STARTERS.isdisjoint(opening):
            continue  # no word that could open a question form: skip the patterns
        found = _WH.match(words)
        if (found and not _cleft(words, found)) or _FOREIGN_WH.match(words):
            return "wh-word"
        if _INVERSION.match(words) or _GERMAN_VERB_FIRST.match(words):
            return "interrogative word order"
        if _IMPERATIVE.match(words):
            return "request to tell"
        # (a name among the first words: seldom)
        vocative = known and not known.isdisjoint(opening[:3])
        if vocative and _TO_THEM.match(_past_vocative(words, names)):
            return "interrogative word order"
    # The phrases below may sit anywhere in a sentence: one search over the whole text, and
    # only when a word that each of them needs is there (a substring test is 100x faster).
    lowered = text.lower()
    if "about y" in lowered and _ABOUT_YOU.search(text):
        return "wh-word"
    if any(w in lowered for w in _INDIRECT_WORDS) and _INDIRECT.search(text):
        return "indirect question"
    if any(w in lowered for w in _REQUEST_WORDS) and _REQUEST.search(text):
        return "request to tell"
    if any(w in lowered for w in _FRENCH_WORDS) and _FRENCH_INVERSION.search(text):
        return "interrogative word order"
    return None
