"""Subtitles: a transcript cut into timed cues that keep a broadcaster's limits.

Sits between the model (and ``interview_parser.timing``) and the SRT / WebVTT exporters,
which only print the cues of :func:`stream_track` (made as they are read; :func:`build_track`
gathers them in a :class:`Track`). See docs/subtitles.md.
"""

from __future__ import annotations

from .profiles import PROFILES, Profile, get_profile
from .runs import Cue, Part
from .spoken import NOTE_MODES
from .track import STYLES, CueStream, Track, build_track, shown_names, stream_track

__all__ = [
    "NOTE_MODES",
    "PROFILES",
    "STYLES",
    "Cue",
    "CueStream",
    "Part",
    "Profile",
    "Track",
    "build_track",
    "get_profile",
    "shown_names",
    "stream_track",
]
