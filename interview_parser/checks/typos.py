"""Which known label is one edit from a given one, without comparing it with every label.

The label-typo rule (``checks/speakers.py``) asks, for every speaker and every label-shaped
line, whether a known label differs from it by one inserted, deleted, changed or swapped
letter. Comparing each with each is quadratic: 10,000 labels took 28 s and 100,000 did not
finish. Two keys one edit apart share a *cut* instead (a key less one of its letters):

- the speakers among themselves (:func:`earliest_one_edit`, a self-join: each label among
  the better ones) are all known at once, so they are compared a column at a time
  (:func:`nearest`): each key's cut at place ``i`` is another key, or another key's cut at
  ``i``, and each key with letters ``i`` and ``i + 1`` swapped is another key; whole lists
  are built and intersected as sets, and Python loops only over what matches;
- a few targets asked about one query at a time (the declared cast, lines read as text)
  are a :class:`OneEditIndex` of tables filled once with each key and each key less one
  letter:

  - ``whole``: the keys themselves: the other key is the query less one letter, or the
    query with two neighbouring letters swapped (each swap of the query is looked up);
  - ``longer``: each key less its letter ``i`` (the query is the other key less one letter);
  - ``at``: each key less its letter ``i``, with ``i`` and whether that letter is a digit:
    a query less its letter ``i`` meets the keys that differ from it only there (a changed
    letter; a digit for a digit is not looked up, it does not count).

  The tables hold hashes, not the shortened keys (hundreds of megabytes saved at 100,000
  labels), and only the best key filed under each (and in ``at`` the second best); what is
  found is confirmed by :func:`one_edit`. (Two different entries in one slot of 64 bits,
  about one chance in 10^18 a pair, could hide a typo; they never invent one.)

Both cost the squares of the key lengths, so keys longer than :data:`MAX_KEY` are left out
(a real label is far shorter; the rule documents the bound).
"""

from __future__ import annotations

import random
from collections.abc import Iterable, Iterator, Sequence
from itertools import compress, repeat
from operator import add, and_, itemgetter, ne
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
        """``found`` bettered by ``other``, the best key in "at" ``slot``, when it is one
        edit from ``key`` (else by the second best there)."""
        if one_edit(self._keys[other], key):
            return other
        other = self._at_second.get(slot, found)
        return other if other < found and one_edit(self._keys[other], key) else found


def earliest_one_edit(keys: Sequence[str], ask: Sequence[bool]) -> list[int | None]:
    """For each key that ``ask`` asks about, the position of the first earlier key one edit
    from it (None when there is none, or when not asked): a self-join.

    Every key is known before the join, so it runs a column at a time (:func:`nearest`)
    rather than through :class:`OneEditIndex` a key at a time.
    """
    ranks: dict[str, int] = {}  # each key (up to MAX_KEY) -> the rank of its first time
    first: list[int] = []  # rank -> the position of that first time
    for position, key in enumerate(keys):
        if len(key) <= MAX_KEY and key not in ranks:
            ranks[key] = len(first)
            first.append(position)
    near = nearest(list(ranks))
    found: list[int | None] = []
    seen = 0  # a key is compared with the keys seen before it
    for key, asked in zip(keys, ask, strict=True):
        rank = ranks.get(key, -1)
        best = near[rank] if asked and rank >= 0 else seen
        found.append(first[best] if best < seen else None)
        seen += rank == seen
    return found


def nearest(keys: list[str]) -> list[int]:
    """For each of ``keys`` (distinct), the least index of another key one edit from it
    (:func:`one_edit`), or ``len(keys)`` when there is none.

    Keys of one length at a time, one letter place at a time: each key less its letter
    ``i`` (its *cut*) is another key (one letter less), or the cut of another key (a letter
    changed there), and each key with letters ``i`` and ``i + 1`` swapped is another key.
    Each of these is a list built and compared as a whole (set intersections), so Python
    loops only over what matches: a tenth of a million keys of ten letters takes about a
    second (a key at a time, through tables of every cut, took three).
    """
    best = [len(keys)] * len(keys)
    index = {key: rank for rank, key in enumerate(keys)}
    lengths: dict[int, list[int]] = {}
    for rank, key in enumerate(keys):
        lengths.setdefault(len(key), []).append(rank)
    for length, ranks in lengths.items():
        bucket = [keys[r] for r in ranks]
        shorter = {keys[r] for r in lengths.get(length - 1, ())}
        before: set[str] = set()  # the cuts at the place before
        column = ""
        for i in range(length):
            cuts = _cut(bucket, i)
            if shorter:  # this letter less, another key
                found = shorter.intersection(cuts)
                for rank, cut in _among(found, ranks, cuts):
                    _pair(best, rank, index[cut])
            column, previous = "".join(map(itemgetter(i), bucket)), column
            distinct = set(cuts)
            if not any(map(str.isdigit, column)):
                if len(distinct) < len(cuts):
                    _changed(best, ranks, cuts)
            elif not column.isdigit():  # (all digits: a digit for a digit does not count)
                flags = list(map(str.isdigit, column))
                _changed_with_digits(best, ranks, cuts, flags)
            # Letters i - 1 and i swapped: "PxyS" and "PyxS" share the cut "PxS", at i in
            # the first and at i - 1 in the second; only such keys are swapped and looked up.
            found = before.intersection(cuts)
            if found:
                _swapped(best, index, i, ranks, cuts, found, previous, column)
            before = distinct
    return best


def _swapped(
    best: list[int],
    index: dict[str, int],
    i: int,
    ranks: list[int],
    cuts: list[str],
    found: set[str],
    previous: str,
    column: str,
) -> None:
    """Keys with letters ``i - 1`` and ``i`` swapped: those whose cut at ``i`` is in
    ``found`` (the cuts at ``i - 1``) and whose two letters differ (equal letters swap into
    the key itself) are swapped and looked up, as lists. The relation is symmetric, and
    both keys of a pair are among those looked up, so each takes only its own best."""
    chosen = list(map(and_, map(found.__contains__, cuts), map(ne, previous, column)))
    # A key with letters i - 1 and i swapped is its cut at i with letter i put back at i - 1
    # (in C, as lists: most of the keys may be chosen).
    cut = list(compress(cuts, chosen))
    heads = map(add, map(itemgetter(slice(None, i - 1)), cut), compress(column, chosen))
    swaps = list(map(add, heads, map(itemgetter(slice(i - 1, None)), cut)))
    others = map(index.get, swaps, repeat(len(best)))  # len(best): no such key
    for rank, other in zip(compress(ranks, chosen), others, strict=True):
        if other < best[rank]:
            best[rank] = other


def _cut(keys: list[str], i: int) -> list[str]:
    """``[key[:i] + key[i + 1 :] for key in keys]``, in C (a list of a tenth of a million keys
    for each letter place)."""
    heads, tails = map(itemgetter(slice(None, i)), keys), map(itemgetter(slice(i + 1, None)), keys)
    return list(map(add, heads, tails))


def _among(
    found: set[str], ranks: list[int], texts: list[str], values: list[str] | None = None
) -> Iterator[tuple[int, str]]:
    """The (rank, text) pairs whose text is in ``found`` (the others skipped in C), or
    (rank, value) pairs for those texts when ``values`` are given."""
    pairs = zip(ranks, texts if values is None else values, strict=True)
    return compress(pairs, map(found.__contains__, texts))


def _pair(best: list[int], a: int, b: int) -> None:
    """``a`` and ``b`` are one edit apart: each may be the other's best."""
    if b < best[a]:
        best[a] = b
    if a < best[b]:
        best[b] = a


def _changed(best: list[int], ranks: list[int], cuts: list[str]) -> None:
    """Keys whose cuts at one place are equal differ only in that letter (ranks ascend)."""
    if len(set(cuts)) == len(cuts):
        return
    least: dict[str, int] = {}
    second: dict[str, int] = {}  # the best of the others, for the least itself
    for rank, cut in zip(ranks, cuts, strict=True):
        if cut not in least:
            least[cut] = rank
        elif cut not in second:
            second[cut] = rank
    for rank, cut in zip(ranks, cuts, strict=True):
        other = least[cut] if least[cut] != rank else second.get(cut, best[rank])
        if other < best[rank]:
            best[rank] = other


def _changed_with_digits(
    best: list[int], ranks: list[int], cuts: list[str], flags: list[bool]
) -> None:
    """:func:`_changed` where some of the letters are digits: a digit changed to another
    does not count, a letter to a letter or a digit does."""
    letters = [not flag for flag in flags]
    letter_ranks, letter_cuts = list(compress(ranks, letters)), list(compress(cuts, letters))
    _changed(best, letter_ranks, letter_cuts)
    digit_ranks, digit_cuts = list(compress(ranks, flags)), list(compress(cuts, flags))
    found = set(letter_cuts).intersection(digit_cuts)
    if not found:
        return
    least_letter: dict[str, int] = {}
    for rank, cut in _among(found, letter_ranks, letter_cuts):
        least_letter.setdefault(cut, rank)
    least_digit: dict[str, int] = {}
    for rank, cut in _among(found, digit_ranks, digit_cuts):
        least_digit.setdefault(cut, rank)
        _pair(best, rank, least_letter[cut])
    for rank, cut in _among(found, letter_ranks, letter_cuts):
        _pair(best, rank, least_digit[cut])
