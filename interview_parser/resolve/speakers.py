"""Group accepted labels into speakers: one person, one speaker, however it is spelt.

Spellings of one label share a key (``Dr. Morozova`` / ``Dr Morozova``; ``Editor (Time.news)``
/ ``Editor``). Two more equivalences join keys: a label may introduce a short form
(``Peter McCormack (PM):`` then ``PM:``), and a bare surname or a bare given name names the
one speaker whose full-name label ends or begins with it (``SOLEDAD O'BRIEN, CNN ANCHOR:``
then ``O'BRIEN:``; ``Lena Ortiz (host):`` then ``Lena:``).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from ..model import CastMember
from .labels import LabelInfo, Shape, name_key


@dataclass(slots=True)
class SpeakerGroup:
    """A speaker while it is being resolved (mutable; becomes a model Speaker at the end).

    ``infos`` holds each distinct label analysis once, in order of first appearance;
    ``name_counts`` how many turns use each spelling.
    """

    id: str
    infos: list[LabelInfo] = field(default_factory=list)
    name: str | None = None
    description: str | None = None
    name_counts: Counter[str] = field(default_factory=Counter)

    @property
    def label(self) -> str:
        """The spelling used most often (the first of equals), without qualifiers."""
        counts = self.name_counts
        if len(counts) == 1:  # (most speakers: one spelling)
            return next(iter(counts))
        return max(counts, key=counts.__getitem__)  # max keeps the first of equals

    @property
    def aliases(self) -> list[str]:
        label = self.label
        seen: dict[str, None] = {}
        for info in self.infos:
            if info.raw != label and info.name:  # (a question's number names nobody)
                seen.setdefault(info.raw, None)
            if info.alias and info.alias != label:
                seen.setdefault(info.alias, None)
        return list(seen)

    @property
    def affiliation(self) -> str | None:
        return next((i.affiliation for i in self.infos if i.affiliation), None)

    @property
    def keys(self) -> set[str]:
        if len(self.infos) == 1 and not self.infos[0].alias:  # (most speakers)
            return {self.infos[0].key}
        keys = {i.key for i in self.infos}
        keys.update(name_key(i.alias) for i in self.infos if i.alias)
        return keys


def _slug(text: str) -> str:
    folded = text.casefold()
    if folded.isalnum():  # (one word of letters and digits: nothing to replace)
        return folded
    return _NOT_WORD.sub("-", folded).strip("-") or "speaker"


_NOT_WORD = re.compile(r"[^\w]+")


def _alias_map(infos: Sequence[LabelInfo], cast: Sequence[CastMember]) -> dict[str, str]:
    """Map a key to the key of the speaker it is another name for (``infos``: each label's
    analysis once)."""
    mapping: dict[str, str] = {}
    for member in cast:
        for alias in member.aliases:
            mapping.setdefault(name_key(alias), name_key(member.label))
    for info in infos:
        if info.alias:
            mapping.setdefault(name_key(info.alias), info.key)
    name = Shape.name  # (a local: an Enum class's attribute costs a call)
    owners = short_owners(i.key for i in infos if i.shape is name)
    for short, full in owners.items():
        mapping.setdefault(short, full)
    return mapping


def short_owners(keys: Iterable[str]) -> dict[str, str]:
    """The full name that each short form among ``keys`` stands for (name keys): a surname
    alone or after initials ("o'brien", "s o'brien" of "soledad o'brien"), or a given name
    alone ("lena" of "lena ortiz", as podcasts write a guest's full name once and then the
    first name). A short form that two full names share stands for neither.

    Found through the full names' first and last words, so that no label is compared with
    every other (100,000 distinct labels stay linear)."""
    distinct = list(dict.fromkeys(keys))
    # (a short form is no full name of its own: "s o'brien" and "o'brien" both stand for
    # "soledad o'brien")
    full = [k for k in distinct if " " in k and not may_be_short(k)]
    if not full:
        return {}  # (no full name: no short form of one; most files)
    by_last = by_surname(full)
    by_first: dict[str, list[str]] = {}
    for key in full:
        by_first.setdefault(key.partition(" ")[0], []).append(key)
    owners: dict[str, str] = {}
    for key in distinct:
        found: set[str] = set()
        if may_be_short(key):
            last = key.rpartition(" ")[2]
            found.update(f for f in by_last.get(last, ()) if f != key and short_form(key, f))
        if " " not in key and len(key) > 1:
            found.update(f for f in by_first.get(key, ()) if f != key)
        if len(found) == 1:
            owners[key] = found.pop()
    return owners


def may_be_short(key: str) -> bool:
    """Whether a key has the shape of a short form: a surname, after initials or alone."""
    return all(len(word) == 1 for word in key.split()[:-1])


def by_surname(keys: Iterable[str]) -> dict[str, list[str]]:
    """Keys by their last word, each once: the only ones a short form can stand for
    (:func:`short_form` compares last words first), so that finding them does not compare
    every label with every other."""
    found: dict[str, dict[str, None]] = {}
    for key in keys:
        found.setdefault(key.rpartition(" ")[2], {})[key] = None
    return {last: list(keys) for last, keys in found.items()}


def short_form(short: str, full: str) -> bool:
    """Whether ``short`` is a later short form of the full name ``full``: its surname alone
    ("o'brien" of "soledad o'brien") or its surname after initials ("s o'brien")."""
    words, names = short.split(), full.split()
    if words[-1] != names[-1]:
        return False
    initials = words[:-1]
    if len(initials) > len(names) - 1 or any(len(w) != 1 for w in initials):
        return False
    return all(name.startswith(w) for w, name in zip(initials, names, strict=False))


def _identities(infos: Sequence[LabelInfo]) -> set[str]:
    """Keys whose qualifier tells people apart: one call sign or title written with two or
    more different qualifiers ("Заря 1 (Каманин)", "Заря 1 (Королев)") names as many people."""
    qualifiers: dict[str, set[str]] = {}
    for info in infos:
        if "(" not in info.raw:  # (most labels: no qualifier to find)
            continue
        for qualifier in _PARENTHESISED.findall(info.raw):
            qualifiers.setdefault(info.key, set()).add(name_key(qualifier))
    # A longer and a shorter spelling of one role ("Parl. Staatssekretär beim ...") is one.
    return {
        key
        for key, found in qualifiers.items()
        if len(found) >= 2
        and not any(a != b and (a.startswith(b) or b.startswith(a)) for a in found for b in found)
    }


_PARENTHESISED = re.compile(r"\(([^()]+)\)")


def group_speakers(
    infos: Sequence[LabelInfo], cast: Sequence[CastMember] = ()
) -> tuple[list[SpeakerGroup], list[SpeakerGroup]]:
    """Group the labels of accepted turns, in order of first appearance.

    Returns the groups, and for each input label the group it belongs to. A declared cast
    member's aliases join its group, and its name becomes the group's name.
    """
    # analyse() returns one object per label: a long transcript has a handful of distinct ones.
    distinct = list({id(i): i for i in infos}.values())
    groups, group_of = group_labels(distinct, Counter(map(id, infos)), cast)
    return groups, [group_of[id(i)] for i in infos]


def group_labels(
    distinct: Sequence[LabelInfo], turns_of: Mapping[int, int], cast: Sequence[CastMember] = ()
) -> tuple[list[SpeakerGroup], dict[int, SpeakerGroup]]:
    """:func:`group_speakers` from a census: each distinct label analysis of the accepted
    turns once, in order of first appearance, and its number of turns (``turns_of``, by the
    analysis's ``id``). Returns the groups and the group of each analysis (by ``id``):
    memory grows with the labels, not with the turns."""
    mapping = _alias_map(distinct, cast)
    names = {name_key(m.label): m.name for m in cast if m.name}
    groups: dict[str, SpeakerGroup] = {}
    used_ids: set[str] = set()
    group_of: dict[int, SpeakerGroup] = {}
    told_apart = _identities(distinct)
    for info in distinct:
        root = mapping.get(info.key, info.key)
        spelling = info.name
        if info.key in told_apart:
            root = f"{info.key} ({name_key(info.affiliation or '')})"
            spelling = info.raw
        group = groups.get(root)
        if group is None:
            base = _slug(spelling)
            ident, n = base, 2
            while ident in used_ids:
                ident, n = f"{base}-{n}", n + 1
            used_ids.add(ident)
            group = groups[root] = SpeakerGroup(ident, name=names.get(root))
        group.infos.append(info)
        counts = group.name_counts  # (get: a Counter's += on a new key calls __missing__)
        counts[spelling] = counts.get(spelling, 0) + turns_of[id(info)]
        group_of[id(info)] = group
    return list(groups.values()), group_of
