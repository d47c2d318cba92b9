"""Which label-shaped prefixes name speakers: the one place where that is decided.

The grammars find every prefix that *looks* like a label. A prefix becomes a speaker turn on
evidence, checked in this order:

1. the user declared it (``--interviewer``, a declared cast): accepted;
2. it is prose-shaped ("He said", "Two options", "Note"): rejected, however often it recurs,
   unless it is a chat handle (one lower-case word: "alice", "mod_sam") that recurs with a
   layout mark beside it (a time, angle brackets, "@", chevrons) over words of its own;
3. it is written in a minority form of the file (``**Break**:`` where every speaker is
   ``**Name:**``), has no title ("THE COURT:" among "Q." markers keeps its own) and nothing
   declares it: rejected;
4. its key recurs (two or more blocks): accepted;
5. its form is evidence by itself (a time beside the name, a bold name with the colon
   inside, a caption voice span), or a time is written beside it ("Danny: [00:30:21]"):
   accepted;
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

import re
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence

from ..syntax import RawBlock
from ..words import NOT_SPEAKERS
from .labels import LabelInfo, Shape, analyse, name_key
from .speakers import short_owners

# Longer one-off "names" are headlines: "Interview With The Best Mayor In Town:".
MAX_ONE_OFF_WORDS = 4
# Forms in which the format itself names the speaker (a caption voice tag, a JSON or CSV
# speaker field, a numbered question's number): a speaker whatever its shape ("bell hooks",
# "alice", "3."), like a declared one.
# The other rules are for labels found in prose.
FORMAT_DECLARED = frozenset({"voice", "json", "csv", "cue-label", "cue-name", "question"})
# Label forms that are evidence in themselves (see the grammars).
STRONG_FORMS = (
    frozenset(
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
    | FORMAT_DECLARED
)
# A form used by fewer than this share of a file's labels is a minority form.
MINORITY_SHARE = 0.2


def _accept_one_off(info: LabelInfo, after_recurring: bool) -> bool:
    if info.shape is Shape.role or info.honorific:
        return True
    return (
        after_recurring and info.shape is Shape.name and len(info.key.split()) <= MAX_ONE_OFF_WORDS
    )


_HANDLE = re.compile(r"[^\W\d_][\w.\-]*")


def _is_handle(label: str, info: LabelInfo) -> bool:
    """Whether a prose-shaped label is a chat handle in a label's place: one word that
    starts in lower case ("alice", "mod_sam", "li.wei") with a layout mark beside it, a time
    ("alice  10:02 AM"), angle brackets ("<mod_sam>"), "@" or chevrons. A lower-case word
    at the start of a line of prose has none."""
    name = info.name
    if not name[:1].islower() or not _HANDLE.fullmatch(name) or info.key in NOT_SPEAKERS:
        return False
    return info.time is not None or label.lstrip().startswith(("<", "@", ">"))


def _handles(
    blocks: Iterable[RawBlock],
    counts: Counter[tuple[str | None, str]],
    info: dict[str | None, LabelInfo],
) -> set[tuple[str | None, str]]:
    """The (label, form) signatures that are chat handles (:func:`_is_handle`) whose name
    recurs over words of its own: prose-shaped, yet speakers. A handle over no words is a
    line of speech that looks like one ("at 10:30" below a label)."""
    found: set[tuple[str | None, str]] = {
        (label, form)
        for label, form in counts
        if label is not None and info[label].shape is Shape.prose and _is_handle(label, info[label])
    }
    if not found:
        return found
    keys: Counter[str] = Counter(
        info[b.label].key for b in blocks if (b.label, b.form) in found and b.text.strip()
    )
    return {(label, form) for label, form in found if keys[info[label].key] >= 2}


# Prose-shaped prefixes that take turns (see _turn_takers): at most this many people...
TURN_TAKERS = 6
# ... whose prefixes open at least this share of the blocks, the speaker changing at least
# this share of the time from one to the next.
TURN_TAKERS_SHARE = 0.8


def _turn_takers(
    blocks: Iterable[RawBlock],
    counts: Counter[tuple[str | None, str]],
    info: dict[str | None, LabelInfo],
) -> set[tuple[str | None, str]]:
    """The (label, form) signatures of prose-shaped prefixes that are a file's speakers all
    the same ("lena ortiz:", "i:" and "r:", written in lower case): a few of them, each
    recurring, open nearly every block, and the speaker changes from one block to the next
    nearly every time. A prefix of prose ("note:", "he said:") opens a paragraph now and then,
    not every one in turn."""
    prose = {
        (label, form)
        for (label, form), n in counts.items()
        if n >= 2 and info[label].shape is Shape.prose and info[label].key
    }
    if not prose or len({info[label].key for label, _ in prose}) > TURN_TAKERS:
        return set()  # (most files: no recurring prose-shaped prefix)
    total = opened = changes = 0
    last: str | None = None
    for block in blocks:
        total += 1
        if (block.label, block.form) not in prose:
            continue
        opened += 1
        key = info[block.label].key
        changes += last is not None and key != last
        last = key
    if opened < TURN_TAKERS_SHARE * total or changes < TURN_TAKERS_SHARE * (opened - 1):
        return set()
    return prose


def _minority_forms(
    counts: Counter[tuple[str | None, str]], info: dict[str | None, LabelInfo]
) -> set[str]:
    """Forms used by fewer than MINORITY_SHARE of the labels that are not prose."""
    forms: Counter[str] = Counter()
    for (label, form), n in counts.items():
        if info[label].shape is not Shape.prose:
            forms[form] += n
    total = sum(forms.values())
    if len(forms) < 2:
        return set()
    dominant = forms.most_common(1)[0][0]
    return {f for f, n in forms.items() if f != dominant and n < MINORITY_SHARE * total}


Signature = tuple[str | None, str]  # a block's (label, form)


class LabelCensus:
    """The evidence rules' census of a transcript's labels: one pass over the blocks counts
    each distinct (label, form) signature, and the rules then decide each signature once
    (:meth:`decide` looks the decision up for the blocks of any later pass).

    Holds nothing per block: the counts and each label's analysis and decision. Only rule 6
    depends on a block's place (a one-off name only after the first block of a recurring
    speaker) and on its text (a one-off label over a list or a header field is none): a
    label decided there does not recur, so it has one block, and one more look at the
    blocks decides all of them, where there are any.
    """

    def __init__(self, blocks: Iterable[RawBlock], declared: Iterable[str] = ()) -> None:
        # (counted in C; the blocks without a label taken out after)
        counts: Counter[Signature] = Counter((b.label, b.form) for b in blocks)
        for unlabelled in [s for s in counts if s[0] is None]:
            del counts[unlabelled]
        self.counts = counts
        info = self.info = {label: analyse(label) for label, _ in counts}
        declared_keys = {analyse(d).key for d in declared}
        minority = _minority_forms(counts, info)
        handles = _handles(blocks, counts, info) | _turn_takers(blocks, counts, info)
        # One loop a distinct signature for each step (100,000 distinct labels are 100,000
        # signatures); the enum members as locals (an attribute of an Enum class is a
        # descriptor call each time).
        prose = Shape.prose
        usable: list[Signature] = []  # in order of first appearance
        key_counts: dict[str, int] = {}
        for signature in counts:
            label, form = signature
            found = info[label]
            if (
                signature in handles
                or found.key in declared_keys
                or form in FORMAT_DECLARED
                or (found.shape is not prose and (form not in minority or found.honorific))
            ):
                usable.append(signature)
                key_counts[found.key] = key_counts.get(found.key, 0) + counts[signature]
        _count_short_forms(key_counts, [info[label] for label, _ in usable])
        recurring = {k for k, n in key_counts.items() if n >= 2} | (declared_keys & set(key_counts))
        # Rules 4 and 5 accept a (label, form) wherever it is (sure); rule 6 depends on the
        # position. The labels whose text need not be read (exempt): a speaker the format
        # names, whatever its text, and one that recurs or is declared (all of them sure).
        # The others do not recur (once): one block each, decided where it stands.
        sure: set[Signature] = set()
        exempt: set[Signature] = set()
        once: set[Signature] = set()
        for signature in usable:
            label, form = signature
            found = info[label]
            recurs = found.key in recurring
            if recurs or form in STRONG_FORMS or found.time is not None:
                sure.add(signature)
            if recurs or form in FORMAT_DECLARED or found.key in declared_keys:
                exempt.add(signature)
            else:
                once.add(signature)
        placed = self._place(blocks, once, sure, recurring) if once else {}
        # each accepted signature's analysis, in order of first appearance
        self.accept = {s: info[s[0]] for s in counts if s in exempt or placed.get(s)}
        if not recurring and not self.accept:
            # rule 7, where no label recurs and nothing is accepted: by the labels' shapes
            accepted = _without_recurrence([info[s[0]] for s in usable])
            self.accept = {s: info[s[0]] for s, ok in zip(usable, accepted, strict=True) if ok}

    def _place(
        self,
        blocks: Iterable[RawBlock],
        once: set[Signature],
        sure: set[Signature],
        recurring: set[str],
    ) -> dict[Signature, bool]:
        """Rule 6 (and the text of a one-off label) for the signatures of one block each."""
        info = self.info
        opened = {s for s in sure if info[s[0]].key in recurring}  # a recurring speaker's
        seen_recurring = False
        placed: dict[Signature, bool] = {}
        for block in blocks:
            signature = (block.label, block.form)
            if signature in once:
                ok = signature in sure or _accept_one_off(info[block.label], seen_recurring)
                # a show-note heading ("**Resources:**" over links), a header field
                # ("Presenter: Kevin Gibbons (KG)") or a heading in the shape of a name over
                # nothing ("Question-and-Answer Session" right above "Operator"): a one-off
                # label over no speech (a role, "Host:", may say nothing yet)
                text, said = block.text, info[block.label]
                header = (not text.strip() and said.shape is Shape.name) or _is_header_field(
                    said, text
                )
                placed[signature] = ok and not (_is_list(text) or header)
                if len(placed) == len(once):
                    break
            elif not seen_recurring and signature in opened:
                seen_recurring = True
        return placed

    def accepted(self) -> Iterator[tuple[Signature, LabelInfo, int]]:
        """Each accepted signature with its analysis and its number of blocks, in order of
        first appearance."""
        for signature, info in self.accept.items():
            yield signature, info, self.counts[signature]

    def decide(self, blocks: Iterable[RawBlock]) -> Iterator[tuple[RawBlock, LabelInfo | None]]:
        """Each block with its label analysis, or None where the label is not a speaker."""
        get = self.accept.get
        for block in blocks:
            yield block, get((block.label, block.form))


def speaker_blocks(
    blocks: Sequence[RawBlock], declared: Iterable[str] = ()
) -> list[tuple[RawBlock, LabelInfo | None]]:
    """Pair each block with its label analysis, or None where the label is not a speaker.

    Blocks without a label and rejected labels come back with None. Every rule but the
    one-off rule depends on a block's label and form alone, so the rules run once for each
    distinct (label, form), however long the transcript (:class:`LabelCensus`).
    """
    return list(LabelCensus(blocks, declared).decide(blocks))


_LIST_ITEM = re.compile(r"[^\S\n]*(?:[-*•+]|\d{1,3}[.)])[^\S\n]")


def _is_list(text: str) -> bool:
    """Whether a block's text is nothing but list items with links (show notes), not speech
    (a caption's dialogue dashes are list-shaped too, but link nothing)."""
    lines = [line for line in text.split("\n") if line.strip()]
    if not lines or not all(_LIST_ITEM.match(line) for line in lines):
        return False
    return any("](" in line or "http" in line or "www." in line for line in lines)


def _is_header_field(label: LabelInfo, text: str) -> bool:
    """Whether a one-off label's text is a header field's value: its first line only a name
    of two to six words ("Presenter: Kevin Gibbons (KG)"), not a sentence; or, after a
    label that is a part (``Interviewer``, ``Participant``), any name, initials or a code
    too ("Interviewer: KB", "Participant: R4" above a research interview)."""
    first = text.split("\n", 1)[0].strip()
    if not first or first[-1:] in ".!?…,;:\"”'’" or "," in first or len(first.split()) > 6:
        return False
    value = analyse(first + ":")
    words = [w for w in value.key.split() if any(c.isalpha() for c in w)]
    if value.shape is not Shape.name:
        return False  # "(laughter) - -" names nobody
    part = label.shape is Shape.role and "\n" not in text.strip()
    return 2 <= len(words) <= 6 or (part and len(words) == 1)


def _count_short_forms(key_counts: dict[str, int], infos: Sequence[LabelInfo]) -> None:
    """Count a long form's later short forms as its own uses: "Peter McCormack (PM):" once,
    then "PM:"; "SOLEDAD O'BRIEN, CNN ANCHOR:" once, then "S. O'BRIEN:"; "Lena Ortiz (host):"
    once, then "Lena:". The long form then recurs, and is a speaker wherever it stands."""
    keys = {i.key: i for i in infos}
    name = Shape.name
    owners = short_owners(k for k, i in keys.items() if i.shape is name)
    extra: Counter[str] = Counter()
    for key, long_form in keys.items():
        if long_form.alias:
            extra[key] += key_counts.get(name_key(long_form.alias), 0)
    for short, full in owners.items():
        extra[full] += key_counts.get(short, 0)
    for key, n in extra.items():
        if n:
            key_counts[key] += n


def _without_recurrence(infos: Sequence[LabelInfo | None]) -> list[bool]:
    """Rule 7: a short exchange where no label repeats."""
    role, name = Shape.role, Shape.name  # (locals: an Enum class's attribute costs a call)
    strong = [i is not None and (i.shape is role or i.honorific) for i in infos]
    names = {i.key for i in infos if i is not None and i.shape is name}
    if len(names) >= 2:
        return [s or (i is not None and i.key in names) for s, i in zip(strong, infos, strict=True)]
    return strong


def rejections(blocks: Iterable[RawBlock]) -> str:
    """What the reader saw and why none of it was taken for a speaker, in one clause:
    "14 lines begin with a label-shaped prefix but none recurs ('Mr. Park' 1, ...)"."""
    labelled = [b for b in blocks if b.label is not None]
    if not labelled:
        return "no line begins with a label of this layout"
    counts = Counter(analyse(b.label).raw for b in labelled if b.label is not None)
    prose = {raw: n for raw, n in counts.items() if _describe_shape(raw) is Shape.prose}
    others = {raw: n for raw, n in counts.items() if raw not in prose}

    def examples(found: dict[str, int]) -> str:
        top = sorted(found.items(), key=lambda kv: -kv[1])[:3]
        return ", ".join(f"'{raw}' {n}x" for raw, n in top)

    begin = "1 line begins" if len(labelled) == 1 else f"{len(labelled)} lines begin"
    parts = [f"{begin} with a label-shaped prefix"]
    if prose:
        parts.append(f"{sum(prose.values())} read as prose, not names ({examples(prose)})")
    if others:
        parts.append(f"{len(others)} names, none recurring or declared ({examples(others)})")
    return "; ".join(parts)


def _describe_shape(raw: str) -> Shape:
    return analyse(raw + ":").shape
