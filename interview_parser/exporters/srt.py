"""The SRT exporter: the subtitle track (``interview_parser.subtitles``) as SubRip text.

Options used: ``profile`` (netflix, bbc, podcast), ``speaker_style`` (prefix, the default,
puts ``Name:`` before the first cue of each turn; dash shows two speakers in one cue as
``- `` lines; none shows no speakers) and the timing options ``wpm``, ``pause``, ``start``,
``duration``. SRT has no comment syntax, so an estimated track cannot say so in the file.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..errors import UsageError
from ..spool import gather
from ..subtitles import NOTE_MODES, STYLES, CueStream, Track, get_profile, stream_track
from . import ExportOptions, Source


def pieces(transcript: Source, options: ExportOptions) -> Iterator[str]:
    """The file in pieces, a cue's block at a time as the track makes it: never the whole
    document at once (as one string, then as bytes, it was twice the track)."""
    return _blocks(track(transcript, options, "srt"))


def track(transcript: Source, options: ExportOptions, fmt: str) -> CueStream:
    """The cues for ``fmt`` (srt or vtt) under ``options``, made as they are read (a stream
    is gathered first: its turns are read back from a spool); shared with the WebVTT
    exporter."""
    style = options.speaker_style or "prefix"
    if style not in STYLES:
        raise UsageError(f"unknown speaker style {style!r} (known: {', '.join(STYLES)})")
    if options.notes is not None and options.notes not in NOTE_MODES:
        known = ", ".join(NOTE_MODES)
        raise UsageError(f"unknown stage-note mode {options.notes!r} (known: {known})")
    return stream_track(
        gather(transcript),
        profile=get_profile(options.profile, fmt),
        style=style,
        prefix_in_text=fmt == "srt",
        wpm=options.wpm,
        pause=options.pause,
        start=options.start,
        duration=options.duration,
        notes=options.notes,
    )


def timestamp(ms: int, separator: str = ",") -> str:
    """``HH:MM:SS,mmm`` (SRT) or, with ``separator="."``, ``HH:MM:SS.mmm`` (WebVTT)."""
    seconds, millis = divmod(ms, 1000)
    minutes, seconds = divmod(seconds, 60)
    hours, minutes = divmod(minutes, 60)
    return f"{hours:02d}:{minutes:02d}:{seconds:02d}{separator}{millis:03d}"


def _blocks(subtitles: Track | CueStream) -> Iterator[str]:
    """Each cue as its SRT block, a blank line between two."""
    for n, cue in enumerate(subtitles.cues, 1):
        yield (
            ("\n" if n > 1 else "")
            + f"{n}\n{timestamp(cue.start)} --> {timestamp(cue.end)}\n"
            + "\n".join(cue.lines)
            + "\n"
        )
