"""Which label-shaped prefixes name speakers: the one place where that is decided.

The grammar finds every prefix that *looks* like a label. A prefix becomes a speaker turn on
evidence, in this order:

1. the user declared it (``--interviewer``, a declared cast);
2. its key recurs (two or more blocks) and it is not prose-shaped ("He said:" twice is
   still prose);
3. after the first turn of a recurring speaker, a one-off label is a speaker when it is
   shaped like a name or a generic role ("Caller:", "Mr. Park:", "Audience member:");
4. when nothing recurs (a two-turn exchange), role-shaped and honorific labels are speakers,
   and name-shaped ones when there are at least two different names.

Everything before the first accepted turn is the lead (preamble and title). A rejected
prefix is text and stays, unchanged, in the block it interrupts.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence

from ..syntax import RawBlock
from .labels import LabelInfo, Shape, analyse

# Longer one-off "names" are headlines: "Interview With The Best Mayor In Town:".
MAX_ONE_OFF_WORDS = 4


def _accept_one_off(info: LabelInfo) -> bool:
    if info.shape is Shape.role or info.honorific:
        return True
    return info.shape is Shape.name and len(info.key.split()) <= MAX_ONE_OFF_WORDS


def speaker_blocks(
    blocks: Sequence[RawBlock], declared: Iterable[str] = ()
) -> list[tuple[RawBlock, LabelInfo | None]]:
    """Pair each block with its label analysis, or None where the label is not a speaker.

    The lead block (no label) and rejected labels come back with None.
    """
    infos = [analyse(b.label) if b.label is not None else None for b in blocks]
    declared_keys = {analyse(d).key for d in declared}
    counts = Counter(i.key for i in infos if i is not None)
    recurring = {
        key
        for key, n in counts.items()
        if key in declared_keys
        or (
            n >= 2
            and any(i is not None and i.key == key and i.shape is not Shape.prose for i in infos)
        )
    }
    accepted: list[bool] = []
    seen_recurring = False
    for info in infos:
        if info is None:
            accepted.append(False)
            continue
        if info.key in recurring:
            seen_recurring = True
            accepted.append(True)
            continue
        accepted.append(seen_recurring and _accept_one_off(info))
    if not recurring:
        accepted = _without_recurrence(infos)
    return [(b, i if ok else None) for b, i, ok in zip(blocks, infos, accepted, strict=True)]


def _without_recurrence(infos: Sequence[LabelInfo | None]) -> list[bool]:
    """Rule 4: a short exchange where no label repeats."""
    strong = [i is not None and (i.shape is Shape.role or i.honorific) for i in infos]
    names = {i.key for i in infos if i is not None and i.shape is Shape.name}
    if len(names) >= 2:
        return [s or (i is not None and i.key in names) for s, i in zip(strong, infos, strict=True)]
    return strong
