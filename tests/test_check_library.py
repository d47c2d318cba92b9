"""The checks as a library: problems as values, rule selection, suppression directives."""

from __future__ import annotations

import pytest

from interview_parser.checks import (
    RULES,
    Problem,
    Severity,
    check_bytes,
    check_text,
    get_rule,
    select_rules,
)
from interview_parser.checks.suppress import ALL, directives
from interview_parser.errors import UsageError
from interview_parser.model import CastMember

TEXT = "Editor: Welcome.\nGuest:\nEditr: Why now?\nGuest: Because.\nEditor: Bye."


def test_check_text_returns_sorted_problem_values() -> None:
    problems = check_text(TEXT, path="t.txt")
    assert [(p.line, p.code) for p in problems] == [
        (2, "IP301"),
        (3, "IP202"),
        (5, "IP603"),
    ]
    typo = problems[1]
    assert typo == Problem(
        "t.txt",
        3,
        1,
        "IP202",
        "label 'Editr' looks like a typo of 'Editor'",
        "label-typo",
        Severity.error,
        False,
    )
    assert str(typo) == "t.txt:3:1: IP202 label 'Editr' looks like a typo of 'Editor'"
    assert typo.fails(strict=False)
    assert not problems[0].fails(strict=False)
    assert problems[0].fails(strict=True)


def test_check_bytes_with_a_declared_cast_and_chosen_rules() -> None:
    cast = [CastMember(label="Editor"), CastMember(label="Guest")]
    problems = check_bytes(TEXT.encode("utf-8"), cast=cast, rules=select_rules(["speakers"]))
    assert [(p.code, p.line) for p in problems] == [("IP202", 3), ("IP203", 3)]


def test_selection_by_code_prefix_name_family_and_all() -> None:
    assert [r.code for r in select_rules(["IP30"])] == ["IP301", "IP302", "IP303"]
    assert [r.code for r in select_rules(["timing"])] == ["IP401", "IP402", "IP403"]
    assert [r.code for r in select_rules(["mojibake"])] == ["IP502"]
    assert len(select_rules(["ALL"], ["style"])) == len(RULES) - 5
    assert len(select_rules(None)) == len(RULES)
    assert select_rules([]) == []


def test_unknown_rule_names_the_known_ones() -> None:
    with pytest.raises(UsageError, match="known: IP101, IP102"):
        get_rule("IP999")
    with pytest.raises(UsageError, match="families: syntax, speakers"):
        select_rules(["nonsense"])
    assert get_rule("label-typo") is RULES["IP202"]
    assert get_rule("ip202") is RULES["IP202"]


def test_suppression_directives() -> None:
    lines = [
        "Host: Hi. <!-- interview-parser: disable=IP301, label-typo -->",
        "<!--interview-parser:disable-->",
        "Guest: Hello. <!-- interview-parser: disable=ip604 --> <!-- other comment -->",
        "Nothing here about interview-parser.",
    ]
    assert directives(lines) == {
        1: frozenset({"IP301", "label-typo"}),
        2: frozenset({ALL}),
        3: frozenset({"IP604"}),
    }


def test_every_rule_is_documented() -> None:
    for rule in RULES.values():
        assert rule.summary.endswith(".")
        assert "Fails::" in rule.doc
        assert "Passes::" in rule.doc
