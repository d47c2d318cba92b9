"""The transcript section of the page: controls, the player, the preamble and every turn.

Each turn is an ``<article>`` with its speaker, time (``≈`` when estimated), source line,
its badge in the Q&A index and, when the page follows a recording, a play button. Stage
notes are wrapped apart. The search and speaker filter are hidden until the script shows
them, since they need it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from urllib.parse import quote

from ...model import Speaker, Transcript, Turn
from ...timing import TurnTime
from ..script import paragraphs
from . import facts, palette
from .markup import chip, lang, text


def section(
    transcript: Transcript,
    timed: Iterable[tuple[Turn, TurnTime]],
    positions: Mapping[str, int],
    marks: facts.PairMarks,
    *,
    audio: str | None,
    follow: bool,
) -> Iterator[str]:
    """The section in pieces: its head, then a turn's article at a time (``timed``: the
    turns with their times, read once; ``transcript`` gives the rest, its turns unread)."""
    parts = [
        '<section id="transcript" aria-labelledby="h-transcript">',
        '<h2 id="h-transcript">Transcript</h2>',
        _controls(transcript),
    ]
    if audio is not None:
        parts.append(_player(audio, follow=follow))
    language = facts.language(transcript)
    if transcript.preamble:
        lines = transcript.preamble_lines or []
        where = f" (lines {lines[0]}–{lines[-1]})" if lines else ""
        parts.append(
            f'<details class="preamble"><summary>Text before the interview{where}</summary>\n'
            + "\n".join(
                f"<p{lang(language)}>{text(p)}</p>" for p in paragraphs(transcript.preamble)
            )
            + "\n</details>"
        )
    parts.append(f'<div class="turns"{lang(language)}>')
    yield "\n".join(parts)
    for turn, time in timed:
        speaker = transcript.speakers[positions[turn.speaker]]
        head = _head(turn, time, speaker, positions[turn.speaker], marks.get(turn.index))
        if follow:
            head += (
                f' <button type="button" class="play" data-start="{time.start:.3f}">Play from'
                f" {facts.clock(time.start)}</button>"
            )
        yield "\n" + _article(turn, positions[turn.speaker], head)
    yield "\n</div>\n</section>"


def _controls(transcript: Transcript) -> str:
    boxes = "".join(
        f'<label><input type="checkbox" data-speaker-filter="{i}" checked>'
        f" {text(facts.called(s))}</label>"
        for i, s in enumerate(transcript.speakers)
    )
    return (
        '<div class="controls" id="ip-controls" role="search" hidden>\n'
        '<label for="ip-search">Search the transcript</label>'
        ' <input type="search" id="ip-search" autocomplete="off" spellcheck="false">\n'
        f"<fieldset><legend>Speakers shown</legend>{boxes}</fieldset>\n"
        '<p class="muted hint">Keys: <kbd>/</kbd> search, <kbd>j</kbd> / <kbd>k</kbd> next or'
        " previous turn, <kbd>Esc</kbd> clears the search.</p>\n"
        '<p id="ip-status" class="status" role="status" aria-live="polite"></p>\n</div>'
    )


def _player(address: str, *, follow: bool) -> str:
    # Percent-encoded, ":" included, so the address is always a relative path (never a
    # "javascript:" link); only an absolute file URI (html.audio_address) passes as it is.
    src = text(address if address.startswith("file:") else quote(address, safe="/"))
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


def _head(turn: Turn, time: TurnTime, speaker: Speaker, position: int, mark: str | None) -> str:
    estimated = "" if turn.start is not None else '<abbr title="estimated">≈</abbr> '
    at = f"turn-{turn.index}"
    head = [
        f'<h3 class="who" id="{at}-who">{chip(facts.called(speaker), position)}</h3>',
        f'<time id="{at}-at" datetime="{facts.iso_duration(time.start)}">{estimated}'
        f"{facts.clock(time.start)}</time>",
        f'<span class="muted src">line {turn.line}</span>',
    ]
    if turn.label.strip() and turn.label != speaker.label:
        head.append(f'<span class="muted">written as “{text(turn.label)}”</span>')
    if mark is not None:
        head.append(f'<a class="badge" href="#pair-{mark[1:]}">{mark}</a>')
    return " ".join(head)


def _article(turn: Turn, position: int, head: str) -> str:
    second = " second" if palette.swatch(position).hatched else ""
    return (
        f'<article class="turn sp-{position}{second}" id="turn-{turn.index}"'
        f' data-index="{turn.index}" data-speaker="{position}" tabindex="-1"'
        f' aria-labelledby="turn-{turn.index}-who turn-{turn.index}-at">\n'
        f'<header>{head}</header>\n<div class="words">{_words(turn)}</div>\n</article>'
    )


def _words(turn: Turn) -> str:
    """The turn's paragraphs, escaped, with its stage notes wrapped apart."""
    notes = sorted({" ".join(n.text.split()) for n in turn.notes}, key=len, reverse=True)
    if not notes:
        return "".join(f"<p>{text(p)}</p>" for p in paragraphs(turn.text))
    pattern = re.compile("(" + "|".join(re.escape(n) for n in notes) + ")")
    out = []
    for paragraph in paragraphs(turn.text):
        pieces = pattern.split(paragraph)  # odd positions are the notes
        out.append(
            "<p>"
            + "".join(
                f'<span class="note">{text(p)}</span>' if i % 2 else text(p)
                for i, p in enumerate(pieces)
            )
            + "</p>"
        )
    return "".join(out)
