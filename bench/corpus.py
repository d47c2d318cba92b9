"""Generated transcripts for the benchmarks: realistic shape, fixed seed, any size.

    from corpus import transcript
    text = transcript(1_000_000)                    # about 1 MB of 'Label: text' interview
    text = transcript(1_000_000, timestamped=True)  # '[00:01:23] Name: text' turns

Each transcript has what real ones have and what makes parsing hard: a scraped article
above the interview, a headline with a colon, several speakers (a generic 'Host', an
honorific 'Dr. Lee', an all-caps 'MS. PARK', a full name), turns of several paragraphs,
and prose with colons ("Note: ...", "at 10:30", "Two options: ...") that must stay text.
The text is made here from a small vocabulary; nothing is taken from real transcripts.
"""

from __future__ import annotations

import random

_WORDS = (
    "the",
    "a",
    "harbour",
    "council",
    "budget",
    "school",
    "teachers",
    "parents",
    "vote",
    "plan",
    "river",
    "bridge",
    "traffic",
    "winter",
    "summer",
    "station",
    "trains",
    "buses",
    "market",
    "rent",
    "housing",
    "clinic",
    "nurses",
    "doctors",
    "patients",
    "we",
    "they",
    "it",
    "is",
    "was",
    "will",
    "could",
    "would",
    "should",
    "have",
    "had",
    "been",
    "about",
    "with",
    "from",
    "into",
    "of",
    "and",
    "but",
    "because",
    "when",
    "which",
    "that",
    "really",
    "perhaps",
    "certainly",
    "every",
    "year",
    "month",
    "morning",
    "evening",
    "twelve",
    "forty",
    "hundred",
    "district",
    "county",
    "office",
    "report",
    "survey",
    "numbers",
    "figures",
    "people",
    "town",
)

_COLON_PROSE = (
    "Note: the figures are provisional.",
    "We met at 10:30 and again at 14:45.",
    "Two options: repair it or rebuild it.",
    "He said: we will see.",
    "The ratio was 3:1 by the end.",
    "Update: the meeting moved to Thursday.",
)

_PREAMBLE = (
    "The district council met on Monday evening to debate the new budget, and the vote "
    "was closer than anyone expected. Residents filled the hall.",
    "Teachers and parents had asked for more money for the schools; the council said the "
    "bridge repairs came first. Note: all figures in this article are estimates.",
)

_TITLE = "Bridges, Buses and the Budget: A Conversation About the District's Hard Choices"

# (label as written at the first turn, label as written afterwards, share of turns)
_CAST = (
    ("Host (District Radio)", "Host", 0.40),
    ("Dr. Lee", "Dr. Lee", 0.25),
    ("MS. PARK", "MS. PARK", 0.20),
    ("Jean-Pierre O'Brien", "Jean-Pierre O'Brien", 0.15),
)


def _sentence(rng: random.Random, question: bool) -> str:
    words = [rng.choice(_WORDS) for _ in range(rng.randint(5, 22))]
    words[0] = words[0].capitalize()
    if len(words) > 9:
        words[rng.randint(3, len(words) - 4)] += ","
    return " ".join(words) + ("?" if question else rng.choice(".!.."))


def _paragraph(rng: random.Random, question: bool) -> str:
    count = rng.randint(1, 3) if question else rng.randint(2, 6)
    sentences = [_sentence(rng, False) for _ in range(count - 1)]
    if rng.random() < 0.15:
        sentences.insert(rng.randint(0, len(sentences)), rng.choice(_COLON_PROSE))
    sentences.append(_sentence(rng, question))
    return " ".join(sentences)


def _clock(seconds: int) -> str:
    return f"[{seconds // 3600:02d}:{seconds // 60 % 60:02d}:{seconds % 60:02d}]"


def transcript(size: int, *, seed: int = 7, timestamped: bool = False, short: bool = False) -> str:
    """An interview of about ``size`` characters (ASCII, so bytes too), ending in a newline.

    ``short``: turns of one paragraph, about 520 bytes on average (a lively conversation,
    where a parser's cost per turn counts more than its cost per byte)."""
    rng = random.Random(seed)
    parts = [*_PREAMBLE, _TITLE] if not timestamped else [_TITLE, ""]
    used = sum(len(p) + 1 for p in parts)
    seen: set[str] = set()
    seconds, previous = 0, ""
    while used < size:
        first, later, _ = rng.choices(_CAST, weights=[c[2] for c in _CAST])[0]
        if first == previous:
            continue
        previous = first
        asks = first.startswith("Host")
        label = later if first in seen else first
        seen.add(first)
        if short:
            paragraphs = [" ".join(_paragraph(rng, asks) for _ in range(1 if asks else 2))]
        else:
            paragraphs = [_paragraph(rng, asks) for _ in range(1 if asks else rng.randint(1, 3))]
        prefix = f"{_clock(seconds)} " if timestamped else ""
        turn = f"{prefix}{label}: " + "\n\n".join(paragraphs)
        seconds += len(turn.split()) * 60 // 150
        parts.append(turn)
        used += len(turn) + 2
    separator = "\n" if timestamped else "\n\n"
    return separator.join(parts) + "\n"


def small_files(count: int, size: int = 5_000) -> list[str]:
    """``count`` different interviews of about ``size`` characters each."""
    return [transcript(size, seed=1000 + n) for n in range(count)]
