"""Forced alignment: a transcript placed on the clock of its recording, offline.

Sits beside the exporters (it reads the model and returns a new one with times). Needs the
``align`` extra (pocketsphinx, whose wheel carries an English acoustic model, and PyAV to
decode the audio); nothing is downloaded at run time. The method, in :mod:`.passes` and
:mod:`.assemble`:

1. recognise the audio with a language model built from the transcript's own words;
2. match recognised words to transcript words by sequence alignment: runs of matches are
   anchors;
3. force-align each stretch between anchors, letting fillers and silence occur anywhere;
4. interpolate a stretch that still fails, and lower its turn's confidence.

Both passes stream the audio, so memory does not grow with the recording's length.
"""

from __future__ import annotations

import importlib.util
import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import InputError, UsageError
from ..model import Transcript, replace

if TYPE_CHECKING:
    from .engine import Model
    from .words import Token

INSTALL = "pip install 'interview-parser[align]'"
MAX_WORDS_PER_SECOND = 5.0  # twice a brisk speaking rate: more means the audio is too short
Progress = Callable[[float, float], None]


class AlignUnavailable(UsageError):
    """The ``align`` extra is not installed."""


def available() -> bool:
    """Whether the ``align`` extra (pocketsphinx and av) is installed."""
    return all(importlib.util.find_spec(name) is not None for name in ("pocketsphinx", "av"))


def require() -> None:
    if not available():
        raise AlignUnavailable(f"aligning to audio needs the align extra: {INSTALL}")


def _check_language(transcript: Transcript, model: str | None) -> None:
    language = (transcript.front_matter or {}).get("language")
    if model is None and isinstance(language, str) and not language.lower().startswith("en"):
        raise UsageError(
            f"the built-in model is English and the transcript's language is {language!r}: "
            "give a pocketsphinx model folder for it with --model DIR"
        )


def align(
    transcript: Transcript,
    audio: str | os.PathLike[str],
    *,
    model: str | os.PathLike[str] | None = None,
    progress: Progress | None = None,
) -> Transcript:
    """``transcript`` with ``start``, ``end``, ``words`` and ``confidence`` on every turn,
    measured on the recording ``audio`` (any format FFmpeg reads).

    ``model`` is a pocketsphinx model folder for a language other than English.
    ``progress(done, total)`` is called as the work advances (in seconds of audio, two passes).
    Raises :class:`AlignUnavailable` without the extra, :class:`~..errors.InputError` for
    audio that is not audio, is silent or is much shorter than the text.
    """
    require()
    from . import assemble, passes
    from . import audio as sound
    from .engine import decoder

    path = os.fspath(audio)
    tokens, found, phones = _words_and_model(transcript, model)
    stated = sound.duration(path)
    _check_length(path, stated, len(tokens))
    tell = progress or (lambda done, total: None)
    span = stated or 1.0
    keys = [token.key for token in tokens]
    with tempfile.TemporaryDirectory(prefix="interview-parser-align-") as tmp:
        recogniser = decoder(found, phones, keys, Path(tmp))
        listening = passes.recognise(recogniser, sound.pieces(path), lambda t: tell(t, 2 * span))
        if listening.duration <= 0:
            raise InputError("the audio track holds no samples", path=path)
        if listening.speech < 0.5:
            raise InputError("the audio is silent (no speech found)", path=path)
        _check_length(path, listening.duration, len(tokens))
        span = listening.duration
        anchored = assemble.anchors(keys, listening.heard)
        stretches = assemble.stretches(len(tokens), anchored, span)
        aligned = passes.force_align(
            recogniser,
            sound.pieces(path),
            stretches,
            keys,
            phones,
            lambda t: tell(span + t, 2 * span),
        )
    tell(2 * span, 2 * span)
    times, sure = assemble.word_times(tokens, anchored, stretches, aligned, listening.regions)
    used = {id(item) for item in anchored.values()}
    extra = [item for item in listening.heard if id(item) not in used]
    extra += [item for result in aligned if result is not None for item in result[1]]
    turns = assemble.timed_turns(transcript, tokens, times, sure, extra, span, listening.regions)
    return replace(transcript, turns=turns)


def _words_and_model(
    transcript: Transcript, model: str | os.PathLike[str] | None
) -> tuple[list[Token], Model, dict[str, str]]:
    """The transcript's words, the model to align them with and their pronunciations;
    a clear error for no words, or another language than the model's."""
    from .engine import find_model, pronunciations
    from .words import transcript_words

    folder = os.fspath(model) if model is not None else None
    tokens = transcript_words(transcript)
    if not tokens:
        raise InputError("the transcript has no words to align", path=transcript.source.path)
    _check_language(transcript, folder)
    found = find_model(folder)
    phones, known = pronunciations(tokens, found)
    if folder is None and known < len(tokens) / 2:
        raise UsageError(
            f"the transcript does not look English ({known} of its {len(tokens)} words are in "
            "the English dictionary): give a model folder for its language with --model DIR"
        )
    return tokens, found, phones


def _check_length(path: str, seconds: float | None, words: int) -> None:
    if seconds is not None and words > MAX_WORDS_PER_SECOND * max(seconds, 0.01):
        raise InputError(
            f"the audio ({seconds:.1f} s) is much shorter than the text ({words} words, about "
            f"{words / 2.5:.0f} s of speech)",
            path=path,
        )
