"""A file's own label convention: learnt from what recurs in it, read with a grammar built for it.

A person learns how a transcript marks its speakers from its first few turns: where the label
sits, what comes with it and what ends it. :func:`discover` does the same. For each way a
label may end (``:``, ``:`` with no space, ``.``, ``.-``, `` - ``, a tab, the end of its
line, closing markup) it finds the lines that begin with a name-shaped prefix so ended, notes
what comes with the prefix (a time before or after the name, a time line above it, a bullet,
``>>``, a heading mark, bold, italics, a ``<v>`` voice tag) and keeps the conventions whose
names recur. Each :class:`Convention` is data; :func:`grammar_text` joins the named parts of
``grammars/convention.lark`` and ``grammars/common.lark`` into a Lark grammar for it, of the
same outline as the family grammars (so the fast scanner of :mod:`interview_parser.syntax`
reads it too). A new layout is a new combination of parts, or a new part: not new code.

A convention's dialect name spells it out, so that it can be given back with ``--dialect``:
``learned:before=time,wrap=bold,end=close``. :data:`PRESETS` names the common ones.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from dataclasses import dataclass

from ..grammar import define_grammar, part

PREFIX = "learned:"

# How each kind of end reads in an explanation.
ENDS = {
    "colon": "':'",
    "tight": "':' with no space after it",
    "period": "'.'",
    "dot-dash": "'.-'",
    "dash": "' - '",
    "tab": "a tab",
    "line": "the end of its line",
    "close": "its closing markup",
    "below": "the end of its line, its text right below",
    "next": "the end of its line",
    "gap": "'.', a tab or two blanks",
    "time": "a time in brackets",
}
BEFORES = {
    "time": "a time",
    "timeline": "a time line above it",
    "bullet": "a bullet",
    "chevrons": "'>>'",
    "heading": "a heading mark",
}
WRAPS = {
    "bold": "a bold name",
    "bold-colon": "a bold name with its colon inside",
    "italic": "an italic name",
    "voice": "a name in a <v> voice tag",
}
# The opening and closing parts of each wrap.
_MARKUP = {
    "bold": ("OPEN_BOLD", "CLOSE_BOLD"),
    "bold-colon": ("OPEN_BOLD", "CLOSE_BOLD_COLON"),
    "italic": ("OPEN_ITALIC", "CLOSE_ITALIC"),
    "voice": ("OPEN_VOICE", "CLOSE_VOICE"),
}

# A convention must cover this many lines whose name recurs before it is tried.
MIN_SUPPORT = 3
# A feature seen on this share of a convention's lines is required, below it optional;
# seen on fewer than OPTIONAL_SHARE it is left out.
REQUIRED_SHARE = 0.8
OPTIONAL_SHARE = 0.1
# Conventions tried against the families, best first.
MAX_CANDIDATES = 3
# A convention supported by less than this share of the best one's lines is noise.
MIN_SHARE_OF_BEST = 0.5
# A convention shows in a file's first turns: discovery reads this much of it.
DISCOVERY_CHARS = 30_000
_LINE_END = re.compile(r"\n(?=[^\n])")


SHAPES = {
    "words": "a name",
    "dotted": "a name",
    "plain": "a plain name",
    "mark": "a bare 'Q' or 'A'",
    "markup": "any words",
}


@dataclass(frozen=True)
class Convention:
    """Where a label sits, what comes with it and what ends it.

    ``before`` is one of :data:`BEFORES` or ""; ``wrap`` one of :data:`WRAPS` or "";
    ``after`` is "time" when a time follows the name; ``end`` one of :data:`ENDS`; ``shape``
    one of :data:`SHAPES`, or "" for the shape the end implies (``dotted`` before a period,
    else ``words``). A feature marked optional (``before_optional``, ``after_optional``,
    ``shape_optional``: the name itself) may be missing on a label.
    """

    end: str = "colon"
    before: str = ""
    wrap: str = ""
    after: str = ""
    before_optional: bool = False
    after_optional: bool = False
    shape: str = ""
    shape_optional: bool = False

    @property
    def name(self) -> str:
        """The dialect name that spells the convention out."""
        fields = []
        if self.before:
            fields.append(f"before={self.before}{'?' if self.before_optional else ''}")
        if self.shape:
            fields.append(f"shape={self.shape}{'?' if self.shape_optional else ''}")
        if self.wrap:
            fields.append(f"wrap={self.wrap}")
        if self.after:
            fields.append(f"after={self.after}{'?' if self.after_optional else ''}")
        fields.append(f"end={self.end}")
        return PREFIX + ",".join(fields)

    @property
    def timed(self) -> bool:
        """Whether every label of it carries a time."""
        if self.before in ("time", "timeline") and not self.before_optional:
            return True
        return (bool(self.after) and not self.after_optional) or self.end == "time"

    @property
    def marked(self) -> bool:
        """Whether something besides the end marks the label (a line end alone does not)."""
        return bool(self.before or self.wrap or self.after) or self.end not in ("line", "next")

    def describe(self) -> str:
        """How the convention reads: "a time, then a bold name, ended by its closing markup"."""
        parts = []
        if self.before:
            optional = " (not always)" if self.before_optional else ""
            parts.append(f"{BEFORES[self.before]}{optional}, then")
        shape = SHAPES[self.shape or "words"] + (" or none" if self.shape_optional else "")
        parts.append(WRAPS[self.wrap] if self.wrap else shape)
        if self.after:
            parts.append(f"and a time{' (not always)' if self.after_optional else ''}")
        parts.append(f"ended by {ENDS[self.end]}")
        return " ".join(parts)


_FIELDS = ("before", "shape", "wrap", "after", "end")


def parse_name(name: str) -> Convention:
    """The convention a dialect name spells out (``learned:end=period``); ValueError if none."""
    fields: dict[str, str] = {}
    for item in name.removeprefix(PREFIX).split(","):
        key, equals, value = item.partition("=")
        if not equals or key not in _FIELDS:
            raise ValueError(f"not a convention field: {item!r}")
        fields[key] = value
    before, after, shape = (fields.get(k, "") for k in ("before", "after", "shape"))
    convention = Convention(
        end=fields.get("end", "colon"),
        before=before.rstrip("?"),
        wrap=fields.get("wrap", ""),
        after=after.rstrip("?"),
        before_optional=before.endswith("?"),
        after_optional=after.endswith("?"),
        shape=shape.rstrip("?"),
        shape_optional=shape.endswith("?"),
    )
    if (
        convention.end not in ENDS
        or convention.before not in ("", *BEFORES)
        or convention.wrap not in ("", *WRAPS)
        or convention.after not in ("", "time")
        or convention.shape not in ("", *SHAPES)
        or (convention.end == "close" and not convention.wrap)
    ):
        raise ValueError(f"not a convention: {name!r}")
    return convention


@dataclass(frozen=True)
class Preset:
    """A named layout: one or more label forms read by one grammar.

    Each form is a :class:`Convention` with the name of its grammar terminal, which is the
    label form the resolver and the explanations see (``LABEL``, ``TS_LABEL``): a file
    written in a layout may mix forms (``**Name:**`` and ``**Name**:``), and a form the rest
    of the file does not use is evidence against a label. Where two forms match at one
    line start, the one listed first is read.
    """

    summary: str
    forms: tuple[tuple[str, Convention], ...]


def learned(convention: Convention) -> Preset:
    """The layout of one discovered convention: its labels are the form ``LEARNED``."""
    return Preset(convention.describe(), (("LEARNED", convention),))


# The layout families: each is label forms of the one mechanism, no grammar of its own.
FAMILIES: dict[str, Preset] = {
    "labelled": Preset("Name: text", (("LABEL", Convention()),)),
    "markdown": Preset(
        "**Name:** text (Markdown)",
        (
            ("MD_LABEL_IN", Convention(shape="markup", wrap="bold-colon", end="close")),
            ("MD_LABEL_OUT", Convention(shape="markup", wrap="bold", end="colon")),
            ("MD_LABEL_TIME", Convention(shape="markup", wrap="bold", end="time")),
        ),
    ),
    "timestamped": Preset(
        "a clock time beside the name",
        (
            ("TS_LABEL", Convention(before="time", shape="plain", shape_optional=True)),
            ("NAME_CLOCK", Convention(shape="plain", after="time", end="next")),
            ("CLOCK_NAME", Convention(before="timeline", shape="plain", end="next")),
        ),
    ),
    "qa": Preset(
        "Q / A markers and NAME: colloquy",
        (("QA_MARK", Convention(shape="mark", end="gap")), ("LABEL", Convention())),
    ),
    "namelines": Preset(
        "a name alone on a line, text below",
        (("NAME_LINE", Convention(shape="plain", end="below")),),
    ),
}

# Named conventions: the common layouts the line families do not read.
PRESETS: dict[str, Convention] = {
    "period-labels": Convention(end="period"),
    "dash-labels": Convention(end="dash"),
    "tight-labels": Convention(end="tight"),
    "time-bold": Convention(before="time", wrap="bold", end="close"),
    "heading-time": Convention(before="heading", after="time", end="line"),
    "italic-lines": Convention(wrap="italic", end="line"),
    "time-lines": Convention(before="timeline", end="colon"),
    "voice-tags": Convention(before="time", before_optional=True, wrap="voice", end="close"),
}


# ---------------------------------------------------------------------------------------
# The parts, and the label pattern of a convention


@functools.cache
def _clock() -> str:
    # A time, perhaps in brackets, perhaps after a count-down sign: "[-00:01:40]".
    return f"(?:{part('BRACKET_OPEN')})?-?{part('CLOCK')}(?:{part('BRACKET_CLOSE')})?"


def _before(kind: str) -> str:
    if kind == "time":
        return f"{_clock()}[^\\S\\n]+"
    if kind == "timeline":
        return f"{_clock()}[^\\S\\n]*\\n(?:[^\\S\\n]*\\n)?{part('LINE_START', 'convention')}"
    return part(f"BEFORE_{kind.upper()}", "convention")


def _name(convention: Convention) -> str:
    shape = convention.shape or ("dotted" if convention.end in ("period", "dot-dash") else "words")
    if shape == "words":
        return part("LABEL_WORD") + part("LABEL_MORE") + part("LABEL_ROLE")
    if shape == "plain":
        return part("NAME") + part("LABEL_PAREN")
    return part(f"LABEL_{shape.upper()}")


def _end(end: str) -> str:
    if end == "time":  # the time that follows is read by LABEL_CLOCK
        return f"(?=[^\\S\\n]*{part('BRACKET_OPEN')}{part('CLOCK')})"
    return part(f"END_{end.upper().replace('-', '_')}", "convention")


def _optional(pattern: str, optional: bool) -> str:
    return f"(?:{pattern})?" if optional else f"(?:{pattern})"


def label_pattern(convention: Convention) -> str:
    """The regular expression of one label of ``convention``, from the start of its line."""
    c = convention
    pieces = ["^", part("LINE_START", "convention")]
    if c.before:
        pieces.append(_optional(_before(c.before), c.before_optional))
    name = _optional(_name(c), c.shape_optional)
    if c.wrap:
        opening, closing = (part(p, "convention") for p in _MARKUP[c.wrap])
        name = f"(?:{opening}){name}(?:{closing})"
    pieces.append(name)
    if c.after:
        pieces.append(_optional(f"[^\\S\\n]*{_clock()}", c.after_optional))
    pieces.append(_end(c.end))
    return "".join(pieces)


# Priority of the label terminals: over HEADING (3), so that a label after a heading mark
# is a label; among a layout's forms, the first listed wins.
_LABEL_PRIORITY = 4


def _stop(convention: Convention) -> str:
    """Where a ``TEXT`` block must stop for a label of ``convention``: before a line that
    begins with one, or a cheaper superset of those lines: when the name comes first, any
    line that holds the character its end needs (a ':', a clock time; one scan of the line
    instead of an attempt at each word of a name); when markup comes first, any line that
    opens it (one test for all of a layout's forms in that markup). A stop too many only
    splits the text, which is joined again when read."""
    c = convention
    if not (c.before or c.wrap):
        # Each alternative ends in one literal character, which the regex engine finds by
        # a quick scan (a class such as [:：] would be tried at every position).
        if c.end == "colon":
            return "[^\\n]*:\\s|[^\\n]*："
        if c.end == "tight":
            return "[^\\n]*:|[^\\n]*："
        if c.end == "time" or (c.after and not c.after_optional):
            return "[^\\n]*:\\d"
    if c.wrap and not c.before:  # a line that opens the markup: forms that differ after it
        return part("LINE_START", "convention") + part(_MARKUP[c.wrap][0], "convention")
    return label_pattern(c)[1:]  # without its "^": a lookahead at the start of a line


def grammar_text(preset: Preset) -> str:
    """The Lark grammar that reads a transcript written in ``preset``'s forms."""
    labels = [(form, label_pattern(c).replace("/", "\\/")) for form, c in preset.forms]
    top = _LABEL_PRIORITY + len(labels) - 1
    terminals = "".join(f"{form}.{top - i}: /{label}/m\n" for i, (form, label) in enumerate(labels))
    stops = "|".join(dict.fromkeys(_stop(c).replace("/", "\\/") for _, c in preset.forms))
    forms = " | ".join(form for form, _ in labels)
    return f"""// The grammar of the layout "{preset.summary}" (built by
// interview_parser/dialects/convention.py from the parts in convention.lark and common.lark).
start: front_matter? lead? block*
front_matter: FRONT_MATTER
lead: (TEXT | HEADING)+
block: ({forms}) LABEL_CLOCK? (TEXT | HEADING)*
{terminals}TEXT: /[^\\n]*\\n(?:(?!{stops}|[^\\S\\n]*\\#)[^\\n]*\\n)*/m
%import .common (FRONT_MATTER, HEADING, LABEL_CLOCK)
"""


def grammar_name(convention: Convention) -> str:
    """Register the convention's grammar and return the name it is known by."""
    define_grammar(convention.name, lambda: grammar_text(learned(convention)))
    return convention.name


def preset_grammar(name: str, preset: Preset) -> str:
    """Register the grammar of a named layout under its name, and return the name."""
    define_grammar(name, lambda: grammar_text(preset))
    return name


# ---------------------------------------------------------------------------------------
# Discovery

_CAPTURE_BEFORE = ("time", "timeline", "bullet", "chevrons", "heading")
_WRAP_KINDS = ("bold", "italic", "voice")


@functools.cache
def _profile(
    end: str, befores: tuple[str, ...], wraps: tuple[str, ...], after: bool
) -> re.Pattern[str]:
    """One pattern per end that finds every label so ended, whatever comes with it (of the
    ``befores``, ``wraps`` and a time ``after`` that the text may have), and names what it
    found in its groups."""
    before = "|".join(f"(?P<{k}>{_before(k)})" for k in befores)
    opening = "|".join(f"(?P<{k}>{part(_MARKUP[k][0], 'convention')})" for k in wraps)
    # The closing markup of whichever opened: one name pattern for every wrap, so that a
    # process compiles a small pattern (nested conditionals, innermost: no markup).
    closing = ""
    for kind in reversed(wraps):
        closing = f"(?({kind}){part(_MARKUP[kind][1], 'convention')}|{closing})"
    time = f"(?P<after>[^\\S\\n]*{_clock()})?" if after else ""
    body = f"(?:{opening})?" if wraps else ""
    body += f"(?P<name>{_name(Convention(end=end))}){closing}"
    start = f"(?:{before})?" if befores else ""
    return re.compile(f"{part('LINE_START', 'convention')}{start}{body}{time}{_end(end)}")


# What a text must hold for each thing that may come with a label: a pattern built only of
# those it may have is smaller, and compiled sooner (a check of a small file starts sooner).
_BEFORE_SIGNS = {
    "bullet": ("*", "•", "+", "-", "–"),
    "chevrons": (">",),
    "heading": ("#",),
}


def _present(text: str) -> tuple[tuple[str, ...], tuple[str, ...], bool]:
    """The befores and wraps ``text`` may have, and whether it may hold a time."""
    timed = _CLOCK_SIGN.search(text) is not None
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
}
_CLOCK_SIGN = re.compile(r"\d:\d\d")


def may_occur(convention: Convention, text: str) -> bool:
    """Whether ``text`` has what a label of ``convention`` cannot do without: its markup,
    a clock time, the sign of its end (a cheap test that saves compiling its pattern)."""
    c = convention
    if c.wrap and not any(sign in text for sign in _WRAP_SIGNS[c.wrap]):
        return False
    timed = c.end == "time" or (c.after and not c.after_optional)
    timed = timed or (c.before in ("time", "timeline") and not c.before_optional)
    if timed and _CLOCK_SIGN.search(text) is None:
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
    return " ".join(re.sub(r"\([^()]*\)", " ", name).casefold().replace(".", " ").split())


# A character an end cannot do without, and the markup a closing end needs.
_END_SIGNS = {
    "colon": (":", "："),
    "tight": (":", "："),
    "period": (". ",),
    "dot-dash": (".-", ".–", ".—", ". -", ". –", ". —"),
    "dash": (" - ", " – ", " — "),
    "tab": ("\t",),
    "line": ("\n",),
    "close": ("**", "__", "*", "_", "<v"),
}


def _may_end(end: str, text: str) -> bool:
    """Whether ``text`` has what a label ended by ``end`` needs (a cheap test)."""
    if end == "tight":
        return _TIGHT_SIGN.search(text) is not None
    if end == "line":  # a name alone on its line is a convention only with a mark beside it
        return _LINE_MARK.search(text) is not None
    if end in ("period", "dot-dash") and _CAPITALS.search(text) is None:
        return False  # LABEL_DOTTED: a word of capitals says it is a label
    return any(sign in text for sign in _END_SIGNS[end])


_TIGHT_SIGN = re.compile(r"[:：](?:[^\W\d_]|\[)")
# What may mark a name alone on its line (see _distinct): markup, a time, a bullet, ">>",
# a heading mark.
_LINE_MARK = re.compile(r"[*_>#]|<v|\d:\d\d|[•+\-–][^\S\n]")
_CAPITALS = re.compile(r"[A-ZÀ-ÖØ-ÞА-Я]{2}")


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
            name = groups["name"]
            befores, afters, names = seen.setdefault(wrap, (Counter(), Counter(), Counter()))
            befores[next((k for k in present[0] if groups[k] is not None), "")] += 1
            afters[bool(groups.get("after"))] += 1
            names[_key(name or "")] += 1
        for wrap, (befores, afters, names) in seen.items():
            lines = sum(names.values())
            support = sum(n for n in names.values() if n >= 2)
            if support < min_support or not lines:
                continue
            kind, count = max(
                ((k, n) for k, n in befores.items() if k), key=lambda kn: kn[1], default=("", 0)
            )
            before = kind if count >= OPTIONAL_SHARE * lines else ""
            with_time = afters[True]
            convention = Convention(
                end=end,
                before=before,
                wrap=wrap,
                after="time" if with_time >= OPTIONAL_SHARE * lines else "",
                before_optional=bool(before) and count < REQUIRED_SHARE * lines,
                after_optional=OPTIONAL_SHARE * lines <= with_time < REQUIRED_SHARE * lines,
            )
            if not _distinct(convention):
                continue
            found.append(Candidate(convention, lines, support))
    found.sort(key=lambda c: -c.support)
    return found


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
