"""The typed model: what a parsed transcript *is*, with no behaviour attached.

These pydantic models are the contract of the JSON output (``interview-parser schema`` prints
their JSON Schema). They hold data only: no I/O, no Lark, no formatting. Bump
``SCHEMA_VERSION`` on any change of the JSON form: the minor number for added fields, the
major number for renamed or removed ones.
"""

from __future__ import annotations

from enum import Enum
from typing import Any, TypeVar

from pydantic import BaseModel, ConfigDict, Field

SCHEMA_VERSION = "1.0"


_M = TypeVar("_M", bound="_Model")


def replace(item: _M, **changes: Any) -> _M:
    """A copy of a model object with some fields changed (the objects are frozen)."""
    return item.model_copy(update=changes)


class Role(str, Enum):
    interviewer = "interviewer"
    interviewee = "interviewee"
    other = "other"


class PairKind(str, Enum):
    question = "question"
    remark = "remark"


class _Model(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", use_enum_values=False)


class Source(_Model):
    """Where the transcript came from and how it was read."""

    path: str | None = Field(None, description="The input file, or null for text or stdin.")
    encoding: str = Field(description="The text encoding the input was decoded with.")
    newline: str = Field(description='Line ends found: "\\n", "\\r\\n", "\\r", "mixed", "none".')
    final_newline: bool = Field(description="Whether the input ended with a line end.")
    line_count: int = Field(description="Number of lines in the input.")
    dialect: str = Field(description="The layout family the transcript was read as.")
    dialect_evidence: str = Field(description="Why that layout was chosen, in one sentence.")


class CastMember(_Model):
    """A speaker declared ahead of parsing (front matter ``cast:``, pyproject, or the caller)."""

    label: str = Field(description="The label as it appears in the transcript.")
    name: str | None = Field(None, description="Full name.")
    role: Role | None = Field(None, description="Declared role; wins over detection.")
    aliases: list[str] = Field(default_factory=list, description="Other labels of this speaker.")


class Speaker(_Model):
    id: str = Field(description="Stable identifier, unique in this transcript; turns refer to it.")
    label: str = Field(description="The canonical label as written, e.g. 'Dr. Morozova'.")
    name: str | None = Field(None, description="Full name, when the transcript gives one.")
    description: str | None = Field(
        None, description="How the transcript introduces the speaker, when it does."
    )
    affiliation: str | None = Field(None, description="Affiliation from the label, if any.")
    aliases: list[str] = Field(
        default_factory=list, description="Every other label this speaker appears under."
    )
    role: Role = Field(description="interviewer, interviewee or other.")
    role_source: str = Field(
        description="What decided the role: 'declared', 'label' or 'behaviour'."
    )
    turn_count: int = Field(description="Number of turns spoken.")


class StageNote(_Model):
    """A note on the recording inside a turn: [laughter], (Laughter.), [inaudible 00:12:03]."""

    text: str = Field(description="The note as written, brackets included.")
    line: int = Field(description="1-based source line of the note.")
    column: int = Field(description="1-based source column of the note's first character.")


class Skipped(_Model):
    """Source text that is layout, not speech: a heading, a cue number, a timing line."""

    kind: str = Field(description="What the layout is, e.g. 'heading', 'cue timing'.")
    text: str = Field(description="The text as written.")
    line: int = Field(description="1-based first source line.")
    end_line: int = Field(description="1-based last source line.")


class Turn(_Model):
    index: int = Field(description="0-based position among the turns.")
    speaker: str = Field(description="The id of the speaker.")
    label: str = Field(description="The label exactly as written on this turn.")
    text: str = Field(
        description="The spoken text without the label; wrapped lines joined with a space, "
        "paragraphs separated by a blank line."
    )
    line: int = Field(description="1-based source line of the turn's label.")
    column: int = Field(description="1-based column of the label's first character.")
    end_line: int = Field(description="1-based source line of the turn's last text.")
    start: float | None = Field(None, description="Start time in seconds, when written.")
    end: float | None = Field(None, description="End time in seconds, when known.")
    notes: list[StageNote] = Field(
        default_factory=list, description="Stage notes inside the text, with their positions."
    )


class Pair(_Model):
    index: int
    kind: PairKind = Field(description="question when the prompt asks something, else remark.")
    question_turns: list[int] = Field(description="Indices of the prompt's turns.")
    answer_turns: list[int] = Field(description="Indices of the answer's turns.")
    question: str = Field(description="The prompt's text (its turns joined by a blank line).")
    answer: str = Field(description="The answer's text (its turns joined by a blank line).")


class Transcript(_Model):
    schema_version: str = Field(SCHEMA_VERSION, description="Version of this JSON form.")
    source: Source
    title: str | None = Field(None, description="The title line, or null.")
    title_line: int | None = Field(None, description="1-based line of the title.")
    preamble: str | None = Field(
        None, description="Text before the title and the first turn (an article, notes)."
    )
    preamble_lines: list[int] | None = Field(
        None, description="First and last source line of the preamble."
    )
    front_matter: dict[str, Any] | None = Field(
        None, description="The YAML front matter at the top of the file, parsed, or null."
    )
    front_matter_lines: list[int] | None = Field(
        None, description="First and last source line of the front matter (the --- lines)."
    )
    cast: list[CastMember] = Field(
        default_factory=list, description="The declared cast (front matter and caller), if any."
    )
    speakers: list[Speaker]
    turns: list[Turn]
    pairs: list[Pair]
    skipped: list[Skipped] = Field(
        default_factory=list, description="Layout that is not speech, kept out of the turns."
    )
    unpaired_turns: list[int] = Field(
        default_factory=list, description="Turns that belong to no pair (e.g. a closing remark)."
    )
    warnings: list[str] = Field(default_factory=list)

    def speaker(self, speaker_id: str) -> Speaker:
        """The speaker with ``speaker_id`` (KeyError if there is none)."""
        for speaker in self.speakers:
            if speaker.id == speaker_id:
                return speaker
        raise KeyError(speaker_id)

    def to_json(self, *, indent: int | None = 2) -> str:
        """The versioned JSON form (what ``interview-parser convert --to json`` prints)."""
        return self.model_dump_json(indent=indent)
