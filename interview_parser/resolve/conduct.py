"""Who conducts a conversation: what each turn does to the floor, tallied per speaker.

The role step (``roles.py``) decides who asks from these tallies. A turn is read for:

- **prompting**: it asks the others something. A question mark counts unless it sits inside
  quotation marks (reported speech: *I'm like "What is this?"*) or only ends a filler tag
  (*you know?*, *you know what?*, *know what I mean?*), which asks nobody anything; a request
  without a question mark counts too (*I wanted to ask*, *my question is*, *tell us about*,
  *walk me through*).
- **asking back**: a question put to somebody who has just asked, who then speaks again
  (*"Specifically what kind of changes?"* after a question; the asker explains). It answers a
  question with a question, so it is not prompting. The asker's explanation that follows is
  prompting again.
- **hosting**: phrases only a host says (*welcome to*, *my guest*, *thanks for joining*),
  steering the conversation to a topic (*let's talk about*, *moving on*, *that brings me
  to*, a sentence opening *What about ...?*) and inviting somebody to speak (*please
  begin*, *you may proceed*, *over to you*).
- **handing the floor**: a turn that prompts or hosts and names the speaker who talks next
  (*Ishana, what was your experience?*; *Let's start with Eva.*; *Dr. Osei, please begin.*).
  Naming alone is not enough: guests name the host too (*thanks for having me, Michael*).
- **co-hosting**: a speaker named as somebody's co-host (*my co-host Adam*).

Conduct is read from the opening ``OPENING_TURNS`` turns of the conversation, and from the
first ``LATE_TURNS`` turns of anybody who first speaks after them: by then each speaker's
pattern is clear, and a transcript of many hours costs what its opening costs (the phrase
patterns below take about 100 µs a turn, 2 s for a 10 MB transcript read whole).

Speakers' names come from their labels, the full names introductions gave them, and the
names they give themselves (*Hi, I'm Eva*), so that panels labelled ``Speaker 1`` can be
addressed too.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from .labels import HONORIFICS, PARTICLES, ROLE_WORDS, words_of
from .speakers import SpeakerGroup

# The turns read for evidence: the conversation's opening, and a late arrival's first turns.
OPENING_TURNS = 500
LATE_TURNS = 30

_QUOTED = re.compile(r'"[^"]{1,300}"|“[^”]{1,300}”')
# A sentence: text up to and including its final mark (or the end of the turn). Text that
# runs into an opening "¿" is no sentence (the question starts after it): the pattern takes
# it with the "¿" and _sentences() drops it, because a pattern that had to fail there would
# try again at every following character (quadratic on a long run without a mark).
_SENTENCE = re.compile(r"[^.!?？¿…]*(?:[.!?？…]+|$|¿)")
_QUESTION = re.compile(r"[?？¿]")
# Tags that end a statement with a question mark but ask nothing, unless what they end is a
# question itself ("What's that one called, you know what I mean?").
_FILLER = re.compile(
    r"(?:^|[\s,;:—–-])(?:you know what|you know|y'know|know what I mean|you know what I mean"
    r"|you see)\s*[?？]\s*$",
    re.IGNORECASE,
)
_INTERROGATIVE = re.compile(
    r"^\W*(?:(?:and|but|so|or|well|now|okay|ok),?\s+)?(?:what|what's|who|who's|whom|whose|which|"
    r"when|where|why|how|do|does|did|is|are|was|were|can|could|would|will|should|have|has|had|"
    r"shall|may|might|isn't|aren't|don't|doesn't|didn't|won't|wouldn't|couldn't)\b",
    re.IGNORECASE,
)
# Requests that ask without a question mark.
_REQUEST = re.compile(
    r"\b(?:I (?:just |also )?(?:wanted|want|would like|'d like) to ask"
    r"|(?:my|one|a|the) (?:last |quick |first |final |next )?question (?:is|for you)"
    r"|I(?:'m| am) curious (?:about|whether|if|how|what|why)"
    r"|tell (?:me|us) (?:about|more|how|what|why|a (?:bit|little))"
    r"|(?:walk|talk|take) (?:me|us) through)\b",
    re.IGNORECASE,
)
# Phrases only a host says. Questions ("tell me", "what do you think") are not listed here:
# prompting is measured on its own, and guests ask back.
_HOSTING = re.compile(
    r"\b(?:welcome (?:to|back)|my guests?|our guests?|joining (?:me|us)|thanks? (?:you )?for "
    r"(?:coming|joining|being)|I'm your (?:co-?)?host|this is your (?:co-?)?host"
    r"|I'm (?:the|your) moderator)\b",
    re.IGNORECASE,
)
# Steering the conversation to a topic, or inviting somebody to speak: what the one in charge
# does.
_STEERING = re.compile(
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
_MARKED = re.compile(r"[^.!?]*[.!?]?")
_COHOST = re.compile(r"\bco-?hosts?\b", re.IGNORECASE)

# Words every match of a phrase pattern contains (in lower case): a substring test for them
# is a hundred times cheaper than the pattern, which then runs only on turns that have one.
_GATES = {
    _REQUEST: ("ask", "question", "curious", "tell", "through"),
    _HOSTING: ("welcome", "guest", "joining", "thank", "host", "moderator"),
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
_SELF_NAME = re.compile(r"\b(?:my name is|my name's|I'm|I am)\s+([^\W\d_][\w'\-]*)")
_WORD = re.compile(r"[^\W\d_][\w'’\-]*")
# Words of a label that never name a person on their own ("Mr", "the", "Speaker").
_NOT_NAMES = HONORIFICS | PARTICLES | ROLE_WORDS


def _unquoted(text: str) -> str:
    return _QUOTED.sub(" ", text.replace("’", "'"))


def prompts(text: str) -> bool:
    """Whether a turn asks the others something (see the module docstring)."""
    return _prompts(_unquoted(text))


def _prompts(plain: str) -> bool:
    if _has(_REQUEST, plain):
        return True
    if not _QUESTION.search(plain):
        return False
    sentences = _sentences(plain)
    return any(_QUESTION.search(sentence) and _asks(sentence) for sentence in sentences)


def _asks(sentence: str) -> bool:
    tag = _FILLER.search(sentence)
    return tag is None or bool(_INTERROGATIVE.search(sentence[: tag.start()]))


def ends_asking(text: str) -> bool:
    """Whether a turn's last sentence prompts: the speaker yields the floor with a question."""
    return _ends_asking(_unquoted(text))


def _ends_asking(plain: str) -> bool:
    sentences = [s for s in _sentences(plain) if s.strip()]
    return bool(sentences) and prompts(sentences[-1])


def hosts(text: str) -> bool:
    """Whether a turn hosts: a host's phrase or steering the conversation."""
    return _hosts(_unquoted(text))


def _hosts(plain: str) -> bool:
    return _has(_HOSTING, plain) or _has(_STEERING, plain) or _asks_what_about(plain)


def _sentences(text: str) -> list[str]:
    """The sentences of a text (see _SENTENCE)."""
    return [s for s in _SENTENCE.findall(text) if not s.endswith("¿")]


def _asks_what_about(text: str) -> bool:
    """Whether a sentence opens with "What about" and ends with a question mark."""
    if "what about" not in text.lower():
        return False
    return any(
        piece.group().endswith("?") and _WHAT_ABOUT.search(text, piece.start(), piece.end())
        for piece in _MARKED.finditer(text)
    )


def _has(pattern: re.Pattern[str], text: str) -> bool:
    """``pattern.search(text)``, skipped when the text lacks every word of its gate."""
    lower = text.lower()
    return any(word in lower for word in _GATES[pattern]) and bool(pattern.search(text))


def _capitalised(text: str) -> set[str]:
    """The capitalised words of a text, normalised as label words are."""
    return {w for m in _WORD.finditer(text) if m.group()[0].isupper() for w in words_of(m.group())}


def _name_words(group: SpeakerGroup, texts: Sequence[str]) -> set[str]:
    """Words that name a speaker: label, introduced name, aliases, self-introductions."""
    spellings = [group.label, group.name or "", *group.aliases]
    for text in texts:
        spellings.extend(m.group(1) for m in _SELF_NAME.finditer(text) if m.group(1)[0].isupper())
    return {
        word
        for spelling in spellings
        for word in words_of(spelling)
        if len(word) > 1 and re.sub(r"['\-]", "", word).isalpha() and word not in _NOT_NAMES
    }


@dataclass
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


def conduct(
    groups: Sequence[SpeakerGroup], turns: Sequence[tuple[SpeakerGroup, str]]
) -> dict[str, Conduct]:
    """Tally each speaker's conduct over the turns read (see the module docstring)."""
    chosen = _read(turns)
    said: dict[str, list[str]] = {g.id: [] for g in groups}
    for i in chosen:
        said.setdefault(turns[i][0].id, []).append(turns[i][1])
    names = {ident: _name_words(g, said[ident]) for g in groups for ident in [g.id]}
    tally = {ident: Conduct() for ident in said}
    plain: dict[int, str] = {}
    prompting: dict[int, bool] = {}

    def unquoted(i: int) -> str:
        if i not in plain:
            plain[i] = _unquoted(turns[i][1])
        return plain[i]

    def prompts_at(i: int) -> bool:
        if i not in prompting:
            prompting[i] = _prompts(unquoted(i))
        return prompting[i]

    # Asking back: a question put to a speaker whose turn ended on a question, who then
    # speaks again; the asker's reply restates their question, so it prompts again. A turn
    # that was not read did not ask back.
    back: dict[int, bool] = {}
    for i in chosen:
        group, text = turns[i]
        if 0 < i < len(turns) - 1:
            before, after = turns[i - 1][0], turns[i + 1][0]
            back[i] = (
                before is not group
                and after is before
                and prompts_at(i)
                and prompts_at(i - 1)
                and not back.get(i - 1, False)
                and _ends_asking(unquoted(i - 1))
            )
        mine = tally[group.id]
        mine.turns += 1
        asked_back = back.get(i, False)
        mine.asked_back += asked_back
        prompt = prompts_at(i) and not asked_back
        steering = _hosts(unquoted(i))
        nxt = turns[i + 1] if i + 1 < len(turns) and turns[i + 1][0] is not group else None
        handing = False
        if nxt is not None and (prompt or steering):
            addressed = names.get(nxt[0].id, set()) - names.get(group.id, set())
            handing = bool(addressed & _capitalised(text))
        if _has(_COHOST, text):
            for other in groups:
                if other is not group and _cohost_named(text, names[other.id]):
                    tally[other.id].cohost_of.add(group.id)
        mine.handed += handing
        mine.hosting += steering or handing
        mine.conducting += prompt or steering or handing
        mine.prompts += prompt
        # The next turn replies to a question the turn ended on, not to one in its middle.
        if prompt and nxt is not None and _ends_asking(unquoted(i)):
            ratio = (len(nxt[1].split()) + 1) / (len(text.split()) + 1)
            mine.replies.append(math.log2(ratio))
    return tally


def _cohost_named(text: str, names: set[str]) -> bool:
    """Whether a sentence of the text says "co-host" and names the speaker."""
    return any(
        _COHOST.search(sentence) and names & _capitalised(sentence)
        for sentence in _sentences(text)
    )
