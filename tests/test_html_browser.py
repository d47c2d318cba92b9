"""The ``html`` transcript page in a real browser: Debian's Chromium driven by Playwright.

Playwright's own browser download is not reachable here, so the system's ``chromium`` is
launched with ``executable_path`` (``INTERVIEW_PARSER_CHROMIUM`` names another binary).
Without Playwright or Chromium these tests skip, saying which is missing; ``.ci/run``
installs both and sets ``INTERVIEW_PARSER_REQUIRE_BROWSER=1``, which turns the skip into a
failure, so CI always runs them. ``INTERVIEW_PARSER_SCREENSHOTS=DIR`` keeps the screenshots.
"""

from __future__ import annotations

import os
import re
import shutil
import wave
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from conftest import SAMPLES, shared_path
from html_page import hostile_transcript

import interview_parser as ip
from interview_parser.exporters import ExportOptions, export
from interview_parser.exporters.page import facts, palette

ARTICLE = SAMPLES / "article-preamble.txt"  # the seed's layout, in our own words
TIMED = SAMPLES / "bracket-timestamps.txt"  # every turn has a written time
REQUIRED = os.environ.get("INTERVIEW_PARSER_REQUIRE_BROWSER") == "1"


def _unavailable(reason: str) -> None:
    if REQUIRED:
        pytest.fail(f"{reason}; INTERVIEW_PARSER_REQUIRE_BROWSER=1 says they must run here")
    pytest.skip(reason)


def _chromium() -> str | None:
    named = os.environ.get("INTERVIEW_PARSER_CHROMIUM")
    if named:
        return named
    for name in ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable"):
        found = shutil.which(name)
        if found:
            return found
    return None


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _unavailable("browser tests need Playwright: pip install -e '.[test]'")
    executable = _chromium()
    if executable is None:
        _unavailable("browser tests need Chromium: apt-get install chromium")
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=executable)
        yield launched
        launched.close()


@dataclass
class Opened:
    page: Any
    url: str
    errors: list[str] = field(default_factory=list)  # console errors and uncaught exceptions
    requests: list[str] = field(default_factory=list)  # every URL the page asked for
    dialogs: list[str] = field(default_factory=list)  # alert(), confirm(), ...

    def visible(self) -> list[str]:
        ids: list[str] = self.page.eval_on_selector_all(
            "article.turn", "turns => turns.filter(t => t.offsetParent !== null).map(t => t.id)"
        )
        return ids

    def active(self) -> str:
        found: str = self.page.evaluate("document.activeElement.id")
        return found


@pytest.fixture
def open_page(browser: Any, tmp_path: Path) -> Iterator[Any]:
    contexts = []

    def opener(document: str, name: str = "page.html") -> Opened:
        path = tmp_path / name
        path.write_text(document, encoding="utf-8")
        context = browser.new_context(
            reduced_motion="reduce", viewport={"width": 1000, "height": 800}
        )
        contexts.append(context)
        page = context.new_page()
        opened = Opened(page, path.as_uri())
        page.on("console", lambda m: m.type == "error" and opened.errors.append(m.text))
        page.on("pageerror", lambda e: opened.errors.append(str(e)))
        page.on("request", lambda r: opened.requests.append(r.url))

        def dismiss(dialog: Any) -> None:
            opened.dialogs.append(dialog.message)
            dialog.dismiss()

        page.on("dialog", dismiss)
        page.goto(opened.url)
        return opened

    yield opener
    for context in contexts:
        context.close()


def words(text: str) -> Counter[str]:
    return Counter(re.findall(r"\w+", text))


def check_every_spoken_word_is_visible(opened: Opened, transcript: ip.Transcript) -> None:
    page = opened.page
    assert opened.visible() == [f"turn-{t.index}" for t in transcript.turns]
    for turn in transcript.turns:
        shown = page.inner_text(f"#turn-{turn.index} .words")
        assert words(shown) == words(turn.text), turn.index
        label = facts.called(transcript.speaker(turn.speaker))
        assert page.inner_text(f"#turn-{turn.index} .who") == label


def test_every_spoken_word_of_the_seed_like_sample_is_visible(open_page: Any) -> None:
    t = ip.parse_file(ARTICLE)
    opened = open_page(export(t, "html"))
    check_every_spoken_word_is_visible(opened, t)
    page = opened.page
    assert page.inner_text("h1") == t.title
    # The preamble is folded away, and opens.
    assert not page.is_visible("details.preamble p")
    page.click("details.preamble summary")
    assert words(page.inner_text("details.preamble")) >= words(t.preamble or "")
    assert opened.errors == [] and opened.dialogs == []
    assert opened.requests == [opened.url]  # nothing from the network, nothing beside it


def test_every_spoken_word_of_the_seed_is_visible(open_page: Any) -> None:
    t = ip.parse_file(shared_path("seed/000_0179c88bf8765c69.txt"))
    opened = open_page(export(t, "html"))
    check_every_spoken_word_is_visible(opened, t)
    assert opened.errors == []


def in_view(opened: Opened, element_id: str) -> bool:
    """Whether the element's top is on screen and not under the sticky search bar."""
    top: float = opened.page.evaluate(
        "id => document.getElementById(id).getBoundingClientRect().top", element_id
    )
    covered: float = opened.page.evaluate(
        "Math.max(0, document.getElementById('ip-controls').getBoundingClientRect().bottom)"
    )
    height: float = opened.page.evaluate("window.innerHeight")
    return covered - 1 <= top < height


def test_index_and_timeline_links_land_on_their_turns(open_page: Any) -> None:
    t = ip.parse_file(ARTICLE)
    opened = open_page(export(t, "html"))
    page = opened.page
    links = page.locator(".qa a, .loose a, .timeline a")
    assert links.count() == len(t.pairs) + len(t.unpaired_turns) + len(t.turns)
    for i in range(links.count()):
        link = links.nth(i)
        href = link.get_attribute("href")
        page.evaluate("window.scrollTo(0, 0)")
        link.click()
        page.wait_for_function("id => document.activeElement.id === id", arg=href[1:])
        assert page.evaluate("location.hash") == href
        assert in_view(opened, href[1:]), href
    assert opened.errors == []


def test_search_filters_turns_and_highlights_matches(open_page: Any) -> None:
    t = ip.parse_file(ARTICLE)
    opened = open_page(export(t, "html"))
    page = opened.page
    page.fill("#ip-search", "THE BREAKWATER")
    page.press("#ip-search", "Enter")
    expected = [f"turn-{x.index}" for x in t.turns if "the breakwater" in x.text.lower()]
    assert 0 < len(expected) < len(t.turns)
    assert opened.visible() == expected
    hits = page.eval_on_selector_all("mark.hit", "marks => marks.map(m => m.textContent)")
    assert [h.lower() for h in hits] == ["the breakwater"] * sum(
        x.text.lower().count("the breakwater") for x in t.turns
    )
    assert page.inner_text("#ip-status").startswith(f"{len(expected)} of {len(t.turns)} turns")
    page.press("#ip-search", "Escape")
    assert len(opened.visible()) == len(t.turns)
    assert page.eval_on_selector_all("mark.hit", "marks => marks.length") == 0
    # Text after a search reads as before (the marks are undone, the text nodes joined).
    assert words(page.inner_text("#turn-0 .words")) == words(t.turns[0].text)
    page.fill("#ip-search", "(.*[")  # regular expression syntax is searched for literally
    page.press("#ip-search", "Enter")
    assert opened.visible() == []
    assert opened.errors == []


def test_the_speaker_filter_hides_and_a_link_shows_again(open_page: Any) -> None:
    t = ip.parse_file(ARTICLE)
    opened = open_page(export(t, "html"))
    page = opened.page
    page.uncheck('input[data-speaker-filter="0"]')
    guest = t.speakers[1].id
    assert opened.visible() == [f"turn-{x.index}" for x in t.turns if x.speaker == guest]
    assert t.speakers[0].label in page.inner_text("#ip-status")
    page.click('.qa a[href="#turn-0"]')  # the host's turn: the filter gives way
    page.wait_for_function("document.activeElement.id === 'turn-0'")
    assert len(opened.visible()) == len(t.turns)
    assert page.is_checked('input[data-speaker-filter="0"]')


def test_the_keyboard_reaches_search_and_moves_between_turns(open_page: Any) -> None:
    opened = open_page(export(ip.parse_file(ARTICLE), "html"))
    page = opened.page
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Skip to the transcript"
    page.keyboard.press("/")
    assert opened.active() == "ip-search"
    page.keyboard.press("Escape")
    page.evaluate("document.activeElement.blur()")
    for key, where in (("j", "turn-0"), ("j", "turn-1"), ("j", "turn-2"), ("k", "turn-1")):
        page.keyboard.press(key)
        assert opened.active() == where
        assert in_view(opened, where)


def test_hostile_labels_and_text_show_as_written_and_run_nothing(open_page: Any) -> None:
    labels = ['<img src=x onerror="alert(1)">', "</script><script>alert(2)</script>"]
    texts = ["<script>alert(3)</script> & &amp; \u2028", '"><svg onload=alert(4)>', "${alert(5)}"]
    t = hostile_transcript(labels, texts, "</title><script>alert(6)</script>")
    opened = open_page(export(t, "html"))
    page = opened.page
    assert page.title() == t.title
    shown = [page.inner_text(f"#turn-{i} .who") for i in range(3)]
    assert shown == [labels[0], labels[1], labels[0]]
    assert page.inner_text("#turn-1 .words") == texts[1]
    page.fill("#ip-search", "<script>")
    page.press("#ip-search", "Enter")
    assert opened.visible() == ["turn-0"]
    assert opened.dialogs == [] and opened.errors == []
    assert page.evaluate("document.querySelectorAll('img, svg, script:not([id])').length") == 1


def silent_wav(path: Path, seconds: int) -> None:
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(1)
        out.setframerate(8000)
        out.writeframes(b"\x80" * 8000 * seconds)


def test_with_audio_a_turn_seeks_and_the_current_turn_is_highlighted(
    open_page: Any, tmp_path: Path
) -> None:
    t = ip.parse_file(TIMED)
    silent_wav(tmp_path / "talk.wav", 120)
    opened = open_page(export(t, "html", ExportOptions(audio="talk.wav")))
    page = opened.page
    page.wait_for_function("document.getElementById('ip-audio').readyState >= 1")
    assert page.evaluate("document.getElementById('ip-audio').duration") == pytest.approx(120)
    page.click("#turn-3 .words")
    page.wait_for_function("document.querySelector('#turn-3.playing') !== null")
    assert page.evaluate("document.getElementById('ip-audio').currentTime") >= t.turns[3].start
    page.click("#turn-6 button.play")
    page.wait_for_function("document.querySelector('#turn-6[aria-current=true]') !== null")
    page.evaluate("document.getElementById('ip-audio').pause()")
    assert page.eval_on_selector_all(".turn.playing", "turns => turns.map(t => t.id)") == ["turn-6"]
    assert opened.errors == []
    assert {r.rsplit("/", 1)[-1] for r in opened.requests} == {"page.html", "talk.wav"}


def test_print_shows_every_turn_and_no_controls(open_page: Any) -> None:
    opened = open_page(export(ip.parse_file(ARTICLE), "html"))
    page = opened.page
    page.uncheck('input[data-speaker-filter="0"]')
    page.emulate_media(media="print")
    assert len(opened.visible()) == len(ip.parse_file(ARTICLE).turns)
    for hidden in ("#ip-controls", ".timeline", ".skip"):
        assert not page.is_visible(hidden)


def test_a_screenshot_of_the_page(open_page: Any, tmp_path: Path) -> None:
    silent_wav(tmp_path / "talk.wav", 120)
    opened = open_page(export(ip.parse_file(TIMED), "html", ExportOptions(audio="talk.wav")))
    keep = os.environ.get("INTERVIEW_PARSER_SCREENSHOTS")
    target = Path(keep) / "transcript-page.png" if keep else tmp_path / "page.png"
    target.parent.mkdir(parents=True, exist_ok=True)
    opened.page.screenshot(path=str(target), full_page=True)
    image = target.read_bytes()
    assert image[:8] == b"\x89PNG\r\n\x1a\n"
    width = int.from_bytes(image[16:20], "big")
    height = int.from_bytes(image[20:24], "big")
    assert width == 1000 and height > 800  # the whole page, longer than one screen
    assert opened.errors == []


def test_every_sample_reflows_to_a_narrow_screen_without_errors(
    open_page: Any, tmp_path: Path
) -> None:
    """WCAG 1.4.10: at 320 CSS pixels the page needs no sideways scrolling."""
    opened = open_page("<!DOCTYPE html><title>start</title>")
    page = opened.page
    page.set_viewport_size({"width": 320, "height": 640})
    for sample in sorted(SAMPLES.iterdir()):
        path = tmp_path / f"{sample.name}.html"  # the source path in it is long: it must wrap
        path.write_text(export(ip.parse_file(sample), "html"), encoding="utf-8")
        page.goto(path.as_uri())
        assert page.evaluate("document.documentElement.scrollWidth") <= 320, sample.name
    assert opened.errors == []


# Every element that shows text: its text colour and the first solid background behind it.
_TEXT_COLOURS = """() => {
  const solid = e => {
    for (; e; e = e.parentElement) {
      const c = getComputedStyle(e).backgroundColor;
      if (c !== 'rgba(0, 0, 0, 0)' && c !== 'transparent') { return c; }
    }
    return 'rgb(255, 255, 255)';
  };
  const found = [];
  for (const e of document.querySelectorAll('body *')) {
    const own = [...e.childNodes].some(n => n.nodeType === 3 && n.nodeValue.trim());
    if (!own || !e.getClientRects().length || getComputedStyle(e).visibility === 'hidden') {
      continue;
    }
    if (e.closest('.vh')) { continue; }
    found.push([getComputedStyle(e).color, solid(e), e.tagName + '.' + e.className]);
  }
  return found;
}"""


def _hex(css: str) -> str:
    red, green, blue = (int(float(v)) for v in re.findall(r"[\d.]+", css)[:3])
    return f"#{red:02X}{green:02X}{blue:02X}"


def test_every_text_on_the_rendered_page_meets_wcag_aa(open_page: Any, tmp_path: Path) -> None:
    """Contrast as Chromium renders it: nine speakers (every colour, and the second round),
    search matches, a focused and a playing turn."""
    labels = [f"Speaker {c}" for c in "ABCDEFGHI"]
    t = hostile_transcript(labels, [f"turn {i} says a word [note]" for i in range(10)], "Nine")
    silent_wav(tmp_path / "talk.wav", 60)
    timed = [ip.model.replace(turn, start=float(i * 5)) for i, turn in enumerate(t.turns)]
    t = ip.model.replace(t, turns=timed)
    opened = open_page(export(t, "html", ExportOptions(audio="talk.wav")))
    page = opened.page
    page.fill("#ip-search", "word")
    page.press("#ip-search", "Enter")
    page.click("#turn-2 .words")
    page.wait_for_function("document.querySelector('.turn.playing') !== null")
    page.evaluate("document.getElementById('ip-audio').pause()")
    page.click(".qa a")
    seen = page.evaluate(_TEXT_COLOURS)
    assert len(seen) > 100
    low = [
        (where, colour, background, round(palette.contrast(_hex(colour), _hex(background)), 2))
        for colour, background, where in seen
        if palette.contrast(_hex(colour), _hex(background)) < palette.AA_TEXT
    ]
    assert low == []
    assert opened.errors == []
