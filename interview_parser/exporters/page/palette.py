"""Every colour of the transcript page, and the arithmetic that proves it readable.

Speakers take the Okabe-Ito palette (Okabe and Ito, "Color Universal Design", 2008), chosen
because its colours stay apart for readers with protanopia, deuteranopia or tritanopia; a
speaker beyond the seventh reuses a colour with a hatched pattern, so colour is never the
only cue (the speaker's name is written on every turn too). Text on a speaker colour is
black or white, whichever contrasts more. The page's own colours are named in
:data:`THEME`; the stylesheet refers to them only as CSS variables, so the contrast tests of
:data:`TEXT_PAIRS` and :data:`EDGE_PAIRS` cover every colour the page can show.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

# Okabe-Ito without its black, ordered so that the first two (the usual interviewer and
# interviewee) are the pair that differs most for every kind of colour blindness.
OKABE_ITO = (
    "#0072B2",  # blue
    "#E69F00",  # orange
    "#009E73",  # bluish green
    "#D55E00",  # vermillion
    "#CC79A7",  # reddish purple
    "#56B4E9",  # sky blue
    "#F0E442",  # yellow
)

BLACK = "#000000"
WHITE = "#FFFFFF"

THEME: dict[str, str] = {
    "paper": "#FFFFFF",  # page background
    "ink": "#1F1F1F",  # body text
    "muted": "#575757",  # times, line numbers, stage notes
    "link": "#0B5CAD",  # links and the focus ring
    "panel": "#F2F2F2",  # header, controls and index backgrounds
    "mark": "#F0E442",  # search matches (Okabe-Ito yellow behind ink)
    "playing": "#DCEBFA",  # the turn the recording is at
    "edge": "#3D3D3D",  # outlines of timeline blocks and bars, rules between sections
}

# Text (foreground, background) pairs the page uses: WCAG AA asks 4.5:1 for body text.
TEXT_PAIRS = (
    ("ink", "paper"),
    ("muted", "paper"),
    ("link", "paper"),
    ("ink", "panel"),
    ("muted", "panel"),
    ("link", "panel"),
    ("ink", "mark"),
    ("ink", "playing"),
    ("muted", "playing"),
    ("link", "playing"),
)
# Outlines of controls and graphics against what surrounds them: WCAG AA asks 3:1 (1.4.11).
EDGE_PAIRS = (("edge", "paper"), ("edge", "panel"), ("link", "paper"), ("edge", "playing"))

AA_TEXT = 4.5
AA_NON_TEXT = 3.0


@dataclass(frozen=True)
class Swatch:
    colour: str  # the speaker's colour, "#RRGGBB"
    on: str  # text colour on it: black or white
    hatched: bool  # a second round of the palette: striped, so it differs from the first


@cache  # one per speaker position, asked for on every turn
def swatch(position: int) -> Swatch:
    """The colour of the speaker at ``position`` (0-based) in the transcript's speaker list."""
    colour = OKABE_ITO[position % len(OKABE_ITO)]
    return Swatch(colour, ink_on(colour), position >= len(OKABE_ITO))


def ink_on(colour: str) -> str:
    """Black or white, whichever reads better on ``colour``."""
    return max((BLACK, WHITE), key=lambda ink: contrast(ink, colour))


def contrast(first: str, second: str) -> float:
    """WCAG 2 contrast ratio of two "#RRGGBB" colours, from 1 to 21."""
    light, dark = sorted((luminance(first), luminance(second)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def luminance(colour: str) -> float:
    """WCAG 2 relative luminance of "#RRGGBB"."""
    red, green, blue = (_linear(int(colour[i : i + 2], 16) / 255) for i in (1, 3, 5))
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def _linear(channel: float) -> float:
    """sRGB channel (0-1) to linear light, as WCAG 2 defines it."""
    return channel / 12.92 if channel <= 0.04045 else ((channel + 0.055) / 1.055) ** 2.4


def css_variables() -> str:
    """The theme as CSS custom properties on ``:root``."""
    return ":root{" + "".join(f"--{name}:{value};" for name, value in THEME.items()) + "}"
