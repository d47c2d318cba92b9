"""``interview-parser fmt``: rewrite a transcript into canonical form, losing no word.

Sits after the model, beside the exporters: the file is parsed once, and the parse says
where each turn's label is. The canonical form:

- each label in its canonical spelling (declared, else the transcript's most used one;
  only spellings of the same name, never a short form: see ``checks/labels.py``), at the
  start of its line, with one space after its colon;
- no blanks at the ends of lines, none at the start of a turn's continuation lines;
- one blank line (never more) between paragraphs and between the sections above the first
  turn, none at the start or end of the file; turns all on consecutive lines or all
  separated by one blank line, whichever most of them already are;
- UTF-8 without BOM, ``\\n`` line ends, a final newline.

Front matter and the lead above the first turn only lose trailing blanks and extra blank
lines. Layouts other than ``Label: text`` (Markdown, timestamped, captions, ...) only get
the line-level clean-up: trailing blanks, runs of blank lines, line ends, final newline.
A file that does not parse is never touched. A file is rewritten in place as
:func:`files.rewrite` does it: through a symbolic link, keeping mode and owner, refusing a
read-only file, one with other hard links, or one saved again while it was being formatted.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

from .api import parse_source, project_settings
from .checks.labels import canonical_names, label_span, respelled
from .checks.layout import blank_between_turns, is_directive
from .config import Config
from .dialects import get_dialect
from .errors import InterviewParserError, NoTurnsError
from .files import rewrite
from .model import CastMember, Transcript, Turn
from .resolve.text import BLANKS
from .source import SourceText, read_bytes, read_text

Write = Callable[[str], None]


def _label_line(line: str, turn: Turn, canonical: dict[str, str]) -> str:
    span = label_span(line, turn)
    if span is None:
        return line.rstrip(BLANKS)
    label = respelled(turn.label, canonical) or turn.label
    rest = line[span.colon + 1 :].strip(BLANKS)
    return f"{label}: {rest}" if rest else f"{label}:"


def _canonical_lines(lines: list[str], transcript: Transcript) -> list[str]:
    """Each line rewritten in place (blank lines are all still there)."""
    canonical = canonical_names(transcript)
    starts = {turn.line: turn for turn in transcript.turns}
    first_turn = transcript.turns[0].line if transcript.turns else len(lines) + 1
    result = []
    for number, line in enumerate(lines, start=1):
        if number in starts:
            result.append(_label_line(line, starts[number], canonical))
        elif number >= first_turn:
            result.append(line.strip(BLANKS))
        else:
            result.append(line.rstrip(BLANKS))
    return result


def _blank_lines(lines: list[str], transcript: Transcript) -> list[str]:
    """Blank lines: none at the ends, one at most in a row, before turns as the file mostly has.

    A suppression comment right above a label stays right above it: the blank line between
    turns goes above the comment.
    """
    starts = {turn.line for turn in transcript.turns}
    separate = blank_between_turns(transcript, lines)
    kept: list[str] = []
    turn_rows: list[int] = []
    for number, line in enumerate(lines, start=1):
        if line or (kept and kept[-1]):
            kept.append(line)
        if number in starts:
            turn_rows.append(len(kept) - 1)
    for index, row in reversed(list(enumerate(turn_rows))):
        top = row
        while top > 0 and not kept[top - 1]:
            top -= 1
        if top > 0 and is_directive(kept[top - 1]):  # nothing between a label and its comments
            del kept[top:row]
            row = top
        if index == 0:
            continue  # the lead keeps its own separator from the first turn
        gap = row
        while gap > 0 and is_directive(kept[gap - 1]):
            gap -= 1
        if separate and gap > 0 and kept[gap - 1]:
            kept.insert(gap, "")
        elif not separate and gap > 0 and not kept[gap - 1]:
            del kept[gap - 1]
    while kept and not kept[-1]:
        kept.pop()
    return kept


def format_source(source: SourceText, transcript: Transcript) -> str:
    """The canonical text of ``source``, whose parse is ``transcript``."""
    lines = source.text.removesuffix("\n").split("\n") if source.text else []
    if transcript.source.dialect == "labelled":
        lines = _blank_lines(_canonical_lines(lines, transcript), transcript)
    else:
        lines = [line.rstrip(BLANKS) for line in lines]
        lines = [ln for i, ln in enumerate(lines) if ln or (i and lines[i - 1])]
        while lines and not lines[0]:
            lines.pop(0)
        while lines and not lines[-1]:
            lines.pop()
    return "\n".join(lines) + "\n" if lines else ""


def format_text(
    text: str,
    *,
    cast: Iterable[CastMember] = (),
    path: str | None = None,
    dialect: str | None = None,
) -> str:
    """The canonical form of transcript ``text``; raises the parse error if it has none."""
    source = read_text(text)
    return format_source(source, parse_source(source, path=path, cast=cast, dialect=dialect))


def format_bytes(
    data: bytes,
    *,
    cast: Iterable[CastMember] = (),
    path: str | None = None,
    dialect: str | None = None,
) -> str:
    """The canonical form of file contents (decoded as :func:`read_bytes` does); an error
    names ``path``."""
    try:
        source = read_bytes(data)
    except InterviewParserError as exc:
        raise (exc.with_path(path) if path else exc) from None
    return format_source(source, parse_source(source, path=path, cast=cast, dialect=dialect))


def _diff(before: bytes, after: str, path: str) -> str:
    try:
        old = read_bytes(before).text
    except InterviewParserError:
        old = before.decode("utf-8", errors="replace")
    lines = list(
        difflib.unified_diff(
            old.splitlines(keepends=True), after.splitlines(keepends=True), path, path
        )
    )
    if not lines:  # only the encoding, a BOM or the line ends change
        return f"--- {path}\n+++ {path}\n# line ends, encoding or BOM change\n"
    return "".join(line if line.endswith("\n") else line + "\n" for line in lines)


def _fmt_one(
    name: str, data: bytes, formatted: str, *, out: Write, err: Write, check: bool, diff: bool
) -> tuple[int, bool]:
    """Report or write one formatted file; the exit code it earns and whether it changed."""
    shown = "<stdin>" if name == "-" else name
    if name == "-" and not (check or diff):
        out(formatted)
        return 0, False
    if formatted.encode("utf-8") == data:
        return 0, False
    if diff:
        out(_diff(data, formatted, shown))
    if check or diff:
        err(f"would reformat {shown}\n")
        return (1 if check else 0), True
    try:
        rewrite(name, formatted.encode("utf-8"), expected=data)
    except InterviewParserError as exc:
        err(f"{exc.location()}: error: {exc.message}\n")
        return exc.exit_code, False
    err(f"reformatted {shown}\n")
    return 0, True


def run_fmt(
    paths: Sequence[str],
    *,
    out: Write,
    err: Write,
    read_stdin: Callable[[], bytes],
    check: bool = False,
    diff: bool = False,
    dialect: str | None = None,
) -> int:
    """Format every file in ``paths`` (``-``: stdin to stdout); return the exit code.

    0 when nothing needed a change (or files were rewritten), 1 with ``--check`` when a
    file would change or when a file does not parse (it is left untouched), 2 on a usage
    error or when a file cannot be read or written.
    """
    from .checks.command import read_path

    try:
        if dialect is not None:
            get_dialect(dialect)
    except InterviewParserError as exc:
        err(f"interview-parser: error: {exc.message}\n")
        return 2
    cache: dict[Path, Config] = {}
    code = changed = not_transcripts = 0
    for name in paths:
        try:
            project_dialect, cast = project_settings(
                None if name == "-" else name, dialect, (), cache
            )
            data = read_path(name, read_stdin)
        except InterviewParserError as exc:
            err(f"{exc.location()}: error: {exc.message}\n")
            code = 2
            continue
        shown = "<stdin>" if name == "-" else name
        try:
            formatted = format_bytes(data, cast=cast, path=shown, dialect=project_dialect)
        except InterviewParserError as exc:
            err(f"{exc.location()}: error: {exc.message} (left unchanged)\n")
            code = max(code, 1)
            not_transcripts += isinstance(exc, NoTurnsError)
            continue
        earned, was_changed = _fmt_one(
            name, data, formatted, out=out, err=err, check=check, diff=diff
        )
        code, changed = max(code, earned), changed + was_changed
    if changed and not (check or diff):
        err(f"{changed} file(s) reformatted\n")
    if not_transcripts:
        err(
            "a file with no speaker turns may not be a transcript: leave it out (pre-commit: "
            "`exclude:` in .pre-commit-config.yaml; otherwise do not name it)\n"
        )
    return code
