"""The cheap gates in front of the pairing cues' patterns change no answer.

``cues.reaction``, ``cues.self_introduction`` and ``cues.procedural`` rule a text out by its
first characters (ASCII, lower-cased: three for ``reaction``, two for the others) before they
run their pattern. Each gate is a set written out (in the function, or ``_REACTION_HEADS``);
the characters that can start a match are derived here from the pattern itself (its parsed
form), so that a word added to the pattern and not to the gate fails this test instead of
changing what pairing reads. A property test also
compares each gated function with its pattern on texts of words that reactions,
introductions and calls on the proceedings are made of.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from interview_parser.resolve import cues

try:  # Python 3.11 on: the regular expression parser's modules live inside re
    from re import _constants as sre  # type: ignore[attr-defined]
    from re import _parser as sre_parse  # type: ignore[attr-defined]
except ImportError:  # Python 3.10
    import sre_constants as sre  # type: ignore[no-redef]
    import sre_parse  # type: ignore[no-redef]

HEAD = 2  # the characters a gate reads
REACTION_HEAD = 3  # ... reaction's


def _heads(items: list[tuple[Any, Any]], n: int) -> set[str] | None:
    """The lower-cased starts (``n`` characters, or a whole shorter match) that a parsed
    sequence can match; None where a class too large to list (a category) can start it."""
    found = {""}
    for op, av in items:
        longer: set[str] = set()
        for start in found:
            if len(start) >= n:
                longer.add(start)
                continue
            got = _node(op, av, n - len(start))
            if got is None:
                return None
            longer |= {start + g for g in got}
        found = longer
    return found


def _node(op: Any, av: Any, n: int) -> set[str] | None:
    if op is sre.LITERAL:
        return {chr(av).lower()}
    if op is sre.IN:
        chars: set[str] = set()
        for kind, value in av:
            if kind is sre.LITERAL:
                chars.add(chr(value).lower())
            elif kind is sre.RANGE and value[1] - value[0] < 64:
                chars |= {chr(c).lower() for c in range(value[0], value[1] + 1)}
            else:
                return None  # a category or a negated class
        return chars
    if op in (sre.AT, sre.ASSERT, sre.ASSERT_NOT):
        return {""}  # consumes nothing (a lookaround only narrows: a superset is safe)
    if op is sre.BRANCH:
        union: set[str] = set()
        for branch in av[1]:
            got = _heads(branch, n)
            if got is None:
                return None
            union |= got
        return union
    if op is sre.SUBPATTERN:
        return _heads(av[3], n)
    if op in (sre.MAX_REPEAT, sre.MIN_REPEAT):
        low, high, item = av
        repeats: set[str] = set()
        for k in range(low, min(high, low + n + 1) + 1):
            got = _heads(list(item) * k, n)
            if got is None:
                return None
            repeats |= got
        return repeats
    return None


def _derived(
    pattern: re.Pattern[str], *, skip_leading_blanks: bool = False, head: int = HEAD
) -> set[str]:
    """The ASCII heads of ``pattern``'s matches. ``skip_leading_blanks``: the pattern opens
    with ``^`` and ``[\\W_]*``, which match nothing before a letter or digit (the gates
    apply only to texts that open on one)."""
    items = list(sre_parse.parse(pattern.pattern, pattern.flags))
    if skip_leading_blanks:
        while items and items[0][0] in (sre.AT, sre.MAX_REPEAT):
            items = items[1:]
    found = _heads(items, head)
    assert found is not None, f"cannot list the starts of {pattern.pattern[:60]!r}"
    return {h for h in found if h.isascii()}


def _gate(function: Callable[..., object]) -> frozenset[str]:
    """The set a gate tests, a constant of the function's code."""
    (found,) = [c for c in function.__code__.co_consts if isinstance(c, frozenset)]
    return found


@pytest.mark.parametrize(
    ("function", "pattern", "skip"),
    [
        (cues.self_introduction, cues._INTRO, True),
        (cues.procedural, cues._PROCEDURAL_START, True),
    ],
    ids=["self_introduction", "procedural"],
)
def test_every_start_of_a_match_passes_the_gate(
    function: Callable[..., object], pattern: re.Pattern[str], skip: bool
) -> None:
    missing = _derived(pattern, skip_leading_blanks=skip) - _gate(function)
    assert not missing, f"add {sorted(missing)} to the gate of {function.__name__}"


def test_every_start_of_a_reaction_passes_its_gate() -> None:
    missing = _derived(cues._REACTION, head=REACTION_HEAD) - cues._REACTION_HEADS
    assert not missing, f"add {sorted(missing)} to cues._REACTION_HEADS"


def test_a_short_match_is_not_shorter_than_the_gate() -> None:
    # the gate reads two characters of a text that may be one long: no match is that short
    assert all(len(h) == HEAD for h in _derived(cues._INTRO, skip_leading_blanks=True))
    starts = _derived(cues._PROCEDURAL_START, skip_leading_blanks=True)
    assert all(len(h) == HEAD for h in starts)
    # reaction's reads three, and the first two of them for a reaction of two characters
    # (a text "ok." or "ok," opens on the clause "ok"): none is shorter
    assert all(len(h) >= 2 for h in _derived(cues._REACTION, head=REACTION_HEAD))


def test_the_derivation_can_fail() -> None:
    # a start the gate lacks is found: the check above is not vacuous
    assert "zz" in _derived(re.compile("(?:yeah|zzz)", re.IGNORECASE)) - _gate(cues.procedural)
    assert "zzz" in (
        _derived(re.compile("(?:yeah|zzzz)", re.IGNORECASE), head=REACTION_HEAD)
        - cues._REACTION_HEADS
    )


WORDS = st.sampled_from(
    [
        *("yeah", "Yes", "OK", "okay", "oh", "Cool", "That's", "that is", "really", "a"),
        *("100", "percent", "I", "I'm", "i’m", "my", "name", "is", "this", "And", "so", "Hi"),
        *("well", "Ann", "Plan", "traffic", "mm-hmm", "d'accord", "sí", "Of", "course"),
        *("interesting", "point", "Got", "it", "thanks", "No", "way", "ſo", "\u212aay"),
        *("ok", "Oh", "hm", "Mm", "uh-huh", "um", "ja", "Aha", "hah", "Cool", "Coll", "Okey"),
        *("Objection", "object", "order", "sustained", "Overruled", "The", "witness", "may"),
        *("we", "time", "has", "expired", "don't", "guess", "Point", "of", "ſustained"),
    ]
)
SEPARATORS = st.sampled_from([" ", ", ", ". ", "! ", "? ", " - ", "’", "'", "", "\u00a0"])
TEXTS = st.lists(st.tuples(WORDS, SEPARATORS), max_size=6).map(
    lambda pairs: "".join(w + s for w, s in pairs)
)


@settings(max_examples=500, deadline=None)
@given(text=TEXTS)
def test_the_gated_cues_read_as_their_patterns(text: str) -> None:
    assert cues.reaction(text) == cues._made_of(cues._REACTION, text)
    first = text[:1]
    intro = (first in cues._INTRO_FIRST or not first.isalnum()) and bool(cues._INTRO.match(text))
    assert cues.self_introduction(text) == intro
    if cues._PROCEDURAL_START.match(text):  # (the gate rules out only the opening pattern)
        assert cues.procedural(text)
