"""Small pieces of markup shared by the sections of the transcript page.

Transcript text enters the page only through :func:`text`; class names and attributes are
built from numbers (a speaker's position, a turn's index), never from what was said.
"""

from __future__ import annotations

import json
from html import escape

from . import palette


def text(value: str) -> str:
    """Transcript text as HTML character data or as a quoted attribute value."""
    return escape(value, quote=True)


def lang(tag: str | None) -> str:
    """A ``lang`` attribute for transcript text in a language the page names, or nothing
    (the page's own words are English: ``<html lang="en">``)."""
    return f' lang="{text(tag)}"' if tag else ""


def speaker_class(position: int) -> str:
    """The classes that colour an element as the speaker at ``position``."""
    return f"sp-{position}" + (" hatch" if palette.swatch(position).hatched else "")


def chip(label: str, position: int) -> str:
    """The speaker's label on their colour."""
    return f'<span class="chip {speaker_class(position)}">{text(label)}</span>'


def script_json(data: object) -> str:
    """``data`` as JSON that cannot end or open anything inside a ``<script>`` element:
    ``<``, ``>`` and ``&`` (and the two JavaScript line separators) are ``\\u`` escapes."""
    encoded = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    for character in "&<>\u2028\u2029":
        encoded = encoded.replace(character, f"\\u{ord(character):04x}")
    return encoded
