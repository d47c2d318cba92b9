"""Stage 1 of the pipeline: normalised text -> Lark parse tree -> raw blocks.

``parse_tree`` runs a family grammar; ``read_blocks`` turns its tree into plain
:class:`RawBlock` values (a label candidate and the text after it, with source lines). Nothing
here decides who is a speaker: that is evidence, and lives in :mod:`interview_parser.resolve`.
"""

from __future__ import annotations

from dataclasses import dataclass

from lark import Token, Tree
from lark.exceptions import UnexpectedInput

from .errors import TranscriptSyntaxError
from .grammar import get_parser


@dataclass(frozen=True)
class RawBlock:
    """One block of source text.

    ``label`` is the label-shaped prefix as written, colon and following blanks included
    (``None`` for the lead before the first label), ``text`` everything after it up to the
    next label-shaped prefix, so ``label + text`` is the source of the block. ``line`` is the
    1-based line where the block starts, ``end_line`` the last line that has text in it.
    ``label_column`` is the 1-based column where the label's first character sits.
    """

    label: str | None
    text: str
    line: int
    end_line: int
    label_column: int = 1


def parse_tree(text: str, grammar: str = "labelled") -> Tree[Token]:
    """Parse normalised text (``\\n`` line ends) with a family grammar."""
    if not text.endswith("\n"):
        text += "\n"  # every grammar line ends in a newline; a missing final one is common
    try:
        return get_parser(grammar).parse(text)
    except UnexpectedInput as exc:
        raise TranscriptSyntaxError(
            f"unexpected text for the {grammar} layout", line=exc.line, column=exc.column
        ) from None


def _last_text_line(token: Token) -> int:
    """Line of the last non-blank line inside a TEXT token."""
    body = str(token).rstrip()
    return int(token.line or 1) + body.count("\n")


@dataclass(frozen=True)
class FrontMatter:
    """The YAML block at the top of a file, as written (``---`` lines included)."""

    text: str
    line: int
    end_line: int


def read_front_matter(tree: Tree[Token]) -> FrontMatter | None:
    for node in tree.children:
        if isinstance(node, Tree) and node.data == "front_matter":
            token = node.children[0]
            assert isinstance(token, Token)
            line = int(token.line or 1)
            return FrontMatter(str(token), line, line + str(token).rstrip("\n").count("\n"))
    return None


def read_blocks(tree: Tree[Token]) -> list[RawBlock]:
    """Flatten a ``labelled``-shaped tree into blocks; adjacent TEXT tokens are joined."""
    blocks: list[RawBlock] = []
    for node in tree.children:
        if not isinstance(node, Tree) or node.data == "front_matter":
            continue
        tokens = [t for t in node.children if isinstance(t, Token)]
        texts = [t for t in tokens if t.type == "TEXT"]
        label_tokens = [t for t in tokens if t.type == "LABEL"]
        first = tokens[0]
        line = int(first.line or 1)
        end_line = max([_last_text_line(t) for t in texts] or [line])
        body = "".join(str(t) for t in texts)
        if label_tokens:
            raw = str(label_tokens[0])
            stripped = raw.lstrip(" \t\u00a0\u200b\u200c\u200d\u2060\ufeff")
            column = int(first.column or 1) + len(raw) - len(stripped)
            blocks.append(RawBlock(stripped, body, line, end_line, column))
        else:
            blocks.append(RawBlock(None, body, line, end_line))
    return blocks
