"""Nothing is lost: every word of the input lands in the front matter, preamble, title, a
label, a turn or a skipped span. Stated as a property over generated and arbitrary text;
tests/test_dialects.py states it for every sample and every layout family."""

from __future__ import annotations

import contextlib

from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from lossless_words import model_words, source_words

import interview_parser as ip


def check(text: str) -> bool:
    """Parse never raises anything but our errors, and a parse loses no word.

    Returns whether the text parsed (only then is there a model to hold the words to); each
    outcome is a hypothesis ``event``, so ``--hypothesis-show-statistics`` shows how many
    examples were checked and how many could not be, and why.
    """
    try:
        t = ip.parse(text)
    except ip.InterviewParserError as exc:
        event(f"not checked: {type(exc).__name__}")
        return False
    event("parsed: words checked")
    normalised = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    assert model_words(t, normalised) == source_words(t.source.dialect, normalised)
    return True


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
# Labels that are speakers on their own evidence (generic roles, a name beside the others).
SPEAKERS = st.sampled_from(["Host", "Guest", "Q", "A", "Dr. Lee", "Editor (Time.news)"])
# What a turn says: words that keep to one line of text (a control character or a line
# break inside a "word" makes another line or a binary-looking file, which the arbitrary
# text below tries), mixed with the traps above.
SPOKEN = st.lists(
    st.one_of(
        st.text(
            alphabet=st.characters(codec="utf-8", exclude_categories=["Cs", "Cc", "Zl", "Zp"]),
            max_size=12,
        ),
        st.sampled_from(["at 10:30", "word:", "(Laughter.)", "?", "\u00a0", "<!-- a note -->"]),
    ),
    min_size=1,
    max_size=8,
).map(" ".join)


@st.composite
def transcripts(draw: st.DrawFn) -> str:
    """Lines of every kind (traps included) around at least one exchange of two speakers,
    so that the text is a transcript and the property has a model to check."""
    lines = draw(st.lists(LINE, max_size=20))
    asker, answerer = draw(st.lists(SPEAKERS, min_size=2, max_size=2, unique=True))
    exchange = [f"{asker}: {draw(SPOKEN)}", f"{answerer}: {draw(SPOKEN)}"]
    at = draw(st.integers(0, len(lines)))
    lines[at:at] = exchange
    newline = draw(st.sampled_from(["\n", "\r\n", "\r"]))
    return newline.join(lines) + (newline if draw(st.booleans()) else "")


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(transcripts())
def test_generated_transcripts_are_lossless(text: str) -> None:
    assert check(text), "a generated transcript with an exchange of two speakers must parse"


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_arbitrary_text_raises_only_our_errors(text: str) -> None:
    check(text)  # next to no arbitrary text is a transcript: this one is about the errors


@settings(max_examples=300, deadline=None)
@given(st.text(), st.text(), transcripts())
def test_arbitrary_text_around_a_transcript_is_lossless(
    before: str, after: str, middle: str
) -> None:
    """Arbitrary text (controls, line separators, anything) above and below an exchange;
    the statistics show how many examples still parse (the rest raise our errors)."""
    check(f"{before}\n{middle}\n{after}")


@settings(max_examples=300, deadline=None)
@given(st.binary())
def test_arbitrary_bytes_raise_only_our_errors(data: bytes) -> None:
    with contextlib.suppress(ip.InterviewParserError):
        ip.parse_bytes(data)
