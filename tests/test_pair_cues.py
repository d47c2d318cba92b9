"""Properties of pairing (hypothesis): its fast paths decide what their patterns decide, and
any transcript's pairs place every turn once (resolve/cues.py, asking.py, pairs.py).

Pairing reads most cues through a cheap test before a pattern: a substring that every
phrase of the pattern holds, the last characters of a text. Each such shortcut is checked
here against the pattern it stands for, on text built from the pattern's own phrases with
their case changed, cut, glued to other words, and with the non-ASCII letters that
IGNORECASE matches to ASCII ones (K, ſ, İ, ı): a phrase added to a pattern and not to its
gate fails here.
"""

from __future__ import annotations

import re

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

import interview_parser as ip
from interview_parser.resolve import asking, cues

FLOOR_PHRASES = [
    "go ahead", "you're up", "you are next", "over to you", "your turn", "what about you",
    "how about you", "what do you think", "your thoughts", "do you want to go",
    "you want to weigh", "you want to chime", "take it away", "the floor is yours",
    "kick us off", "floor to", "want to jump in", "anything to add", "go first",
]  # fmt: skip
FILLERS = ["you know", "y'know", "ya know", "you see", "see", "know what i mean", "huh",
           "eh", "no", "innit"]  # fmt: skip
NAMES = ["ben", "andrew", "o'brien", "jean-pierre", "jürgen", "ann", "lee", "kai", "sam"]
# What may sit around a phrase: marks, closers, blanks, words, and the letters that match
# ASCII ones only under IGNORECASE.
NOISE = ["", " ", "  ", "\n", "\u2003", ",", ".", "? ", ". ", "?", "？", "-", "—", "–", "…",
         "...", '"', "'", "”", "’", ")", "]", "x", "so", "é", "É", "\u212a", "ſ", "İ", "ı",
         "Bob", "word"]  # fmt: skip


@st.composite
def mangled(draw: st.DrawFn, phrases: list[str]) -> str:
    """A phrase with some letters' case changed, or with their IGNORECASE twins (k, s, i),
    or with one letter replaced."""
    phrase = draw(st.sampled_from(phrases))
    flips = draw(st.lists(st.booleans(), min_size=len(phrase), max_size=len(phrase)))
    phrase = "".join(c.upper() if f else c for c, f in zip(phrase, flips, strict=True))
    if draw(st.integers(0, 2)):
        twin = draw(
            st.sampled_from(
                [
                    str.maketrans("kK", "\u212a\u212a"),
                    str.maketrans("sS", "ſſ"),
                    str.maketrans("iI", "İİ"),
                    str.maketrans("iI", "ıı"),
                ]
            )
        )
        phrase = phrase.translate(twin)
    if not draw(st.integers(0, 3)):
        at = draw(st.integers(0, len(phrase) - 1))
        phrase = phrase[:at] + draw(st.sampled_from(["x", " ", "-"])) + phrase[at + 1 :]
    return phrase


def texts_of(phrases: list[str]) -> st.SearchStrategy[str]:
    piece = st.one_of(st.sampled_from(NOISE), mangled(phrases))
    return st.lists(piece, max_size=8).map("".join)


PROPERTY = settings(max_examples=400, suppress_health_check=[HealthCheck.too_slow])


@PROPERTY
@given(texts_of(FLOOR_PHRASES))
@example("Your thoughtſ?")  # IGNORECASE reads ſ as s; lower() does not
def test_floor_phrase_finds_what_the_floor_pattern_finds(text: str) -> None:
    # the first gate, _FLOOR_WORDS, is part of what floor_phrase has always meant ("kick uſ
    # off" is not read); the finer one, _FLOOR_PHRASES, must change nothing
    tail = text[-300:]
    handing = [m for m in cues._FLOOR.finditer(tail) if not cues.self_nominated(tail, m)]
    meant = any(w in tail.lower() for w in cues._FLOOR_WORDS) and bool(handing)
    assert cues.floor_phrase(text) == meant


@PROPERTY
@given(texts_of(["-", "—", "–", "…", "...", "a", '"', "’", ")"]))
def test_cut_off_finds_what_the_cut_pattern_finds(text: str) -> None:
    assert cues.cut_off(text) == bool(cues._CUT.search(text[-8:].rstrip()))


@PROPERTY
@given(texts_of(FILLERS))
@example("It froze, you ſee?")  # IGNORECASE reads ſ as s; lower() does not
@example("It froze, İnnit?")
def test_filler_tags_are_found_as_the_filler_pattern_finds_them(text: str) -> None:
    assert asking._filler(text) == bool(asking._FILLER.search(text))


NAMED = st.one_of(
    texts_of(NAMES),
    st.tuples(st.sampled_from(NOISE), mangled(NAMES), st.sampled_from(NOISE)).map("".join),
)


@PROPERTY
@example(set(NAMES), "Over to ſam.")  # IGNORECASE reads ſ as s, İ as i; lower() does not
@example({"o'brien"}, "Mr. O'BRİEN")
@given(st.one_of(st.just(set(NAMES)), st.sets(st.sampled_from(NAMES), min_size=1)), NAMED)
def test_names_in_finds_what_the_name_pattern_finds(words: set[str], text: str) -> None:
    found = cues.name_pattern(words)
    assert found is not None
    tail = text[-300:].rstrip(" .!?？\"'”’)")
    last = tail[max(tail.rfind(end) for end in (". ", "! ", "? ", "\n")) + 1 :]
    assert cues.names_in(text, found) == bool(found.pattern.search(last))


@PROPERTY
@example({"ben"}, "Go ahead, Ben.")
@example(set(NAMES[:8]), "Over to ſam.")
@example({"ben", "ann"}, "Your turn, ANN")
@given(
    st.one_of(st.just(set(NAMES)), st.sets(st.sampled_from(NAMES), min_size=1)),
    st.one_of(NAMED, texts_of(FLOOR_PHRASES)),
)
def test_the_handover_screen_changes_no_reading(words: set[str], text: str) -> None:
    found = cues.name_pattern(words)
    assert found is not None
    if cues.floor_phrase(text):
        meant: str | None = "hands over the floor"
    else:
        meant = "addressed by name" if cues.names_in(text, found) else None
    assert cues.hands_over(text, found) == meant


@PROPERTY
@given(texts_of(NAMES), st.sets(st.sampled_from(NAMES)))
def test_calling_by_name_is_read_as_every_word_decides(sentence: str, names: set[str]) -> None:
    words = [w.lower() for w in asking._NAME_WORD.findall(sentence)]
    meant = bool(words) and len(words) <= 3 and all(w in names for w in words)
    assert asking._calls(sentence, names) == meant


def test_the_floor_words_written_out_are_the_floor_words() -> None:
    assert not cues._floor_words_in("")
    for word in cues._FLOOR_WORDS:
        assert cues._floor_words_in(f"and {word} now"), word
        assert not cues._floor_words_in(f"and {word[:-1]}_ now"), word


def test_the_floor_gate_holds_a_word_of_every_phrase() -> None:
    # every alternative of _FLOOR, lower-cased, holds one of the gate's phrases
    body = cues._FLOOR.pattern
    for phrase in FLOOR_PHRASES:
        assert re.search(body, phrase, re.IGNORECASE), phrase
        assert any(p in phrase for p in cues._FLOOR_PHRASES), phrase


REACTIONS = [
    "yeah",
    "oh",
    "okay",
    "hm",
    "mm-hmm",
    "100%",
    "a hundred percent true",
    "thanks",
    "that's so interesting",
    "fair enough",
    "got it",
    "sure",
    "nice",
    "well",
    "we",
]


def _made_of_every_clause(pattern: re.Pattern[str], text: str) -> bool:
    """What ``cues._made_of`` decides, read the long way: every clause, none skipped."""
    if len(text) > 160:
        return False
    text = text.replace("’", "'")
    clauses = [c for c in re.split(r"[.,;:!?…()\[\]—–]+", text) if c.strip(cues._AROUND)]
    return bool(clauses) and all(pattern.fullmatch(c.strip(cues._AROUND)) for c in clauses)


@PROPERTY
@given(texts_of(REACTIONS))
@example("- . Yeah")  # a first clause of nothing but marks is passed over
def test_reactions_are_found_as_every_clause_decides(text: str) -> None:
    # _made_of settles most texts on their first clause; the answer must not change
    assert cues.reaction(text) == _made_of_every_clause(cues._REACTION, text)
    assert cues.continuer(text) == _made_of_every_clause(cues._CONTINUER, text)


TURNS = st.sampled_from(
    ["Yeah.", "Mm-hmm.", "Now, you had-", "What happened next?", "Tell us about the boats.",
     "Objection.", "Ben, go ahead.", "I'm Ben Okafor, the harbour master.", "Which is this?",
     "The diversion.", "We sailed at dawn, you know?", "Thanks, everybody.", "Oh, okay.",
     "So the bridge was late, right.", "I wanted to ask whether it held.", "Ann?",
     "It was a long winter and the nets froze. We mended them by the fire."]
)  # fmt: skip
SPEAKERS = ["Host", "Cohost", "Ben", "Ann", "Counsel"]


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(st.sampled_from(SPEAKERS), TURNS), min_size=2, max_size=14))
def test_any_transcript_places_every_turn_once(said: list[tuple[str, str]]) -> None:
    text = "".join(f"{who}: {what}\n" for who, what in said)
    askers = [s for s in ("Host", "Cohost") if any(who == s for who, _ in said)]
    t = ip.parse(text, interviewers=askers)
    placed: list[int] = []
    for before, after in zip(t.pairs, t.pairs[1:], strict=False):
        assert before.question_turns[0] < after.question_turns[0]
        # what two pairs share: the end of one answer that opens the next prompt (in a peer
        # panel, one speaker's run, which may be more than one turn)
        shared = sorted(set(before.answer_turns) & set(after.question_turns))
        assert shared == before.answer_turns[len(before.answer_turns) - len(shared) :]
        assert shared == after.question_turns[: len(shared)]
    for pair in t.pairs:
        assert pair.question_turns == sorted(pair.question_turns)
        assert pair.answer_turns == sorted(pair.answer_turns)
        assert pair.interjection_turns == sorted(pair.interjection_turns)
        # a prompt's and an answer's text are their turns' texts, joined by a blank line
        assert pair.question == "\n\n".join(t.turns[i].text for i in pair.question_turns)
        assert pair.answer == "\n\n".join(t.turns[i].text for i in pair.answer_turns)
        assert pair.evidence and len(set(pair.evidence)) == len(pair.evidence)
        inside = [*pair.question_turns, *pair.answer_turns, *pair.interjection_turns]
        assert len(set(inside)) == len(inside)
        placed += inside
    assert set(placed).isdisjoint(t.unpaired_turns)
    assert sorted(set(placed) | set(t.unpaired_turns)) == list(range(len(t.turns)))


LEADS = re.compile(r"\(\?=\[[a-z']+\]\)")
ASKING = ["I wanted to ask whether", "let me ask", "May I ask", "I'm curious", "I wonder if",
          "my question is", "question for you", "we'd really like to understand",
          "I'd love to hear",
          "your thoughts", "I'd be interested in", "ich frage", "möchte ich Sie fragen",
          "je voudrais savoir", "est-ce que", "quisiera saber", "le pregunto", "quería preguntar",
          "gostaria de saber", "lhe pergunto", "pergunto", "tell us", "could you explain",
          "explain how", "describe your", "walk me through", "help us understand", "remind me",
          "give us a", "share with us", "introduce yourself", "if you don't mind",
          "somebody can tell me", "anyone could tell", "erzählen Sie", "racontez", "dites-nous",
          "cuéntenos", "díganos", "conte-nos", "fale sobre", "I'd like you to"]  # fmt: skip


@PROPERTY
@given(texts_of(ASKING + FLOOR_PHRASES))
def test_the_first_letter_look_aheads_change_no_match(text: str) -> None:
    # _FLOOR, _INDIRECT and _REQUEST open with the letters their phrases start with; without
    # that look-ahead each finds the same span
    for pattern in (cues._FLOOR, asking._INDIRECT, asking._REQUEST):
        assert LEADS.search(pattern.pattern), pattern.pattern[:40]
        plain = re.compile(LEADS.sub("", pattern.pattern, count=1), pattern.flags)
        found, meant = pattern.search(text), plain.search(text)
        assert (found and found.span()) == (meant and meant.span())


PROCEDURE_CASES = [
    ("Tem a palavra, por 1 minuto, a Deputada Talia Pires.", True),
    ("Concedo 1 minuto à Deputada Rosa Lima.", True),
    ("Eu vou dar 1 minuto à Deputada e nós vamos passar para a orientação.", True),
    ("The member for Eastfield has the floor.", True),
    ("I give two minutes to the member for Eastfield.", True),
    ("Sim, senhora. Será virtual.", False),
    ("It took two minutes to sign, and I gave it a minute of thought.", False),
]


@pytest.mark.parametrize(("text", "expected"), PROCEDURE_CASES)
def test_a_chair_giving_the_floor_or_speaking_time_is_procedure(text: str, expected: bool) -> None:
    assert cues.procedural(text) is expected


ADDRESS_CASES = [
    ("Presidente, eu queria um esclarecimento.", True),
    ("Sr. Presidente, nós encaminhamos contra.", True),
    ("A Deputada está querendo ir embora, Presidente. Pode liberá-la.", True),
    ("O Presidente Hugo Motta decidiu, e foi isso.", False),
    ("Eu estou respondendo, como disse, que pode votar.", False),
]


@pytest.mark.parametrize(("text", "expected"), ADDRESS_CASES)
def test_a_turn_opens_by_calling_someone(text: str, expected: bool) -> None:
    found = cues.name_pattern(cues.address_words(["O SR. PRESIDENTE"]))
    assert cues.opens_addressing(text, found) is expected


def test_an_office_addresses_its_holder_and_honorifics_do_not() -> None:
    assert cues.address_words(["THE CHAIR", "Judge Ann Lee"]) == {"chair", "judge", "ann", "lee"}
    assert cues.address_words(["O SR. PRESIDENTE (Rui Matos)"]) == {"presidente", "rui", "matos"}


def _asks_by_mark_in_full(text: str, names: set[str]) -> bool:
    """``asking._asks_by_mark`` as first written: every sentence start looked for with the
    four searches."""
    for mark in "?？¿":
        at = text.find(mark)
        while at >= 0:
            start = 1 + max(text.rfind(end, 0, at) for end in (". ", "! ", "? ", "\n"))
            stop = at + 1 if mark != "¿" else max(text.find("?", at), at) + 1
            quoted = text[stop : stop + 1] in set("\"”’'") and bool(
                asking._QUOTED.match(text, stop)
            )
            after = text[stop : stop + 16]  # (what the speaker says past the mark)
            if not quoted and asking._marked(text[start:stop].strip(), names, after):
                return True
            at = text.find(mark, at + 1)
    return False


SENTENCES = texts_of([*NAMES, *FILLERS, "So what", "is it", "Ben", "! ", "\n", "¿Qué", '"'])


@PROPERTY
@example("Ben? What now? Okay! Ann?", set(NAMES))
@example("Yes.\nBen?", set(NAMES))
@example("What now, you know? Ben?", {"ben"})  # the sentence after "? " only calls Ben
@example("Thanks so much! Ben?", {"ben"})  # ... after "! "
@example("? no", set())  # the speaker answers their own question
@given(SENTENCES, st.sets(st.sampled_from(NAMES)))
def test_the_sentence_of_a_question_mark_is_found_as_by_every_search(
    text: str, names: set[str]
) -> None:
    assert asking._asks_by_mark(text, names) == _asks_by_mark_in_full(text, names)


def test_a_tag_on_a_long_statement_does_not_ask_back_but_a_short_one_does() -> None:
    assert cues.asks_back("So you fished off the point too, right?")
    assert not cues.asks_back(
        "Paying the dealer every week for ice cost you more than the plant did over two "
        "seasons, right?"
    )
