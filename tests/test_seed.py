"""The seed transcript (../shared/seed) and our sample of its layout give the issue's structure.

The seed itself is not copied into the repository; CI has ../shared beside the clone (and
sets INTERVIEW_PARSER_REQUIRE_SHARED=1, so there its absence fails); on a fresh clone without
it the seed tests are skipped with that reason.
samples/article-preamble.txt reproduces every structural feature of it in our own words.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import SAMPLES, shared_path

import interview_parser as ip

SEED = "seed/000_0179c88bf8765c69.txt"


@pytest.fixture
def seed() -> Path:
    return shared_path(SEED)


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", text)


def test_seed_structure(seed: Path) -> None:
    t = ip.parse_file(seed)
    assert t.title == "Interview on U.S.-Russia Relations: Time.news and Expert Discussion"
    assert t.title_line == 11
    assert t.preamble_lines == [1, 10]
    assert [(s.label, s.role) for s in t.speakers] == [
        ("Editor", ip.Role.interviewer),
        ("Dr. Morozova", ip.Role.interviewee),
    ]
    editor, guest = t.speakers
    assert editor.affiliation == "Time.news"
    assert guest.name == "Dr. Elena Morozova"
    assert guest.description == "an expert in international relations and Russian politics"
    assert [turn.line for turn in t.turns] == list(range(12, 27))
    assert [turn.speaker for turn in t.turns] == [editor.id, guest.id] * 7 + [editor.id]
    assert [(p.kind.value, p.question_turns, p.answer_turns) for p in t.pairs] == [
        ("remark", [0], [1]),
        *[("question", [i], [i + 1]) for i in range(2, 14, 2)],
    ]
    assert t.unpaired_turns == [14]
    assert not t.source.final_newline


def test_seed_words_of_the_interview_are_all_in_the_turns_in_order(seed: Path) -> None:
    lines = seed.read_text(encoding="utf-8").split("\n")
    expected = [w for line in lines[11:26] for w in _words(line.split(":", 1)[1])]
    got = [w for turn in ip.parse_file(seed).turns for w in _words(turn.text)]
    assert got == expected


def test_own_sample_reproduces_the_seed_layout() -> None:
    t = ip.parse_file(SAMPLES / "article-preamble.txt")
    assert t.title is not None and ":" in t.title
    assert t.title_line == 5 and t.preamble_lines == [1, 4]
    assert "<a href=" in (t.preamble or "")
    host, guest = t.speakers
    assert (host.label, host.affiliation, host.role) == ("Host", "Radio North", ip.Role.interviewer)
    assert host.aliases == ["Host (Radio North)"]
    assert guest.name == "Prof. Amara Okafor" and guest.role is ip.Role.interviewee
    assert guest.description is not None and guest.description.startswith("a marine biologist")
    assert t.pairs[0].kind is ip.PairKind.remark
    assert t.unpaired_turns == [len(t.turns) - 1]
    assert not t.source.final_newline


def test_missing_shared_material_skips_with_its_reason_or_fails_in_ci(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("INTERVIEW_PARSER_REQUIRE_SHARED", raising=False)
    with pytest.raises(pytest.skip.Exception, match=r"needs .*no-such-file.*not in the repository"):
        shared_path("no-such-file")
    monkeypatch.setenv("INTERVIEW_PARSER_REQUIRE_SHARED", "1")
    with pytest.raises(pytest.fail.Exception, match="INTERVIEW_PARSER_REQUIRE_SHARED=1 requires"):
        shared_path("no-such-file")
