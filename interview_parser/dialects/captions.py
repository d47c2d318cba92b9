"""SRT and WebVTT captions as transcripts.

The grammars (``srt.lark``, ``vtt.lark``) split a file into cues; this module reads each
cue's text for its speaker and merges the cues of one speaker into one block that carries
the cue times. A speaker comes from a ``<v Name>`` voice span, or from a ``Name:`` prefix
(read with the labelled grammar, so it obeys the same rules as any other label); a cue with
neither continues the previous speaker. Cue numbers, timing lines, the header and NOTE
blocks are layout and become skipped spans.
"""

from __future__ import annotations

import html
import re

from lark import Token, Tree

from ..clock import parse_clock
from ..syntax import RawBlock, Reading, Span, parse_tree, read_lines_family

_VOICE = re.compile(r"^(\s*)<v(?:\.[\w.-]+)?[ \t]+([^>]*)>")
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
    """A ``Name:`` prefix at the start of a cue, read with the labelled grammar."""
    blocks = read_lines_family(parse_tree(text, "labelled"), "labelled").blocks
    if blocks and blocks[0].label is not None and blocks[0].line == 1:
        return blocks[0].label, blocks[0].text
    return None, text


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


def _same_speaker(previous: RawBlock | None, block: RawBlock) -> bool:
    return previous is not None and block.form == "voice" and previous.label == block.label


def read_captions(text: str, grammar: str) -> Reading:
    tree = parse_tree(text, grammar)
    reading = Reading(grammar, [], [])
    current: RawBlock | None = None
    for node in tree.children:
        if isinstance(node, Token):  # the WebVTT header, NOTE, STYLE and REGION blocks
            line = int(node.line or 1)
            kind = "caption header" if node.type == "VTT_HEADER" else "caption note"
            end_line = line + str(node).rstrip().count("\n")
            reading.skipped.append(Span(kind, str(node).strip(), line, end_line))
            continue
        if not isinstance(node, Tree):
            continue
        start: float | None = None
        end: float | None = None
        for token in node.children:
            if not isinstance(token, Token):
                continue
            line = int(token.line or 1)
            if token.type == "CUE_TEXT":
                block = _cue_block(token, start, end)
                if _same_speaker(current, block):
                    block = RawBlock(
                        None,
                        block.text,
                        block.line,
                        block.end_line,
                        1,
                        block.text_line,
                        block.text_column,
                        "",
                        start,
                        end,
                    )
                else:
                    current = block if block.label is not None else current
                reading.blocks.append(block)
                continue
            if token.type == "CUE_TIMING":
                start, end = _times(token)
            kind = {
                "CUE_INDEX": "cue number",
                "CUE_ID": "cue identifier",
                "CUE_TIMING": "cue timing",
                "VTT_BLOCK": "caption note",
            }.get(token.type, "layout")
            reading.skipped.append(
                Span(kind, str(token).strip(), line, line + str(token).rstrip().count("\n"))
            )
    return reading
