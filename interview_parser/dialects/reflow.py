"""Reflowed transcripts: turns run together on one line, each label after the last sentence
of the turn before it ("... is a recession coming? LIND: Nobody knows. GRANT: But ...").

Text pasted from a PDF, a caption feed or a web page whose line breaks were lost keeps its
labels but not their line starts. A name in the label shape of ``grammars/common.lark``
(``LABEL_WORD``, ``LABEL_MORE``, ``LABEL_ROLE``) that follows a sentence end inside lines
again and again, among at least two recurring names, was put there by the reflow:
:func:`reflow_layer` breaks each line before such a label (the label keeps its source line
and column), and the label conventions read the lines it makes (a layer of :mod:`.layers`).
A name that a line begins with, perhaps after its time, counts toward its recurrence too
("Q: ...? A: ..." on every line). A name seen once, a colon inside a sentence ("The point
is: ..."), or a word that never names a speaker ("Note:", "Update:",
:data:`~interview_parser.words.NOT_SPEAKERS`) never breaks a line.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from dataclasses import dataclass, field

from ..words import HONORIFICS, NOT_SPEAKERS
from .convention import _before, name_words
from .layers import Layered

HEAD_CHARS = 20_000
# At least this many labels inside lines, from at least MIN_NAMES recurring names...
MIN_INLINE = 3
MIN_NAMES = 2
# ...making up at least this share of those names' labels (the rest begin lines): a
# transcript whose labels begin its lines is not reflowed because a turn quotes one.
INLINE_SHARE = 0.25
# A line's first label-ending colon this far in is not a label at the line's start.
FAR = 60
# The cheap test's colons inside lines (see _may_be_reflowed).
MIN_COLONS = 2
# A letter: a line's words begin at its first.
_LETTER = r"[^\W\d_]"
# Where a label inside a line may begin: the blanks after a sentence end (its closing mark,
# a quote or a bracket).
_AFTER_END = r"[.?!…\"”’')\]][^\S\n]+"


@functools.cache
def _inline() -> re.Pattern[str]:
    """A label from where it begins to its colon: group 1 is the name (a colon inside a
    line is followed by a blank or ends the line)."""
    return re.compile(rf"({name_words()})[^\S\n]?[:：](?=[^\S\n]|$)")


@functools.cache
def _leading() -> re.Pattern[str]:
    """A label that begins a line, perhaps after its time ("[00:00:04] Dr. Lee:": the
    time's part of the label conventions, ``convention._before``; the name is no turn's
    last words)."""
    timed = _before("time")
    return re.compile(rf"[^\S\n]*(?:{timed})?({name_words()})[^\S\n]?[:：](?=[^\S\n]|$)")


def _capital(name: str) -> bool:
    return name[:1].isupper()


def _first_word(name: str) -> str:
    return name.split(None, 1)[0].rstrip(".").casefold()


def _labels(line: str) -> tuple[re.Match[str] | None, list[list[re.Match[str]]]]:
    """The label that begins ``line`` (if any), and the labels that may be inside it: for
    each colon that ends one, the names that may end there, from the longest, each after a
    sentence end and words of the turn before it ("... four meetings. MOSS:" may be "MOSS"
    or "We held four meetings. MOSS"; "[00:01] Ann:" is a timed label, no turn before it).
    The names that end at the leading label's colon are listed too ("MS. QUINT:" may be
    "QUINT", and "Boat. MOSS:", a line that wraps a turn's last word, is "MOSS")."""
    # Every label ends in a colon: a line without one has none, and no label begins past
    # its last one (a cheap test first; most lines of a transcript's head have no colon).
    last = max(line.rfind(":"), line.rfind("："))
    if last < 0:
        return None, []
    leading = _leading().match(line)
    if leading is not None and not _capital(leading.group(1)):
        leading = None  # "boat. MOSS:": a wrapped sentence's end, then a label
    by_colon: dict[int, list[re.Match[str]]] = {}
    letter = re.search(_LETTER, line)
    words_from = letter.start() if letter is not None else len(line)
    for end in re.finditer(_AFTER_END, line):
        if end.end() >= last:
            break
        m = _inline().match(line, end.end())
        if (
            m is not None
            and _capital(m.group(1))
            and words_from < m.start()
            and _first_word(m.group(1)) not in NOT_SPEAKERS  # "Note:", "Update:" in prose
        ):
            by_colon.setdefault(m.end(1), []).append(m)
    return leading, list(by_colon.values())


def _inside(
    leading: re.Match[str] | None, colons: list[list[re.Match[str]]]
) -> list[list[re.Match[str]]]:
    """The colons past the leading label's (those that end a label inside the line)."""
    if leading is None:
        return colons
    return [found for found in colons if found[0].end(1) > leading.end(1)]


@dataclass
class Census:
    """How often each name labels a turn where it is the only reading of its colon
    (``base``), the words each name follows where it may end a leading label's colon
    (``after``), and the names that label turns of a reflowed text (``names``: empty when
    it is not)."""

    base: Counter[str] = field(default_factory=Counter)
    after: dict[str, set[str]] = field(default_factory=dict)
    names: set[str] = field(default_factory=set)

    def free(self, name: str) -> bool:
        """Whether a name labels turns by itself: alone somewhere, or after different
        words ("Island. Dr. Lind:", "Boat. Dr. Lind:"); "QUINT", only ever after "MS.",
        is part of "MS. QUINT"."""
        return self.base[name] > 0 or len(self.after.get(name, ())) > 1

    def wrapped(self, leading: str, shorter: list[str]) -> str | None:
        """The name inside a line that begins with a turn's last words, then a label:
        "Boat. MOSS:" is "MOSS", the longest name ending at the colon that labels turns by
        itself (:meth:`free`), unless what stands before it is part of a name: a title, an
        initial, a capitalised word with no period ("Dr. Lind", "Ana B. Ruiz")."""
        best = next((n for n in shorter if self.free(n)), None)
        if best is None or _name_parts(leading[: len(leading) - len(best)]):
            return None
        return best

    def weight(self, name: str) -> tuple[int, int]:
        return self.base[name], len(name)


def _name_parts(words: str) -> bool:
    """Whether the words before a name belong to it: honorifics ("Dr.", "MS."), initials
    ("B."), capitalised words with no period; not a sentence's end ("Boat.", "yes.")."""
    for word in words.split():
        bare = word.rstrip(".")
        if bare.casefold() in HONORIFICS or (len(bare) == 1 and bare.isalpha()):
            continue
        if word == bare and bare[:1].isupper():
            continue
        return False
    return True


def _word_before(line: str, start: int) -> str:
    """The word before the blanks before ``start`` (a sentence's last word)."""
    end = start
    while end > 0 and line[end - 1].isspace():
        end -= 1
    return line[line.rfind(" ", 0, end) + 1 : end]


def census(text: str) -> Census:
    """The names that label turns inside the lines of ``text``, when it is reflowed (see
    the module's doc): each recurs, inside lines or at their start ("Q: ...? A: ..." a
    line: "A" is inside, "Q" begins lines); there are at least :data:`MIN_NAMES`; and
    their labels inside lines are at least :data:`MIN_INLINE` and :data:`INLINE_SHARE` of
    all their labels. Else ``names`` is empty."""
    inside: Counter[str] = Counter()
    leading: Counter[str] = Counter()
    after: dict[str, set[str]] = {}
    doubtful: list[tuple[str, list[str]]] = []  # a leading name, the names ending at its colon
    for line in text.split("\n"):
        first, colons = _labels(line)
        within_line = _inside(first, colons)
        inside.update(m.group(1) for found in within_line for m in found)
        if first is not None:
            leading[first.group(1)] += 1
            if len(within_line) < len(colons):
                doubtful.append((first.group(1), [m.group(1) for m in colons[0]]))
                for m in colons[0]:
                    after.setdefault(m.group(1), set()).add(_word_before(line, m.start(1)))
    found = Census(inside + leading, after)
    if inside.total() + len(doubtful) < MIN_INLINE:
        return found
    for name, shorter in doubtful:
        best = found.wrapped(name, shorter)
        if best is not None:
            inside[best] += 1
            leading[name] -= 1
    counts = inside + leading
    names = {n for n, c in counts.items() if c >= 2}
    within = sum(inside[n] for n in names)
    total = within + sum(leading[n] for n in names)
    if len(names) >= MIN_NAMES and within >= MIN_INLINE and within >= INLINE_SHARE * total:
        found.names = names
    return found


def _may_be_reflowed(head: str) -> bool:
    """A cheap test first (no pattern compiled, which a check of a small file would pay):
    at least :data:`MIN_COLONS` colons that may end a label inside a line (followed by a
    blank): not the first of their line, or the first after a sentence's end ("Boat.
    MOSS:", not the title of "Dr. Lee:") or far into the line."""
    inside = 0
    for line in head.split("\n"):
        line = line.rstrip()
        found = [line.find(": "), line.find("："), line.find(":\t")]
        if line.endswith(":"):
            found.append(len(line) - 1)
        first = min((i for i in found if i >= 0), default=-1)
        if first < 0:
            continue
        inside += line.count(": ", first + 1) + line.count("：", first + 1)
        inside += line.endswith(":") and first < len(line) - 1
        inside += first > FAR or _ends_sentence(line, first)
        if inside >= MIN_COLONS:
            return True
    return False


def _ends_sentence(line: str, end: int) -> bool:
    """Whether a sentence ends before ``end`` in ``line`` (a "?", "!", or a period after a
    word that is no part of a name, :func:`_name_parts`: not "Dr." or "MS.")."""
    if line.rfind("? ", 0, end) >= 0 or line.rfind("! ", 0, end) >= 0:
        return True
    stop = line.rfind(". ", 0, end)
    while stop > 0:
        if not _name_parts(line[line.rfind(" ", 0, stop) + 1 : stop + 1]):
            return True
        stop = line.rfind(". ", 0, stop)
    return False


def reflow_layer(text: str) -> Layered | None:
    """Break the lines of a reflowed transcript before each label inside them (at a colon
    that several names may end, before the recurring name that labels the most turns, the
    longer on a tie: "Dr. Lind" over "Lind" when each is written as the other, "GRANT"
    over "Yes. GRANT" when a short answer "Yes." twice came before it)."""
    head = text[: text.find("\n", HEAD_CHARS) + 1 or len(text)]
    if not _may_be_reflowed(head):
        return None
    found = census(head)
    if not found.names:
        return None
    if len(head) < len(text):
        found = census(text)
    out: list[str] = []
    line_map: list[int] = []
    column_map: list[int] = []
    for number, line in enumerate(text.split("\n"), start=1):
        cut = 0
        first, colons = _labels(line)
        if first is not None:
            at_first = bool(colons) and colons[0][0].end(1) == first.end(1)
            shorter = [m.group(1) for m in colons[0]] if at_first else []
            if not shorter or found.wrapped(first.group(1), shorter) is None:
                colons = _inside(first, colons)  # the line begins with its label
        for candidates in colons:
            known = [m for m in candidates if m.group(1) in found.names]
            if not known:
                continue
            start = max(known, key=lambda m: found.weight(m.group(1))).start(1)
            if start > cut:
                out.append(line[cut:start])
                line_map.append(number)
                column_map.append(cut + 1)
                cut = start
        out.append(line[cut:])
        line_map.append(number)
        column_map.append(cut + 1)
    return Layered("reflow", "\n".join(out), line_map, [], column_map)
