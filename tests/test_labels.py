"""What a label says by itself, one case per line."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from interview_parser.clock import parse_clock
from interview_parser.model import Role
from interview_parser.resolve.labels import (
    Shape,
    _cleaned,
    _named,
    analyse,
    clean_label,
    label_name,
)

R = Role
CASES = [
    # label, name, shape, role hint, affiliation, alias, time
    ("Editor (Time.news):", "Editor", Shape.role, R.interviewer, "Time.news", None, None),
    ("Dr. Morozova:", "Dr. Morozova", Shape.name, None, None, None, None),
    ("MS. JEAN-PIERRE:", "MS. JEAN-PIERRE", Shape.name, None, None, None, None),
    ("JANE DOE, HOST:", "JANE DOE", Shape.name, R.interviewer, None, None, None),
    (
        "SOLEDAD O'BRIEN, CNN ANCHOR:",
        "SOLEDAD O'BRIEN",
        Shape.name,
        R.interviewer,
        "CNN",
        None,
        None,
    ),
    ("Peter McCormack (PM):", "Peter McCormack", Shape.name, None, None, "PM", None),
    # a short form is the name's initials or a contraction of it, from its first letter
    ("INTERVIEWER (IV):", "INTERVIEWER", Shape.role, R.interviewer, None, "IV", None),
    ("Interviewer (I):", "Interviewer", Shape.role, R.interviewer, None, "I", None),
    ("PARTICIPANT 07 (P07):", "PARTICIPANT 07", Shape.role, None, None, "P07", None),
    ("Jane Doe (CNN):", "Jane Doe", Shape.name, None, "CNN", None, None),
    ("Tom Reed (Tokyo):", "Tom Reed", Shape.name, None, "Tokyo", None, None),
    ("Speaker 2 (00:41):", "Speaker 2", Shape.role, None, None, None, 41.0),
    ("Q:", "Q", Shape.role, R.interviewer, None, None, None),
    ("A:", "A", Shape.role, R.interviewee, None, None, None),
    ("Guest:", "Guest", Shape.role, R.interviewee, None, None, None),
    # an audience member asks (a panel's floor questions), however the label is written
    ("AUDIENCE MEMBER:", "AUDIENCE MEMBER", Shape.role, R.interviewer, None, None, None),
    ("Audience member 2:", "Audience member 2", Shape.role, R.interviewer, None, None, None),
    ("Zoë:", "Zoë", Shape.name, None, None, None, None),
    # a script without capitals names people too
    ("张伟：", "张伟", Shape.name, None, None, None, None),
    ("סיגל כהן:", "סיגל כהן", Shape.name, None, None, None, None),
    ("José Álvarez:", "José Álvarez", Shape.name, None, None, None, None),
    ("Aaron van Wirdum:", "Aaron van Wirdum", Shape.name, None, None, None, None),
    ("Jean-Pierre:", "Jean-Pierre", Shape.name, None, None, None, None),
    ("He said:", "He said", Shape.prose, None, None, None, None),
    ("Two options:", "Two options", Shape.prose, None, None, None, None),
    ("Note:", "Note", Shape.prose, None, None, None, None),
    (
        "Interview on U.S.-Russia Relations:",
        "Interview on U.S.-Russia Relations",
        Shape.prose,
        None,
        None,
        None,
        None,
    ),
]


@pytest.mark.parametrize(("label", "name", "shape", "hint", "affiliation", "alias", "time"), CASES)
def test_analyse(
    label: str,
    name: str,
    shape: Shape,
    hint: Role | None,
    affiliation: str | None,
    alias: str | None,
    time: float | None,
) -> None:
    info = analyse(label)
    assert (info.name, info.shape, info.role_hint, info.affiliation, info.alias, info.time) == (
        name,
        shape,
        hint,
        affiliation,
        alias,
        time,
    )


def test_spellings_share_a_key() -> None:
    assert (
        analyse("Dr Morozova:").key == analyse("Dr. Morozova:").key == analyse("DR. MOROZOVA").key
    )
    assert analyse("Editor (Time.news)").key == analyse("Editor").key


@pytest.mark.parametrize(
    ("text", "seconds"),
    [
        ("1:23", 83.0),
        ("01:02:03", 3723.0),
        ("00:00:01.500", 1.5),
        ("00:00:02,250", 2.25),
        ("1:2", None),
        ("abc", None),
    ],
)
def test_parse_clock(text: str, seconds: float | None) -> None:
    assert parse_clock(text) == seconds


def test_a_time_that_came_with_a_date_is_a_time_of_day() -> None:
    # two fields are minutes and seconds on their own, hours and minutes with a date
    assert parse_clock("09:14") == 554.0
    assert parse_clock("09:14", of_day=True) == 33240.0
    assert parse_clock("09:14:05", of_day=True) == 33245.0
    assert parse_clock("9:14 PM", of_day=True) == parse_clock("9:14 PM") == 76440.0


@pytest.mark.parametrize(
    ("label", "name", "seconds"),
    [
        ("12/03/2026, 09:14 - Lena Ortiz: ", "Lena Ortiz", 33240.0),  # a chat export
        ("[12.03.26, 09:14:02] Lena Ortiz: ", "Lena Ortiz", 33242.0),
        ("2026-03-12 14:02:11 Sam: ", "Sam", 50531.0),  # a log
        ("12:03 | Anna: ", "Anna", 723.0),  # a bar parts the time from the name
        ("[00:00:04.12] \u2014 Speaker 2", "Speaker 2", 4.12),
    ],
)
def test_a_date_and_what_parts_a_time_from_the_name_are_layout(
    label: str, name: str, seconds: float
) -> None:
    assert clean_label(label) == (name, seconds, None)


def test_a_short_form_introduced_in_parentheses_is_the_same_speaker() -> None:
    import interview_parser as ip

    text = (
        "INTERVIEWER (IV): Where did it begin?\nPARTICIPANT 07 (P07): In a kitchen.\n"
        "IV: Whose?\nP07: My grandmother's.\nIV: Did she teach you?\nP07: She made me watch.\n"
    )
    t = ip.parse(text)
    assert len(t.speakers) == 2
    assert [t.speaker(x.speaker).role for x in t.turns][:2] == [
        ip.Role.interviewer,
        ip.Role.interviewee,
    ]


# A plain label (words of letters and digits apart by single spaces, then a colon) skips
# the cleaning steps, which would leave it as it is; these hold the shortcut to the steps.
_PLAIN_WORD = st.text(st.characters(categories=("L", "N")), min_size=1, max_size=6)
_LABEL_CHARACTERS = st.sampled_from(list("aZé9² _-.:：*#[]()<>@'’\t\u00a0\u200b,"))


@given(
    words=st.lists(_PLAIN_WORD, min_size=1, max_size=4),
    gaps=st.lists(st.text(" ", min_size=1, max_size=2), min_size=5, max_size=5),
)
def test_a_plain_label_is_cleaned_as_every_step_would(words: list[str], gaps: list[str]) -> None:
    name = " ".join(words)
    label = f"{name} :" if gaps[0] == "  " else f"{name}:{gaps[1]}"
    assert clean_label(label) == _cleaned(label) == (name, None, None)
    assert label_name(name) == _named(name) == name
    # blanks where a plain label has none: the steps' own business
    spaced = gaps[2][1:] + gaps[3].join(words) + gaps[4][1:]
    assert clean_label(spaced + ":") == _cleaned(spaced + ":")
    assert label_name(spaced) == _named(spaced)


@given(st.text(_LABEL_CHARACTERS, max_size=12))
def test_any_label_is_cleaned_and_named_as_every_step_would(label: str) -> None:
    assert clean_label(label) == _cleaned(label)
    assert label_name(label) == _named(label)
