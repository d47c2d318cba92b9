"""SRT and WebVTT captions as transcripts.

The grammars (``srt.lark``, ``vtt.lark``, sharing ``cues.lark``) split a file into cues;
this module reads each cue's text for its speaker. A speaker comes from a ``<v Name>`` voice
span, or from a prefix (``Name:``, ``>> NAME:``, ``[NAME]``: read with a grammar of those
label forms, so it obeys the same rules as any other label); a cue with neither continues
the previous speaker. When (nearly) every cue carries a prefix, as meeting software writes
them, the prefix is the file's speaker field (form ``cue-label``, a speaker whatever its
shape), and so is a lower-case handle that starts several cues; so is a name alone on each
cue's first line, above its words, when the names recur (Microsoft Teams). A voice or
speaker field that repeats the current speaker continues the turn. In an unlabelled cue,
dialogue dashes ("- Really?" / "- Yes.") split the later lines off as blocks of form
``dash``, which the resolver gives to the other speaker of the conversation; inside a voice
span dashes are only punctuation. Cue numbers, timing lines, the header and NOTE blocks are
layout and become skipped spans. Every block is speech: cues before any speaker label are an
unlabelled speaker's (``Reading.all_speech``).
"""

from __future__ import annotations

import functools
import html
import re
from collections import Counter

from lark import Token, Tree

from ..clock import parse_clock
from ..grammar import part
from ..syntax import RawBlock, Reading, Span, parse_tree, read_lines
from . import convention as conventions

# A voice span closes on its own line: an unclosed "<v Name" is text, not a name that runs
# on to the next ">" lines below.
_VOICE = re.compile(r"^(\s*)<v(?:\.[\w.-]+)?[ \t]+([^>\n]*)>")
_TAG = re.compile(r"</?[A-Za-z][^<>\n]*>|<\d[\d:.]*>")


def cue_seconds(time: str) -> float | None:
    """Seconds in a cue time as ``grammars/cues.lark`` reads it: a clock time
    ("00:01:02,500", "1:01.460"), hours, minutes and seconds unpadded ("0:0:6.120") or
    seconds with a fraction ("0.860")."""
    if ":" in time:
        seconds = parse_clock(time)
        if seconds is None and _unpadded().fullmatch(time):
            hours, minutes, rest = time.replace(",", ".").split(":")
            seconds = int(hours) * 3600 + int(minutes) * 60 + float(rest)
        return seconds
    try:
        return float(time.replace(",", "."))
    except ValueError:
        return None


@functools.cache
def _unpadded() -> re.Pattern[str]:
    return re.compile(part("CUE_UNPADDED", "cues"))


def timing_parts(line: str) -> tuple[str, str]:
    """The start and end of a timing line as written (its shape is the grammar's
    ``CUE_TIMING``): "00:00:01,000 --> 00:00:04,000 align:start" gives the two times."""
    first, _, rest = line.partition("-->")
    ends = rest.split()
    return first.strip(), ends[0] if ends else ""


def _times(token: Token) -> tuple[float | None, float | None]:
    """Start and end of a timing line, in seconds."""
    first, second = timing_parts(str(token))
    return cue_seconds(first), cue_seconds(second) if second else None


def _plain(text: str) -> str:
    """Cue text without markup: tags removed, entities decoded."""
    return html.unescape(_TAG.sub("", text))


@functools.cache
def _prefixes() -> str:
    """The grammar of a speaker prefix at a cue's start: ``Name:``, and as broadcast and SDH
    captions write it, ``>> NAME:`` and ``[NAME]`` (a stage note in brackets is none)."""
    return conventions.preset_grammar(
        "cue-prefixes",
        conventions.Preset(
            "a speaker prefix in a cue",
            (
                ("LABEL", conventions.Convention()),
                ("CHEVRON_LABEL", conventions.Convention(before="chevrons", end="colon")),
                ("BRACKET_LABEL", conventions.Convention(wrap="bracket", end="close")),
            ),
        ),
    )


def _prefix(text: str) -> tuple[str | None, str]:
    """A speaker prefix at the start of a cue, read with the prefix forms' grammar
    (:func:`_prefixes`).

    Returns the label and everything after it; only the cue's first line can change the
    speaker ("Today: why ..." on a later line is speech).
    """
    first = next(iter(read_lines(text, _prefixes()).blocks), None)
    if first is None or first.label is None or first.line != 1:
        return None, text
    return first.label, text[text.index(first.label) + len(first.label) :]


def _cue_block(token: Token, start: float | None, end: float | None) -> RawBlock:
    text = str(token)
    line = int(token.line or 1)
    end_line = line + text.rstrip().count("\n")
    voice = _VOICE.match(text)
    if voice is not None:
        name = html.unescape(voice.group(2)).strip()  # "<v Lena &amp; Co>" is "Lena & Co"
        body = _plain(text[voice.end() :])
        column = len(voice.group(1)) + 1
        return RawBlock(
            label=name + ":",
            text=body,
            line=line,
            end_line=end_line,
            label_column=column,
            text_line=line,
            text_column=voice.end() + 1,
            form="voice",
            start=start,
            end=end,
        )
    label, body = _prefix(_plain(text))
    if label is None:
        return RawBlock(
            label=None,
            text=body,
            line=line,
            end_line=end_line,
            text_line=line,
            start=start,
            end=end,
        )
    return RawBlock(
        label=label,
        text=body,
        line=line,
        end_line=end_line,
        text_line=line,
        text_column=len(label) + 1,
        form="prefix",
        start=start,
        end=end,
    )


_DASH = re.compile(r"^[ \t]*[-–—][ \t]+", re.M)
# One word of letters, digits, "_", "." and "-": a user handle when it starts lower-case.
_WORD = re.compile(r"[\w.\-]+")
# A file whose cues (nearly) all begin with a "Name:" prefix (meeting captions: Zoom writes the
# speaker on every cue) names its speakers in that prefix, as a voice tag would; from this
# many cues on, and this share of them.
CUE_LABEL_MIN_CUES = 4
CUE_LABEL_SHARE = 0.95


def _continuation(block: RawBlock, text: str, line: int) -> RawBlock:
    end_line = line + text.rstrip().count("\n")
    return RawBlock(
        label=None,
        text=text,
        line=line,
        end_line=end_line,
        text_line=line,
        start=block.start,
        end=block.end,
    )


def _dialogue(block: RawBlock) -> list[RawBlock]:
    """An unlabelled cue: dash lines after the first may be the other voice speaking.

    In "- Really?\n- Yes." the first line goes on with whoever is speaking; the later ones
    become blocks of form ``dash``, which the resolver hands to the other speaker of the
    conversation once it knows who the speakers are (a dash is only punctuation when there
    is no other speaker).
    """
    starts = [m.start() for m in _DASH.finditer(block.text)]
    if len(starts) < 2 or starts[0] != 0:
        return [block]
    pieces = [block.text[a:b] for a, b in zip(starts, [*starts[1:], len(block.text)], strict=True)]
    result = [_continuation(block, pieces[0], block.line)]
    line = block.line + pieces[0].count("\n")
    for piece in pieces[1:]:
        end_line = line + piece.rstrip().count("\n")
        result.append(
            RawBlock(
                label=None,
                text=piece,
                line=line,
                end_line=end_line,
                text_line=line,
                form="dash",
                start=block.start,
                end=block.end,
            )
        )
        line += piece.count("\n")
    return result


@functools.cache
def _name_line() -> re.Pattern[str]:
    """A line that is only a name, in the label shape of ``grammars/common.lark``."""
    return re.compile(f"[^\\S\\n]*{conventions.name_words()}[^\\S\\n]*")


# Of the cues whose first line is a name above their text, this share must name someone who
# opens another cue too: the names recur (a subtitle's first line seldom repeats exactly).
_NAME_LINE_RECURS = 0.8


def _name_lines(blocks: list[RawBlock]) -> list[RawBlock]:
    """Cues whose first line is a name alone, above the words, as Microsoft Teams writes its
    transcripts ("0:0:6.120 --> 0:0:14.500" / "Lena Ortiz" / "Hi Sam ..."): when (nearly)
    every cue has one and the names recur, each is the cue's speaker field (form
    ``cue-name``), and the text below is what they say. Other files are returned as they
    are."""
    if len(blocks) < CUE_LABEL_MIN_CUES:
        return blocks
    firsts: list[str | None] = []
    for block in blocks:
        first, newline, rest = block.text.partition("\n")
        named = (
            block.label is None
            and newline
            and rest.strip()
            and first.lstrip()[:1].isupper()  # "Lena Ortiz", "Speaker 2"
            and _name_line().fullmatch(first) is not None
        )
        firsts.append(first.strip() if named else None)
    names = [f for f in firsts if f is not None]
    if len(names) < CUE_LABEL_SHARE * len(blocks):
        return blocks
    counts = Counter(names)
    if sum(n for n in counts.values() if n > 1) < _NAME_LINE_RECURS * len(names):
        return blocks
    result: list[RawBlock] = []
    for block, name in zip(blocks, firsts, strict=True):
        if name is None:
            result.append(block)
            continue
        first, _, rest = block.text.partition("\n")
        result.append(
            RawBlock(
                label=first,
                text=rest,
                line=block.line,
                end_line=block.end_line,
                label_column=len(first) - len(first.lstrip()) + 1,
                text_line=block.line + 1,
                form="cue-name",
                start=block.start,
                end=block.end,
            )
        )
    return result


def _declared_prefixes(blocks: list[RawBlock]) -> None:
    """Mark the prefixes that name speakers by the file's own convention as speaker fields.

    In a file that writes a prefix on (nearly) every cue, every prefix names who speaks, even
    a lower-case handle ("nixo: Yep."). Elsewhere a lower-case handle that starts two or more
    cues is one too: in prose "danny: ..." would be no label, at a cue start it is.
    """
    labelled = [b for b in blocks if b.form == "prefix"]
    if len(blocks) >= CUE_LABEL_MIN_CUES and len(labelled) >= CUE_LABEL_SHARE * len(blocks):
        for block in labelled:
            block.form = "cue-label"
        return
    names = [(b.label or "").strip().removesuffix(":").strip() for b in labelled]
    handles = Counter(n for n in names if n[:1].islower() and _WORD.fullmatch(n))
    for block, name in zip(labelled, names, strict=True):
        if handles[name] >= 2:
            block.form = "cue-label"


def _speech(blocks: list[RawBlock], skipped: list[Span]) -> list[RawBlock]:
    """The blocks the cues contribute: cues of one named voice continue one turn.

    A voice tag or speaker field that repeats the current speaker is layout: the cue
    continues the turn (a repeated written prefix becomes a skipped span).
    """
    result: list[RawBlock] = []
    current: str | None = None
    for block in blocks:
        if block.label is None:
            result.extend(_dialogue(block))
            continue
        label = block.label.strip()
        if block.form in ("voice", "cue-label", "cue-name") and label == current:
            if block.form != "voice":
                skipped.append(Span("repeated label", label, block.line, block.line))
            result.append(_continuation(block, block.text, block.text_line))
            continue
        current = label
        result.append(block)
    return result


_LAYOUT_KINDS = {
    "CUE_INDEX": "cue number",
    "CUE_ID": "cue identifier",
    "CUE_TIMING": "cue timing",
    "VTT_BLOCK": "caption note",
}


def read_captions(text: str, grammar: str) -> Reading:
    tree = parse_tree(text, grammar)
    reading = Reading(grammar, [], [], all_speech=True)
    cues: list[RawBlock] = []
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
                cues.append(_cue_block(token, start, end))
                continue
            if token.type == "CUE_TIMING":
                start, end = _times(token)
            reading.skipped.append(_span(_LAYOUT_KINDS.get(token.type, "layout"), token))
    cues = _name_lines(cues)
    _declared_prefixes(cues)
    reading.blocks = _speech(cues, reading.skipped)
    reading.skipped.sort(key=lambda span: span.line)
    return reading


def _span(kind: str, token: Token) -> Span:
    line = int(token.line or 1)
    return Span(kind, str(token).strip(), line, line + str(token).rstrip().count("\n"))
