"""Question-answer pairs from the sequence of turns and the speakers' roles.

A prompt is a run of consecutive interviewer turns; the answer is the run of interviewee
turns right after it. A prompt with no answer (a closing remark) and an answer with no prompt
(a guest who speaks first) stay unpaired; so do turns of speakers who neither ask nor answer.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import pairwise

from ..model import Pair, PairKind, Role
from .text import asks


def build_pairs(roles: Sequence[Role], texts: Sequence[str]) -> tuple[list[Pair], list[int]]:
    """Pairs and unpaired turn indices for turns with these roles and texts."""
    runs: list[tuple[Role, list[int]]] = []
    for i, role in enumerate(roles):
        if runs and runs[-1][0] is role:
            runs[-1][1].append(i)
        else:
            runs.append((role, [i]))
    pairs: list[Pair] = []
    paired = [False] * len(roles)
    for (role, prompt), (next_role, answer) in pairwise(runs):
        if role is not Role.interviewer or next_role is not Role.interviewee:
            continue
        question = texts[prompt[0]] if len(prompt) == 1 else "\n\n".join(texts[i] for i in prompt)
        pairs.append(
            Pair(
                index=len(pairs),
                kind=PairKind.question if asks(question) else PairKind.remark,
                question_turns=prompt,
                answer_turns=answer,
                question=question,
                answer=texts[answer[0]]
                if len(answer) == 1
                else "\n\n".join(texts[i] for i in answer),
            )
        )
        for i in prompt:
            paired[i] = True
        for i in answer:
            paired[i] = True
    return pairs, [i for i, done in enumerate(paired) if not done]
