"""Which label-shaped prefixes name speakers: the one place where that is decided.

The grammars find every prefix that *looks* like a label. A prefix becomes a speaker turn on
evidence, checked in this order:

1. the user declared it (``--interviewer``, a declared cast): accepted;
2. it is prose-shaped ("He said", "Two options", "Note"): rejected, however often it recurs;
3. it is written in a minority form of the file (``**Break**:`` where every speaker is
   ``**Name:**``) and nothing declares it: rejected;
4. its key recurs (two or more blocks): accepted;
5. its form is evidence by itself (a time beside the name, a bold name with the colon
   inside, a caption voice span): accepted;
6. a one-off label shaped like a generic role or with an honorific is accepted anywhere
   ("Announcer:", "Mr. Park:"); one shaped like a plain name only after the first turn of a
   recurring speaker ("Caller Jim:"), because above the interview "Elena Morozova: ..." is
   more often a headline than a speaker;
7. when nothing recurs (a two-turn exchange), role-shaped and honorific labels are speakers,
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
# Label forms that are evidence in themselves (see the grammars).
STRONG_FORMS = frozenset(
    {
        "TS_LABEL",
        "NAME_CLOCK",
        "CLOCK_NAME",
        "MD_LABEL_IN",
        "MD_LABEL_TIME",
        "voice",
        "json",
        "dash",
    }
)
# A form used by fewer than this share of a file's labels is a minority form.
MINORITY_SHARE = 0.2


def _accept_one_off(info: LabelInfo, after_recurring: bool) -> bool:
    if info.shape is Shape.role or info.honorific:
        return True
    return (
        after_recurring and info.shape is Shape.name and len(info.key.split()) <= MAX_ONE_OFF_WORDS
    )


def _minority_forms(blocks: Sequence[RawBlock], infos: Sequence[LabelInfo | None]) -> set[str]:
    forms = Counter(
        b.form
        for b, i in zip(blocks, infos, strict=True)
        if i is not None and i.shape is not Shape.prose
    )
    total = sum(forms.values())
    if len(forms) < 2:
        return set()
    dominant = forms.most_common(1)[0][0]
    return {f for f, n in forms.items() if f != dominant and n < MINORITY_SHARE * total}


def speaker_blocks(
    blocks: Sequence[RawBlock], declared: Iterable[str] = ()
) -> list[tuple[RawBlock, LabelInfo | None]]:
    """Pair each block with its label analysis, or None where the label is not a speaker.

    Blocks without a label and rejected labels come back with None.
    """
    infos = [analyse(b.label) if b.label is not None else None for b in blocks]
    declared_keys = {analyse(d).key for d in declared}
    minority = _minority_forms(blocks, infos)
    candidates = [
        (b, i)
        for b, i in zip(blocks, infos, strict=True)
        if i is not None
        and (i.key in declared_keys or (i.shape is not Shape.prose and b.form not in minority))
    ]
    counts = Counter(i.key for _, i in candidates)
    recurring = {key for key, n in counts.items() if n >= 2} | (declared_keys & set(counts))
    usable = {id(b) for b, _ in candidates}
    accepted: list[bool] = []
    seen_recurring = False
    for block, info in zip(blocks, infos, strict=True):
        if info is None or id(block) not in usable:
            accepted.append(False)
        elif info.key in recurring or block.form in STRONG_FORMS:
            seen_recurring = seen_recurring or info.key in recurring
            accepted.append(True)
        else:
            accepted.append(_accept_one_off(info, seen_recurring))
    if not recurring and not any(accepted):
        accepted = _without_recurrence(
            [i if id(b) in usable else None for b, i in zip(blocks, infos, strict=True)]
        )
    return [(b, i if ok else None) for b, i, ok in zip(blocks, infos, accepted, strict=True)]


def _without_recurrence(infos: Sequence[LabelInfo | None]) -> list[bool]:
    """Rule 7: a short exchange where no label repeats."""
    strong = [i is not None and (i.shape is Shape.role or i.honorific) for i in infos]
    names = {i.key for i in infos if i is not None and i.shape is Shape.name}
    if len(names) >= 2:
        return [s or (i is not None and i.key in names) for s, i in zip(strong, infos, strict=True)]
    return strong
