"""Nothing is lost: every word of the input lands in the front matter, preamble, title, a
label or a turn, in source order. Stated as a property over generated transcripts."""

from __future__ import annotations

import contextlib
import re

from conftest import SAMPLES
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import interview_parser as ip

_WORD = re.compile(r"\w+")


def words(text: str) -> list[str]:
    return _WORD.findall(text)


def model_words(t: ip.Transcript, source: str) -> list[str]:
    lines = source.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    out: list[str] = []
    if t.front_matter_lines:
        first, last = t.front_matter_lines
        out += words("\n".join(lines[first - 1 : last]))
    places: list[tuple[int, str]] = []
    if t.preamble is not None and t.preamble_lines:
        places.append((t.preamble_lines[0], t.preamble))
    from_front_matter = t.front_matter_lines and t.title_line == t.front_matter_lines[0]
    if t.title is not None and t.title_line and not from_front_matter:
        places.append((t.title_line, t.title))
    places += [(turn.line, turn.label + " " + turn.text) for turn in t.turns]
    for _, text in sorted(places, key=lambda p: p[0]):
        out += words(text)
    return out


def check(text: str) -> None:
    try:
        t = ip.parse(text)
    except ip.InterviewParserError:
        return
    assert model_words(t, text) == words(text.lstrip("\ufeff"))


def test_samples_are_lossless() -> None:
    for path in sorted(SAMPLES.iterdir()):
        check(ip.source.read_bytes(path.read_bytes()).text)


LABELS = st.sampled_from(
    [
        "Host",
        "Guest",
        "Q",
        "A",
        "Dr. Lee",
        "MS. JEAN-PIERRE",
        "Editor (Time.news)",
        "Zoë",
        "JANE DOE, HOST",
        "Speaker 2",
        "He said",
        "Note",
        "Two options",
        "First",
    ]
)
WORDS = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=12)
PROSE = st.lists(
    st.one_of(WORDS, st.sampled_from(["at 10:30", "word:", "(Laughter.)", "?", "\u00a0", "\t"])),
    max_size=8,
).map(" ".join)
LINE = st.one_of(
    st.builds(lambda label, text: f"{label}: {text}", LABELS, PROSE),
    PROSE,
    st.just(""),
)
DOCUMENT = st.tuples(
    st.lists(LINE, max_size=25), st.sampled_from(["\n", "\r\n", "\r"]), st.booleans()
)


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(DOCUMENT)
def test_generated_transcripts_are_lossless(doc: tuple[list[str], str, bool]) -> None:
    lines, newline, final = doc
    text = newline.join(lines) + (newline if final else "")
    check(text)


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_arbitrary_text_raises_only_our_errors(text: str) -> None:
    check(text)


@settings(max_examples=300, deadline=None)
@given(st.binary())
def test_arbitrary_bytes_raise_only_our_errors(data: bytes) -> None:
    with contextlib.suppress(ip.InterviewParserError):
        ip.parse_bytes(data)
