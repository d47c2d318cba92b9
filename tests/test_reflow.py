"""Reflowed transcripts: turns run together on a line, each label after a sentence end
(interview_parser/dialects/reflow.py, a layer under the label conventions)."""

from __future__ import annotations

from itertools import pairwise

from conftest import SAMPLES
from hypothesis import assume, example, given
from hypothesis import strategies as st

import interview_parser as ip
from interview_parser.dialects.reflow import MIN_INLINE, reflow_layer


def _turns(t: ip.Transcript) -> list[tuple[str, str]]:
    return [(turn.label, " ".join(turn.text.split())) for turn in t.turns]


def test_the_reflowed_sample_reads_every_turn_at_its_label() -> None:
    path = SAMPLES / "reflowed-turns.txt"
    t = ip.parse_file(path)
    assert t.source.dialect == "reflow+labelled"
    assert [turn.label for turn in t.turns] == ["MOSS", "RASK"] * 5
    lines = path.read_text(encoding="utf-8").split("\n")
    for turn in t.turns:  # the line and column of each label are the source's
        assert lines[turn.line - 1][turn.column - 1 :].startswith(turn.label + ":")
    # a label at the end of a line: its words are on the next
    assert t.turns[1].text.startswith("Because the old one")
    assert (t.turns[1].line, t.turns[1].end_line) == (4, 6)


def test_a_turn_that_quotes_a_label_does_not_make_a_file_reflowed() -> None:
    text = (
        "Host: What did the judge say?\n"
        "Guest: He read it out. CLERK: All rise. That was all.\n"
        "Host: And then?\n"
        "Guest: Then we went home. CLERK: Be seated. Nothing more.\n"
        "Host: Thank you.\n"
    )
    assert reflow_layer(text) is None
    assert [turn.label for turn in ip.parse(text).turns] == ["Host", "Guest"] * 2 + ["Host"]


def test_a_title_in_a_leading_label_and_a_timed_label_are_not_broken() -> None:
    titles = "MS. QUINT: Yes. MR. LEVY: No.\nMS. QUINT: Why? MR. LEVY: Privilege.\n"
    layer = reflow_layer(titles)
    assert layer is not None
    assert layer.text.split("\n")[:2] == ["MS. QUINT: Yes. ", "MR. LEVY: No."]
    timed = "".join(
        f"[00:00:{i:02d}] {name}: Words of turn {i}.\n"
        for i, name in enumerate(["Ann Bell", "Cy Dorn"] * 3)
    )
    assert reflow_layer(timed) is None


def test_the_name_that_labels_most_turns_wins_at_a_colon() -> None:
    # "Yes. GRANT" ends at the same colon as "GRANT" twice; GRANT labels more turns
    text = (
        "GRANT: Ready? LIND: Yes. GRANT: Then go on. LIND: Fine. GRANT: Again? "
        "LIND: Yes. GRANT: Good.\n"
    )
    assert _turns(ip.parse(text)) == [
        ("GRANT", "Ready?"),
        ("LIND", "Yes."),
        ("GRANT", "Then go on."),
        ("LIND", "Fine."),
        ("GRANT", "Again?"),
        ("LIND", "Yes."),
        ("GRANT", "Good."),
    ]


NAMES = ["MOSS", "Imogen Rask", "Dr. Lind", "Q", "A"]
WORDS = ["boat", "late", "island", "we", "timetable", "it", "was", "said", "council", "sixty"]


@st.composite
def conversations(draw: st.DrawFn) -> list[tuple[str, str]]:
    """Turns of two to three speakers, each speaking at least twice, texts of sentences
    that end in a stop, a question or an exclamation mark."""
    names = draw(st.lists(st.sampled_from(NAMES), min_size=2, max_size=3, unique=True))
    order = draw(st.lists(st.sampled_from(names), min_size=4, max_size=12))
    order = [*names, *names, *order]
    turns = []
    for name in order:
        sentences = draw(
            st.lists(
                st.tuples(
                    st.lists(st.sampled_from(WORDS), min_size=1, max_size=6),
                    st.sampled_from(".?!"),
                ),
                min_size=1,
                max_size=3,
            )
        )
        text = " ".join(" ".join(w).capitalize() + end for w, end in sentences)
        turns.append((name, text))
    return turns


@given(conversations(), st.integers(min_value=30, max_value=200))
# a titled label after a wrapped turn's end at two line starts, once it began a line itself
@example(
    [("MOSS", "Boat boat boat."), ("Imogen Rask", "Boat boat."), ("Dr. Lind", "Boat boat boat.")]
    + [("MOSS", "Boat boat."), ("Imogen Rask", "Boat."), ("Dr. Lind", "Boat.")]
    + [("MOSS", "Boat.")] * 4,
    30,
)
# ... and never at a line start by itself
@example(
    [("MOSS", "Boat."), ("Imogen Rask", "Island."), ("Dr. Lind", "Boat boat.")]
    + [("MOSS", "Boat boat."), ("Imogen Rask", "Boat."), ("Dr. Lind", "Boat.")]
    + [("MOSS", "Boat.")] * 4,
    30,
)
# a turn's last word wrapped before the label at three line starts: "Boat. MOSS:"
@example(
    [("MOSS", "Boat boat."), ("Imogen Rask", "Boat."), ("MOSS", "Boat."), ("Imogen Rask", "Boat.")]
    + [("MOSS", "Boat boat.")]
    + [("MOSS", "Boat.")] * 3,
    30,
)
def test_turns_run_together_read_as_turns_on_their_own_lines(
    turns: list[tuple[str, str]], width: int
) -> None:
    """A hard-wrapped run of turns reads as the turns do on their own lines, wherever the
    wrap falls, except inside a label, once a few labels are inside lines. Unless a label
    always follows the same short last sentence: then "Boat. MOSS:" every time is one label
    as much as "Dr. Lind:" is, so the case is left out."""
    before: dict[str, set[str]] = {}
    for (_, text), (name, _) in pairwise(turns):
        before.setdefault(name, set()).add(text.rsplit(". ", 1)[-1])
    assume(all(len(texts) > 1 for texts in before.values()))
    one_per_line = "".join(f"{name}: {text}\n" for name, text in turns)
    # hard-wrapped at ``width``, as a PDF's lines are, a label never broken (a label wrapped
    # over two lines is not read as one)
    units = [u for name, text in turns for u in (f"{name}:", *text.split(" "))]
    wrapped, line, inside = [], "", 0
    for unit in units:
        if line and len(line) + 1 + len(unit) > width:
            wrapped.append(line)
            line = unit
        else:
            inside += bool(line) and unit.endswith(":")
            line = f"{line} {unit}" if line else unit
    assume(inside >= MIN_INLINE)  # fewer labels inside lines are too little to go on
    reflowed = "\n".join([*wrapped, line]) + "\n"
    expected = _turns(ip.parse(one_per_line))
    assert expected == turns
    assert _turns(ip.parse(reflowed)) == expected


def test_a_timed_label_with_a_title_begins_its_line() -> None:
    # "[00:00:04] Dr. Lee:" is a label at its line's start, after its time: "Lee:" after
    # "Dr. " is no label inside the line, and a "Note:" said after a sentence is no turn
    lines = [
        "[00:00:01] Host: Welcome. What happened? Note: we are live.",
        "[00:00:04] Dr. Lee: The river rose. Update: it is falling now.",
        "[00:00:09] Host: And the bridge? Note: it is closed.",
        "[00:00:12] Dr. Lee: Shut since Monday. Update: it opens Friday.",
    ]
    t = ip.parse("\n".join(lines * 3) + "\n")
    assert "reflow" not in t.source.dialect
    assert [s.label for s in t.speakers] == ["Host", "Dr. Lee"]
    assert t.turns[1].text == "The river rose. Update: it is falling now."
