"""interview-parser: interview transcripts -> speakers, turns, question-answer pairs.

    import interview_parser as ip
    t = ip.parse(text)                  # or ip.parse_file(path)
    for pair in t.pairs:
        print(pair.question, "->", pair.answer)
    t.to_json()
"""

from __future__ import annotations

from .api import parse, parse_bytes, parse_file
from .errors import InputError, InterviewParserError, NoTurnsError, UsageError
from .model import SCHEMA_VERSION, CastMember, Pair, PairKind, Role, Speaker, Transcript, Turn

__version__ = "0.1.0"

__all__ = [
    "SCHEMA_VERSION",
    "CastMember",
    "InputError",
    "InterviewParserError",
    "NoTurnsError",
    "Pair",
    "PairKind",
    "Role",
    "Speaker",
    "Transcript",
    "Turn",
    "UsageError",
    "__version__",
    "parse",
    "parse_bytes",
    "parse_file",
]
