"""Segmentation profiles: the limits a subtitle track is cut to, by name.

A plain dict registry (``PROFILES``), looked up with :func:`get_profile`; an unknown name
raises :class:`~interview_parser.errors.UsageError` listing the known ones. Some limits
depend on the output format (the Podcasting 2.0 guidance differs for SRT and WebVTT), so a
profile is resolved for one format at a time.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..errors import UsageError

# Two frames at 24 frames a second are 83.3 ms; 84 ms keeps two frames at 23.976 fps too,
# and whole milliseconds are what SRT and WebVTT can write.
TWO_FRAMES_MS = 84


@dataclass(frozen=True)
class Profile:
    """Limits for one output format. ``None`` means the profile sets no such limit."""

    name: str
    max_width: int  # display columns per line (a CJK character counts two)
    max_lines: int  # lines per cue
    min_ms: int | None  # shortest time a cue stays on screen
    max_ms: int | None  # longest time a cue stays on screen
    max_cps: float | None  # reading speed, characters a second
    max_wpm: float | None  # reading speed, words a minute
    min_gap_ms: int  # silence between two cues
    dash: str = "- "  # what marks a change of speaker inside a cue, as the guide writes it
    notes: str = "keep"  # stage notes by default: keep (as written), sdh or drop
    sdh: str = "[{UPPER}]"  # a stage note in SDH form ({lower} or {UPPER}: the note's words)


@dataclass(frozen=True)
class _Spec:
    summary: str
    srt: Profile
    vtt: Profile


def _same(profile: Profile) -> _Spec:
    return _Spec("", profile, profile)


# Netflix's English guides: two speakers in one subtitle take a hyphen without a space, one
# speaker a line; sound effects in SDH are in brackets, in lower case ("[laughs]").
_NETFLIX = Profile("netflix", 42, 2, 833, 7000, 20.0, None, TWO_FRAMES_MS, "-", "sdh", "[{lower}]")
# BBC asks for 160-180 words a minute; 180 is the ceiling we hold cues to. Its guide writes
# sound effects in capitals without brackets ("LAUGHTER"), and a dash and a space before
# each speaker's line where colour cannot tell them apart.
_BBC = Profile("bbc", 37, 2, 1000, 7000, None, 180.0, TWO_FRAMES_MS, "- ", "sdh", "{UPPER}")
# Podcasting 2.0: SRT cues of at most two 32-character lines; a WebVTT cue is one line of
# up to 65 characters (about the same amount of text). No timing limits.
_PODCAST_SRT = Profile("podcast", 32, 2, None, None, None, None, 0)
_PODCAST_VTT = Profile("podcast", 65, 1, None, None, None, None, 0)

PROFILES: dict[str, _Spec] = {
    "netflix": _Spec(
        "42 columns, 2 lines, 5/6 s to 7 s, at most 20 characters a second", _NETFLIX, _NETFLIX
    ),
    "bbc": _Spec("37 columns, 2 lines, 1 s to 7 s, at most 180 words a minute", _BBC, _BBC),
    "podcast": _Spec(
        "Podcasting 2.0: 32 columns x 2 lines (SRT), 65 columns x 1 line (WebVTT)",
        _PODCAST_SRT,
        _PODCAST_VTT,
    ),
}


def get_profile(name: str, fmt: str) -> Profile:
    """The limits of profile ``name`` for format ``fmt`` (``"srt"`` or ``"vtt"``)."""
    try:
        spec = PROFILES[name]
    except KeyError:
        known = ", ".join(sorted(PROFILES))
        raise UsageError(f"unknown subtitle profile {name!r} (known: {known})") from None
    return spec.vtt if fmt == "vtt" else spec.srt
