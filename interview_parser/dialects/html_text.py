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

    def _break(self, paragraph: bool = False) -> None:
        text = "".join(self.current)
        if text.strip():
            lead = len(text) - len(text.lstrip())
            self.lines.append(
                (text.strip(), self.current_line, self.current_column + lead, self.paragraph)
            )
            self.paragraph = False
        self.current, self.current_line = [], 0
        self.paragraph = self.paragraph or paragraph

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        raw = self.get_starttag_text() or ""
        if "<" in raw[1:]:  # "<HTMLHost: Guest: <!-- ... -->": text, not one tag
            self.handle_data(raw)
            return
        if tag in _SKIP_TAGS:
            self.skipping += 1
            line = self.getpos()[0]
            self.skipped.append(Span(f"html <{tag}>", f"<{tag}>", line, line))
        elif tag in _LINE_TAGS or tag in _PARAGRAPH_TAGS:
            self._break(paragraph=tag in _PARAGRAPH_TAGS)

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP_TAGS:
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
            self.current.append(piece)

    def close(self) -> None:
        super().close()
        self._break()
