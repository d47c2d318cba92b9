"""The spool a stream is gathered in (interview_parser.spool): what goes in comes back, in
order, as often as it is read, by position and by range, from memory or from disk."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from interview_parser import parse
from interview_parser.model import Skipped, Turn, stream_of
from interview_parser.spool import BATCH, Positions, Spool, TextSpool, gather


def _skipped(n: int) -> list[Skipped]:
    return [
        Skipped(kind="heading", text=f"# {i}" * (i % 3), line=i, end_line=i + 1) for i in range(n)
    ]


@pytest.mark.parametrize("count", [0, 1, BATCH - 1, BATCH, BATCH + 1, 3 * BATCH + 7])
def test_a_spool_gives_back_what_went_in_each_time_it_is_read(count: int) -> None:
    items = _skipped(count)
    spool: Spool[Skipped] = Spool(Skipped)
    for item in items:
        spool.append(item)
    assert len(spool) == count
    assert list(spool) == items
    assert list(spool) == items  # read again
    readers = iter(spool), iter(spool)  # two readers at once keep their own places
    assert [(a, b) for a, b in zip(*readers, strict=True)] == list(zip(items, items, strict=True))


@given(st.integers(0, 2500), st.integers(-2600, 2600), st.integers(0, 2600))
def test_positions_and_views_are_the_lists(count: int, i: int, j: int) -> None:
    items = _skipped(count)
    spool: Spool[Skipped] = Spool(Skipped)
    for item in items:
        spool.append(item)
    if -count <= i < count:
        assert spool[i] == items[i]
    else:
        with pytest.raises(IndexError):
            spool[i]
    start = max(i, 0)
    view = spool.view(start, j)
    assert list(view) == items[start:j]
    assert len(view) == len(items[start:j])
    if len(view) > 2:
        assert view[-1] == items[start:j][-1] and list(view[1:-1]) == items[start:j][1:-1]


def test_positions_read_forward_and_again_from_the_start() -> None:
    items = _skipped(3 * BATCH)
    spool: Spool[Skipped] = Spool(Skipped)
    for item in items:
        spool.append(item)
    found = Positions(spool)
    assert found.at([5, 7]) == [items[5], items[7]]
    assert found.at([7, 2000]) == [items[7], items[2000]]  # one kept from the last request
    assert found.at([3]) == [items[3]]  # already passed: read again from the start
    with pytest.raises(IndexError):
        found.at([3 * BATCH])
    assert Positions(items).at([2, 1]) == [items[2], items[1]]


def test_a_text_spool_gives_back_its_text_with_every_line_end() -> None:
    spool = TextSpool()
    text = "a\r\nb\rc\n" + "é" * 300_000
    for k in range(0, len(text), 999):
        spool.write(text[k : k + 999])
    assert "".join(spool.pieces(size=4096)) == text


def test_a_gathered_stream_is_its_transcript() -> None:
    transcript = parse("# Title\n\nHost: Hi?\nGuest: Yes.\nHost: Bye.\n" * 700)
    stream = stream_of(transcript)
    stream.whole = None  # gathered from its events, into spools
    document = gather(stream)
    assert isinstance(document.turns, Spool)
    assert list(document.turns) == transcript.turns
    assert list(document.pairs) == transcript.pairs
    assert list(document.skipped) == transcript.skipped
    assert list(document.unpaired_turns) == transcript.unpaired_turns
    assert document.head.warnings == transcript.warnings
    assert document.head.turns == []
    whole = gather(stream_of(transcript))  # from a transcript in memory: its own lists
    assert whole.turns is transcript.turns


def test_a_turn_comes_back_with_its_notes_and_spans() -> None:
    transcript = parse("[00:00:01] Host: Hi (laughs) there?\n[00:00:03] Guest: Yes.\n")
    assert transcript.turns[0].notes and transcript.turns[0].start == 1.0
    spool: Spool[Turn] = Spool(Turn)
    for turn in transcript.turns:
        spool.append(turn)
    assert list(spool) == transcript.turns
