"""Speech that no accepted label introduces: never dropped into the lead without a word.

Two cases, both about text before the first speaker turn:

- In captions and segment formats (SRT, WebVTT, JSON, CSV) every block is speech (the
  reading says so: ``Reading.all_speech``). Cues before the first speaker label, or a whole
  file whose cues name nobody, are read as one unlabelled speaker, and a warning says so.
- Turns opened by a dialogue dash that names nobody ("—¿Cuándo empezó?" / "—Hace diez
  años.", as press interviews in Spanish and French print them) are two people speaking in
  turn: :func:`take_turns` gives them to two unnamed speakers, and a warning says so.
- Questions printed as bold paragraphs with no name ("**Why earth?**", the answer in plain
  paragraphs below, as magazines and web pages print interviews; the layout reads each
  question and its answer as two blocks): :func:`take_turns` gives the questions to an
  unnamed interviewer and the answers to an unnamed interviewee (the layout says who asks),
  and a warning says so.
- In the other layouts the text above the first turn is the lead (preamble and title). A
  scraped article above an interview is common, but so is speech the reader failed to see:
  a lecture before the first question, captions that were not recognised. :func:`lead_warnings`
  warns when the preamble is long, holds cue timings or clock times at line starts, or
  looks like turns (recurring labels).
"""

from __future__ import annotations

import dataclasses
import functools
import re
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

from ..clock import parse_clock
from ..grammar import part
from ..model import Role
from ..syntax import LEADING_BLANKS, RawBlock, read_lines
from .labels import LabelInfo, Shape, analyse

# Longer than any article or show notes above an interview in the corpus (at most ~340 words).
LONG_PREAMBLE_WORDS = 500
# Lines that start with a clock time (without any cue timing line) that make a timed text.
MIN_TIMED_LINES = 2
# Label-shaped line starts in a preamble that make it look like turns: this many lines...
TURN_LIKE_LINES = 4
# ...written with at least this many different recurring labels.
TURN_LIKE_LABELS = 2

Decided = Iterable[tuple[RawBlock, LabelInfo | None]]


@dataclass(slots=True)
class Lines:
    """How many turns one step of :func:`speech_turns` gave a speaker, and the source lines
    from the first's start to the last's end ("4-20" in a warning)."""

    count: int = 0
    first: int = 0
    last: int = 0

    def add(self, first: int, last: int) -> None:
        if not self.count:
            self.first = first
        self.last = last
        self.count += 1

    def __str__(self) -> str:
        return f"{self.first}-{self.last}"


@dataclass(slots=True)
class SpeechFacts:
    """What :func:`speech_turns` found on one pass, for its warnings: the line of a first
    block given to an unlabelled speaker and of the first labelled block after it; the
    dialogue-dash turns given to two unnamed speakers (how many, first and last line); the
    bold and the numbered paragraphs read as an unnamed interviewer's questions (the same)."""

    unlabelled: int | None = None
    first_labelled: int | None = None
    dashed: Lines = dataclasses.field(default_factory=Lines)
    bold: Lines = dataclasses.field(default_factory=Lines)
    numbered: Lines = dataclasses.field(default_factory=Lines)

    def warnings(self) -> list[str]:
        found = []
        if self.unlabelled is not None:
            if self.first_labelled is None:
                found.append("no speaker labels found: read as one unlabelled speaker")
            else:
                found.append(
                    f"lines {self.unlabelled}-{self.first_labelled - 1}: speech before the "
                    "first speaker label read as an unlabelled speaker"
                )
        if self.dashed.count:
            found.append(
                f"lines {self.dashed}: {self.dashed.count} turns open with a "
                "dialogue dash and no name: read as two unnamed speakers who take turns"
            )
        for lines, kind in ((self.bold, "bold"), (self.numbered, "numbered")):
            if lines.count:
                found.append(
                    f"lines {lines}: {lines.count} {kind} paragraphs read "
                    "as the questions of an unnamed interviewer, the paragraphs after them as "
                    "the answers of an unnamed interviewee"
                )
        return found


def speech_turns(
    decided: Decided, every_block: bool, dashes: bool = True, facts: SpeechFacts | None = None
) -> Iterator[tuple[RawBlock, LabelInfo | None]]:
    """The decided blocks with the speech that no accepted label introduces given to a
    speaker, one block at a time: where every block is speech (``every_block``), dialogue
    dashes (:func:`hand_over_dashes`) and the start (:func:`unlabelled_start`); in every
    layout, turns that a dialogue dash opens without a name (:func:`take_turns`; ``dashes``
    false: no accepted label is without a name, so none is a dash). ``facts`` gathers what
    the warnings say."""
    facts = facts if facts is not None else SpeechFacts()
    if every_block:
        decided = unlabelled_start(hand_over_dashes(decided), facts)
    return take_turns(decided, facts) if dashes or every_block else iter(decided)


def hand_over_dashes(decided: Decided) -> Iterator[tuple[RawBlock, LabelInfo | None]]:
    """Give each dialogue-dash block (form ``dash``) to the other voice of the conversation.

    "- Really?\n- Yes." in an unlabelled cue: the first line went on with the current
    speaker, a later dash line is the speaker before them, if there was one. Only accepted
    speakers count, so a label the evidence rejected never gets speech by a dash.
    """
    current: LabelInfo | None = None
    other: LabelInfo | None = None
    for block, info in decided:
        if info is None and block.form == "dash" and other is not None:
            info = other
        if info is not None and (current is None or info.key != current.key):
            other, current = current, info
        yield block, info


@functools.cache
def _dash() -> re.Pattern[str]:
    return re.compile(part("LABEL_DASH"))


def _dashed(block: RawBlock) -> bool:
    """Whether the block's label is a dialogue dash and nothing else (the dash's own part,
    which looks at the text after it)."""
    label = (block.label or "").lstrip(LEADING_BLANKS)
    dash = _dash().match(label + block.text)
    return dash is not None and dash.end() == len(label.rstrip())


def take_turns(decided: Decided, facts: SpeechFacts) -> Iterator[tuple[RawBlock, LabelInfo | None]]:
    """Give the turns that a dialogue dash opens without a name to two speakers in turn, and
    give a question in bold or numbered to an unnamed interviewer and the paragraphs after
    it to an unnamed interviewee (:func:`ask_by_layout`).

    The dash only says that somebody else speaks now; in an interview that is the other of
    two people, so the turns alternate between two unnamed speakers (who asks is left to
    the roles, which read the turns). ``facts`` counts them for the warnings.
    """
    voices: list[LabelInfo] = []
    for block, info in decided:
        if (info is None and block.form == "answer") or (
            info is not None and (block.form == "question" or (not info.name and _bold(block)))
        ):
            yield ask_by_layout(block, info, facts)
            continue
        if info is None or info.name or not _dashed(block):
            yield block, info
            continue
        if len(voices) < 2:
            voices.append(dataclasses.replace(info, key=f"{info.key}\u2014{len(voices) + 1}"))
        voice = voices[facts.dashed.count % 2]
        facts.dashed.add(block.line, block.end_line)
        yield block, dataclasses.replace(voice, time=info.time, end=info.end)


def _bold(block: RawBlock) -> bool:
    """Whether the block is a question in bold: the layout read it with its label the
    opening bold alone and its closing bold in the tail (``dialects.split_answers``)."""
    label = (block.label or "").strip(LEADING_BLANKS)
    return label in ("**", "__") and block.tail.lstrip(LEADING_BLANKS)[:2] == label


def ask_by_layout(
    block: RawBlock, info: LabelInfo | None, facts: SpeechFacts
) -> tuple[RawBlock, LabelInfo | None]:
    """A question in bold or numbered (form ``question``) as an unnamed interviewer's turn,
    the plain paragraphs after it (form ``answer``) as an unnamed interviewee's. The layout
    says who asks: the two speakers' labels name their roles. ``info``: the question's label
    analysis."""
    if info is not None:  # the question
        (facts.numbered if block.form == "question" else facts.bold).add(block.line, block.line)
        role, voice = Role.interviewer, "asks"
    else:
        info, role, voice = analyse(""), Role.interviewee, "answers"
    # (a numbered question's label is its number: it names nobody, as the bold does not)
    return block, dataclasses.replace(info, name="", key=f"\u2014{voice}", role_hint=role)


def unlabelled_start(
    decided: Decided, facts: SpeechFacts
) -> Iterator[tuple[RawBlock, LabelInfo | None]]:
    """Give the speech before the first accepted turn to an unlabelled speaker.

    For readings where every block is speech. The first block becomes a turn with an empty
    label (a rejected label-shaped prefix stays in its text; a time alone on its first line,
    as a podcast page's ``<time>`` leaves it, is the turn's start); later unlabelled blocks
    continue it as usual. ``facts`` notes the lines for the warning.
    """
    blocks = iter(decided)
    for block, info in blocks:
        if info is not None:
            yield block, info
            break
        yield _unlabelled(block)
        facts.unlabelled = block.line
        for later, info in blocks:
            if info is not None:
                facts.first_labelled = later.line
                yield later, info
                break
            yield later, info
        break
    yield from blocks


def _unlabelled(block: RawBlock) -> tuple[RawBlock, LabelInfo]:
    """A first block of speech as an unlabelled speaker's turn."""
    text = (block.label or "") + block.text
    text_line = block.line if block.label else block.text_line
    column = block.label_column if block.label else block.text_column
    label = _time_line(text)
    if label:
        text, text_line, column = text[len(label) :], text_line + label.count("\n"), 1
    speech = RawBlock(
        label=label or None,
        text=text,
        line=block.line,
        end_line=block.end_line,
        label_column=block.label_column,
        text_line=text_line,
        text_column=column,
        form="unlabelled",
        start=block.start,
        end=block.end,
        tail=block.tail,
    )
    return speech, analyse(label)


def _time_line(text: str) -> str:
    """A clock time alone on the first line of ``text`` with its line ends, or ""."""
    first, newline, rest = text.partition("\n")
    if not newline or not rest.strip() or parse_clock(first.strip()) is None:
        return ""
    return text[: len(text) - len(rest.lstrip("\n"))]


def _timed(line: str) -> bool:
    """A cue timing line ("00:01.000 --> 00:02.000") or a line that starts with a clock time."""
    if "-->" in line:
        return True
    first = line.split(maxsplit=1)[0] if line.strip() else ""
    return parse_clock(first.strip("[]()\\")) is not None


def _turn_like(text: str) -> bool:
    """Label-shaped line starts, several labels recurring (dialogue dashes are no evidence:
    show notes list their guests as "- Name: links")."""
    labels: Counter[str] = Counter()
    for block in read_lines(text, "labelled").blocks:
        if block.label is not None:
            info = analyse(block.label)
            if info.shape is not Shape.prose:
                labels[info.key] += 1
    recurring = [key for key, n in labels.items() if n >= 2]
    return len(recurring) >= TURN_LIKE_LABELS and sum(labels.values()) >= TURN_LIKE_LINES


def lead_warnings(preamble: str | None, lines: Sequence[int] | None) -> list[str]:
    """Warnings when the preamble (first and last source line in ``lines``) may be speech."""
    if not preamble or not lines:
        return []
    reasons = []
    words = len(preamble.split())
    if words > LONG_PREAMBLE_WORDS:
        reasons.append(f"is long ({words} words)")
    rows = preamble.split("\n")
    arrows = sum(1 for line in rows if "-->" in line)
    timed = sum(1 for line in rows if _timed(line))
    # One time of day ("1:54 P.M. EDT" above a briefing) is not yet a timed transcript.
    if arrows or timed >= MIN_TIMED_LINES:
        plural = "s" if timed > 1 else ""
        reasons.append(f"holds {timed} line{plural} with cue timings or clock times")
    if _turn_like(preamble):
        reasons.append("looks like speaker turns")
    if not reasons:
        return []
    return [
        f"lines {lines[0]}-{lines[-1]}: the preamble {' and '.join(reasons)}; it may be speech "
        "that was not read as turns (try --dialect, or declare the speakers)"
    ]
