"""Which known label is one edit from a given one, without comparing it with every label.

The label-typo rule (``checks/speakers.py``) asks, for every speaker and every label-shaped
line, whether a known label differs from it by one inserted, deleted, changed or swapped
letter. Comparing each with each is quadratic: 10,000 labels took 28 s and 100,000 did not
finish. This index answers from a deletion neighbourhood instead: two keys one edit apart
always meet in one of these tables, filled once with each key and each key less one letter.

- ``whole``: the keys themselves (the other key is the query less one letter);
- ``longer``: each key less its letter ``i`` (the query is the other key less one letter);
- ``at``: each key less its letter ``i``, with ``i`` and whether that letter is a digit: a
  query less its letter ``i`` meets the keys that differ from it only there (a changed
  letter; a digit for a digit is not looked up, it does not count);
- ``swap``: each key less its letter ``i``, with ``i`` and the letter: a query less its
  letter ``i + 1``, with ``i`` and that letter, meets the key where that letter and the one
  before it are swapped.

The tables hold hashes, not the shortened keys (hundreds of megabytes saved at 100,000
labels), and only the best key filed under each; what is found is confirmed by
:func:`one_edit`. (Two different entries in one slot of 64 bits, about one chance in 10^18 a
pair, could hide a typo; they never invent one.)
Building costs the squares of the key lengths, so keys longer than :data:`MAX_KEY` are not
indexed (a real label is far shorter; the rule documents the bound).
"""

from __future__ import annotations

import functools
import random
from collections.abc import Iterable
from typing import Generic, TypeVar

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
# each position (and digit or not, for "at"): cheaper than hashing a tuple at every letter.
_MIX = random.Random(17)
_AT = [_MIX.getrandbits(63) for _ in range(2 * MAX_KEY)]
_SWAP = [_MIX.getrandbits(63) for _ in range(MAX_KEY)]


_DIGIT_ONLY, _EITHER = (0,), (0, 1)


@functools.lru_cache(maxsize=1024)
def _letter(letter: str) -> int:
    """A letter's own mix (not its bare hash: "a" less "1" and "1" less "a" would meet)."""
    return (hash(letter) * 0x9E3779B97F4A7C15) & 0x7FFFFFFFFFFFFFFF


class OneEditIndex(Generic[T]):
    """Keys with a value each, added best first; :meth:`best` finds the best one edit away."""

    def __init__(self, entries: Iterable[tuple[str, T]]) -> None:
        self._keys: list[str] = []
        self._values: list[T] = []
        self._whole: dict[str, int] = {}
        # Slots -> the best rank filed there (a table of lists costs twice the memory); only
        # "at" may need more than its best, in "at_more".
        self._longer: dict[int, int] = {}
        self._swap: dict[int, int] = {}
        self._at: dict[int, int] = {}
        self._at_more: dict[int, list[int]] = {}
        for key, value in entries:
            if key in self._whole or len(key) > MAX_KEY:
                continue  # the first (best) entry of a key speaks for it
            rank = len(self._keys)
            self._whole[key] = rank
            self._keys.append(key)
            self._values.append(value)
            for i, letter in enumerate(key):
                rest = hash(key[:i] + key[i + 1 :])
                self._longer.setdefault(rest, rank)
                self._swap.setdefault(rest ^ _SWAP[i] ^ _letter(letter), rank)
                slot = rest ^ _AT[2 * i + letter.isdigit()]
                if self._at.setdefault(slot, rank) != rank:
                    self._at_more.setdefault(slot, []).append(rank)

    def best(self, key: str) -> T | None:
        """The value of the best-ranked key one edit from ``key``, or None."""
        keys = self._keys
        if not keys or len(key) > MAX_KEY:
            return None
        found = len(keys)
        rank = self._longer.get(hash(key))
        if rank is not None and one_edit(key, keys[rank]):
            found = rank
        whole, swap, at = self._whole.get, self._swap.get, self._at.get  # (a hot loop)
        for i, letter in enumerate(key):
            shorter = key[:i] + key[i + 1 :]
            rank = whole(shorter, found)  # the other key has this letter less
            if rank < found:
                found = rank
            rest = hash(shorter)
            if i:  # the other has this letter one place earlier, swapped with its neighbour
                rank = swap(rest ^ _SWAP[i - 1] ^ _letter(letter), found)
                if rank < found and one_edit(key, keys[rank]):
                    found = rank
            # A letter changed here (a digit for a digit does not count: not looked up).
            for digit in _DIGIT_ONLY if letter.isdigit() else _EITHER:
                slot = rest ^ _AT[2 * i + digit]
                rank = at(slot, found)
                if rank >= found:
                    continue
                if one_edit(key, keys[rank]):
                    found = rank
                    continue
                for rank in self._at_more.get(slot, ()):
                    if rank >= found:
                        break
                    if one_edit(key, keys[rank]):
                        found = rank
                        break
        return self._values[found] if found < len(keys) else None
