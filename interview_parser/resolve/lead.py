"""The lead: what comes before the first turn, split into preamble and title.

The title is the last line of the lead when it reads like a headline: one line, short, not
ending like a sentence, not the last field of a header ("Date: 14 March" under "Participant:
P07"), and not the last of a paragraph of such lines (a list of a call's participants, a
session's number, place and hour). Everything above it is preamble ("an article with an
interview below"). A lead that is only a headline has no preamble. When the last line is no
headline, a headline that opens the lead is the title: over its dateline or byline only
("Recorded at the Corn Exchange, 12 September 2026", "By Ana Ruiz"), or as a paragraph of
its own above one paragraph of introduction ("The architect who builds with mud", a blank
line, an introduction); the rest is the preamble. A dateline or a byline is never the title,
nor is an opening headline guessed when front matter gives the title.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from itertools import pairwise

from ..clock import clock_pattern
from .text import BLANKS

MAX_TITLE_WORDS = 20
MAX_TITLE_CHARS = 200
_SENTENCE_END = (".", "!", ";", ",", ":", "…")
_CLOSERS = "\"'”’“»«›‹)]*_"
# (opening quotes as the corpus's languages write them: “English”, „German“, «French»)
_HEADLINE_START = re.compile(rf"(?!{clock_pattern()})[\w\"'“‘„‚«»‹›¿¡]")
_WORDS = re.compile(r"[^\W\d_]{2,}")
# A header field: a short key, a colon, a value ("Participant ID: P07", "Date: 14 March").
_FIELD = re.compile(r"[^\S\n]*[^\W\d_][\w .'’-]{0,40}:[^\S\n]+\S")
# A dateline or a byline: a date (a day and a month's name, or digits: 12/09/2026,
# 2026-09-12), or "By Name" as the corpus's languages write it.
_MONTHS = (
    "jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|janv|févr|mars|avr|mai|juin|juil|août|"
    "sept|déc|ene|abr|ago|dic|jän|mär|okt|dez|fev|out|set"
)
_DATE = (
    rf"(?:\b\d{{1,2}}\.?[^\S\n]+(?:de[^\S\n]+)?(?:{_MONTHS})\w*\.?"
    rf"|\b(?:{_MONTHS})\w*\.?[^\S\n]+\d{{1,2}}\b"
    r"|\b\d{1,2}[./-]\d{1,2}[./-]\d{2,4}\b|\b\d{4}-\d{2}-\d{2}\b)"
)
_BYLINE = r"[^\S\n]*(?:by|von|por|par)[^\S\n]+[^\W\d_]"
MAX_DATELINE_WORDS = 16


@dataclass(frozen=True)
class Lead:
    title: str | None
    title_line: int | None
    preamble: str | None
    preamble_lines: tuple[int, int] | None


def _is_headline(line: str) -> bool:
    text = line.strip(BLANKS)
    if text.startswith("#"):
        return True
    # A headline starts like a sentence (a letter, a digit that is not a clock, a quote)
    # and has words in it: "1:54 P.M. EDT" and "] printing transcript" are not headlines.
    if not _HEADLINE_START.match(text) or len(_WORDS.findall(text)) < 2:
        return False
    words = text.split()
    if not words or len(words) > MAX_TITLE_WORDS or len(text) > MAX_TITLE_CHARS:
        return False
    return not text.rstrip(_CLOSERS).endswith(_SENTENCE_END)


@functools.cache
def _dateline() -> re.Pattern[str]:
    """A byline at the start, or a date anywhere (compiled when a lead has two lines: a
    check of a small file without one does not pay for it)."""
    return re.compile(f"(?i){_BYLINE}|.*?{_DATE}")


def _is_dateline(line: str) -> bool:
    text = line.strip(BLANKS)
    if not text or len(text.split()) > MAX_DATELINE_WORDS or text.endswith("?"):
        return False
    return _dateline().match(text) is not None


def _paragraphs(lines: list[str], filled: list[int]) -> int:
    """How many paragraphs the filled lines make (apart by blank lines)."""
    return 1 + sum(1 for a, b in pairwise(filled) if b > a + 1)


def split_lead(text: str, first_line: int, *, titled: bool = False) -> Lead:
    """Split the lead ``text`` whose first line is source line ``first_line``; ``titled``:
    front matter gives the title, so a headline that opens the lead is not guessed to be
    it (the one right above the first turn still is, as before)."""
    lines = text.split("\n")
    filled = [i for i, line in enumerate(lines) if line.strip(BLANKS)]
    if not filled:
        return Lead(None, None, None, None)
    last = filled[-1]
    head = filled[0]
    fields = last > 0 and all(_FIELD.match(lines[i]) for i in (last - 1, last))
    # the headline above the first turn; else a headline that opens the lead, over its
    # dateline or byline, or standing as a paragraph of its own above the article
    # (not the last of a paragraph of such lines: a list, such as a call's participants)
    listed = last > 0 and lines[last - 1].strip(BLANKS) != "" and _is_headline(lines[last - 1])
    closing = _is_headline(lines[last]) and not fields and not listed
    above = len(filled) == 1 or closing
    alone = head + 1 < len(lines) and not lines[head + 1].strip(BLANKS)
    introduced = alone and _paragraphs(lines, filled) == 2  # a headline, an introduction
    if (
        not titled
        and len(filled) > 1
        and _is_headline(lines[head])
        and not _is_dateline(lines[head])
        and (all(_is_dateline(lines[i]) for i in filled[1:]) or (introduced and not above))
    ):
        return Lead(
            lines[head].strip(BLANKS), first_line + head, *_body(lines, filled[1:], first_line)
        )
    if not closing:
        return Lead(None, None, *_body(lines, filled, first_line))
    title = lines[last].strip(BLANKS)
    return Lead(title, first_line + last, *_body(lines, filled[:-1], first_line))


def _body(
    lines: list[str], filled: list[int], first_line: int
) -> tuple[str | None, tuple[int, int] | None]:
    """The preamble made of the lines from the first of ``filled`` to the last, and its
    source lines (None, None when ``filled`` is empty)."""
    if not filled:
        return None, None
    body = "\n".join(line.strip(BLANKS) for line in lines[filled[0] : filled[-1] + 1])
    return body, (first_line + filled[0], first_line + filled[-1])
