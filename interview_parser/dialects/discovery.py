"""A file's own label convention, discovered from what recurs in its first turns.

A person learns how a transcript marks its speakers from its first few turns: where the label
sits, what comes with it and what ends it. :func:`survey` does the same. For each way a label
may end it finds the lines that begin with a name-shaped prefix so ended, notes what comes
with the prefix (a time before or after the name, a time line above it, a bullet, ``>>``, a
heading mark, bold, italics, a ``<v>`` voice tag) and keeps the conventions whose names
recur (:func:`discover`). :func:`label_names` counts, for any layout, the lines its labels
begin, which detection (:mod:`interview_parser.dialects`) ranks layouts by. The conventions
themselves, and the grammars built for them, are :mod:`.convention`'s.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from dataclasses import dataclass

from ..grammar import part
from .convention import (
    _SHAPE_OF_END,
    BOLD_QUESTIONS,
    NAMELESS,
    NUMBERED_QUESTIONS,
    Convention,
    Preset,
    _before,
    _clock,
    _end,
    _name,
    label_pattern,
    markup,
)

# A convention must cover this many lines whose name recurs before it is tried.
MIN_SUPPORT = 3
# A feature seen on this share of a convention's lines is required, below it optional;
# seen on fewer than OPTIONAL_SHARE it is left out.
REQUIRED_SHARE = 0.8
OPTIONAL_SHARE = 0.1
# A feature must also recur: seen on one line only, it is left out (one time line above one
# name in a short file is a time said in the turn before, not a layout).
MIN_FEATURE = 2
# Conventions tried against the families, best first.
MAX_CANDIDATES = 3
# A convention supported by less than this share of the best one's lines is noise.
MIN_SHARE_OF_BEST = 0.5
# A convention shows in a file's first turns: discovery reads this much of it.
DISCOVERY_CHARS = 30_000
_LINE_END = re.compile(r"\n(?=[^\n])")


_CAPTURE_BEFORE = ("time", "timeline", "bullet", "chevrons", "heading", "at")
_WRAP_KINDS = ("bold", "italic", "voice", "bracket", "angle", "wiki")


@functools.cache
def _profile(
    end: str, befores: tuple[str, ...], wraps: tuple[str, ...], after: bool
) -> re.Pattern[str]:
    """One pattern per end that finds every label so ended, whatever comes with it (of the
    ``befores``, ``wraps`` and a time ``after`` that the text may have), and names what it
    found in its groups."""
    before = "|".join(f"(?P<{k}>{_before(k)})" for k in befores)
    opening = "|".join(f"(?P<{k}>{markup(k)[0]})" for k in wraps)
    # The closing markup of whichever opened: one name pattern for every wrap, so that a
    # process compiles a small pattern (nested conditionals, innermost: no markup).
    closing = ""
    for kind in reversed(wraps):
        closing = f"(?({kind}){markup(kind)[1]}|{closing})"
    time = f"(?P<after>[^\\S\\n]*{_clock()})?" if after else ""
    body = f"(?:{opening})?" if wraps else ""
    body += f"(?P<name>{_name(Convention(end=end))}){closing}"
    start = f"(?:{before})?" if befores else ""
    return re.compile(f"{part('LINE_START', 'convention')}{start}{body}{time}{_end(end)}")


# What a text must hold for each thing that may come with a label: a pattern built only of
# those it may have is smaller, and compiled sooner (a check of a small file starts sooner).
_BEFORE_SIGNS = {
    "bullet": ("*", "•", "+", "-", "–", "—"),
    "chevrons": (">",),
    "heading": ("#",),
    "at": ("@",),
}


def _present(text: str) -> tuple[tuple[str, ...], tuple[str, ...], bool]:
    """The befores and wraps ``text`` may have, and whether it may hold a time."""
    timed = _has_clock(text)
    befores = tuple(
        k
        for k in _CAPTURE_BEFORE
        if (timed if k in ("time", "timeline") else any(c in text for c in _BEFORE_SIGNS[k]))
    )
    wraps = tuple(k for k in _WRAP_KINDS if any(c in text for c in _WRAP_SIGNS[k]))
    return befores, wraps, timed


@dataclass
class Candidate:
    """What discovery saw of one convention: its lines and how often each name came back."""

    convention: Convention
    lines: int
    support: int  # lines whose name recurs under this convention

    def summary(self) -> str:
        """What was seen, in words: "14 lines begin with a name ended by '.', 12 of them
        with a name that recurs"."""
        recurs = (
            f"{self.support} of them with a name that recurs"
            if self.support
            else ("no name recurs")
        )
        lines = "1 line begins" if self.lines == 1 else f"{self.lines} lines begin"
        return f"{lines} with {self.convention.describe()} ({recurs})"


_WORD = re.compile(r"[^\W\d_]+")
_QUALIFIER = re.compile(r"\([^()]*\)")


@functools.cache
def _label_union(preset: Preset) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{label_pattern(c)})" for _, c in preset.forms), re.M)


_WRAP_SIGNS = {
    "bold": ("**", "__"),
    "bold-colon": ("**", "__"),
    "italic": ("*", "_"),
    "voice": ("<v",),
    "bracket": ("[",),
    "angle": ("<",),
    "wiki": ("'''",),
}


@functools.cache
def _clock_sign() -> re.Pattern[str]:
    """What a clock time or a time span in seconds ("[0.00-4.20]") cannot do without (a
    cheap test): "9:99", or a digit, a fraction, the grammars' RANGE_TO and a digit."""
    return re.compile(rf"\d:\d\d|\d\.\d+{part('RANGE_TO')}\d")


@functools.lru_cache(maxsize=4)
def _has_clock(text: str) -> bool:
    """Whether ``text`` has a clock time's sign (:func:`_clock_sign`). Detection asks it
    of one sample for several conventions in turn (five searches of 30,000 characters, a
    millisecond and more, for one): the last few answers are kept."""
    return _clock_sign().search(text) is not None


def may_occur(convention: Convention, text: str) -> bool:
    """Whether ``text`` has what a label of ``convention`` cannot do without: its markup,
    a clock time, the sign of its end (a cheap test that saves compiling its pattern)."""
    c = convention
    if c.wrap and not any(sign in text for sign in _WRAP_SIGNS[c.wrap]):
        return False
    timed = c.end == "time" or (c.after and not c.after_optional)
    timed = timed or (c.before in ("time", "timeline") and not c.before_optional)
    if timed and not _has_clock(text):
        return False
    return c.end not in _END_SIGNS or _may_end(c.end, text)


@functools.cache
def _label(convention: Convention) -> re.Pattern[str]:
    return re.compile(label_pattern(convention), re.M)


def occurs(convention: Convention, text: str) -> bool:
    """Whether a line of ``text``'s first turns begins with a label of ``convention``."""
    text = window(text)
    return may_occur(convention, text) and _label(convention).search(text) is not None


def label_names(text: str, preset: Preset) -> Counter[str]:
    """How many lines of ``text``'s first turns begin with a label of ``preset``, by name
    (its words, without times, markup or qualifiers in parentheses)."""
    text = window(text)
    return Counter(
        " ".join(_WORD.findall(_QUALIFIER.sub(" ", m.group()).casefold()))
        for m in _label_union(preset).finditer(text)
    )


def window(text: str) -> str:
    """The part of ``text`` in which its conventions are learnt: its first turns."""
    if len(text) <= DISCOVERY_CHARS:
        return text
    return text[: text.rfind("\n", 0, DISCOVERY_CHARS) + 1]


def _key(name: str) -> str:
    return " ".join(_QUALIFIER.sub(" ", name).casefold().replace(".", " ").split())


# A character an end cannot do without, and the markup a closing end needs.
_END_SIGNS = {
    "colon": (":", "："),
    "tight": (":", "："),
    "period": (". ",),
    "dot-dash": (".-", ".–", ".—", ". -", ". –", ". —"),
    "dash": (" - ", " – ", " — "),
    "tab": ("\t",),
    "line": ("\n",),
    "close": ("**", "__", "*", "_", "<v", "]", ">", "'''"),
    "blank": ("—", "–", "―", "- "),
    "time": ("[", "("),
}


def _may_end(end: str, text: str) -> bool:
    """Whether ``text`` has what a label ended by ``end`` needs (a cheap test)."""
    if end == "tight":
        return _TIGHT_SIGN.search(text) is not None
    if end == "line":  # a name alone on its line is a convention only with a mark beside it
        return _LINE_MARK.search(text) is not None
    if end == "time" and not _has_clock(text):
        return False  # a time in brackets after the name: "Maya Ross [00:00:03] Welcome"
    if end in ("period", "dot-dash") and _CAPITALS.search(text) is None:
        return False  # LABEL_DOTTED: a word of capitals says it is a label
    return any(sign in text for sign in _END_SIGNS[end])


_TIGHT_SIGN = re.compile(r"[:：](?:[^\W\d_]|\[)")
# What may mark a name alone on its line (see _distinct): markup, a time, a bullet, ">>",
# a heading mark.
_LINE_MARK = re.compile(r"[*_>#]|<v|\d:\d\d|[•+\-–—][^\S\n]")
_CAPITALS = re.compile(r"[A-ZÀ-ÖØ-ÞА-Я]{2}")


# The names alone on their lines with a blank line below (as earnings calls print them,
# "Operator" / "" / "Good morning ..."), apart from those with a mark; of them this share
# must recur for the convention to be tried (a one-line paragraph of speech seldom recurs).
_PARAGRAPH = "¶"
PARAGRAPH_NAMES_RECUR = 0.5


def survey(text: str, min_support: int = MIN_SUPPORT) -> list[Candidate]:
    """Every convention the text's lines suggest, with its support, best first (those whose
    recurring names cover fewer than ``min_support`` lines left out)."""
    found: list[Candidate] = []
    text = window(text)
    starts = [0, *(m.end() for m in _LINE_END.finditer(text))]
    present = _present(text)
    for end in _END_SIGNS:  # the ends discovery looks for
        if not _may_end(end, text):
            continue  # saves compiling its pattern: a check of a small file starts sooner
        seen: dict[str, tuple[Counter[str], Counter[bool], Counter[str]]] = {}
        found_at: dict[str, list[int]] = {}  # where each wrap's labels start
        match_at = _profile(end, *present).match
        free = 0  # a label may not start inside the one before (a time line above it)
        for at in starts:
            match = match_at(text, at) if at >= free else None
            if match is None:
                continue
            free = match.end()
            groups = match.groupdict()
            wrap = next((k for k in present[1] if groups[k] is not None), "")
            if end == "close" and not wrap:
                continue
            before = next((k for k in present[0] if groups[k] is not None), "")
            if end == "line" and not (wrap or before or groups.get("after")):
                # a line of speech, unless it is a paragraph of its own: a name alone on its
                # line needs a mark (_distinct), or a blank line below and names that recur
                if text.count("\n", match.end("name"), match.end()) < 2:
                    continue
                wrap = _PARAGRAPH
            name = groups["name"]
            befores, afters, names = seen.setdefault(wrap, (Counter(), Counter(), Counter()))
            befores[before] += 1
            afters[bool(groups.get("after"))] += 1
            names[_key(name or "")] += 1
            found_at.setdefault(wrap, []).append(at)
        for wrap, (befores, afters, names) in seen.items():
            lines = sum(names.values())
            support = sum(n for n in names.values() if n >= 2)
            if support < min_support or not lines:
                continue
            if wrap == _PARAGRAPH:
                # names as paragraphs of their own: half of them or more recur ("Operator", an
                # analyst's name twice), where a one-line paragraph of speech seldom does
                if support >= PARAGRAPH_NAMES_RECUR * lines:
                    found.append(Candidate(Convention(end="para"), lines, support))
                continue
            kind, count = max(
                ((k, n) for k, n in befores.items() if k), key=lambda kn: kn[1], default=("", 0)
            )
            least = max(MIN_FEATURE, OPTIONAL_SHARE * lines)
            before = kind if count >= least else ""
            with_time = afters[True]
            convention = Convention(
                end=end,
                before=before,
                wrap=wrap,
                after="time" if with_time >= least else "",
                before_optional=bool(before) and count < REQUIRED_SHARE * lines,
                after_optional=least <= with_time < REQUIRED_SHARE * lines,
            )
            if not _distinct(convention) or (
                convention.end in _NAMELESS_ENDS and not dialogue(text, found_at[wrap])
            ):
                continue
            found.append(Candidate(convention, lines, support))
    asked = bold_questions(text)
    if asked and asked >= min_support:  # bold paragraphs name nobody: each is its own evidence
        found.append(Candidate(BOLD_QUESTIONS, asked, asked))
    asked = numbered_questions(text)
    if asked and asked >= min_support:
        found.append(Candidate(NUMBERED_QUESTIONS, asked, asked))
    found.sort(key=lambda c: -c.support)
    return found


# Ends whose label names nobody (a dialogue dash): a list in prose has the same line starts.
_NAMELESS_ENDS = frozenset(e for e, shape in _SHAPE_OF_END.items() if shape in NAMELESS)
# Dialogue: of the paragraphs from the first dash on, this share opens with a dash...
DIALOGUE_SHARE = 0.6
# ...and of the dash paragraphs this share ends as a sentence does, and at least this share
# asks (two people taking turns: one asks; a list of sentences seldom does), but not all.
SENTENCE_SHARE = 0.6
ASKING_SHARE = 0.25
_BLANK_LINE = re.compile(r"\n[^\S\n]*\n")
_SENTENCE_END = re.compile(r"[.?!…:;»\"”’)]['\"”’»)]*\s*\Z")  # "Yes." "¿Y usted?»" "(risas)"
_ASKS = ("?", "¿", "？")


def dialogue(text: str, starts: list[int]) -> bool:
    """Whether lines that open with a label naming nobody (``starts``: where they begin)
    are dialogue, not a list in prose: most paragraphs from the first of them on open with
    one, most of them end as sentences do, and a fair share of them ask, but not all."""
    if not starts:
        return False
    at = set(starts)
    line_starts = [starts[0], *(m.end() for m in _LINE_END.finditer(text, starts[0]))]
    paragraphs: list[list[str]] = []  # each: its lines; a dash paragraph's first is dashed
    dashed: list[bool] = []
    for k, start in enumerate(line_starts):
        end = line_starts[k + 1] if k + 1 < len(line_starts) else len(text)
        line = text[start:end]
        if not line.strip():
            continue
        new = start in at or (k > 0 and _BLANK_LINE.search(text, line_starts[k - 1], start))
        if new or not paragraphs:
            paragraphs.append([])
            dashed.append(start in at)
        paragraphs[-1].append(line)  # a wrapped line joins the paragraph above
    said = ["".join(p) for p, dash in zip(paragraphs, dashed, strict=True) if dash]
    sentences = sum(1 for b in said if _SENTENCE_END.search(b))
    asking = sum(1 for b in said if any(sign in b for sign in _ASKS))
    return (
        len(said) >= DIALOGUE_SHARE * len(paragraphs)
        and sentences >= SENTENCE_SHARE * len(said)
        and ASKING_SHARE * len(said) <= asking < len(said)
    )


# Questions in bold: of the bold paragraphs, at least this share asks or is a short prompt
# (not a name or a heading ended by a colon)...
PROMPT_SHARE = 0.8
PROMPT_WORDS = 12
# ...at least this share asks (section headings in bold do not)...
BOLD_ASKING_SHARE = 0.5
# ...and at least this share has plain paragraphs after it, the answer.
ANSWERED_SHARE = 0.6


def bold_questions(text: str) -> int:
    """How many paragraphs of ``text`` are questions printed in bold with the answers in
    plain paragraphs after them, as magazines print interviews (0 when the bold paragraphs
    are not that: headings, bold names over their speech, emphasis): several paragraphs
    bold all through, most of them asking or short prompts, most followed by a plain one."""
    if "**" not in text and "__" not in text:
        return 0
    bold = _label(BOLD_QUESTIONS)
    count = asking = prompts = answered = 0
    after_bold = False  # the paragraph before was a bold one with nothing below it
    for paragraph in _BLANK_LINE.split(text):
        if not paragraph.strip():
            continue
        paragraph = paragraph.strip("\n")
        question = bold.match(paragraph)
        if question is None:
            answered += after_bold
            after_bold = False
            continue
        count += 1
        mark = question.group().strip()
        closing = paragraph.find(mark, question.end())  # (none inside the bold)
        words = " ".join(paragraph[question.end() : closing].split())
        rest = paragraph[closing + len(mark) :]
        asks = any(sign in words for sign in _ASKS)
        asking += asks
        short = len(words.split()) <= PROMPT_WORDS and not words.endswith((":", "："))
        prompts += asks or short
        answered += bool(rest.strip())  # its answer right below it, no blank line between
        after_bold = not rest.strip()
    if (
        count < MIN_SUPPORT
        or prompts < PROMPT_SHARE * count
        or asking < BOLD_ASKING_SHARE * count
        or answered < ANSWERED_SHARE * count
    ):
        return 0
    return count


# Numbered questions: of the paragraphs that open with a number, at least this share are
# questions (a numbered list of points seldom asks), and their numbers count up by one.
NUMBERED_ASKING_SHARE = 0.8
# A paragraph that opens with a number: "1.", "2)", "Q3." (a cheap screen before the pattern).
_NUMBERED_START = re.compile(r"^[^\S\n]*(?:Q[^\S\n]?)?(\d{1,2})[.)][^\S\n]", re.M)


def numbered_questions(text: str) -> int:
    """How many paragraphs of ``text`` are numbered questions with the answers in plain
    paragraphs after them, as interviews by e-mail print them ("1. What surprised you?" /
    "How many small boats there are. ..."); 0 when the numbered paragraphs are not that (a
    numbered list, steps of a recipe): several numbered paragraphs that count up by one,
    nearly all of them questions, most followed by a plain paragraph."""
    numbers = [int(m.group(1)) for m in _NUMBERED_START.finditer(text)]
    if len(numbers) < MIN_SUPPORT:
        return 0  # (most texts: no paragraph opens with a number)
    asked = _label(NUMBERED_QUESTIONS)
    count = questions = answered = steps = 0
    last: int | None = None
    after_question = False
    for paragraph in _BLANK_LINE.split(text):
        paragraph = paragraph.strip("\n")
        if not paragraph.strip():
            continue
        start = _NUMBERED_START.match(paragraph)
        if start is None:
            answered += after_question
            after_question = False
            continue
        count += 1
        number = int(start.group(1))
        steps += last is not None and number == last + 1
        last = number
        after_question = asked.match(paragraph) is not None
        questions += after_question
    if (
        questions < MIN_SUPPORT
        or questions < NUMBERED_ASKING_SHARE * count
        or steps + 1 < NUMBERED_ASKING_SHARE * count
        or answered < ANSWERED_SHARE * questions
    ):
        return 0
    return questions


def _distinct(convention: Convention) -> bool:
    """Whether a label of the convention stands out from a line of speech: a name alone on
    its line needs something that is always there with it (a time, a mark, markup)."""
    if convention.end != "line":
        return True
    return bool(
        convention.wrap
        or (convention.before and not convention.before_optional)
        or (convention.after and not convention.after_optional)
    )


def discover(text: str, surveyed: list[Candidate] | None = None) -> list[Convention]:
    """The conventions worth trying on ``text``, most supported first; a plain ``Name:``
    is left to the labelled family, which reads it the same. ``surveyed``: the text's
    :func:`survey`, when the caller has it."""
    found = [
        c for c in (surveyed if surveyed is not None else survey(text)) if c.support >= MIN_SUPPORT
    ]
    if not found:
        return []
    floor = MIN_SHARE_OF_BEST * found[0].support
    kept = [c.convention for c in found if c.support >= floor and c.convention != PLAIN]
    return kept[:MAX_CANDIDATES]


PLAIN = Convention()
