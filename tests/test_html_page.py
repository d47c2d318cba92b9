"""The ``html`` transcript page without a browser: what it contains, that transcript text can
never become markup or script, and that its colours are readable (WCAG AA) and stay apart for
colour-blind readers. tests/test_html_browser.py drives the same page in Chromium."""

from __future__ import annotations

import itertools
import json
import math
import re
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import SAMPLES
from html_page import Page, hostile_transcript, read_page
from hypothesis import given, settings
from hypothesis import strategies as st

import interview_parser as ip
from interview_parser.cli import cli
from interview_parser.exporters import ExportOptions, export
from interview_parser.exporters.html import audio_address
from interview_parser.exporters.page import asset, facts, palette
from interview_parser.exporters.page.markup import script_json
from interview_parser.exporters.script import paragraphs
from interview_parser.model import PairKind
from interview_parser.timing import timeline

SAMPLE_FILES = sorted(SAMPLES.iterdir())
ARTICLE = SAMPLES / "article-preamble.txt"  # the seed's layout, in our own words
TIMED = SAMPLES / "bracket-timestamps.txt"  # every turn has a written time
# Everything the page may contain; a transcript that adds an element or a handler is a bug.
ALLOWED_TAGS = {
    "html", "head", "meta", "title", "style", "body", "a", "header", "h1", "h2", "h3", "dl",
    "dt", "dd", "main", "section", "table", "thead", "tbody", "tr", "th", "td", "span", "ul",
    "ol", "li", "p", "div", "label", "input", "fieldset", "legend", "kbd", "details",
    "summary", "article", "time", "script", "figure", "figcaption", "audio", "button", "abbr",
}  # fmt: skip


def page_of(path: Path, options: ExportOptions | None = None) -> tuple[ip.Transcript, Page]:
    t = ip.parse_file(path)
    return t, read_page(export(t, "html", options))


def data_of(page: Page) -> dict[str, object]:
    (block,) = [text for kind, text in page.scripts if kind == "application/json"]
    data: dict[str, object] = json.loads(block)
    return data


@pytest.mark.parametrize("sample", SAMPLE_FILES, ids=lambda p: p.name)
def test_every_turn_is_on_the_page_with_its_speaker_line_and_words(sample: Path) -> None:
    t, page = page_of(sample)
    assert not page.unbalanced
    assert page.tags <= ALLOWED_TAGS
    assert [v.id for v in page.turns] == [f"turn-{turn.index}" for turn in t.turns]
    for view, turn in zip(page.turns, t.turns, strict=True):
        assert view.who == facts.called(t.speaker(turn.speaker))
        assert view.line == f"line {turn.line}"
        assert view.words == "\n".join(paragraphs(turn.text))
        assert view.notes == [" ".join(n.text.split()) for n in turn.notes]
    data = data_of(page)
    assert data["speakers"] == [facts.called(s) for s in t.speakers]
    assert len(data["turns"]) == len(t.turns)  # type: ignore[arg-type]


@pytest.mark.parametrize("sample", SAMPLE_FILES, ids=lambda p: p.name)
def test_the_index_links_every_pair_and_every_unpaired_turn(sample: Path) -> None:
    t, page = page_of(sample)
    hrefs = [href for href, _ in page.links]
    for pair in t.pairs:
        first = (pair.question_turns or pair.answer_turns)[0]
        assert f"#turn-{first}" in hrefs
    for i in t.unpaired_turns:
        assert f"#turn-{i}" in hrefs
    ids = {v.id for v in page.turns} | {f"pair-{n}" for n in range(1, len(t.pairs) + 1)}
    assert {h[1:] for h in hrefs if h.startswith("#") and h != "#transcript"} <= ids


def test_the_index_shows_opening_words_kind_and_answer_length() -> None:
    t, page = page_of(ARTICLE)
    links = dict(page.links)
    assert links["#turn-2"] == "Let us start with the vote. Why does the seagrass matter so …"
    entry = facts.index(t)[1]
    assert (entry.kind, entry.first_turn, entry.answer_turns) == (PairKind.question, 2, 1)
    assert entry.answer_words == len(t.turns[3].text.split())


@pytest.mark.parametrize(
    ("sample", "options", "says"),
    [
        (TIMED, ExportOptions(), "from the times written in the transcript"),
        (ARTICLE, ExportOptions(), "estimated from word counts at 160 words a minute"),
        (ARTICLE, ExportOptions(wpm=120), "estimated from word counts at 120 words a minute"),
        (ARTICLE, ExportOptions(duration=600), "the length given"),
    ],
)
def test_the_header_says_where_the_duration_comes_from(
    sample: Path, options: ExportOptions, says: str
) -> None:
    document = export(ip.parse_file(sample), "html", options)
    assert says in document
    if options.duration is not None:
        assert '<time datetime="PT600S">10:00</time>' in document


def test_the_date_comes_from_the_front_matter_and_otherwise_is_not_given() -> None:
    dated = export(ip.parse_file(SAMPLES / "speaker-time-lines.md"), "html")
    assert "<dd>2025-06-12 <span" in dated
    assert '<dt>Date</dt><dd><span class="muted">not given</span>' in export(
        ip.parse_file(ARTICLE), "html"
    )


@pytest.mark.parametrize("sample", SAMPLE_FILES, ids=lambda p: p.name)
def test_shares_of_talk_add_up_and_leave_stage_notes_out(sample: Path) -> None:
    t = ip.parse_file(sample)
    times = timeline(t)
    shares = facts.shares(t, times)
    assert math.isclose(sum(s.word_share for s in shares), 1.0)
    assert math.isclose(sum(s.time_share for s in shares), 1.0)
    notes = sum(len(n.text.split()) for turn in t.turns for n in turn.notes)
    assert sum(s.words for s in shares) == sum(len(x.text.split()) for x in t.turns) - notes
    assert [s.turns for s in shares] == [s.turn_count for s in t.speakers]


# -- hostile text -------------------------------------------------------------------------

PIECES = [
    *"<>&\"'/=`;:()[]{}\\ \n\u2028\u2029\u00a0é字",
    "</script>",
    "<script>",
    "<!--",
    "-->",
    "]]>",
    "&amp;",
    "&#60;",
    "javascript:",
    "onerror=",
    "<img src=x onerror=alert(1)>",
    "</style>",
    "\u0000",
    "{{",
    "${x}",
    "word",
]
HOSTILE = st.lists(st.sampled_from(PIECES), max_size=12).map("".join)
LABEL = HOSTILE.map(lambda s: " ".join(s.split()) or "X")


@settings(max_examples=60, deadline=None)
@given(
    labels=st.lists(LABEL, min_size=1, max_size=9, unique=True),
    texts=st.lists(HOSTILE, min_size=1, max_size=6),
    title=HOSTILE,
    audio=st.none() | HOSTILE,
)
def test_hostile_labels_and_text_stay_text(
    labels: list[str], texts: list[str], title: str, audio: str | None
) -> None:
    t = hostile_transcript(labels, texts, title)
    page = read_page(export(t, "html", ExportOptions(audio=audio)))
    assert not page.unbalanced
    assert page.tags <= ALLOWED_TAGS
    for tag, name, value in page.attributes:
        assert not name.startswith("on"), (tag, name)
        if name in ("href", "src"):  # a link or a source is a fragment or a relative path
            assert re.fullmatch(r"#[\w-]+|[\w%./~-]*", value or ""), (tag, name, value)
    assert page.scripts[-1] == (None, "\n" + asset("page.js"))
    assert data_of(page)["speakers"] == labels
    assert page.title == (title or "Untitled interview")
    assert [v.who for v in page.turns] == [t.speaker(x.speaker).label for x in t.turns]
    assert [v.words for v in page.turns] == ["\n".join(paragraphs(x.text)) for x in t.turns]


@given(st.recursive(
    st.none() | st.booleans() | st.floats(allow_nan=False) | HOSTILE | st.text(),
    lambda inner: st.lists(inner) | st.dictionaries(st.text(), inner),
))  # fmt: skip
def test_script_json_opens_and_closes_nothing_and_reads_back(data: object) -> None:
    text = script_json(data)
    assert not set(text) & {"<", ">", "&", "\u2028", "\u2029"}
    assert json.loads(text) == data


def test_the_script_never_turns_text_into_markup() -> None:
    script = asset("page.js")
    for sink in ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(",
                 "new Function", "setAttribute('on", 'setAttribute("on'):  # fmt: skip
        assert sink not in script


# -- colour ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("first", "second", "ratio"),
    [("#000000", "#FFFFFF", 21.0), ("#FFFFFF", "#FFFFFF", 1.0), ("#767676", "#FFFFFF", 4.54)],
)
def test_contrast_ratio_matches_known_wcag_values(first: str, second: str, ratio: float) -> None:
    assert round(palette.contrast(first, second), 2) == ratio


@pytest.mark.parametrize(("fg", "bg"), palette.TEXT_PAIRS)
def test_every_text_colour_meets_wcag_aa(fg: str, bg: str) -> None:
    assert palette.contrast(palette.THEME[fg], palette.THEME[bg]) >= palette.AA_TEXT


@pytest.mark.parametrize(("fg", "bg"), palette.EDGE_PAIRS)
def test_every_outline_meets_wcag_aa_for_graphics(fg: str, bg: str) -> None:
    assert palette.contrast(palette.THEME[fg], palette.THEME[bg]) >= palette.AA_NON_TEXT


@pytest.mark.parametrize("position", range(2 * len(palette.OKABE_ITO)))
def test_speaker_names_on_their_colour_meet_wcag_aa(position: int) -> None:
    swatch = palette.swatch(position)
    assert palette.contrast(swatch.on, swatch.colour) >= palette.AA_TEXT
    assert swatch.hatched == (position >= len(palette.OKABE_ITO))


def test_the_stylesheet_names_no_colour_of_its_own() -> None:
    """Every colour comes from the tested palette, as a CSS variable."""
    css = asset("page.css")
    assert not re.search(r"#[0-9a-fA-F]{3,8}\b|\b(?:rgba?|hsla?|hwb|lab|lch)\(", css)
    named = r"\b(?:black|white|red|green|blue|yellow|gr[ae]y|orange|purple|pink|brown)\b"
    values = re.findall(r":\s*([^;{}]+)", re.sub(r"/\*.*?\*/", "", css, flags=re.S))
    assert not [v for v in values if re.search(named, v)]
    used = set(re.findall(r"var\(--([\w-]+)", css)) - {"c", "on", "controls"}
    assert used <= set(palette.THEME)


# Machado, Oliveira and Fernandes (2009), severity 1: dichromat vision in linear RGB.
DICHROMACY = {
    "protanopia": ((0.152286, 1.052583, -0.204868), (0.114503, 0.786281, 0.099216),
                   (-0.003882, -0.048116, 1.051998)),
    "deuteranopia": ((0.367322, 0.860646, -0.227968), (0.280085, 0.672501, 0.047413),
                     (-0.011820, 0.042940, 0.968881)),
    "tritanopia": ((1.255528, -0.076749, -0.178779), (-0.078411, 0.930809, 0.147602),
                   (0.004733, 0.691367, 0.303900)),
}  # fmt: skip
DISTINCT = 15.0  # CIE76 distance; about 2.3 is just noticeable, 15 is plainly another colour


def seen(colour: str, matrix: tuple[tuple[float, ...], ...]) -> tuple[float, float, float]:
    """CIELAB (D65) of ``colour`` as a dichromat sees it."""
    rgb = [palette._linear(int(colour[i : i + 2], 16) / 255) for i in (1, 3, 5)]
    r, g, b = (min(1.0, max(0.0, sum(m * c for m, c in zip(row, rgb, strict=True))))
               for row in matrix)  # fmt: skip
    xyz = (0.4124 * r + 0.3576 * g + 0.1805 * b, 0.2126 * r + 0.7152 * g + 0.0722 * b,
           0.0193 * r + 0.1192 * g + 0.9505 * b)  # fmt: skip

    def f(v: float) -> float:
        return v ** (1 / 3) if v > 216 / 24389 else (24389 / 27 * v + 16) / 116

    fx, fy, fz = f(xyz[0] / 0.95047), f(xyz[1]), f(xyz[2] / 1.08883)
    return 116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz)


def closest(colours: tuple[str, ...], matrix: tuple[tuple[float, ...], ...]) -> float:
    return min(math.dist(seen(a, matrix), seen(b, matrix))
               for a, b in itertools.combinations(colours, 2))  # fmt: skip


@pytest.mark.parametrize("kind", DICHROMACY)
def test_speaker_colours_stay_apart_for_colour_blind_readers(kind: str) -> None:
    assert closest(palette.OKABE_ITO, DICHROMACY[kind]) >= DISTINCT


def test_the_colour_blindness_check_catches_a_red_green_pair() -> None:
    assert closest(("#D62728", "#2CA02C"), DICHROMACY["deuteranopia"]) < DISTINCT


# -- audio ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("audio", "page", "address"),
    [
        ("talk.wav", "talk.html", "talk.wav"),
        ("media/talk.wav", "pages/talk.html", "../media/talk.wav"),
        ("talk.wav", None, "talk.wav"),
        ("a b#c?.wav", "out/x.html", "../a b#c?.wav"),
    ],
)
def test_the_audio_address_is_relative_to_the_page(
    audio: str, page: str | None, address: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    assert audio_address(audio, page) == address


def test_audio_is_linked_with_its_name_percent_encoded() -> None:
    document = export(ip.parse_file(TIMED), "html", ExportOptions(audio='../a b#c?"d.wav'))
    assert 'src="../a%20b%23c%3F%22d.wav"' in document
    assert document.count("<audio") == 1


@pytest.mark.parametrize(("sample", "follows"), [(TIMED, True), (ARTICLE, False)])
def test_the_page_follows_the_audio_only_when_times_are_written(
    sample: Path, follows: bool
) -> None:
    _, page = page_of(sample, ExportOptions(audio="talk.wav"))
    assert data_of(page)["follow"] is follows
    assert ("button" in page.tags) is follows
    _, silent = page_of(sample)
    assert data_of(silent)["follow"] is False and "audio" not in silent.tags


def test_convert_links_the_audio_from_where_the_page_is_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Without the align extra the page links the recording as it is (with the extra,
    # convert aligns to it first, which this stand-in file could not survive).
    import interview_parser.align  # noqa: F401  (the module; ip.align is the function)

    monkeypatch.setattr(sys.modules["interview_parser.align"], "available", lambda: False)
    (tmp_path / "media").mkdir()
    (tmp_path / "media" / "talk.wav").write_bytes(b"RIFF")
    out = tmp_path / "pages" / "talk.html"
    out.parent.mkdir()
    args = ["convert", str(TIMED), "--to", "html", "--audio", str(tmp_path / "media" / "talk.wav")]
    result = CliRunner().invoke(cli, [*args, "-o", str(out)])
    assert result.exit_code == 0, result.stderr
    assert 'src="../media/talk.wav"' in out.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (["--audio", "missing.wav"], "missing.wav: error: no such audio file"),
        (["--audio", "talk.wav", "--out-dir", "out"], "--audio goes with one FILE"),
    ],
)
def test_convert_refuses_audio_it_cannot_link(
    extra: list[str], message: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "talk.wav").write_bytes(b"RIFF")
    result = CliRunner().invoke(cli, ["convert", str(TIMED), "--to", "html", *extra])
    assert result.exit_code == 2
    assert message in result.stderr and "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


@pytest.mark.parametrize(
    ("matter", "attribute"),
    [("lang: fr", ' lang="fr"'), ("language: pt-BR", ' lang="pt-BR"'), ('lang: "<x>"', ""),
     ("", "")],
)  # fmt: skip
def test_the_front_matter_language_marks_the_transcript_text(matter: str, attribute: str) -> None:
    source = f"---\ntitle: Essai\n{matter}\n---\nHôte: Pourquoi?\nInvitée: Parce que.\n"
    document = export(ip.parse(source), "html")
    assert '<html lang="en">' in document  # the page's own words
    assert f'<div class="turns"{attribute}>' in document
    assert f"<h1{attribute}>Essai</h1>" in document


@pytest.mark.parametrize("sample", [ARTICLE, TIMED], ids=lambda p: p.name)
def test_headings_nest_without_gaps_and_every_control_has_a_label(sample: Path) -> None:
    _, page = page_of(sample, ExportOptions(audio="talk.wav"))
    assert page.headings[0] == 1 and page.headings.count(1) == 1
    assert all(b <= a + 1 for a, b in itertools.pairwise(page.headings))
    assert set(page.unlabelled) <= page.label_for  # wrapped in a label, or named by one
