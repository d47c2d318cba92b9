"""SRT and WebVTT captions as transcripts.

The grammars (``srt.lark``, ``vtt.lark``) split a file into cues; this module reads each
cue's text for its speaker and merges the cues of one speaker into one block that carries
the cue times. A speaker comes from a ``<v Name>`` voice span, or from a ``Name:`` prefix
(read with the labelled grammar, so it obeys the same rules as any other label); a cue with
neither continues the previous speaker, except that dialogue dashes ("- Really?" / "- Yes.")
hand the later lines of a cue to the other voice of the conversation. Inside a voice span
dashes are only punctuation: the voice says who speaks. Cue numbers, timing lines, the
header and NOTE blocks are layout and become skipped spans.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

from lark import Token, Tree

from ..clock import parse_clock
from ..syntax import RawBlock, Reading, Span, parse_tree, read_lines

# A voice span closes on its own line: an unclosed "<v Name" is text, not a name that runs
# on to the next ">" lines below.
_VOICE = re.compile(r"^(\s*)<v(?:\.[\w.-]+)?[ \t]+([^>\n]*)>")
_TAG = re.compile(r"</?[A-Za-z][^<>\n]*>|<\d[\d:.]*>")
_TIMING = re.compile(
    r"(\d{1,2}:\d{2}(?::\d{2})?[.,]\d{1,3})\s*-->\s*(\d{1,2}:\d{2}(?::\d{2})?[.,]\d{1,3})"
)


def _times(token: Token) -> tuple[float | None, float | None]:
    match = _TIMING.search(str(token))
    if match is None:
        return None, None
    return parse_clock(match.group(1)), parse_clock(match.group(2))


def _plain(text: str) -> str:
    """Cue text without markup: tags removed, entities decoded."""
    return html.unescape(_TAG.sub("", text))


def _prefix(text: str) -> tuple[str | None, str]:
    """A ``Name:`` prefix at the start of a cue, read with the labelled grammar.

    Returns the label and everything after it; only the cue's first line can change the
    speaker ("Today: why ..." on a later line is speech).
    """
    blocks = read_lines(text, "labelled").blocks
    first = blocks[0] if blocks else None
    if first is None or first.label is None or first.line != 1:
        return None, text
    return first.label, text[text.index(first.label) + len(first.label) :]


def _cue_block(token: Token, start: float | None, end: float | None) -> RawBlock:
    text = str(token)
    line = int(token.line or 1)
    end_line = line + text.rstrip().count("\n")
    voice = _VOICE.match(text)
    if voice is not None:
        name = voice.group(2).strip()
        body = _plain(text[voice.end() :])
        column = len(voice.group(1)) + 1
        return RawBlock(
            name + ":", body, line, end_line, column, line, voice.end() + 1, "voice", start, end
        )
    label, body = _prefix(_plain(text))
    if label is None:
        return RawBlock(None, body, line, end_line, 1, line, 1, "", start, end)
    return RawBlock(label, body, line, end_line, 1, line, len(label) + 1, "prefix", start, end)


_DASH = re.compile(r"^[ \t]*[-–—][ \t]+", re.M)


@dataclass
class _Turns:
    """Who is speaking as the cues go by, and who spoke before (for dialogue dashes)."""

    current: str | None = None
    other: str | None = None

    def switch(self, label: str) -> None:
        if label != self.current:
            self.other, self.current = self.current, label


def _continuation(block: RawBlock, text: str, line: int) -> RawBlock:
    end_line = line + text.rstrip().count("\n")
    return RawBlock(None, text, line, end_line, 1, line, 1, "", block.start, block.end)


def _dialogue(block: RawBlock, turns: _Turns) -> list[RawBlock]:
    """An unlabelled cue; dash lines after the first hand over to the other speaker.

    In "- Really?\n- Yes." the first line goes on with whoever is speaking and the second is
    the other voice of the conversation, if one is known yet.
    """
    starts = [m.start() for m in _DASH.finditer(block.text)]
    if len(starts) < 2 or starts[0] != 0 or turns.other is None:
        return [block]
    pieces = [block.text[a:b] for a, b in zip(starts, [*starts[1:], len(block.text)], strict=True)]
    result = [_continuation(block, pieces[0], block.line)]
    line = block.line + pieces[0].count("\n")
    for piece in pieces[1:]:
        speaker = turns.other
        assert speaker is not None
        turns.switch(speaker)
        end_line = line + piece.rstrip().count("\n")
        result.append(
            RawBlock(speaker, piece, line, end_line, 1, line, 1, "dash", block.start, block.end)
        )
        line += piece.count("\n")
    return result


def _speech(block: RawBlock, turns: _Turns) -> list[RawBlock]:
    """The blocks one cue contributes: cues of one voice continue one turn."""
    if block.label is None:
        return _dialogue(block, turns)
    if block.form == "voice" and block.label == turns.current:
        return [_continuation(block, block.text, block.line)]
    turns.switch(block.label)
    return [block]


_LAYOUT_KINDS = {
    "CUE_INDEX": "cue number",
    "CUE_ID": "cue identifier",
    "CUE_TIMING": "cue timing",
    "VTT_BLOCK": "caption note",
}


def read_captions(text: str, grammar: str) -> Reading:
    tree = parse_tree(text, grammar)
    reading = Reading(grammar, [], [])
    turns = _Turns()
    for node in tree.children:
        if isinstance(node, Token):  # the WebVTT header, NOTE, STYLE and REGION blocks
            kind = "caption header" if node.type == "VTT_HEADER" else "caption note"
            reading.skipped.append(_span(kind, node))
            continue
        if not isinstance(node, Tree):
            continue
        start: float | None = None
        end: float | None = None
        for token in node.children:
            if not isinstance(token, Token):
                continue
            if token.type == "CUE_TEXT":
                reading.blocks.extend(_speech(_cue_block(token, start, end), turns))
                continue
            if token.type == "CUE_TIMING":
                start, end = _times(token)
            reading.skipped.append(_span(_LAYOUT_KINDS.get(token.type, "layout"), token))
    return reading


def _span(kind: str, token: Token) -> Span:
    line = int(token.line or 1)
    return Span(kind, str(token).strip(), line, line + str(token).rstrip().count("\n"))
