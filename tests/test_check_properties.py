"""``check`` never crashes, whatever it is given, and every problem points into the file."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from interview_parser.checks import RULES, check_bytes, check_text

PIECES = [
    "Host: ",
    "Guest: ",
    "Editr: ",
    "Editor: ",
    "Dr Lee: ",
    "Dr. Lee: ",
    "Q: ",
    "A: ",
    "---\n",
    "cast: [Host]\n",
    "(00:01:02)",
    "[1:5]",
    "[00:75:10]",
    "<b>",
    "&amp;",
    "Ã©",
    "\ufffd",
    "<!-- interview-parser: disable=IP301 -->",
    "why?",
    "word ",
    "  ",
    "\t",
    "\u00a0",
    "\ufeff",
    "\n",
    "\r\n",
    "\r",
    "\n\n\n",
    ":",
    "WEBVTT\n",
    "1\n00:00:01,000 --> 00:00:02,000\n",
]
texts = st.lists(st.sampled_from(PIECES) | st.text(max_size=5), max_size=40).map("".join)
SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _inside(problem_line: int, problem_column: int, text: str) -> bool:
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    return 1 <= problem_line <= max(1, len(lines)) and problem_column >= 1


@SETTINGS
@given(texts)
def test_check_text_never_crashes_and_points_inside(text: str) -> None:
    for problem in check_text(text):
        assert problem.code in RULES
        assert _inside(problem.line, problem.column, text), problem


@SETTINGS
@given(st.binary(max_size=200))
def test_check_bytes_never_crashes(data: bytes) -> None:
    for problem in check_bytes(data):
        assert problem.code in RULES
        assert problem.line >= 1
        assert problem.column >= 1
