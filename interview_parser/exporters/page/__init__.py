"""The pieces of the ``html`` exporter's page: its colours, its figures and its static assets.

:mod:`.palette` holds every colour the page uses (and the WCAG contrast arithmetic that
tests them), :mod:`.facts` the figures the header shows (share of talk, duration, the Q&A
index), :mod:`.markup` the escaping and the small shared pieces, :mod:`.transcript` the
transcript section, and ``page.css`` / ``page.js`` the stylesheet and script inlined into
every page, so the document needs no network and works opened from disk or from an e-mail.
"""

from __future__ import annotations

from functools import cache
from importlib.resources import files


@cache
def asset(name: str) -> str:
    """The text of ``page.css`` or ``page.js``, read once per process."""
    return files(__name__).joinpath(name).read_text(encoding="utf-8")
