"""The library's front door: each stage of the pipeline as a public function.

    text --read_text/read_bytes--> SourceText --parse_tree--> lark Tree
         --read_blocks--> RawBlocks --build_transcript--> Transcript

``parse`` and ``parse_file`` run them all; the stages stay importable for debugging.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

from .errors import InterviewParserError
from .model import Source, Transcript
from .resolve import build_transcript
from .source import SourceText, read_bytes, read_text
from .syntax import parse_tree, read_blocks

DIALECT = "labelled"
DIALECT_EVIDENCE = "turns begin with 'Label: text'"


def parse_source(
    source: SourceText, *, path: str | None = None, interviewers: Iterable[str] = ()
) -> Transcript:
    """Parse decoded text (the stage after :func:`read_bytes`)."""
    meta = Source(
        path=path,
        encoding=source.encoding,
        newline=source.newline,
        final_newline=source.final_newline,
        line_count=source.line_count,
        dialect=DIALECT,
        dialect_evidence=DIALECT_EVIDENCE,
    )
    try:
        blocks = read_blocks(parse_tree(source.text, DIALECT))
        transcript = build_transcript(blocks, meta, interviewers=interviewers)
    except InterviewParserError as exc:
        raise exc.with_path(path) if path else exc
    if source.warnings:
        transcript = transcript.model_copy(update={"warnings": list(source.warnings)})
    return transcript


def parse(text: str, *, interviewers: Iterable[str] = (), path: str | None = None) -> Transcript:
    """Parse transcript text.

    ``interviewers`` names the labels of the speakers who ask (overriding detection);
    ``path`` is only used in error messages and in ``source.path``.
    """
    return parse_source(read_text(text), path=path, interviewers=interviewers)


def parse_bytes(
    data: bytes, *, interviewers: Iterable[str] = (), path: str | None = None
) -> Transcript:
    """Parse the raw contents of a transcript file (encoding detected)."""
    try:
        source = read_bytes(data)
    except InterviewParserError as exc:
        raise exc.with_path(path) if path else exc
    return parse_source(source, path=path, interviewers=interviewers)


def parse_file(path: str | os.PathLike[str], *, interviewers: Iterable[str] = ()) -> Transcript:
    """Read and parse a transcript file."""
    name = os.fspath(path)
    return parse_bytes(Path(name).read_bytes(), interviewers=interviewers, path=name)
