"""Bytes in: encodings, byte-order marks, line ends and binary input."""

from __future__ import annotations

import codecs

import pytest

import interview_parser as ip
from interview_parser.source import read_bytes

TEXT = "Host: Café or tea?\nGuest: Café, thank you.\nHost: Milk?\nGuest: No.\n"


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (TEXT.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + TEXT.encode("utf-8"), "utf-8-sig"),
        (codecs.BOM_UTF16_LE + TEXT.encode("utf-16-le"), "utf-16"),
        (codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"), "utf-16"),
    ],
)
def test_unicode_encodings(data: bytes, encoding: str) -> None:
    t = ip.parse_bytes(data)
    assert t.source.encoding == encoding and t.turns[0].text == "Café or tea?" and not t.warnings


def test_legacy_encoding_is_detected_and_warned() -> None:
    text = TEXT * 5 + "Host: “Quotes” and ‘more’ — in cp1252.\nGuest: Naïve façade.\n"
    t = ip.parse_bytes(text.encode("cp1252"))
    assert t.turns[-1].text == "Naïve façade."
    assert t.warnings and "not UTF-8" in t.warnings[0]


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"])
def test_line_ends_keep_line_numbers(newline: str) -> None:
    t = ip.parse(TEXT.replace("\n", newline))
    assert [turn.line for turn in t.turns] == [1, 2, 3, 4]
    assert t.source.newline == newline


def test_no_final_newline_tabs_nbsp_and_zero_width() -> None:
    t = ip.parse("Host:\tHi\u00a0there?\n\u200bGuest: Hello.\nHost: Bye?\nGuest: Bye.")
    assert [s.label for s in t.speakers] == ["Host", "Guest"]
    assert t.turns[1].line == 2 and t.turns[1].column == 2
    assert not t.source.final_newline


def test_invalid_utf16_points_at_the_byte() -> None:
    with pytest.raises(ip.InputError) as info:
        read_bytes(codecs.BOM_UTF16_LE + "Host: hi\n".encode("utf-16-le") + b"\x00\xd8")
    assert info.value.line is not None


def test_binary_names_line_and_column() -> None:
    with pytest.raises(ip.InputError) as info:
        read_bytes(b"Host: fine\n" + bytes(range(0, 32)) * 50)
    assert (info.value.line, info.value.column) == (2, 1)
