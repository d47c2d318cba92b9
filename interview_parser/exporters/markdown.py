"""The ``markdown`` exporter: the interview as a published Q&A article (model -> Markdown).

A title, a standfirst (the preamble's first paragraph, in italics), then every turn in order:
the prompts of question-answer pairs in bold, the answers plain, turns in no pair plain too.
Each turn opens with its speaker's label (``--qa-style names``, the default) or with ``Q:``
and ``A:`` (``--qa-style qa``). Transcript text is escaped, so a ``*`` or a ``#`` in what
someone said stays a character and never becomes formatting; the tests read the output
back with a CommonMark parser.

Options used: ``qa_style``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from ..errors import UsageError
from ..model import Pair, Turn
from ..spool import gather
from . import ExportOptions, Source
from .script import UNTITLED, paragraphs

QA_STYLES = ("names", "qa")

# What starts inline markup anywhere in a line (CommonMark, plus GFM's ~ and |): always-special
# characters, "<" only before a tag or autolink, "&" only where it would spell an entity.
_INLINE = re.compile(r"([\\`*_\[\]~|]|<(?=[A-Za-z/!?])|&(?=#?\w+;))")
# What turns the start of a paragraph into a heading, quote, list or rule.
_BLOCK_START = re.compile(r"^([#>+=-])|^(\d+)([.)])")


def escape(text: str) -> str:
    """``text`` as a literal Markdown paragraph: it renders as exactly these characters."""
    return escape_start(escape_inline(text))


def escape_inline(text: str) -> str:
    """``text`` with every character that could start inline markup backslash-escaped."""
    return _INLINE.sub(r"\\\1", text)


def escape_start(line: str) -> str:
    """``line`` (already inline-escaped) safe at the start of a paragraph."""
    return _BLOCK_START.sub(
        lambda m: "\\" + m.group(1) if m.group(1) else m.group(2) + "\\" + m.group(3), line
    )


def standfirst(preamble: str | None) -> str | None:
    """The preamble's first paragraph: up to the first line that ends a sentence."""
    if not preamble:
        return None
    first_block = re.split(r"\n[ \t]*\n", preamble.strip())[0]
    taken = []
    for line in first_block.splitlines():
        taken.append(line.strip())
        if re.search(r"[.?!…\"'”’)]$", line.strip()):
            break
    text = " ".join(" ".join(taken).split())
    return text or None


def pieces(
    transcript: Source, options: ExportOptions, turns: Iterable[Turn] | None = None
) -> Iterator[str]:
    """The article in pieces, a paragraph at a time; ``turns`` (default: the transcript's)
    are read once, in order, so that they may come from an iterator. A stream is gathered
    first: its pairs mark the turns (a byte a turn), which are then read back in order."""
    if options.qa_style not in QA_STYLES:
        raise UsageError(f"unknown qa style {options.qa_style!r} (known: {', '.join(QA_STYLES)})")
    document = gather(transcript)
    head = document.head
    roles = Roles(document.pairs, len(document.turns))
    yield f"# {escape(head.title or UNTITLED)}"
    lead = standfirst(head.preamble)
    if lead:
        yield f"\n\n*{escape(lead)}*"
    speakers = head.speakers_by_id()
    for turn in document.turns if turns is None else turns:
        role = roles.of(turn.index)
        if options.qa_style == "qa":
            marker = "Q" if role & ASKS else "A" if role & ANSWERS else None
        else:
            marker = speakers[turn.speaker].label or None
        for paragraph in _turn(turn, marker, bold=bool(role & ASKS)):
            yield "\n\n" + paragraph
    yield "\n"


ASKS, ANSWERS = 1, 2


class Roles:
    """Whether each turn is in some pair's prompt (:data:`ASKS`) or answer (:data:`ANSWERS`),
    a byte a turn for the ``count`` turns (indices outside them, which only a hand-made
    transcript has, in a dictionary)."""

    def __init__(self, pairs: Iterable[Pair], count: int) -> None:
        self.flags = bytearray(count)
        self.others: dict[int, int] = {}
        for pair in pairs:
            for i in pair.question_turns:
                self._mark(i, ASKS)
            for i in pair.answer_turns:
                self._mark(i, ANSWERS)

    def _mark(self, i: int, flag: int) -> None:
        if 0 <= i < len(self.flags):
            self.flags[i] |= flag
        else:
            self.others[i] = self.others.get(i, 0) | flag

    def of(self, i: int) -> int:
        return self.flags[i] if 0 <= i < len(self.flags) else self.others.get(i, 0)


def _turn(turn: Turn, marker: str | None, *, bold: bool) -> list[str]:
    """The turn's paragraphs, the first led by ``marker``; each wrapped in ** when ``bold``."""
    parts = [escape_inline(p) for p in paragraphs(turn.text)] or [""]
    if marker is not None:
        parts[0] = f"{escape_inline(marker)}: {parts[0]}".rstrip()
    return [f"**{p}**" if bold else escape_start(p) for p in parts if p]
