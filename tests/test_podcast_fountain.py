"""The Fountain script, read back with screenplain (a Fountain parser from PyPI)."""

from __future__ import annotations

import io
import xml.etree.ElementTree as ET

import pytest
from conftest import SAMPLES
from podcast_readers import read_fountain
from screenplain.export.fdx import to_fdx
from screenplain.export.pdf import to_pdf
from screenplain.parsers import fountain as fountain_parser
from screenplain.types import Action, Dialog, Slug

import interview_parser as ip
from interview_parser.exporters import ExportOptions, export
from interview_parser.exporters.fountain import character, escape
from interview_parser.exporters.script import build_plan

ARTICLE = SAMPLES / "article-preamble.txt"


@pytest.mark.parametrize("sample", sorted(SAMPLES.iterdir()), ids=lambda p: p.name)
@pytest.mark.parametrize("names", [False, True])
def test_one_dialogue_per_turn_one_character_per_speaker(sample, names):  # type: ignore[no-untyped-def]
    t = ip.parse_file(sample)
    play = read_fountain(export(t, "fountain", ExportOptions(names=names)))
    assert len(play.dialogues) == len(t.turns)
    characters = [d.who for d in play.dialogues]
    by_speaker: dict[str, set[str]] = {}
    for turn, who in zip(t.turns, characters, strict=True):
        by_speaker.setdefault(turn.speaker, set()).add(who)
    assert all(len(c) == 1 for c in by_speaker.values())  # a speaker has one character
    assert len(set(characters)) == len(by_speaker)  # and no two speakers share one


def test_title_page_transitions_headings_and_visible_times() -> None:
    t = ip.parse_file(ARTICLE)
    options = ExportOptions(show="Coast Lines", episode="12")
    document = export(t, "fountain", options)
    play = read_fountain(document)
    assert play.title_page["Title"] == [t.title]
    assert play.title_page["Source"][0] == "Coast Lines · Episode 12"
    assert play.title_page["Source"][1] == "With Prof. Amara Okafor"  # the guest's credit
    assert play.title_page["Source"][2] == "Runtime 1:27 (estimated), 2:27 with ads"
    notes = play.title_page["Notes"]
    assert notes[0].startswith("Estimated runtime 1:27 at 160 words")
    assert "GUEST: Prof. Okafor, Prof. Amara Okafor, a marine biologist" in notes[-1]
    assert play.transitions == [
        "AD BREAK: PRE-ROLL, 0:30", "MUSIC UP, THEN UNDER", "STING", "OUTRO",
        "AD BREAK: POST-ROLL, 0:30",
    ]  # fmt: skip
    slugs = [str(p.line) for p in play.paragraphs if isinstance(p, Slug)]
    assert slugs == [f"SEGMENT {b.number}: {b.heading.upper()}"
                     for b in build_plan(t, options).blocks]  # fmt: skip
    centred = [str(p.lines[0]) for p in play.paragraphs
               if isinstance(p, Action) and p.centered]  # fmt: skip
    assert centred[0] == "Starts 0:30, runs 0:41, back-time 1:57"  # printed, not a [[note]]


def test_hosts_and_air_date_come_from_the_front_matter() -> None:
    text = (
        "---\ntitle: Salt and stone\nshow: Coast Lines\nepisode: 7\nair_date: 2026-03-01\n"
        "host: Mara Quinn\n---\nHost: Welcome. Why stone?\nGuest: Because it lasts.\n"
    )
    play = read_fountain(export(ip.parse(text), "fountain"))
    assert play.title_page["Title"] == ["Salt and stone"]
    assert play.title_page["Author"] == ["Hosted by Mara Quinn"]
    assert play.title_page["Source"][0] == "Coast Lines · Episode 7"
    assert play.title_page["Draft date"] == ["2026-03-01"]


def test_paragraphs_inside_a_turn_stay_in_one_dialogue() -> None:
    t = ip.parse_file(SAMPLES / "bom-crlf-generic-labels.txt")
    turn = next(x for x in t.turns if "\n\n" in x.text)
    play = read_fountain(export(t, "fountain"))
    assert play.dialogues[turn.index].paragraphs == turn.text.split("\n\n")


@pytest.mark.parametrize(
    ("mark", "cue"),
    [
        ("HOST", "HOST"),
        ("GUEST 2", "GUEST 2"),
        ("Zoë O'Brien", "ZOË O'BRIEN"),
        ("2", "@2"),
        ("Editor (Time.news)", "EDITOR TIME.NEWS"),
        ("!BANG", "@!BANG"),
        ("A^", "A"),
    ],
)
def test_character_cues(mark: str, cue: str) -> None:
    assert character(mark) == cue
    play = read_fountain(f"{cue}\nHello.\n")
    assert isinstance(play.paragraphs[0], Dialog)


@pytest.mark.parametrize(
    ("text", "escaped"),
    [
        ("a*b", "a\\*b"),
        ("_x_", "\\_x\\_"),
        ("[[note]]", "\\[\\[note]]"),
        ("/* x */", "/\\* x \\*/"),
        ("back\\slash", "back\\\\slash"),
    ],
)
def test_escapes(text: str, escaped: str) -> None:
    assert escape(text) == escaped


@pytest.mark.parametrize("sample", sorted(SAMPLES.iterdir()), ids=lambda p: p.name)
def test_screenplain_renders_it_to_final_draft_and_pdf(sample, tmp_path):  # type: ignore[no-untyped-def]
    """What a screenwriting tool gets: Final Draft XML with a Character paragraph per turn,
    one character name per speaker, scene headings per segment, and a PDF that builds."""
    t = ip.parse_file(sample)
    play = fountain_parser.parse(io.StringIO(export(t, "fountain")))
    out = io.StringIO()
    to_fdx(play, out)
    content = ET.fromstring(out.getvalue()).find("Content")
    assert content is not None
    kinds = [p.get("Type") for p in content.iter("Paragraph")]
    characters = [
        "".join(x.text or "" for x in p.iter("Text"))
        for p in content.iter("Paragraph")
        if p.get("Type") == "Character"
    ]
    assert len(characters) == len(t.turns)
    assert len(set(characters)) == len({x.speaker for x in t.turns})
    assert kinds.count("Scene Heading") == len(build_plan(t, ExportOptions()).blocks) <= 8
    pdf = tmp_path / "script.pdf"
    to_pdf(play, str(pdf))
    assert pdf.read_bytes().startswith(b"%PDF")
