"""Layout layers: page furniture around the speech, removed before a family reads it.

Some transcripts wrap the lines a family grammar reads in another layout: HTML pasted from a
web page or published as a Podcasting 2.0 transcript, or a court reporter's pages with margin
line numbers. A layer turns such a text into the plain text underneath, remembers which source
line each of its lines came from (``line_map``), and lists what it removed as skipped spans,
so positions in the result are still positions in the source and nothing vanishes silently.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field, replace

from lark import Token, Tree

from ..clock import clock_pattern
from ..syntax import Reading, Span, parse_tree
from .discovery import bold_questions


@dataclass
class Layered:
    name: str
    text: str
    line_map: list[int] | None = None  # output line i (0-based) -> source line (1-based)
    skipped: list[Span] = field(default_factory=list)
    column_map: list[int] | None = None  # output line i -> source column of its first char
    all_speech: bool = False  # every line under the layer is speech (see Reading.all_speech)

    def source_column(self, line: int, column: int) -> int:
        """Source column of ``column`` on output ``line`` (exact up to the first inline tag)."""
        if self.column_map is None or not self.column_map:
            return column
        return self.column_map[min(max(line, 1), len(self.column_map)) - 1] + column - 1

    def source_line(self, line: int) -> int:
        if self.line_map is None or not self.line_map:
            return line
        return self.line_map[min(max(line, 1), len(self.line_map)) - 1]

    def remap(self, reading: Reading) -> Reading:
        """The reading with every line number mapped back to the source."""
        m = self.source_line
        c = self.source_column
        blocks = [
            replace(
                b,
                line=m(b.line),
                end_line=m(b.end_line),
                text_line=m(b.text_line),
                label_column=c(b.line, b.label_column),
                text_column=c(b.text_line, b.text_column),
            )
            for b in reading.blocks
        ]
        spans = [replace(s, line=m(s.line), end_line=m(s.end_line)) for s in reading.skipped]
        front = reading.front
        if front is not None:
            front = replace(front, line=m(front.line), end_line=m(front.end_line))
        spans = sorted([*self.skipped, *spans], key=lambda s: s.line)
        speech = reading.all_speech or self.all_speech
        return Reading(f"{self.name}+{reading.dialect}", blocks, spans, front, speech, reading.seen)


# ---------------------------------------------------------------------------------------
# HTML

_HTML_TAG = re.compile(
    r"<(?:!doctype|html|head|body|p|div|br|cite|time|li|h[1-6]|section|article|table|tr|td|span)\b[^>]*>",
    re.IGNORECASE,
)
_PODCAST_HTML = re.compile(r"<cite\b[^>]*>[^<]*</cite>\s*<time\b", re.IGNORECASE)
MIN_HTML_TAGS = 5
MIN_HTML_LINE_SHARE = 0.2


def looks_like_html(text: str) -> bool:
    """A page, or text where block tags are common: a stray anchor in an article is not."""
    head = text[:2048].lstrip().lower()
    if head.startswith(("<!doctype html", "<html")):
        return True
    sample = text[:65536]
    if len(_HTML_TAG.findall(sample)) < MIN_HTML_TAGS:
        return False
    lines = [line for line in sample.split("\n") if line.strip()]
    tagged = sum(1 for line in lines if _HTML_TAG.search(line))
    return tagged >= MIN_HTML_LINE_SHARE * len(lines)


def _paragraphs(lines: list[tuple[str, int, int, bool]]) -> tuple[list[str], list[int], list[int]]:
    """The page's lines, a blank line between paragraphs (it maps to the next block's line),
    with the source line and column of each."""
    out: list[str] = []
    line_map: list[int] = []
    column_map: list[int] = []
    for body, line, column, blank_before in lines:
        if out and blank_before:
            out.append("")
            line_map.append(line)
            column_map.append(1)
        out.append(body)
        line_map.append(line)
        column_map.append(column)
    return out, line_map, column_map


def html_layer(text: str) -> Layered | None:
    if not looks_like_html(text):
        return None
    from .html_text import HtmlText  # html.parser only when a page is read

    parser = HtmlText()
    parser.feed(text)
    parser.close()
    out, line_map, column_map = _paragraphs(parser.lines)
    if parser.whole_bold and not bold_questions("\n".join(out)):
        parser.unmark_whole_bold()  # bold paragraphs that are not questions: headings
        out, line_map, column_map = _paragraphs(parser.lines)
    # A Podcasting 2.0 HTML transcript (<cite> speaker, <time>, <p> text) is all speech: a
    # paragraph with no <cite> before it is an unlabelled speaker's, not a preamble.
    speech = bool(_PODCAST_HTML.search(text))
    return Layered("html", "\n".join(out) + "\n", line_map, parser.skipped, column_map, speech)


# ---------------------------------------------------------------------------------------
# Court-reporter pages

MIN_MARGIN_SHARE = 0.6
# A court page shows margin number 1 within its first lines; look no further for it.
COURT_SNIFF_CHARS = 8192
_FIRST_MARGIN = re.compile(r"^[^\S\n]*1[^\S\n]", re.M)


def court_layer(text: str) -> Layered | None:
    if not _FIRST_MARGIN.search(text[:COURT_SNIFF_CHARS]):
        return None  # cheap exit: no line near the start begins with margin number 1
    tree = parse_tree(text.replace("\r", ""), "court")
    lines = [n for n in tree.children if isinstance(n, Tree)]
    filled = [n for n in lines if _types(n) - {"FORM_FEED"}]
    margins = [n for n in filled if "MARGIN" in _types(n)]
    if not filled or len(margins) < MIN_MARGIN_SHARE * len(filled):
        return None
    out: list[str] = []
    skipped: list[Span] = []
    for index, node in enumerate(lines, start=1):
        parts: list[str] = []
        for token in node.children:
            if not isinstance(token, Token):
                continue
            if token.type == "REST":
                parts.append(str(token))
            elif token.type == "PAGE_NO":
                skipped.append(Span("page number", str(token).strip(" \t\f"), index, index))
            elif token.type == "MARGIN":
                parts.append(" " * len(str(token)))
                skipped.append(Span("margin line number", str(token).strip(), index, index))
        out.append("".join(parts))
    return Layered("court", "\n".join(out), None, _runs(skipped))


def _types(node: Tree[Token]) -> set[str]:
    return {t.type for t in node.children if isinstance(t, Token)}


def _runs(spans: list[Span]) -> list[Span]:
    """Margin numbers of consecutive lines listed as one span ("1 2 3 ... 25")."""
    result: list[Span] = []
    for span in spans:
        last = result[-1] if result else None
        if (
            last is not None
            and span.kind == last.kind
            and span.kind in ("margin line number", "line time")
            and span.line == last.end_line + 1
        ):
            result[-1] = replace(last, text=f"{last.text} {span.text}", end_line=span.line)
        else:
            result.append(span)
    return result


# ---------------------------------------------------------------------------------------
# A constant time in front of every line

# A prefix on this share of the non-blank lines (at least MIN_PREFIX_LINES) is furniture.
PREFIX_SHARE = 0.8
MIN_PREFIX_LINES = 5


@functools.cache
def _line_clock() -> re.Pattern[str]:
    return re.compile(rf"[^\S\n]*\[?{clock_pattern()}\]?[^\S\n]+(?=\S)")


def prefix_layer(text: str) -> Layered | None:
    """Remove one clock time written, unchanged, in front of nearly every line ("0:00 " from
    an export that stamps each line with the same time): it times nothing, so it is listed
    as skipped and the text after it is read."""
    head = text[: text.find("\n", 20_000) + 1 or len(text)]
    filled = [line for line in head.split("\n")[:400] if line.strip()]
    if len(filled) < MIN_PREFIX_LINES:
        return None
    first = _line_clock().match(filled[0])
    if first is None:
        return None
    prefix = first.group(0)
    if sum(1 for line in filled if line.startswith(prefix)) < PREFIX_SHARE * len(filled):
        return None
    lines = text.split("\n")
    out: list[str] = []
    columns: list[int] = []
    skipped: list[Span] = []
    for number, line in enumerate(lines, start=1):
        if line.startswith(prefix) and line[len(prefix) :].strip():
            out.append(line[len(prefix) :])
            columns.append(len(prefix) + 1)
            skipped.append(Span("line time", prefix.strip(), number, number))
        else:
            out.append(line)
            columns.append(1)
    return Layered("prefix", "\n".join(out), None, _runs(skipped), columns)


def apply_layers(text: str) -> Layered | None:
    """The layer this text is wrapped in, if any (HTML first, then court pages, then a
    constant time in front of every line, then cue or page numbers alone on their lines:
    :mod:`.numbers`, then a Markdown blockquote around the whole transcript: :mod:`.quotes`,
    then turns run together on one line: :mod:`.reflow`)."""
    from .numbers import number_layer
    from .quotes import quote_layer
    from .reflow import reflow_layer

    return (
        html_layer(text)
        or court_layer(text)
        or prefix_layer(text)
        or number_layer(text)
        or quote_layer(text)
        or reflow_layer(text)
    )
