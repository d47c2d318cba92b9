"""The ``html`` exporter: one self-contained page to look at an interview (model -> HTML).

The page has a header (title, source, date, duration and whether it was read or estimated,
the speakers with their role, colour and share of the talk), a timeline of the turns along
the interview's clock, an index of the question-answer pairs (and the turns in no pair), and
the transcript itself: each turn with its speaker, time and source line, stage notes set
apart, the preamble folded away. A small inline script adds search, a speaker filter,
keyboard movement (``/``, ``j``, ``k``) and, with ``--audio``, a player the transcript
follows. Styles and script are inline (``page/page.css``, ``page/page.js``), so the file
needs no network and can be opened from disk or sent by e-mail.

Safety: every piece of transcript text goes through :func:`html.escape`; attributes carry
numbers and positions, not transcript text, except ``title`` tooltips (escaped) and the
recording's address (percent-encoded, then escaped);
the script reads its data from a ``<script type="application/json">`` block in which ``<``,
``>`` and ``&`` are JSON-escaped (:func:`.page.markup.script_json`), and never builds markup
from text.

Options used: the timing options (``wpm``, ``pause``, ``start``, ``duration``) and ``audio``
(the recording's address relative to the page; the CLI's ``--audio FILE``).
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Iterator
from pathlib import Path

from ..model import Gathered, Transcript, Turn
from ..spool import Positions, TextSpool, gather
from ..timing import Census, TurnTime, census, iter_times
from . import ExportOptions, Source
from .page import asset, facts, palette, transcript
from .page.markup import chip, lang, script_json, speaker_class, text
from .script import UNTITLED

_HOW = {
    "written": "from the times written in the transcript",
    "mixed": "partly written in the transcript, partly estimated from word counts",
    "given": "the length given, spread over the turns by word count",
    "estimated": "estimated from word counts",
}


def pieces(source: Source, options: ExportOptions) -> Iterator[str]:
    """The page in pieces: the sections that hold a line per turn (timeline, transcript,
    the script's data) come a turn at a time. The turns are read four times, in order (a
    stream's from its spool): the timeline's census, the header's figures, the timeline
    with the script's data (spooled: it comes last), the transcript."""
    document = gather(source)
    head = document.head
    found = census(document.turns, wpm=options.wpm, pause=options.pause, duration=options.duration)

    def timed() -> Iterator[tuple[Turn, TurnTime]]:
        return iter_times(document.turns, found, start=options.start)

    ends = _Ends()
    shares = facts.tally(head.speakers, ends.watch(timed()))
    positions = {s.id: i for i, s in enumerate(head.speakers)}
    follow = options.audio is not None and not found.estimated and found.count > 0
    data = _Data(head, follow=follow)
    marks = facts.PairMarks(document.pairs, len(document.turns))
    parts: list[str | Iterable[str]] = [
        "<!DOCTYPE html>",
        '<html lang="en">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        '<meta name="generator" content="interview-parser">',
        f"<title>{text(head.title or UNTITLED)}</title>",
        f"<style>\n{_styles(len(shares))}\n{asset('page.css')}</style>",
        "</head>",
        "<body>",
        '<a class="skip" href="#transcript">Skip to the transcript</a>',
        _masthead(document, found, ends, options),
        "<main>",
        _speakers(shares),
        _timeline(head, data.watch(timed()), ends, positions),
        _index(document, positions),
        transcript.section(head, timed(), positions, marks, audio=options.audio, follow=follow),
        "</main>",
        data.pieces(),
        f"<script>\n{asset('page.js')}</script>",
        "</body>",
        "</html>",
        "",
    ]
    for k, part in enumerate(parts):  # "\n".join(parts), each part a string or pieces
        if k:
            yield "\n"
        if isinstance(part, str):
            yield part
        else:
            yield from part


class _Ends:
    """The first turn's start and the last one's end, seen as the turns go by."""

    def __init__(self) -> None:
        self.origin: float | None = None
        self.end = 0.0

    def watch(self, timed: Iterable[tuple[Turn, TurnTime]]) -> Iterator[tuple[Turn, TurnTime]]:
        for turn, time in timed:
            if self.origin is None:
                self.origin = time.start
            self.end = time.end
            yield turn, time


def audio_address(audio: str, page: str | None) -> str:
    """The path of ``audio`` relative to the folder of ``page`` (the working folder when the
    page goes to stdout), with ``/`` separators: the page and the recording can move
    together, and no large recording is ever copied into the page."""
    folder = os.path.dirname(os.path.abspath(page)) if page is not None else os.getcwd()
    try:
        relative = os.path.relpath(os.path.abspath(audio), folder)
    except ValueError:  # another drive (Windows): no relative path exists
        return Path(audio).resolve().as_uri()
    return relative.replace(os.sep, "/")


def _styles(speakers: int) -> str:
    """The theme's variables and one class per speaker colour (numbers only, never text)."""
    rules = [palette.css_variables()]
    for i in range(speakers):
        swatch = palette.swatch(i)
        rules.append(f".sp-{i}{{--c:{swatch.colour};--on:{swatch.on};}}")
    return "\n".join(rules)


def _masthead(document: Gathered, found: Census, ends: _Ends, options: ExportOptions) -> str:
    head = document.head
    source = head.source
    length = facts.how_long(
        ends.end - ends.origin if ends.origin is not None else 0.0,
        written=found.count - found.missing,
        estimated=found.estimated,
        given=options.duration,
    )
    how = _HOW[length.how]
    if length.how in ("estimated", "mixed"):
        how += f" at {options.wpm:g} words a minute"
    about = '<span class="muted">approximately</span> ' if length.how != "written" else ""
    date = facts.date(head)
    rows = [
        (
            "Source",
            f'{text(source.path or "standard input")} <span class="muted">'
            f"({source.line_count} lines, read as {text(source.dialect)})</span>",
        ),
        (
            "Date",
            f'{text(date)} <span class="muted">(from the front matter)</span>'
            if date
            else '<span class="muted">not given</span>',
        ),
        (
            "Duration",
            f'{about}<time datetime="{facts.iso_duration(length.seconds)}">'
            f'{facts.clock(length.seconds)}</time> <span class="muted">({how})</span>',
        ),
        (
            "Turns",
            f"{found.count} turns, {len(document.pairs)} question-answer pairs",
        ),
    ]
    items = "\n".join(f"<dt>{name}</dt><dd>{value}</dd>" for name, value in rows)
    title_lang = lang(facts.language(head)) if head.title else ""
    return (
        f'<header class="masthead">\n<h1{title_lang}>{text(head.title or UNTITLED)}</h1>\n'
        f'<dl class="facts">\n{items}\n</dl>\n</header>'
    )


def _speakers(shares: list[facts.Share]) -> str:
    rows = []
    for share in shares:
        speaker = share.speaker
        name = chip(facts.called(speaker), share.position)
        if speaker.name and speaker.name != facts.called(speaker):
            name += f' <span class="muted">{text(speaker.name)}</span>'
        rows.append(
            f'<tr><th scope="row">{name}</th><td>{speaker.role.value}</td><td>{share.turns}</td>'
            f"<td>{_bar(share.position, share.word_share, f'{share.words} words')}</td>"
            f"<td>{_bar(share.position, share.time_share, facts.clock(share.seconds))}</td></tr>"
        )
    head = "".join(
        f'<th scope="col">{name}</th>'
        for name in ("Speaker", "Role", "Turns", "Share of words", "Share of time")
    )
    return (
        '<section aria-labelledby="h-speakers">\n<h2 id="h-speakers">Speakers</h2>\n'
        # A region that scrolls sideways on a narrow screen, reachable by keyboard.
        '<div class="wide" role="region" aria-labelledby="h-speakers" tabindex="0">\n'
        f'<table class="speakers">\n<thead><tr>{head}</tr></thead>\n<tbody>\n'
        + "\n".join(rows)
        + "\n</tbody>\n</table>\n</div>\n</section>"
    )


def _bar(position: int, part: float, amount: str) -> str:
    percent = f"{part * 100:.1f}"
    return (
        f'<span class="bar" aria-hidden="true"><span class="fill {speaker_class(position)}"'
        f' style="width:{percent}%"></span></span> {percent} % <span class="muted">'
        f"({amount})</span>"
    )


def _timeline(
    document: Transcript,
    timed: Iterable[tuple[Turn, TurnTime]],
    ends: _Ends,
    positions: dict[str, int],
) -> Iterator[str]:
    """The timeline section, from the turns with their times; ``ends``: their first start
    and last end (read before)."""
    if ends.origin is None:
        yield ""
        for _ in timed:  # none: the data still sees them all
            pass
        return
    origin = ends.origin
    total = max(ends.end - origin, 1e-9)
    legend = " ".join(
        f'<li><span class="key {speaker_class(i)}"></span>{text(facts.called(s))}</li>'
        for i, s in enumerate(document.speakers)
    )
    yield (
        '<section aria-labelledby="h-timeline">\n<h2 id="h-timeline">Timeline</h2>\n'
        f'<ul class="legend">{legend}</ul>\n<ol class="timeline">'
    )
    for turn, time in timed:
        position = positions[turn.speaker]
        left = (time.start - origin) / total * 100
        width = facts.span(time) / total * 100
        label = facts.called(document.speakers[position])
        what = text(f"Turn {turn.index + 1}, {label}, {facts.clock(time.start)}")
        yield (
            f'\n<li><a class="block {speaker_class(position)}" href="#turn-{turn.index}"'
            f' style="left:{left:.3f}%;width:{width:.3f}%" title="{what}">'
            f'<span class="vh">{what}</span></a></li>'
        )
    yield (
        f'\n</ol>\n<p class="muted ends"><span>{facts.clock(origin)}</span>'
        f"<span>{facts.clock(ends.end)}</span></p>\n</section>"
    )


def _index(document: Gathered, positions: dict[str, int]) -> Iterator[str]:
    """The index of pairs and of the turns in no pair, an item at a time (the turns read
    forward as the pairs ask for them)."""
    head = document.head
    tag = facts.language(head)
    yield '<section aria-labelledby="h-index">\n<h2 id="h-index">Questions and answers</h2>\n'
    if document.pairs:
        entries = facts.iter_index(head, document.pairs, document.turns)
        yield from _list("ol", "qa", map(_pair_item, entries), tag)
    else:
        yield "<p>No pairs.</p>"
    if document.unpaired_turns:
        yield "\n<h3>Turns in no pair</h3>\n"
        found = Positions(document.turns)
        items = (_loose_item(head, i, found.at([i])[0], positions) for i in document.unpaired_turns)
        yield from _list("ul", "loose", items, tag)
    yield "\n</section>"


def _pair_item(entry: facts.IndexEntry) -> str:
    turns = "turn" if entry.answer_turns == 1 else "turns"
    return (
        f'<li id="pair-{entry.number}"><a href="#turn-{entry.first_turn}">'
        f"{text(entry.opening) or '(no words)'}</a>"
        f' <span class="kind">{entry.kind.value}</span>'
        f' <span class="muted">answer: {entry.answer_words} words in'
        f" {entry.answer_turns} {turns}</span></li>"
    )


def _loose_item(document: Transcript, i: int, turn: Turn, positions: dict[str, int]) -> str:
    label = facts.called(document.speakers[positions[turn.speaker]])
    return (
        f'<li><a href="#turn-{i}">Turn {i + 1}, {text(label)}:'
        f" {text(facts.opening(facts.spoken(turn)))}</a></li>"
    )


def _list(tag: str, cls: str, items: Iterable[str], language: str | None) -> Iterator[str]:
    yield f'<{tag} class="{cls}"{lang(language)}>'
    for item in items:
        yield "\n" + item
    yield f"\n</{tag}>"


class _Data:
    """What the script needs, as JSON: turn times and speaker labels (for its messages);
    the turns' times a turn at a time (numbers: nothing in them needs escaping), spooled as
    they go by (:meth:`watch`), since the section comes last."""

    def __init__(self, document: Transcript, *, follow: bool) -> None:
        frame = {"follow": follow, "speakers": [facts.called(s) for s in document.speakers]}
        self.head = script_json({**frame, "turns": []})
        self.spool = TextSpool()

    def watch(self, timed: Iterable[tuple[Turn, TurnTime]]) -> Iterator[tuple[Turn, TurnTime]]:
        separator = ""
        for turn, t in timed:
            pair = f"[{_number(round(t.start, 3))},{_number(round(t.end, 3))}]"
            self.spool.write(separator + pair)
            separator = ","
            yield turn, t

    def pieces(self) -> Iterator[str]:
        yield f'<script type="application/json" id="ip-data">{self.head[:-2]}'
        yield from self.spool.pieces()
        yield "]}</script>"


def _number(value: float) -> str:
    """A float as ``json.dumps`` writes it (``NaN``, ``Infinity`` included)."""
    return json.dumps(value)
