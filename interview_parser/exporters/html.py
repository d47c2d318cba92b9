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
only numbers and positions, never transcript text, except ``title`` tooltips, escaped too;
the script reads its data from a ``<script type="application/json">`` block in which ``<``,
``>`` and ``&`` are JSON-escaped (:func:`script_json`), and never builds markup from text.

Options used: the timing options (``wpm``, ``pause``, ``start``, ``duration``) and ``audio``
(the recording's address relative to the page; the CLI's ``--audio FILE``).
"""

from __future__ import annotations

import json
import os
import re
from html import escape
from pathlib import Path
from urllib.parse import quote

from ..model import Transcript, Turn
from ..timing import Timeline, TurnTime, timeline
from . import ExportOptions
from .page import asset, facts, palette
from .script import UNTITLED, paragraphs

_ROLES = {"interviewer": "interviewer", "interviewee": "interviewee", "other": "other"}
_HOW = {
    "written": "from the times written in the transcript",
    "mixed": "partly written in the transcript, partly estimated from word counts",
    "given": "the length given, spread over the turns by word count",
    "estimated": "estimated from word counts",
}


def render(transcript: Transcript, options: ExportOptions) -> str:
    times = timeline(
        transcript,
        wpm=options.wpm,
        pause=options.pause,
        start=options.start,
        duration=options.duration,
    )
    shares = facts.shares(transcript, times)
    follow = options.audio is not None and not times.estimated and bool(times.turns)
    title = transcript.title or UNTITLED
    body = [
        '<a class="skip" href="#transcript">Skip to the transcript</a>',
        _masthead(transcript, times, options),
        "<main>",
        _speakers(shares),
        _timeline(transcript, times, shares),
        _index(transcript),
        _transcript(transcript, times, options, follow=follow),
        "</main>",
        _data(transcript, times, follow=follow),
        f"<script>\n{asset('page.js')}</script>",
    ]
    return "\n".join(
        [
            "<!DOCTYPE html>",
            '<html lang="en">',
            "<head>",
            '<meta charset="utf-8">',
            '<meta name="viewport" content="width=device-width, initial-scale=1">',
            '<meta name="generator" content="interview-parser">',
            f"<title>{_text(title)}</title>",
            f"<style>\n{_styles(len(shares))}\n{asset('page.css')}</style>",
            "</head>",
            "<body>",
            *body,
            "</body>",
            "</html>",
            "",
        ]
    )


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


def _text(text: str) -> str:
    """Transcript text as HTML character data or a quoted attribute value."""
    return escape(text, quote=True)


def script_json(data: object) -> str:
    """``data`` as JSON that cannot end or open anything inside a ``<script>`` element."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return (
        text.replace("&", "\\u0026")
        .replace("<", "\\u003c")
        .replace(">", "\\u003e")
        .replace("\u2028", "\\u2028")
        .replace("\u2029", "\\u2029")
    )


def _styles(speakers: int) -> str:
    """The theme's variables and one class per speaker colour (numbers only, never text)."""
    rules = [palette.css_variables()]
    for i in range(speakers):
        swatch = palette.swatch(i)
        rules.append(f".sp-{i}{{--c:{swatch.colour};--on:{swatch.on};}}")
    return "\n".join(rules)


def _masthead(transcript: Transcript, times: Timeline, options: ExportOptions) -> str:
    source = transcript.source
    length = facts.duration(transcript, times, given=options.duration)
    how = _HOW[length.how]
    if length.how in ("estimated", "mixed"):
        how += f" at {options.wpm:g} words a minute"
    date = facts.date(transcript)
    rows = [
        ("Source", _text(source.path or "standard input")
         + f' <span class="muted">({source.line_count} lines, read as'
         f" {_text(source.dialect)})</span>"),
        ("Date", _text(date) + ' <span class="muted">(from the front matter)</span>'
         if date else '<span class="muted">not given</span>'),
        ("Duration", f'<time datetime="{facts.iso_duration(length.seconds)}">'
         f"{'' if length.how == 'written' else '≈ '}{facts.clock(length.seconds)}</time>"
         f' <span class="muted">({how})</span>'),
        ("Turns", f"{len(transcript.turns)} turns, {len(transcript.pairs)} question-answer"
         " pairs"),
    ]
    items = "\n".join(f"<dt>{name}</dt><dd>{value}</dd>" for name, value in rows)
    title = _text(transcript.title or UNTITLED)
    return f'<header class="masthead">\n<h1>{title}</h1>\n<dl class="facts">\n{items}\n</dl>\n</header>'


def _speakers(shares: list[facts.Share]) -> str:
    rows = []
    for share in shares:
        speaker = share.speaker
        name = f'<span class="chip sp-{share.position}{_hatch(share.swatch)}">{_text(speaker.label)}</span>'
        if speaker.name and speaker.name != speaker.label:
            name += f' <span class="muted">{_text(speaker.name)}</span>'
        rows.append(
            f'<tr class="sp-{share.position}"><th scope="row">{name}</th>'
            f"<td>{_ROLES[speaker.role.value]}</td><td>{share.turns}</td>"
            f"<td>{_bar(share, share.word_share, f'{share.words} words')}</td>"
            f"<td>{_bar(share, share.time_share, facts.clock(share.seconds))}</td></tr>"
        )
    return (
        '<section aria-labelledby="h-speakers">\n<h2 id="h-speakers">Speakers</h2>\n'
        '<table class="speakers">\n<thead><tr><th scope="col">Speaker</th><th scope="col">Role'
        '</th><th scope="col">Turns</th><th scope="col">Share of words</th>'
        '<th scope="col">Share of time</th></tr></thead>\n<tbody>\n'
        + "\n".join(rows)
        + "\n</tbody>\n</table>\n</section>"
    )


def _hatch(swatch: palette.Swatch) -> str:
    return " hatch" if swatch.hatched else ""


def _bar(share: facts.Share, part: float, amount: str) -> str:
    percent = f"{part * 100:.1f}"
    return (
        f'<span class="bar" aria-hidden="true"><span class="fill{_hatch(share.swatch)}"'
        f' style="width:{percent}%"></span></span> {percent} % <span class="muted">'
        f"({amount})</span>"
    )


def _timeline(transcript: Transcript, times: Timeline, shares: list[facts.Share]) -> str:
    if not times.turns:
        return ""
    origin = times.turns[0].start
    total = max(times.end - origin, 1e-9)
    blocks = []
    for turn, time in zip(transcript.turns, times.turns, strict=True):
        share = shares[_position(transcript, turn)]
        left = (time.start - origin) / total * 100
        width = facts.span(time) / total * 100
        what = f"Turn {turn.index + 1}, {share.speaker.label}, {facts.clock(time.start)}"
        blocks.append(
            f'<li><a class="block sp-{share.position}{_hatch(share.swatch)}"'
            f' href="#turn-{turn.index}" style="left:{left:.3f}%;width:{width:.3f}%"'
            f' title="{_text(what)}"><span class="vh">{_text(what)}</span></a></li>'
        )
    legend = " ".join(
        f'<li><span class="key sp-{s.position}{_hatch(s.swatch)}"></span>'
        f"{_text(s.speaker.label)}</li>"
        for s in shares
    )
    return (
        '<section aria-labelledby="h-timeline">\n<h2 id="h-timeline">Timeline</h2>\n'
        f'<ul class="legend">{legend}</ul>\n<ol class="timeline">\n'
        + "\n".join(blocks)
        + f'\n</ol>\n<p class="muted ends"><span>{facts.clock(origin)}</span>'
        f"<span>{facts.clock(times.end)}</span></p>\n</section>"
    )


def _position(transcript: Transcript, turn: Turn) -> int:
    for i, speaker in enumerate(transcript.speakers):
        if speaker.id == turn.speaker:
            return i
    raise KeyError(turn.speaker)


def _index(transcript: Transcript) -> str:
    pairs = []
    for entry in facts.index(transcript):
        turns = "turn" if entry.answer_turns == 1 else "turns"
        pairs.append(
            f'<li id="pair-{entry.number}"><a href="#turn-{entry.first_turn}">'
            f"{_text(entry.opening) or '(no words)'}</a>"
            f' <span class="kind kind-{entry.kind.value}">{entry.kind.value}</span>'
            f' <span class="muted">answer: {entry.answer_words} words in'
            f" {entry.answer_turns} {turns}</span></li>"
        )
    loose = []
    for i in transcript.unpaired_turns:
        turn = transcript.turns[i]
        label = transcript.speaker(turn.speaker).label
        loose.append(
            f'<li><a href="#turn-{i}">Turn {i + 1}, {_text(label)}:'
            f" {_text(facts.opening(facts.spoken(turn)))}</a></li>"
        )
    parts = ['<section aria-labelledby="h-index">', '<h2 id="h-index">Questions and answers</h2>']
    parts.append(f'<ol class="qa">\n{chr(10).join(pairs)}\n</ol>' if pairs else "<p>No pairs.</p>")
    if loose:
        parts += ['<h3>Turns in no pair</h3>', f'<ul class="loose">\n{chr(10).join(loose)}\n</ul>']
    parts.append("</section>")
    return "\n".join(parts)


def _transcript(
    transcript: Transcript, times: Timeline, options: ExportOptions, *, follow: bool
) -> str:
    parts = ['<section id="transcript" aria-labelledby="h-transcript">',
             '<h2 id="h-transcript">Transcript</h2>', _controls(transcript)]
    if options.audio is not None:
        parts.append(_player(options.audio, follow=follow))
    if transcript.preamble:
        lines = transcript.preamble_lines or []
        where = f" (lines {lines[0]}–{lines[-1]})" if lines else ""
        parts.append(
            f'<details class="preamble"><summary>Text before the interview{where}</summary>\n'
            + "\n".join(f"<p>{_text(p)}</p>" for p in paragraphs(transcript.preamble))
            + "\n</details>"
        )
    marks = facts.pair_marks(transcript)
    parts.append('<div class="turns">')
    for turn, time in zip(transcript.turns, times.turns, strict=True):
        parts.append(_turn(transcript, turn, time, marks.get(turn.index), follow=follow))
    parts += ["</div>", "</section>"]
    return "\n".join(parts)


def _controls(transcript: Transcript) -> str:
    """Search and speaker filter: hidden until the script shows them (they need it)."""
    boxes = "".join(
        f'<label class="sp-{i}"><input type="checkbox" data-speaker-filter="{i}" checked>'
        f' {_text(s.label)}</label>'
        for i, s in enumerate(transcript.speakers)
    )
    return (
        '<div class="controls" id="ip-controls" role="search" hidden>\n'
        '<label for="ip-search">Search the transcript</label>'
        ' <input type="search" id="ip-search" autocomplete="off" spellcheck="false">\n'
        f'<fieldset><legend>Speakers shown</legend>{boxes}</fieldset>\n'
        '<p class="muted hint">Keys: <kbd>/</kbd> search, <kbd>j</kbd> / <kbd>k</kbd> next or'
        " previous turn, <kbd>Esc</kbd> clears the search.</p>\n"
        '<p id="ip-status" class="status" role="status" aria-live="polite"></p>\n</div>'
    )


def _player(address: str, *, follow: bool) -> str:
    # Percent-encoded, ":" included, so the address is always a relative path (never a
    # "javascript:" link); only the absolute file URI of audio_address passes as it is.
    src = _text(address if address.startswith("file:") else quote(address, safe="/"))
    note = (
        "Select a turn, or its play button, to hear it; the turn being spoken is highlighted."
        if follow
        else "The turns' times are estimated, so the transcript does not follow the recording."
    )
    return (
        f'<figure class="player"><audio id="ip-audio" controls preload="metadata" src="{src}">'
        f'<a href="{src}">The recording</a></audio>'
        f'<figcaption class="muted">{note}</figcaption></figure>'
    )


def _turn(transcript: Transcript, turn: Turn, time: TurnTime, mark: str | None, *,
          follow: bool) -> str:
    at = _position(transcript, turn)
    speaker = transcript.speaker(turn.speaker)
    swatch = palette.swatch(at)
    estimated = "" if turn.start is not None else "≈ "
    head = [
        f'<h3 class="who" id="turn-{turn.index}-who"><span class="chip sp-{at}{_hatch(swatch)}">'
        f"{_text(speaker.label)}</span></h3>",
        f'<time datetime="{facts.iso_duration(time.start)}">{estimated}'
        f"{facts.clock(time.start)}</time>",
        f'<span class="muted src">line {turn.line}</span>',
    ]
    if turn.label != speaker.label:
        head.append(f'<span class="muted">written as “{_text(turn.label)}”</span>')
    if mark is not None:
        head.append(f'<a class="badge" href="#pair-{mark[1:]}">{mark}</a>')
    if follow:
        head.append(
            f'<button type="button" class="play" data-start="{time.start:.3f}">Play from'
            f" {facts.clock(time.start)}</button>"
        )
    return (
        f'<article class="turn sp-{at}{" second" if swatch.hatched else ""}" id="turn-{turn.index}" data-index="{turn.index}"'
        f' data-speaker="{at}" tabindex="-1" aria-labelledby="turn-{turn.index}-who">\n'
        f'<header>{" ".join(head)}</header>\n<div class="words">{_words(turn)}</div>\n</article>'
    )


def _words(turn: Turn) -> str:
    """The turn's paragraphs, escaped, with its stage notes wrapped apart."""
    notes = [" ".join(n.text.split()) for n in turn.notes]
    pattern = (
        re.compile("(" + "|".join(re.escape(n) for n in sorted(set(notes), key=len, reverse=True)) + ")")
        if notes
        else None
    )
    out = []
    for paragraph in paragraphs(turn.text):
        if pattern is None:
            out.append(f"<p>{_text(paragraph)}</p>")
            continue
        pieces = pattern.split(paragraph)
        out.append(
            "<p>"
            + "".join(
                f'<span class="note">{_text(p)}</span>' if i % 2 else _text(p)
                for i, p in enumerate(pieces)
            )
            + "</p>"
        )
    return "".join(out)


def _data(transcript: Transcript, times: Timeline, *, follow: bool) -> str:
    """What the script needs, as JSON: turn times and speaker labels (for its messages)."""
    data = {
        "follow": follow,
        "speakers": [s.label for s in transcript.speakers],
        "turns": [[round(t.start, 3), round(t.end, 3)] for t in times.turns],
    }
    return f'<script type="application/json" id="ip-data">{script_json(data)}</script>'
