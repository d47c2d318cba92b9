"""A transcript quoted whole in Markdown: "> " in front of every line of it.

Notes and blog posts quote an interview as a Markdown blockquote: each line of the
transcript opens with "> ", and a ">" alone on its line parts its paragraphs. The marks are
the writer's, not the speakers': :func:`quote_layer` takes them off (one ``quote mark``
skipped span a run of quoted lines), maps each line's columns back to the source, and the
label conventions read the lines underneath (a layer of :mod:`.layers`). TV captions'
chevrons (">> Name:") are not quote marks: a quote's mark is one ">", and a quote shows
itself by a ">" alone on a line between its paragraphs.
"""

from __future__ import annotations

import re

from ..syntax import Span
from .layers import Layered

# A quote mark: up to three blanks, one ">" (not ">>"), the blank after it.
_QUOTED = re.compile(r"[ ]{0,3}>(?!>)[^\S\n]?")
# Quoted lines make up this share of the non-blank lines of the head, at least MIN_QUOTED...
QUOTED_SHARE = 0.6
MIN_QUOTED = 3
HEAD_CHARS = 20_000


def quoted(text: str) -> bool:
    """Whether the head of the text is mostly a Markdown blockquote with paragraphs."""
    if ">" not in text:
        return False
    head = text[: text.find("\n", HEAD_CHARS) + 1 or len(text)]
    filled = [line for line in head.split("\n") if line.strip()]
    marks = [_QUOTED.match(line) for line in filled]
    count = sum(1 for m in marks if m is not None)
    bare = any(
        m is not None and not line[m.end() :].strip() for m, line in zip(marks, filled, strict=True)
    )
    return bare and count >= MIN_QUOTED and count >= QUOTED_SHARE * len(filled)


def quote_layer(text: str) -> Layered | None:
    """Take the quote marks off every quoted line, if the text is quoted (:func:`quoted`)."""
    if not quoted(text):
        return None
    out: list[str] = []
    columns: list[int] = []
    skipped: list[Span] = []
    for number, line in enumerate(text.split("\n"), start=1):
        mark = _QUOTED.match(line)
        if mark is None:
            out.append(line)
            columns.append(1)
            continue
        out.append(line[mark.end() :])
        columns.append(mark.end() + 1)
        last = skipped[-1] if skipped else None
        if last is not None and last.end_line == number - 1:
            skipped[-1] = Span(last.kind, last.text, last.line, number)
        else:
            skipped.append(Span("quote mark", ">", number, number))
    return Layered("quote", "\n".join(out), None, skipped, columns)
