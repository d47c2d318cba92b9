"""Question-answer pairs from the sequence of turns and the speakers' roles.

A prompt is a run of consecutive interviewer turns; the answer is the run of interviewee
turns right after it. A prompt with no answer (a closing remark) and an answer with no prompt
(a guest who speaks first) stay unpaired; so do turns of speakers who neither ask nor answer.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import groupby, pairwise

from ..model import Pair, PairKind, Role
from .text import asks


def build_pairs(roles: Sequence[Role], texts: Sequence[str]) -> tuple[list[Pair], list[int]]:
    """Pairs and unpaired turn indices for turns with these roles and texts."""
    runs = [
        (role, [i for i, _ in items])
        for role, items in groupby(enumerate(roles), key=lambda item: item[1])
    ]
    pairs: list[Pair] = []
    paired: set[int] = set()
    for (role, prompt), (next_role, answer) in pairwise(runs):
        if role is not Role.interviewer or next_role is not Role.interviewee:
            continue
        question = "\n\n".join(texts[i] for i in prompt)
        pairs.append(
            Pair(
                index=len(pairs),
                kind=PairKind.question if asks(question) else PairKind.remark,
                question_turns=prompt,
                answer_turns=answer,
                question=question,
                answer="\n\n".join(texts[i] for i in answer),
            )
        )
        paired.update(prompt)
        paired.update(answer)
    return pairs, [i for i in range(len(roles)) if i not in paired]
