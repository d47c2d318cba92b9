"""Readers for the podcast formats, used by the tests to read exports back.

Each reader parses a document with a real parser (markdown-it-py for Markdown, screenplain
for Fountain, json + jsonschema, html.parser) and returns the speech it finds, turn by turn,
so that tests compare what a reader sees with the transcript's turns.
"""

from __future__ import annotations

import io
import json
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from importlib import resources
from typing import Any

import jsonschema
from markdown_it import MarkdownIt
from markdown_it.token import Token
from screenplain.parsers import fountain as fountain_parser
from screenplain.richstring import Underline
from screenplain.types import Dialog, Transition

import interview_parser as ip
from interview_parser.exporters.script import paragraphs


@dataclass
class Speech:
    who: str  # the mark, cite or character as the document shows it
    paragraphs: list[str] = field(default_factory=list)
    bold: bool = False  # Markdown: every paragraph of it in bold


def turn_paragraphs(t: ip.Transcript) -> list[list[str]]:
    """What each turn says, as the exporters split it: paragraphs on one line each."""
    return [paragraphs(turn.text) for turn in t.turns]


def words(t: ip.Transcript) -> list[str]:
    return [w for turn in t.turns for w in turn.text.split()]


def speech_words(speeches: list[Speech]) -> list[str]:
    return [w for s in speeches for p in s.paragraphs for w in p.split()]


# -- Markdown ---------------------------------------------------------------------------


def _markdown() -> MarkdownIt:
    # CommonMark plus the GFM table and strikethrough rules, as GitHub would render it.
    return MarkdownIt("commonmark").enable(["table", "strikethrough"])


@dataclass
class Paragraph:
    text: str
    bold: bool  # the whole paragraph is one strong span
    italic: bool  # the whole paragraph is one em span
    lead: str | None  # text of a strong span that opens the paragraph


def markdown_blocks(document: str) -> list[tuple[str, str]]:
    """("h1".."h6" | "p", text) for each heading and paragraph, with paragraph markup kept
    apart: use :func:`markdown_paragraphs` for that."""
    out = []
    tokens = _markdown().parse(document)
    for i, token in enumerate(tokens):
        opener = tokens[i - 1] if i else None
        if token.type == "inline" and opener and opener.type in ("heading_open", "paragraph_open"):
            kind = opener.tag if opener.type == "heading_open" else "p"
            out.append((kind, _plain(token.children or [])))
    return out


def markdown_paragraphs(document: str) -> list[Paragraph]:
    out = []
    tokens = _markdown().parse(document)
    for i, token in enumerate(tokens):
        if token.type != "inline" or tokens[i - 1].type != "paragraph_open":
            continue
        # markdown-it may open a paragraph with an empty text token; it carries nothing.
        children = [c for c in token.children or [] if not (c.type == "text" and not c.content)]
        types = [c.type for c in children]
        whole = len(children) >= 2 and types.count(types[0]) == 1
        bold = whole and types[0] == "strong_open" and types[-1] == "strong_close"
        italic = whole and types[0] == "em_open" and types[-1] == "em_close"
        lead = None
        if types and types[0] == "strong_open":
            lead = _plain(children[1 : types.index("strong_close")])
        out.append(Paragraph(_plain(children), bold, italic, lead))
    return out


def _plain(children: list[Token]) -> str:
    parts = []
    for child in children:
        if child.type in ("text", "code_inline", "html_inline"):
            parts.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            parts.append(" ")
    return "".join(parts)


def read_podcast(document: str) -> list[Speech]:
    """The speech of a podcast script: the paragraphs after "## Script" that are not cues or
    times (whole-paragraph italics); a paragraph led by a bold "MARK:" starts a turn."""
    _, _, script = document.partition("\n## Script\n")
    assert script, "no ## Script section"
    speeches: list[Speech] = []
    for p in markdown_paragraphs(script):
        if p.italic:
            continue
        if p.lead is not None and p.lead.endswith(":"):
            rest = p.text[len(p.lead) :].strip()
            speeches.append(Speech(p.lead[:-1], [rest] if rest else []))
        else:
            assert speeches, f"speech before any speaker: {p.text!r}"
            speeches[-1].paragraphs.append(p.text)
    return speeches


def podcast_cues(document: str) -> list[str]:
    """The bracketed production cues of a podcast script, in order."""
    found = markdown_paragraphs(document)
    return [p.text for p in found if p.italic and re.fullmatch(r"\[.*\]", p.text)]


# -- Fountain ---------------------------------------------------------------------------


@dataclass
class Screenplay:
    title_page: dict[str, list[str]]
    dialogues: list[Speech]
    transitions: list[str]
    paragraphs: list[Any]


def read_fountain(document: str) -> Screenplay:
    """Parse with screenplain; each Dialog becomes one Speech."""
    play = fountain_parser.parse(io.StringIO(document))
    dialogues = []
    for paragraph in play.paragraphs:
        if isinstance(paragraph, Dialog):
            lines = [_fountain_text(text) for _, text in paragraph.blocks]
            chunks = "\n".join(lines).split("\n\n")
            dialogues.append(Speech(str(paragraph.character), [c for c in chunks if c]))
    transitions = [str(p.line) for p in play.paragraphs if isinstance(p, Transition)]
    return Screenplay(play.title_page, dialogues, transitions, list(play.paragraphs))


def _fountain_text(rich: Any) -> str:
    """The characters a Fountain line stands for: the emphasis markers screenplain read as
    underline put back, then the backslash escapes the Fountain spec defines undone."""
    source = "".join(f"_{s.text}_" if Underline in s.styles else s.text for s in rich.segments)
    return re.sub(r"\\(.)", r"\1", source)


# -- Podcasting 2.0 JSON and HTML ---------------------------------------------------------


def podcast_schema() -> dict[str, Any]:
    path = resources.files("interview_parser").joinpath("schemas")
    text = path.joinpath("podcast-transcript.schema.json").read_text(encoding="utf-8")
    schema: dict[str, Any] = json.loads(text)
    return schema


def read_podcast_json(document: str) -> dict[str, Any]:
    """Parse and validate against the shipped schema (raises ValidationError if invalid)."""
    data: dict[str, Any] = json.loads(document)
    jsonschema.Draft202012Validator(podcast_schema()).validate(data)
    return data


class _HtmlTranscript(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.speeches: list[Speech] = []
        self.times: list[str] = []
        self._tag: str | None = None
        self._text: list[str] = []
        self._who = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._tag, self._text = tag, []

    def handle_data(self, data: str) -> None:
        if self._tag:
            self._text.append(data)

    def handle_endtag(self, tag: str) -> None:
        text = "".join(self._text)
        if tag == "cite":
            self._who = text.removesuffix(":")
        elif tag == "time":  # every turn has a time; the cite before it is left out if unknown
            self.times.append(text)
            self.speeches.append(Speech(self._who))
            self._who = ""
        elif tag == "p":
            self.speeches[-1].paragraphs.append(text)
        self._tag = None


def read_podcast_html(document: str) -> tuple[list[Speech], list[str]]:
    parser = _HtmlTranscript()
    parser.feed(document)
    parser.close()
    return parser.speeches, parser.times
