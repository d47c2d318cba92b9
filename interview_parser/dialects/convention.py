"""The one label mechanism: a label convention as data, and the grammar built for it.

A :class:`Convention` says where a label sits, what it looks like, what comes with it and
what ends it; a :class:`Preset` is a layout of one or more such label forms. The line
families (:data:`FAMILIES`: labelled, markdown, timestamped, qa, namelines) and the named
conventions (:data:`PRESETS`) are presets, and a file's own convention is discovered from it
(:mod:`.discovery`). :func:`grammar_text` joins the named parts of
``grammars/convention.lark`` and ``grammars/common.lark`` into a Lark grammar for a layout,
of one outline for all (so the fast scanner of :mod:`interview_parser.syntax` reads every
one). A new layout is a new combination of parts, or a new part: not new code.

A convention's dialect name spells it out, so that it can be given back with ``--dialect``:
``learned:before=time,wrap=bold,end=close``. :data:`PRESETS` names the common ones.
"""

from __future__ import annotations

import functools
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
    "para": "the end of its line, a blank line below",
    "next": "the end of its line",
    "gap": "'.', a tab or two blanks",
    "time": "a time in brackets",
    "blank": "the blanks after it",
}
BEFORES = {
    "time": "a time",
    "timeline": "a time line above it",
    "bullet": "a bullet",
    "chevrons": "'>' or '>>'",
    "heading": "a heading mark",
    "at": "'@'",
}
WRAPS = {
    "bold": "a bold name",
    "bold-colon": "a bold name with its colon inside",
    "italic": "an italic name",
    "voice": "a name in a <v> voice tag",
    "bracket": "a name in square brackets",
    "angle": "a name in angle brackets",
    "wiki": "a name in MediaWiki bold",
}
# The opening and closing parts of each wrap.
_MARKUP = {
    "bold": ("OPEN_BOLD", "CLOSE_BOLD"),
    "bold-colon": ("OPEN_BOLD", "CLOSE_BOLD_COLON"),
    "italic": ("OPEN_ITALIC", "CLOSE_ITALIC"),
    "voice": ("OPEN_VOICE", "CLOSE_VOICE"),
    "bracket": ("OPEN_BRACKET", "CLOSE_BRACKET"),
    "angle": ("OPEN_ANGLE", "CLOSE_ANGLE"),
    "wiki": ("OPEN_WIKI_BOLD", "CLOSE_WIKI_BOLD"),
}

SHAPES = {
    "words": "a name",
    "dotted": "a name",
    "plain": "a plain name",
    "mark": "a bare 'Q' or 'A'",
    "markup": "any words",
    "dash": "a dialogue dash and no name",
    "bold": "a paragraph in bold all through and no name",
    "numbered": "a numbered question and no name",
}
# The shape an end implies when a convention names none: a label that ends in a period is
# dotted ("Mr. CORNYN."), one that only the blanks after it end is a dialogue dash.
_SHAPE_OF_END = {"period": "dotted", "dot-dash": "dotted", "blank": "dash"}
# Shapes that name nobody: their turns go to speakers who take turns (resolve/speech.py);
# a bold or numbered paragraph is an interviewer's question, the plain ones after it the
# answer.
NAMELESS = frozenset({"dash", "bold", "numbered"})
# Shapes whose label is a question with the answer in the paragraphs below it.
QUESTIONS = frozenset({"bold", "numbered"})


@dataclass(frozen=True)
class Convention:
    """Where a label sits, what comes with it and what ends it.

    ``before`` is one of :data:`BEFORES` or ""; ``wrap`` one of :data:`WRAPS` or "";
    ``after`` is "time" when a time follows the name; ``end`` one of :data:`ENDS`; ``shape``
    one of :data:`SHAPES`, or "" for the shape the end implies (``dotted`` before a period,
    ``dash`` before the blanks alone, else ``words``). A feature marked optional
    (``before_optional``, ``after_optional``, ``shape_optional``: the name itself) may be
    missing on a label.
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
        """Whether its labels carry times that a family's reading would leave in the text:
        a time after every name, or a time before names, on every label or some ("00:05:00"
        on a line above every tenth name, as meeting exports write it: the families read a
        time after a name as its clock, none before it but the timestamped family's)."""
        if self.before in ("time", "timeline"):
            return True
        return (bool(self.after) and not self.after_optional) or self.end == "time"

    @property
    def marked(self) -> bool:
        """Whether something besides the end marks the label (a line end alone does not)."""
        return bool(self.before or self.wrap or self.after) or self.end not in (
            "line",
            "next",
            "para",
        )

    def describe(self) -> str:
        """How the convention reads: "a time, then a bold name, ended by its closing markup"."""
        parts = []
        if self.before:
            optional = " (not always)" if self.before_optional else ""
            parts.append(f"{BEFORES[self.before]}{optional}, then")
        shape = SHAPES[self.shape or _SHAPE_OF_END.get(self.end, "words")]
        shape += " or none" if self.shape_optional else ""
        parts.append(WRAPS[self.wrap] if self.wrap else shape)
        if self.after:
            parts.append(f"and a time{' (not always)' if self.after_optional else ''}")
        if self.shape not in NAMELESS or self.shape == "dash":  # (a bold paragraph ends itself)
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
        or (convention.end == "blank" and convention.shape not in ("", *NAMELESS))
        or (convention.shape in NAMELESS and convention.end != "blank")
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

# Questions printed as bold paragraphs, answers as the plain paragraphs after them.
BOLD_QUESTIONS = Convention(shape="bold", end="blank")
# ... and as numbered paragraphs ("1. What surprised you?"), as interviews by e-mail print them.
NUMBERED_QUESTIONS = Convention(shape="numbered", end="blank")

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
    "dash-dialogue": Convention(end="blank"),
    "bold-questions": BOLD_QUESTIONS,
    "numbered-questions": NUMBERED_QUESTIONS,
    "paragraph-names": Convention(end="para"),
}


# ---------------------------------------------------------------------------------------
# The parts, and the label pattern of a convention


@functools.cache
def time_range() -> str:
    """A time span in brackets, "[0.00-4.20]", "(00:01:02 --> 00:01:09)": the start time in
    group ``start``, the end time in group ``end`` (each a CLOCK or SECONDS)."""
    one = f"(?:{part('CLOCK')}|{part('SECONDS')})"
    return (
        f"{part('BRACKET_OPEN')}[^\\S\\n]*(?P<start>{one}){part('RANGE_TO')}(?P<end>{one})"
        f"[^\\S\\n]*{part('BRACKET_CLOSE')}"
    )


@functools.cache
def _clock(dated: bool = False) -> str:
    # A time, perhaps in brackets, perhaps after a count-down sign: "[-00:01:40]"; or a time
    # span in brackets, "[0.00-4.20]" (without its groups: a label pattern joins several).
    # ``dated``: a time of day may come with its date, "12/03/2026, 09:14" (before a name).
    span = time_range().replace("?P<start>", "?:").replace("?P<end>", "?:")
    date = f"(?:{part('DATE')})?" if dated else ""
    opening, closing = part("BRACKET_OPEN"), part("BRACKET_CLOSE")
    return f"(?:{span}|(?:{opening})?-?{date}{part('CLOCK')}(?:{closing})?)"


def _before(kind: str) -> str:
    if kind == "time":
        return _clock(dated=True) + part("AFTER_TIME", "convention")
    if kind == "timeline":
        line_start = part("LINE_START", "convention")
        return f"{_clock(dated=True)}[^\\S\\n]*\\n(?:[^\\S\\n]*\\n)?{line_start}"
    return part(f"BEFORE_{kind.upper()}", "convention")


def name_words() -> str:
    """The label shape of a name: a word, up to five more, perhaps a role after a comma
    (``LABEL_WORD``, ``LABEL_MORE``, ``LABEL_ROLE`` in ``grammars/common.lark``)."""
    return part("LABEL_WORD") + part("LABEL_MORE") + part("LABEL_ROLE")


def _name(convention: Convention) -> str:
    shape = convention.shape or _SHAPE_OF_END.get(convention.end, "words")
    if shape == "words":
        return name_words()
    if shape == "plain":
        return part("NAME") + part("LABEL_PAREN")
    return part(f"LABEL_{shape.upper()}")


def _end(end: str) -> str:
    if end == "time":  # the time that follows is read by LABEL_CLOCK; a colon after it
        # ends the label instead ("Tim Beiko (0:23): Cool.": a time, then the colon end)
        time = f"{part('BRACKET_OPEN')}{part('CLOCK')}{part('BRACKET_CLOSE')}"
        return f"(?=[^\\S\\n]*{time}(?![^\\S\\n]*[:：]))"
    return part(f"END_{end.upper().replace('-', '_')}", "convention")


def _optional(pattern: str, optional: bool) -> str:
    return f"(?:{pattern})?" if optional else f"(?:{pattern})"


def markup(wrap: str) -> tuple[str, str]:
    """The opening and closing patterns of a wrap. Square brackets that hold a stage note
    (``[Laughter]``, ``[inaudible]``: ``grammars/notes.lark``) open no label."""
    opening, closing = (part(p, "convention") for p in _MARKUP[wrap])
    if wrap == "bracket":
        opening = f"(?!{part('STAGE_NOTE', 'notes')}){opening}"
    return opening, closing


def label_pattern(convention: Convention) -> str:
    """The regular expression of one label of ``convention``, from the start of its line."""
    c = convention
    pieces = ["^", part("LINE_START", "convention")]
    if c.before:
        pieces.append(_optional(_before(c.before), c.before_optional))
    name = _optional(_name(c), c.shape_optional)
    if c.wrap:
        opening, closing = markup(c.wrap)
        name = f"(?:{opening}){name}(?:{closing})"
    pieces.append(name)
    if c.after:
        pieces.append(_optional(f"[^\\S\\n]*{_clock()}", c.after_optional))
    pieces.append(_end(c.end))
    return "".join(pieces)


# Priority of the label terminals: over HEADING (3), so that a label after a heading mark
# is a label; among a layout's forms, the first listed wins.
_LABEL_PRIORITY = 4


# How far into a line a label's colon is looked for first (see _stop): most labels, a name
# and perhaps a role, are shorter.
_EARLY = 40


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
        # a quick scan (a class such as [:：] would be tried at every position); ".*" is
        # "[^\n]*" (the grammars set no DOTALL flag) at half the cost a character. The
        # engine scans ".*" to the line's end and back: a label's colon, near the line's
        # start, is looked for in its first characters first (the same lines stop: a
        # subset of the next alternative's), so that the line that ends a block is read
        # to its end once, not three times (a line of speech pays a few dozen characters).
        early = f".{{0,{_EARLY}}}"
        if c.end == "colon":
            return f"{early}:\\s|.*:\\s|.*："
        if c.end == "tight":
            return f"{early}:|.*:|.*："
        if c.end == "time" or (c.after and not c.after_optional):
            return f"{early}:\\d|.*:\\d"
    if c.wrap and not c.before:  # a line that opens the markup: forms that differ after it
        return part("LINE_START", "convention") + part(_MARKUP[c.wrap][0], "convention")
    return label_pattern(c)[1:]  # without its "^": a lookahead at the start of a line


def grammar_text(preset: Preset) -> str:
    """The Lark grammar that reads a transcript written in ``preset``'s forms.

    ``TEXT`` reads lines until one that may begin a label (:func:`_stop`) or a heading; an
    empty line is neither, and is read at once (the engine tries no stop on it)."""
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
{terminals}TEXT: /.*\\n(?:\\n|(?!{stops}|[^\\S\\n]*\\#).*\\n)*/m
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
