"""docs/rules.md is generated from the rules' docstrings and must match them."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from interview_parser.checks import RULES
from interview_parser.checks.docs import rules_markdown
from interview_parser.cli import cli

DOCS = Path(__file__).resolve().parent.parent / "docs" / "rules.md"


def test_docs_rules_md_is_up_to_date() -> None:
    assert DOCS.read_text(encoding="utf-8") == rules_markdown(), (
        "docs/rules.md is stale: run `interview-parser rules --markdown > docs/rules.md`"
    )


def test_rules_markdown_command_prints_the_docs() -> None:
    result = CliRunner().invoke(cli, ["rules", "--markdown"])
    assert result.exit_code == 0
    assert result.stdout == rules_markdown()


def test_every_rule_documents_a_failing_and_a_passing_example() -> None:
    text = rules_markdown()
    for code, rule in RULES.items():
        section = text.split(f"## {code} {rule.name}\n", 1)[1].split("\n## ", 1)[0]
        assert "Fails:\n\n```text\n" in section, code
        assert "Passes:\n\n```text\n" in section, code
        assert rule.summary in section
