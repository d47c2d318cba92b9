"""The WebVTT exporter: the subtitle track as a ``.vtt`` file with voice spans.

Every cue carries its speaker as a ``<v Label>`` voice span (Apple Podcasts and browsers
read speakers from them) unless ``speaker_style`` is none; dash adds ``- `` lines for two
speakers in one cue. Text is escaped (``&``, ``<``, ``>``), so a cue never contains
``-->``. A track whose times were estimated says so in a ``NOTE`` block. Other options as
for SRT (``profile``, ``wpm``, ``pause``, ``start``, ``duration``).
"""

from __future__ import annotations

from collections.abc import Iterator

from ..subtitles import CueStream, Part, Track
from ..timing import Census
from . import ExportOptions, Source
from .srt import timestamp, track


def pieces(transcript: Source, options: ExportOptions) -> Iterator[str]:
    """The file in pieces: the header, then each cue's block as the track makes it."""
    voices = (options.speaker_style or "prefix") != "none"
    subtitles = track(transcript, options, "vtt")
    head = "WEBVTT\n"
    if subtitles.estimated and subtitles.census is not None:
        head += "\nNOTE\n" + _estimate_note(subtitles.census, options) + "\n"
    yield head
    for block in _cues(subtitles, voices):
        yield "\n" + block


def _estimate_note(found: Census, options: ExportOptions) -> str:
    missing = found.missing
    which = "" if missing == found.count else f" for {missing} of its turns"
    stretched = f", stretched to {options.duration:g} s" if options.duration and not which else ""
    return (
        f"Times are estimated: the transcript gives none{which}. They assume "
        f"{options.wpm:g} words a minute and a {options.pause:g} s pause at each change "
        f"of speaker{stretched}."
    )


def escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _cues(subtitles: Track | CueStream, voices: bool) -> Iterator[str]:
    for n, cue in enumerate(subtitles.cues, 1):
        text = "\n".join(_part(part, voices) for part in cue.parts)
        times = f"{timestamp(cue.start, '.')} --> {timestamp(cue.end, '.')}"
        yield f"{n}\n{times}\n{text}\n"


def _part(part: Part, voices: bool) -> str:
    text = "\n".join(escape(line) for line in part.lines)
    return f"<v {escape(part.label)}>{text}</v>" if voices else text
