"""Which known label is one edit from a given one, without comparing it with every label.

The label-typo rule (``checks/speakers.py``) asks, for every speaker and every label-shaped
line, whether a known label differs from it by one inserted, deleted, changed or swapped
letter. Comparing each with each is quadratic: 10,000 labels took 28 s and 100,000 did not
finish. This index answers from a deletion neighbourhood instead (the keys with one letter
deleted, hashed): two keys one edit apart always share an entry of it, and the entry says
which edit it is, so every key found is a true match and none needs checking again.

- a changed letter at ``i``: both keys without letter ``i`` are equal (bucket ``"s", i``);
- a letter more or less: the shorter key is the longer without one letter;
- two neighbours swapped at ``i``: the one key without letter ``i`` equals the other
  without letter ``i + 1``, and the deleted letters are equal (bucket ``"t", i, letter``).

A bucket lists its keys best first, so a query stops at the first key that counts.

Building costs the squares of the key lengths, so keys longer than :data:`MAX_KEY` are not
indexed (a real label is far shorter; the rule documents the bound).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Generic, TypeVar

T = TypeVar("T")

# Longest key compared, in characters (a label of 64 letters is no label anybody types).
MAX_KEY = 64

_Bucket = tuple[object, ...]


class OneEditIndex(Generic[T]):
    """Keys with a value each, added best first; :meth:`best` finds the best one edit away."""

    def __init__(self, entries: Iterable[tuple[str, T]]) -> None:
        self._values: list[T] = []
        self._buckets: dict[_Bucket, list[tuple[int, str, str]]] = {}
        seen: set[str] = set()
        for key, value in entries:
            if key in seen or len(key) > MAX_KEY:
                continue  # the first (best) entry of a key speaks for it
            seen.add(key)
            rank = len(self._values)
            self._values.append(value)
            for bucket, letter in _entries(key):
                self._buckets.setdefault(bucket, []).append((rank, letter, key))

    def best(self, key: str) -> T | None:
        """The value of the best-ranked key one edit from ``key`` (a changed digit does not
        count: "Speaker 1" and "Speaker 2" are two speakers), or None."""
        if len(key) > MAX_KEY:
            return None
        found: int | None = None
        for bucket, letter in _queries(key):
            for rank, other, other_key in self._buckets.get(bucket, ()):
                if found is not None and rank >= found:
                    break  # each bucket is in rank order
                if other_key == key or not _counts(bucket, letter, other):
                    continue
                found = rank
                break
        return None if found is None else self._values[found]


def _entries(key: str) -> Iterable[tuple[_Bucket, str]]:
    """Where a key is filed: whole, and once a deleted letter (three ways, for the edits)."""
    yield ("whole", key), ""
    for i, letter in enumerate(key):
        rest = key[:i] + key[i + 1 :]
        yield ("s", rest, i), letter  # a letter changed at i
        yield ("d", rest), ""  # a letter more than `rest`
        yield ("t", rest, i, letter), letter  # swapped with the letter after it


def _queries(key: str) -> Iterable[tuple[_Bucket, str]]:
    """The buckets where a key one edit from ``key`` is filed."""
    yield ("d", key), ""  # a key with a letter more
    for i, letter in enumerate(key):
        rest = key[:i] + key[i + 1 :]
        yield ("s", rest, i), letter
        yield ("whole", rest), ""  # a key with a letter less
        if i:  # key[i] was key[i - 1] in the other key, and they swapped
            yield ("t", rest, i - 1, letter), letter


def _counts(bucket: _Bucket, mine: str, theirs: str) -> bool:
    """Whether an edit counts: a changed digit does not."""
    return bucket[0] != "s" or not (mine.isdigit() and theirs.isdigit())
