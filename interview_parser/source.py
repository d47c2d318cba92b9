"""Stage 0 of the pipeline: bytes in, normalised text out.

Decodes the input (UTF-8 with or without BOM, UTF-16 with BOM, legacy single-byte
encodings detected by charset-normalizer), rejects binary input with a located error, and
normalises line ends to ``\\n`` without changing line numbers: a CRLF or a lone CR counts as
one line end, exactly as editors count them.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass, field

from .errors import InputError

# Magic numbers of formats people drop on the tool by mistake.
_BINARY_SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"%PDF", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive (a .docx or .odt file?)"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"ID3", "an MP3 file"),
    (b"RIFF", "a RIFF (WAV/AVI) file"),
    (b"\xd0\xcf\x11\xe0", "an OLE document (a .doc file?)"),
)

# Text with nothing in it but blanks (matched, not stripped: a copy of a large file costs).
_BLANK = re.compile(r"[\s\ufeff\u200b]*")

# Control characters that never occur in text; tab, LF, VT, FF, CR and ESC are tolerated.
_CONTROL = frozenset(range(0, 32)) - {9, 10, 11, 12, 13, 27}


@dataclass(frozen=True)
class SourceText:
    """Decoded text with ``\\n`` line ends, and what was learnt while decoding it."""

    text: str
    encoding: str
    newline: str  # "\n", "\r\n", "\r", "mixed" or "none"
    final_newline: bool
    warnings: list[str] = field(default_factory=list)

    @property
    def line_count(self) -> int:
        if not self.text:
            return 0
        return self.text.count("\n") + (0 if self.text.endswith("\n") else 1)


def _position(data: bytes, offset: int) -> tuple[int, int]:
    """1-based line and column of byte ``offset`` (column counted in bytes)."""
    line = data.count(b"\n", 0, offset) + 1
    start = data.rfind(b"\n", 0, offset) + 1
    return line, offset - start + 1


def _reject_binary(data: bytes) -> None:
    for magic, what in _BINARY_SIGNATURES:
        if data.startswith(magic):
            raise InputError(f"not a text file: this looks like {what}", line=1, column=1)
    head = data[:8192]
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return
    controls = sum(1 for b in head if b in _CONTROL)
    # A few stray NULs or control bytes happen in scraped text; a tenth of the bytes is binary.
    if head and controls * 10 > len(head):
        first = next(i for i, b in enumerate(head) if b in _CONTROL)
        line, column = _position(data, first)
        raise InputError(
            f"not a text file: {controls} of the first {len(head)} bytes are control bytes",
            line=line,
            column=column,
        )


def _decode(data: bytes) -> tuple[str, str, list[str]]:
    if data.startswith(codecs.BOM_UTF8):
        return _strict(data[3:], "utf-8", "utf-8-sig"), "utf-8-sig", []
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _strict(data, "utf-16", "utf-16"), "utf-16", []
    try:
        return data.decode("utf-8"), "utf-8", []
    except UnicodeDecodeError as exc:
        utf8_error = exc
    # Imported here: only legacy files pay for charset detection.
    from charset_normalizer import from_bytes

    matches = from_bytes(data)
    best = matches.best()
    if best is not None:
        # Short texts often fit several code pages equally well (cp1250, cp1252, cp1257 read
        # "café" identically); among equals prefer cp1252, the legacy encoding of most
        # English-language transcripts.
        ties = [m for m in matches if (m.chaos, m.coherence) == (best.chaos, best.coherence)]
        best = next((m for m in ties if m.encoding == "cp1252"), best)
    if best is None or best.encoding in {"utf_8", "utf_16", "utf_32"}:
        line, column = _position(data, utf8_error.start)
        raise InputError(
            f"cannot decode byte 0x{data[utf8_error.start]:02x} as UTF-8 and no other "
            "text encoding fits",
            line=line,
            column=column,
        )
    encoding = best.encoding.replace("_", "-")
    warning = f"decoded as {encoding} (not UTF-8); convert the file to UTF-8 to be sure"
    return str(best), encoding, [warning]


def _strict(data: bytes, codec: str, name: str) -> str:
    try:
        return data.decode(codec)
    except UnicodeDecodeError as exc:
        line, column = _position(data, exc.start)
        raise InputError(f"invalid {name} at byte {exc.start}", line=line, column=column) from None


def _newline_style(text: str) -> str:
    if "\r" not in text:  # the usual case: one fast scan instead of three counts
        return "\n" if "\n" in text else "none"
    crlf = text.count("\r\n")
    cr = text.count("\r") - crlf
    lf = text.count("\n") - crlf
    kinds = [name for name, n in (("\r\n", crlf), ("\r", cr), ("\n", lf)) if n]
    if not kinds:
        return "none"
    return kinds[0] if len(kinds) == 1 else "mixed"


def normalise(text: str) -> str:
    """``\\n`` line ends; CRLF and lone CR each count as one line end."""
    if "\r" not in text:
        return text
    return text.replace("\r\n", "\n").replace("\r", "\n")


def read_text(text: str, *, encoding: str = "str") -> SourceText:
    """Wrap text the caller already has (the library's ``parse(text)``)."""
    if text.startswith("\ufeff"):
        text = text[1:]
    style = _newline_style(text)
    text = normalise(text)
    return SourceText(text, encoding, style, text.endswith("\n"))


def read_bytes(data: bytes) -> SourceText:
    """Decode file contents; raise :class:`InputError` for binary or undecodable input."""
    if not data or data.isspace():  # not data.strip(): that would copy a large file
        raise InputError("empty input: no text to parse", line=1, column=1)
    _reject_binary(data)
    text, encoding, warnings = _decode(data)
    if _BLANK.fullmatch(text):
        raise InputError("empty input: no text to parse", line=1, column=1)
    source = read_text(text, encoding=encoding)
    return SourceText(
        source.text, encoding, source.newline, source.final_newline, warnings=warnings
    )
