"""``fmt`` on every bundled sample, whatever its layout: lossless, idempotent, same layout."""

from __future__ import annotations

from pathlib import Path

import pytest

from interview_parser import parse, parse_bytes
from interview_parser.checks import check_text
from interview_parser.fmt import format_bytes, format_text

SAMPLES = sorted((Path(__file__).resolve().parent.parent / "samples").iterdir())


@pytest.mark.parametrize("sample", SAMPLES, ids=[s.name for s in SAMPLES])
def test_fmt_keeps_every_sample(sample: Path) -> None:
    data = sample.read_bytes()
    before = parse_bytes(data)
    formatted = format_bytes(data)
    after = parse(formatted)
    assert after.source.dialect == before.source.dialect
    assert [t.text for t in after.turns] == [t.text for t in before.turns]
    assert [t.speaker for t in after.turns] == [t.speaker for t in before.turns]
    assert format_text(formatted) == formatted
    assert not [p for p in check_text(formatted) if p.fixable and p.code != "IP201"]
