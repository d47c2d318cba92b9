"""Conduct decides as its plain reading does (issue 17: roles made cheap on 100,000 labels).

``conduct()`` works each fact about a turn out once, on first use, shares the words of
spellings with the role step, and finds the speakers a co-host mention names through an
index of name words. ``plain_conduct`` below is the same reading written the obvious way:
every speaker's name words up front, each fact recomputed where it is asked, every speaker
tried against every co-host mention, the phrase patterns run without their gates. The
property holds the two equal on generated conversations, field by field; if a change to
``conduct.py`` changes what it decides, this fails (change the reading here too, on purpose).
"""

from __future__ import annotations

import dataclasses
import math
import re

from hypothesis import given, settings
from hypothesis import strategies as st

from interview_parser.resolve import conduct as c
from interview_parser.resolve.labels import analyse, words_of
from interview_parser.resolve.roles import assign_roles
from interview_parser.resolve.speakers import SpeakerGroup, group_speakers


def _has(pattern: re.Pattern[str] | c._Lazy, text: str) -> bool:
    return bool(pattern.search(text))


def _prompts(plain: str) -> bool:
    if _has(c._REQUEST, plain):
        return True
    return any(c._QUESTION.search(s) and c._asks(s) for s in c._sentences(plain))


def _hosts(plain: str) -> bool:
    return (
        _has(c._HOSTING, plain)
        or _has(c._STEERING, plain)
        or _has(c._SHOW, plain)
        or c._asks_what_about(plain)
    )


def _ends(plain: str) -> bool:
    if not _prompts(plain):
        return False
    last = c._last_sentence(plain)
    return bool(last) and _prompts(c._unquoted(last))


def _capitalised(text: str) -> set[str]:
    found = c._WORD.finditer(text)
    return {w for m in found if m.group()[0].isupper() for w in words_of(m.group())}


def _names(group: SpeakerGroup, texts: list[str]) -> set[str]:
    spellings = [group.label, group.name or "", *group.aliases]
    for text in texts:
        spellings.extend(m.group(1) for m in c._SELF_NAME.finditer(text) if m.group(1)[0].isupper())
    return {
        w
        for spelling in spellings
        for w in words_of(spelling)
        if len(w) > 1 and re.sub(r"['\-]", "", w).isalpha() and w not in c._NOT_NAMES
    }


def _calls(text: str, addressed: set[str]) -> bool:
    if len(text) > c.CALL_WORDS * c._LONGEST_WORD:
        return False
    found = list(c._WORD.finditer(text))
    if not found or len(found) > c.CALL_WORDS:
        return False
    named = [m for m in found if m.group()[0].isupper() and set(words_of(m.group())) & addressed]
    if not named:
        return (
            len(found) <= c.BARE_CALL_WORDS
            and all(m.group()[0].isupper() for m in found)
            and text.rstrip().endswith(("?", "？"))
        )
    rest = text
    for m in reversed(named):
        rest = rest[: m.start()] + rest[m.end() :]
    sentences = [s for s in c._sentences(c._unquoted(rest)) if c._WORD.search(s)]
    return not (sentences and _prompts(sentences[-1]))


def plain_conduct(
    groups: list[SpeakerGroup], turns: list[tuple[SpeakerGroup, str]]
) -> dict[str, c.Conduct]:
    chosen = c._read(turns)
    said: dict[str, list[str]] = {g.id: [] for g in groups}
    for i in chosen:
        said[turns[i][0].id].append(turns[i][1])
    names = {g.id: _names(g, said[g.id]) for g in groups}
    tally = {ident: c.Conduct() for ident in said}

    def plain(i: int) -> str:
        return c._unquoted(turns[i][1])

    def later(i: int) -> SpeakerGroup | None:
        nxt = turns[i + 1][0] if i + 1 < len(turns) else None
        return None if nxt is None or nxt is turns[i][0] else nxt

    def addressed(i: int) -> set[str]:
        nxt = later(i)
        return set() if nxt is None else names[nxt.id] - names[turns[i][0].id]

    def addresses(i: int) -> bool:
        # a name in quotation marks addresses nobody: it must be in the unquoted text too
        lower = plain(i).lower()
        return (
            later(i) is not None
            and any(word in lower for word in addressed(i))
            and bool(addressed(i) & _capitalised(turns[i][1]))
        )

    def names_call(i: int) -> bool:
        return later(i) is not None and _calls(turns[i][1], addressed(i))

    def calls(i: int) -> bool:
        return names_call(i) or (
            i + 2 < len(turns)
            and len({turns[i][0].id, turns[i + 1][0].id, turns[i + 2][0].id}) == 3
            and not names_call(i + 1)
            and _ends(plain(i + 1))
            and c._mostly_question(plain(i + 1))
            and addresses(i)
        )

    back: dict[int, bool] = {}
    for i in chosen:
        group, text = turns[i]
        if 0 < i < len(turns) - 1:
            before, after = turns[i - 1][0], turns[i + 1][0]
            back[i] = (
                before is not group
                and after is before
                and _prompts(plain(i))
                and _prompts(plain(i - 1))
                and not back.get(i - 1, False)
                and _ends(plain(i - 1))
            )
        mine = tally[group.id]
        mine.turns += 1
        asked_back = back.get(i, False)
        mine.asked_back += asked_back
        call = calls(i)
        prompt = _prompts(plain(i)) and not asked_back and not call
        steering = _hosts(plain(i))
        nxt = turns[i + 1] if i + 1 < len(turns) and turns[i + 1][0] is not group else None
        size = len(text.split())
        mine.words += size
        mine.calls += call
        handing = nxt is not None and (prompt or steering) and addresses(i)
        ends = prompt and _ends(plain(i)) and (steering or handing or not c._tagged(plain(i)))
        yields = ends
        prev = turns[i - 1][0] if i > 0 and turns[i - 1][0] is not group else None
        taken_up = nxt is not None and nxt[0] is not prev
        if prev is not None and calls(i - 1):
            mine.called += 1
            yields = yields or (taken_up and prompt)
        elif prev is not None and not ends and _ends(plain(i - 1)):
            mine.answering += 1
        if yields:
            mine.asking_words += size
        for other in groups:
            if other is not group and any(
                _has(c._COHOST, s) and names[other.id] & _capitalised(s) for s in c._sentences(text)
            ):
                tally[other.id].cohost_of.add(group.id)
        mine.handed += handing
        mine.hosting += steering or handing
        mine.conducting += prompt or steering or handing
        mine.prompts += prompt
        if ends and nxt is not None:
            mine.replies.append(math.log2((len(nxt[1].split()) + 1) / (size + 1)))
    return tally


LABELS = ["Host", "Dr. Ana Ruiz", "Ben Okoro", "Speaker 2", "THE CHAIR", "Ms. Lee (Radio)", "Lee"]
PIECES = st.sampled_from(
    [
        "Ana",
        "Ben",
        "Lee,",
        "Dr. Ruiz",
        "Okoro?",
        "what do you think?",
        "Why?",
        "Is that right?",
        "It works, you know?",
        "You ship it soon, right?",
        "I wanted to ask about the budget.",
        "Welcome back to the show.",
        "my co-host Ben",
        "Let's talk about rivers.",
        "What about the dam?",
        "It's the Harbour Notes Podcast.",
        "Hi, I'm Carla.",
        "please begin.",
        '"What is this?"',
        "We dug a long trench by hand and it took the whole summer.",
        "Yes.",
        "Thank you.",
        "¿Verdad?",
        "Next question.",
    ]
)
TURNS = st.lists(
    st.tuples(st.sampled_from(LABELS), st.lists(PIECES, min_size=1, max_size=6).map(" ".join)),
    min_size=2,
    max_size=14,
)


def _conversation(
    turns: list[tuple[str, str]],
) -> tuple[list[SpeakerGroup], list[tuple[SpeakerGroup, str]]]:
    groups, owners = group_speakers([analyse(label + ":") for label, _ in turns])
    return groups, list(zip(owners, [text for _, text in turns], strict=True))


@settings(max_examples=300, deadline=None)
@given(turns=TURNS)
def test_conduct_tallies_as_its_plain_reading(turns: list[tuple[str, str]]) -> None:
    groups, spoken = _conversation(turns)
    fast = {k: dataclasses.asdict(v) for k, v in c.conduct(groups, spoken).items()}
    plain = {k: dataclasses.asdict(v) for k, v in plain_conduct(groups, spoken).items()}
    assert fast == plain


def test_late_arrivals_are_tallied_as_their_plain_reading() -> None:
    # Past the opening, each newcomer's first turns are read: the tallies still agree.
    opening = [("Host", "Ana, what happened next?"), ("Dr. Ana Ruiz", "We dug a trench.")]
    late = [(f"Caller {n}", f"Ben, my co-host Ben, why {n}?") for n in range(40)]
    turns = opening * (c.OPENING_TURNS // 2) + late + [("Ben Okoro", "Yes.")]
    groups, spoken = _conversation(turns)
    fast = {k: dataclasses.asdict(v) for k, v in c.conduct(groups, spoken).items()}
    assert fast == {k: dataclasses.asdict(v) for k, v in plain_conduct(groups, spoken).items()}
    assert fast["ben-okoro"]["cohost_of"]  # the late callers' co-host mentions were read


def test_role_decisions_follow_the_tallies() -> None:
    groups, spoken = _conversation(
        [
            ("Host", "Welcome back. Ana, what did you find?"),
            ("Dr. Ana Ruiz", "We dug a long trench by hand and it took the whole summer."),
            ("Host", "Why?"),
            ("Dr. Ana Ruiz", "The machine could not reach the bank, the ground was too soft."),
        ]
    )
    roles = {k: d.role.value for k, d in assign_roles(groups, spoken).items()}
    assert roles == {"host": "interviewer", "dr-ana-ruiz": "interviewee"}
