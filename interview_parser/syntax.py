"""Stage 1 of the pipeline: normalised text -> Lark parse tree -> raw blocks.

``parse_tree`` runs a family grammar; ``read_lines_family`` turns the tree of any line
family (labelled, markdown, timestamped, qa, namelines) into plain :class:`RawBlock` values:
a label candidate and the text after it, with source positions, plus the layout spans
(headings) that are not speech. Nothing here decides who is a speaker: that is evidence,
and lives in :mod:`interview_parser.resolve`.
"""

from __future__ import annotations

import re
from array import array
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import Protocol

from lark import Token, Tree
from lark.exceptions import UnexpectedInput

from .errors import TranscriptSyntaxError
from .grammar import TokenScanner, get_parser, get_scanner

# A text this long is scanned with one alternation of a state's terminals (see
# grammar.Alternatives): compiling them costs a few milliseconds, less than they save.
UNION_CHARS = 200_000


class Matcher(Protocol):
    """A compiled pattern, or :class:`grammar.Alternatives` (the same ``match``)."""

    def match(self, text: str, pos: int, /) -> re.Match[str] | None: ...


# Inline blanks a label may start with (zero-width characters count as blank here).
LEADING_BLANKS = " \t\u00a0\u200b\u200c\u200d\u2060\ufeff"
# Blanks a transcript uses besides the space: tabs, no-break and zero-width spaces.
BLANKS = " \t\f\v\u00a0\u2007\u202f\u200b\u200c\u200d\u2060\ufeff"
# Blanks and line ends: what may trail a block's text (kept apart in ``RawBlock.tail``).
BLANKS_AND_LINE_ENDS = BLANKS + "\n"


# Made with keywords everywhere but in the scanner's loop (_blocks): eleven fields of which
# several are ints (lines, columns) are too easy to swap by position, and the one call by
# position is held to the keyword one by tests/test_scanner.py. Not keyword-only: a call
# with keywords costs about twice one by position (20,000 blocks in 10 MB of short turns).
# Not frozen: a frozen dataclass's __init__ costs 3x.
@dataclass(slots=True)
class RawBlock:
    """One block of source text.

    ``label`` is the label-shaped prefix as written, punctuation and following blanks
    included (``None`` for text that continues the previous block), ``text`` everything after
    it that is speech. ``line`` is the 1-based line where the block starts, ``end_line`` the
    last line that has text in it; ``label_column`` the column of the label's first
    character; ``text_line`` and ``text_column`` where ``text`` starts in the source, so that
    positions inside it can be mapped back. ``form`` names the label's layout (the grammar
    terminal, e.g. ``LABEL`` or ``TS_LABEL``); ``start`` and ``end`` are times in seconds
    that the layout gives outside the label (caption cue timings). ``tail`` holds the blanks
    and line ends that followed ``text`` in the source (``text + tail`` is all of it): kept
    apart, a one-line turn's text is already clean and needs no copy.
    """

    label: str | None
    text: str
    line: int
    end_line: int
    label_column: int = 1
    text_line: int = 0
    text_column: int = 1
    form: str = ""
    start: float | None = None
    end: float | None = None
    tail: str = ""


def _split_tail(whole: str) -> tuple[str, str]:
    """A block's text without its trailing blanks and line ends, and those."""
    body = whole.rstrip(BLANKS_AND_LINE_ENDS)
    return (whole, "") if len(body) == len(whole) else (body, whole[len(body) :])


def _last_text_line(body: str, text_line: int) -> tuple[int, int]:
    """The line of the last character of ``body`` that is not white space (``body`` starts
    on ``text_line``), and the offset in ``body`` up to which its line ends were counted."""
    end = len(body.rstrip()) if body[-1:].isspace() else len(body)
    return text_line + body.count("\n", 0, end), end


@dataclass(frozen=True)
class Span:
    """Source text that is layout, not speech (a heading, a cue number, a timing line)."""

    kind: str
    text: str
    line: int
    end_line: int


@dataclass(frozen=True)
class FrontMatter:
    """The YAML block at the top of a file, as written (``---`` lines included)."""

    text: str
    line: int
    end_line: int


class ScannedBlocks:
    """The blocks of a scanned text, made afresh each time they are iterated (the resolver
    reads them in passes): the text and, for each block, four numbers in arrays (where it
    starts, where its text starts, where it ends, its label form), 13 bytes a block where
    the :class:`RawBlock` objects cost about 250."""

    __slots__ = ("_bodies", "_ends", "_form_ids", "_forms", "_starts", "_text")

    def __init__(self, text: str, forms: list[str]) -> None:
        code = "i" if len(text) < 2**31 else "q"
        self._text = text
        self._starts, self._bodies, self._ends = array(code), array(code), array(code)
        self._form_ids = array("B" if len(forms) < 256 else "H")
        self._forms = forms

    def __len__(self) -> int:
        return len(self._starts)

    def extend(self, marks: list[tuple[int, int, int, str]]) -> None:
        """Add the blocks at ``marks`` (start, text start or -1, end, label form or ""),
        and empty that list."""
        if not marks:
            return
        starts, bodies, ends, forms = zip(*marks, strict=True)
        self._starts.extend(starts)
        self._bodies.extend(bodies)
        self._ends.extend(ends)
        known = self._forms
        for form in dict.fromkeys(forms):
            if form not in known:
                known.append(form)
        number = {form: i for i, form in enumerate(known)}
        self._form_ids.extend(map(number.__getitem__, forms))
        marks.clear()

    def __iter__(self) -> Iterator[RawBlock]:
        forms = map(self._forms.__getitem__, self._form_ids)  # (in C: no generator a block)
        marks = zip(self._starts, self._bodies, self._ends, forms, strict=True)
        return _iter_blocks(self._text, marks)


# A reading's blocks: a list, or blocks made afresh on each iteration (both can be read again).
Blocks = list[RawBlock] | ScannedBlocks


@dataclass
class Reading:
    """What a dialect reader makes of a text, before any resolution.

    ``all_speech``: every block is speech (captions, segments), so text before the first
    speaker label is an unlabelled speaker's, never a preamble. ``blocks`` may be read
    more than once (a list, or :class:`ScannedBlocks`).
    """

    dialect: str
    blocks: Blocks
    skipped: list[Span]
    front: FrontMatter | None = None
    all_speech: bool = False
    # What detection saw of the label conventions the text's lines suggest, in words, to
    # explain a reading that finds no turns ("14 lines begin with a name ended by '.'").
    seen: tuple[str, ...] = ()


def parse_tree(text: str, grammar: str = "labelled") -> Tree[Token]:
    """Parse normalised text (``\\n`` line ends) with a family grammar."""
    if not text.endswith("\n"):
        text += "\n"  # every grammar line ends in a newline; a missing final one is common
    try:
        return get_parser(grammar).parse(text)
    except UnexpectedInput as exc:
        raise TranscriptSyntaxError(
            _unexpected(exc, grammar), line=exc.line, column=exc.column
        ) from None


def _unexpected(exc: UnexpectedInput, grammar: str) -> str:
    """A one-line message naming what the grammar expected at the failing position."""
    expected = sorted(getattr(exc, "expected", None) or getattr(exc, "allowed", None) or ())
    names = [
        EXPECTED_NAMES.get(e, e.lower().replace("_", " "))
        for e in expected
        if not e.startswith("_")
    ]
    wanted = f"; expected {' or '.join(dict.fromkeys(names))}" if names else ""
    return f"unexpected text for the {grammar} layout{wanted}"


# How grammar terminals read in an error message.
EXPECTED_NAMES = {
    "CUE_TIMING": "a cue timing line (00:00:01,000 --> 00:00:02,000)",
    "CUE_INDEX": "a cue number",
    "CUE_ID": "a cue identifier or timing line",
    "CUE_TEXT": "cue text",
    "VTT_HEADER": "a WEBVTT header",
    "VTT_BLOCK": "a NOTE block",
}


def _heading(token: Token) -> Span:
    line = int(token.line or 1)
    return Span("heading", str(token).strip(), line, line)


def _front_matter(token: Token) -> FrontMatter:
    line = int(token.line or 1)
    return FrontMatter(str(token), line, line + str(token).rstrip("\n").count("\n"))


def _block(labels: list[Token], texts: list[Token]) -> RawBlock:
    """A block from its label tokens (none for a continuation) and its TEXT tokens."""
    first = (labels or texts)[0]
    line = int(first.line or 1)
    body, tail = _split_tail("".join(str(t) for t in texts))
    text_line = int(texts[0].line or line) if texts else line
    end_line = _last_text_line(body, text_line)[0]
    text_column = int(texts[0].column or 1) if texts else 1
    if not labels:
        return RawBlock(
            label=None,
            text=body,
            line=line,
            end_line=end_line,
            text_line=text_line,
            text_column=text_column,
            tail=tail,
        )
    raw = "".join(str(t) for t in labels)
    stripped = raw.lstrip(LEADING_BLANKS)
    column = int(first.column or 1) + len(raw) - len(stripped)
    form = labels[0].type
    return RawBlock(
        label=stripped,
        text=body,
        line=line,
        end_line=end_line,
        label_column=column,
        text_line=text_line,
        text_column=text_column,
        form=form,
        tail=tail,
    )


def read_lines_family(tree: Tree[Token], dialect: str) -> Reading:
    """Flatten the tree of a line family into blocks; headings become skipped spans.

    Text after a heading inside a block continues the block as a block without a label,
    so every block's text is one contiguous piece of the source.
    """
    blocks: list[RawBlock] = []
    reading = Reading(dialect, blocks, [])
    for node in tree.children:
        if not isinstance(node, Tree):
            continue
        tokens = [t for t in node.children if isinstance(t, Token)]
        if node.data == "front_matter":
            reading.front = _front_matter(tokens[0])
            continue
        labels = [t for t in tokens if t.type not in ("TEXT", "HEADING")]
        texts: list[Token] = []
        for token in tokens:
            if token.type == "TEXT":
                texts.append(token)
            elif token.type == "HEADING":
                if labels or texts:
                    blocks.append(_block(labels, texts))
                labels, texts = [], []
                reading.skipped.append(_heading(token))
        if labels or texts:
            blocks.append(_block(labels, texts))
    return reading


def read_lines(text: str, grammar: str) -> Reading:
    """Read normalised text with a line-family grammar: the same :class:`Reading` as
    ``read_lines_family(parse_tree(text, grammar), grammar)``, from the grammar's own tokens
    without the LALR parser's per-token cost when :func:`get_scanner` allows it."""
    return _read_lines(text, grammar, lazy=False)


def scan_lines(text: str, grammar: str) -> Reading:
    """:func:`read_lines` whose blocks are :class:`ScannedBlocks` (made on each iteration,
    not held) when the grammar's scanner reads the text; else a list, as there."""
    return _read_lines(text, grammar, lazy=True)


def _read_lines(text: str, grammar: str, *, lazy: bool) -> Reading:
    scanner = get_scanner(grammar)
    if scanner is not None and scanner.block_start:
        whole = text if text.endswith("\n") else text + "\n"
        reading = _scan_lines(whole, scanner, grammar, lazy=lazy)
        if reading is not None:
            return reading
    return read_lines_family(parse_tree(text, grammar), grammar)  # also: the error message


def _scan_lines(
    text: str, scanner: TokenScanner, dialect: str, *, lazy: bool = False
) -> Reading | None:
    """Blocks straight from the token stream, as the grammar's rules group them:
    ``front_matter? lead? block*`` with ``block: LABEL-ish (label suffix)? (TEXT | HEADING)*``.
    None when the text does not lex or may not end where it does (Lark then explains why).

    A block's tokens are adjacent, so the token loop only notes where each block starts,
    where its text starts and where it ends; the blocks are then sliced out of the source in
    one loop of their own, which counts each line end once (two tight loops cost less than
    one that builds a block in the middle of the scan). The loop notes them as tuples;
    ``lazy`` moves them into arrays every :data:`_MARKS_HELD` blocks and keeps those
    (:class:`ScannedBlocks`, 13 bytes a block), else the blocks are made into a list.
    """
    reading = Reading(dialect, [], [])
    block_start = scanner.block_start
    after: Mapping[str, Matcher] = scanner.after
    pattern: Matcher = scanner.start
    if len(text) >= UNION_CHARS:  # one regex call a token repays compiling the unions
        after = {kind: alternatives.union for kind, alternatives in scanner.after.items()}
        pattern = scanner.start.union
    kind: str | None = None
    pos, size = 0, len(text)
    start = -1  # where the current block starts (-1: no block)
    body_at = -1  # where its text starts (-1: no text yet)
    form = ""  # its label's terminal ("": a block without a label)
    # Each block as (start, text start or -1, end, form); each heading as (start, end).
    marks: list[tuple[int, int, int, str]] = []
    mark = marks.append
    held = _MARKS_HELD if lazy else size + 1  # (a list of the whole text's marks: no limit)
    kept = ScannedBlocks(text, [""])
    headings: list[tuple[int, int]] = []
    front: tuple[int, int] | None = None
    match_at = pattern.match
    matchers = {kind: alternatives.match for kind, alternatives in after.items()}
    while pos < size:
        match = match_at(text, pos)
        if match is None:
            return None
        kind = match.lastgroup
        end = match.end()
        if end == pos or kind is None:  # Lark forbids empty terminals; never loop on one
            return None
        if kind == "TEXT":
            if body_at < 0:  # (else: more text of the block's)
                body_at = pos
                if start < 0:
                    start, form = pos, ""
        elif kind in block_start:
            if start >= 0:
                mark((start, body_at, pos, form))
                if len(marks) >= held:
                    kept.extend(marks)
            start, body_at, form = pos, -1, kind
        elif kind == "HEADING":
            if start >= 0:
                mark((start, body_at, pos, form))
            start, body_at = -1, -1
            headings.append((pos, end))
        elif kind == "FRONT_MATTER":
            front = (pos, end)
        # else: what may follow a label inside it (a clock time): part of the label
        pos = end
        match_at = matchers[kind]
    if kind not in scanner.may_end:
        return None
    if start >= 0:
        mark((start, body_at, pos, form))
    if front is not None:
        value = text[front[0] : front[1]]
        line = 1 + text.count("\n", 0, front[0])
        reading.front = FrontMatter(value, line, line + value.rstrip("\n").count("\n"))
    if headings:
        reading.skipped.extend(_headings(text, headings))
    if lazy:
        kept.extend(marks)
        reading.blocks = kept
    else:
        reading.blocks = list(_iter_blocks(text, marks))
    return reading


# The most block marks a lazy scan holds as tuples (about 150 bytes each) before it moves
# them into its arrays.
_MARKS_HELD = 4096


def _headings(text: str, headings: list[tuple[int, int]]) -> list[Span]:
    spans: list[Span] = []
    at, line = 0, 1
    for start, end in headings:
        line += text.count("\n", at, start)
        at = start
        spans.append(Span("heading", text[start:end].strip(), line, line))
    return spans


def _iter_blocks(text: str, marks: Iterable[tuple[int, int, int, str]]) -> Iterator[RawBlock]:
    """The blocks at ``marks`` (start, text start or -1, end, label form or "")."""
    count, rfind = text.count, text.rfind
    trailing = BLANKS_AND_LINE_ENDS
    at, line = 0, 1  # a position whose line is known, and that line
    for start, body_at, end, form in marks:
        if at != start:
            line += count("\n", at, start)
        # where the block's first line begins (-1: the text's first line)
        begins = start - 1 if not start or text[start - 1] == "\n" else rfind("\n", 0, start)
        label: str | None = None
        column, text_line = 1, line
        if form:
            raw = text[start : body_at if body_at >= 0 else end]
            label = raw.lstrip(LEADING_BLANKS)
            column = start - begins + len(raw) - len(label)
            if "\n" in raw:
                text_line = line + raw.count("\n")
                begins = rfind("\n", 0, body_at)
        if body_at < 0:  # a label and nothing after it
            yield (
                RawBlock(
                    label=label,
                    text="",
                    line=line,
                    end_line=line,
                    label_column=column,
                    text_line=line,
                    form=form,
                )
            )
            at, line = end, text_line
            continue
        # The text without the blanks and line ends after it (its tail): stripped in C,
        # which costs less than finding where they start a character at a time.
        whole = text[body_at:end]
        body = whole.rstrip(trailing)
        # The line of the last character that is not white space: the block's line ends
        # are counted this far, and the next block's line starts from here. (rstrip()
        # gives the very text back, no copy, when it ends in none: most do.)
        counted = len(body.rstrip())
        end_line = text_line
        if "\n" in body:
            end_line += count("\n", body_at, body_at + counted)
        tail = whole[len(body) :]
        # by position (see RawBlock): label, text, line, end_line, label_column, text_line,
        # text_column, form, start, end, tail
        yield (
            RawBlock(
                label,
                body,
                line,
                end_line,
                column,
                text_line,
                body_at - begins,
                form,
                None,
                None,
                tail,
            )
        )
        at, line = body_at + counted, end_line
