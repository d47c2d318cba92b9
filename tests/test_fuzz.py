"""Fuzz: hostile and arbitrary input through every stage a user can reach, never a traceback.

Each example goes through ``parse_bytes`` (every dialect, detected and forced), every
exporter, ``check_bytes`` with every rule and ``fmt``: the only exception allowed is
:class:`InterviewParserError`, whose message is one line. The inputs are generated
transcripts with hostile pieces spliced in (unclosed comments and voice tags, long blank
runs, YAML front matter with aliases and deep nesting, times of every size), arbitrary
text and bytes, malformed Podcasting 2.0 JSON, and ``[tool.interview-parser]`` tables of
every type. A few examples also run through the command line (``slow``): exit 0, 1 or 2
and one line on stderr per file, never a traceback.
"""

from __future__ import annotations

import json
import math
import os
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from interview_parser import InterviewParserError, parse_bytes
from interview_parser.checks.runner import check_bytes
from interview_parser.cli import cli
from interview_parser.config import parse_table
from interview_parser.dialects import DIALECTS
from interview_parser.exporters import EXPORTERS, ExportOptions
from interview_parser.fmt import format_bytes

# A modest number of examples a run keeps the suite quick; FUZZ_EXAMPLES=2000 digs deeper.
SETTINGS = settings(
    max_examples=int(os.environ.get("FUZZ_EXAMPLES", "60")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

LABELS = ["Host", "Guest", "Q", "A", "Dr. Morozova", "SPEAKER 2", "alice", "Zoë", "Editr"]
HOSTILE = [
    "<!--",
    "<!-- interview-parser: disable=" + " " * 200,
    "<!-- interview-parser: disable=IP202 -->",
    "<v",
    "<v Anna",
    "<v Anna>",
    "</v>",
    "[laughter]",
    "(crosstalk",
    "¿",
    "what about it",
    "**",
    "__ _ _ _",
    "\x00",
    "\x1b]0;pwned\x07",
    "\u200b",
    "\ufeff",
    "\r",
    "\f",
    "00:00:01.000 --> 00:00:02.000",
    "[99:59:59]",
    "1e999",
    "&amp;",
    "---",
    ":",
]
FRONT_MATTER = [
    "title: A: B",
    "cast: [Host, Guest]",
    "cast: [{label: Host, role: nobody}]",
    "cast: 5",
    "a: &a [*a]",
    "a: &a [x, x]\nb: &b [*a, *a, *a]\nc: [*b, *b, *b]",
    "a: " + "[" * 60 + "]" * 60,
    "when: 2026-12-06",
    "data: !!binary aGVsbG8=",
    "? [1, 2]\n: x",
    "x: !!set {a, b}",
    "- a list",
    "'unclosed",
]


@st.composite
def transcripts(draw: st.DrawFn) -> str:
    """A labelled transcript with hostile pieces spliced in anywhere."""
    lines = []
    if draw(st.booleans()):
        lines += ["---", draw(st.sampled_from(FRONT_MATTER)), "---"]
    for _ in range(draw(st.integers(0, 8))):
        label = draw(st.sampled_from(LABELS))
        words = draw(st.text(min_size=0, max_size=30))
        piece = draw(st.sampled_from(HOSTILE)) if draw(st.booleans()) else ""
        layout = draw(
            st.sampled_from(
                [
                    "{l}: {w}{p}",
                    "**{l}:** {w}{p}",
                    "[00:01:02] {l}: {p}{w}",
                    "{p}{l}:",
                    "{w} {p}",
                    "{l}\n{w}{p}",
                ]
            )
        )
        lines.append(layout.format(l=label, w=words, p=piece))
    return "\n".join(lines) + draw(st.sampled_from(["", "\n", "\r\n"]))


def numbers() -> st.SearchStrategy[str]:
    """JSON number literals, sane and hostile (NaN and Infinity are what Python writes)."""
    return st.one_of(
        st.floats(allow_nan=True, allow_infinity=True).map(json.dumps),
        st.integers().map(str),
        st.sampled_from(["1e308", "1e999", "-1e999", "9" * 5000, "-0", "0.0000001"]),
    )


@st.composite
def podcast_json(draw: st.DrawFn) -> str:
    """Podcasting 2.0 JSON, often malformed: odd values, deep nesting, cut short."""
    segments = []
    for _ in range(draw(st.integers(0, 5))):
        fields = {
            "speaker": draw(st.one_of(st.sampled_from(LABELS), st.none(), st.integers())),
            "body": draw(st.one_of(st.text(max_size=20), st.none(), st.just([["x"]]))),
        }
        text = json.dumps(fields)[:-1]
        for key in ("startTime", "endTime"):
            if draw(st.booleans()):
                text += f', "{key}": {draw(numbers())}'
        segments.append(text + "}")
    depth = draw(st.sampled_from([0, 0, 3, 2000]))
    document = '{"segments": ' + "[" * depth + "[" + ", ".join(segments) + "]" + "]" * depth + "}"
    cut = draw(st.integers(0, len(document)))
    return document if draw(st.booleans()) else document[:cut]


def _survives(data: bytes, dialect: str | None = None) -> None:
    """Every library stage on ``data``: a result or an InterviewParserError of one line."""
    try:
        transcript = parse_bytes(data, dialect=dialect, path="fuzz")
    except InterviewParserError as exc:
        assert "\n" not in exc.message
        event(f"parse refused: {type(exc).__name__}")
        return
    event("parsed")
    for exporter in EXPORTERS.values():
        try:
            exporter.render(transcript, ExportOptions())
        except InterviewParserError as exc:
            assert "\n" not in exc.message
    for problem in check_bytes(data, path="fuzz", dialect=dialect):
        assert "\n" not in problem.message
    try:
        format_bytes(data, dialect=dialect)
    except InterviewParserError as exc:
        assert "\n" not in exc.message


@SETTINGS
@given(transcripts())
def test_generated_transcripts(text: str) -> None:
    _survives(text.encode("utf-8"))


@SETTINGS
@given(st.text(max_size=300), st.sampled_from([None, *DIALECTS]))
def test_arbitrary_text_in_every_dialect(text: str, dialect: str | None) -> None:
    _survives(text.encode("utf-8"), dialect)


@SETTINGS
@given(st.binary(max_size=300))
def test_arbitrary_bytes(data: bytes) -> None:
    _survives(data)


@SETTINGS
@given(podcast_json())
def test_malformed_podcast_json(text: str) -> None:
    _survives(text.encode("utf-8"))
    _survives(text.encode("utf-8"), "podcast-json")


VALUES = st.recursive(
    st.one_of(
        st.none(),
        st.booleans(),
        st.integers(),
        st.floats(allow_nan=False),
        st.text(max_size=10),
        st.sampled_from(["labelled", "vtt", "IP202", "ALL", "netflix", "Host"]),
    ),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=6), inner),
    max_leaves=6,
)
TABLE_KEYS = st.sampled_from(["cast", "dialect", "rules", "profile", "other"])
RULE_KEYS = st.sampled_from(["select", "ignore", "strict", "other"])


@SETTINGS
@given(
    st.dictionaries(TABLE_KEYS, VALUES, max_size=4),
    st.dictionaries(RULE_KEYS, VALUES, max_size=3),
)
def test_project_tables(table: dict[str, object], rules: dict[str, object]) -> None:
    if rules:
        table = {**table, "rules": rules}
    try:
        parse_table(table, Path("pyproject.toml"))
    except InterviewParserError as exc:
        assert exc.path == "pyproject.toml"
        assert "\n" not in exc.message


def _toml(value: object) -> str:
    """A TOML value for ``value`` (JSON's syntax is TOML's for these), None as a string."""
    if isinstance(value, float) and not math.isfinite(value):
        return "nan"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{json.dumps(k)} = {_toml(v)}" for k, v in value.items()) + "}"
    if isinstance(value, list):
        return "[" + ", ".join(_toml(v) for v in value) + "]"
    return json.dumps("null" if value is None else value)


def _one_line_errors(result: object) -> None:
    stderr = result.stderr  # type: ignore[attr-defined]
    assert result.exit_code in (0, 1, 2), stderr  # type: ignore[attr-defined]
    assert "Traceback" not in stderr
    assert result.exception is None or isinstance(result.exception, SystemExit), stderr  # type: ignore[attr-defined]


@pytest.mark.slow
@settings(max_examples=15, deadline=None, suppress_health_check=list(HealthCheck))
@given(
    st.one_of(transcripts(), podcast_json()),
    st.sampled_from(["tool = 5", "tool = [1]", "", "[tool.interview-parser]\nother = 1"])
    | st.dictionaries(TABLE_KEYS, VALUES, max_size=3).map(
        lambda t: "[tool.interview-parser]\n" + "\n".join(f"{k} = {_toml(v)}" for k, v in t.items())
    ),
)
def test_command_line(tmp_path_factory: pytest.TempPathFactory, text: str, pyproject: str) -> None:
    folder = tmp_path_factory.mktemp("fuzz")
    (folder / "pyproject.toml").write_text(pyproject, encoding="utf-8")
    path = folder / "t.txt"
    path.write_text(text, encoding="utf-8")
    runner = CliRunner()
    for fmt in EXPORTERS:
        _one_line_errors(runner.invoke(cli, ["convert", str(path), "--to", fmt]))
    _one_line_errors(runner.invoke(cli, ["check", str(path)]))
    _one_line_errors(runner.invoke(cli, ["inspect", str(path)]))
    _one_line_errors(runner.invoke(cli, ["fmt", str(path)]))
    out = folder / "out"
    _one_line_errors(runner.invoke(cli, ["convert", str(path), str(path), "--out-dir", str(out)]))
