"""Which known label is one edit from a given one, without comparing it with every label.

The label-typo rule (``checks/speakers.py``) asks, for every speaker and every label-shaped
line, whether a known label differs from it by one inserted, deleted, changed or swapped
letter. Comparing each with each is quadratic: 10,000 labels took 28 s and 100,000 did not
finish. This index answers from a deletion neighbourhood instead: two keys one edit apart
always meet in one of these tables, filled once with each key and each key less one letter.

- ``whole``: the keys themselves: the other key is the query less one letter, or the query
  with two neighbouring letters swapped (each swap of the query is looked up as it is);
- ``longer``: each key less its letter ``i`` (the query is the other key less one letter);
- ``at``: each key less its letter ``i``, with ``i`` and whether that letter is a digit: a
  query less its letter ``i`` meets the keys that differ from it only there (a changed
  letter; a digit for a digit is not looked up, it does not count).

The tables hold hashes, not the shortened keys (hundreds of megabytes saved at 100,000
labels), and only the best key filed under each; what is found is confirmed by
:func:`one_edit`. (Two different entries in one slot of 64 bits, about one chance in 10^18 a
pair, could hide a typo; they never invent one.)
Building costs the squares of the key lengths, so keys longer than :data:`MAX_KEY` are not
indexed (a real label is far shorter; the rule documents the bound).
"""

from __future__ import annotations

import random
from collections.abc import Iterable, Sequence
from typing import Generic, TypeVar, cast

T = TypeVar("T")

# Longest key compared, in characters (a label of 64 letters is no label anybody types).
MAX_KEY = 64


def one_edit(a: str, b: str) -> bool:
    """Whether ``a`` and ``b`` differ by one insertion, deletion, substitution or swap (a
    changed digit does not count: "Speaker 1" and "Speaker 2" are two speakers)."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) > len(b):
        a, b = b, a
    i = next((k for k, (x, y) in enumerate(zip(a, b, strict=False)) if x != y), len(a))
    if len(a) < len(b):
        return a[i:] == b[i + 1 :]
    if a[i + 1 :] == b[i + 1 :]:
        return not (a[i].isdigit() and b[i].isdigit())
    return a[i + 2 :] == b[i + 2 :] and a[i] == b[i + 1] and a[i + 1] == b[i]


# Table slots are the hash of the shortened key mixed with fixed random numbers, one for
# each position and digit or not: cheaper than hashing a tuple at every letter.
_MIX = random.Random(17)
_AT = [_MIX.getrandbits(63) for _ in range(2 * MAX_KEY)]
_LETTER_AT = _AT[0::2]  # the letter cut at i is not a digit
_DIGIT_AT = _AT[1::2]  # it is a digit


class OneEditIndex(Generic[T]):
    """Keys with a value each, added best first; :meth:`best` finds the best one edit away.

    (A self-join, each key among the better ones, is :func:`earliest_one_edit`.)
    """

    def __init__(self, entries: Iterable[tuple[str, T]] = ()) -> None:
        self._keys: list[str] = []
        self._values: list[T] = []
        self._whole: dict[str, int] = {}
        # Slots -> the best rank filed there (a table of lists costs twice the memory). In
        # "at" the best may be the query itself (or, once in 10^18, a collision): "at_second"
        # keeps the second best, which is then another key one edit away.
        self._longer: dict[int, int] = {}
        self._at: dict[int, int] = {}
        self._at_second: dict[int, int] = {}
        for key, value in entries:
            self._walk(key, value, ask=False, add=True)

    def best(self, key: str) -> T | None:
        """The value of the best-ranked key one edit from ``key``, or None."""
        return self._walk(key, None, ask=True, add=False)

    def _walk(self, key: str, value: T | None, *, ask: bool, add: bool) -> T | None:
        keys = self._keys
        if len(key) > MAX_KEY:
            return None
        # (a hot loop: every table a local name, each slot worked out once)
        whole, longer, at, at_second = self._whole, self._longer, self._at, self._at_second
        add = add and key not in whole
        ask = ask and bool(keys)
        found = rank = len(keys)
        if ask:
            older = longer.get(hash(key))  # the other key has one letter more
            if older is not None and one_edit(key, keys[older]):
                found = older
        last = len(key) - 1
        for i, letter in enumerate(key):
            shorter = key[:i] + key[i + 1 :]
            rest = hash(shorter)
            digit = letter.isdigit()
            letter_slot = rest ^ _LETTER_AT[i]
            own = rest ^ _DIGIT_AT[i] if digit else letter_slot
            if ask:
                other = whole.get(shorter, found)  # the other key has this letter less
                if other < found:
                    found = other
                if i < last and letter != key[i + 1]:  # this letter and the next swapped
                    swapped = shorter[: i + 1] + letter + shorter[i + 1 :]
                    other = whole.get(swapped, found)
                    if other < found:
                        found = other
                # This letter changed to a letter (or, a digit, to a letter: a digit for a
                # digit does not count, it is not looked up) ...
                other = at.get(letter_slot, found)
                if other < found:
                    found = self._changed(key, letter_slot, other, found)
                if not digit:  # ... or, a letter, to a digit
                    slot = rest ^ _DIGIT_AT[i]
                    other = at.get(slot, found)
                    if other < found:
                        found = self._changed(key, slot, other, found)
            if add:
                longer.setdefault(rest, rank)
                if at.setdefault(own, rank) != rank:
                    at_second.setdefault(own, rank)
        best = self._values[found] if found < len(keys) else None
        if add:
            whole[key] = rank
            keys.append(key)
            self._values.append(cast(T, value))  # (a value is given whenever add is)
        return best

    def _changed(self, key: str, slot: int, other: int, found: int) -> int:
        return _changed(self._keys, self._at_second, key, slot, other, found)


def _changed(
    keys: list[str], at_second: dict[int, int], key: str, slot: int, other: int, found: int
) -> int:
    """``found`` bettered by ``other``, the best key in "at" ``slot``, when it is one edit
    from ``key`` (else by the second best there)."""
    if one_edit(keys[other], key):
        return other
    other = at_second.get(slot, found)
    return other if other < found and one_edit(keys[other], key) else found


def earliest_one_edit(keys: Sequence[str], ask: Sequence[bool]) -> list[int | None]:
    """For each key that ``ask`` asks about, the position of the first earlier key one edit
    from it (None when there is none or when not asked): a self-join in one pass.

    As :class:`OneEditIndex`, but every key is known before the pass: a key one letter
    shorter than an earlier one is found from the longer key's side (its letter cut off is
    a key), so the pass files no "longer" table (a tenth of a million keys of ten letters
    saves a million slots).
    """
    ranks: dict[str, int] = {}  # each key (up to MAX_KEY) -> the rank of its first time
    for key in keys:
        if len(key) <= MAX_KEY:
            ranks.setdefault(key, len(ranks))
    ranked = list(ranks)
    first = [0] * len(ranked)  # rank -> position of that key's first time
    at: dict[int, int] = {}
    at_second: dict[int, int] = {}
    longer: dict[int, int] = {}  # rank -> the best rank of a key one letter longer
    found: list[int | None] = []
    below: list[int] = []  # each position's bound: the keys seen before it
    seen = 0
    for position, (key, asked) in enumerate(zip(keys, ask, strict=True)):
        rank = ranks.get(key, -1)
        add = rank == seen
        best = seen
        below.append(seen)
        if rank < 0 or not ((asked and seen) or add):  # too long; or nothing to ask or file
            found.append(None)
            continue
        last = len(key) - 1
        for i, letter in enumerate(key):
            shorter = key[:i] + key[i + 1 :]
            other = ranks.get(shorter)
            if other is not None:  # a key one letter shorter: better, or of this one
                if other < best:
                    best = other
                longer.setdefault(other, rank)
            rest = hash(shorter)
            digit = letter.isdigit()
            letter_slot = rest ^ _LETTER_AT[i]
            if asked:
                if i < last and letter != key[i + 1]:  # this letter and the next swapped
                    other = ranks.get(shorter[: i + 1] + letter + shorter[i + 1 :], best)
                    if other < best:
                        best = other
                other = at.get(letter_slot, best)  # to a letter (a digit for a digit: no)
                if other < best:
                    best = _changed(ranked, at_second, key, letter_slot, other, best)
                if not digit:  # a letter to a digit
                    slot = rest ^ _DIGIT_AT[i]
                    other = at.get(slot, best)
                    if other < best:
                        best = _changed(ranked, at_second, key, slot, other, best)
            if add:
                own = rest ^ _DIGIT_AT[i] if digit else letter_slot
                if at.setdefault(own, rank) != rank:
                    at_second.setdefault(own, rank)
        if add:
            first[rank] = position
            seen += 1
        found.append(best if asked else None)
    for position, asked_best in enumerate(found):
        if asked_best is not None:
            # ... or a key one letter longer, found from its side
            best = min(asked_best, longer.get(ranks[keys[position]], asked_best))
            found[position] = first[best] if best < below[position] else None
    return found
