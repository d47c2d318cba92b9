"""Every rule on its documented examples and on the table-like cases in tests/rule_cases/.

A case runs one rule alone: ``fail_str`` must give exactly the ``problems`` positions,
``pass_str`` none, and ``fmt`` must turn ``fail_str`` into ``fix_str`` (which then passes).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from interview_parser.checks import RULES, check_bytes, get_rule
from interview_parser.checks.docs import example
from interview_parser.fmt import format_bytes

CASES_DIR = Path(__file__).parent / "rule_cases"


def _cases() -> list[tuple[str, dict[str, Any]]]:
    cases = []
    for path in sorted(CASES_DIR.glob("*.yaml")):
        for document in yaml.safe_load_all(path.read_text(encoding="utf-8")):
            for case in document["cases"]:
                cases.append((document["rule"], case))
    return cases


CASES = _cases()


def _positions(data: bytes, code: str) -> list[tuple[int, int]]:
    problems = check_bytes(data, path="case.txt", rules=[get_rule(code)])
    assert all(p.code == code for p in problems)
    return [(p.line, p.column) for p in problems]


@pytest.mark.parametrize("code", list(RULES))
def test_documented_failing_example_fails(code: str) -> None:
    assert _positions(example(RULES[code], "Fails"), code)


@pytest.mark.parametrize("code", list(RULES))
def test_documented_passing_example_passes(code: str) -> None:
    assert check_bytes(example(RULES[code], "Passes"), path="case.txt") == []


@pytest.mark.parametrize(
    ("code", "case"), CASES, ids=[f"{code}-{case['name']}" for code, case in CASES]
)
def test_rule_case(code: str, case: dict[str, Any]) -> None:
    encoding = case.get("encoding", "utf-8")
    if "fail_str" in case:
        data = case["fail_str"].encode(encoding)
        assert _positions(data, code) == [tuple(p) for p in case["problems"]]
        if "fix_str" in case:
            assert RULES[code].fixable
            fixed = format_bytes(data)
            assert fixed == case["fix_str"]
            assert _positions(fixed.encode("utf-8"), code) == []
    else:
        assert _positions(case["pass_str"].encode(encoding), code) == []


def test_every_rule_has_a_table_case() -> None:
    assert {code for code, _ in CASES} == set(RULES)


def test_every_fixable_rule_has_a_fix_case() -> None:
    fixed = {code for code, case in CASES if "fix_str" in case}
    assert fixed == {code for code, rule in RULES.items() if rule.fixable}


def test_codes_are_stable_and_grouped_by_family() -> None:
    assert list(RULES) == sorted(RULES)
    for code, rule in RULES.items():
        assert code == rule.code
        assert len(code) == 5
        assert code.startswith("IP")
        assert rule.family in {"syntax", "speakers", "turns", "timing", "markup", "style"}
    names = [rule.name for rule in RULES.values()]
    assert len(set(names)) == len(names)
