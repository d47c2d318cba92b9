"""Question-answer pairs: a small model of who holds the floor, from turns and roles.

Speakers are askers, answerers or third parties, and turns are read as runs of one speaker
(``floor``). A **prompt** starts at an asker's run that opens an exchange: not an
acknowledgement inside an answerer's ongoing speech ("Yeah.", "Now, you had-" when the same
answerer goes on), not the asker's reply to the answerer's own question ("Which is this?" /
"The diversion."). It takes in the co-hosts' runs that follow, skips third parties'
interjections (an objection, then the restated question), and skips the answerer's
interjections that do not reply to it (a backchannel inside an unfinished prompt, or
finishing the previous answer). The **answer**
starts at the next answerer's run and runs on -- other answerers, the asker's
acknowledgements -- until the next prompt starts. A prompt nobody answers, and a reply that
is only a self-introduction, make no pair. In a peer panel an answer that ends by asking
someone else is also the prompt of the next pair, so one turn can belong to two pairs.

Each pair carries its evidence: why its kind (``asking``), and what the floor model saw
("addressed by name", "answer goes on past a backchannel", "across a third party's
interjection", ...).
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, field

from ..model import Pair, PairKind
from ..words import word_count
from .asking import last_sentences, question_evidence
from .cues import (
    backchannel_shaped,
    continuer,
    cut_off,
    floor_phrase,
    name_words,
    reaction,
    self_introduction,
    starts_reacting,
)
from .floor import Floor, Part, Run, Voice, give_parts, runs_of

__all__ = ["Voice", "build_pairs"]


@dataclass(slots=True)
class _Draft:
    prompt: list[int]
    answer: list[int] = field(default_factory=list)
    between: list[int] = field(default_factory=list)
    evidence: list[str] = field(default_factory=list)


def _interjects(floor: Floor, prompt: list[int], j: int) -> bool:
    """Whether answerer run j interjects inside the prompt instead of replying to it."""
    after = floor._next(j, 1)
    if after is None or floor.runs[after].part is not Part.asker or not floor.opens(after):
        return False
    said = floor.runs[prompt[-1]].text
    follow = floor.runs[after].text[:8].lstrip()
    reply = floor.runs[j].text
    if cut_off(said) and word_count(said) <= 6:
        return True  # the prompt broke off at once; the answerer finishes something else
    if follow[:1] in "—–…" or follow.startswith(("...", "- ")):
        # the asker picks up the sentence they broke off, past an acknowledgement
        return backchannel_shaped(reply, said)
    if floor.kind[prompt[-1]] is not None:
        return False  # it asked: whatever comes is a reply
    return continuer(reply)


def _prompt(floor: Floor, start: int) -> tuple[_Draft, int]:
    """The prompt opened by run ``start`` and the index of the run that answers it (or the
    index where the search stopped, with an empty answer)."""
    draft = _Draft([start])
    asker = floor.runs[start].speaker
    third_seen = False
    j = start + 1
    while j < len(floor.runs):
        run = floor.runs[j]
        if run.part is Part.third:
            draft.between.append(j)
            third_seen = True
        elif floor.answers(j, asker):
            if not floor.peer and _interjects(floor, draft.prompt, j):
                draft.between.append(j)
                draft.evidence.append("prompt goes on past the answerer's interjection")
            else:
                return draft, j
        elif run.part is Part.asker:
            if floor.peer:
                return draft, j  # nobody took it up: the next speaker opens anew
            last = floor.runs[draft.prompt[-1]].text
            dropped = not floor.kind[draft.prompt[-1]] and not cut_off(last)
            if third_seen and ((floor.kind[j] and dropped) or run.speaker != asker):
                # after an objection the asker dropped it and asks anew, or the chair gave
                # the floor to another asker
                draft, asker = _Draft([j]), run.speaker
            else:
                draft.prompt.append(j)
            # a third party's word stays in the air until the asker asks again
            third_seen = third_seen and floor.kind[j] is None
        j += 1
    return draft, j


def _drop_reactions(floor: Floor, draft: _Draft) -> list[int]:
    """Leading asker runs that only close the previous exchange, when a later run of the
    block opens what the answerer replies to; they are returned.

    A block whose first run acknowledges the previous speaker ("Awesome, thanks. Next
    question ... [answered by the host]") or asks a co-host who answers it starts at the
    first later run that ends by asking or handing over the floor. Other blocks start at
    their first run, as co-hosts' runs in turn are one prompt.
    """
    prompt = draft.prompt
    if len(prompt) < 2:
        return []
    opening = [
        floor.ends_asking[k]
        and not (
            i + 1 < len(prompt)
            and floor.runs[prompt[i + 1]].speaker != floor.runs[k].speaker
            and not floor.ends_asking[prompt[i + 1]]
        )  # a co-host answered it: an exchange among hosts
        for i, k in enumerate(prompt)
    ]
    if opening[0]:
        return []
    first = floor.runs[prompt[0]].text
    host_exchange = floor.ends_asking[prompt[0]]
    if not (host_exchange or reaction(first) or starts_reacting(first)):
        return []
    cut = next((i for i, flag in enumerate(opening) if flag), 0)
    if cut:
        draft.prompt = prompt[cut:]
        draft.evidence.append("after a co-host's reaction")
    return prompt[:cut]


def _answer(floor: Floor, draft: _Draft, first: int) -> int:
    """Fill the answer from run ``first``; return the run where the next exchange starts."""
    draft.answer.append(first)
    asker = floor.runs[draft.prompt[0]].speaker
    j = first + 1
    while j < len(floor.runs):
        run = floor.runs[j]
        if run.part is Part.third:
            return j
        if floor.peer:
            return j
        if run.part is Part.asker:
            if floor.opens(j):
                return j
            draft.between.append(j)
        elif floor.answers(j, asker):
            draft.answer.append(j)
        j += 1
    return j


def _evidence(floor: Floor, draft: _Draft) -> tuple[PairKind, list[str]]:
    kinds = [floor.kind[k] for k in draft.prompt]
    why = "question mark" if "question mark" in kinds else next(filter(None, kinds), None)
    evidence = [why] if why else []
    handing = next((k for k in draft.prompt if floor.handover[k]), None)
    if handing is not None:
        said = floor.runs[handing].text
        evidence.append("hands over the floor" if floor_phrase(said) else "addressed by name")
    if draft.between:
        parts = {floor.runs[k].part for k in draft.between}
        if Part.asker in parts:
            evidence.append("answer goes on past a backchannel")
        if Part.third in parts:
            evidence.append("across a third party's interjection")
    evidence.extend(e for e in draft.evidence if e not in evidence)
    if not evidence:
        evidence.append("reply follows")
    return (PairKind.question if why else PairKind.remark), evidence


def _invites(floor: Floor, k: int) -> bool:
    """Whether run k asks for what follows: its last sentence asks, or it asks for
    introductions ("I'll let the panelists introduce themselves")."""
    text = floor.runs[k].text
    closing = last_sentences(text, 1)
    return "introduc" in text.lower() or question_evidence(*closing) is not None


def _drafts(floor: Floor) -> list[_Draft]:
    drafts: list[_Draft] = []
    k = 0
    while k < len(floor.runs):
        if not floor.opens(k) or (floor.peer and not floor.peer_prompt(k)):
            k += 1
            continue
        draft, j = _prompt(floor, k)
        if j >= len(floor.runs) or not floor.answers(j, floor.runs[draft.prompt[0]].speaker):
            k = max(j, k + 1)
            continue
        dropped = _drop_reactions(floor, draft)
        if dropped and drafts:
            drafts[-1].between.extend(dropped)
        if self_introduction(floor.runs[j].text) and not _invites(floor, draft.prompt[-1]):
            k = j + 1  # a round of introductions, not an exchange
            continue
        k = _answer(floor, draft, j)
        goes_on = k < len(floor.runs) and floor.answers(k, floor.runs[j].speaker)
        if floor.peer and floor.peer_prompt(j) and goes_on:
            draft.evidence.append("answer ends with a new prompt")
            k = j  # the answer also opens the next pair
        drafts.append(draft)
    return drafts


def _text(runs: list[Run], part: list[int], texts: list[str], turns: list[int]) -> str:
    """The text of a prompt or an answer: its turns joined by a blank line."""
    return runs[part[0]].text if len(part) == 1 else "\n\n".join(texts[t] for t in turns)


def build_pairs(
    voices: Sequence[Voice], names: Mapping[str, Collection[str]] | None = None
) -> tuple[list[Pair], list[int]]:
    """Pairs and unpaired turn indices for these turns.

    ``names`` maps a speaker id to the names that address them (label, full name, aliases):
    a prompt that calls the next speaker by name hands them the floor.
    """
    runs = runs_of(voices)
    peer = give_parts(runs, voices)
    words = {speaker: name_words(found) for speaker, found in (names or {}).items()}
    floor = Floor(runs, words, peer)
    pairs: list[Pair] = []
    placed: set[int] = set()
    texts = [v.text for v in voices]
    for draft in _drafts(floor):
        kind, evidence = _evidence(floor, draft)
        asked = [t for k in draft.prompt for t in runs[k].turns]
        answered = [t for k in draft.answer for t in runs[k].turns]
        between = sorted(t for k in draft.between for t in runs[k].turns) if draft.between else []
        placed.update(asked, answered, between)
        pairs.append(
            Pair(
                index=len(pairs),
                kind=kind,
                question_turns=asked,
                answer_turns=answered,
                interjection_turns=between,
                # most prompts and answers are one run: its text is theirs, no joining
                question=_text(runs, draft.prompt, texts, asked),
                answer=_text(runs, draft.answer, texts, answered),
                evidence=evidence,
            )
        )
    unpaired = [i for i in range(len(voices)) if i not in placed]
    return pairs, unpaired
