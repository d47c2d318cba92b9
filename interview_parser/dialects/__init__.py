"""The layout families ("dialects") the parser reads, and how one is chosen.

A plain dict registry, like the exporters'. Each :class:`Dialect` names its grammar in
``grammars/`` and the reader that turns the grammar's tree into raw blocks. Detection
(:func:`detect`) first looks for a format's own signature (a ``WEBVTT`` header, an SRT cue,
Podcasting 2.0 JSON), then lets the line families compete: each parses a sample of the
text, the resolver's evidence rules say how many of its labels are speakers, and the family
with the most speaker turns wins; on a tie the more specific family does.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace

from ..clock import clock_pattern
from ..errors import TranscriptSyntaxError, UsageError
from ..grammar import part
from ..syntax import RawBlock, Reading, read_lines, scan_lines
from . import convention as conventions
from . import discovery


@dataclass(frozen=True)
class Dialect:
    name: str
    summary: str
    grammar: str | None  # the grammar file stem, None for JSON
    read: Callable[[str], Reading]
    # The same reading with blocks made afresh on each iteration, not held (the line
    # families and conventions: syntax.scan_lines); None where the reader needs the whole
    # document (captions, JSON, CSV), whose ``read`` serves.
    stream: Callable[[str], Reading] | None = None

    def read_blocks(self, text: str) -> Reading:
        """The reading whose blocks are made as they are iterated, where this layout has
        one (see ``stream``), else :attr:`read`'s."""
        return (self.stream or self.read)(text)


def _family(name: str, *, lazy: bool = False) -> Callable[[str], Reading]:
    grammar = conventions.preset_grammar(name, conventions.FAMILIES[name])

    def read(text: str) -> Reading:
        return scan_lines(text, grammar) if lazy else read_lines(text, grammar)

    return read


def _convention(
    convention: conventions.Convention, *, lazy: bool = False
) -> Callable[[str], Reading]:
    def read(text: str) -> Reading:
        grammar = conventions.grammar_name(convention)
        reading = scan_lines(text, grammar) if lazy else read_lines(text, grammar)
        return split_answers(reading) if convention.shape in conventions.QUESTIONS else reading

    return read


# The closing bold of a question (a paragraph bold all through holds no other), the blanks
# and the line end after it, and the blank lines after those.
_CLOSING_BOLD = {
    mark: re.compile(rf"{re.escape(mark)}[^\S\n]*(?:\n(?:[^\S\n]*\n)*|\Z)") for mark in ("**", "__")
}


# The end of a numbered question's paragraph: its line end and the blank lines after it.
_PARAGRAPH_END = re.compile(r"[^\S\n]*\n(?:[^\S\n]*\n)+|[^\S\n]*\n?\Z")


def split_answers(reading: Reading) -> Reading:
    """A reading of questions in bold (``shape=bold``) or numbered (``shape=numbered``) with
    each question's block made two: the question (its label the opening bold or the number,
    its text the words of the question, the closing bold and the blank lines after it its
    tail) and, when plain paragraphs follow it, the answer (no label, form ``answer``). A
    numbered question's form is ``question`` (its number is no name to recur). The resolver
    gives them to an unnamed interviewer and an unnamed interviewee (``resolve/speech.py``).
    """
    blocks: list[RawBlock] = []
    for block in reading.blocks:
        mark = (block.label or "").strip()
        if mark in _CLOSING_BOLD:
            closing = _CLOSING_BOLD[mark].search(block.text)
        elif mark and mark[-1] in ".)":
            closing = _PARAGRAPH_END.search(block.text)
            block = replace(block, form="question")
        else:
            closing = None
        if closing is None:
            blocks.append(block)
            continue
        question, answer = block.text[: closing.start()], block.text[closing.end() :]
        blocks.append(
            replace(
                block,
                text=question,
                end_line=block.text_line + question.count("\n"),
                tail=closing.group() + ("" if answer else block.tail),
            )
        )
        if answer:
            line = block.text_line + block.text.count("\n", 0, closing.end())
            blocks.append(
                RawBlock(
                    None,
                    answer,
                    line,
                    block.end_line,
                    text_line=line,
                    form="answer",
                    tail=block.tail,
                )
            )
    return replace(reading, blocks=blocks)


def _learned(text: str, *, lazy: bool = False) -> Reading:
    """Read with the convention the text's lines support best (labelled when none)."""
    found = discovery.discover(text)
    if not found:
        return scan_lines(text, "labelled") if lazy else read_lines(text, "labelled")
    return _convention(found[0], lazy=lazy)(text)


def _learned_stream(text: str) -> Reading:
    return _learned(text, lazy=True)


def _captions(grammar: str) -> Callable[[str], Reading]:
    def read(text: str) -> Reading:
        from .captions import read_captions

        return read_captions(text, grammar)

    return read


def _podcast_json(text: str) -> Reading:
    from .podcast_json import read_podcast_json

    return read_podcast_json(text)


def _json_array(text: str) -> Reading:
    from .podcast_json import read_json_segments

    return read_json_segments(text, "json-array")


def _csv(text: str) -> Reading:
    from .csv_rows import read_csv

    return read_csv(text)


DIALECTS: dict[str, Dialect] = {
    d.name: d
    for d in (
        *(
            Dialect(n, p.summary, n, _family(n), _family(n, lazy=True))
            for n, p in conventions.FAMILIES.items()
        ),
        Dialect("srt", "SubRip captions", "srt", _captions("srt")),
        Dialect("vtt", "WebVTT captions", "vtt", _captions("vtt")),
        Dialect("podcast-json", "Podcasting 2.0 JSON", None, _podcast_json),
        Dialect("json-array", "a JSON array of {start, end, text} segments", None, _json_array),
        Dialect("csv", "CSV with a speaker and a text column", None, _csv),
        Dialect(
            "learned", "the label convention the file's lines show", None, _learned, _learned_stream
        ),
        *(
            Dialect(name, c.describe(), c.name, _convention(c), _convention(c, lazy=True))
            for name, c in conventions.PRESETS.items()
        ),
    )
}

# Line families in order of specificity: on equal evidence the earlier one wins.
LINE_FAMILIES = ("markdown", "timestamped", "labelled", "qa", "namelines")

# How each label form reads in an explanation.
FORMS = {
    "LABEL": "'Name:'",
    "MD_LABEL_IN": "'**Name:**'",
    "MD_LABEL_OUT": "'**Name**:'",
    "MD_LABEL_TIME": "'**Name** [time]'",
    "TS_LABEL": "'[hh:mm:ss] Name:'",
    "NAME_CLOCK": "'Name  m:ss' on its own line",
    "CLOCK_NAME": "a time line, then a name line",
    "QA_MARK": "a bare 'Q' or 'A' marker",
    "NAME_LINE": "a name alone on its line",
    "voice": "a '<v Name>' voice span",
    "prefix": "a 'Name:' prefix in the cue text",
    "json": "a JSON segment speaker",
    "csv": "a speaker column",
    "dash": "a dialogue dash in the cue text",
    "cue-label": "a 'Name:' prefix on every cue",
    "cue-name": "a name line at the top of every cue",
    "unlabelled": "text with no speaker label",
    "answer": "the plain paragraphs after a question",
    "question": "a numbered question",
}

# Family label forms that carry the turn's time.
TIMED_FORMS = frozenset({"TS_LABEL", "NAME_CLOCK", "CLOCK_NAME", "MD_LABEL_TIME"})

SEEN = 3  # conventions named when a reading finds no turns
MAX_CONTENDERS = 2  # layouts that read the sample: a short file is read at most twice
SAMPLE_CHARS = 100_000  # about two hours of speech: enough to tell the layout


def get_dialect(name: str) -> Dialect:
    """The dialect of a name: a family, a preset, or a spelt-out ``learned:end=period``."""
    if name in DIALECTS:
        return DIALECTS[name]
    if name.startswith(conventions.PREFIX):
        try:
            convention = conventions.parse_name(name)
        except ValueError as exc:
            raise UsageError(f"unknown dialect {name!r}: {exc}") from None
        return Dialect(
            convention.name,
            convention.describe(),
            None,
            _convention(convention),
            _convention(convention, lazy=True),
        )
    known = ", ".join(DIALECTS)
    raise UsageError(
        f"unknown dialect {name!r} (known: {known}, or learned:FIELDS such as "
        "learned:before=time,wrap=bold,end=close)"
    )


def signature(text: str) -> str | None:
    """The dialect a format announces itself as, if it does."""
    head = text.lstrip("\ufeff")[:4096]
    if head.startswith("WEBVTT"):
        return "vtt"
    stripped = head.lstrip()
    if stripped.startswith("{") and '"segments"' in text[:65536]:
        return "podcast-json"
    return _structured_signature(stripped)


def _structured_signature(head: str) -> str | None:
    """A JSON array of segments, a CSV header naming a speaker and a text column, or SRT
    cues that open with a timing line (no cue number, or a short time: ``0.860 --> ...``)."""
    from .csv_rows import csv_columns

    if re.match(r"\[\s*\{", head) and ('"text"' in head or '"body"' in head):
        return "json-array"
    if _cue_start().match(head):
        return "srt"
    return "csv" if csv_columns(head.split("\n", 1)[0]) is not None else None


@functools.cache
def _cue_start() -> re.Pattern[str]:
    """The shape of a first cue, from the parts of ``grammars/cues.lark``: an optional number
    line, then a cue time (a clock time, seconds with a fraction, or unpadded fields), "-->"
    and another."""
    time = f"(?:{clock_pattern()}|{part('CUE_SECONDS', 'cues')}|{part('CUE_UNPADDED', 'cues')})"
    return re.compile(rf"(?:\d+[^\S\n]*\n)?[^\S\n]*{time}[^\S\n]*-->[^\S\n]*{time}")


def _sample(text: str) -> str:
    if len(text) <= SAMPLE_CHARS:
        return text
    cut = text.rfind("\n", 0, SAMPLE_CHARS)
    return text[: cut + 1] if cut > 0 else text[:SAMPLE_CHARS]


@dataclass(frozen=True)
class _Contender:
    """A layout worth reading a sample with: a family, or a convention discovered in it."""

    name: str
    read: Callable[[str], Reading]
    timed: bool = False  # a discovered convention whose labels all carry a time
    learned: bool = False


def contenders(sample: str, surveyed: list[discovery.Candidate]) -> list[_Contender]:
    """The layouts whose labels begin the most lines of ``sample`` with a recurring name
    (at most :data:`MAX_CONTENDERS`), in the order in which they settle a tie: the families
    from the most specific, then the discovered conventions.

    One scan of the sample's first turns for each layout's label forms. A family that
    finds exactly the labels a more specific one finds reads the text as that one does
    (``qa`` without a single Q/A mark is ``labelled``), so only the more specific is kept.
    """
    ranked: list[tuple[int, int, int, _Contender]] = []
    kept: list[Counter[str]] = []
    for order, name in enumerate(LINE_FAMILIES):
        if not _may_read_apart(name, sample):
            continue
        names = discovery.label_names(sample, conventions.FAMILIES[name])
        if not names or names in kept:
            continue
        kept.append(names)
        support = sum(n for n in names.values() if n >= 2)
        ranked.append((support, sum(names.values()), order, _Contender(name, DIALECTS[name].read)))
    for order, convention in enumerate(discovery.discover(sample, surveyed), len(ranked)):
        names = discovery.label_names(sample, conventions.learned(convention))
        support = sum(n for n in names.values() if n >= 2)
        contender = _Contender(convention.name, _convention(convention), convention.timed, True)
        ranked.append((support, sum(names.values()), len(LINE_FAMILIES) + order, contender))
    ranked.sort(key=lambda r: (-r[0], -r[1], r[2]))
    chosen = sorted(ranked[:MAX_CONTENDERS], key=lambda r: r[2])
    return [c for *_, c in chosen]


def _may_read_apart(name: str, sample: str) -> bool:
    """Whether family ``name`` may find a label in ``sample``, and one that no more specific
    family with a part of its forms finds (``qa`` is ``labelled`` and Q/A marks: without a
    mark it reads as ``labelled``). Cheap tests, so that its pattern is seldom compiled."""
    forms = {c for _, c in conventions.FAMILIES[name].forms}
    if not any(discovery.may_occur(c, discovery.window(sample)) for c in forms):
        return False
    for other in LINE_FAMILIES[: LINE_FAMILIES.index(name)]:
        shared = {c for _, c in conventions.FAMILIES[other].forms}
        if shared < forms and not any(discovery.occurs(c, sample) for c in forms - shared):
            return False
    return True


def detect(text: str, accepted: Callable[[Reading], list[str]]) -> tuple[str, Reading | None]:
    """Name the dialect of ``text``, with its reading when the sample was the whole text.

    ``accepted(reading)`` returns the label forms of the blocks the resolver would accept
    as speaker turns (passed in so that this layer does not import the resolver). The
    sample is read by the few layouts its lines suggest (:func:`contenders`); when the
    sample is the whole text, the winner's reading is handed back rather than made again.
    """
    announced = signature(text)
    if announced is not None:
        return announced, None
    sample = _sample(text)
    surveyed = discovery.survey(sample, min_support=0)
    best, best_score, best_reading = "labelled", 0, None
    best_timed, best_labels = False, 0
    # A family wins with more speaker turns; on a tie the earlier (more specific) one. A
    # discovered convention wins with more turns, or as many and also the times that come
    # with its labels where the family left them in the text; between two conventions that
    # find as many turns, the one whose labels tell more speakers apart wins ("O SR. JOÃO
    # (PL) - " ends in " - ", not after "O SR.").
    for contender in contenders(sample, surveyed):
        try:
            reading = contender.read(sample)
        except TranscriptSyntaxError:
            continue  # a layout whose grammar rejects the text is simply not this text's
        forms = accepted(reading)
        score = len(forms)
        if contender.name == best and best_reading is None:
            best_reading = reading  # the fallback, read already
        if not contender.learned:
            if score > best_score:
                best, best_score, best_reading = contender.name, score, reading
                best_timed = any(f in TIMED_FORMS for f in forms)
            continue
        labels = len({b.label for b in reading.blocks if b.label is not None})
        tie = score == best_score and (
            (contender.timed and not best_timed)
            or (best.startswith(conventions.PREFIX) and labels > best_labels)
        )
        if score > best_score or (score and tie):
            best, best_score, best_reading = contender.name, score, reading
            best_timed, best_labels = contender.timed, labels
    if best_score == 0 and best_reading is None:
        best_reading = DIALECTS[best].read(sample)  # nothing read turns: the fallback
    if best_reading is not None:  # what was seen, to explain a reading without turns
        best_reading.seen = tuple(c.summary() for c in surveyed[:SEEN])
    return best, best_reading if sample is text else None


def explain(forms: Mapping[str, int], dialect: str) -> str:
    """One sentence of evidence: "41 of 41 turns begin with '[hh:mm:ss] Name:'".

    ``forms``: how many turns begin with each label form, in order of first appearance."""
    family = get_dialect(dialect.split("+")[-1])
    total = sum(forms.values())
    if not total:
        return f"read as {family.summary}; no speaker turns found"
    counts = Counter(forms).most_common()
    parts = [
        f"{n} of {total} turns begin with "
        + (family.summary if f == "LEARNED" else FORMS.get(f, f))
        for f, n in counts[:2]
    ]
    return "; ".join(parts)
