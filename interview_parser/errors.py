"""Errors that carry data: every layer raises these, the CLI prints them on one line.

Each error stores where the problem is (path, line, column) and builds its message from
those fields, so the library caller gets structured data and the CLI user gets
``path:line:col: message``.
"""

from __future__ import annotations

import re

# C0 and C1 controls (tab and newline included: a message is one line) and the bidirectional
# overrides and isolates, which reorder what follows them on the line.
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def printable(text: str) -> str:
    """``text`` with every control character escaped (``\\x1b``, ``\\u202e``), for a terminal.

    Messages and reports quote the transcript; an escape sequence in it must not reach the
    terminal (``\\e]0;...\\a`` retitles it, a carriage return hides the start of a line).
    """
    return _CONTROL.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), text)


class InterviewParserError(Exception):
    """Base class of every error the library raises on purpose.

    ``exit_code`` follows the CLI convention: 1 for a problem with the content of an input,
    2 for a usage problem (unknown format, unreadable file).
    """

    exit_code = 1

    def __init__(
        self,
        message: str,
        *,
        path: str | None = None,
        line: int | None = None,
        column: int | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.path = path
        self.line = line
        self.column = column

    def with_path(self, path: str) -> InterviewParserError:
        """Return the same error naming ``path`` (errors raised on text learn their file late)."""
        self.path = path
        return self

    def location(self) -> str:
        parts = [self.path or "<text>"]
        if self.line is not None:
            parts.append(str(self.line))
            parts.append(str(self.column if self.column is not None else 1))
        return ":".join(parts)

    def __str__(self) -> str:
        return f"{self.location()}: {self.message}"


class InputError(InterviewParserError):
    """The input is not usable text: binary, undecodable or empty."""


class NoTurnsError(InterviewParserError):
    """The text decodes but no speaker turns were found in it."""


class TranscriptSyntaxError(InterviewParserError):
    """A grammar rejected the text (a family grammar that is not total, or a forced dialect)."""


class UsageError(InterviewParserError):
    """The caller asked for something that does not exist (unknown format or dialect)."""

    exit_code = 2


class FileError(UsageError):
    """A file cannot be read, or cannot be written safely: missing, a folder, no permission,
    read-only, the input itself, or changed while it was being rewritten."""


class TranscriptJSONError(InterviewParserError):
    """Text given to :meth:`Transcript.from_json` is not JSON, or not a transcript's JSON."""
