"""Every podcast format keeps every word of every turn, in order, as its reader sees it.

Checked on the samples, on transcripts built directly from generated text full of the
characters each format gives a meaning to (``*``, ``_``, ``[[``, ``#``, ``<``, ``&``, ...),
and on generated ``Label: text`` transcripts run through the parser.
"""

from __future__ import annotations

from collections.abc import Callable
from itertools import pairwise

import pytest
from conftest import SAMPLES
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from podcast_readers import (
    Speech,
    read_fountain,
    read_podcast,
    read_podcast_html,
    read_podcast_json,
    turn_paragraphs,
    words,
)
from test_podcast_json import source_bodies

import interview_parser as ip
from interview_parser.exporters import ExportOptions, export
from interview_parser.exporters.markdown import standfirst
from interview_parser.exporters.script import paragraphs
from interview_parser.model import PairKind, Role, RoleSource, Source, Speaker, Transcript, Turn
from interview_parser.subtitles.spoken import break_marker, decode


def _podcast(t: Transcript, o: ExportOptions) -> list[Speech]:
    return read_podcast(export(t, "podcast", o))


def _fountain(t: Transcript, o: ExportOptions) -> list[Speech]:
    return read_fountain(export(t, "fountain", o)).dialogues


def _podcast_json(t: Transcript, o: ExportOptions) -> list[Speech]:
    data = read_podcast_json(export(t, "podcast-json", o))
    spans = [(s["startTime"], s["endTime"]) for s in data["segments"]]
    assert all(a <= b for a, b in spans), spans  # no segment ends before it starts
    assert all(b <= c for (_, b), (c, _) in pairwise(spans)), spans  # nor overlaps
    firsts = [k for k, _ in _first_segments(t)]
    assert len(spans) == len(source_bodies(t))
    latest = float("-inf")
    for turn, k in zip(t.turns, firsts, strict=True):
        if turn.start is not None and turn.start < latest:
            continue  # a time earlier than one before it is not trusted, but estimated
        if turn.start is not None:  # written times are kept
            latest = turn.start
            floor = spans[k - 1][1] if k else round(o.start, 3)
            assert spans[k][0] == max(round(turn.start + o.start, 3), floor), (turn.start, spans)
    return [Speech(s.get("speaker", ""), [s["body"]]) for s in data["segments"]]


def _first_segments(t: Transcript) -> list[tuple[int, Turn]]:
    """The index of each turn's first podcast-json segment (one per kept source segment)."""
    out, k = [], 0
    for turn in t.turns:
        out.append((k, turn))
        k += len(turn.spans) if len(turn.spans) > 1 else 1
    return out


def shown_paragraphs(t: Transcript) -> list[list[str]]:
    """What the scripts show of each turn: paragraphs with the source's Markdown decoded and
    break markers taken out (they become the ad slots); a turn that is only a marker goes."""
    out = []
    for turn in t.turns:
        every = paragraphs(turn.text)
        kept = [decode(p) for p in every if break_marker(decode(p)) is None]
        if kept or len(kept) == len(every):
            out.append(kept)
    return out


def _podcast_html(t: Transcript, o: ExportOptions) -> list[Speech]:
    return read_podcast_html(export(t, "podcast-html", o))[0]


READERS: dict[str, Callable[[Transcript, ExportOptions], list[Speech]]] = {
    "podcast": _podcast,
    "fountain": _fountain,
    "podcast-json": _podcast_json,
    "podcast-html": _podcast_html,
}
OPTIONS = [
    ExportOptions(),
    ExportOptions(names=True, cues=False),
    ExportOptions(wpm=90, pause=0, start=30.0),
]


def assert_lossless(t: Transcript) -> None:
    """One speech per turn with the turn's paragraphs, in every format and option set."""
    expected = shown_paragraphs(t)
    for options in OPTIONS:
        for name, read in READERS.items():
            speeches = read(t, options)
            if name == "podcast-json":  # one body per source segment, the words as in the model
                assert [s.paragraphs[0] for s in speeches] == source_bodies(t), name
                whos = [bool(speeches[k].who) for k, _ in _first_segments(t)]
                assert whos == [
                    bool(t.speaker(x.speaker).name or t.speaker(x.speaker).label) for x in t.turns
                ]
                continue
            if name == "podcast-html":  # a transcript for players: the text as in the model
                assert [s.paragraphs for s in speeches] == [
                    paragraphs(body) for body in source_bodies(t)
                ], name
                continue
            assert [s.paragraphs for s in speeches] == expected, (name, options)
            if name in ("podcast", "fountain") and len(speeches) == len(t.turns):
                # one mark per speaker, none shared
                marks = {(x.speaker, s.who) for x, s in zip(t.turns, speeches, strict=True)}
                assert (
                    len(marks)
                    == len({x.speaker for x in t.turns})
                    == len({who for _, who in marks})
                ), (name, marks)
        for qa_style in ("names", "qa"):
            got = article_speech(t, qa_style)
            assert got.split() == words(t), qa_style


def article_speech(t: Transcript, qa_style: str) -> str:
    """The article's text after the title and standfirst, speaker markers removed."""
    from podcast_readers import markdown_paragraphs

    document = export(t, "markdown", ExportOptions(qa_style=qa_style))
    found = [p.text for p in markdown_paragraphs(document)]
    if standfirst(t.preamble):
        found = found[1:]
    asking = {i for pair in t.pairs for i in pair.question_turns}
    answering = {i for pair in t.pairs for i in pair.answer_turns}
    out, k = [], 0
    for turn in t.turns:
        if qa_style == "qa":
            marker = "Q" if turn.index in asking else "A" if turn.index in answering else None
        else:
            marker = t.speaker(turn.speaker).label or None
        count = len(turn_paragraphs(t)[turn.index])
        chunk = found[k : k + max(count, 1 if marker else 0)]
        k += len(chunk)
        if marker is not None and chunk:
            assert chunk[0].startswith(marker + ":"), (chunk[0], marker)
            chunk[0] = chunk[0][len(marker) + 1 :]
        out.extend(chunk)
    assert k == len(found), "paragraphs left over"
    return " ".join(out)


@pytest.mark.parametrize("sample", sorted(SAMPLES.iterdir()), ids=lambda p: p.name)
def test_samples_keep_every_word_in_order(sample):  # type: ignore[no-untyped-def]
    assert_lossless(ip.parse_file(sample))


# -- transcripts built directly, with the characters each format treats specially ----------

TRICKY = [
    "*",
    "**bold**",
    "_under_",
    "\\_x_",
    "[[note]]",
    "[[[",
    "/*",
    "*/",
    "#",
    "##",
    "1.",
    "2)",
    "-",
    "+",
    ">",
    "<b>",
    "&amp;",
    "&",
    "\\",
    "\\*",
    "`code`",
    "~~",
    "|",
    "^",
    "@",
    "!",
    "=",
    "INT.",
    "CUT TO:",
    "(laughs)",
    "[",
    "]",
    "...",
    "José",
    "٣",
    "===",
    "\\[",
    "Q&A",
    "&#38;",
    "&copy",
    "a<b",
    "<http://x.y>",
    "<!--",
    "x>",
    "***",
    "___",
    "    ",
]
WORD = st.one_of(
    st.sampled_from(TRICKY),
    st.text(
        alphabet=st.characters(codec="utf-8", exclude_categories=["Cs", "Cc", "Zs", "Zl", "Zp"]),
        min_size=1,
        max_size=8,
    ),
)
PARAGRAPH = st.lists(WORD, min_size=1, max_size=6).map(" ".join)
TEXT = st.lists(PARAGRAPH, max_size=3).map("\n\n".join)
LABELS = ["Host", "Dr. Lee", "Zoë O'Brien", "MS. JEAN-PIERRE", "Q", "Speaker 2", "2", "ed", ""]


@st.composite
def transcripts(draw: st.DrawFn) -> Transcript:
    count = draw(st.integers(1, len(LABELS)))
    labels = draw(st.permutations(LABELS))[:count]
    roles = [Role.interviewer] + [draw(st.sampled_from(list(Role))) for _ in labels[1:]]
    spoken = draw(st.lists(st.tuples(st.integers(0, count - 1), TEXT), min_size=1, max_size=8))
    clock = st.none() | st.floats(0, 5000, allow_nan=False).map(lambda x: round(x, 2))
    turns = [
        Turn(
            index=i,
            speaker=f"s{who}",
            label=labels[who],
            text=text,
            line=i + 1,
            column=1,
            end_line=i + 1,
            start=draw(clock),
        )
        for i, (who, text) in enumerate(spoken)
    ]
    speakers = [
        Speaker(
            id=f"s{i}",
            label=label,
            role=roles[i],
            role_source=RoleSource.declared,
            name=draw(st.none() | st.just(f"{label} Full")),
            description=draw(st.none() | TEXT),
            affiliation=draw(st.none() | PARAGRAPH),
            turn_count=sum(1 for t in turns if t.speaker == f"s{i}"),
        )
        for i, label in enumerate(labels)
    ]
    pairs, unpaired = _pairs(turns, {s.id for s in speakers if s.role is Role.interviewer})
    source = Source(
        encoding="utf-8",
        newline="\n",
        final_newline=True,
        line_count=len(turns),
        dialect="labelled",
        dialect_evidence="generated",
    )
    return Transcript(
        source=source,
        title=draw(st.none() | PARAGRAPH),
        preamble=draw(st.none() | TEXT),
        speakers=speakers,
        turns=turns,
        pairs=pairs,
        unpaired_turns=unpaired,
    )


def _pairs(turns: list[Turn], askers: set[str]) -> tuple[list[ip.Pair], list[int]]:
    """Interviewer turns prompt, the turns up to the next prompt answer; others stay unpaired."""
    pairs: list[ip.Pair] = []
    unpaired: list[int] = []
    i = 0
    while i < len(turns):
        q = i
        while i < len(turns) and turns[i].speaker in askers:
            i += 1
        a = i
        while i < len(turns) and turns[i].speaker not in askers:
            i += 1
        if q == a or a == i:
            unpaired.extend(range(q, i))
            continue
        question = "\n\n".join(t.text for t in turns[q:a])
        pairs.append(
            ip.Pair(
                index=len(pairs),
                kind=PairKind.question if "?" in question else PairKind.remark,
                question_turns=list(range(q, a)),
                answer_turns=list(range(a, i)),
                question=question,
                answer="\n\n".join(t.text for t in turns[a:i]),
            )
        )
    return pairs, unpaired


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(transcripts())
def test_generated_transcripts_keep_every_word_in_order(t: Transcript) -> None:
    assert_lossless(t)


# -- generated text through the parser -------------------------------------------------

LINE = st.builds(
    lambda label, text: f"{label}: {text}",
    st.sampled_from(["Host", "Guest", "Dr. Lee", "Q", "A", "Editor (Time.news)"]),
    st.lists(WORD, min_size=1, max_size=6).map(" ".join),
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(LINE, PARAGRAPH, st.just("")), min_size=1, max_size=10))
def test_parsed_transcripts_keep_every_word_in_order(lines: list[str]) -> None:
    try:
        t = ip.parse("\n".join(lines) + "\n")
    except ip.InterviewParserError:
        return
    assert_lossless(t)
