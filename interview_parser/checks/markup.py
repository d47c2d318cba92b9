"""Rules of the markup family (IP5xx): what copying from web pages and old files leaves behind."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator

from .context import Context
from .problem import Finding, Severity
from .rule import Rule
from .suppress import is_directive

# HTML elements that turn up in scraped transcripts. A closed list, so that transcription
# notes in angle brackets ("<inaudible>", "<crosstalk>") are not taken for markup.
_TAGS = (
    "a abbr article aside b blockquote body br center cite code dd del div dl dt em figcaption "
    "figure font footer h1 h2 h3 h4 h5 h6 head header hr html i iframe img ins li link meta nav "
    "ol p pre q s script section small span strong style sub sup table tbody td th thead time "
    "title tr u ul"
)
_MARKUP = (
    r"<!--.*?(?:-->|$)"  # a comment (one that is not ours; see below)
    r"|</?(?:" + "|".join(_TAGS.split()) + r")\b[^<>]*>"  # an element's tag
    r"|&(?:[A-Za-z]{2,8}|#\d{1,7}|#[xX][0-9A-Fa-f]{1,6});"  # a character entity
)


@functools.cache
def _markup() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """The markup in a line, and the same anywhere in a text, within a line ("$" at every
    line end, a tag not running on over one): where the first line with markup is. Compiled
    for a text that holds a "<" or a "&" (most hold neither: a check starts sooner)."""
    return re.compile(_MARKUP, re.IGNORECASE), re.compile(
        _MARKUP.replace("[^<>]", r"[^<>\n]"), re.IGNORECASE | re.MULTILINE
    )


# UTF-8 read as cp1252: a lead byte shown as Â-ï followed by continuation bytes shown as
# cp1252 characters (0x80-0xBF).
_CONTINUATION = (
    "\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013\u2014"
    "\u2018-\u201a\u201c-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122"
)
_MOJIBAKE = f"[\u00c2-\u00ef][{_CONTINUATION}]{{1,3}}"


@functools.cache
def _mojibake() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """Mojibake, and mojibake or a replacement character: where the first line with either
    is. Compiled for a text that is not ASCII."""
    return re.compile(_MOJIBAKE), re.compile(f"{_MOJIBAKE}|\ufffd")


# Layouts in which tags and entities are part of the format (WebVTT voice tags, <i> in SRT);
# an HTML file's dialect is "html+<the layout inside>".
_MARKUP_FORMATS = frozenset({"srt", "vtt", "podcast-json"})

# What read_bytes reports for Unicode input; any other encoding was a legacy guess.
_UNICODE = frozenset({"utf-8", "utf-8-sig", "utf-16", "str"})


def markup(context: Context) -> Iterator[Finding]:
    """HTML tags, comments or character entities left over from a web page.

    ``<a href=...>``, ``</p>``, ``&amp;`` and ``&nbsp;`` are not words anyone said.
    Suppression comments of this tool (``<!-- interview-parser: ... -->``) are not reported,
    nor is anything in HTML or subtitle files (SRT, WebVTT), whose formats use tags and
    entities.

    Fails::

        Host: Welcome to <b>the programme</b>.
        Guest: Thank you &amp; good evening.

    Passes::

        Host: Welcome to the programme.
        Guest: Thank you & good evening.
    """
    dialect = context.transcript.source.dialect if context.transcript is not None else ""
    if dialect in _MARKUP_FORMATS or dialect.startswith("html"):
        return
    if not _may_hold(context, ("<", "&")):
        return
    markup, anywhere = _markup()
    first = context.first_line_matching(anywhere) or len(context.lines) + 1
    for number, line in enumerate(context.lines[first - 1 :], start=first):
        for match in markup.finditer(line):
            if is_directive(match.group()):
                continue
            shown = match.group() if len(match.group()) <= 30 else match.group()[:27] + "..."
            yield Finding(number, match.start() + 1, f"markup left in the text: {shown!r}")


def _may_hold(context: Context, signs: tuple[str, ...]) -> bool:
    """Whether the checked text holds one of ``signs`` (True when there is no text)."""
    if context.source is None:
        return True
    text = context.source.text
    return any(sign in text for sign in signs)


def _mojibake_of(text: str) -> str | None:
    """What ``text`` reads as if it is UTF-8 that was decoded as cp1252, else None."""
    try:
        fixed = text.encode("cp1252").decode("utf-8")
    except UnicodeError:
        return None
    return fixed if len(fixed) < len(text) else None


def mojibake(context: Context) -> Iterator[Finding]:
    """Mojibake: text that was decoded with the wrong encoding somewhere before this file.

    ``â€™`` instead of ``’`` and ``Ã©`` instead of ``é`` are UTF-8 read as Windows-1252;
    a replacement character ``�`` marks bytes an earlier conversion could not read.

    Fails::

        Host: Welcome to the cafÃ©.
        Guest: Itâ€™s good to be here.

    Passes::

        Host: Welcome to the café.
        Guest: It’s good to be here.
    """
    if context.source is not None and context.source.text.isascii():
        return  # (no character of mojibake, nor a replacement character)
    found, or_lost = _mojibake()
    first = context.first_line_matching(or_lost) or len(context.lines) + 1
    for number, line in enumerate(context.lines[first - 1 :], start=first):
        for match in found.finditer(line):
            fixed = _mojibake_of(match.group())
            if fixed is not None:
                yield Finding(
                    number,
                    match.start() + 1,
                    f"mojibake: {match.group()!r} is probably {fixed!r}",
                )
        column = line.find("\ufffd")
        if column != -1:
            yield Finding(
                number, column + 1, "replacement character: text was lost in a conversion"
            )


def _first_invalid_utf8(data: bytes) -> tuple[int, int, int] | None:
    """Line, column (in bytes) and value of the first byte that is not valid UTF-8."""
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        column = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        return line, column, data[exc.start]
    return None


def undecodable(context: Context) -> Iterator[Finding]:
    """Bytes that are not UTF-8: a legacy encoding, or not text at all.

    A file in Windows-1252 or Latin-1 is still read (its encoding is guessed, and a guess
    can be wrong); a file that no text encoding fits, or that is binary, cannot be read.
    Save transcripts as UTF-8.

    Fails::

        Host: Welcome to the caf\\xe9.
        Guest: Thank you.

    Passes::

        Host: Welcome to the café.
        Guest: Thank you.

    (``\\xe9`` stands for the single byte 0xE9, é in Windows-1252 and invalid in UTF-8.)
    """
    error = context.read_error
    if error is not None and not error.message.startswith("empty"):
        yield Finding(error.line or 1, error.column or 1, error.message)
        return
    source = context.source
    if source is None or context.data is None or source.encoding in _UNICODE:
        return
    found = _first_invalid_utf8(context.data)
    if found is not None:
        line, column, byte = found
        yield Finding(
            line,
            column,
            f"byte 0x{byte:02x} is not UTF-8; the file was read as {source.encoding}",
        )


RULES = (
    Rule("IP501", "markup", Severity.warning, markup, needs_transcript=False),
    Rule("IP502", "mojibake", Severity.warning, mojibake, needs_transcript=False),
    Rule("IP503", "undecodable", Severity.error, undecodable, needs_transcript=False),
)
