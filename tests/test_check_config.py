"""The [tool.interview-parser] table: found upwards, typed, validated."""

from __future__ import annotations

from pathlib import Path

import pytest

from interview_parser.config import Config, find_config
from interview_parser.errors import UsageError
from interview_parser.model import CastMember, Role

FULL = """
[project]
name = "interviews"

[tool.interview-parser]
cast = [
    "Host",
    { label = "Dr. Morozova", name = "Elena Morozova", role = "interviewee", aliases = ["Mo"] },
]
profile = "bbc"
dialect = "labelled"

[tool.interview-parser.rules]
select = ["speakers", "IP6"]
ignore = ["IP604"]
strict = true
"""


def test_full_table_is_typed(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text(FULL, encoding="utf-8")
    config = find_config(tmp_path)
    assert config == Config(
        path=(tmp_path / "pyproject.toml").resolve(),
        cast=(
            CastMember(label="Host"),
            CastMember(
                label="Dr. Morozova",
                name="Elena Morozova",
                role=Role.interviewee,
                aliases=["Mo"],
            ),
        ),
        select=("speakers", "IP6"),
        ignore=("IP604",),
        strict=True,
        profile="bbc",
        dialect="labelled",
    )


def test_nearest_table_wins_and_tables_without_ours_are_skipped(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text(FULL, encoding="utf-8")
    inner = tmp_path / "a" / "b"
    inner.mkdir(parents=True)
    (tmp_path / "a" / "pyproject.toml").write_text("[project]\nname = 'x'\n", encoding="utf-8")
    assert find_config(inner).profile == "bbc"
    (inner / "pyproject.toml").write_text(
        "[tool.interview-parser]\nprofile = 'netflix'\n", encoding="utf-8"
    )
    assert find_config(inner).profile == "netflix"


def test_no_table_gives_defaults(tmp_path: Path) -> None:
    assert find_config(tmp_path) == Config()


def test_cache_remembers_folders(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text(FULL, encoding="utf-8")
    sub = tmp_path / "sub"
    sub.mkdir()
    cache: dict[Path, Config] = {}
    first = find_config(sub, cache)
    (tmp_path / "pyproject.toml").write_text("[tool.interview-parser]\n", encoding="utf-8")
    assert find_config(sub, cache) is first
    assert find_config(sub).profile is None


@pytest.mark.parametrize(
    ("table", "message"),
    [
        ("cats = []", "unknown key 'cats'"),
        ("cast = 'Host'", "cast must be a list"),
        ("cast = [{ label = 'Host', role = 'boss' }]", "cast entry"),
        ("[tool.interview-parser.rules]\nselect = 'IP2'", "rules.select must be a list"),
        ("[tool.interview-parser.rules]\nstrikt = true", "unknown key 'strikt'"),
        ("profile = 3", "wrong type"),
        ("dialect = 'klingon'", "unknown dialect 'klingon'"),
    ],
)
def test_invalid_tables_are_usage_errors(tmp_path: Path, table: str, message: str) -> None:
    pyproject = tmp_path / "pyproject.toml"
    pyproject.write_text(f"[tool.interview-parser]\n{table}\n", encoding="utf-8")
    with pytest.raises(UsageError, match=message) as info:
        find_config(tmp_path)
    assert info.value.exit_code == 2
    assert info.value.path == str((tmp_path / "pyproject.toml").resolve())


def test_invalid_toml(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text("[tool.interview-parser\n", encoding="utf-8")
    with pytest.raises(UsageError, match="invalid TOML"):
        find_config(tmp_path)
