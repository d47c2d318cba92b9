"""The WebVTT exporter: the subtitle track as a ``.vtt`` file with voice spans.

Every cue carries its speaker as a ``<v Label>`` voice span (Apple Podcasts and browsers
read speakers from them) unless ``speaker_style`` is none; dash adds ``- `` lines for two
speakers in one cue. Text is escaped (``&``, ``<``, ``>``), so a cue never contains
``-->``. A track whose times were estimated says so in a ``NOTE`` block. Other options as
for SRT (``profile``, ``wpm``, ``pause``, ``start``, ``duration``).
"""

from __future__ import annotations

from ..model import Transcript
from ..subtitles import Part, Track
from . import ExportOptions
from .srt import timestamp, track


def render(transcript: Transcript, options: ExportOptions) -> str:
    voices = (options.speaker_style or "prefix") != "none"
    subtitles = track(transcript, options, "vtt")
    head = "WEBVTT\n"
    if subtitles.estimated:
        head += (
            "\nNOTE\nTimes are estimated from a speaking rate of "
            f"{options.wpm:g} words a minute, with a pause of {options.pause:g} s "
            "at each change of speaker; the transcript gives no times for some turns.\n"
        )
    return "\n".join([head, *_cues(subtitles, voices)])


def escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _cues(subtitles: Track, voices: bool) -> list[str]:
    blocks = []
    for n, cue in enumerate(subtitles.cues, 1):
        text = "\n".join(_part(part, voices) for part in cue.parts)
        times = f"{timestamp(cue.start, '.')} --> {timestamp(cue.end, '.')}"
        blocks.append(f"{n}\n{times}\n{text}\n")
    return blocks


def _part(part: Part, voices: bool) -> str:
    text = "\n".join(escape(line) for line in part.lines)
    return f"<v {escape(part.label)}>{text}</v>" if voices else text
