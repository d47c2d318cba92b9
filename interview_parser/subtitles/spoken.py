"""What a viewer or listener is shown of a turn: its words without the page's markup.

A turn's text is kept as written (the model is lossless), so it may hold what only makes
sense on the page it came from: Markdown escapes and emphasis (``\\[laughter\\]``,
``OP\\_NOP2``, ``**word**``), inline HTML (``<s>...</s>``), a break marker standing for an
ad break (``**Break**: \\[35:58\\]``), and the dialogue dash a caption file puts before a
speaker's line (``- How did ...``), which is layout, not a word. :func:`pieces` turns the
text into runs of shown words, stage notes and breaks, each tied to the source time span
(:attr:`~interview_parser.model.Turn.spans`) its words came from. The subtitle track and
the podcast scripts both read turns through here, so they agree on what is speech.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..model import Turn

NOTE_MODES = ("keep", "sdh", "drop")

# A backslash before ASCII punctuation is a Markdown escape (CommonMark 2.4).
_ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")
# Bold markers around words; an escaped star is a star, not a marker. Paired up in one
# pass (a regex with a back-reference would look to the end of the text for each "**").
_STRONG = re.compile(r"(?<!\\)(?:\*\*|__)")
_EMPHASIS = re.compile(r"(?<![\\*\w])\*(?=[^\s*])([^*\n]+?)(?<=[^\s\\*])\*(?![*\w])")
# Inline HTML that marks up words (strike-through, emphasis, spans): the words stay. Only
# a tag closed later in the text is markup; a lone "<b>" may be what someone typed.
_TAG = re.compile(
    r"<(/?)(s|strike|del|ins|b|strong|i|em|u|mark|small|big|sup|sub|span|font)(?:\s[^<>]*)?>",
    re.IGNORECASE,
)


def _paired(text: str, pattern: re.Pattern[str]) -> str:
    """``text`` without the markers of ``pattern`` that pair up: an opening marker before
    a word, a closing one after a word (bold) or a closing tag of the same name (HTML)."""
    cut: list[tuple[int, int]] = []
    stack: list[tuple[str, int, int]] = []
    tags: dict[str, list[tuple[int, int]]] = {}  # open tags by name
    for match in pattern.finditer(text):
        a, b = match.span()
        if pattern is _TAG:
            name = match.group(2).lower()
            if not match.group(1):
                tags.setdefault(name, []).append((a, b))
            elif tags.get(name):
                cut += [tags[name].pop(), (a, b)]
            continue
        marker = match.group(0)
        closing = a > 0 and not text[a - 1].isspace()
        opening = b < len(text) and not text[b].isspace()
        if stack and stack[-1][0] == marker and closing:
            _, oa, ob = stack.pop()
            cut += [(oa, ob), (a, b)]
        elif opening:
            stack[-1:] = [(marker, a, b)]
    if not cut:
        return text
    cut.sort()
    pieces, kept = [], 0
    for a, b in cut:
        pieces.append(text[kept:a])
        kept = b
    pieces.append(text[kept:])
    return "".join(pieces)


_CLOCK = r"\d{1,2}(?::\d{2}){1,2}(?:[.,]\d{1,3})?"
# A paragraph that stands for a pause in the programme rather than for speech: "Break:
# [35:58]", "[AD BREAK]", "(Commercial break)", "Mid-roll". Read after decode().
BREAK = re.compile(
    r"^[\s\[(]*(?:(?:ad|advert|advertising|commercial|sponsor|station)\s+break|break|"
    r"commercial|sponsor(?:ship)?|mid-?roll|intermission)[\s\])]*:?\s*"
    rf"(?:[\[(]?({_CLOCK})[\])]?)?\s*$",
    re.IGNORECASE,
)
_DASHES = frozenset(("-", "--", "–", "—"))


def decode(text: str) -> str:
    """``text`` without Markdown escapes, emphasis markers and inline HTML tags."""
    if "</" in text:
        text = _paired(text, _TAG)
    if "*" in text or "__" in text:
        text = _paired(text, _STRONG)
        text = _EMPHASIS.sub(r"\1", text)
    if "\\" in text:
        text = _ESCAPE.sub(r"\1", text)
    return text


@dataclass(frozen=True)
class Break:
    """A break marker: a pause in the programme (an ad break), at the time it writes."""

    seconds: float | None


def break_marker(paragraph: str) -> Break | None:
    """The break ``paragraph`` (decoded) stands for, or None when it is speech."""
    match = BREAK.match(paragraph)
    if match is None:
        return None
    clock = match.group(1)
    if clock is None:
        return Break(None)
    seconds = 0.0
    for part in clock.replace(",", ".").split(":"):
        seconds = seconds * 60 + float(part)
    return Break(seconds)


@dataclass(frozen=True)
class Piece:
    """A run of a turn as shown: ``speech`` words, a stage ``note``, or a ``break``."""

    kind: str
    text: str  # shown text, one line; a break's is empty
    span: int | None  # index into turn.spans of the source span the words came from
    words: int = 0  # words of the turn's text this piece stands for


def sdh(note: str, form: str) -> str:
    """A stage note in SDH form: ``form`` is ``"[{lower}]"``, ``"{UPPER}"`` or similar."""
    inner = note.strip().strip("[]()").strip().rstrip(".").strip()
    return form.replace("{lower}", inner.lower()).replace("{UPPER}", inner.upper())


def pieces(turn: Turn, *, notes: str = "keep", sdh_form: str = "[{UPPER}]") -> list[Piece]:
    """The turn as shown, in order: speech, notes (as ``notes`` says) and breaks.

    Each paragraph of the text, and within it each source time span, is read apart: a
    break marker must fill a paragraph, and a dash is layout where a paragraph or a
    caption cue starts.
    """
    note_pattern = _notes_pattern(turn)
    out: list[Piece] = []
    starts = [span.word for span in turn.spans]
    word = 0
    for paragraph in turn.text.split("\n\n"):
        words = paragraph.split()
        if not words:
            continue
        shown = decode(" ".join(words))
        if BREAK.match(shown):
            out.append(Piece("break", "", _span_of(starts, word), len(words)))
            word += len(words)
            continue
        for first, last, span in _runs(starts, word, word + len(words)):
            chunk = words[first - word : last - word]
            opens = first == word or (span is not None and first == starts[span])
            if chunk and opens and chunk[0] in _DASHES:
                chunk = chunk[1:]  # a dialogue dash opening a caption line is layout
            out.extend(
                _split_notes(
                    decode(" ".join(chunk)), span, last - first, note_pattern, notes, sdh_form
                )
            )
        word += len(words)
    return out


def _span_of(starts: list[int], word: int) -> int | None:
    found: int | None = None
    for i, start in enumerate(starts):
        if start > word:
            break
        found = i
    return found


def _runs(starts: list[int], first: int, last: int) -> list[tuple[int, int, int | None]]:
    """Words ``first..last`` cut where a source span starts: (first, last, span) triples."""
    if not starts:
        return [(first, last, None)]
    out: list[tuple[int, int, int | None]] = []
    span = _span_of(starts, first)
    begin = first
    nxt = (span + 1) if span is not None else 0
    while nxt < len(starts) and starts[nxt] < last:
        if starts[nxt] > begin:
            out.append((begin, starts[nxt], span))
            begin = starts[nxt]
        span, nxt = nxt, nxt + 1
    out.append((begin, last, span))
    return out


def _notes_pattern(turn: Turn) -> re.Pattern[str] | None:
    texts = {" ".join(decode(n.text).split()) for n in turn.notes}
    texts.discard("")
    if not texts:
        return None
    return re.compile("|".join(re.escape(t) for t in sorted(texts, key=len, reverse=True)))


def _split_notes(
    text: str,
    span: int | None,
    words: int,
    pattern: re.Pattern[str] | None,
    mode: str,
    form: str,
) -> list[Piece]:
    """Speech with its stage notes kept in place, taken out, or set apart in SDH form."""
    if pattern is None or mode == "keep" or not text:
        return [Piece("speech", text, span, words)] if text else []
    out: list[Piece] = []
    kept = 0
    for match in pattern.finditer(text):
        before = text[kept : match.start()].strip()
        if before:
            out.append(Piece("speech", before, span))
        if mode == "sdh":
            out.append(Piece("note", sdh(match.group(0), form), span))
        kept = match.end()
    rest = text[kept:].strip()
    if rest and not (out and all(ch in ".,;:!?" for ch in rest)):
        out.append(Piece("speech", rest, span))
    if out:
        out[0] = Piece(out[0].kind, out[0].text, span, words)
    return out
