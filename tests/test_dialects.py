"""Every layout family: detected as itself, read into the right turns, nothing lost."""

from __future__ import annotations

import html
import json
from collections import Counter

import pytest
from conftest import SAMPLES
from hypothesis import given, settings
from hypothesis import strategies as st
from lossless_words import model_words, source_words

import interview_parser as ip
from interview_parser import dialects
from interview_parser.syntax import Reading

DETECTED = {
    "article-preamble.txt": "labelled",
    "dash-labels.txt": "learned:end=dash",
    "heading-name-time.md": "learned:before=heading,after=time,end=line",
    "period-labels.txt": "learned:end=period",
    "time-bold-names.md": "learned:before=time,wrap=bold,end=close",
    "time-line-callsigns.txt": "learned:before=timeline,end=colon",
    "bracket-names.txt": "learned:wrap=bracket,end=close",
    "bold-name-time.md": "markdown",
    "bom-crlf-generic-labels.txt": "labelled",
    "bracket-timestamps.txt": "timestamped",
    "broken-cues.srt": "srt",
    "captions.srt": "srt",
    "captions.vtt": "vtt",
    "clock-then-name.txt": "timestamped",
    "colon-traps.txt": "labelled",
    "court-pages.txt": "court+qa",
    "deposition.txt": "qa",
    "markdown-bold.md": "markdown",
    "meeting-captions.vtt": "vtt",
    "namelines.txt": "namelines",
    "otter-export.txt": "timestamped",
    "podcast-transcript.html": "html+labelled",
    "podcast-transcript.json": "podcast-json",
    "press-briefing.txt": "qa",
    "qa-markers.txt": "labelled",
    "rev-style.txt": "timestamped",
    "segments-ms.json": "json-array",
    "short-times.vtt": "vtt",
    "speaker-column.csv": "csv",
    "speaker-time-lines.md": "labelled",
    "web-paste.html": "html+markdown",
    "bold-paragraph-names.html": "html+learned:wrap=bold,end=close",
    "diarised-seconds.txt": "learned:after=time,end=colon",
    "dialogue-dashes.txt": "learned:end=blank",
    "bold-questions.md": "learned:shape=bold,end=blank",
    "bold-questions.html": "html+learned:shape=bold,end=blank",
    "deposition-line-numbers.txt": "court+qa",
    "role-time-lines.txt": "timestamped",
    "zoom-bracket-names.txt": "learned:wrap=bracket,after=time,end=line",
    "teams-name-time.txt": "timestamped",
    "meet-time-lines.txt": "learned:before=timeline?,end=colon",
    "whisper-span-labels.txt": "timestamped",
    "show-notes-transcript.md": "markdown",
    "pregunta-respuesta.txt": "qa",
    "tirets-francais.txt": "learned:end=blank",
    "caps-colon-lines.txt": "labelled",
    "time-bold-colon.md": "learned:before=time,wrap=bold,end=close",
    "name-bracket-time.txt": "learned:end=time",
    "bilingual-labels.txt": "labelled",
    "segments.tsv": "csv",
    "emdash-labels.txt": "learned:end=dash",
    "name-dash-time.txt": "timestamped",
    "cue-numbered.txt": "numbers+labelled",
    "table-transcript.md": "csv",
    "timed-paragraphs.txt": "timestamped",
    "slack-handles.txt": "timestamped",
    "irc-handles.txt": "learned:wrap=angle,end=close",
    "at-handles.txt": "learned:before=at,end=colon",
    "bracket-roles.txt": "labelled",
    "blockquote-transcript.md": "quote+markdown",
    "wiki-bold-names.txt": "learned:wrap=wiki,end=close",
    "reflowed-turns.txt": "reflow+labelled",
    "research-header.txt": "labelled",
    "time-dash-name-lines.txt": "learned:before=time,end=line",
    "chat-export.txt": "timestamped",
    "teams-transcript.txt": "srt",
    "earnings-call.txt": "learned:end=para",
    "pdf-running-headers.txt": "numbers+labelled",
    "numbered-questions.txt": "learned:shape=numbered,end=blank",
    "sdh-captions.vtt": "vtt",
    "chevron-captions.srt": "srt",
}


def test_a_time_and_a_dash_before_a_name_alone_on_its_line() -> None:
    # "[00:00:04.12] - Speaker 2" over the words: the dash parts the time from the name
    # (not a dialogue dash that names nobody), and speech lines are not names alone
    t = ip.parse_file(SAMPLES / "time-dash-name-lines.txt")
    assert [turn.label for turn in t.turns] == ["Speaker 1", "Speaker 2"] * 3
    assert [turn.start for turn in t.turns][:3] == [0.0, 9.4, 12.85]
    assert t.turns[0].text.startswith("Good afternoon")


def test_a_chat_export_dates_each_message() -> None:
    # "12/03/2026, 09:14 - Name: text": a date before the time of day, a dash before the
    # name; a line without the stamp continues the message above it
    t = ip.parse_file(SAMPLES / "chat-export.txt")
    assert [s.label for s in t.speakers] == ["Lena Ortiz", "Sam Adeyemi"]
    assert [turn.start for turn in t.turns][:3] == [33240.0, 33600.0, 33660.0]
    assert t.turns[6].text.endswith("Hill Street at 10:30 every morning.")
    assert (t.turns[6].line, t.turns[6].end_line) == (7, 8)
    assert len(t.pairs) == 4


def test_names_that_are_paragraphs_of_their_own() -> None:
    # an earnings call: "Operator" / "" / "Good morning ..."; the participant list above
    # (a name and a role on each line, no blank below) is not a turn, and a heading over
    # nothing ("Question-and-Answer Session" right above "Operator") names no speaker
    t = ip.parse_file(SAMPLES / "earnings-call.txt")
    labels = ["Operator", "Maria Chen", "David Okafor", "Ravi Patel", "Ellen Brooks"]
    assert [s.label for s in t.speakers] == labels
    assert [(s.label, s.role.value) for s in t.speakers if s.role.value != "interviewee"] == [
        ("Operator", "other"),
        ("Ravi Patel", "interviewer"),
        ("Ellen Brooks", "interviewer"),
    ]
    assert t.turns[0].line == 13 and t.turns[0].text.startswith("Good morning")
    assert "Question-and-Answer Session" in t.turns[2].text  # kept, in the turn above it
    assert len(t.pairs) == 2


def test_one_line_paragraphs_of_speech_are_not_names() -> None:
    # short paragraphs that do not come back are speech, not a layout of names
    text = "".join(
        f"Line {word} here\n\nA paragraph about {word}, long enough to be speech.\n\n"
        for word in ("one", "two", "three", "four", "five", "six")
    )
    from interview_parser.dialects import discovery

    assert all(c.convention.end != "para" for c in discovery.survey(text, min_support=0))


def test_numbered_questions_and_the_answers_below_them() -> None:
    # an interview by e-mail: "1. ...?" paragraphs, the answers in plain paragraphs below,
    # no names: an unnamed interviewer asks, an unnamed interviewee answers, and a warning
    # says so; the numbers stay on the questions' turns as their labels
    t = ip.parse_file(SAMPLES / "numbered-questions.txt")
    assert [(s.label, s.role.value, s.aliases) for s in t.speakers] == [
        ("", "interviewer", []),
        ("", "interviewee", []),
    ]
    assert [x.label for x in t.turns[::2]] == ["1", "2", "3", "4"]
    assert t.turns[0].text == "You started the job in January. What surprised you most?"
    assert t.turns[1].text.startswith("How many small boats there are.")
    assert t.title == "Five questions for the new harbour master"
    assert len(t.pairs) == 4 and all(p.kind.value == "question" for p in t.pairs)
    assert t.warnings == [
        "lines 5-17: 4 numbered paragraphs read as the questions of an unnamed interviewer, "
        "the paragraphs after them as the answers of an unnamed interviewee"
    ]


@pytest.mark.parametrize(
    "text",
    [
        # the steps of a recipe: numbered, but nothing asks
        "1. Heat the oven.\n\nIt takes ten minutes.\n\n2. Mix the flour.\n\nSlowly.\n\n"
        "3. Bake it.\n\nFor an hour.\n\n4. Let it cool.\n",
        # questions whose numbers do not count up: a list of points, some asking
        "7. Why now?\n\nBecause.\n\n2. Who pays?\n\nWe do.\n\n9. When?\n\nSoon.\n\n"
        "1. How?\n\nSlowly.\n",
    ],
)
def test_numbered_paragraphs_that_do_not_ask_in_order_are_no_questions(text: str) -> None:
    from interview_parser.dialects import discovery

    assert discovery.numbered_questions(text) == 0


def test_every_sample_has_an_expected_dialect() -> None:
    assert sorted(DETECTED) == sorted(p.name for p in SAMPLES.iterdir())


@pytest.mark.parametrize(("name", "dialect"), sorted(DETECTED.items()))
def test_detection(name: str, dialect: str) -> None:
    t = ip.parse_file(SAMPLES / name)
    assert t.source.dialect == dialect
    assert "of" in t.source.dialect_evidence  # "N of M turns begin with ..."


@pytest.mark.parametrize("name", sorted(DETECTED))
def test_a_file_is_read_at_most_twice(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    # Detection reads a short file with the two layouts its lines suggest most and keeps
    # the winner's reading; it used to read it with every family and convention (up to 8).
    grammars: list[str] = []
    real = dialects.read_lines

    def counting(text: str, grammar: str) -> Reading:
        grammars.append(grammar)
        return real(text, grammar)

    monkeypatch.setattr(dialects, "read_lines", counting)
    ip.parse_file(SAMPLES / name)
    assert len(grammars) <= 2, grammars


def turns_of(name: str) -> list[tuple[str, int, float | None]]:
    t = ip.parse_file(SAMPLES / name)
    return [(t.speaker(turn.speaker).label, turn.line, turn.start) for turn in t.turns]


def test_markdown_bold_break_heading_and_escaped_time() -> None:
    t = ip.parse_file(SAMPLES / "markdown-bold.md")
    assert [s.label for s in t.speakers] == ["Mara Quinn", "Theo Banks"]
    assert t.title == "Episode 41: Repairing Old Radios"
    assert any(s.kind == "heading" and "Part two" in s.text for s in t.skipped)
    # "**Break**:" is another form than the file's "**Name:**": it stays text.
    assert "**Break**:" in t.turns[3].text
    assert t.turns[3].start == 134.0 and t.turns[3].line == 13


def test_bold_name_with_time() -> None:
    assert turns_of("bold-name-time.md")[:3] == [
        ("Ruth", 3, 0.0),
        ("Omar", 6, 9.0),
        ("Ruth", 9, 15.0),
    ]


def test_bracket_timestamps_with_empty_name() -> None:
    t = ip.parse_file(SAMPLES / "bracket-timestamps.txt")
    assert t.preamble_lines == [2, 5] and t.title is None
    assert (t.turns[0].line, t.turns[0].start) == (6, 12.0)
    unnamed = [turn for turn in t.turns if t.speaker(turn.speaker).label == ""]
    assert [(u.line, u.text) for u in unnamed] == [(17, "Mr. Ortega.")]
    assert "The cost is covered" in t.turns[1].text


def test_otter_and_clock_lines() -> None:
    assert turns_of("otter-export.txt")[:2] == [("Priya", 1, 0.0), ("Sam", 4, 9.0)]
    assert turns_of("clock-then-name.txt")[1] == ("Piotr Zielinski", 5, 8.0)
    assert turns_of("rev-style.txt")[1] == ("Speaker 2", 4, 4.0)
    t = ip.parse_file(SAMPLES / "otter-export.txt")
    assert "We met at 10:30" in t.turns[-1].text


def test_speaker_then_time_line() -> None:
    t = ip.parse_file(SAMPLES / "speaker-time-lines.md")
    assert [(turn.line, turn.start) for turn in t.turns][:2] == [(8, 3.0), (13, 11.0)]
    assert t.turns[0].text.startswith("Good morning.")
    assert [s.text for s in t.skipped if s.kind == "heading"] == ["## Introductions", "## Burnout"]


def test_press_briefing_bare_q_with_nbsp_and_notes() -> None:
    t = ip.parse_file(SAMPLES / "press-briefing.txt")
    assert [s.label for s in t.speakers] == ["MR. SANDOVAL", "Q"]
    notes = [(n.text, n.line) for turn in t.turns for n in turn.notes]
    assert notes == [("(Laughter.)", 6), ("(inaudible)", 21)]
    laughter = t.turns[0].notes[0]
    line = (SAMPLES / "press-briefing.txt").read_text(encoding="utf-8").split("\n")[5]
    assert line[laughter.column - 1 :].startswith("(Laughter.)")


def test_deposition_roles() -> None:
    t = ip.parse_file(SAMPLES / "deposition.txt")
    roles = {s.label: s.role.value for s in t.speakers}
    assert roles == {
        "Q": "interviewer",
        "A": "interviewee",
        "MS. ORTIZ": "other",
        "THE COURT": "other",
        "MR. HALE": "other",
    }


def test_court_pages_keep_source_lines() -> None:
    t = ip.parse_file(SAMPLES / "court-pages.txt")
    assert t.turns[0].line == 2 and t.turns[2].text.endswith("on the 3rd of March?")
    kinds = Counter(s.kind for s in t.skipped)
    assert kinds == {"page number": 2, "margin line number": 2}


def test_captions_merge_cues_of_one_speaker() -> None:
    srt = ip.parse_file(SAMPLES / "captions.srt")
    assert [(srt.speaker(x.speaker).label, x.line, x.start, x.end) for x in srt.turns] == [
        ("Nadia", 3, 0.5, 6.1),
        ("Frank", 13, 6.4, 12.8),
        ("Nadia", 23, 13.1, 15.0),
        ("Frank", 27, 15.2, 19.6),
    ]
    assert (
        srt.turns[0].text
        == "Welcome to Field Notes. Today we're on the salt marsh with a warden who has "
        "counted birds here for twenty years."
    )
    vtt = ip.parse_file(SAMPLES / "captions.vtt")
    assert [vtt.speaker(x.speaker).label for x in vtt.turns] == [
        "Lena Fischer",
        "Yusuf Karimi",
        "Lena Fischer",
        "Yusuf Karimi",
        "Lena Fischer",
    ]
    assert "four bikes & a borrowed pump" in vtt.turns[3].text
    assert {s.kind for s in vtt.skipped} >= {
        "caption header",
        "caption note",
        "cue timing",
        "cue identifier",
    }


def test_podcasting_json_and_html() -> None:
    t = ip.parse_file(SAMPLES / "podcast-transcript.json")
    assert [(t.speaker(x.speaker).label, x.start, x.end) for x in t.turns][:2] == [
        ("Ama", 0.0, 7.9),
        ("Bernard", 8.1, 14.6),
    ]
    h = ip.parse_file(SAMPLES / "podcast-transcript.html")
    assert [(x.line, x.start) for x in h.turns] == [
        (9, 0.0),
        (12, 6.0),
        (15, 9.0),
        (19, 18.0),
        (22, 20.0),
    ]
    assert "we're on the pier" in h.turns[0].text  # &#39; decoded


def test_forced_dialect_reports_line_and_column() -> None:
    with pytest.raises(ip.InterviewParserError) as info:
        # Text after a blank line still belongs to its cue; an arrow that is no timing is not.
        ip.parse("1\n00:00:01,000 --> 00:00:02,000\nhi\n\n2\nnot --> a timing\n", dialect="srt")
    assert (info.value.line, info.value.column) == (6, 1)
    with pytest.raises(ip.UsageError):
        ip.parse("Q: a\n", dialect="klingon")


# --- nothing lost, in every family -------------------------------------------------------


@pytest.mark.parametrize("name", sorted(DETECTED))
def test_every_word_of_every_sample_lands_somewhere(name: str) -> None:
    path = SAMPLES / name
    text = ip.source.read_bytes(path.read_bytes()).text
    t = ip.parse_file(path)
    assert model_words(t, text) == source_words(t.source.dialect, text)
    lines = text.split("\n")
    for turn in t.turns:  # a turn's label is on its line (or the next filled one, after a
        label = t.speaker(turn.speaker).label  # time line, perhaps with a blank line between)
        below = next((x for x in lines[turn.line : turn.line + 2] if x.strip()), "")
        near = html.unescape(lines[turn.line - 1] + "\n" + below)
        assert label in near or t.source.dialect.startswith(("html", "podcast"))


SPEAKERS = ["Ann Lee", "Bo Chen", "Dr. Kim"]
WORD = st.text(alphabet="abcdefghijklmnopqrstuvwxyzé", min_size=1, max_size=8)
SENTENCE = st.lists(
    st.one_of(WORD, st.sampled_from(["at 10:30", "(laughter)", "yes?", "[inaudible]", "-", "&"])),
    min_size=1,
    max_size=10,
).map(" ".join)
# The first speaker speaks again at the end: in the plain `Name: text` layout a name that
# occurs once before any recurring speaker is lead text (evidence rule 6), by design.
TURNS = st.lists(st.tuples(st.sampled_from(SPEAKERS), SENTENCE), min_size=2, max_size=12).map(
    lambda ts: [*ts, ts[0]]
)


def _wrap(text: str) -> str:
    """Caption text over two lines, the second starting like a label ("note: ...")."""
    words = text.split(" ")
    half = len(words) // 2
    return " ".join(words[:half] or ["so"]) + "\nNote: " + " ".join(words[half:])


def _clock(i: int) -> str:
    return f"00:{i // 60:02d}:{i % 60:02d}"


LAYOUTS = {
    "labelled": lambda ts: "".join(f"{s}: {x}\n" for s, x in ts),
    "markdown": lambda ts: "".join(f"**{s}:** {x}\n\n" for s, x in ts),
    "timestamped": lambda ts: "".join(
        f"[{_clock(i)}] {s}:\n\t{x}\n" for i, (s, x) in enumerate(ts)
    ),
    "otter": lambda ts: "".join(f"{s}  {i}:{i % 60:02d}\n{x}\n\n" for i, (s, x) in enumerate(ts)),
    "srt": lambda ts: "".join(
        f"{i + 1}\n{_clock(i)},000 --> {_clock(i)},900\n{s}: {_wrap(x)}\n\n"
        for i, (s, x) in enumerate(ts)
    ),
    "vtt": lambda ts: (
        "WEBVTT\n\n"
        + "".join(
            f"{_clock(i)}.000 --> {_clock(i)}.900\n<v {s}>{x.replace('&', '&amp;')}\n\n"
            for i, (s, x) in enumerate(ts)
        )
    ),
    "vtt-short-times": lambda ts: (
        "WEBVTT\n\n"
        + "".join(
            f"{i}.000 --> {i}.900\n<v {s}>{x.replace('&', '&amp;')}\n\n"
            for i, (s, x) in enumerate(ts)
        )
    ),
    "csv": lambda ts: (
        "timestamp,speaker,words\n"
        + "".join(f'[{_clock(i)}],{s},"{x}"\n' for i, (s, x) in enumerate(ts))
    ),
    "json-array": lambda ts: json.dumps(
        [
            {"start": i * 1000, "end": i * 1000 + 900, "speaker": s, "text": x}
            for i, (s, x) in enumerate(ts)
        ],
        indent=1,
    ),
}


@settings(max_examples=60, deadline=None)
@given(TURNS, st.sampled_from(sorted(LAYOUTS)))
def test_generated_transcripts_in_every_layout(turns: list[tuple[str, str]], layout: str) -> None:
    text = LAYOUTS[layout](turns)
    t = ip.parse(text)
    runs = [s for i, (s, _) in enumerate(turns) if i == 0 or turns[i - 1][0] != s]
    got = [t.speaker(x.speaker).label for x in t.turns]
    got_runs = [s for i, s in enumerate(got) if i == 0 or got[i - 1] != s]
    assert got_runs == runs
    assert model_words(t, text) == source_words(t.source.dialect, text)


@pytest.mark.parametrize("layout", ["csv", "json-array", "vtt"])
def test_a_speaker_the_format_names_is_one_whatever_its_text(layout: str) -> None:
    # "& -" looks like a list item under a one-off label; a speaker column names a speaker
    turns = [("Bo Chen", "& -"), ("Ann", "hi")]
    t = ip.parse(LAYOUTS[layout](turns))
    assert [t.speaker(x.speaker).label for x in t.turns] == ["Bo Chen", "Ann"]


def test_dialogue_dashes_hand_over_to_the_other_voice() -> None:
    text = (
        "1\n00:00:01,000 --> 00:00:03,000\nAna: Did you see the storm?\n\n"
        "2\n00:00:03,500 --> 00:00:05,000\nBen: From the window.\n\n"
        "3\n00:00:05,500 --> 00:00:07,000\n- It was loud.\n- Very loud.\n"
    )
    t = ip.parse(text)
    assert [(t.speaker(x.speaker).label, x.line, x.text) for x in t.turns] == [
        ("Ana", 3, "Did you see the storm?"),
        ("Ben", 7, "From the window. - It was loud."),
        ("Ana", 12, "- Very loud."),
    ]


def test_dashes_inside_a_voice_span_do_not_change_the_speaker() -> None:
    text = "WEBVTT\n\n00:01.000 --> 00:02.000\n<v Ana>- Hello.\n- Hi.\n\n"
    t = ip.parse(text)
    assert [t.speaker(x.speaker).label for x in t.turns] == ["Ana"]


@pytest.mark.parametrize(
    "noise",
    ["\x00", "\u200b", "\u00a0", "\f", "\ufeff", "x" * 200_000],
)
def test_odd_characters_and_long_lines_do_not_break_parsing(noise: str) -> None:
    text = f"Host: Hello{noise} there?\nGuest: Hi.{noise}\n{noise}\nHost: And?\nGuest: Yes.\n"
    t = ip.parse(text)
    assert [t.speaker(x.speaker).label for x in t.turns] == ["Host", "Guest", "Host", "Guest"]
    assert [x.line for x in t.turns] == [1, 2, 4, 5]


def test_a_label_shaped_later_line_of_a_cue_is_speech() -> None:
    text = (
        "1\n00:00:01,000 --> 00:00:03,000\nAna: Welcome back.\nToday: why piers fall.\n\n"
        "2\n00:00:03,500 --> 00:00:05,000\nBen: Rust, mostly.\n"
    )
    t = ip.parse(text)
    assert [(t.speaker(x.speaker).label, x.text) for x in t.turns] == [
        ("Ana", "Welcome back. Today: why piers fall."),
        ("Ben", "Rust, mostly."),
    ]


def test_html_on_one_line_keeps_source_columns() -> None:
    text = "<p>Q: Why?</p><p>A: Because.</p><p>Q: Really?</p><p>A: Yes.</p><p>Q: Thanks?</p>"
    t = ip.parse(text)
    assert t.source.dialect == "html+labelled"
    for turn in t.turns:
        assert text[turn.column - 1 :].startswith(turn.label + ":")


def test_empty_after_a_byte_order_mark() -> None:
    with pytest.raises(ip.InputError, match="empty input"):
        ip.parse_bytes(b"\xff\xfe")


def test_comments_leave_the_text_and_are_listed() -> None:
    text = (
        "Editor: Hi?\n<!-- interview-parser: disable=IP202 -->\n"
        "Editr: Yes. <!-- kept as written -->More.\nEditor: And?\nEditr: Fine.\n"
    )
    t = ip.parse(text)
    assert [x.text for x in t.turns] == ["Hi?", "Yes. More.", "And?", "Fine."]
    assert [(s.kind, s.line) for s in t.skipped] == [("comment", 2), ("comment", 3)]


def test_a_tag_that_holds_a_tag_is_text_in_a_page() -> None:
    # Python's HTML parser reads "<HTMLHost: ... <!-- a note -->" as one start tag whose
    # attributes hold the words; no tag holds "<", so they are text (found by the lossless
    # property test).
    t = ip.parse("<HTMLHost: \nGuest: <!-- a note -->\nHost: ")
    assert t.preamble == "<HTMLHost:"
    assert [t.speaker(turn.speaker).label for turn in t.turns] == ["Guest", "Host"]


def test_bold_at_a_paragraph_start_is_a_label_in_a_page() -> None:
    t = ip.parse_file(SAMPLES / "bold-paragraph-names.html")
    assert [s.label for s in t.speakers] == ["DAVID CHEN", "MARIA LOPEZ"]
    assert t.turns[1].text.startswith("Thanks for having me.")
    # bold inside a sentence is emphasis: its tags go, no marks are left in the text
    assert t.turns[3].text.endswith("even me.")
    # the label's column is its bold tag's in the source
    source = (SAMPLES / "bold-paragraph-names.html").read_text(encoding="utf-8").split("\n")
    first = t.turns[0]
    assert source[first.line - 1][first.column - 1 :].startswith("<b>DAVID CHEN</b>")


@pytest.mark.parametrize(
    ("opening", "closing", "form"),
    [
        ("<b>", "</b>", "learned:wrap=bold,end=close"),
        ("<strong>", ":</strong>", "markdown"),
        ("<b>", "</b>:", "markdown"),
    ],
)
def test_bold_names_with_the_colon_inside_outside_or_absent(
    opening: str, closing: str, form: str
) -> None:
    said = [("ANA RUIZ", "Where were you born?"), ("TOMAS VEGA", "In Oviedo.")]
    said += [("ANA RUIZ", "Why there?"), ("TOMAS VEGA", "It was cheap.")]
    page = "<html><body><p><b>An introduction</b></p><p>We met in June.</p>"
    page += "".join(f"<p>{opening}{name}{closing} {text}</p>\n" for name, text in said)
    t = ip.parse(page + "</body></html>")
    assert t.source.dialect == f"html+{form}"
    assert [t.speaker(x.speaker).label for x in t.turns] == [n for n, _ in said]
    assert [x.text for x in t.turns] == [x for _, x in said]
    # a bold paragraph with nothing after it is a heading, not a label, and keeps no marks
    # (standing alone above the introduction, it is the title)
    assert (t.title, t.preamble) == ("An introduction", "We met in June.")


def test_a_time_span_in_seconds_gives_the_turn_its_start_and_end() -> None:
    t = ip.parse_file(SAMPLES / "diarised-seconds.txt")
    assert [s.label for s in t.speakers] == ["SPEAKER_00", "SPEAKER_01"]
    assert [(x.start, x.end) for x in t.turns][:2] == [(0.0, 4.2), (4.2, 9.85)]
    assert (t.turns[6].start, t.turns[6].end) == (48.1, 52.6)  # "[48.1 - 52.6]"
    assert not any("[" in x.text or "4.20" in x.text for x in t.turns)


def test_a_span_of_years_is_a_qualifier_not_a_time() -> None:
    text = "".join(
        f"{name} (1998-2004): {said}\n"
        for name, said in [("Ada Moss", "Hello?"), ("Ben Hart", "Hi."), ("Ada Moss", "And?")]
    )
    t = ip.parse(text + "Ben Hart (1998-2004): Fine.\n")
    assert all(x.start is None and x.end is None for x in t.turns)
    assert t.speakers[0].label == "Ada Moss"


def test_dialogue_dashes_without_names_are_two_speakers_in_turn() -> None:
    t = ip.parse_file(SAMPLES / "dialogue-dashes.txt")
    assert len(t.speakers) == 2
    assert [x.speaker for x in t.turns] == [t.speakers[0].id, t.speakers[1].id] * 4
    assert t.turns[0].text == "¿Cuándo empezó a trabajar el barro?"
    assert t.turns[-1].text == "Que empiece con un curso, no con una hipoteca."
    assert [s.role.value for s in t.speakers] == ["interviewer", "interviewee"]
    assert t.preamble is not None and t.preamble.startswith("Lucía Ferrer dejó")
    assert any("dialogue dash" in w for w in t.warnings)


def test_bold_questions_are_an_unnamed_interviewer_and_the_answers_an_interviewee() -> None:
    t = ip.parse_file(SAMPLES / "bold-questions.md")
    asker, answerer = (s.id for s in t.speakers)
    assert [x.speaker for x in t.turns] == [asker, answerer] * 5
    assert [(s.role.value, s.role_source.value) for s in t.speakers] == [
        ("interviewer", "label"),
        ("interviewee", "label"),
    ]
    assert [(x.line, x.text) for x in t.turns[:2]] == [
        (7, "Why earth?"),
        (
            9,
            "It is cheap, it is local, and it keeps a classroom cool without a single fan. "
            "The children notice the difference before the teachers do.",
        ),
    ]
    # the answer runs over its paragraphs up to the next question in bold
    assert t.turns[3].text.endswith("Also, the ministry likes the price.")
    # the text above the first question is the lead: the headline that opens it, a
    # paragraph of its own, is the title, the introduction under it the preamble
    assert t.preamble is not None
    assert t.title == "The architect who builds with mud"
    assert t.preamble.startswith("Hana Okafor")
    assert t.warnings == [
        "lines 7-28: 5 bold paragraphs read as the questions of an unnamed interviewer, the "
        "paragraphs after them as the answers of an unnamed interviewee"
    ]
    assert len(t.pairs) == 5


def test_bold_questions_on_a_web_page() -> None:
    t = ip.parse_file(SAMPLES / "bold-questions.html")
    assert [s.role.value for s in t.speakers] == ["interviewer", "interviewee"]
    assert [(x.line, x.text) for x in t.turns[:3]] == [
        (9, "Why keep the lamp lit if no ship needs it?"),
        (
            10,
            "Because the town does. People look out of their kitchen windows at nine and "
            "check that it turns.",
        ),
        (11, "What breaks most often?"),
    ]
    assert t.turns[3].text.endswith("I disagree with the board, politely.")
    assert not any("**" in x.text for x in t.turns)


def test_a_question_in_bold_with_its_answer_right_below_and_two_questions_in_a_row() -> None:
    text = (
        "A visit to the bell foundry.\n\n**How old is the foundry?**\nThree centuries.\n\n"
        "**Who works here?**\n\n**Only family?**\n\nMostly family, and two apprentices.\n\n"
        "**What do you cast\nmost?**\n\nShip bells. Churches order less than they did.\n"
    )
    t = ip.parse(text)
    # (a question wrapped over two lines is one question, its answer below it)
    assert [(x.line, x.end_line) for x in t.turns[-2:]] == [(12, 13), (15, 15)]
    assert [(x.speaker == t.speakers[0].id, " ".join(x.text.split())) for x in t.turns] == [
        (True, "How old is the foundry?"),
        (False, "Three centuries."),
        (True, "Who works here?"),
        (True, "Only family?"),
        (False, "Mostly family, and two apprentices."),
        (True, "What do you cast most?"),
        (False, "Ship bells. Churches order less than they did."),
    ]
    assert t.speakers[0].role.value == "interviewer"


@pytest.mark.parametrize(
    "text",
    [
        # bold section headings inside a labelled transcript
        "**Part one: the move**\n\nANA: Why did you move?\n\nBEN: For work.\n\n"
        "**Part two: the work**\n\nANA: What do you do?\n\nBEN: I repair organs.\n\n"
        "**Part three: the town**\n\nANA: And the town?\n\nBEN: Quiet.\n",
        # bold names alone on their lines, the speech below
        "**Ana:**\n\nWhy did you move?\n\n**Ben:**\n\nFor work.\n\n**Ana:**\n\n"
        "What do you do?\n\n**Ben:**\n\nI repair organs.\n",
        # bold labels with the speech after them on the line
        "**Ana:** Why did you move?\n\n**Ben:** For work.\n\n**Ana:** What do you do?\n\n"
        "**Ben:** I repair organs.\n",
    ],
)
def test_bold_headings_and_bold_labels_read_as_before(text: str) -> None:
    t = ip.parse(text)
    assert not t.source.dialect.endswith("shape=bold,end=blank")
    assert not any("bold paragraphs" in w for w in t.warnings)
    assert [s.label for s in t.speakers] == (["ANA", "BEN"] if "ANA" in text else ["Ana", "Ben"])


@pytest.mark.parametrize(
    "text",
    [
        # items that are sentences, one asking: a list, not two people
        "Five things I learned.\n\n- Bees are calm.\n- Do I need a suit? Yes.\n"
        "- Smoke helps.\n- Feed them.\n- Keep notes.\n\nThat is all.\n",
        # a list of sentences, some asking, amid paragraphs of prose wrapped over lines
        "The town hall answered the letters this week.\nIt took a while.\n\n"
        "- Is the pool open? Yes.\n- The library is closed.\n- Are buses free? No.\n"
        "- Parking is cheaper.\n\nMost letters were about the pool,\nwhich reopened "
        "in May\nafter two years.\n\nThe rest were about parking.\n\nWe will print more.\n",
        # a list of topics above a labelled interview
        "In this episode:\n- Why bees matter?\n- Hives on a balcony\n- What it costs\n\n"
        "HOST: Welcome.\nGUEST: Thanks.\nHOST: How many hives?\nGUEST: Four.\n",
    ],
)
def test_a_bulleted_list_is_not_dialogue(text: str) -> None:
    try:
        t = ip.parse(text)
    except ip.NoTurnsError:
        return  # nothing read as turns: the list was not taken for speakers
    assert not t.source.dialect.endswith("end=blank")
    assert not any("dialogue dash" in w for w in t.warnings)


@pytest.mark.parametrize("dash", ["-", "–", "—"])
def test_a_dash_of_any_length_before_a_name_is_a_bullet(dash: str) -> None:
    # "— Ana: ..." names its speaker: not a dialogue dash that names nobody
    said = ["Why bread?", "Because.", "When?", "In 2019.", "Thanks.", "Sure."]
    text = "".join(f"{dash} {('Ana Lee', 'Ben Ode')[i % 2]}: {s}\n" for i, s in enumerate(said))
    t = ip.parse(text)
    assert [s.label for s in t.speakers] == ["Ana Lee", "Ben Ode"]
    assert t.turns[0].text == "Why bread?"


def test_layouts_of_meeting_and_transcription_tools() -> None:
    # Google Meet: a time line every few minutes above a name gives that turn its start
    meet = ip.parse_file(SAMPLES / "meet-time-lines.txt")
    # (a turn whose label has a time line above it starts on that line)
    assert [(x.line, x.start) for x in meet.turns if x.start is not None] == [(2, 0.0), (8, 300.0)]
    assert not any("00:05:00" in x.text for x in meet.turns)
    # a name, then its time in brackets, then the words on the same line
    assert turns_of("name-bracket-time.txt")[:2] == [("Maya Ross", 1, 3.0), ("Ian Poole", 2, 7.0)]
    # a time span before the name, with an arrow, as speech-to-text tools write it
    whisper = ip.parse_file(SAMPLES / "whisper-span-labels.txt")
    assert [(x.start, x.end) for x in whisper.turns][1] == (4.2, 11.48)
    assert [s.label for s in whisper.speakers] == ["SPEAKER_00", "SPEAKER_01"]


def test_press_interview_marks_and_bilingual_labels() -> None:
    t = ip.parse_file(SAMPLES / "pregunta-respuesta.txt")
    assert [(s.label, s.role.value) for s in t.speakers] == [
        ("P", "interviewer"),
        ("R", "interviewee"),
    ]
    assert t.turns[0].text == "¿Por qué dejó de construir torres?"
    t = ip.parse_file(SAMPLES / "bilingual-labels.txt")
    assert len(t.speakers) == 2 and t.speakers[0].role.value == "interviewer"
    assert t.turns[0].text == "Where did you learn to weave?"


def test_a_name_ending_in_a_time_then_a_colon_is_not_ended_by_the_time() -> None:
    text = "".join(
        f"{name} ({time}): {said}\n\n"
        for name, time, said in [
            ("Tim Reed", "00:00", "Okay, let's start."),
            ("Ana Moss", "0:09", "Hi all."),
            ("Tim Reed", "0:23", "Thanks, Ana."),
            ("Ana Moss", "4:17", "Any questions?"),
        ]
    )
    t = ip.parse(text + "Tim Reed: None here.\n")
    assert [x.text for x in t.turns] == [
        "Okay, let's start.",
        "Hi all.",
        "Thanks, Ana.",
        "Any questions?",
        "None here.",
    ]


def test_a_running_header_that_names_its_page_is_skipped() -> None:
    # a transcript pasted from a PDF: "Oral History Project ...    Page 2 of 3" between the
    # paragraphs, inside the turns; a line that names a page once, or out of count, is text
    t = ip.parse_file(SAMPLES / "pdf-running-headers.txt")
    assert not any("Page" in x.text for x in t.turns)
    assert [(s.kind, s.line) for s in t.skipped] == [("page header", n) for n in (13, 22, 28)]
    assert t.turns[2].text == "What do you remember of the harbour?"
    assert t.turns[3].line == 15
    said = "ANA: Turn to page 4 of the report.\nBEN: Page 4 says no.\nANA: And page 9?\n"
    assert [x.text for x in ip.parse(said).turns][1] == "Page 4 says no."


def test_cue_numbers_and_page_numbers_that_count_up_are_skipped() -> None:
    t = ip.parse_file(SAMPLES / "cue-numbered.txt")
    assert [x.text for x in t.turns][:2] == [
        "The ferry leaves at six.",
        "Every morning? Even in winter?",
    ]
    skipped = [(s.kind, s.text, s.line) for s in t.skipped]
    assert skipped[:2] == [("cue number", "1", 1), ("cue number", "2", 4)]
    # a PDF's page numbers between paragraphs, one of them inside a turn: the turn's text
    # runs on, and the lines after it keep their source numbers
    pages = (
        "ANA: Where did it start?\n\n1\n\nBEN: In a shed, with a kettle and\n\n2\n\n"
        "a lot of hope.\nANA: And now?\n\n3\n\nBEN: Now it is a shed with two kettles.\n"
    )
    t = ip.parse(pages)
    assert [x.text for x in t.turns] == [
        "Where did it start?",
        "In a shed, with a kettle and\n\na lot of hope.",
        "And now?",
        "Now it is a shed with two kettles.",
    ]
    assert [(s.kind, s.line) for s in t.skipped] == [
        ("page number", 3),
        ("page number", 7),
        ("page number", 12),
    ]
    assert [x.line for x in t.turns] == [1, 5, 10, 14]
    # numbers said in a turn, or that do not count up, stay
    said = "ANA: Pick a number.\nBEN:\n7\nANA: And another?\nBEN:\n12\n"
    said += "ANA: Once more.\nBEN:\n7\n"
    assert [x.text for x in ip.parse(said).turns][1::2] == ["7", "12", "7"]


def test_a_markdown_table_with_a_speaker_column() -> None:
    t = ip.parse_file(SAMPLES / "table-transcript.md")
    assert [(s.label, s.role.value) for s in t.speakers] == [
        ("Maya Ross", "interviewee"),
        ("Ian Poole", "interviewer"),
    ]
    assert [(x.start, x.text) for x in t.turns][1] == (7.0, "Thanks. What is that machine?")
    assert [s.kind for s in t.skipped][:3] == ["csv header", "table rule", "csv cells"]
    assert t.turns[0].column == 14  # the name's first letter, not the blank that pads it


def test_times_inside_a_turn_are_skipped_not_words() -> None:
    # A time ending a paragraph, one alone on its line between two paragraphs, one opening a
    # continuation paragraph: each a skipped span; a time in a sentence stays.
    t = ip.parse_file(SAMPLES / "timed-paragraphs.txt")
    assert [(s.kind, s.text, s.line) for s in t.skipped] == [
        ("time", "[00:00:31]", 5),
        ("time", "[00:00:33]", 7),
        ("time", "00:01:20", 12),
        ("time", "[00:01:58]", 17),
    ]
    texts = [x.text for x in t.turns]
    assert texts[1].endswith(
        "six days a week.\n\nAnd then my father added the pear trees"
        " along the north wall, because the wind never reaches them there."
    )
    assert texts[3] == (
        "We stopped spraying in the spring. The first year we lost half the crop to scab."
        "\n\nThe second year was better. We met the bee keepers at 10:30 one morning and by"
        " noon we had a deal."
    )
    assert texts[5] == "More than anything else we tried."


def test_a_time_opens_a_turn_as_its_start() -> None:
    text = (
        "[00:00:01] ANA: Ready?\n\n[00:00:04] BEN: Yes.\n\n[00:00:06] ANA:\n\n"
        "[00:00:09] Then tell me about the boat.\n\n[00:00:12] BEN: It leaks.\n"
    )
    t = ip.parse(text)
    assert [(x.start, x.text) for x in t.turns][2] == (6.0, "Then tell me about the boat.")


def test_prose_that_mentions_times_keeps_them() -> None:
    # Times are a layout's only when a notation recurs in the places of a time mark: a
    # file whose labels carry none keeps "10:30." at a line's end and a time opening a line.
    text = (
        "ANA: When did you leave?\nBEN: We met at 10:30 and left at 11:15.\n"
        "ANA: And the train?\nBEN: It was due at\n12:40\nbut came late. It always does. 9:15\n"
    )
    t = ip.parse(text)
    assert t.skipped == [] or all(s.kind != "time" for s in t.skipped)
    assert "12:40" in t.turns[3].text and t.turns[3].text.endswith("9:15")
    # in a timed layout, a bare time after words that do not end a sentence, or opening a
    # line inside a paragraph, stays too
    timed = (
        "[00:00:01] ANA: When?\n[00:00:03] BEN: We left at\n10:30 and walked.\n"
        "[00:00:07] ANA: Then?\n[00:00:09] BEN: We ate at 12:15\n"
    )
    t = ip.parse(timed)
    assert [x.text for x in t.turns][1::2] == ["We left at 10:30 and walked.", "We ate at 12:15"]


@pytest.mark.parametrize(
    ("name", "speakers"),
    [
        ("slack-handles.txt", ["alice", "bob_k"]),
        ("irc-handles.txt", ["mod_sam", "rue"]),
        ("at-handles.txt", ["jonas", "li.wei"]),
    ],
)
def test_lower_case_handles_with_a_layout_mark_are_speakers(name: str, speakers: list[str]) -> None:
    t = ip.parse_file(SAMPLES / name)
    assert [s.label for s in t.speakers] == speakers
    assert t.turns[0].text[:1].isalpha()  # the handle's marks are not in the text


def test_slack_handles_keep_their_times() -> None:
    t = ip.parse_file(SAMPLES / "slack-handles.txt")
    assert [x.start for x in t.turns][:2] == [10 * 3600 + 2 * 60, 10 * 3600 + 3 * 60]
    assert t.turns[1].text == "I did, around six. The soil was bone dry again."


def test_lower_case_words_at_line_starts_of_prose_are_not_handles() -> None:
    # Recurring, lower-case and before a colon, but with no mark beside them: prose.
    text = (
        "Host: How did it go?\nthen: we packed the van.\nGuest: Badly.\n"
        "then: we drove home.\nHost: And after?\nthen: we slept.\n"
    )
    t = ip.parse(text)
    assert [s.label for s in t.speakers] == ["Host", "Guest"]
    assert t.turns[0].text == "How did it go? then: we packed the van."
    # a handle said once with a mark is not enough either
    once = "Host: Hi.\nGuest: Hello.\n<sam> waves\nHost: Bye.\nGuest: Bye.\n"
    assert [s.label for s in ip.parse(once).speakers] == ["Host", "Guest"]
    # a lower-case word and a time said below a label, over no words of its own, is speech
    said = "Ann Lee  0:00\nat 10:30\n\nAnn Lee  1:01\na\n\nAnn Lee  2:02\nat 10:30\n\n"
    t = ip.parse(said)
    assert [s.label for s in t.speakers] == ["Ann Lee"]
    assert [x.text for x in t.turns] == ["at 10:30", "a", "at 10:30"]


def test_a_one_off_speaker_whose_words_are_a_note_and_dashes() -> None:
    # "(laughter) - -" is no header field's value ("Presenter: Kevin Gibbons"): its only
    # "words" are dashes, so the one-off label over it is a speaker (found by the
    # generated-layouts property)
    t = ip.parse("Ann Lee: a\nBo Chen: (laughter) - -\nAnn Lee: a\n")
    assert [x.label for x in t.turns] == ["Ann Lee", "Bo Chen", "Ann Lee"]


def test_a_role_in_square_brackets_qualifies_the_name() -> None:
    t = ip.parse_file(SAMPLES / "bracket-roles.txt")
    assert [(s.label, s.role.value, s.role_source.value) for s in t.speakers] == [
        ("Ines Duarte", "interviewer", "label"),
        ("Rui Moniz", "interviewee", "label"),
    ]
    assert t.turns[1].text.startswith("Thirty-one")
    # a time in brackets after a name is its time, not a qualifier
    timed = ip.parse(
        "Ana [00:00:03]: Hi.\nBen [00:00:05]: Hello.\nAna [00:00:09]: Bye.\nBen [00:00:11]: Bye.\n"
    )
    assert [(x.label, x.start) for x in timed.turns][:2] == [("Ana", 3.0), ("Ben", 5.0)]


def test_a_transcript_quoted_as_a_markdown_blockquote() -> None:
    t = ip.parse_file(SAMPLES / "blockquote-transcript.md")
    assert [s.label for s in t.speakers] == ["Karin", "Ole"]
    assert [x.text for x in t.turns][:2] == [
        "How early do you start?",
        "At three. The dough for the rye has to rest for four hours before it goes in.",
    ]
    assert [(x.line, x.column) for x in t.turns][:2] == [(5, 3), (7, 3)]
    assert ("quote mark", 5, 15) in [(s.kind, s.line, s.end_line) for s in t.skipped]
    # TV captions' chevrons are not quote marks, nor is a quote with no paragraphs in it
    chevrons = ">> ANA: Hi.\n>> BEN: Hello.\n>> ANA: Bye.\n>> BEN: Bye now.\n"
    assert "quote" not in ip.parse(chevrons).source.dialect


def test_mediawiki_bold_names() -> None:
    t = ip.parse_file(SAMPLES / "wiki-bold-names.txt")
    assert [s.label for s in t.speakers] == ["Signe", "Harald"]
    assert t.turns[0].text == "When did the harbour last freeze over?"
    wiki = "'''Ana''': Hi.\n\n'''Ben''': Hello.\n\n'''Ana''': Bye.\n"
    wiki += "\n'''Ben''': Bye now.\n"
    assert [x.label for x in ip.parse(wiki).turns] == ["Ana", "Ben", "Ana", "Ben"]


def test_fmt_keeps_the_time_marks_of_a_turn() -> None:
    from interview_parser.fmt import format_text

    text = (SAMPLES / "timed-paragraphs.txt").read_text(encoding="utf-8")
    untidy = text.replace(". [00:00:31]\n", ". [00:00:31]   \n\n\n").replace(
        "00:01:20\n", "  00:01:20  \n"
    )
    formatted = format_text(untidy)
    assert formatted != untidy
    before, after = ip.parse(untidy), ip.parse(formatted)
    assert [(s.kind, s.text) for s in after.skipped] == [(s.kind, s.text) for s in before.skipped]
    assert [s.text for s in after.skipped if s.kind == "time"] == [
        "[00:00:31]",
        "[00:00:33]",
        "00:01:20",
        "[00:01:58]",
    ]
    assert [x.text for x in after.turns] == [x.text for x in before.turns]


_SAID_TIMES = [
    "We met at 10:30 and left at noon.",
    "It was 9:15.",
    "By 12:40, it was over.",
    "The train at 7:05 was late again",
    "Between 1:30 and 2:00 nobody came.",
    "10:30 was too early.",
    "Two trains, 8:10 and 8:40",
    "Yes.",
]


@settings(max_examples=40, deadline=None)
@given(
    st.lists(
        st.lists(st.sampled_from(_SAID_TIMES), min_size=1, max_size=3), min_size=4, max_size=10
    ),
    st.sampled_from(["\n", "\n\n"]),
)
def test_times_said_in_sentences_stay_in_the_text(turns: list[list[str]], gap: str) -> None:
    # In any paragraphs and line breaks, a time that is part of a sentence stays a word.
    text = "".join(
        f"{'Ana' if i % 2 == 0 else 'Ben'}: {gap.join(paragraphs)}\n\n"
        for i, paragraphs in enumerate(turns)
    )
    t = ip.parse(text)
    assert all(s.kind != "time" for s in t.skipped)
    assert [x.text.split() for x in t.turns] == [" ".join(p).split() for p in turns]
