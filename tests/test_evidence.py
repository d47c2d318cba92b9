"""Prose that merely contains a colon is never a speaker; real labels are, on evidence."""

from __future__ import annotations

import pytest

import interview_parser as ip


def labels_of(text: str) -> list[str]:
    return [s.label for s in ip.parse(text).speakers]


INTERVIEW = "Host: Hello and welcome.\nGuest: Thanks.\nHost: Why bees?\nGuest: Because.\n"


@pytest.mark.parametrize(
    "trap",
    [
        "Note: the audio dropped here.",
        "He said: bring the boat round.",
        "Two options: fly or sail.",
        "We met at 10:30 and talked until noon.",
        "First: the ferry still runs.",
        "See https://example.org/page for more.",
    ],
)
def test_prose_with_a_colon_inside_a_turn_stays_text(trap: str) -> None:
    text = INTERVIEW.replace("Guest: Thanks.\n", f"Guest: Thanks.\n{trap}\n")
    t = ip.parse(text)
    assert labels_of(text) == ["Host", "Guest"]
    assert trap.split(":")[0] in t.turns[1].text


def test_headline_with_colon_is_the_title() -> None:
    t = ip.parse("Bees and Boats: A Conversation\n" + INTERVIEW)
    assert t.title == "Bees and Boats: A Conversation" and t.title_line == 1
    assert t.turns[0].line == 2


@pytest.mark.parametrize(
    "lines",
    [
        "Ravi Patel - Northgate Securities\nEllen Brooks - Tidewater Capital",  # participants
        "36. Sitzung\nBonn, den 13. Mai 1981\nBeginn: 13.00 Uhr",  # a session's header
    ],
)
def test_the_last_of_a_paragraph_of_short_lines_is_no_title(lines: str) -> None:
    t = ip.parse(f"{lines}\n\nHost: Why now?\nGuest: Because.\nHost: Thanks.\nGuest: Sure.\n")
    assert t.title is None and t.preamble == lines


@pytest.mark.parametrize(
    "headline",
    [
        "„Wir bauen zu langsam“ – Interview mit Katrin Olsen",
        "«On y réfléchit» : entretien avec Paul Girard",
        "“Nobody looks at mosses”: a botanist on field work",
    ],
)
def test_a_headline_in_the_quotes_of_its_language_is_the_title(headline: str) -> None:
    text = f"{headline}\n\nHost: Why now?\nGuest: Because.\nHost: Thanks.\nGuest: Sure.\n"
    assert ip.parse(text).title == headline


@pytest.mark.parametrize(
    "under",
    [
        "Recorded at the Corn Exchange, 12 September 2026",
        "By Ana Ruiz",
        "Published 2026-09-12",
        "Grabado el 3 de marzo de 2025",
    ],
)
def test_a_headline_over_its_dateline_or_byline_is_the_title(under: str) -> None:
    text = f"Who pays for the tram?\n{under}\n\nHost: Why now?\nGuest: Because.\n"
    text += "Host: Thanks.\nGuest: Sure.\n"
    t = ip.parse(text)
    assert (t.title, t.title_line) == ("Who pays for the tram?", 1)
    assert (t.preamble, t.preamble_lines) == (under, [2, 2])
    # an article over a headline: the headline under it is the title, as before
    article = "The council met on Tuesday. It voted to go ahead.\nWho pays for the tram\n\n"
    assert ip.parse(article + text.split("\n\n", 1)[1]).title == "Who pays for the tram"


def test_a_headline_standing_alone_above_the_article_is_the_title() -> None:
    lead = "Night shift at the harbour\n\nWe spent a night with the pilots. They talked.\n\n"
    talk = "Host: Why nights?\nGuest: The ships come in then.\nHost: Thanks.\nGuest: Sure.\n"
    t = ip.parse(lead + talk)
    assert (t.title, t.title_line) == ("Night shift at the harbour", 1)
    assert (t.preamble, t.preamble_lines) == (
        "We spent a night with the pilots. They talked.",
        [3, 3],
    )
    # a headline right above the first turn stays the title, the rest the preamble
    above = lead + "Ten questions for a pilot\n\n" + talk
    t = ip.parse(above)
    assert t.title == "Ten questions for a pilot"
    assert t.preamble is not None and t.preamble.startswith("Night shift at the harbour")
    # a headline that runs straight into the article is not standing alone
    assert ip.parse(lead.replace("\n\nWe", "\nWe") + talk).title is None


def test_one_off_name_among_speakers_is_a_speaker() -> None:
    text = INTERVIEW + "Caller: Can I ask something?\nGuest: Sure.\n"
    assert labels_of(text) == ["Host", "Guest", "Caller"]


def test_recurring_prose_prefix_is_not_a_speaker() -> None:
    text = INTERVIEW.replace("Because.", "Because.\nHe said: one.\nHe said: two.")
    assert labels_of(text) == ["Host", "Guest"]


def test_two_spellings_of_one_label_are_one_speaker() -> None:
    t = ip.parse("Editor (Daily Post): Hi?\nDr Lee: Hello.\nEditor: Why?\nDr. Lee: Because.\n")
    assert [(s.label, s.aliases, s.affiliation) for s in t.speakers] == [
        ("Editor", ["Editor (Daily Post)"], "Daily Post"),
        ("Dr Lee", ["Dr. Lee"], None),
    ]


def test_short_form_and_surname_aliases() -> None:
    text = (
        "Peter McCormack (PM): Welcome to the show. What is new?\n"
        "SOLEDAD O'BRIEN, CNN ANCHOR: Thanks, Peter.\n"
        "PM: Tell me more?\n"
        "O'BRIEN: Gladly.\n"
    )
    t = ip.parse(text)
    assert [s.label for s in t.speakers] == ["Peter McCormack", "SOLEDAD O'BRIEN"]
    assert t.turns[2].speaker == t.speakers[0].id and t.turns[3].speaker == t.speakers[1].id
    assert t.speakers[1].affiliation == "CNN"


def test_a_given_name_after_the_full_name_is_the_same_speaker() -> None:
    # podcasts write a full name once, then the first name: the first turns are turns
    text = (
        "Lena Ortiz (host): Welcome. My guest is Sam Adeyemi. Sam, how did it start?\n"
        "Sam Adeyemi: In my mum's kitchen.\n"
        "Lena: And the shop?\nSam: In 2019.\nLena: What kept you going?\nSam: Deliveries.\n"
    )
    t = ip.parse(text)
    assert t.preamble is None and len(t.turns) == 6
    assert [(s.label, s.aliases) for s in t.speakers] == [
        ("Lena", ["Lena Ortiz (host)"]),
        ("Sam", ["Sam Adeyemi"]),
    ]


@pytest.mark.parametrize(
    ("keys", "owners"),
    [
        (["lena ortiz", "lena"], {"lena": "lena ortiz"}),
        (
            ["soledad o'brien", "s o'brien", "o'brien"],
            {"s o'brien": "soledad o'brien", "o'brien": "soledad o'brien"},
        ),
        (["lena ortiz", "lena park", "lena"], {}),  # two Lenas: the short form names neither
        (["jordan lee", "mia jordan", "jordan"], {}),  # a given name of one, a surname of another
        (["l", "lena ortiz"], {}),  # one letter is no given name
    ],
)
def test_short_owners(keys: list[str], owners: dict[str, str]) -> None:
    from interview_parser.resolve.speakers import short_owners

    assert short_owners(keys) == owners


def test_multi_paragraph_turns_continue() -> None:
    t = ip.parse("Q: One?\nA: First line\nsecond line.\n\nNew paragraph.\nQ: Two?\nA: Yes.\n")
    assert t.turns[1].text == "First line second line.\n\nNew paragraph."
    assert (t.turns[1].line, t.turns[1].end_line) == (2, 5)


def test_interviewer_override() -> None:
    t = ip.parse(INTERVIEW, interviewers=["Guest"])
    roles = {s.label: (s.role, s.role_source) for s in t.speakers}
    assert roles["Guest"] == (ip.Role.interviewer, "declared")
    assert roles["Host"][0] is ip.Role.interviewee


def test_roles_from_behaviour_when_labels_are_names() -> None:
    text = (
        "Maria Lopez: Welcome. What brought you to sailing?\n"
        "Tom Reed: My father. He had a small boat.\n"
        "Maria Lopez: And what keeps you at it?\n"
        "Tom Reed: The quiet. Nothing else is that quiet.\n"
    )
    roles = {s.label: s.role for s in ip.parse(text).speakers}
    assert roles == {"Maria Lopez": ip.Role.interviewer, "Tom Reed": ip.Role.interviewee}


def test_no_turns_is_an_error_with_a_line() -> None:
    with pytest.raises(ip.NoTurnsError) as info:
        ip.parse("Just an article.\nNothing: here.\n", path="a.txt")
    assert str(info.value).startswith("a.txt:1:1: ")


def test_declared_cast_in_front_matter() -> None:
    text = (
        "---\ntitle: Bees\ncast:\n"
        "  - {label: Keeper, name: Ann Hive, role: interviewee}\n  - Ask\n"
        "---\nAsk: Why?\nKeeper: Because.\n"
    )
    t = ip.parse(text)
    assert t.title == "Bees" and t.front_matter_lines == [1, 6]
    keeper = t.speakers[1]
    assert (keeper.name, keeper.role, keeper.role_source) == (
        "Ann Hive",
        ip.Role.interviewee,
        "declared",
    )


@pytest.mark.parametrize(
    "phrase",
    [
        "Joining me is",
        "My guest today is",
        "I'm joined by",
        "I'm here with",
        "With us today is",
        "Please welcome",
        "Let me introduce",
    ],
)
def test_every_host_introduction_form_names_the_guest(phrase: str) -> None:
    text = (
        f"Host: Good evening. {phrase} Dr. Ada Quist, a glaciologist. Why ice?\n"
        "Dr. Quist: Because it remembers.\nHost: Thank you?\nDr. Quist: Thanks.\n"
    )
    guest = ip.parse(text).speakers[1]
    assert (guest.name, guest.description) == ("Dr. Ada Quist", "a glaciologist")


@pytest.mark.parametrize(
    ("labels", "speakers"),
    [
        (("lena ortiz", "sam adeyemi"), ["lena ortiz", "sam adeyemi"]),  # names in lower case
        (("i", "r"), ["i", "r"]),  # interviewer and respondent, as research notes write them
    ],
)
def test_lower_case_prefixes_that_take_turns_on_every_paragraph_are_speakers(
    labels: tuple[str, str], speakers: list[str]
) -> None:
    said = ["How did it start?", "In a kitchen.", "And the shop?", "In 2019.", "Why?", "Bread."]
    text = "".join(f"{labels[i % 2]}: {s}\n\n" for i, s in enumerate(said))
    t = ip.parse(text)
    assert [s.label for s in t.speakers] == speakers
    assert [x.text for x in t.turns] == said


def test_a_lower_case_prefix_now_and_then_in_prose_is_no_speaker() -> None:
    # "note:" opens a paragraph now and then, not every one in turn: prose
    text = (
        "Host: How did it start?\n\nGuest: In a kitchen.\n\nnote: the kitchen is gone.\n\n"
        "Host: And then?\n\nGuest: A shop.\n\nnote: it opened in 2019.\n\nHost: Why?\n\n"
        "Guest: Bread.\n"
    )
    t = ip.parse(text)
    assert [s.label for s in t.speakers] == ["Host", "Guest"]
    assert t.turns[1].text.endswith("note: the kitchen is gone.")
