"""The two passes over the audio, each reading it once from start to end.

1. :func:`recognise`: a voice activity detector cuts the audio into utterances (at most
   ``MAX_UTTERANCE`` seconds, so memory stays flat) and the recogniser, biased to the
   transcript, writes down the words it hears, with times.
2. :func:`force_align`: each stretch of transcript between two anchors is aligned to the
   audio between them with a grammar that holds exactly those words in order, with optional
   fillers and silence anywhere between them. A stretch that does not align is None.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from .audio import BYTES_PER_SECOND, Window
from .engine import segments
from .words import FILLERS

MAX_UTTERANCE = 30.0
MAX_GAP = 120.0  # a stretch longer than this is interpolated, not aligned (memory, time)
FILLER_PROBABILITIES = (0.02, 0.001, 0.0)  # tried in turn until one aligns

Heard = tuple[str, float, float]
Report = Callable[[float], None]


@dataclass
class Listening:
    heard: list[Heard]
    duration: float
    speech: float
    """Seconds the voice activity detector took for speech."""
    regions: list[tuple[float, float]]
    """Where the voice activity detector heard speech (start, end), in order."""


def recognise(engine: Any, stream: Iterator[bytes], report: Report) -> Listening:
    from pocketsphinx import Endpointer, Vad  # type: ignore[import-untyped]

    # The looser modes let some pauses of over a second pass as speech (seen on synthesized
    # speech with digital silence between turns); the pauses are what the turns start after.
    endpointer = Endpointer(window=0.3, ratio=0.9, vad_mode=Vad.MEDIUM_STRICT)
    size = endpointer.frame_bytes
    heard: list[Heard] = []
    regions: list[tuple[float, float]] = []
    utterance: list[bytes] = []
    begun = 0.0
    speech = 0.0
    position = 0
    pending = b""

    def finish() -> None:
        nonlocal speech
        if not utterance:
            return
        data = b"".join(utterance)
        speech += len(data) / BYTES_PER_SECOND
        if regions and abs(regions[-1][1] - begun) < 0.01:  # an utterance cut in two
            regions[-1] = (regions[-1][0], begun + len(data) / BYTES_PER_SECOND)
        else:
            regions.append((begun, begun + len(data) / BYTES_PER_SECOND))
        engine.start_utt()
        engine.process_raw(data, full_utt=True)
        engine.end_utt()
        heard.extend(segments(engine, begun))
        utterance.clear()

    for piece in stream:
        pending += piece
        usable = len(pending) - len(pending) % size
        for at in range(0, usable, size):
            was_speech = endpointer.in_speech
            voiced = endpointer.process(pending[at : at + size])
            if voiced is not None:
                if not was_speech:  # a new utterance (the detector may end one silently)
                    finish()
                    begun = endpointer.speech_start
                utterance.append(voiced)
            if not endpointer.in_speech:
                finish()
            elif len(utterance) * size >= MAX_UTTERANCE * BYTES_PER_SECOND:
                length = len(utterance) * size / BYTES_PER_SECOND
                finish()  # a cut inside speech: the next utterance goes on from here
                begun += length
        position += usable
        pending = pending[usable:]
        report(position / BYTES_PER_SECOND)
    tail = endpointer.end_stream(pending) if pending else None
    if tail is not None:
        utterance.append(tail)
    finish()
    position += len(pending)
    return Listening(heard, position / BYTES_PER_SECOND, speech, regions)


@dataclass(frozen=True)
class Stretch:
    """Transcript words ``first`` to ``last`` (inclusive) to place between two times.

    ``outer_first`` to ``outer_last`` are the words aligned with them: the stretch and the
    anchor word on each side, whose audio ``start`` to ``end`` covers.
    """

    first: int
    last: int
    start: float
    end: float
    outer_first: int
    outer_last: int
    gap_start: float
    """Where the audio between the anchors starts (the end of the anchor before)."""
    gap_end: float


def force_align(
    engine: Any,
    stream: Iterator[bytes],
    stretches: Sequence[Stretch],
    keys: Sequence[str],
    phones: dict[str, str],
    report: Report,
) -> list[tuple[list[Heard], list[Heard]] | None]:
    """For each stretch (in time order), its words' times and the fillers heard between
    them; None where the grammar found no path through all its words."""
    window = Window(stream)
    fillers = [filler for filler in FILLERS if filler in phones]
    results: list[tuple[list[Heard], list[Heard]] | None] = []
    for stretch in stretches:
        wanted = [keys[i] for i in range(stretch.outer_first, stretch.outer_last + 1)]
        report(stretch.end)
        if any(key not in phones for key in wanted) or stretch.end - stretch.start > MAX_GAP:
            results.append(None)
            continue
        audio = window.take(stretch.start, stretch.end)
        if len(audio) < BYTES_PER_SECOND * 0.05 * len(wanted):
            results.append(None)
            continue
        found = None
        for probability in FILLER_PROBABILITIES:  # the search prunes differently with each
            found = _search(engine, wanted, fillers, probability, audio, stretch.start)
            if found is not None:
                break
        if found is None:  # last, pocketsphinx's own aligner (silence only, no fillers)
            engine.set_align_text(" ".join(wanted))
            found = _decode(engine, audio, stretch.start)
        split = _split(found, wanted) if found is not None else None
        if split is not None:
            skip = stretch.first - stretch.outer_first
            inner = slice(skip, skip + stretch.last - stretch.first + 1)
            split = (split[0][inner], split[1])
        results.append(split)
    return results


def _search(
    engine: Any,
    wanted: list[str],
    fillers: list[str],
    probability: float,
    audio: bytes,
    offset: float,
) -> list[Heard] | None:
    """The path of a grammar of ``wanted`` in order, each ``fillers`` word allowed between
    them with ``probability`` (none at 0), through ``audio``; None if the search fails."""
    transitions = [(state, state + 1, 1.0, key) for state, key in enumerate(wanted)]
    if probability > 0:
        for state in range(len(wanted) + 1):
            transitions += [(state, state, probability, f) for f in fillers]
    grammar = engine.create_fsg("stretch", 0, len(wanted), transitions)
    engine.add_fsg("stretch", grammar)
    engine.activate_search("stretch")
    return _decode(engine, audio, offset)


def _decode(engine: Any, audio: bytes, offset: float) -> list[Heard] | None:
    """The words the active search finds in ``audio``, or None if it finds no path."""
    engine.start_utt()
    engine.process_raw(audio, full_utt=True)
    engine.end_utt()
    return segments(engine, offset) if engine.hyp() is not None else None


def _split(found: list[Heard], wanted: list[str]) -> tuple[list[Heard], list[Heard]] | None:
    """The grammar's path as (the wanted words in order, the fillers), or None if the path
    is not all of them (the search ended before the final state)."""
    words: list[Heard] = []
    extra: list[Heard] = []
    for item in found:
        if len(words) < len(wanted) and item[0] == wanted[len(words)]:
            words.append(item)
        else:
            extra.append(item)
    return (words, extra) if len(words) == len(wanted) else None
