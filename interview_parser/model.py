"""The typed model: what a parsed transcript *is*, with no behaviour attached.

Plain dataclasses (keyword-only; slotted but for ``Turn`` and ``Pair``: see there): building
one costs what any Python object costs (not frozen: a frozen dataclass's ``__init__`` costs
twice as much, 10 ms more for the 19,000 turns of a 10 MB transcript; treat them as values and
change one with :func:`replace`), and importing this module imports no third-party library, so
a command that never writes or reads JSON (``check``) never loads pydantic. They are the
contract of the JSON output all the same: pydantic reads these classes at the edges, lazily and
once per process -- the JSON Schema (``interview-parser schema``), JSON out
(:meth:`Transcript.to_json`) and back in (:meth:`Transcript.from_json`), and data declared from
outside (:func:`validate`, used for a cast in front matter or ``pyproject.toml``). The
docstring under each field is its description in the JSON Schema.

They hold data only: no I/O, no Lark, no formatting. Bump
``SCHEMA_VERSION`` on any change of the JSON form: the minor number for added fields, the
major number for renamed or removed ones.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Collection, Iterable, Iterator
from dataclasses import dataclass, field
from enum import Enum
from typing import TYPE_CHECKING, Any, Protocol, TypeVar, cast

if TYPE_CHECKING:
    from pydantic import TypeAdapter

SCHEMA_VERSION = "1.1"

_T = TypeVar("_T")

# Read by pydantic when it builds an adapter (never at import): fields are described by the
# docstring below them, and unknown keys are an error when data is validated.
_PYDANTIC_CONFIG: dict[str, Any] = {"use_attribute_docstrings": True, "extra": "forbid"}


def replace(item: _T, **changes: Any) -> _T:
    """A copy of a model object with some fields changed (a shallow copy: lists are shared)."""
    return dataclasses.replace(item, **changes)  # type: ignore[type-var]


def adapter(cls: type[_T]) -> TypeAdapter[_T]:
    """The pydantic adapter of a model class (or ``list[Turn]``, ...), built on first use and
    kept for the process. The first call imports pydantic."""
    found = _ADAPTERS.get(cls)
    if found is None:
        from pydantic import TypeAdapter

        found = _ADAPTERS[cls] = TypeAdapter(cls)
    return cast("TypeAdapter[_T]", found)


_ADAPTERS: dict[object, object] = {}


def validate(cls: type[_T], data: object) -> _T:
    """``data`` (e.g. a mapping read from YAML or TOML) as a ``cls``, checked field by field.

    Raises ``pydantic.ValidationError``, a :class:`ValueError`, when it does not fit.
    """
    return adapter(cls).validate_python(data)


class Role(str, Enum):
    interviewer = "interviewer"
    interviewee = "interviewee"
    other = "other"


class RoleSource(str, Enum):
    """What decided a speaker's role (in the JSON, the same strings as before it was an enum)."""

    declared = "declared"
    label = "label"
    behaviour = "behaviour"


class PairKind(str, Enum):
    question = "question"
    remark = "remark"


@dataclass(slots=True, kw_only=True)
class Source:
    """Where the transcript came from and how it was read."""

    __pydantic_config__ = _PYDANTIC_CONFIG

    path: str | None = None
    """The input file, or null for text or stdin."""
    encoding: str
    """The text encoding the input was decoded with."""
    newline: str
    """Line ends found: "\\n", "\\r\\n", "\\r", "mixed", "none"."""
    final_newline: bool
    """Whether the input ended with a line end."""
    line_count: int
    """Number of lines in the input."""
    dialect: str
    """The layout family the transcript was read as."""
    dialect_evidence: str
    """Why that layout was chosen, in one sentence."""


@dataclass(slots=True, kw_only=True)
class CastMember:
    """A speaker declared ahead of parsing (front matter ``cast:``, pyproject, or the caller)."""

    __pydantic_config__ = _PYDANTIC_CONFIG

    label: str
    """The label as it appears in the transcript."""
    name: str | None = None
    """Full name."""
    role: Role | None = None
    """Declared role; wins over detection."""
    aliases: list[str] = field(default_factory=list)
    """Other labels of this speaker."""


@dataclass(slots=True, kw_only=True)
class Speaker:
    __pydantic_config__ = _PYDANTIC_CONFIG

    id: str
    """Stable identifier, unique in this transcript; turns refer to it."""
    label: str
    """The canonical label as written, e.g. 'Dr. Morozova'."""
    name: str | None = None
    """Full name, when the transcript gives one."""
    description: str | None = None
    """How the transcript introduces the speaker, when it does."""
    affiliation: str | None = None
    """Affiliation from the label, if any."""
    aliases: list[str] = field(default_factory=list)
    """Every other label this speaker appears under."""
    role: Role
    """interviewer, interviewee or other."""
    role_source: RoleSource
    """What decided the role: 'declared', 'label' or 'behaviour'."""
    turn_count: int
    """Number of turns spoken."""


@dataclass(slots=True, kw_only=True)
class StageNote:
    """A note on the recording inside a turn: [laughter], (Laughter.), [inaudible 00:12:03]."""

    __pydantic_config__ = _PYDANTIC_CONFIG

    text: str
    """The note as written, brackets included."""
    line: int
    """1-based source line of the note."""
    column: int
    """1-based source column of the note's first character."""


@dataclass(slots=True, kw_only=True)
class Skipped:
    """Source text that is layout, not speech: a heading, a cue number, a timing line."""

    __pydantic_config__ = _PYDANTIC_CONFIG

    kind: str
    """What the layout is, e.g. 'heading', 'cue timing'."""
    text: str
    """The text as written."""
    line: int
    """1-based first source line."""
    end_line: int
    """1-based last source line."""


@dataclass(slots=True, kw_only=True)
class TimeSpan:
    """A stretch of a turn's text that the source times itself: a caption cue, a JSON segment."""

    __pydantic_config__ = _PYDANTIC_CONFIG

    word: int
    """0-based index, among the words of the turn's text (split at whitespace), of the first word of the stretch; it runs to the next span's first word."""  # noqa: E501
    start: float | None = None
    """Start time in seconds, as written."""
    end: float | None = None
    """End time in seconds, as written."""


@dataclass(slots=True, kw_only=True)
class Word:
    """A word of a turn placed on the recording's clock (``interview-parser align``)."""

    __pydantic_config__ = _PYDANTIC_CONFIG

    text: str
    """The word as written (punctuation and stage notes left out)."""
    start: float
    """Start in seconds from the beginning of the recording."""
    end: float
    """End in seconds."""


# Not slotted, unlike the others: orjson writes a dataclass from its ``__dict__`` in C, but one
# with slots a field at a time through Python attribute calls, three times slower (the JSON of
# a 10 MB transcript's 19,000 turns and 6,000 pairs: 40 ms with slots, 15 ms without).
@dataclass(kw_only=True)
class Turn:
    __pydantic_config__ = _PYDANTIC_CONFIG

    index: int
    """0-based position among the turns."""
    speaker: str
    """The id of the speaker."""
    label: str
    """The label exactly as written on this turn."""
    text: str
    """The spoken text without the label; wrapped lines joined with a space, paragraphs separated by a blank line."""  # noqa: E501
    line: int
    """1-based source line of the turn's label."""
    column: int
    """1-based column of the label's first character."""
    end_line: int
    """1-based source line of the turn's last text."""
    start: float | None = None
    """Start time in seconds, when written."""
    end: float | None = None
    """End time in seconds, when known."""
    # Tuples, not lists: most turns have neither, and tuple() is the one shared empty tuple
    # where an empty list is 56 bytes a turn (112 MB for the two at 1,000,000 turns).
    notes: tuple[StageNote, ...] = field(default_factory=tuple)
    """Stage notes inside the text, with their positions."""
    spans: tuple[TimeSpan, ...] = field(default_factory=tuple)
    """The times of the cues or segments the turn was read from, in order (added in 1.1); empty when the source times only the turn or nothing."""  # noqa: E501
    words: list[Word] | None = None
    """Each word with its times in the recording, when aligned to audio (schema 1.1)."""
    confidence: float | None = None
    """When aligned: the share (0 to 1) of the turn's words the recogniser heard or aligned;
    the others were interpolated between their neighbours (schema 1.1)."""


@dataclass(kw_only=True)  # (not slotted: see Turn)
class Pair:
    __pydantic_config__ = _PYDANTIC_CONFIG

    index: int
    kind: PairKind
    """question when the prompt asks something, else remark."""
    question_turns: list[int]
    """Indices of the prompt's turns, in order; not always consecutive (what comes between
    them is in interjection_turns)."""
    answer_turns: list[int]
    """Indices of the answer's turns. The last may also open the next pair (an answer that
    ends by asking someone else), the one way a turn belongs to two pairs."""
    question: str
    """The prompt's text (its turns joined by a blank line)."""
    answer: str
    """The answer's text (its turns joined by a blank line)."""
    interjection_turns: list[int] = field(default_factory=list)
    """Indices of turns inside the pair that are neither prompt nor answer: a third party's
    objection, the answerer's backchannel inside the prompt, the asker's inside the answer
    (since 1.1)."""
    evidence: list[str] = field(default_factory=list)
    """Why the pair was made and its kind chosen, e.g. "question mark", "request to tell",
    "addressed by name", "across a third party's interjection" (since 1.1)."""


@dataclass(slots=True, kw_only=True)
class Transcript:
    __pydantic_config__ = _PYDANTIC_CONFIG

    schema_version: str = SCHEMA_VERSION
    """Version of this JSON form."""
    source: Source
    title: str | None = None
    """The title line, or null."""
    title_line: int | None = None
    """1-based line of the title."""
    preamble: str | None = None
    """Text before the first turn that is not the title: an article, notes, a dateline or
    byline under the title."""
    preamble_lines: list[int] | None = None
    """First and last source line of the preamble."""
    front_matter: dict[str, Any] | None = None
    """The YAML front matter at the top of the file, parsed, or null."""
    front_matter_lines: list[int] | None = None
    """First and last source line of the front matter (the --- lines)."""
    cast: list[CastMember] = field(default_factory=list)
    """The declared cast (front matter and caller), if any."""
    speakers: list[Speaker]
    turns: list[Turn]
    pairs: list[Pair]
    skipped: list[Skipped] = field(default_factory=list)
    """Layout that is not speech, kept out of the turns."""
    unpaired_turns: list[int] = field(default_factory=list)
    """Turns that belong to no pair (e.g. a closing remark)."""
    warnings: list[str] = field(default_factory=list)

    def speaker(self, speaker_id: str) -> Speaker:
        """The speaker with ``speaker_id`` (KeyError if there is none).

        One lookup scans the speakers; for one lookup a turn, build :meth:`speakers_by_id`
        once (a call a turn is quadratic: 20,000 speakers took 23 s)."""
        for speaker in self.speakers:
            if speaker.id == speaker_id:
                return speaker
        raise KeyError(speaker_id)

    def speakers_by_id(self) -> dict[str, Speaker]:
        """Every speaker by id, built now (the model is a value: nothing is cached in it)."""
        return {speaker.id: speaker for speaker in self.speakers}

    def to_json(self, *, indent: int | None = 2) -> str:
        """The versioned JSON form (what ``interview-parser convert --to json`` prints)."""
        return adapter(Transcript).dump_json(self, indent=indent).decode()

    @classmethod
    def from_json(cls, text: str | bytes) -> Transcript:
        """A transcript read back from :meth:`to_json`'s form; raises
        :class:`~interview_parser.errors.TranscriptJSONError` (with the line and column of
        invalid JSON, or the path of the first field that does not fit)."""
        from pydantic import ValidationError

        try:
            return adapter(Transcript).validate_json(text)
        except ValidationError as exc:
            raise _json_error(exc) from None


def _json_error(exc: Any) -> Exception:
    """A pydantic ``ValidationError`` of :meth:`Transcript.from_json` as our own error."""
    import re

    from .errors import TranscriptJSONError

    first = exc.errors()[0]
    where = re.search(r"at line (\d+) column (\d+)", first["msg"])
    if first["type"] == "json_invalid" and where is not None:
        line, column = int(where.group(1)), int(where.group(2))
        message = first["msg"].removeprefix("Invalid JSON: ")[: where.start()].rstrip()
        message = message[: message.rfind(" at line")] if " at line" in message else message
        return TranscriptJSONError(f"not valid JSON: {message}", line=line, column=max(column, 1))
    field_path = ".".join(str(part) for part in first["loc"]) or "the document"
    count = exc.error_count()
    more = f" (and {count - 1} more problem(s))" if count > 1 else ""
    return TranscriptJSONError(f"not a transcript's JSON: {field_path}: {first['msg']}{more}")


# -- The model as a stream (docs/streaming.md) -----------------------------------------------


@dataclass(frozen=True, slots=True)
class Unpaired:
    """Event: turn ``index`` belongs to no pair (an entry of ``unpaired_turns``)."""

    index: int


@dataclass(frozen=True, slots=True)
class Warned:
    """Event: a warning found while the turns were read (an entry of ``warnings``)."""

    text: str


Event = Turn | Pair | Skipped | Unpaired | Warned


@dataclass(slots=True)
class TranscriptStream:
    """A transcript as it is read: the head, then the rest as events.

    ``head`` is a :class:`Transcript` with everything the JSON has before ``turns`` (source,
    title, preamble, front matter, cast, and the speakers with their names, roles and turn
    counts) and the warnings known before the turns; its ``turns``, ``pairs``, ``skipped`` and
    ``unpaired_turns`` are empty. ``events`` yields the rest, once: every turn in order; each
    pair once it is decided (pairs in order of their index); skipped spans in order of their
    line; unpaired turns in order; warnings found on the way. :func:`collect` makes it the
    whole :class:`Transcript`; :func:`stream_of` goes the other way.
    """

    head: Transcript
    events: Iterator[Event]
    # The transcript the stream was made from (stream_of), if any: a reader that must read
    # the turns more than once (``interview_parser.spool.gather``) reads its lists instead
    # of spooling the events. Left unread by everything else.
    whole: Transcript | None = None


_Item = TypeVar("_Item", contravariant=True)


class Appends(Protocol[_Item]):
    """What an event goes into: a list, an ``array``, a spool."""

    def append(self, item: _Item, /) -> None: ...


def sort_events(
    events: Iterable[Event],
    turns: Appends[Turn],
    pairs: Appends[Pair],
    skipped: Appends[Skipped],
    unpaired: Appends[int],
    warnings: Appends[str],
) -> None:
    """Each event appended, in order, to the sink of its kind (the unpaired turns' indices,
    the warnings' texts)."""
    for event in events:
        if isinstance(event, Turn):
            turns.append(event)
        elif isinstance(event, Pair):
            pairs.append(event)
        elif isinstance(event, Skipped):
            skipped.append(event)
        elif isinstance(event, Unpaired):
            unpaired.append(event.index)
        else:
            warnings.append(event.text)


def collect(stream: TranscriptStream) -> Transcript:
    """The whole transcript of ``stream`` (consumes its events)."""
    turns: list[Turn] = []
    pairs: list[Pair] = []
    skipped: list[Skipped] = []
    unpaired: list[int] = []
    warnings = list(stream.head.warnings)
    sort_events(stream.events, turns, pairs, skipped, unpaired, warnings)
    return replace(
        stream.head,
        turns=turns,
        pairs=pairs,
        skipped=skipped,
        unpaired_turns=unpaired,
        warnings=warnings,
    )


def stream_of(transcript: Transcript) -> TranscriptStream:
    """A whole transcript as a stream (its warnings all in the head); collects back equal."""

    def events() -> Iterator[Event]:
        yield from transcript.turns
        yield from transcript.pairs
        yield from transcript.skipped
        for index in transcript.unpaired_turns:
            yield Unpaired(index)

    head = replace(transcript, turns=[], pairs=[], skipped=[], unpaired_turns=[])
    head.warnings = list(transcript.warnings)
    return TranscriptStream(head, events(), transcript)


@dataclass(slots=True)
class Gathered:
    """A transcript whose turns, pairs and skipped spans can be read more than once, in
    order: a whole :class:`Transcript`'s own lists (:meth:`of`), or a stream's events spooled
    to disk (``interview_parser.spool.gather``). What an exporter that looks ahead reads.

    ``head`` is as in :class:`TranscriptStream`, with every warning (the stream's too); the
    collections hold no more than what iterating them yields."""

    head: Transcript
    turns: Collection[Turn]
    pairs: Collection[Pair]
    skipped: Collection[Skipped]
    unpaired_turns: Collection[int]

    @classmethod
    def of(cls, transcript: Transcript) -> Gathered:
        """A whole transcript as it is (its lists are shared, not copied)."""
        return cls(
            transcript,
            transcript.turns,
            transcript.pairs,
            transcript.skipped,
            transcript.unpaired_turns,
        )
