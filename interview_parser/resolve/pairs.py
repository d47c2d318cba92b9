"""Question-answer pairs: a small model of who holds the floor, from turns and roles.

Speakers are askers, answerers or third parties, and turns are read as runs of one speaker
(``floor``). A **prompt** starts at an asker's run that opens an exchange: not a run that
only reacts ("Hm... Interesting."), not an acknowledgement inside an answerer's ongoing
speech ("Yeah.", "Now, you had-" when the same answerer goes on), not the asker's reply to
the answerer's own question ("Which is this?" / "The diversion."). It takes in the
co-hosts' runs that follow, skips third parties' interjections (an objection, then the
restated question), and skips the answerer's interjections that do not reply to it (a
backchannel inside an unfinished prompt, or finishing the previous answer). The **answer**
starts at the next answerer's run and runs on -- other answerers, the asker's
acknowledgements -- until the next prompt starts; a co-host asked a question by name who
replies at length answers too. A prompt nobody answers, and a reply that is only a
self-introduction, make no pair. A third party whom the askers question by name or office
(a member asking the chair, who replies at once) answers, and the other speakers' remarks to
them are passed over. In a peer panel an answer that ends by asking someone else
is also the prompt of the next pair: the last turn of that run is in both pairs (the one
way a turn belongs to two), its turns before it only in the answer.

Each pair carries its evidence: why its kind (``asking``, read from the end of each prompt
run), and what the floor model saw
("addressed by name", "answer goes on past a backchannel", "across a third party's
interjection", ...).

``build_pairs`` pairs a whole list of turns; ``iter_pairs`` the same turns read one at a
time, yielding each pair as soon as no later turn can change it and each unpaired turn as
the window moves past it, given the ``Parts`` a first pass found (``Census``). Collected,
the stream is ``build_pairs``' output (tests/test_pair_window.py).
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Iterator, Mapping, Sequence
from typing import cast

from ..model import Pair, PairKind, Role, Unpaired
from ..words import word_count
from .asking import last_sentences, question_evidence
from .cues import (
    NamePattern,
    backchannel_shaped,
    continuer,
    cut_off,
    name_words,
    opens_addressing,
    reaction,
    self_introduction,
    starts_reacting,
    thanks_back,
)
from .floor import (
    ANSWERER,
    ASKER,
    CAPS,
    THIRD,
    Caps,
    Census,
    Floor,
    Parts,
    Said,
    Voice,
    parts_of,
    run_starts,
)

__all__ = [
    "CAPS",
    "Caps",
    "Census",
    "Parts",
    "Said",
    "Voice",
    "build_pairs",
    "iter_pairs",
    "parts_of",
    "run_starts",
]


_QUESTION, _REMARK = PairKind.question, PairKind.remark  # (global names cost less: see ASKER)

# The fewest words of a co-host's reply that answers a question put to them by name.
_COHOST_ANSWER_WORDS = 20
# How many sentences at the end of a prompt's run say whether it asks.
_PROMPT_END = 5
# A last sentence that only welcomes someone ("Kate, welcome.", "Welcome to the show, Ali!").
_WELCOME = re.compile(
    r"\b(?:welcome|bienvenid[oa]s?|bienvenue|willkommen|bem-vind[oa]s?)\b[^?？]*$", re.I
)
# ... of this many words at most, so found in this many last characters
_WELCOME_WORDS, _WELCOME_TAIL = 8, 160


def _speaks_to(floor: Floor, j: int, questioned: Mapping[str, NamePattern]) -> bool:
    """Whether run j opens by calling a questioned third party other than its speaker ("Sr.
    Presidente, ..."): said to them, not in reply to the asker."""
    return any(
        speaker != floor.speaker[j] and opens_addressing(floor.text[j], found)
        for speaker, found in questioned.items()
    )


class _Draft:
    """A pair in the making: its runs (prompt, answer, in between) and what was seen."""

    # (a plain class: a dataclass's default factories cost a call each, and there is a
    # draft a pair)
    __slots__ = ("answer", "between", "evidence", "first", "prompt")

    def __init__(self, prompt: list[int]) -> None:
        self.prompt = prompt
        self.answer: list[int] = []
        self.between: list[int] = []
        self.evidence: list[str] = []
        self.first = 0  # the first run it holds

    def shift(self, cut: int) -> None:
        """Count its runs from ``cut`` runs later (the window let go of those before)."""
        self.prompt = [k - cut for k in self.prompt]
        self.answer = [k - cut for k in self.answer]
        self.between = [k - cut for k in self.between]
        self.first -= cut


def _interjects(floor: Floor, prompt: list[int], j: int) -> bool:
    """Whether answerer run j interjects inside the prompt instead of replying to it."""
    part, text = floor.part, floor.text
    after = j + 1
    if not (after < len(part) or floor.has(after)):
        return False
    if part[after] is THIRD:
        beyond = floor._next(j, 1)  # (past third parties: seldom)
        if beyond is None:
            return False
        after = beyond
    if part[after] is not ASKER or not floor.opening[after]:
        return False
    said = text[prompt[-1]]
    # (a prompt that ends on a question mark does not break off: most prompts)
    if said[-1:] != "?" and cut_off(said) and word_count(said) <= 6:
        # the prompt broke off at once; the answerer finishes something else, unless they
        # turn to the asker ("Karine —" / "You — you ruined the first row.")
        return not floor.turns_to_asker(j)
    follow = text[after][:8].lstrip()
    if follow[:1] in "—–…" or follow.startswith(("...", "- ")):
        # the asker picks up the sentence they broke off, past an acknowledgement
        return backchannel_shaped(text[j], said)
    if floor.kind[prompt[-1]] is not None:
        return False  # it asked: whatever comes is a reply
    return continuer(text[j])


def _cohost_answers(floor: Floor, k: int, j: int, third_seen: bool) -> bool:
    """Whether asker run j answers asker run k as a guest would: k asks a question of j's
    speaker by name ("Kelly, have you spoken at conferences?"), j replies at length (a
    co-host's "No, that's it." to "Tim, anything else?" only runs the show) and does not end
    by asking in turn (a co-host handed the floor who asks the guest is part of the prompt).
    """
    if third_seen or floor.speaker[j] == floor.speaker[k] or floor.kind[k] is None:
        return False
    if word_count(floor.text[j]) < _COHOST_ANSWER_WORDS:
        return False
    return floor.calls(k, floor.speaker[j]) and not floor.ends_asking[j]


def _prompt(
    floor: Floor, start: int, questioned: Mapping[str, NamePattern]
) -> tuple[_Draft, int, bool]:
    """The prompt opened by run ``start``, the index of the run that answers it and True (or
    the index where the search stopped, the end or the window's cap, and False). An
    answerer's run said to a questioned third party is passed over as a third party's
    would be."""
    draft = _Draft([start])
    part, speaker, peer = floor.part, floor.speaker, floor.peer
    asker = speaker[start]
    third_seen = False
    j, stop = start + 1, start + floor.caps.window
    # (how far the loop may go without asking the window; min() costs a call)
    end = len(part)
    if stop < end:
        end = stop
    while j < end or (j < stop and floor.has(j) and (end := min(len(part), stop)) > j):
        if part[j] is THIRD:
            draft.between.append(j)
            third_seen = True
        elif (part[j] is ASKER and speaker[j] != asker) if peer else part[j] is ANSWERER:
            # (floor.answers written out: the loop's most frequent test)
            if questioned and _speaks_to(floor, j, questioned):
                draft.between.append(j)
                draft.evidence.append("across a remark made to someone else")
                third_seen = True
            elif (
                not peer
                # (a second answerer's run next interjects nothing: most answers go on, and
                # the test costs less than the call)
                and (j + 1 >= len(part) or part[j + 1] is not ANSWERER)
                and _interjects(floor, draft.prompt, j)
            ):
                draft.between.append(j)
                draft.evidence.append("prompt goes on past the answerer's interjection")
            else:
                return draft, j, True
        elif part[j] is ASKER:
            if peer or _cohost_answers(floor, draft.prompt[-1], j, third_seen):
                return draft, j, True  # nobody took it up (the next speaker opens anew), or
                # a co-host asked by name answers
            last = floor.text[draft.prompt[-1]]
            dropped = not floor.kind[draft.prompt[-1]] and not cut_off(last)
            if third_seen and floor.kind[j] and not dropped and _digressed(floor, draft, j):
                dropped = True  # a new question after the others' own exchange
            if third_seen and ((floor.kind[j] and dropped) or speaker[j] != asker):
                # after an objection the asker dropped it and asks anew, or the chair gave
                # the floor to another asker
                draft, asker = _Draft([j]), speaker[j]
            else:
                draft.prompt.append(j)
            # a third party's word stays in the air until the asker asks again
            third_seen = third_seen and floor.kind[j] is None
        j += 1
    return draft, j, False


# The fewest third parties' runs between a question and the asker's next that make an
# exchange of their own (an objection and its ruling are two).
_DIGRESSION_RUNS = 3
_CONTENT = re.compile(r"[^\W\d_]{5,}")


def _digressed(floor: Floor, draft: _Draft, j: int) -> bool:
    """Whether asker run j, after third parties' runs, puts a new question instead of
    restating the pending one: the third parties talked among themselves (three runs or
    more, not an objection and a ruling) and run j shares no content word with the prompt
    ("Was there a boa?" / the court and the clerk on boas / "Is that the term, a mature
    student?"). A restatement repeats some of the question's words."""
    between = [k for k in draft.between if k > draft.prompt[-1]]
    if len(between) < _DIGRESSION_RUNS:
        return False
    asked = {w.lower() for k in draft.prompt for w in _CONTENT.findall(floor.text[k])}
    return asked.isdisjoint(w.lower() for w in _CONTENT.findall(floor.text[j]))


def _opens_block(floor: Floor, prompt: list[int], i: int) -> bool:
    """Whether run ``prompt[i]`` of a block of asker runs is where the prompt opens: it ends
    by asking or handing over the floor, and the next run is not a co-host's (one that does
    not ask answers it, an exchange among hosts; one that asks after being handed the floor
    by a run that only handed it over is the opening itself)."""
    k = prompt[i]
    if not floor.ends_asking[k]:
        return False
    if i + 1 == len(prompt) or floor.speaker[prompt[i + 1]] == floor.speaker[k]:
        return True
    return floor.ends_asking[prompt[i + 1]] and floor.kind[k] is not None


def _drop_reactions(floor: Floor, draft: _Draft) -> list[int]:
    """Leading asker runs that only close the previous exchange, when a later run of the
    block opens what the answerer replies to; they are returned.

    A block whose first run acknowledges the previous speaker ("Awesome, thanks. Next
    question ... [answered by the host]"), introduces its speaker ("And I'm Emma.") or asks a
    co-host who answers it starts at the first later run that ends by asking or handing over
    the floor. Other blocks start at
    their first run, as co-hosts' runs in turn are one prompt.
    """
    prompt = draft.prompt
    opening = [_opens_block(floor, prompt, i) for i in range(len(prompt))]
    if opening[0]:
        return []
    first = floor.text[prompt[0]]
    host_exchange = floor.ends_asking[prompt[0]]
    closing = reaction(first) or starts_reacting(first) or self_introduction(first)
    if not (host_exchange or closing):
        return _drop_comment(floor, draft)
    cut = next((i for i, flag in enumerate(opening) if flag), 0)
    if cut:
        draft.prompt = prompt[cut:]
        draft.evidence.append("after a co-host's reaction")
    return prompt[:cut]


def _drop_comment(floor: Floor, draft: _Draft) -> list[int]:
    """A block that opens with a co-host's comment on the last answer, asking nothing
    ("Product Hunt never appealed to me ..."), then another co-host's question ("What about
    launch weeks? ..."): the answerer replies to the question, so the prompt starts there;
    the comment is returned. A block in which nobody asks is one prompt from its first run,
    and so is one whose first speaker speaks again after the question (it was an aside
    inside their prompt)."""
    prompt, speaker = draft.prompt, floor.speaker
    first = prompt[0]
    if floor.kind[first] is not None or floor.handover[first] is not None:
        return []
    if any(speaker[k] == speaker[first] for k in prompt[1:]):
        return []
    for i in range(1, len(prompt)):
        if _asks_at_end(floor, prompt[i]) is not None:
            draft.prompt = prompt[i:]
            draft.evidence.append("after a co-host's comment")
            return prompt[:i]
    return []


def _answer(floor: Floor, draft: _Draft, first: int) -> int:
    """Fill the answer from run ``first``; return the run where the next exchange starts."""
    draft.answer.append(first)
    part = floor.part
    j = first + 1
    if floor.peer:
        return j
    # outside a peer panel a run that is neither third party nor asker answers
    stop = first + floor.caps.window
    # (how far the loop may go without asking the window; min() costs a call)
    end = len(part)
    if stop < end:
        end = stop
    while j < end or (j < stop and floor.has(j) and (end := min(len(part), stop)) > j):
        if part[j] is THIRD:
            return j
        if part[j] is ASKER:
            if floor.opening[j]:
                return j
            draft.between.append(j)
        else:
            draft.answer.append(j)
        j += 1
    return j


def _asks_at_end(floor: Floor, k: int) -> str | None:
    """Why run k asks, read from its last sentences: what the answerer takes up is the end
    of a prompt; a question mark further back in a long run (a tag inside a story, "...,
    right? And then it's home alone. ...", a sponsor read, a rhetorical "Are you nuts?") does
    not make it a question."""
    why = floor.kind[k]
    if why is None:
        return None  # (most runs: the whole run does not ask, so neither does its end)
    text = floor.text[k]
    # a run of that many sentences or fewer is all end (counting the marks is cheap: a run
    # of N sentences has N - 1 ends at least), unless it ends on a welcome (which a run
    # ending on a question mark does not)
    if text.count(".") + text.count("?") + text.count("!") < _PROMPT_END and text.isascii():
        if text.endswith("?"):
            return why
        tail = text[-_WELCOME_TAIL:].lower()
        welcome = "welcom" in tail or "bienven" in tail or "willkommen" in tail
        if not (welcome or "bem-vind" in tail):
            return why
    closing = last_sentences(text, _PROMPT_END)
    if closing and _WELCOME.search(closing[-1]) and word_count(closing[-1]) <= _WELCOME_WORDS:
        return None  # "... Kate, welcome.": the reply takes up the welcome
    if len(closing) < _PROMPT_END:
        return why  # a short run: its end is all of it
    return question_evidence(" ".join(closing), floor.everyone)


def _evidence(floor: Floor, draft: _Draft) -> tuple[PairKind, list[str]]:
    prompt = draft.prompt
    if len(prompt) == 1:  # most prompts: one run
        why, handing = _asks_at_end(floor, prompt[0]), floor.handover[prompt[0]]
    else:
        kinds = [_asks_at_end(floor, k) for k in prompt]
        why = "question mark" if "question mark" in kinds else next(filter(None, kinds), None)
        handing = next(filter(None, (floor.handover[k] for k in prompt)), None)
    evidence = [why] if why else []
    if handing is not None:
        evidence.append(handing)
    if draft.between:
        parts = {floor.part[k] for k in draft.between}
        if ASKER in parts:
            evidence.append("answer goes on past a backchannel")
        if THIRD in parts:
            evidence.append("across a third party's interjection")
    if draft.evidence:
        evidence.extend(e for e in draft.evidence if e not in evidence)
    if not evidence:
        evidence.append("reply follows")
    return (_QUESTION if why else _REMARK), evidence


def _invites(floor: Floor, k: int) -> bool:
    """Whether run k asks for what follows: its last sentence asks, or it asks for
    introductions ("I'll let the panelists introduce themselves")."""
    text = floor.text[k]
    closing = last_sentences(text, 1)  # none when the run says nothing ("Dr. Lee:" alone)
    if "introduc" in text.lower():
        return True
    return bool(closing) and question_evidence(closing[0]) is not None


# The most words of a prompt's last sentence that only introduces its speaker ("I'm Kelly.").
_OWN_NAME_WORDS = 4


def _opens_introductions(prompt: str, reply: str) -> bool:
    """Whether a prompt ends by its speaker saying who they are ("Welcome to the show. I'm
    Kelly."): the others say who they are in turn (however the transcript spells it), a
    round of introductions. A reply that thanks ("Thanks for having me") takes up the
    welcome."""
    if prompt[-1:] == "?":
        return False  # (a prompt that ends asking: most)
    tail = prompt[-60:]
    said = "I'm" in tail or "I am" in tail or "I’m" in tail or "name" in tail
    if not (said or "his is" in tail):
        return False  # (most prompts: no "I'm", "My name is", "This is" near the end)
    last = last_sentences(prompt, 1)
    if not last or word_count(last[0]) > _OWN_NAME_WORDS or not self_introduction(last[0]):
        return False
    return not thanks_back(reply)


def _drafts(floor: Floor, questioned: Mapping[str, NamePattern]) -> Iterator[_Draft | int]:
    """The drafts of the pairs, each once no later prompt can change it, and the indices of
    the turns in no pair, as the window moves past them."""
    part, speaker, text = floor.part, floor.speaker, floor.text
    # (the same objects while the window moves: drop() shifts the opening table in place)
    peer, opening = floor.peer, floor.opening
    window = floor.caps.window
    pending: _Draft | None = None  # the last draft: a later prompt may extend it
    streaming = floor.streaming
    # the next run at which the window is looked at: the last draft closed (see Caps) or
    # the runs behind let go of (a stream)
    look_at = _DROP_EVERY
    forgotten = 0  # (runs loaded whole: those before this one have their facts let go)
    k = 0
    end = len(part)
    while k < end or floor.has(k):
        end = len(part)
        if k >= look_at:
            if pending is not None and k - pending.first > window:
                yield pending  # (degenerate input only: see Caps)
                pending = None
            cut = _cut(floor, k, pending)
            if not streaming:
                if cut - forgotten >= _DROP_EVERY // 2:
                    floor.forget(cut)
                    forgotten = cut
            elif cut >= _DROP_EVERY // 2:
                yield from floor.drop(cut)
                k -= cut
                end -= cut
                if pending is not None:
                    pending.shift(cut)
                yield -cut - 1  # (tells the caller to shift its own indices)
            look_at = min(k + _DROP_EVERY, _closes(pending, window))
        # only an asker's run can open (a cheap test first: most runs are answers)
        if part[k] is not ASKER or not opening[k]:
            k += 1
            continue
        if peer and not floor.peer_prompt(k):
            k += 1
            continue
        draft, j, found = _prompt(floor, k, questioned)
        if not found:
            k = max(j, k + 1)
            continue
        cohost = not peer and part[j] is ASKER
        # (an answerer's run answers: a peer panel has none; floor.answers reads the others)
        replies = part[j] is ANSWERER or floor.answers(j, speaker[draft.prompt[0]])
        if not (cohost or replies):
            k = max(j, k + 1)
            continue
        prompt = draft.prompt
        if len(prompt) > 1:  # (a one-run prompt drops nothing: most)
            dropped = _drop_reactions(floor, draft)
            if dropped and pending is not None:
                pending.between.extend(dropped)
        if (
            self_introduction(text[j]) and not _invites(floor, draft.prompt[-1])
        ) or _opens_introductions(text[draft.prompt[-1]], text[j]):
            k = j + 1  # a round of introductions, not an exchange
            continue
        draft.first = min(draft.prompt[0], draft.between[0]) if draft.between else draft.prompt[0]
        if cohost:
            draft.answer.append(j)
            draft.evidence.append("a co-host asked by name answers")
            k = j + 1
        else:
            k = _answer(floor, draft, j)
            if (
                peer
                and floor.hands_on(j)
                and (k < len(part) or floor.has(k))
                and floor.answers(k, speaker[j])
            ):
                draft.evidence.append("answer ends with a new prompt")
                k = j  # the answer also opens the next pair
        if pending is not None:
            yield pending
        pending = draft
        if draft.first + window + 1 < look_at:  # (min() costs a call: once a pair)
            look_at = draft.first + window + 1
    if pending is not None:
        yield pending
    yield from floor.drop(len(part))


# How often (in runs read) a stream's window lets go of the runs behind it.
_DROP_EVERY = 512
# How many runs back from where the reading is, past third parties, a run's tests look:
# the asker's reply to the answerer's question looks back three runs (``Floor.reversal``).
_LOOK_BACK = 4


def _closes(pending: _Draft | None, window: int) -> int:
    """The run at which the last draft is closed, past the window's cap."""
    return pending.first + window + 1 if pending is not None else 1 << 62


def _cut(floor: Floor, k: int, pending: _Draft | None) -> int:
    """How many runs before run k the window can let go of: those before the last draft
    (which a later prompt may extend) and before the runs the tests of run k and later
    look back on."""
    part = floor.part
    r, seen, limit = k, 0, max(0, k - _LOOK_BACK * (floor.caps.window + 1))
    while r > limit and seen < _LOOK_BACK:
        r -= 1
        if part[r] is not THIRD:
            seen += 1
    return r if pending is None else min(r, pending.first)


def _pairs(floor: Floor) -> Iterator[Pair | int]:
    """Each pair as soon as it is decided, and the indices of the turns in no pair."""
    shared = -1  # the run whose end opens the next prompt, after answering the last one
    index = 0
    # (the window's lists: the same objects as it moves on)
    text, placed, first, ids, turn_text = (
        floor.text,
        floor.placed,
        floor.first,
        floor.ids,
        floor.turn_text,
    )
    for draft in _drafts(floor, floor.parts.questioned):
        if isinstance(draft, int):
            if draft >= 0:
                yield draft
            else:
                shared += draft + 1  # the window let go of -draft - 1 runs
            continue
        kind, evidence = _evidence(floor, draft)
        prompt, answer = draft.prompt, draft.answer
        # the turns of run k: ids[first[k] - base : first[k + 1] - base]
        base = floor.turn_base
        # (most prompts and answers are one whole run: its turns and its text, no joining)
        if len(prompt) == 1:
            k = prompt[0]
            asked = ids[first[k] - base : first[k + 1] - base]
            if k == shared and len(asked) > 1:
                # only the run's last turn is in both pairs; the turns before it answer
                asked = asked[-1:]
                question = turn_text[first[k + 1] - base - 1]
            else:
                question = text[k]
            placed[k] = True
        else:
            asked, said = [], []
            for k in prompt:
                asked += ids[first[k] - base : first[k + 1] - base]
                said += turn_text[first[k] - base : first[k + 1] - base]
                placed[k] = True
            if prompt[0] == shared:
                cut = first[shared + 1] - first[shared] - 1
                asked, said = asked[cut:], said[cut:]
            question = "\n\n".join(said)
        a, shared = answer[0], answer[-1]
        if shared - a == len(answer) - 1:
            # (the answer's runs one after another: most answers) their turns in one slice,
            # their texts joined (a run's text is its turns' joined by a blank line)
            answered = ids[first[a] - base : first[shared + 1] - base]
            reply = text[a] if a == shared else "\n\n".join(text[a : shared + 1])
            placed[a : shared + 1] = [True] * (shared + 1 - a)
        else:
            answered = []
            for k in answer:
                answered += ids[first[k] - base : first[k + 1] - base]
                placed[k] = True
            reply = "\n\n".join([text[k] for k in answer])
        between: list[int] = []
        if draft.between:
            for k in draft.between:
                between += ids[first[k] - base : first[k + 1] - base]
                placed[k] = True
            between.sort()
        # (made without Pair's __init__, which with its keywords and default factories costs
        # four times as much: each of its fields is set here, in the order Pair declares them,
        # which is the order of an unslotted object's __dict__ and so of the JSON orjson
        # writes from it; tests/test_pair_fast.py holds them to Pair's)
        pair = _new(Pair)
        pair.index = index
        pair.kind = kind
        pair.question_turns = asked
        pair.answer_turns = answered
        pair.question = question
        pair.answer = reply
        pair.interjection_turns = between
        pair.evidence = evidence
        yield pair
        index += 1


_new = object.__new__


def _names(names: Mapping[str, Collection[str]] | None) -> dict[str, set[str]]:
    return {speaker: name_words(found) for speaker, found in (names or {}).items()}


def iter_pairs(
    voices: Iterable[Voice],
    parts: Parts,
    names: Mapping[str, Collection[str]] | None = None,
    *,
    caps: Caps = CAPS,
) -> Iterator[Pair | Unpaired]:
    """The pairs of these turns, each as soon as it is decided, and the turns in no pair
    (``Unpaired``, in order), reading the turns one at a time.

    ``parts`` is what pairing needs from the whole transcript first: ``Census`` counts it in
    an earlier pass over the turns (``Census.parts(roles)``), or ``parts_of`` from the runs.
    Pairing holds the runs from the oldest undecided prompt on (a few runs in a
    conversation; at most a few times ``caps.window`` runs on input with none). Collected,
    this is ``build_pairs``: the same pairs, the same unpaired turns.
    """
    floor = Floor(_names(names), caps)
    floor.give_parts(parts)
    floor.stream(iter(voices))
    try:
        for found in _pairs(floor):
            yield found if isinstance(found, Pair) else Unpaired(found)
    finally:
        floor.close()


def build_pairs(
    voices: Sequence[Voice] | Sequence[Said],
    names: Mapping[str, Collection[str]] | None = None,
    *,
    roles: Mapping[str, Role] | None = None,
    caps: Caps = CAPS,
) -> tuple[list[Pair], list[int]]:
    """Pairs and unpaired turn indices for these turns.

    ``names`` maps a speaker id to the names that address them (label, full name, aliases):
    a prompt that calls the next speaker by name hands them the floor. ``roles``: each
    speaker's role, for turns that do not carry theirs (the model's turns, as a parse hands
    them over); without it, each turn is a :class:`Voice` with its role.
    """
    floor = Floor(_names(names), caps)
    floor.load(voices)
    if roles is None:
        said = cast("Sequence[Voice]", voices)
        roles = dict(zip(floor.speaker, [said[a].role for a in floor.first[:-1]], strict=True))
    floor.give_parts(parts_of(floor.speaker, floor.text, roles, names or {}))
    floor.read_opening()
    pairs: list[Pair] = []
    unpaired: list[int] = []
    for found in _pairs(floor):
        if isinstance(found, Pair):
            pairs.append(found)
        else:
            unpaired.append(found)
    floor.close()
    return pairs, unpaired
