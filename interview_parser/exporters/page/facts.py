"""The figures the transcript page shows, computed from the model and its timeline.

Pure data, no HTML: each speaker's share of the talk (words and seconds), how long the
interview runs and whether that was read or estimated, the recording date when the front
matter gives one, and the entries of the Q&A index. The words of a turn are its spoken words:
stage notes such as ``(Laughter.)`` are not counted.
"""

from __future__ import annotations

import re
from array import array
from collections.abc import Collection, Iterable, Iterator, Sequence
from dataclasses import dataclass

from ...model import Pair, PairKind, Speaker, Transcript, Turn
from ...spool import Positions
from ...timing import Timeline, TurnTime
from ...words import word_count
from . import palette

OPENING_WORDS = 12  # enough of a question to recognise it in the index
DATE_KEYS = ("date", "recorded", "recorded_on")  # front matter keys read as the date
LANGUAGE_KEYS = ("lang", "language")  # front matter keys read as the transcript's language
_LANGUAGE_TAG = re.compile(r"[A-Za-z]{2,8}(?:-[A-Za-z0-9]{1,8})*")  # BCP 47 in shape


@dataclass(frozen=True)
class Share:
    speaker: Speaker
    position: int  # place in the transcript's speaker list (its colour)
    swatch: palette.Swatch
    turns: int
    words: int
    seconds: float
    word_share: float  # 0..1 of every spoken word
    time_share: float  # 0..1 of the time anyone speaks


@dataclass(frozen=True)
class Duration:
    seconds: float
    how: str  # "written", "estimated", "mixed" or "given"


@dataclass(frozen=True)
class IndexEntry:
    number: int  # 1-based, as the page shows it
    kind: PairKind
    first_turn: int  # the prompt's first turn: where the link lands
    opening: str  # the prompt's opening words
    answer_words: int
    answer_turns: int


def called(speaker: Speaker) -> str:
    """What the page calls a speaker: the label, else the name; a turn with a blank label
    (``[00:01:15]  :``) still needs something to show."""
    return speaker.label.strip() or (speaker.name or "").strip() or "(no label)"


def spoken(turn: Turn) -> str:
    """The turn's text without its stage notes."""
    text = turn.text
    for note in turn.notes:
        text = text.replace(note.text, " ", 1)
    return text


def shares(transcript: Transcript, times: Timeline) -> list[Share]:
    return tally(transcript.speakers, zip(transcript.turns, times.turns, strict=True))


def tally(speakers: Sequence[Speaker], timed: Iterable[tuple[Turn, TurnTime]]) -> list[Share]:
    """Each speaker's share of the talk, from the turns with their times (read once)."""
    positions = {s.id: i for i, s in enumerate(speakers)}
    words = [0] * len(positions)
    seconds = [0.0] * len(positions)
    turns = [0] * len(positions)
    for turn, time in timed:
        at = positions[turn.speaker]
        words[at] += word_count(spoken(turn))
        seconds[at] += time.end - time.start
        turns[at] += 1
    all_words, all_seconds = sum(words), sum(seconds)
    return [
        Share(
            speaker,
            i,
            palette.swatch(i),
            turns[i],
            words[i],
            seconds[i],
            words[i] / all_words if all_words else 0.0,
            seconds[i] / all_seconds if all_seconds else 0.0,
        )
        for i, speaker in enumerate(speakers)
    ]


def duration(transcript: Transcript, times: Timeline, *, given: float | None) -> Duration:
    """From the first turn's start to the last one's end, and where those times came from."""
    length = times.end - times.turns[0].start if times.turns else 0.0
    written = sum(1 for t in transcript.turns if t.start is not None)
    return how_long(length, written=written, estimated=times.estimated, given=given)


def how_long(length: float, *, written: int, estimated: bool, given: float | None) -> Duration:
    """:func:`duration` from its figures: the length, how many turns write a start, whether
    any time was estimated, the length asked for."""
    if not estimated:
        how = "written"
    elif written:
        how = "mixed"
    elif given is not None:
        how = "given"
    else:
        how = "estimated"
    return Duration(length, how)


def date(transcript: Transcript) -> str | None:
    """The recording date the front matter gives, as written."""
    matter = transcript.front_matter or {}
    for key in DATE_KEYS:
        value = matter.get(key)
        if value is not None and str(value).strip():
            return str(value).strip()
    return None


def language(transcript: Transcript) -> str | None:
    """The language the front matter gives the transcript (``lang: fr``), if it is a tag."""
    matter = transcript.front_matter or {}
    for key in LANGUAGE_KEYS:
        value = str(matter.get(key) or "").strip()
        if _LANGUAGE_TAG.fullmatch(value):
            return value
    return None


def opening(text: str, count: int = OPENING_WORDS) -> str:
    words = text.split()
    return " ".join(words[:count]) + (" …" if len(words) > count else "")


def index(transcript: Transcript) -> list[IndexEntry]:
    return list(iter_index(transcript))


def iter_index(
    transcript: Transcript,
    pairs: Iterable[Pair] | None = None,
    turns: Collection[Turn] | None = None,
) -> Iterator[IndexEntry]:
    """The entries of the page's pair index, one at a time (``pairs`` and ``turns``, when
    given, stand for the transcript's: the turns are read forward as the pairs ask)."""
    found = Positions(transcript.turns if turns is None else turns)
    for number, pair in enumerate(transcript.pairs if pairs is None else pairs, start=1):
        first = pair.question_turns[0] if pair.question_turns else pair.answer_turns[0]
        asked = found.at([*pair.question_turns, *pair.answer_turns])
        prompt = " ".join(spoken(turn) for turn in asked[: len(pair.question_turns)])
        answer_words = sum(word_count(spoken(turn)) for turn in asked[len(pair.question_turns) :])
        yield IndexEntry(
            number, pair.kind, first, opening(prompt), answer_words, len(pair.answer_turns)
        )


class PairMarks:
    """For each paired turn, its badge: ``Q3`` on the prompt of pair 3, ``A3`` on its
    answer (a later pair's mark wins). Four bytes a turn for the ``count`` turns (indices
    outside them, which only a hand-made transcript has, in a dictionary)."""

    def __init__(self, pairs: Iterable[Pair], count: int) -> None:
        self.numbers = array("i", bytes(4 * count))  # +n: Q n, -n: A n, 0: none
        self.others: dict[int, int] = {}
        for number, pair in enumerate(pairs, start=1):
            for i in pair.question_turns:
                self._set(i, number)
            for i in pair.answer_turns:
                self._set(i, -number)

    def _set(self, i: int, value: int) -> None:
        if 0 <= i < len(self.numbers):
            self.numbers[i] = value
        else:
            self.others[i] = value

    def get(self, i: int) -> str | None:
        value = self.numbers[i] if 0 <= i < len(self.numbers) else self.others.get(i, 0)
        if not value:
            return None
        return f"Q{value}" if value > 0 else f"A{-value}"


def clock(seconds: float) -> str:
    """``m:ss`` under an hour, ``h:mm:ss`` from one hour."""
    whole = max(0, round(seconds))
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


def iso_duration(seconds: float) -> str:
    """A ``<time datetime>`` duration: ``PT62.5S``."""
    return f"PT{max(0.0, seconds):.3f}".rstrip("0").rstrip(".") + "S"


def span(time: TurnTime) -> float:
    return time.end - time.start
