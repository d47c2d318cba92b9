"""Who asks and who answers.

In order of authority: roles the user declared (``--interviewer``), roles the labels carry
(``Editor``, ``Host``, ``Q`` ask; ``Guest``, ``A`` answer), then behaviour. Behaviour scores
each speaker by the share of their turns that ask something, with a bonus for hosting
phrases ("welcome to", "my guest", "joining me") and for opening the conversation; the best
scorers ask. Everyone else answers, except speakers whose labels say they are neither
(``Narrator``, ``Announcer``, ``Interpreter``).
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from ..model import CastMember, Role
from .labels import name_key
from .speakers import SpeakerGroup
from .text import asks

_OTHER_WORDS = frozenset(
    [
        "narrator",
        "announcer",
        "voice",
        "voiceover",
        "voice-over",
        "operator",
        "interpreter",
        "translator",
        "clerk",
        "crowd",
    ]
)
# Phrases only a host says. Questions ("tell me", "what do you think") are not listed: asking
# is already measured, and guests ask back.
_HOSTING = re.compile(
    r"\b(?:welcome (?:to|back)|my guests?|our guests?|joining (?:me|us)|thanks? (?:you )?for "
    r"(?:coming|joining|being)|I'm your host|this is your host|let's (?:dive|jump|get started))\b",
    re.IGNORECASE,
)
# A speaker asks when their score reaches this share of the best score, and this much at least.
RELATIVE_SHARE = 0.7
MIN_SCORE = 0.25
# Weights of the behaviour score: hosting phrases, and how much longer the reply to a
# question is than the question (mean log2 ratio, clipped to [-1, 3]).
HOSTING_WEIGHT = 0.5
REPLY_WEIGHT = 0.1


@dataclass(frozen=True)
class RoleDecision:
    role: Role
    source: str  # "declared", "label" or "behaviour"


def _scores(turns: Sequence[tuple[SpeakerGroup, str]]) -> dict[str, float]:
    """Behaviour score of each speaker: how much they act like the one who asks.

    The share of turns that ask something (smoothed, so one question in one turn is weak
    evidence), the share that hosts ("welcome to", "my guest"), and whether questions draw
    longer replies from somebody else: interviewers ask short questions that get long answers.
    """
    asked: dict[str, int] = {}
    hosted: dict[str, int] = {}
    count: dict[str, int] = {}
    reply: dict[str, list[float]] = {}
    for i, (group, text) in enumerate(turns):
        count[group.id] = count.get(group.id, 0) + 1
        hosted[group.id] = hosted.get(group.id, 0) + bool(_HOSTING.search(text))
        if not asks(text):
            continue
        asked[group.id] = asked.get(group.id, 0) + 1
        if i + 1 < len(turns) and turns[i + 1][0] is not group:
            ratio = (len(turns[i + 1][1].split()) + 1) / (len(text.split()) + 1)
            reply.setdefault(group.id, []).append(math.log2(ratio))
    scores: dict[str, float] = {}
    for ident, n in count.items():
        replies = reply.get(ident, [])
        mean_reply = sum(replies) / len(replies) if replies else 0.0
        scores[ident] = (
            asked.get(ident, 0) / (n + 1)
            + HOSTING_WEIGHT * hosted[ident] / n
            + REPLY_WEIGHT * max(-1.0, min(3.0, mean_reply))
        )
    return scores


def assign_roles(
    groups: Sequence[SpeakerGroup],
    turns: Sequence[tuple[SpeakerGroup, str]],
    declared_interviewers: Iterable[str] = (),
    cast: Sequence[CastMember] = (),
) -> dict[str, RoleDecision]:
    """Map each group id to its role and what decided it."""
    declared = {name_key(d) for d in declared_interviewers}
    cast_roles = {name_key(m.label): m.role for m in cast if m.role is not None}
    decisions: dict[str, RoleDecision] = {}
    for group in groups:
        role = next((cast_roles[k] for k in sorted(group.keys) if k in cast_roles), None)
        if role is not None:
            decisions[group.id] = RoleDecision(role, "declared")
    if declared:
        for group in groups:
            if group.keys & declared:
                decisions[group.id] = RoleDecision(Role.interviewer, "declared")
    else:
        for group in groups:
            hints = {i.role_hint for i in group.infos if i.role_hint is not None}
            if len(hints) == 1 and group.id not in decisions:
                decisions[group.id] = RoleDecision(hints.pop(), "label")
    if not any(d.role is Role.interviewer for d in decisions.values()):
        for ident in _by_behaviour(groups, turns, decisions):
            decisions[ident] = RoleDecision(Role.interviewer, "behaviour")
    # When labels already name who answers (A, Guest), the other voices are colloquy:
    # counsel, the court, an objection. Otherwise whoever does not ask answers.
    answerer_named = any(
        d.role is Role.interviewee and d.source != "behaviour" for d in decisions.values()
    )
    for group in groups:
        if group.id not in decisions:
            words = set(group.label.casefold().split())
            role = Role.other if answerer_named or words & _OTHER_WORDS else Role.interviewee
            source = "declared" if declared else ("label" if role is Role.other else "behaviour")
            decisions[group.id] = RoleDecision(role, source)
    return decisions


def _by_behaviour(
    groups: Sequence[SpeakerGroup],
    turns: Sequence[tuple[SpeakerGroup, str]],
    decided: dict[str, RoleDecision],
) -> list[str]:
    undecided = {g.id for g in groups if g.id not in decided}
    if len(groups) < 2 or not undecided:
        return []
    scores = {i: s for i, s in _scores(turns).items() if i in undecided}
    best = max(scores.values())
    if best < MIN_SCORE:
        return []
    chosen = [i for i, s in scores.items() if s >= max(MIN_SCORE, RELATIVE_SHARE * best)]
    # Somebody has to answer: if everyone scores alike, only the best asks.
    if len(chosen) == len(groups):
        chosen = [max(scores, key=lambda i: scores[i])]
    return chosen
