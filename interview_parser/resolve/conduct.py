"""Who conducts a conversation: what each turn does to the floor, tallied per speaker.

The role step (``roles.py``) decides who asks from these tallies. A turn is read for:

- **prompting**: it asks the others something. A question mark counts unless it sits inside
  quotation marks (reported speech: *I'm like "What is this?"*) or only ends a filler tag
  (*you know?*, *you know what?*, *know what I mean?*), which asks nobody anything; a request
  without a question mark counts too (*I wanted to ask*, *my question is*, *tell us about*,
  *walk me through*, *I'm wondering*, *I'd be curious how*; *me gustaría saber*, *je vous
  demande*, *ich frage Sie*, *gostaria de saber*).
- **asking back**: a question put to somebody who has just asked, who then speaks again
  (*"Specifically what kind of changes?"* after a question; the asker explains). It answers a
  question with a question, so it is not prompting. The asker's explanation that follows is
  prompting again.
- **hosting**: phrases only a host says (*welcome to*, *my guest*, *thanks for joining*, a
  show's name as it opens: *It's the Harbour Notes Podcast*; and their Spanish, French,
  German and Portuguese forms: *bienvenidos a*, *notre invitée*, *unser Gast*),
  steering the conversation to a topic (*let's talk about*, *moving on*, *that brings me
  to*, a sentence opening *What about ...?*) and inviting somebody to speak (*please
  begin*, *you may proceed*, *over to you*).
- **handing the floor**: a turn that prompts or hosts and names the speaker who talks next
  (*Ishana, what was your experience?*; *Let's start with Eva.*; *Dr. Osei, please begin.*).
  Naming alone is not enough: guests name the host too (*thanks for having me, Michael*).
- **co-hosting**: a speaker named as somebody's co-host (*my co-host Adam*).
- **calling on somebody**: a short turn that gives the next speaker the floor and asks them
  nothing else (*Chip?*; *Herr Abgeordneter Dr. Voss.*; *RGN, you are next.*; *Eine
  Zusatzfrage, Frau Kollegin Steinhauer, bitte schön.*): it names them (or is only a
  capitalised name or two and a question mark) in at most ``CALL_WORDS`` words, and once
  their name is out nothing in it asks. A turn that names the next speaker, whose turn is
  then mostly a question to a third speaker, calls on them too (*Ms. Ortiz, any questions
  for this witness?*, and Ms. Ortiz asks the witness; not *Kelly, what about you?* when
  Kelly answers at length and then asks somebody else).
  This is how a chair runs a queue of questioners; a call is not a prompt, and the turn it
  calls on answers nobody.
- **answering**: a turn that follows another speaker's turn which ended on a question (a
  call is not a question), and does not end on a question of its own.
- **asking words**: the words of a speaker's turns that yield the floor with a question
  (asked back, a tag that only seeks agreement: *..., right?* in a turn that neither steers
  nor names the next speaker, or no question of substance excepted), and of the turns that they were
  called on to speak, that ask something and that somebody other than the caller takes up.
  A questioner's words are mostly these; a guest's are mostly answers.

Conduct is read from the opening ``OPENING_TURNS`` turns of the conversation, and from the
first ``LATE_TURNS`` turns of anybody who first speaks after them: by then each speaker's
pattern is clear, and a transcript of many hours costs what its opening costs (the phrase
patterns below take about 100 µs a turn, 2 s for a 10 MB transcript read whole). A file of
many speakers is read almost whole (each of them arrives late): there the cost is linear in
turns and speakers, since what a turn does is worked out once however many neighbours ask
about it (for the turns read, in one pass a fact; for their neighbours, on first use); a
speaker's name words are worked out once, from words of spellings shared with the role
step (``Vocabulary``); and the speakers that a co-host mention names are looked up by
their name words, not tried one by one.

Speakers' names come from their labels, the full names introductions gave them, and the
names they give themselves (*Hi, I'm Eva*), so that panels labelled ``Speaker 1`` can be
addressed too.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Mapping, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field
from typing import TypeVar

from ..words import HONORIFICS
from .labels import PARTICLES, ROLE_WORDS, words_of
from .speakers import SpeakerGroup

# The turns read for evidence: the conversation's opening, and a late arrival's first turns.
OPENING_TURNS = 500
LATE_TURNS = 30
# A turn that calls on the next speaker is at most this many words long.
CALL_WORDS = 12
# A bare call names nobody we know: this many capitalised words at most, then "?".
BARE_CALL_WORDS = 3
# Characters a word of a call takes at most, with its space (a longer turn is no call).
_LONGEST_WORD = 24
# The last sentence of a turn is looked for in this many characters at its end first.
_TAIL = 400
# Characters at the end of a sentence that hold a filler tag with its blanks.
_FILLER_TAIL = 48


_T = TypeVar("_T")


class Lazy(dict[int, _T]):
    """``lazy[k]`` is ``compute(k)``, worked out on first use: most runs of a long transcript
    never need their form read (a guest's answer, an acknowledgement). A dict, so that a value
    already known costs one lookup in C. (Here, not in ``floor``, which pairing uses it from:
    reading roles then does not import the pairing cues.)"""

    def __init__(self, compute: Callable[[int], _T]) -> None:
        super().__init__()
        self._compute = compute

    def __missing__(self, k: int) -> _T:
        value = self[k] = self._compute(k)
        return value


class _Lazy:
    """A pattern compiled when it is first used. The phrase patterns are long alternations
    matched without regard to case, in five languages: compiling them all costs tens of
    milliseconds at import, which every command that starts up would pay, while a turn
    needs one only when it holds a word of the pattern's gate (``_GATES``)."""

    __slots__ = ("_compiled", "_flags", "_source")

    def __init__(self, source: str, flags: int = 0) -> None:
        self._source = source
        self._flags = flags
        self._compiled: re.Pattern[str] | None = None

    @property
    def pattern(self) -> str:
        return self._source

    @property
    def compiled(self) -> re.Pattern[str]:
        if self._compiled is None:
            self._compiled = re.compile(self._source, self._flags)
        return self._compiled

    def search(self, text: str, pos: int = 0) -> re.Match[str] | None:
        return (self._compiled or self.compiled).search(text, pos)


_QUOTED = re.compile(r'"[^"]{1,300}"|“[^”]{1,300}”')
# A sentence: text up to and including its final mark (or the end of the turn). Text that
# runs into an opening "¿" is no sentence (the question starts after it): the pattern takes
# it with the "¿" and _sentences() drops it, because a pattern that had to fail there would
# try again at every following character (quadratic on a long run without a mark).
_SENTENCE = re.compile(r"[^.!?？¿…]*(?:[.!?？…]+|$|¿)")
_QUESTION = re.compile(r"[?？¿]")
# Tags that end a statement with a question mark but ask nothing, unless what they end is a
# question itself ("What's that one called, you know what I mean?").
_FILLER = _Lazy(
    r"(?:^|[\s,;:—–-])(?:you know what|you know|y'know|know what I mean|you know what I mean"
    r"|you see)\s*[?？]\s*$",
    re.IGNORECASE,
)
_INTERROGATIVE = _Lazy(
    r"^\W*(?:(?:and|but|so|or|well|now|okay|ok),?\s+)?(?:what|what's|who|who's|whom|whose|which|"
    r"when|where|why|how|do|does|did|is|are|was|were|can|could|would|will|should|have|has|had|"
    r"shall|may|might|isn't|aren't|don't|doesn't|didn't|won't|wouldn't|couldn't)\b",
    re.IGNORECASE,
)
# Requests that ask without a question mark.
_REQUEST = _Lazy(
    r"\b(?:I (?:just |also )?(?:wanted|want|would like|'d like) to ask"
    r"|(?:my|one|a|the) (?:last |quick |first |final |next )?question (?:is|for you)"
    r"|I(?:'m| am) curious (?:about|whether|if|how|what|why)"
    r"|I(?:'d| would) be (?:curious|interested) (?:to (?:know|hear)|about|whether|if|how|what|why)"
    r"|I(?:'m| am| was) wondering|just to clarify"
    r"|tell (?:me|us) (?:about|more|how|what|why|a (?:bit|little))"
    r"|(?:walk|talk|take) (?:me|us) through"
    r"|quisiera preguntar|quiero preguntar|(?:mi|una) pregunta (?:es|para)|le pregunto"
    r"|(?:me gustaría|quisiera|quiero) saber"
    r"|(?:je voudrais|j'aimerais) (?:vous )?demander|ma question (?:est|c'est)|je vous demande"
    r"|(?:je voudrais|j'aimerais) savoir"
    r"|(?:ich möchte|darf ich) (?:Sie |Ihnen )?(?:fragen|eine Frage)|meine Frage (?:ist|lautet)"
    r"|ich frage (?:Sie|die Bundesregierung|die Regierung)|ich möchte (?:gern )?wissen"
    r"|gostaria de (?:lhe )?perguntar|(?:minha|uma) pergunta (?:é|para)|pergunto a"
    r"|(?:gostaria de|queria) saber)\b",
    re.IGNORECASE,
)
# Phrases only a host says. Questions ("tell me", "what do you think") are not listed here:
# prompting is measured on its own, and guests ask back.
_HOSTING = _Lazy(
    r"\b(?:welcome (?:to|back)|my guests?|our guests?|joining (?:me|us)|thanks? (?:you )?for "
    r"(?:coming|joining|being)|I'm your (?:co-?)?host|this is your (?:co-?)?host"
    r"|I'm (?:the|your) moderator"
    r"|bienvenid[oa]s? a|bienvenue (?:à|dans|sur)|willkommen (?:bei|zu|zur|zum|in)"
    r"|bem-vind[oa]s? (?:a|ao|à)|nuestr[oa]s? invitad[oa]s?|not(?:re|s) invitée?s?"
    r"|unser(?:e|en)? (?:Gast|Gäste|Gästen)|noss[oa]s? convidad[oa]s?)\b",
    re.IGNORECASE,
)
# A show's name said as a host opens it: "It's the NPR Politics Podcast", "You're listening
# to Slow Roads Radio". The name is capitalised; "this is the best show" is no show's name.
_SHOW = _Lazy(
    r"\b(?i:it's|it is|this is|you're listening to|you are listening to)\s+(?:(?i:the)\s+)?"
    r"(?:[A-Z][\w'&.\-]*\s+){1,5}(?i:podcast|show|radio|hour)\b"
)
# Steering the conversation to a topic, or inviting somebody to speak: what the one in charge
# does.
_STEERING = _Lazy(
    r"\b(?:let's (?:talk|move|turn|switch|shift|start|begin|dive|dig|jump|get (?:started|into|"
    r"back)|go (?:back|on))"
    r"|(?:let me|I want to|I'd like to) (?:turn|move|switch|bring in)"
    r"|(?:moving|move) on to|switch(?:ing)? gears|turn(?:ing)? (?:now )?to (?:you|the next|another)"
    r"|(?:that|which|this) brings (?:me|us) to"
    r"|next (?:question|topic|item)"
    r"|please (?:begin|go ahead|proceed|continue)|you may (?:begin|proceed)|go ahead"
    r"|the floor is yours|(?:you have|has) the floor|over to you|you had a question)",
    re.IGNORECASE,
)
# "What about ...?" opening a sentence steers too. Its question mark is looked for in the
# sentence only (see _asks_what_about): "[^.!?]*\?" after every "what about" of a long
# paragraph without a mark rescanned the paragraph each time.
_WHAT_ABOUT = re.compile(
    r"(?:^|(?<=[.!?]\s))(?:(?:so|and|now|okay|ok|well),? )?what about\b",
    re.IGNORECASE | re.MULTILINE,
)
# A piece of text up to and including its first mark (see _asks_what_about).
_MARKED = re.compile(r"[^.!?]*[.!?]?")
# A statement that ends on a tag question ("..., right?", "..., ¿verdad?", "..., oder?")
# seeks agreement; it does not hand the floor over with a question.
_TAG = _Lazy(
    r"[,;]\s*¿?(?:right|no|yeah|eh|isn't it|don't you think|verdad|n'est-ce pas|non"
    r"|oder|nicht wahr|né|não é)\s*[?？]\s*$",
    re.IGNORECASE,
)
_COHOST = _Lazy(r"\bco-?hosts?\b", re.IGNORECASE)

# Words every match of a phrase pattern contains (in lower case): a substring test for them
# is a hundred times cheaper than the pattern, which then runs only on turns that have one.
_GATES = {
    _REQUEST: (
        "ask",
        "question",
        "curious",
        "interested",
        "wondering",
        "clarify",
        "tell",
        "through",
        "pregunt",
        "saber",
        "demande",
        "savoir",
        "frage",
        "wissen",
        "pergunt",
    ),
    _HOSTING: (
        "welcome",
        "guest",
        "joining",
        "thank",
        "host",
        "moderator",
        "bienvenid",
        "bienvenue",
        "willkommen",
        "bem-vind",
        "invitad",
        "invité",
        "gast",
        "gäste",
        "convidad",
    ),
    _SHOW: ("podcast", "show", "radio", "hour"),
    _STEERING: (
        "let",
        "mov",
        "switch",
        "turn",
        "bring",
        "next",
        "please",
        "you may",
        "go ahead",
        "floor",
        "over to",
        "question",
    ),
    _COHOST: ("host",),
}
# Each gate as one pattern of its words: one scan in C instead of a loop over the words.
_GATE_SCANS = {pattern: _Lazy("|".join(map(re.escape, words))) for pattern, words in _GATES.items()}
_HOSTS_GATE = _Lazy(
    "|".join(map(re.escape, [*_GATES[_HOSTING], *_GATES[_STEERING], *_GATES[_SHOW], "what about"]))
)
_SELF_NAME = re.compile(r"\b(?:my name is|my name's|I'm|I am)\s+([^\W\d_][\w'\-]*)")
_WORD = re.compile(r"[^\W\d_][\w'’\-]*")
# Words of a label that never name a person on their own ("Mr", "the", "Speaker").
_NOT_NAMES = HONORIFICS | PARTICLES | ROLE_WORDS


def _unquoted(text: str) -> str:
    return _QUOTED.sub(" ", text.replace("’", "'"))


def prompts(text: str) -> bool:
    """Whether a turn asks the others something (see the module docstring)."""
    return _prompts(_unquoted(text))


def _prompts(plain: str, lower: str | None = None) -> bool:
    if _has(_REQUEST, plain, lower):
        return True
    if not _QUESTION.search(plain):
        return False
    sentences = _sentences(plain)
    return any(_QUESTION.search(sentence) and _asks(sentence) for sentence in sentences)


def _asks(sentence: str) -> bool:
    # A filler tag is at the end of the sentence: only its end is searched.
    start = max(0, len(sentence) - _FILLER_TAIL)
    tag = _FILLER.search(sentence, start)
    return tag is None or bool(_INTERROGATIVE.search(sentence[: tag.start()]))


def ends_asking(text: str) -> bool:
    """Whether a turn's last sentence prompts: the speaker yields the floor with a question."""
    return _ends_asking(_unquoted(text))


def _ends_asking(plain: str) -> bool:
    last = _last_sentence(plain)
    return bool(last) and prompts(last)


def _last_sentence(plain: str) -> str:
    """The last sentence of a text, read from its end: a long turn is not split whole."""
    tail = plain[-_TAIL:]
    sentences = [s for s in _sentences(tail) if s.strip()]
    if len(sentences) < 2 and len(tail) < len(plain):  # it may begin before the tail
        sentences = [s for s in _sentences(plain) if s.strip()]
    return sentences[-1] if sentences else ""


def hosts(text: str) -> bool:
    """Whether a turn hosts: a host's phrase or steering the conversation."""
    return _hosts(_unquoted(text))


def _hosts(plain: str, lower: str | None = None) -> bool:
    lower = plain.lower() if lower is None else lower
    if _HOSTS_GATE.search(lower) is None:  # the words of every gate below in one scan
        return False
    return (
        _has(_HOSTING, plain, lower)
        or _has(_STEERING, plain, lower)
        or _has(_SHOW, plain, lower)
        or _asks_what_about(plain, lower)
    )


def _sentences(text: str) -> list[str]:
    """The sentences of a text (see _SENTENCE)."""
    return [s for s in _SENTENCE.findall(text) if not s.endswith("¿")]


def _asks_what_about(text: str, lower: str | None = None) -> bool:
    """Whether a sentence opens with "What about" and ends with a question mark
    (``lower``: the text in lower case, when the caller has it)."""
    if "what about" not in (text.lower() if lower is None else lower):
        return False
    return any(
        piece.group().endswith("?") and _WHAT_ABOUT.search(text, piece.start(), piece.end())
        for piece in _MARKED.finditer(text)
    )


def _has(pattern: _Lazy, text: str, lower: str | None = None) -> bool:
    """``pattern.search(text)``, skipped when the text lacks every word of its gate
    (``lower``: the text in lower case, when the caller has it)."""
    lower = text.lower() if lower is None else lower
    return _GATE_SCANS[pattern].search(lower) is not None and bool(pattern.search(text))


class Vocabulary:
    """The words of each spelling, worked out once per spelling: the role step and conduct
    read the same labels (a label, its name without qualifiers and a speaker's aliases are
    often one spelling), and a conversation repeats its words."""

    __slots__ = ("_names", "_words")

    def __init__(self) -> None:
        self._words: dict[str, frozenset[str]] = {}
        self._names: dict[str, frozenset[str]] = {}

    def words(self, spelling: str) -> frozenset[str]:
        """``words_of(spelling)`` as a set."""
        found = self._words.get(spelling)
        if found is None:
            found = self._words[spelling] = frozenset(words_of(spelling))
        return found

    def names(self, spelling: str) -> frozenset[str]:
        """The words of a spelling that can name a person ("Mr", "the", "Speaker" cannot)."""
        found = self._names.get(spelling)
        if found is None:
            found = self._names[spelling] = frozenset(
                [
                    word
                    for word in self.words(spelling)
                    if len(word) > 1
                    and word.replace("'", "").replace("-", "").isalpha()
                    and word not in _NOT_NAMES
                ]
            )
        return found

    def capitalised(self, text: str) -> set[str]:
        """The capitalised words of a text, normalised as label words are."""
        return {
            w for m in _WORD.finditer(text) if m.group()[0].isupper() for w in self.words(m.group())
        }


def _name_words(
    group: SpeakerGroup, texts: Sequence[str], vocabulary: Vocabulary
) -> AbstractSet[str]:
    """Words that name a speaker: label, introduced name, aliases, self-introductions."""
    # The label and the aliases are every spelling of the label, and each alias's short form.
    label = group.label
    spellings = {label}
    if group.name:
        spellings.add(group.name)
    for info in group.infos:
        spellings.add(info.raw)
        if info.alias:
            spellings.add(info.alias)
    for text in texts:
        if "I'm" in text or "I am" in text or "my name" in text:  # cheaper than the pattern
            spellings.update(
                m.group(1) for m in _SELF_NAME.finditer(text) if m.group(1)[0].isupper()
            )
    spellings.discard("")
    if len(spellings) == 1:  # one spelling: its words as they are, shared
        return vocabulary.names(spellings.pop())
    return set().union(*map(vocabulary.names, spellings))


@dataclass(slots=True)
class Conduct:
    """What one speaker did to the floor in the turns read."""

    turns: int = 0
    prompts: int = 0  # turns that ask the others something, asking back excluded
    asked_back: int = 0  # questions put back to somebody who had just asked
    hosting: int = 0  # turns with a host's phrase, steering, or handing the floor by name
    handed: int = 0  # prompting or steering turns that name the next speaker
    conducting: int = 0  # turns that prompt or host
    replies: list[float] = field(default_factory=list)  # log2(reply words / prompt words)
    cohost_of: set[str] = field(default_factory=set)  # speakers who called this one co-host
    calls: int = 0  # turns that call on the next speaker
    called: int = 0  # turns this speaker was called on to speak
    answering: int = 0  # turns that follow another speaker's question
    words: int = 0  # words said in the turns read
    asking_words: int = 0  # words of turns that ask (see the module docstring)


def _read(turns: Sequence[tuple[SpeakerGroup, str]]) -> list[int]:
    """The indices of the turns conduct is read from (see the module docstring)."""
    chosen = list(range(min(len(turns), OPENING_TURNS)))
    late: dict[str, int] = {}
    opening = {group.id for group, _ in turns[:OPENING_TURNS]}
    for i in range(len(chosen), len(turns)):
        ident = turns[i][0].id
        if ident not in opening and late.get(ident, 0) < LATE_TURNS:
            late[ident] = late.get(ident, 0) + 1
            chosen.append(i)
    return chosen


class _Reading:
    """A conversation as conduct reads it. What a turn does is worked out once, on first use
    (``Lazy``), and so are a speaker's name words: the tally asks about a turn from itself
    and from its neighbours, and most speakers of a long transcript are never addressed."""

    def __init__(
        self,
        groups: Sequence[SpeakerGroup],
        turns: Sequence[tuple[SpeakerGroup, str]],
        said: Mapping[str, Sequence[str]],
        vocabulary: Vocabulary,
    ) -> None:
        self.groups = groups
        self.vocabulary = vocabulary
        self.turns = turns
        self._said = said
        self._names: dict[str, AbstractSet[str]] = {}
        self._named_by: dict[str, list[SpeakerGroup]] | None = None
        self.plain = Lazy(lambda i: _unquoted(turns[i][1]))
        self.lower = Lazy(lambda i: self.plain[i].lower())
        self.prompts = Lazy(lambda i: _prompts(self.plain[i], self.lower[i]))
        # whether turn i ends on a question (its last sentence prompts)
        self.ends = Lazy(lambda i: self.prompts[i] and _ends_asking(self.plain[i]))
        self.names_call = Lazy(self._names_call)
        self.calls = Lazy(self._calls_at)

    def read(self, chosen: Sequence[int]) -> None:
        """Work out at once what the tally asks of every turn read: its text without
        quotations, in lower case, whether it prompts and whether it calls on the next
        speaker (one pass each over many turns costs less than many first uses; the
        neighbours of the turns read stay worked out on first use)."""
        plain = [_unquoted(self.turns[i][1]) for i in chosen]
        lower = list(map(str.lower, plain))
        self.plain.update(zip(chosen, plain, strict=True))
        self.lower.update(zip(chosen, lower, strict=True))
        self.prompts.update(zip(chosen, map(_prompts, plain, lower), strict=True))
        self.names_call.update(zip(chosen, map(self._names_call, chosen), strict=True))
        self.calls.update(zip(chosen, map(self._calls_at, chosen), strict=True))

    def names(self, group: SpeakerGroup) -> AbstractSet[str]:
        """The words that name a speaker (``_name_words`` over the turns read of them)."""
        found = self._names.get(group.id)
        if found is None:
            said = self._said.get(group.id, ())
            found = self._names[group.id] = _name_words(group, said, self.vocabulary)
        return found

    def _next_other(self, i: int) -> SpeakerGroup | None:
        """The speaker of the turn after ``i`` when that is somebody else."""
        later = self.turns[i + 1][0] if i + 1 < len(self.turns) else None
        return None if later is None or later is self.turns[i][0] else later

    def addresses(self, i: int) -> bool:
        """Whether turn ``i`` names the speaker of the next turn (another speaker)."""
        later = self._next_other(i)
        if later is None:
            return False
        addressed = self.names(later) - self.names(self.turns[i][0])
        # The names are looked for in lower case first: most turns name nobody.
        lower = self.lower[i]
        return any(word in lower for word in addressed) and bool(
            addressed & self.vocabulary.capitalised(self.turns[i][1])
        )

    def _names_call(self, i: int) -> bool:
        """Whether turn ``i`` calls on the next speaker by what it says."""
        later = self._next_other(i)
        text = self.turns[i][1]
        if later is None or len(text) > CALL_WORDS * _LONGEST_WORD:  # too long to be a call
            return False
        speaker = self.turns[i][0]
        return _calls(text, lambda: (self.names(later), self.names(speaker)), self.vocabulary)

    def _calls_at(self, i: int) -> bool:
        """Whether turn ``i`` calls on the next speaker (see the module docstring): by what
        it says, or by naming somebody who then puts a question to a third speaker."""
        turns = self.turns
        return self.names_call[i] or (
            i + 2 < len(turns)
            and turns[i][0] is not turns[i + 1][0]
            and turns[i + 1][0] is not turns[i + 2][0]
            and turns[i][0] is not turns[i + 2][0]
            and not self.names_call[i + 1]
            and self.ends[i + 1]
            and _mostly_question(self.plain[i + 1])
            and self.addresses(i)
        )

    def cohosts(self, i: int) -> list[SpeakerGroup]:
        """The other speakers whom turn ``i`` calls a co-host: a sentence says "co-host"
        and names them."""
        sentences = _sentences(self.turns[i][1])
        named = set().union(
            *(self.vocabulary.capitalised(s) for s in sentences if _COHOST.search(s))
        )
        if not named:
            return []
        if self._named_by is None:  # which speakers each name word names, built once
            self._named_by = {}
            for group in self.groups:
                for word in self.names(group):
                    self._named_by.setdefault(word, []).append(group)
        found = {g.id: g for w in named for g in self._named_by.get(w, ())}
        return [g for g in found.values() if g is not self.turns[i][0]]


def conduct(
    groups: Sequence[SpeakerGroup],
    turns: Sequence[tuple[SpeakerGroup, str]],
    vocabulary: Vocabulary | None = None,
) -> dict[str, Conduct]:
    """Tally each speaker's conduct over the turns read (see the module docstring);
    ``vocabulary``: the words of spellings that the caller has already worked out."""
    chosen = _read(turns)
    said: dict[str, list[str]] = {g.id: [] for g in groups}
    for i in chosen:
        said.setdefault(turns[i][0].id, []).append(turns[i][1])
    tally = {ident: Conduct() for ident in said}
    r = _Reading(groups, turns, said, vocabulary or Vocabulary())
    r.read(chosen)
    # Asking back: a question put to a speaker whose turn ended on a question, who then
    # speaks again; the asker's reply restates their question, so it prompts again. A turn
    # that was not read did not ask back.
    back: dict[int, bool] = {}
    last = len(turns) - 1
    prompts, ends_asking, calls, plain, lower = r.prompts, r.ends, r.calls, r.plain, r.lower
    for i in chosen:
        group, text = turns[i]
        if 0 < i < last:
            before, after = turns[i - 1][0], turns[i + 1][0]
            back[i] = (
                before is not group
                and after is before
                and prompts[i]
                and prompts[i - 1]
                and not back.get(i - 1, False)
                and ends_asking[i - 1]
            )
        mine = tally[group.id]
        mine.turns += 1
        asked_back = back.get(i, False)
        mine.asked_back += asked_back
        call = calls[i]
        prompt = prompts[i] and not asked_back and not call
        steering = _hosts(plain[i], lower[i])
        nxt = turns[i + 1] if i < last and turns[i + 1][0] is not group else None
        size = len(text.split())
        mine.words += size
        mine.calls += call
        handing = nxt is not None and (prompt or steering) and r.addresses(i)
        # A tag question seeks agreement, unless the turn steers or names the next speaker
        # ("That brings me to your release, Chris. You're shipping it soon, right?").
        ends = prompt and ends_asking[i] and (steering or handing or not _tagged(plain[i]))
        yields = ends
        prev = turns[i - 1][0] if i > 0 and turns[i - 1][0] is not group else None
        taken_up = nxt is not None and nxt[0] is not prev
        if prev is not None and calls[i - 1]:
            mine.called += 1
            if taken_up and prompt:  # a question that somebody besides the caller takes up
                yields = True
        elif prev is not None and not ends and ends_asking[i - 1]:
            mine.answering += 1
        if yields:
            mine.asking_words += size
        if _has(_COHOST, text, lower[i]):
            for other in r.cohosts(i):
                tally[other.id].cohost_of.add(group.id)
        mine.handed += handing
        mine.hosting += steering or handing
        mine.conducting += prompt or steering or handing
        mine.prompts += prompt
        # The next turn replies to a question the turn ended on, not to one in its middle.
        if ends and nxt is not None:
            ratio = (len(nxt[1].split()) + 1) / (size + 1)
            mine.replies.append(math.log2(ratio))
    return tally


def _mostly_question(plain: str) -> bool:
    """Whether the question a turn ends on is at least half of its words: the turn puts a
    question, rather than answering at length and passing the question on."""
    return 2 * len(_last_sentence(plain).split()) >= len(plain.split())


def _tagged(plain: str) -> bool:
    """Whether a turn ends on a tag question (checked on its last 40 characters)."""
    return bool(_TAG.search(plain[-40:]))


def _calls(
    text: str,
    addressed: Callable[[], tuple[AbstractSet[str], AbstractSet[str]]],
    vocabulary: Vocabulary,
) -> bool:
    """Whether a turn calls on the next speaker (see the module docstring). ``addressed``
    gives the name words of the next speaker and of the caller, asked for only when the
    turn has a capitalised word: a name is among those."""
    if len(text) > CALL_WORDS * _LONGEST_WORD:  # too long to be a call: skip the scan
        return False
    found = _WORD.findall(text)  # the words as strings: most turns are no call
    if not found or len(found) > CALL_WORDS:
        return False
    capitals = [w for w in found if w[0].isupper()]
    named: set[str] = set()
    if capitals:
        later, own = addressed()
        words = vocabulary.words
        named = {
            w
            for w in capitals
            if not later.isdisjoint(spelt := words(w))
            and any(x in later and x not in own for x in spelt)
        }
    if not named:  # a bare call: "Chip?", "Herr Voss?"
        return (
            len(found) <= BARE_CALL_WORDS
            and len(capitals) == len(found)
            and text.rstrip().endswith(("?", "？"))
        )
    rest = text
    for m in reversed([m for m in _WORD.finditer(text) if m.group() in named]):
        rest = rest[: m.start()] + rest[m.end() :]
    sentences = [s for s in _sentences(_unquoted(rest)) if _WORD.search(s)]
    return not (sentences and _prompts(sentences[-1]))
