"""The recogniser: a pocketsphinx decoder set up for one transcript.

Its dictionary holds only the transcript's words and the fillers (a small dictionary makes
recognition fast), and its language model is built from the transcript itself, so the
recogniser expects the words in the order they were written (a bigram model with back-off
to every word and filler). The acoustic model is the English one inside the pocketsphinx
wheel, or the one in a folder the caller names.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import UsageError
from .words import DIGITS, FILLERS, Token, spelled

FRAMES_PER_SECOND = 100
_ALTERNATE = re.compile(r"\(\d+\)$")


@dataclass(frozen=True)
class Model:
    """Where an acoustic model and its pronouncing dictionary are."""

    acoustic: str
    dictionary: str


def find_model(folder: str | None) -> Model:
    """The model in ``folder`` (its acoustic model files, or one subfolder holding them, and
    one ``*.dict``), or the English model shipped with pocketsphinx."""
    if folder is None:
        from pocketsphinx import get_model_path  # type: ignore[import-untyped]

        base = Path(get_model_path())
        return Model(str(base / "en-us" / "en-us"), str(base / "en-us" / "cmudict-en-us.dict"))
    root = Path(folder)
    candidates = [root, *sorted(p for p in root.iterdir() if p.is_dir())] if root.is_dir() else []
    acoustic = next((p for p in candidates if (p / "mdef").is_file()), None)
    dictionaries = sorted(root.glob("*.dict")) if root.is_dir() else []
    if acoustic is None or not dictionaries:
        raise UsageError(
            "not a pocketsphinx model folder (it needs the acoustic model files, mdef among "
            "them, and a pronouncing dictionary *.dict)",
            path=folder,
        )
    return Model(str(acoustic), str(dictionaries[0]))


def read_dictionary(path: str, wanted: set[str]) -> dict[str, str]:
    """The first pronunciation of each ``wanted`` word in a pronouncing dictionary file."""
    found: dict[str, str] = {}
    with open(path, encoding="utf-8", errors="replace") as handle:
        for line in handle:
            word, _, phones = line.strip().partition(" ")
            if word in wanted and word not in found:
                found[word] = phones.strip()
    return found


def pronunciations(words: Sequence[Token], model: Model) -> tuple[dict[str, str], int]:
    """Each distinct word and filler with its phones, and how many transcript words the
    dictionary itself knows (the rest are spelled out)."""
    wanted = {word.key for word in words} | set(FILLERS)
    known = read_dictionary(model.dictionary, wanted | set(DIGITS))
    in_dictionary = sum(1 for word in words if word.key in known)
    phones = {key: known[key] for key in wanted if key in known}
    for key in wanted - set(phones):
        guess = spelled(key, known)
        if guess is not None:
            phones[key] = guess
    return phones, in_dictionary


def language_model(words: Sequence[str], vocabulary: set[str]) -> str:
    """An ARPA bigram model of the word sequence, backing off to every word of
    ``vocabulary`` (the transcript's words and the fillers)."""
    unigrams = Counter(words)
    bigrams = Counter(zip(["<s>", *words], [*words, "</s>"], strict=True))
    followers = Counter(first for first, _ in bigrams)
    total = sum(unigrams.values()) + len(vocabulary)
    backoff = f"{math.log10(0.3):.4f}"
    lines = [
        "\\data\\",
        f"ngram 1={len(vocabulary) + 2}",
        f"ngram 2={len(bigrams)}",
        "",
        "\\1-grams:",
        f"{math.log10(1 / total):.4f} </s> 0",
        f"-99 <s> {backoff}",
    ]
    for word in sorted(vocabulary):
        lines.append(f"{math.log10((unigrams[word] + 1) / total):.4f} {word} {backoff}")
    lines += ["", "\\2-grams:"]
    for (first, second), count in sorted(bigrams.items()):
        lines.append(f"{math.log10(0.7 * count / followers[first]):.4f} {first} {second}")
    lines += ["", "\\end\\", ""]
    return "\n".join(lines)


def decoder(model: Model, phones: dict[str, str], words: Sequence[str], folder: Path) -> Any:
    """A decoder with the transcript's dictionary and language model (search "text")."""
    from pocketsphinx import Decoder

    dictionary = folder / "words.dict"
    dictionary.write_text("".join(f"{w} {p}\n" for w, p in sorted(phones.items())), "utf-8")
    spoken = [word for word in words if word in phones]
    arpa = folder / "words.lm"
    arpa.write_text(language_model(spoken, set(phones)), "utf-8")
    # Dither: synthetic or edited audio holds runs of exact zeros, whose log energy breaks
    # the features (nothing aligns); a fixed seed keeps the result the same run to run.
    engine = Decoder(
        hmm=model.acoustic,
        dict=str(dictionary),
        lm=None,
        fwdflat=False,
        bestpath=False,
        dither=True,
        seed=16,
        loglevel="FATAL",
    )
    engine.add_lm_file("text", str(arpa))
    engine.activate_search("text")
    return engine


def segments(engine: Any, offset: float) -> list[tuple[str, float, float]]:
    """The words of the last utterance with their times (fillers and silence left out)."""
    found = []
    for segment in engine.seg():
        word = _ALTERNATE.sub("", segment.word)
        if word.startswith(("<", "[", "+")):
            continue
        start = offset + segment.start_frame / FRAMES_PER_SECOND
        found.append((word, start, offset + (segment.end_frame + 1) / FRAMES_PER_SECOND))
    return found
