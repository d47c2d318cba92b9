"""The floor model behind pairing (used by ``pairs``): runs of one speaker, who asks, who
answers, who is a third party, and what each run does -- asks, hands the floor over, only
acknowledges, answers the answerer's own question. The cues themselves are in ``cues``.

The unit is the *run*: consecutive turns of one speaker. Each speaker is an **asker** (an
interviewer), an **answerer** (an interviewee) or a **third party** (``Role.other``, or anyone
whose turns often object or call points of order: counsel, a court, a chair). When nobody
answers but askers, the transcript is a peer panel and askers answer one another. What an
asker's run says is read as the run is read; what a run does among its neighbours is worked
out on first use.

Pairing holds a *window* of runs (``Floor``): a whole list of turns loaded at once, or a
stream read as the tests reach further, with the runs behind the oldest undecided prompt let
go of. What it needs of the whole transcript first (each speaker's part: ``Parts``) comes
from ``parts_of`` over whole runs, or from a first pass of ``Census`` that counts a turn at
a time, per speaker. ``Caps`` bound the window on input with no conversation.
"""

from __future__ import annotations

import re
from collections import Counter, deque
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from enum import Enum
from itertools import compress, islice, repeat
from operator import is_, ne, not_, setitem
from typing import Protocol, TypeVar

from ..model import Role
from ..words import word_count
from .asking import last_sentences, question_evidence
from .conduct import Lazy
from .cues import (
    ACKNOWLEDGEMENT_CHARS,
    ECHO_CHARS,
    NamePattern,
    address_words,
    addresses,
    asks_back,
    backchannel_shaped,
    cut_off,
    hands_over,
    name_pattern,
    names_in,
    opens_addressing,
    picks_up,
    procedural,
    proposes_topic,
    reaction,
    thanks_back,
)

__all__ = [
    *("ANSWERER", "ASKER", "CAPS", "THIRD", "Caps", "Census", "Floor", "Part", "Parts"),
    *("Said", "Voice", "parts_of", "run_starts"),
]


class Said(Protocol):
    """What pairing reads of a turn handed over in a list: a :class:`Voice`, or the model's
    ``Turn`` itself (its speaker's role given apart), so that a parse makes no second object
    a turn for pairing."""

    @property
    def speaker(self) -> str: ...
    @property
    def text(self) -> str: ...
    @property
    def index(self) -> int: ...


# Not frozen: a frozen dataclass's __init__ costs three times as much, and there is a
# Voice a turn. Nothing changes one once made.
@dataclass(slots=True)
class Voice:
    """One turn as pairing sees it; ``index`` the turn's own index (its ``int`` object, kept
    in the pairs), or -1 for its position among the turns given."""

    speaker: str
    role: Role
    text: str
    index: int = -1


class Part(Enum):
    asker = "asker"
    answerer = "answerer"
    third = "third"


# The parts as module names, for the loops over runs: an Enum member read through its class
# (``Part.asker``) costs about ten times a global name on Python 3.11.
ASKER, ANSWERER, THIRD = Part.asker, Part.answerer, Part.third


@dataclass(frozen=True, slots=True)
class Caps:
    """The bounds that keep pairing's memory bounded on input that has no conversation.

    A *run* is closed before a further turn of its speaker once it holds ``run_turns`` turns
    or ``run_chars`` characters (its turns' texts; one speaker's million lines are then runs
    of a thousand turns). A prompt and its answer are looked for within ``window`` runs of
    where each starts, the runs past third parties within ``window`` runs too, and a pair
    that a later prompt could still extend (its reactions passed over) is closed once the
    reading is ``window`` runs past it. Conversation never comes near these (a prompt is
    answered within a few runs); they decide only on degenerate input, and the same way
    whether pairing reads a whole list of turns or a stream.
    """

    run_turns: int = 1_000
    run_chars: int = 1_000_000
    window: int = 10_000


CAPS = Caps()


def run_starts(speakers: Sequence[str], texts: Sequence[str], caps: Caps = CAPS) -> list[int]:
    """Where each run starts: the position of its first turn.

    The turns where the speaker changes are found in C (most runs are one turn); only runs of
    several turns are walked in Python, to close them at the caps.
    """
    n = len(speakers)
    if not n:
        return []
    starts = [0, *compress(range(1, n), map(ne, islice(speakers, 1, None), speakers))]
    if len(starts) == n:
        return starts  # (every run one turn)
    capped: list[int] = []
    for a, b in zip(starts, [*starts[1:], n], strict=True):
        capped.append(a)
        if b - a == 1:
            continue
        count, chars = 1, len(texts[a])
        for i in range(a + 1, b):
            if count >= caps.run_turns or chars >= caps.run_chars:
                capped.append(i)
                count, chars = 0, 0
            count += 1
            chars += len(texts[i])
    return capped


@dataclass(slots=True)
class Parts:
    """What pairing needs to know of the whole transcript before its first pair: each
    speaker's part, whether it is a peer panel, and the third parties whom the askers
    question (their runs answer, but for their calls on the proceedings), with what finds
    the names they are called by."""

    part: dict[str, Part]
    peer: bool
    questioned: dict[str, NamePattern]


# How many times askers must call a third party by name and have them reply at once for
# that third party to count as questioned (a member who asks the chair).
_QUESTIONED = 2


def _parts(
    roles: Mapping[str, Role], said: Counter[str], procedure: Counter[str]
) -> dict[str, Part]:
    """Each speaker's part: askers ask; anyone else whose runs object or direct the
    proceedings often enough is a third party (a witness who once mentions "my client" is
    still the witness), as is anyone whose role is ``other``; the rest answer."""
    asker = Role.interviewer
    part = {speaker: ASKER if played is asker else ANSWERER for speaker, played in roles.items()}
    for speaker, played in roles.items():
        if played is Role.other or (
            played is not asker and procedure[speaker] * 5 >= said[speaker] > 0
        ):
            part[speaker] = THIRD
    return part


def _is_peer(part: Mapping[str, Part]) -> bool:
    parts = set(part.values())
    return ANSWERER not in parts and sum(p is ASKER for p in part.values()) > 1


def _called(text: str, found: NamePattern | None) -> bool:
    """Whether an asker's run calls a third party by name or office, at its opening or in its
    last sentence ("Presidente, eu queria ...", "Obrigada, Presidente.")."""
    return opens_addressing(text, found) or names_in(text, found)


def _address_pattern(names: Collection[str]) -> NamePattern | None:
    # (by name or by office: "Presidente, ...", "Madam Chair, ...")
    return name_pattern(address_words(names))


def parts_of(
    speakers: Sequence[str],
    texts: Sequence[str],
    roles: Mapping[str, Role],
    names: Mapping[str, Collection[str]],
) -> Parts:
    """The parts of a whole list of runs (their speakers and texts) at once.

    A chair, a court or an operator is a third party; but when an asker calls one of them by
    name and that third party speaks next, time and again, the asker is questioning them:
    they answer. Only a third party's run right after an asker's is read, so most
    transcripts cost nothing there.
    """
    asker = Role.interviewer
    # (the loops in C: a run is counted for its speaker when it is not an asker's, and
    # again when it is a call on the proceedings)
    others = [roles[speaker] is not asker for speaker in speakers]
    said = Counter(compress(speakers, others))
    if len(said) == 0:
        procedure: Counter[str] = Counter()
    else:
        other_speakers = list(compress(speakers, others))
        procedure = Counter(compress(other_speakers, map(procedural, compress(texts, others))))
    part = _parts(roles, said, procedure)
    peer = _is_peer(part)
    if peer or THIRD not in part.values():
        return Parts(part, peer, {})
    patterns: dict[str, NamePattern | None] = {}
    called: Counter[str] = Counter()
    for k in range(len(speakers) - 1):
        if part[speakers[k]] is not ASKER or part[speakers[k + 1]] is not THIRD:
            continue
        third = speakers[k + 1]
        if third not in patterns:
            patterns[third] = _address_pattern(names.get(third, ()))
        if _called(texts[k], patterns[third]):
            called[third] += 1
    return Parts(part, peer, _questioned(called, patterns))


def _questioned(
    called: Counter[str], patterns: Mapping[str, NamePattern | None]
) -> dict[str, NamePattern]:
    questioned: dict[str, NamePattern] = {}
    for speaker, times in called.items():
        found = patterns[speaker]
        if times >= _QUESTIONED and found is not None:
            questioned[speaker] = found
    return questioned


class Census:
    """The counts that :class:`Parts` are made from, taken one turn at a time and without
    the roles (a first pass over the turns; memory grows with speakers, not turns): for each
    speaker, the runs said and those that are calls on the proceedings; for each speaker
    and each one who speaks right after them, how often the first calls the second by name
    or office. ``parts(roles)`` then gives what ``parts_of`` gives on the whole list.

    The runs are closed at the same caps as pairing's (``Caps``), so the counts are those of
    pairing's runs. It holds one run's texts at a time. Given the ``roles`` already (a pass
    after the head), it reads names only where ``parts`` can use them: after an asker's run.
    """

    def __init__(
        self,
        names: Mapping[str, Collection[str]] | None = None,
        caps: Caps = CAPS,
        roles: Mapping[str, Role] | None = None,
    ):
        self._names = names or {}
        self._caps = caps
        # Known roles (a pass after the head): only an asker's run can call a third party,
        # and an asker is never one, so no other pair of runs is read for names (100,000
        # speakers would otherwise compile a name pattern each).
        self._askers = (
            None if roles is None else {s for s, r in roles.items() if r is Role.interviewer}
        )
        self.said: Counter[str] = Counter()
        self.procedure: Counter[str] = Counter()
        self.called: Counter[tuple[str, str]] = Counter()
        self._patterns: dict[str, NamePattern | None] = {}
        self._speaker: str | None = None
        self._texts: list[str] = []
        self._chars = 0
        self._last: tuple[str, str] | None = None  # the last closed run: speaker, text

    def add(self, speaker: str, text: str) -> None:
        """Count one turn (in order)."""
        if speaker == self._speaker:
            caps = self._caps
            if len(self._texts) < caps.run_turns and self._chars < caps.run_chars:
                self._texts.append(text)
                self._chars += len(text)
                return
        self._close()
        self._speaker, self._texts, self._chars = speaker, [text], len(text)

    def _close(self) -> None:
        speaker = self._speaker
        if speaker is None:
            return
        texts = self._texts
        text = texts[0] if len(texts) == 1 else "\n\n".join(texts)
        self.said[speaker] += 1
        if procedural(text):
            self.procedure[speaker] += 1
        last = self._last
        askers = self._askers
        if (
            last is not None
            and last[0] != speaker
            and (askers is None or (last[0] in askers and speaker not in askers))
        ):
            if speaker not in self._patterns:
                self._patterns[speaker] = _address_pattern(self._names.get(speaker, ()))
            if _called(last[1], self._patterns[speaker]):
                self.called[last[0], speaker] += 1
        self._last = (speaker, text)
        self._speaker, self._texts = None, []

    def parts(self, roles: Mapping[str, Role]) -> Parts:
        """The parts, once every turn is counted (the same texts pairing is given), from
        each speaker's role."""
        self._close()
        asker = Role.interviewer
        said = Counter({s: n for s, n in self.said.items() if roles[s] is not asker})
        part = _parts(roles, said, self.procedure)
        peer = _is_peer(part)
        if peer or THIRD not in part.values():
            return Parts(part, peer, {})
        called: Counter[str] = Counter()
        for (before, speaker), times in self.called.items():
            if part[before] is ASKER and part[speaker] is THIRD:
                called[speaker] += times
        return Parts(part, peer, _questioned(called, self._patterns))


_T = TypeVar("_T")


def _shift(table: Lazy[_T], cut: int, start: int | None = None) -> None:
    """Keep the entries from ``start`` (``cut`` when not given) on, counted from ``cut``
    on."""
    start = cut if start is None else start
    kept = {k - cut: v for k, v in table.items() if k >= start}
    table.clear()
    table.update(kept)


# Consumes an iterator in C (a deque that keeps nothing).
_drain: Callable[[Iterable[object]], None] = deque[object](maxlen=0).extend
# What a run that is not an asker's is read to say (``Floor._says``).
_SAYS_NOTHING: tuple[str | None, str | None, bool] = (None, None, False)
# What a run that turns to the one who just spoke opens with (``Floor.turns_to_asker``).
_TO_ASKER = re.compile(r"[\W_]*(?:you|your|sorry)\b", re.IGNORECASE)
# How many askers in a row may answer the answerer's question, each in turn.
_REPLIES_IN_TURN = 3


class Floor:
    """A window of runs and what each of them does.

    ``part``, ``speaker`` and ``text`` hold each run's fields as plain lists (the loops of
    ``pairs`` read them run after run); ``first`` the position of each run's first turn,
    ``ids`` and ``turn_text`` the turns' indices and texts from position ``turn_base`` on.
    What an asker's run says (``kind``, ``handover``, ``reacts``) is read as the run is
    given its part, into plain lists too: only an asker's run prompts, every test reads
    these of askers' runs, and nearly every asker's run is read for them (a list costs no
    call a run, where a table filled on first use costs two). Other runs hold None (False)
    there. The facts that look at neighbouring runs are ``Lazy``. Index ``k`` of the lists
    is run ``base + k`` of the transcript: the runs before the window are dropped as
    pairing moves on (``drop``), and more are read when a test reaches past the last
    (``has``).
    """

    def __init__(self, names: Mapping[str, set[str]], caps: Caps = CAPS) -> None:
        self.peer = False
        self.parts = Parts({}, False, {})
        self.names = names
        self.caps = caps
        self.part: list[Part] = []
        self.speaker: list[str] = []
        self.text: list[str] = []
        # where each run's turns start, and (one more) where those after the last would
        self.first: list[int] = [0]
        self.placed: list[bool] = []  # whether the run's turns are in a pair
        self.ids: list[int] = []
        self.turn_text: list[str] = []
        self.base = 0
        self.turn_base = 0
        self.everyone: set[str] = set().union(*names.values()) if names else set()
        # why each asker's run asks (``question_evidence``), or None
        self.kind: list[str | None] = []
        # what finds the names a speaker can call the others by
        self._others: dict[str, NamePattern | None] = {}
        # ... and what finds the names of one speaker
        self._callers: dict[str, NamePattern | None] = {}
        # how each asker's run hands the floor over (``hands_over``), or None
        self.handover: list[str | None] = []
        # whether each asker's run only acknowledges or reacts (read both as a backchannel
        # and as a run that opens nothing)
        self.reacts: list[bool] = []
        self.ends_asking = Lazy(self._ends_asking)
        # whether run k can start a prompt (read on first use, or in one pass: read_opening)
        self.opening: Lazy[bool] | list[bool] = Lazy(self._opens)
        self._source: Iterator[Voice] | None = None
        self.streaming = False  # runs read as needed (else loaded whole)
        self._next_turn = 0  # the position of the next turn the source gives
        self._held: Voice | None = None  # a turn read that starts the next run

    # -- filling and emptying the window

    def load(self, voices: Sequence[Said], starts: Sequence[int] | None = None) -> None:
        """Every run at once, from a whole list of turns and where the runs start (found
        from the turns when not given)."""
        # (each field listed once)
        texts = [v.text for v in voices]
        speakers = [v.speaker for v in voices]
        if starts is None:
            starts = run_starts(speakers, texts, self.caps)
        n = len(voices)
        if len(starts) == n:  # (every run one turn: most transcripts, nearly)
            self.speaker, self.text = speakers, texts.copy()
        else:
            ends = [*starts[1:], n]
            self.speaker = [speakers[a] for a in starts]
            self.text = [
                texts[a] if b - a == 1 else "\n\n".join(texts[a:b])
                for a, b in zip(starts, ends, strict=True)
            ]
        self.first = [*starts, n]
        ids = [v.index for v in voices]
        if n and min(ids) < 0:
            ids = [index if index >= 0 else i for i, index in enumerate(ids)]
        self.ids = ids
        self.turn_text = texts
        self.placed = [False] * len(starts)

    def give_parts(self, parts: Parts) -> None:
        """Give each run its part (those read so far, and those read later)."""
        self.parts, self.peer = parts, parts.peer
        part, questioned, text = parts.part, parts.questioned, self.text
        self.part[:] = [part[s] for s in self.speaker]
        if questioned:
            # (a questioned third party's calls on the proceedings, "Tem a palavra ...", stay
            # a third party's)
            for k, speaker in enumerate(self.speaker):
                if speaker in questioned and not procedural(text[k]):
                    self.part[k] = ANSWERER
        self._read_facts()

    def _read_facts(self) -> None:
        """Read what each asker's run says (``kind``, ``handover``, ``reacts``), the other
        runs holding None (False)."""
        part, speaker, text = self.part, self.speaker, self.text
        n = len(part)
        kind: list[str | None] = [None] * n
        handover = kind.copy()
        reacts = [False] * n
        # (what _says reads, by columns: the askers' runs picked in C, each cue mapped over
        # their texts and its answers set in place by a map of setitem drained in C, no
        # Python loop a run; tests/test_pair_window.py holds it to a stream's reading)
        askers = list(compress(range(n), map(is_, part, repeat(ASKER))))
        said = list(map(text.__getitem__, askers))
        who = list(map(speaker.__getitem__, askers))
        to = {s: self._to(s) for s in set(who)}
        why = map(question_evidence, said, repeat(self.everyone))
        handing = map(hands_over, said, map(to.__getitem__, who))
        only = [len(t) <= ACKNOWLEDGEMENT_CHARS and reaction(t) for t in said]
        _drain(map(setitem, repeat(kind), askers, why))
        _drain(map(setitem, repeat(handover), askers, handing))
        _drain(map(setitem, repeat(reacts), askers, only))
        self.kind, self.handover, self.reacts = kind, handover, reacts

    def _to(self, speaker: str) -> NamePattern | None:
        """What finds the names ``speaker`` can call the others by (read once a speaker)."""
        if speaker not in self._others:
            others = self.everyone - self.names.get(speaker, set())
            self._others[speaker] = name_pattern(others)
        return self._others[speaker]

    def _says(self, text: str, speaker: str) -> tuple[str | None, str | None, bool]:
        """What an asker's run says: why it asks, how it hands the floor over (to someone
        other than its speaker), whether it only reacts."""
        return (
            question_evidence(text, self.everyone),
            hands_over(text, self._to(speaker)),
            len(text) <= ACKNOWLEDGEMENT_CHARS and reaction(text),
        )

    def read_opening(self) -> None:
        """Read whether each run opens in one pass, the runs loaded whole and given their
        parts: nearly every asker's run is read for it, and a list costs no call a run
        where a table filled on first use costs two. (The same reading: ``_opens`` looks at
        the runs around, all there.)"""
        opens = self._opens
        self.opening = [played is ASKER and opens(k) for k, played in enumerate(self.part)]

    def stream(self, voices: Iterator[Voice]) -> None:
        """Read the runs from ``voices`` as the tests reach them."""
        self._source = voices
        self.streaming = True

    def has(self, k: int) -> bool:
        """Whether run k is in the window, reading runs from the source until it is."""
        while k >= len(self.part):
            if not self._read_run():
                return False
        return True

    def _read_run(self) -> bool:
        source = self._source
        if source is None:
            return False
        voice = self._held
        if voice is None:
            voice = next(source, None)
            if voice is None:
                self._source = None
                return False
        self._held = None
        caps = self.caps
        speaker, texts, ids = voice.speaker, [voice.text], [self._id(voice)]
        chars = len(voice.text)
        for voice in source:
            if voice.speaker != speaker or len(texts) >= caps.run_turns or chars >= caps.run_chars:
                self._held = voice
                break
            texts.append(voice.text)
            ids.append(self._id(voice))
            chars += len(voice.text)
        else:
            self._source = None
        text = texts[0] if len(texts) == 1 else "\n\n".join(texts)
        part = self.parts.part[speaker]
        if speaker in self.parts.questioned and not procedural(text):
            part = ANSWERER
        self.ids.extend(ids)
        self.first.append(self.turn_base + len(self.ids))
        self.turn_text.extend(texts)
        self.speaker.append(speaker)
        self.text.append(text)
        self.part.append(part)
        self.placed.append(False)
        said, handing, reacts = self._says(text, speaker) if part is ASKER else _SAYS_NOTHING
        self.kind.append(said)
        self.handover.append(handing)
        self.reacts.append(reacts)
        return True

    def _id(self, voice: Voice) -> int:
        at = self._next_turn
        self._next_turn = at + 1
        return voice.index if voice.index >= 0 else at

    def turns(self, k: int) -> list[int]:
        """The indices of run k's turns."""
        return self.ids[self.first[k] - self.turn_base : self.first[k + 1] - self.turn_base]

    def drop(self, cut: int) -> list[int]:
        """Drop the runs before run ``cut``; return the indices of their turns that are in
        no pair. Index k of the lists is then what was k + cut."""
        first, ids, base = self.first, self.ids, self.turn_base
        unpaired: list[int] = []
        for k in compress(range(cut), map(not_, self.placed)):
            unpaired += ids[first[k] - base : first[k + 1] - base]
        turn_cut = first[cut] - base
        for column in (self.part, self.speaker, self.text, self.first, self.placed):
            del column[:cut]
        for facts in (self.kind, self.handover, self.reacts):
            del facts[:cut]
        del self.ids[:turn_cut]
        del self.turn_text[:turn_cut]
        self.base += cut
        self.turn_base += turn_cut
        _shift(self.ends_asking, cut)
        if isinstance(self.opening, Lazy):  # (always, in a stream)
            _shift(self.opening, cut)
        return unpaired

    def forget(self, cut: int) -> None:
        """Let go of what was read from the runs before ``cut`` (not the runs): the window
        has moved past them, in runs loaded whole."""
        _shift(self.ends_asking, 0, cut)
        if isinstance(self.opening, Lazy):
            _shift(self.opening, 0, cut)

    def close(self) -> None:
        """Let the window go: its tables hold bound methods of the floor, a cycle that only
        the cyclic collector would free."""
        self.ends_asking.clear()
        self.opening.clear()
        del self.ends_asking, self.opening
        self._source = None

    # -- what each run does

    def calls(self, k: int, speaker: str) -> bool:
        """Whether run k's last two sentences call ``speaker`` by name ("Kelly, have you
        spoken? You've spoken at some conferences, right?")."""
        if speaker not in self._callers:
            self._callers[speaker] = name_pattern(self.names.get(speaker, set()))
        found = self._callers[speaker]
        tail = " ".join(last_sentences(self.text[k], 2))
        return found is not None and found.pattern.search(tail) is not None

    def _ends_asking(self, k: int) -> bool:
        """What a run ends on: one that reads out a question and answers it itself does not
        hand the floor to anyone."""
        if self.handover[k]:
            return True
        if self.kind[k] is None:
            return False
        tail = " ".join(last_sentences(self.text[k], 2))
        return question_evidence(tail, self.everyone) is not None

    def peer_prompt(self, k: int) -> bool:
        """In a peer panel, a run prompts the next speaker when it asks, names them, speaks
        to them or puts a topic to them; talk to the group draws no pair."""
        return self.asks(k) or addresses(self.text[k]) or proposes_topic(self.text[k])

    def hands_on(self, k: int) -> bool:
        """In a peer panel, whether an answer's run ends by prompting someone else: it ends
        by asking or handing over the floor ("..., Emma, what about you?"), or puts a topic
        to them. Speaking to the asker, as a reply does ("you were right"), opens nothing."""
        return self.ends_asking[k] or proposes_topic(self.text[k])

    def asks(self, k: int) -> bool:
        return self.kind[k] is not None or self.handover[k] is not None

    def _next(self, k: int, step: int) -> int | None:
        """The next run from k in direction ``step`` that is not a third party's, within the
        window's cap."""
        part, j = self.part, k + step
        for _ in range(self.caps.window):
            if j < 0 or not (j < len(part) or self.has(j)):
                return None
            if part[j] is not THIRD:
                return j
            j += step
        return None

    def backchannel(self, k: int) -> bool:
        """An acknowledgement or broken-off start inside someone's ongoing speech."""
        before, after = k - 1, k + 1
        speaker = self.speaker
        if before < 0 or not (after < len(speaker) or self.has(after)):
            return False
        if not speaker[before] == speaker[after] != speaker[k]:
            return False
        text = self.text
        shaped = backchannel_shaped(text[k], text[before], text[after], self.reacts[k]) or (
            picks_up(self.text[after]) and word_count(self.text[k]) <= 6
        )  # a few words the other speaker talks over, picking up their own sentence
        if shaped and thanks_back(self.text[after]):
            return False  # "Thank you." / "Thanks, everybody.": a closing exchange
        if shaped and cut_off(self.text[k]) and self.turns_to_asker(after):
            return False  # "Karine —" / "You — you ruined the first row.": taken up
        return shaped and not self.asks(k)

    def turns_to_asker(self, k: int) -> bool:
        """Whether run k opens by turning to the one who just spoke ("You — you ruined
        it", "Sorry?"): it takes up what they said, even broken off."""
        return _TO_ASKER.match(self.text[k][:12]) is not None

    def reversal(self, k: int) -> bool:
        """The asker only answers what the answerer just asked them ("Did you too?"), or
        goes on doing so after a co-host did (each host answers in turn)."""
        chain, run = [k], k
        for _ in range(_REPLIES_IN_TURN):
            before = self._next(run, -1)  # the run before, past third parties
            if before is None:
                return False
            if self.part[before] is ANSWERER:
                # (what each asker's run ends on is read last: it costs the most)
                return asks_back(self.text[before]) and not any(self.ends_asking[c] for c in chain)
            chain.append(run := before)
        return False

    def opens(self, k: int) -> bool:
        """Whether run k can start a prompt."""
        return self.opening[k]

    def _opens(self, k: int) -> bool:
        part, speaker, text = self.part, self.speaker, self.text
        if part[k] is not ASKER:
            return False
        # Each reading is tried only when a cheap test leaves it open (most runs: none is):
        # a backchannel sits between two runs of one speaker (runs next to each other are
        # seldom one speaker's); the asker replies to an answerer's run whose tail asks (a
        # third party's run in between, or a co-host's, is read in full); a reaction is
        # ACKNOWLEDGEMENT_CHARS at most; a backchannel either reacts or is ECHO_CHARS or six
        # words at most (see backchannel_shaped: a longer text of five words or more is not
        # shaped as one, and one picking up the other's sentence is six words at most).
        if (
            k > 0
            and (k + 1 < len(part) or self.has(k + 1))
            and speaker[k - 1] == speaker[k + 1]
            and (self.reacts[k] or len(text[k]) <= ECHO_CHARS or len(text[k].split(None, 6)) <= 6)
            and self.backchannel(k)
        ):
            return False
        if k and part[k - 1] is ANSWERER:
            # (whether the answerer's last 300 characters hold a question mark: a slice and
            # `in` cost less than find() from an offset)
            before = text[k - 1][-300:]
            asked = "?" in before or (not before.isascii() and "？" in before)
        else:
            asked = True
        if asked and self.reversal(k):
            return False
        # (only_reacts written out)
        return len(text[k]) > ACKNOWLEDGEMENT_CHARS or not self.reacts[k] or thanks_back(text[k])

    def only_reacts(self, k: int) -> bool:
        """A run that only reacts ("Awesome.", "Hm... Interesting.") opens nothing, whoever
        speaks next; thanks are left out, since a guest may take them up ("Thanks for
        having me")."""
        return self.reacts[k] and not thanks_back(self.text[k])

    def answers(self, k: int, asker: str) -> bool:
        if self.peer:
            return self.part[k] is ASKER and self.speaker[k] != asker
        return self.part[k] is ANSWERER
