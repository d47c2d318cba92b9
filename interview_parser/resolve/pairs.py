"""Question-answer pairs from the sequence of turns and the speakers' roles.

A prompt is a run of consecutive interviewer turns; the answer is the run of interviewee
turns right after it. A prompt with no answer (a closing remark) and an answer with no prompt
(a guest who speaks first) stay unpaired; so do turns of speakers who neither ask nor answer.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..model import Pair, PairKind, Role
from .text import asks


def build_pairs(roles: Sequence[Role], texts: Sequence[str]) -> tuple[list[Pair], list[int]]:
    """Pairs and unpaired turn indices for turns with these roles and texts."""
    count = len(roles)
    # Runs of one role: run k is turns bounds[k] .. bounds[k + 1] - 1. Neighbouring runs
    # differ in role, so a run is the prompt of at most one pair or its answer, never both.
    bounds = [0, *(i for i in range(1, count) if roles[i] is not roles[i - 1]), count]
    runs = len(bounds) - 1
    pairs: list[Pair] = []
    unpaired: list[int] = []
    asker, answerer = Role.interviewer, Role.interviewee  # enum lookups once, not per run
    question_kind, remark_kind = PairKind.question, PairKind.remark
    k = 0
    while k < runs:
        first, middle = bounds[k], bounds[k + 1]
        if k + 1 == runs or roles[first] is not asker or roles[middle] is not answerer:
            unpaired.extend(range(first, middle))
            k += 1
            continue
        last = bounds[k + 2]
        # Most prompts and answers are one turn: no slicing or joining for those.
        question = texts[first] if middle - first == 1 else "\n\n".join(texts[first:middle])
        answer = texts[middle] if last - middle == 1 else "\n\n".join(texts[middle:last])
        pairs.append(
            Pair(
                index=len(pairs),
                kind=question_kind if asks(question) else remark_kind,
                question_turns=[first] if middle - first == 1 else list(range(first, middle)),
                answer_turns=[middle] if last - middle == 1 else list(range(middle, last)),
                question=question,
                answer=answer,
            )
        )
        k += 2
    return pairs, unpaired
