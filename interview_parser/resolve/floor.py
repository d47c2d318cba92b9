"""The floor model behind pairing (used by ``pairs``): runs of one speaker, who asks, who
answers, who is a third party, and what each run does -- asks, hands the floor over, only
acknowledges, answers the answerer's own question. The cues themselves are in ``cues``.

The unit is the *run*: consecutive turns of one speaker. Each speaker is an **asker** (an
interviewer), an **answerer** (an interviewee) or a **third party** (``Role.other``, or anyone
whose turns often object or call points of order: counsel, a court, a chair). When nobody
answers but askers, the transcript is a peer panel and askers answer one another. What a run
does is worked out on first use: a long transcript's answers are mostly never read.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from enum import Enum

from ..model import Role
from ..words import word_count
from .asking import last_sentences, question_evidence
from .conduct import Lazy
from .cues import (
    NamePattern,
    addresses,
    asks_back,
    backchannel_shaped,
    hands_over,
    name_pattern,
    picks_up,
    procedural,
    proposes_topic,
    reaction,
    thanks_back,
)

__all__ = ["ANSWERER", "ASKER", "THIRD", "Floor", "Part", "Run", "Voice", "give_parts", "runs_of"]


# Not frozen: a frozen dataclass's __init__ costs three times as much, and there is a
# Voice a turn. Nothing changes one once made.
@dataclass(slots=True)
class Voice:
    """One turn as pairing sees it."""

    speaker: str
    role: Role
    text: str


class Part(Enum):
    asker = "asker"
    answerer = "answerer"
    third = "third"


# The parts as module names, for the loops over runs: an Enum member read through its class
# (``Part.asker``) costs about ten times a global name on Python 3.11.
ASKER, ANSWERER, THIRD = Part.asker, Part.answerer, Part.third


@dataclass(slots=True)
class Run:
    turns: list[int]
    speaker: str
    text: str
    part: Part = Part.answerer


def runs_of(voices: Sequence[Voice]) -> list[Run]:
    """Consecutive turns of one speaker, each run's text its turns' joined by a blank line.

    A run's texts are joined once it is complete: adding each turn to a growing string
    copied the string each time, quadratic in a long monologue (a 2 MB lecture of 20,000
    one-line turns took 12 s).
    """
    runs: list[Run] = []
    more: dict[int, list[str]] = {}  # the texts of the runs of more than one turn
    last: Run | None = None
    for index, voice in enumerate(voices):
        if last is not None and last.speaker == voice.speaker:
            last.turns.append(index)
            more.setdefault(len(runs) - 1, [last.text]).append(voice.text)
        else:
            last = Run([index], voice.speaker, voice.text)
            runs.append(last)
    for at, texts in more.items():
        runs[at].text = "\n\n".join(texts)
    return runs


def give_parts(runs: list[Run], voices: Sequence[Voice]) -> bool:
    """Give each run its part; True when the transcript is a peer panel."""
    # (a speaker's role is the same on each of their turns)
    role = {run.speaker: voices[run.turns[0]].role for run in runs}
    asker = Role.interviewer
    # Anyone else whose runs object or direct the proceedings often enough (a witness who
    # once mentions "my client" is still the witness).
    others = [run for run in runs if role[run.speaker] is not asker]
    said = Counter(run.speaker for run in others)
    procedure = Counter(run.speaker for run in others if procedural(run.text))
    part = {speaker: ASKER if played is asker else ANSWERER for speaker, played in role.items()}
    for speaker, played in role.items():
        if played is Role.other or procedure[speaker] * 5 >= said[speaker] > 0:
            part[speaker] = THIRD
    for run in runs:
        run.part = part[run.speaker]
    parts = set(part.values())
    return ANSWERER not in parts and sum(p is ASKER for p in part.values()) > 1


# How many askers in a row may answer the answerer's question, each in turn.
_REPLIES_IN_TURN = 3


class Floor:
    """The runs of one transcript and what each of them does.

    ``part``, ``speaker`` and ``text`` hold each run's fields as plain lists (the loops of
    ``pairs`` read them run after run); the facts read from a run's words are ``Lazy``.
    """

    def __init__(self, runs: list[Run], names: Mapping[str, set[str]], peer: bool) -> None:
        self.runs = runs
        self.peer = peer
        self.names = names
        self.part = [run.part for run in runs]
        self.speaker = [run.speaker for run in runs]
        self.text = [run.text for run in runs]
        self.everyone: set[str] = set().union(*names.values()) if names else set()
        self.kind = Lazy(self._kind)
        # what finds the names a speaker can call the others by
        self._others: dict[str, NamePattern | None] = {}
        # ... and what finds the names of one speaker
        self._callers: dict[str, NamePattern | None] = {}
        self.handover = Lazy(self._hands_over)
        self.ends_asking = Lazy(self._ends_asking)
        self.opening = Lazy(self._opens)  # whether run k can start a prompt
        # whether run k only acknowledges or reacts (read both as a backchannel and as a
        # run that opens nothing)
        self.reacts = Lazy(self._reacts)

    def calls(self, k: int, speaker: str) -> bool:
        """Whether run k's last two sentences call ``speaker`` by name ("Kelly, have you
        spoken? You've spoken at some conferences, right?")."""
        if speaker not in self._callers:
            self._callers[speaker] = name_pattern(self.names.get(speaker, set()))
        found = self._callers[speaker]
        tail = " ".join(last_sentences(self.text[k], 2))
        return found is not None and found.pattern.search(tail) is not None

    def _kind(self, k: int) -> str | None:
        return question_evidence(self.text[k], self.everyone)

    def _hands_over(self, k: int) -> str | None:
        """How run k hands the floor over: "hands over the floor" (in so many words),
        "addressed by name", or None."""
        speaker = self.speaker[k]
        if speaker not in self._others:
            others = self.everyone - self.names.get(speaker, set())
            self._others[speaker] = name_pattern(others)
        return hands_over(self.text[k], self._others[speaker])

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

    def asks(self, k: int) -> bool:
        return self.kind[k] is not None or self.handover[k] is not None

    def _next(self, k: int, step: int) -> int | None:
        part, j = self.part, k + step
        while 0 <= j < len(part) and part[j] is THIRD:
            j += step
        return j if 0 <= j < len(part) else None

    def backchannel(self, k: int) -> bool:
        """An acknowledgement or broken-off start inside someone's ongoing speech."""
        before, after = k - 1, k + 1
        speaker = self.speaker
        if before < 0 or after >= len(speaker):
            return False
        if not speaker[before] == speaker[after] != speaker[k]:
            return False
        text = self.text
        shaped = backchannel_shaped(text[k], text[before], text[after], self.reacts[k]) or (
            picks_up(self.text[after]) and word_count(self.text[k]) <= 6
        )  # a few words the other speaker talks over, picking up their own sentence
        if shaped and thanks_back(self.text[after]):
            return False  # "Thank you." / "Thanks, everybody.": a closing exchange
        return shaped and not self.asks(k)

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
        # never one speaker's); the asker replies to an answerer's run whose tail asks (a
        # third party's run in between, or a co-host's, is read in full); a reaction is
        # 160 characters at most.
        if 0 < k < len(part) - 1 and speaker[k - 1] == speaker[k + 1] and self.backchannel(k):
            return False
        before = text[k - 1][-300:] if k and part[k - 1] is ANSWERER else "?"
        if ("?" in before or "？" in before) and self.reversal(k):
            return False
        return len(text[k]) > 160 or not self.only_reacts(k)

    def only_reacts(self, k: int) -> bool:
        """A run that only reacts ("Awesome.", "Hm... Interesting.") opens nothing, whoever
        speaks next; thanks are left out, since a guest may take them up ("Thanks for
        having me")."""
        return self.reacts[k] and not thanks_back(self.text[k])

    def _reacts(self, k: int) -> bool:
        return reaction(self.text[k])

    def answers(self, k: int, asker: str) -> bool:
        if self.peer:
            return self.part[k] is ASKER and self.speaker[k] != asker
        return self.part[k] is ANSWERER
