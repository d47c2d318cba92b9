"""Reads our transcript page back with the standard library's HTML parser (not our code),
and builds transcripts with hostile labels and text to feed it.

:func:`read_page` returns what a reader of the page gets: the elements and attributes used,
the script blocks, the title, and for each turn its id, speaker label, source line and text.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser

import interview_parser as ip
from interview_parser.model import PairKind, Role, Source, Speaker, StageNote, Transcript, Turn

# Elements that never have a closing tag.
_VOID = {"meta", "input", "br", "hr", "img", "link", "source", "track", "wbr"}


@dataclass
class TurnView:
    id: str
    line: str = ""
    who: str = ""
    words: str = ""  # the text of the turn's paragraphs, paragraphs joined by "\n"
    notes: list[str] = field(default_factory=list)


@dataclass
class Page:
    tags: set[str] = field(default_factory=set)
    attributes: list[tuple[str, str, str | None]] = field(default_factory=list)
    scripts: list[tuple[str | None, str]] = field(default_factory=list)  # (type, text)
    title: str = ""
    h1: str = ""
    turns: list[TurnView] = field(default_factory=list)
    links: list[tuple[str, str]] = field(default_factory=list)  # (href, text)
    unbalanced: list[str] = field(default_factory=list)
    headings: list[int] = field(default_factory=list)  # levels, in document order
    unlabelled: list[str] = field(default_factory=list)  # inputs with no label (their ids)
    label_for: set[str] = field(default_factory=set)


class _Reader(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.page = Page()
        self.stack: list[tuple[str, dict[str, str | None]]] = []
        self.link: list[str] | None = None
        self.script = ""

    def _inside(self, cls: str) -> bool:
        return any(cls in (attrs.get("class") or "").split() for _, attrs in self.stack)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.page.tags.add(tag)
        self.page.attributes.extend((tag, name, value) for name, value in attrs)
        found = dict(attrs)
        if tag in ("h1", "h2", "h3", "h4", "h5", "h6"):
            self.page.headings.append(int(tag[1]))
        if tag == "label" and found.get("for"):
            self.page.label_for.add(found["for"] or "")
        if tag == "input" and not any(t == "label" for t, _ in self.stack):
            self.page.unlabelled.append(found.get("id") or "?")
        if tag == "article":
            self.page.turns.append(TurnView(found.get("id") or ""))
        if tag == "p" and self._inside("words") and self.page.turns[-1].words:
            self.page.turns[-1].words += "\n"
        if tag == "a":
            self.link = [found.get("href") or "", ""]
        if tag == "span" and "note" in (found.get("class") or "").split():
            self.page.turns[-1].notes.append("")
        if tag not in _VOID:
            self.stack.append((tag, found))

    def handle_endtag(self, tag: str) -> None:
        if not self.stack or self.stack[-1][0] != tag:
            self.page.unbalanced.append(tag)
            return
        _, attrs = self.stack.pop()
        if tag == "script":
            self.page.scripts.append((attrs.get("type"), self.script))
            self.script = ""
        if tag == "a" and self.link is not None:
            self.page.links.append((self.link[0], self.link[1]))
            self.link = None

    def handle_data(self, data: str) -> None:
        if not self.stack:
            return
        tag = self.stack[-1][0]
        if tag == "script":
            self.script += data
        elif tag == "title":
            self.page.title += data
        if self.link is not None:
            self.link[1] += data
        if any(t == "h1" for t, _ in self.stack):
            self.page.h1 += data
        if not self.page.turns or not any(t == "article" for t, _ in self.stack):
            return
        turn = self.page.turns[-1]
        if self._inside("words"):
            turn.words += data
            if self._inside("note"):
                turn.notes[-1] += data
        elif self._inside("chip"):
            turn.who += data
        elif self._inside("src"):
            turn.line += data


def read_page(document: str) -> Page:
    reader = _Reader()
    reader.feed(document)
    reader.close()
    if reader.stack:
        reader.page.unbalanced.extend(tag for tag, _ in reader.stack)
    return reader.page


def hostile_transcript(labels: list[str], texts: list[str], title: str) -> Transcript:
    """A transcript built directly (no parsing in the way) from whatever labels and texts:
    turns take the speakers in turn, every third has a stage note, the first two a pair."""
    speakers = [
        Speaker(id=f"s{i}", label=label, role=Role.interviewer if i == 0 else Role.interviewee,
                role_source="label", turn_count=0)
        for i, label in enumerate(labels)
    ]  # fmt: skip
    turns = []
    for i, text in enumerate(texts):
        speaker = speakers[i % len(speakers)]
        speaker.turn_count += 1
        notes = [StageNote(text="[<b>laughs</b>]", line=i + 1, column=1)] if i % 3 == 0 else []
        body = text + (" [<b>laughs</b>]" if notes else "")
        turns.append(Turn(index=i, speaker=speaker.id, label=speaker.label, text=body,
                          line=i + 1, column=1, end_line=i + 1, notes=notes))  # fmt: skip
    pairs = []
    if len(turns) > 1:
        first, second = turns[0].text, turns[1].text
        pairs.append(ip.Pair(index=0, kind=PairKind.question, question_turns=[0],
                             answer_turns=[1], question=first, answer=second))  # fmt: skip
    source = Source(path="<x>&.txt", encoding="utf-8", newline="\n", final_newline=True,
                    line_count=len(turns), dialect="labelled", dialect_evidence="")  # fmt: skip
    return Transcript(source=source, title=title, speakers=speakers, turns=turns, pairs=pairs,
                      unpaired_turns=list(range(2, len(turns))), preamble=title)  # fmt: skip
