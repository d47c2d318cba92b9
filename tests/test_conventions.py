"""A file's own label convention: discovered from what recurs, read with a grammar built for it.

The parts of a label are defined once in the grammars (``common.lark``, ``convention.lark``);
Python reads the same patterns (``grammar.part``), and the generated grammars are read by the
fast scanner exactly as Lark reads them.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from lark import Lark

import interview_parser as ip
from interview_parser.clock import parse_clock
from interview_parser.describe import describe
from interview_parser.dialects import get_dialect
from interview_parser.dialects.convention import (
    PRESETS,
    Convention,
    grammar_name,
    parse_name,
)
from interview_parser.dialects.discovery import discover
from interview_parser.errors import NoTurnsError, TranscriptSyntaxError, UsageError
from interview_parser.grammar import grammar_dir, part
from interview_parser.source import read_bytes
from interview_parser.syntax import parse_tree, read_lines, read_lines_family

SAMPLES = Path(__file__).parent.parent / "samples"
_ONE_LITERAL = re.compile(r"^([A-Z_]+)(?:\.\d+)?:[^\S\n]*/.*/[imsux]*[^\S\n]*$", re.M)


def _one_literal_terminals(grammar: str) -> list[str]:
    """Terminals written as one regex literal (a joined one such as LABEL_CLOCK is not)."""
    text = (grammar_dir() / f"{grammar}.lark").read_text(encoding="utf-8")
    names = []
    for name in _ONE_LITERAL.findall(text):
        try:
            part(name, grammar)
        except UsageError:
            continue
        names.append(name)
    return names


@pytest.mark.parametrize(
    ("grammar", "name"),
    [(g, n) for g in ("common", "convention") for n in _one_literal_terminals(g)],
)
def test_a_part_is_what_lark_makes_of_it(grammar: str, name: str) -> None:
    # The part between two marks: the lexer refuses a terminal that may match nothing.
    lark = Lark(
        f'start: PROBE\nPROBE: "<" {name} ">"\n%import .{grammar} ({name})\n',
        parser="lalr",
        import_paths=[str(grammar_dir())],
        source_path=str(grammar_dir() / "probe.lark"),
    )
    ours = re.compile(f"<(?:{part(name, grammar)})>")
    theirs = re.compile(lark.get_terminal("PROBE").pattern.to_regexp())
    # Lark turns the escapes of a literal into characters ("\\n" into a line end): the two
    # patterns are spelt apart but must match alike, everywhere in the samples.
    texts = [read_bytes(p.read_bytes()).text for p in sorted(SAMPLES.iterdir()) if p.is_file()]
    for text in texts:
        for at in range(0, len(text), 7):
            probe = f"<{text[at : at + 120]}"
            for end in (len(probe), probe.find(" ", 2), probe.find("\n", 2)):
                if end > 0:
                    probe = probe[:end] + ">"
                    break
            mine, lark_match = ours.match(probe), theirs.match(probe)
            assert (mine and mine.span()) == (lark_match and lark_match.span())


def test_an_unknown_part_is_a_usage_error() -> None:
    with pytest.raises(UsageError):
        part("NO_SUCH_PART")


@pytest.mark.parametrize(
    ("text", "seconds"),
    [
        ("0:00:13.8", 13.8),
        ("02:07:50:31", 2 * 86400 + 7 * 3600 + 50 * 60 + 31.0),
        ("-00:01:40", -100.0),
        ("1:2:3", None),
        ("12:01:33 PM", 12 * 3600 + 60 + 33.0),  # a time of day: hours first
        ("12:01:33 AM", 60 + 33.0),
        ("9:05 a.m.", 9 * 3600 + 5 * 60.0),
        ("1:05pm", 13 * 3600 + 5 * 60.0),
        ("1:05 Pam", None),
    ],
)
def test_clock_notations(text: str, seconds: float | None) -> None:
    assert parse_clock(text) == seconds


DISCOVERED = {
    "period-labels.txt": "learned:end=period",
    "time-bold-names.md": "learned:before=time,wrap=bold,end=close",
    "heading-name-time.md": "learned:before=heading,after=time,end=line",
    "dash-labels.txt": "learned:end=dash",
    "time-line-callsigns.txt": "learned:before=timeline,end=colon",
}


@pytest.mark.parametrize(("name", "dialect"), sorted(DISCOVERED.items()))
def test_each_convention_is_discovered(name: str, dialect: str) -> None:
    transcript = ip.parse_file(SAMPLES / name)
    assert transcript.source.dialect == dialect
    assert len(transcript.turns) >= 4
    assert transcript.source.dialect_evidence.startswith(
        f"{len(transcript.turns)} of {len(transcript.turns)} turns begin with"
    )


@pytest.mark.parametrize("name", sorted(DISCOVERED))
def test_generated_grammars_are_read_by_the_scanner_as_lark_reads_them(name: str) -> None:
    text = read_bytes((SAMPLES / name).read_bytes()).text
    grammar = grammar_name(parse_name(DISCOVERED[name]))
    assert read_lines(text, grammar) == read_lines_family(parse_tree(text, grammar), grammar)


@pytest.mark.parametrize("preset", sorted(PRESETS))
def test_every_preset_builds_a_grammar_and_round_trips_its_name(preset: str) -> None:
    convention = PRESETS[preset]
    assert parse_name(convention.name) == convention
    reading = get_dialect(preset).read("Someone said nothing here.\n")
    assert reading.blocks and reading.blocks[0].label is None


def test_a_spelt_out_convention_is_a_dialect() -> None:
    transcript = ip.parse(
        "1:00 **Ana** Hello.\n1:05 **Ben** Hi.\n", dialect="learned:before=time,wrap=bold,end=close"
    )
    assert [t.speaker for t in transcript.turns] == ["ana", "ben"]
    assert [t.start for t in transcript.turns] == [60.0, 65.0]


@pytest.mark.parametrize("name", ["learned:end=semicolon", "learned:wrap=bold", "learned:x=1"])
def test_a_bad_convention_name_is_a_usage_error(name: str) -> None:
    if name == "learned:wrap=bold":
        name = "learned:end=close,before=bullet,wrap="  # closing markup with no markup
    with pytest.raises(UsageError):
        get_dialect(name)


def test_sentences_that_end_in_periods_are_no_convention() -> None:
    text = "Yes. I think so.\nYes. We went there.\nNo. Not at all.\nYes. Again.\nNo. Never.\n"
    assert all(c.end != "period" for c in discover(text))


def test_stage_notes_in_square_brackets_open_no_label() -> None:
    text = "[Laughter] And then.\n[Inaudible] more.\n[laughter] Yes.\n[Laughter] Again.\n"
    assert all(c.wrap != "bracket" for c in discover(text))
    named = "[Ann] Hello?\n[Ben] Hi.\n[Laughter]\n[Ann] Well?\n[Ben] Fine.\n"
    assert any(c.wrap == "bracket" for c in discover(named))
    turns = ip.parse(named).turns
    assert [t.text for t in turns][1] == "Hi. [Laughter]"  # the note stays in the turn


def test_a_time_of_day_before_the_name_is_the_turn_s_time_not_its_speaker() -> None:
    text = (
        "12:01:33 PM  Karen Wu: Can everyone hear me?\n12:01:40 PM  Raj Patel: Yes.\n"
        "12:01:45 PM  Karen Wu: Raj, the status?\n12:02:10 PM  Raj Patel: Two days behind.\n"
    )
    t = ip.parse(text)
    assert [s.label for s in t.speakers] == ["Karen Wu", "Raj Patel"]
    assert [x.start for x in t.turns][:2] == [43293.0, 43300.0]


def test_a_name_alone_on_its_line_needs_a_mark_to_be_a_convention() -> None:
    text = "Ana\nHello there.\n\nBen\nHi.\n\nAna\nHow are you?\n\nBen\nWell.\n"
    assert all(c.end != "line" for c in discover(text))


def test_a_long_form_then_its_short_forms_are_one_speaker() -> None:
    text = (
        "Morning News\n\n"
        "SOLEDAD REYES, ANCHOR: Good morning.\n\n"
        "MARK REYES, CORRESPONDENT: Good morning to you.\n\n"
        "S. REYES: Let us begin.\n\nM. REYES: Yes.\n\nS. REYES: Thanks.\n"
    )
    transcript = ip.parse(text)
    assert [t.speaker for t in transcript.turns] == [
        "soledad-reyes",
        "mark-reyes",
        "soledad-reyes",
        "mark-reyes",
        "soledad-reyes",
    ]


def test_one_call_sign_with_different_qualifiers_names_different_people() -> None:
    text = (
        "Base (Ivanov): Do you hear me?\n\nCedar: I hear you.\n\n"
        "Base (Petrov): Good.\n\nCedar: Ready.\n\nBase (Ivanov): Go.\n"
    )
    speakers = {t.speaker for t in ip.parse(text).turns}
    assert len(speakers) == 3


def test_a_constant_time_before_every_line_is_skipped_not_text() -> None:
    lines = ["Ana Roe  00:01", "", "Hello and welcome.", "", "Ben Lake  00:05", "", "Hi there."]
    lines += ["", "Ana Roe  00:09", "", "Bye."]
    text = "\n".join(f"0:00 {line}" if line else "" for line in lines) + "\n"
    transcript = ip.parse(text)
    assert [t.text for t in transcript.turns] == ["Hello and welcome.", "Hi there.", "Bye."]
    assert {s.kind for s in transcript.skipped} == {"line time"}


def test_no_turns_says_what_was_seen_and_what_to_do() -> None:
    with pytest.raises(NoTurnsError) as caught:
        ip.parse("Note: the figures.\nHe said: nothing.\n")
    message = str(caught.value)
    assert "2 read as prose" in message and "'Note'" in message
    assert "also seen: 2 lines begin with a name ended by ':' (no name recurs)" in message
    assert "--dialect" in message and "--interviewer" in message


def test_a_generated_grammar_rejects_nothing_it_reads() -> None:
    grammar = grammar_name(Convention(end="period"))
    try:
        read_lines("  Mr. ROE. Hello.\n\x0b\n", grammar)
    except TranscriptSyntaxError:  # pragma: no cover - any text lexes as TEXT
        pytest.fail("text must always lex")


def test_header_fields_and_show_note_headings_are_not_speakers() -> None:
    text = (
        "Presenter: Dana Holt (DH)\n\n"
        "**Resources:**\n- [The council site](https://example.org)\n- [Minutes](https://example.org/m)\n\n"
        "DH: Good morning, everyone.\n\nRT: Morning.\n\nDH: Let us start.\n\nRT: Fine.\n"
    )
    transcript = ip.parse(text, dialect="labelled")
    assert [t.label for t in transcript.turns] == ["DH", "RT", "DH", "RT"]


def test_labels_in_a_script_without_capitals_are_speakers() -> None:
    text = (
        "记者：您什么时候开始画画的？\n张伟：大概七岁的时候。\n"
        "记者：为什么选择水墨？\n张伟：因为我外公是画家。\n"
    )
    transcript = ip.parse(text)
    assert [t.label for t in transcript.turns] == ["记者", "张伟"] * 2
    assert len(transcript.pairs) == 2
    # inspect lines the roles up by display width: a wide character takes two columns
    rows = [row for row in describe(transcript).split("\n") if "from behaviour" in row]
    before = [row[: row.index("inter")] for row in rows]
    assert [sum(2 if "\u4e00" <= c <= "\u9fff" else 1 for c in b) for b in before] == [31, 31]


def test_a_part_naming_initials_in_a_header_is_not_a_turn() -> None:
    # "Interviewer: KB" above a research interview names the interviewer; it is no turn,
    # so the label's role does not make the questioner "I" an interviewee
    text = (
        "Participant: R4\nDate: 2 May 2026\nInterviewer: KB\n\n"
        "I: When did you move here?\nR4: In 2019, for work.\n"
        "I: And do you like it?\nR4: More every year.\n"
    )
    transcript = ip.parse(text)
    assert [t.label for t in transcript.turns] == ["I", "R4", "I", "R4"]
    assert transcript.title is None  # the last field of a header is not a headline
    assert [s.role for s in transcript.speakers] == ["interviewer", "interviewee"]
    # a one-off part label that says a sentence is a turn
    spoken = text.replace("Interviewer: KB", "Interviewer: KB here.")
    assert "Interviewer" in [t.label for t in ip.parse(spoken).turns]


def test_a_title_keeps_its_label_among_question_markers() -> None:
    text = (
        "Q.  Where were you?\nA.  At home.\nQ.  Alone?\nA.  Yes.\nQ.  All evening?\n"
        "A.  Until nine.\nQ.  Then?\nA.  I slept.\nTHE COURT:  Speak up, please.\nA.  I slept.\n"
    )
    assert "THE COURT" in [t.label for t in ip.parse(text).turns]


def test_a_time_beside_a_one_off_label_makes_it_a_turn() -> None:
    text = "Dana: [00:30:21]\nWe start with the budget.\n\nEli: Thanks.\n\nFay: Yes.\n\nEli: Go.\n"
    assert ip.parse(text).turns[0].label == "Dana"


def test_a_time_seen_once_above_a_name_is_not_a_layout() -> None:
    # One '10:30' line above one name is a time said in the turn before; read as a layout it
    # would move into the next turn's start, and only when the file ends in a line break.
    for text in ("Host:\nHost: the\n\n10:30\nHost:", "Host:\nHost: the\n\n10:30\nHost:\n"):
        transcript = ip.parse(text)
        assert transcript.source.dialect == "labelled"
        assert [t.text for t in transcript.turns] == ["", "the\n\n10:30", ""]
    # Seen above two names, it is the meeting-export layout: each time is its turn's start.
    two = "Host: hello\n\n10:30\nGuest: yes\nHost: and?\n\n10:31\nGuest: no\nHost: ok\n"
    transcript = ip.parse(two)
    assert [t.start for t in transcript.turns] == [None, 630.0, None, 631.0, None]
