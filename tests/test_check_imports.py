"""``check`` on a clean UTF-8 file imports only what it needs and builds only the grammars
it uses: it runs on every commit, so its start-up time matters (bench/check_startup.py).
No rule reads the question-answer pairs, so pairing is not even imported."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

PROBE = """
import sys
from interview_parser.cli import main
from interview_parser.grammar import get_parser
code = main(["check", *sys.argv[1:]])
heavy = ["pydantic", "pydantic_core", "charset_normalizer", "yaml", "interview_parser.exporters",
         "interview_parser.fmt", "interview_parser.subtitles", "interview_parser.timing",
         "difflib", "json", "interview_parser.resolve.pairs", "interview_parser.resolve.cues",
         "interview_parser.resolve.asking"]
imported = [m for m in heavy if m in sys.modules]
import json
print(json.dumps({"code": code, "imported": imported,
                  "grammars": get_parser.cache_info().currsize}))
"""


def _probe(*args: str) -> dict[str, object]:
    result = subprocess.run(
        [sys.executable, "-c", PROBE, *args], capture_output=True, text=True, check=True
    )
    report: dict[str, object] = json.loads(result.stdout.splitlines()[-1])
    return report


def test_clean_file_needs_no_exporter_charset_detection_yaml_or_fmt(tmp_path: Path) -> None:
    path = tmp_path / "t.txt"
    path.write_text("Host: Welcome.\nGuest: Thank you.\nHost: Why?\nGuest: Because.\n")
    report = _probe(str(path))
    assert report["code"] == 0
    assert report["imported"] == []


def test_a_project_table_with_a_cast_of_labels_needs_no_pydantic(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text(
        '[tool.interview-parser]\ncast = ["Host", "Guest"]\ndialect = "labelled"\n'
    )
    path = tmp_path / "t.txt"
    path.write_text("Host: Welcome.\nGuest: Thank you.\nHost: Why?\nGuest: Because.\n")
    report = _probe(str(path))
    assert report["code"] == 0
    assert report["imported"] == []


def test_a_cast_mapping_is_validated_by_pydantic(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text(
        '[tool.interview-parser]\ncast = [{ label = "Host", role = "boss" }]\n'
    )
    path = tmp_path / "t.txt"
    path.write_text("Host: Welcome.\nGuest: Thank you.\n")
    report = _probe(str(path))
    assert report["code"] == 2
    assert "pydantic" in report["imported"]


def test_a_named_dialect_builds_one_grammar(tmp_path: Path) -> None:
    path = tmp_path / "t.txt"
    path.write_text("Host: Welcome.\nGuest: Thank you.\nHost: Why?\nGuest: Because.\n")
    assert _probe("--dialect", "labelled", str(path))["grammars"] == 1
    assert _probe("--dialect", "labelled", str(path), str(path))["grammars"] == 1
