"""Question-answer pairs as a model of the floor (resolve/pairs.py, resolve/asking.py).

Each transcript is one line a turn, so a turn's source line is its position plus one; a
pair is written (prompt line, answer line, kind). Roles are given, so only pairing is tested.
"""

from __future__ import annotations

import json

import pytest
from conftest import SAMPLES

import interview_parser as ip
from interview_parser.exporters import EXPORTERS
from interview_parser.model import Pair, Role, Transcript, adapter
from interview_parser.resolve.pairs import Voice, build_pairs


def pairs_of(text: str, *interviewers: str) -> list[tuple[int, int, str]]:
    # The cases share one list of askers; name only those that speak in this one (an
    # interviewer who names nobody is a usage error).
    present = [name for name in interviewers if f"{name}:" in text]
    t = ip.parse(text, interviewers=present)
    line = {turn.index: turn.line for turn in t.turns}
    return [(line[p.question_turns[0]], line[p.answer_turns[0]], p.kind.value) for p in t.pairs]


def first_pair(text: str, *interviewers: str) -> Pair:
    return ip.parse(text, interviewers=interviewers).pairs[0]


FLOOR_CASES = {
    "an acknowledgement inside the answer is not a prompt": (
        "Host: What brought you to the harbour?\n"
        "Mara: My father fished here for forty years.\n"
        "Host: Oh, okay.\n"
        "Mara: So when he retired I took over his boat.\n"
        "Host: Did you ever want to leave?\n"
        "Mara: Every winter.\n",
        [(1, 2, "question"), (5, 6, "question")],
    ),
    "an aborted start that the witness talks over is not a prompt": (
        "Counsel: Did you sign the order?\n"
        "Witness: I signed it on the Friday.\n"
        "Counsel: Now, you had-\n"
        "Witness: And I read every page before I did.\n"
        "Counsel: Who drafted it?\n"
        "Witness: The legal office.\n",
        [(1, 2, "question"), (5, 6, "question")],
    ),
    "an objection is skipped and the restated question is the same prompt": (
        "Counsel: Colonel, would you still keep to the story if nobody had asked?\n"
        "Mr. Pike: Objection.\n"
        "Counsel: I will put it another way. Did anyone tell you to keep to it?\n"
        "Colonel: No one told me that.\n",
        [(1, 4, "question")],
    ),
    "the answerer's continuer inside an unfinished prompt does not answer it": (
        "Host: I was reading about the storm of eighty-seven, the one that took the pier.\n"
        "Guest: Mm-hmm.\n"
        "Host: What do you remember of that night?\n"
        "Guest: The noise, mostly.\n",
        [(1, 4, "question")],
    ),
    "the asker answering the guest's own question opens nothing": (
        "Host: Tell me about the second season.\n"
        "Guest: Which one do you mean, the flood year?\n"
        "Host: The flood, yes.\n"
        "Guest: That was the hardest year we had.\n"
        "Host: Why?\n"
        "Guest: We lost the nets.\n",
        [(1, 2, "question"), (5, 6, "question")],
    ),
    "a round of self-introductions is not an exchange": (
        "Host: Welcome to the harbour hour. I'm Jo Lind.\n"
        "Ana: And I'm Ana Cruz.\n"
        "Host: Ana, what brought you here?\n"
        "Ana: The boats.\n",
        [(3, 4, "question")],
    ),
    "a run that only reacts opens nothing, whoever speaks next": (
        "Host: What did the survey find?\n"
        "Ana: That the east pier is sinking.\n"
        "Host: Hm... Interesting.\n"
        "Ben: It was built on sand in the first place.\n",
        [(1, 2, "question")],
    ),
    "a hundred percent is an acknowledgement": (
        "Host: Why did the ferry stop?\n"
        "Ana: Nobody would pay for the crossing.\n"
        "Host: 100%.\n"
        "Ana: And the council sold the boat the next spring.\n",
        [(1, 2, "question")],
    ),
    "a self-introduction is left out of the co-host's prompt": (
        "Jo: Welcome to the harbour hour.\n"
        "Ana: Thanks for having me.\n"
        "Sam: And I'm Sam Reed.\n"
        "Jo: Ana, tell us how the survey started.\n"
        "Ana: With a leaking boathouse.\n",
        [(1, 2, "remark"), (4, 5, "question")],
    ),
    "a co-host handed the floor opens the prompt": (
        "Jo: What did the survey find?\n"
        "Ana: That the east pier is sinking.\n"
        "Jo: Okay. Sam, go ahead.\n"
        "Sam: So how long do we have before it goes?\n"
        "Ana: Ten years at most.\n",
        [(1, 2, "question"), (4, 5, "question")],
    ),
    "an acknowledgement spaced with no-break spaces is one": (
        "Host: Why did the ferry stop?\n"
        "Ana: Nobody would pay for the crossing.\n"
        "Host: Yeah.\u00a0 Yeah.\n"
        "Ben: And the council sold the boat.\n",
        [(1, 2, "question")],
    ),
    "co-hosts answering the guest's own question in turn open nothing": (
        "Jo: What do you fish for these days?\n"
        "Ana: Mostly mackerel. Did you two ever fish?\n"
        "Jo: Never, I get seasick on a pedalo.\n"
        "Sam: I went out once with my uncle and caught nothing.\n"
        "Ana: Then you should come out with me in June.\n",
        [(1, 2, "question")],
    ),
    "a few words the answerer talks over, picking up their sentence, open nothing": (
        "Host: Will the vote be in the hall?\n"
        "Mayor: It will be virtual, so that members can register\n"
        "Host: And vote.\n"
        "Mayor: ... register and vote from home.\n",
        [(1, 2, "question")],
    ),
    "a bare name with a question mark hands the floor over": (
        "Host: Good, that settles the budget. Ana?\nAna: Thanks. The nets are next on my list.\n",
        [(1, 2, "remark")],
    ),
    "a reaction that closes the last exchange is left out of the co-host's prompt": (
        "Jo: What did the survey find?\n"
        "Ana: That the east pier is sinking.\n"
        "Jo: Wow, okay.\n"
        "Sam: So how long do we have before it goes?\n"
        "Ana: Ten years at most.\n",
        [(1, 2, "question"), (4, 5, "question")],
    ),
    "a check that the asker follows is not a question the asker answers": (
        "Host: Is the vote in person today?\n"
        "Mayor: In person, with attendance through the app. Okay?\n"
        "Host: Then members who are abroad cannot vote at all.\n"
        "Mayor: That was decided by the speaker this morning.\n",
        [(1, 2, "question"), (3, 4, "remark")],
    ),
    "an aside of a few words that the answerer goes on past is not a prompt": (
        "Host: How did the co-op start?\n"
        "Mara: Six of us pooled our boats in the spring of ninety.\n"
        "Host: Strength in numbers.\n"
        "Mara: And the bank lent us the money for a cold store.\n",
        [(1, 2, "question")],
    ),
    "an aside of a few words that the answerer acknowledges prompts": (
        "Host: How did the co-op start?\n"
        "Mara: Six of us pooled our boats in the spring of ninety.\n"
        "Host: Strength in numbers.\n"
        "Mara: Right, that was the idea. And the bank lent us the money.\n",
        [(1, 2, "question"), (3, 4, "remark")],
    ),
    "a host who ends by saying who they are opens a round of introductions": (
        "Host: Welcome to Harbour Talk. I'm Ruth.\n"
        "Pia: i'm pia, hello.\n"
        "Mara: And I am Mara, I run the co-op.\n"
        "Host: Mara, how did the co-op start?\n"
        "Mara: Six of us pooled our boats.\n",
        [(4, 5, "question")],
    ),
    "... unless the guest takes up the welcome": (
        "Host: Welcome to Harbour Talk. I'm Ruth.\nMara: Thanks for having me, Ruth.\n",
        [(1, 2, "remark")],
    ),
    "a broken-off start that the answerer turns to is a prompt": (
        "Host: What did the inspector find?\n"
        "Mara: The nets were fine, the hull was not, and the engine —\n"
        "Host: Mara —\n"
        "Mara: You — you cut me off again!\n"
        "Host: Sorry. Go on about the engine.\n"
        "Mara: It needed a new pump.\n",
        [(1, 2, "question"), (3, 4, "remark"), (5, 6, "remark")],
    ),
    "a long answer's '..., right?' seeks agreement: the host's own remark after it prompts": (
        "Host: Why did the co-op buy its own ice plant?\n"
        "Mara: Because paying the dealer every week for ice cost you more than the plant did "
        "over two seasons, right?\n"
        "Host: I think it also kept the catch fresher for the market.\n"
        "Mara: Yes, and the buyers noticed.\n",
        [(1, 2, "question"), (3, 4, "remark")],
    ),
    "a co-host's comment on the answer does not start the next prompt a co-host asks": (
        "Host: How did the season go?\n"
        "Mara: Badly, the storms kept us in port for weeks.\n"
        "Jo: I remember the pier flooded twice that winter, it was a mess.\n"
        "Host: And what did the council do about it?\n"
        "Mara: Nothing at first.\n",
        [(1, 2, "question"), (4, 5, "question")],
    ),
    "a co-host's aside inside a prompt that its speaker goes on with does not start it": (
        "Host: How did the season go?\n"
        "Mara: Badly, the storms kept us in port for weeks.\n"
        "Host: That is the part the listeners keep writing in about.\n"
        "Jo: Let her finish this time, all right?\n"
        "Host: So why did the boats stay in?\n"
        "Mara: The insurance.\n",
        [(1, 2, "question"), (3, 6, "question")],
    ),
}


@pytest.mark.parametrize("case", list(FLOOR_CASES))
def test_floor(case: str) -> None:
    text, expected = FLOOR_CASES[case]
    assert pairs_of(text, "Host", "Counsel", "Jo", "Sam") == expected


def _voices(*said: tuple[str, Role, str]) -> list[Voice]:
    return [Voice(speaker, role, text) for speaker, role, text in said]


def test_after_the_court_s_own_exchange_a_new_question_is_a_new_prompt() -> None:
    asker, witness, other = Role.interviewer, Role.interviewee, Role.other
    said = [
        ("counsel", asker, "Did the boat have a name?"),
        ("witness", witness, "The Gull."),
        ("counsel", asker, "Was there a flag?"),
        ("court", other, "What was that? A flag?"),
        ("ross", other, "A flag."),
        ("court", other, "On a fishing boat, I never knew."),
        ("counsel", asker, "Is that usual, a pennant when you sail in a race?"),
        ("witness", witness, "Yes, in a race it is."),
    ]
    pairs, unpaired = build_pairs(_voices(*said))
    assert [(p.question_turns, p.answer_turns) for p in pairs] == [([0], [1]), ([6], [7])]
    assert unpaired == [2, 3, 4, 5]
    # an objection and a ruling are not such an exchange: the restated question is the
    # same prompt, even in other words
    said[3:6] = [("ross", other, "Objection."), ("court", other, "Overruled.")]
    pairs, unpaired = build_pairs(_voices(*said))
    assert [(p.question_turns, p.answer_turns) for p in pairs] == [([0], [1]), ([2, 5], [6])]


def test_interjections_and_evidence_say_what_happened() -> None:
    objection = first_pair(FLOOR_CASES[list(FLOOR_CASES)[2]][0], "Counsel")
    assert objection.question_turns == [0, 2]
    assert objection.interjection_turns == [1]
    assert "across a third party's interjection" in objection.evidence
    continuer = first_pair(FLOOR_CASES[list(FLOOR_CASES)[3]][0], "Host")
    assert continuer.interjection_turns == [1]
    assert "prompt goes on past the answerer's interjection" in continuer.evidence


def test_several_guests_answer_one_question() -> None:
    pair = first_pair(
        "Host: Tell us what changed after the merger.\n"
        "Ana: The budget, first of all.\n"
        "Ben: And the hours. We lost the night shift.\n",
        "Host",
    )
    assert (pair.kind.value, pair.answer_turns) == ("question", [1, 2])
    assert pair.evidence[0] == "request to tell"


def test_only_the_last_turn_of_an_answer_that_hands_on_opens_the_next_prompt() -> None:
    t = ip.parse(
        "Kim: Favourite editor, everyone? Lou, you first.\n"
        "Lou: Vim, always.\n"
        "Lou: Kim, what about you?\n"
        "Kim: Emacs, and I am not sorry.\n",
        interviewers=["Kim", "Lou"],
    )
    assert [(p.question_turns, p.answer_turns) for p in t.pairs] == [([0], [1, 2]), ([2], [3])]
    assert t.pairs[1].question == "Kim, what about you?"


def test_a_co_host_asked_by_name_who_answers_at_length_answers() -> None:
    said = (
        "Jo: What brought you to the harbour?\n"
        "Ana: My father fished here for forty years.\n"
        "Jo: Sam, have you ever fished?\n"
        "Sam: {}\n"
        "Jo: Ana, did you ever want to leave?\n"
        "Ana: Every winter.\n"
    )
    at_length = (
        "Only once, on my uncle's boat, the summer I turned twelve, and I was sick over the "
        "side for most of the day before we came back with nothing at all."
    )
    assert pairs_of(said.format(at_length), "Jo", "Sam") == [
        (1, 2, "question"), (3, 4, "question"), (5, 6, "question")
    ]  # fmt: skip
    # a co-host's brief word runs the show, and is no answer
    assert pairs_of(said.format("No, never."), "Jo", "Sam") == [
        (1, 2, "question"), (5, 6, "question")
    ]  # fmt: skip


PEER_CASES = {
    "a speaker who goes first themselves hands nothing over": (
        "Kim: Favourite meals, everyone. Okay, I'm gonna go first: soup.\n"
        "Lou: Soup is not a meal.\n",
        [],
    ),
    "one of you go first hands the floor over": (
        "Kim: Favourite meals, everyone. One of you go first.\nLou: Soup, every day.\n",
        [(1, 2, "remark")],
    ),
    "a topic put to the others prompts them": (
        "Kim: My cat sleeps all day. I want to hear more about Rex though.\n"
        "Lou: Rex is a menace with tennis balls.\n",
        [(1, 2, "remark")],
    ),
}


@pytest.mark.parametrize("case", list(PEER_CASES))
def test_peer_panel(case: str) -> None:
    # co-hosts interviewing each other: everyone is an asker
    text, expected = PEER_CASES[case]
    t = ip.parse(text, interviewers=["Kim", "Lou"])
    line = {turn.index: turn.line for turn in t.turns}
    found = [(line[p.question_turns[0]], line[p.answer_turns[0]], p.kind.value) for p in t.pairs]
    assert found == expected


def test_an_answer_that_hands_on_is_also_the_next_prompt() -> None:
    t = ip.parse(
        "Kim: Favourite editor, everyone? Lou, you first.\n"
        "Lou: Vim, always. Kim, what about you?\n"
        "Kim: Emacs, and I am not sorry.\n",
        interviewers=["Kim", "Lou"],
    )
    assert [(p.question_turns, p.answer_turns) for p in t.pairs] == [([0], [1]), ([1], [2])]
    assert "answer ends with a new prompt" in t.pairs[0].evidence


def test_an_answer_that_only_speaks_to_the_asker_opens_no_new_prompt() -> None:
    # Lou's answer says "you" to Kim but asks nothing and hands nothing over: Kim's reaction
    # to it is not an answer, and Kim's next remark is a prompt of its own
    t = ip.parse(
        "Kim: Favourite editor, Lou?\n"
        "Lou: Vim, always. People say your setup is cleaner, you know? It is not.\n"
        "Kim: I have to admit you have the faster fingers of the two of us.\n"
        "Lou: Years of practice on a very slow laptop.\n",
        interviewers=["Kim", "Lou"],
    )
    assert [(p.question_turns, p.answer_turns) for p in t.pairs] == [([0], [1]), ([2], [3])]
    assert "answer ends with a new prompt" not in t.pairs[0].evidence


CHAMBER = (
    "THE CHAIR: The member for Eastfield has the floor.\n"
    "MS. LOBO: Chair, I would like a clarification before the vote.\n"
    "MR. KANE: Chair, one minute for me as well.\n"
    "THE CHAIR: One moment. I give one minute to the member for Eastfield, then to Mr. Kane.\n"
    "MS. LOBO: Chair, has remote voting been opened for this sitting?\n"
    "THE CHAIR: No, members vote in the chamber today.\n"
    "MS. LOBO: Then how do members who are travelling register?\n"
    "MR. KANE: Chair, let her go, she wants to leave.\n"
    "THE CHAIR: Through the app, for attendance only.\n"
    "MS. LOBO: Thank you, Chair.\n"
    "THE CHAIR: The member for Northgate has the floor.\n"
    "MR. KANE: Chair, on the bill before us, I rise to oppose it.\n"
)


def test_a_member_who_questions_the_chair_is_answered_by_the_chair() -> None:
    # The chair gives the floor and speaking time (a third party's calls), but the member
    # calls the chair by office and the chair replies at once, twice: the chair answers
    # her; the other member's remarks to the chair are passed over, and so are the chair's
    # calls on the proceedings.
    t = ip.parse(CHAMBER, interviewers=["MS. LOBO"])
    assert [(p.question_turns, p.answer_turns, p.kind.value) for p in t.pairs] == [
        ([4], [5], "question"),
        ([6], [8], "question"),
    ]
    assert 7 in t.pairs[1].interjection_turns
    assert "across a remark made to someone else" in t.pairs[1].evidence
    assert t.unpaired_turns == [0, 1, 2, 3, 10, 11]


def test_a_question_mark_far_back_in_a_long_prompt_does_not_make_it_a_question() -> None:
    story = (
        "We had the nets out by four, right? The fog came in before six. Nobody saw the "
        "buoys. The radio was dead. We drifted for an hour. That is when the ferry passed us."
    )
    assert first_pair(f"Host: {story}\nAna: I remember that morning.\n", "Host").kind.value == (
        "remark"
    )
    # the same mark near the end of a short prompt still asks
    short = "We had the nets out by four, right? The fog came in before six."
    assert first_pair(f"Host: {short}\nAna: Yes.\n", "Host").kind.value == "question"


def test_a_prompt_that_ends_on_a_welcome_is_a_remark() -> None:
    opening = (
        "Is a ferry a bus on water? That is the question of today's show. Joining me is Kate "
        "Lund, who runs the harbour line. Kate, welcome."
    )
    pair = first_pair(f"Host: {opening}\nKate: Thanks for having me.\n", "Host")
    assert pair.kind.value == "remark"


KIND_CASES = [
    ("Is there anyone who doesn't want this to go forward or.", "interrogative word order"),
    ("I wanted to ask whether you would be open to changes.", "indirect question"),
    ("Tell us a bit about yourself.", "request to tell"),
    ("Talk about the two differences.", "request to tell"),
    ("You signed it on the Friday, correct.", "confirmation tag"),
    ("So Ana, does that help a little.", "interrogative word order"),
    ("Cuándo llegó usted al puerto.", "wh-word"),
    ("Est-ce que vous avez signé la lettre.", "indirect question"),
    ("Ich frage Sie deshalb, ob die Regierung das plant.", "indirect question"),
    ("Wie sehen Sie das.", "wh-word"),
    ("O que o senhor acha disso.", "wh-word"),
    ("Como Líder de bancada, eu quero saber.", "indirect question"),
    ("Quero perguntar ao Governo quando abre a linha.", "indirect question"),
    ("It was a long winter, you know?", None),
    ('Like, "How do you fix a net?" comes up every winter.', None),
    ("What I remember is the noise.", None),
    ("Let's talk about the nets.", None),
    # a tag the speaker talks on past, a question reported or exclaimed, a wh-word that is
    # the subject of a statement, a start broken off and begun again: none asks
    ("Then you sail out at dawn, right? And the fog rolls in off the point.", None),
    ("And I was thinking like, who owns the pier? Nobody knew.", None),
    ("Are you kidding me? That is the best news all week.", None),
    ("What happened was the pier gave way.", None),
    ("Where did we — sorry, I lost my notes.", None),
    # ... while a tag that ends the turn, a restarted question and an elliptical one ask
    ("You sailed out at dawn, right?", "question mark"),
    ("Was there — was there a storm that night.", "interrogative word order"),
    ("Okay harbour office what about you all do you have the figures.", "wh-word"),
    # a question the speaker answers at once is rhetorical ("No one knows" answers nothing)
    ("Is the harbour fee fair? No, and it never was.", None),
    ("Who sets the harbour fee? No one knows.", "question mark"),
    # the answerer called by name without a comma, as notes write it, then asked
    ("So Ana does that help a little.", "interrogative word order"),
    ("And Ana has her hand up for the next one.", None),
]


@pytest.mark.parametrize(("prompt", "evidence"), KIND_CASES)
def test_kind_from_the_form_of_the_prompt(prompt: str, evidence: str | None) -> None:
    pair = first_pair(f"Host: {prompt}\nAna: Yes, I suppose so.\n", "Host")
    assert pair.kind.value == ("question" if evidence else "remark")
    if evidence:
        assert pair.evidence[0] == evidence


def _texts() -> list[str]:
    texts = [text for text, _ in FLOOR_CASES.values()]
    texts += [p.read_text(encoding="utf-8") for p in sorted(SAMPLES.glob("*.txt"))]
    return texts


@pytest.mark.parametrize("text", _texts())
def test_every_turn_is_placed_once_and_pairs_are_ordered(text: str) -> None:
    t = ip.parse(text)
    placed: list[int] = []
    for before, after in zip(t.pairs, t.pairs[1:], strict=False):
        assert before.question_turns[0] < after.question_turns[0]
        shared = set(before.answer_turns) & set(after.question_turns)
        # the only turn two pairs share: the last of one answer, the first of the next prompt
        assert shared <= {before.answer_turns[-1]} and shared <= {after.question_turns[0]}
    for pair in t.pairs:
        placed += [*pair.question_turns, *pair.answer_turns, *pair.interjection_turns]
    assert set(placed).isdisjoint(t.unpaired_turns)
    assert sorted(set(placed) | set(t.unpaired_turns)) == list(range(len(t.turns)))


def test_pairs_of_schema_1_0_still_read() -> None:
    t = ip.parse("Host: Why?\nGuest: Because.\n")
    data = json.loads(t.to_json())
    assert data["schema_version"] == "1.1"
    for pair in data["pairs"]:
        del pair["evidence"], pair["interjection_turns"]
    data["schema_version"] = "1.0"
    old = adapter(Transcript).validate_python(data)
    assert old.pairs[0].evidence == [] and old.pairs[0].interjection_turns == []


def test_a_pair_with_an_interjection_stays_one_script_segment() -> None:
    t = ip.parse(FLOOR_CASES[list(FLOOR_CASES)[2]][0], interviewers=["Counsel"])
    script = EXPORTERS["podcast"].render(t, None)
    assert script.count("### ") == 1 and "Objection." in script


def test_a_run_that_says_nothing_before_a_self_introduction_is_paired_without_error() -> None:
    # An empty turn ("Dr. Lee:" with nothing after it) has no last sentence to ask with.
    transcript = ip.parse(
        "Dr. Lee: \nBen Okoro: My name is Ana Ruiz, and I mend boats.\n"
        "Dr. Lee: And then? Tell me about it.\n"
    )
    paired = {i for p in transcript.pairs for i in (*p.question_turns, *p.answer_turns)}
    assert paired | set(transcript.unpaired_turns) == {t.index for t in transcript.turns}
