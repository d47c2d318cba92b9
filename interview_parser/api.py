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
from .model import CastMember, Source, Transcript
from .resolve import build_transcript
from .source import SourceText, read_bytes, read_text
from .syntax import parse_tree, read_blocks, read_front_matter

DIALECT = "labelled"
DIALECT_EVIDENCE = "turns begin with 'Label: text'"


def parse_source(
    source: SourceText,
    *,
    path: str | None = None,
    interviewers: Iterable[str] = (),
    cast: Iterable[CastMember] = (),
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
        tree = parse_tree(source.text, DIALECT)
        transcript = build_transcript(
            read_blocks(tree),
            meta,
            front=read_front_matter(tree),
            interviewers=interviewers,
            cast=cast,
        )
    except InterviewParserError as exc:
        raise (exc.with_path(path) if path else exc) from None
    if source.warnings:
        warnings = [*source.warnings, *transcript.warnings]
        transcript = transcript.model_copy(update={"warnings": warnings})
    return transcript


def parse(
    text: str,
    *,
    interviewers: Iterable[str] = (),
    cast: Iterable[CastMember] = (),
    path: str | None = None,
) -> Transcript:
    """Parse transcript text.

    ``interviewers`` names the labels of the speakers who ask (overriding detection);
    ``cast`` declares speakers (their labels are speakers, their roles win over detection;
    a ``cast:`` list in the file's front matter adds to it); ``path`` is only used in
    error messages and in ``source.path``.
    """
    return parse_source(read_text(text), path=path, interviewers=interviewers, cast=cast)


def parse_bytes(
    data: bytes,
    *,
    interviewers: Iterable[str] = (),
    cast: Iterable[CastMember] = (),
    path: str | None = None,
) -> Transcript:
    """Parse the raw contents of a transcript file (encoding detected)."""
    try:
        source = read_bytes(data)
    except InterviewParserError as exc:
        raise (exc.with_path(path) if path else exc) from None
    return parse_source(source, path=path, interviewers=interviewers, cast=cast)


def parse_file(
    path: str | os.PathLike[str],
    *,
    interviewers: Iterable[str] = (),
    cast: Iterable[CastMember] = (),
) -> Transcript:
    """Read and parse a transcript file."""
    name = os.fspath(path)
    return parse_bytes(Path(name).read_bytes(), interviewers=interviewers, cast=cast, path=name)
