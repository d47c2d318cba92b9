"""Subtitles: a transcript cut into timed cues that keep a broadcaster's limits.

Sits between the model (and ``interview_parser.timing``) and the SRT / WebVTT exporters,
which only print the :class:`Track` that :func:`build_track` returns. See docs/subtitles.md.
"""

from __future__ import annotations

from .profiles import PROFILES, Profile, get_profile
from .runs import Cue, Part
from .spoken import NOTE_MODES
from .track import STYLES, Track, build_track, shown_names

__all__ = [
    "NOTE_MODES",
    "PROFILES",
    "STYLES",
    "Cue",
    "Part",
    "Profile",
    "Track",
    "build_track",
    "get_profile",
    "shown_names",
]
