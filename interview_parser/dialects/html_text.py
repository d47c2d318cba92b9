"""The text of an HTML page as lines with their source positions (the HTML layer's parser,
:mod:`interview_parser.dialects.layers`; imported only when a page is read)."""

from __future__ import annotations

from html.parser import HTMLParser

from ..syntax import Span

# Tags that end a line, and those that also end a paragraph (a blank line before the next).
_LINE_TAGS = frozenset({"br", "cite", "time", "tr", "td", "th", "dt", "dd"})
_PARAGRAPH_TAGS = frozenset(
    {"p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "section", "article", "blockquote"}
    | {"pre", "ul", "ol", "table", "header", "footer", "main", "hr", "title"}
)
_SKIP_TAGS = frozenset({"script", "style", "head"})
# Bold at the start of a paragraph is how many pages mark a speaker ("<p><b>MARIA LOPEZ</b>
# Thanks ...</p>"): it is kept as Markdown bold, "**MARIA LOPEZ** Thanks ...", which the
# label conventions read (a bold name, the colon inside, after or absent); so is a paragraph
# bold all through, "**Why earth?**", a question as magazines print them. Bold elsewhere
# is emphasis, and so is bold with nothing after it on a line (a heading): those tags go.
_BOLD_TAGS = frozenset({"b", "strong"})
_BOLD = "**"


class HtmlText(HTMLParser):
    """Collects text lines with their source lines; block tags end a line."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        # text, source line, source column, blank line before
        self.lines: list[tuple[str, int, int, bool]] = []
        self.current: list[str] = []
        self.current_line = 0
        self.current_column = 1
        self.paragraph = False
        self.skipping = 0
        self.skipped: list[Span] = []
        # The bold that opens the current line: the index in ``current`` of its opening and
        # closing marks (-1: none yet), its nesting depth, and where the line's first
        # character would be without it (line, column: None until text comes).
        self.bold_open = -1
        self.bold_close = -1
        self.bold_depth = 0
        self.unmarked_at: tuple[int, int] | None = None
        # The lines that are a paragraph bold all through, their marks kept (their index in
        # ``lines``, and where the line starts without the marks): questions, or headings.
        self.whole_bold: list[tuple[int, tuple[int, int] | None]] = []

    def unmark_whole_bold(self) -> None:
        """Take the marks off the paragraphs bold all through: headings, not questions."""
        for index, unmarked_at in self.whole_bold:
            text, line, column, blank_before = self.lines[index]
            if unmarked_at is not None:
                line, column = unmarked_at
            self.lines[index] = (text[2:-2].strip(), line, column, blank_before)
        self.whole_bold = []

    def _break(self, paragraph: bool = False) -> None:
        if self.bold_open >= 0:
            self._settle_bold(whole=paragraph and self.paragraph)
        text = "".join(self.current)
        if text.strip():
            lead = len(text) - len(text.lstrip())
            self.lines.append(
                (text.strip(), self.current_line, self.current_column + lead, self.paragraph)
            )
            self.paragraph = False
        self.current, self.current_line = [], 0
        self.paragraph = self.paragraph or paragraph

    def _settle_bold(self, whole: bool = False) -> None:
        """Keep the marks of the bold that opens the line only when it closed, held words,
        and words follow it on the line, or, for now, it is all of a paragraph (``whole``: the
        line opens and ends one, as magazines print their questions, "<p><b>Why?</b></p>":
        :meth:`unmark_whole_bold` takes them off when the page does not ask that way);
        otherwise the line starts where its text does."""
        current, opened, closed = self.current, self.bold_open, self.bold_close
        held = closed > opened and bool("".join(current[opened + 1 : closed]).strip())
        after = "".join(current[closed + 1 :]).strip() if held else ""
        if held and not after and whole and not "".join(current[:opened]).strip():
            self.whole_bold.append((len(self.lines), self.unmarked_at))
        elif not (held and after):
            current[opened] = ""
            if closed > opened:
                current[closed] = ""
            if self.unmarked_at is not None:
                self.current_line, self.current_column = self.unmarked_at
        self.bold_open = self.bold_close = -1
        self.bold_depth = 0
        self.unmarked_at = None

    def _bold(self, opening: bool) -> None:
        if opening:
            if self.bold_open >= 0:
                self.bold_depth += 1  # <b><strong>Name</strong></b>: the outer one counts
            elif not "".join(self.current).strip() and self.bold_close < 0:
                if not self.current:
                    line, offset = self.getpos()
                    self.current_line, self.current_column = line, offset + 1
                self.bold_open = len(self.current)
                self.current.append(_BOLD)
        elif self.bold_open >= 0 and self.bold_close < 0:
            if self.bold_depth:
                self.bold_depth -= 1
            else:
                self.bold_close = len(self.current)
                self.current.append(_BOLD)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        raw = self.get_starttag_text() or ""
        if "<" in raw[1:]:  # "<HTMLHost: Guest: <!-- ... -->": text, not one tag
            self.handle_data(raw)
            return
        if tag in _BOLD_TAGS and not self.skipping:
            self._bold(opening=True)
            return
        if tag in _SKIP_TAGS:
            self.skipping += 1
            line = self.getpos()[0]
            self.skipped.append(Span(f"html <{tag}>", f"<{tag}>", line, line))
        elif tag in _LINE_TAGS or tag in _PARAGRAPH_TAGS:
            self._break(paragraph=tag in _PARAGRAPH_TAGS)

    def handle_endtag(self, tag: str) -> None:
        if tag in _BOLD_TAGS and not self.skipping:
            self._bold(opening=False)
        elif tag in _SKIP_TAGS:
            self.skipping = max(0, self.skipping - 1)
        elif tag in _LINE_TAGS or tag in _PARAGRAPH_TAGS:
            self._break(paragraph=tag in _PARAGRAPH_TAGS)

    def handle_comment(self, data: str) -> None:
        line = self.getpos()[0]
        text = f"<!--{data}-->"
        self.skipped.append(Span("comment", text, line, line + text.count("\n")))

    def handle_data(self, data: str) -> None:
        line, offset = self.getpos()
        if self.skipping:
            if data.strip():
                end = line + data.count("\n")
                self.skipped.append(Span("html non-speech", data.strip(), line, end))
            return
        for k, piece in enumerate(data.split("\n")):
            if k:
                self._break()
            if not self.current:
                self.current_line = line + k
                self.current_column = offset + 1 if k == 0 else 1
            elif self.bold_open >= 0 and self.unmarked_at is None and piece.strip():
                # where the line would start without the bold's marks (its first text)
                lead = len(piece) - len(piece.lstrip())
                self.unmarked_at = (line + k, (offset + 1 if k == 0 else 1) + lead)
            self.current.append(piece)

    def close(self) -> None:
        super().close()
        self._break()
