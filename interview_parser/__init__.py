"""interview-parser: interview transcripts -> speakers, turns, question-answer pairs.

import interview_parser as ip
t = ip.parse(text)                  # or ip.parse_file(path)
for pair in t.pairs:
    print(pair.question, "->", pair.answer)
t.to_json()
"""

from __future__ import annotations

from .align import align  # the align extra itself is imported only when it runs
from .api import parse, parse_bytes, parse_file, stream_bytes, stream_file
from .errors import (
    FileError,
    InputError,
    InterviewParserError,
    NoTurnsError,
    TranscriptJSONError,
    TranscriptSyntaxError,
    UsageError,
)
from .model import (
    SCHEMA_VERSION,
    CastMember,
    Pair,
    PairKind,
    Role,
    RoleSource,
    Speaker,
    Transcript,
    TranscriptStream,
    Turn,
    collect,
)
from .version import __version__

__all__ = [
    "SCHEMA_VERSION",
    "CastMember",
    "FileError",
    "InputError",
    "InterviewParserError",
    "NoTurnsError",
    "Pair",
    "PairKind",
    "Role",
    "RoleSource",
    "Speaker",
    "Transcript",
    "TranscriptJSONError",
    "TranscriptStream",
    "TranscriptSyntaxError",
    "Turn",
    "UsageError",
    "__version__",
    "align",
    "collect",
    "parse",
    "parse_bytes",
    "parse_file",
    "stream_bytes",
    "stream_file",
]
