"""Nothing is lost: every word of the input lands in the front matter, preamble, title, a
label, a turn or a skipped span. Stated as a property over generated and arbitrary text;
tests/test_dialects.py states it for every sample and every layout family."""

from __future__ import annotations

import contextlib

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lossless_words import model_words, source_words

import interview_parser as ip


def check(text: str) -> None:
    """Parse never raises anything but our errors, and a parse loses no word."""
    try:
        t = ip.parse(text)
    except ip.InterviewParserError:
        return
    normalised = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    assert model_words(t, normalised) == source_words(t.source.dialect, normalised)


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
    st.one_of(
        WORDS,
        st.sampled_from(
            ["at 10:30", "word:", "(Laughter.)", "?", "\u00a0", "\t", "<!-- a note -->", "<!--"]
        ),
    ),
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
