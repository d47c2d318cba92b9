"""What a stretch of conversation is about, in a few words, and the line worth a teaser.

Behind the podcast script's segment titles and cold open (see ``script``). A segment is
titled by the words it uses more than the rest of the episode does (a tf-idf score over the
segments: frequent here, rare elsewhere), so that a producer reads "Capacitors, hum and
plugs" rather than the first words of a question. Linear in the words.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Sequence

_WORD = re.compile(r"[^\W\d_][\w'’-]*[^\W_]|[^\W\d_]{2,}")
# Words that carry no topic: function words, fillers and talk about talking.
_STOP_WORDS = """
    about above after again against all also although always among another anyone anything
    around because been before being below between both cannot could did does doing done
    down during each either else enough even ever every everyone everything few first from
    further going gonna good great have having here hers herself himself into itself just
    kind know last later least less like little look lot lots made make many maybe might
    more most much must myself need never next nothing now often once only other others
    ought ours ourselves over own people perhaps pretty quite rather really right said same
    say saying says see seem seems shall should since some something sometimes sort still
    such sure take talk talking tell than thank thanks that that's their theirs them
    themselves then there there's these they they're thing things think this those though
    through thus today together too under until upon very want wanted was way ways well went
    were what what's whatever when where whether which while who whole whom whose why will
    with within without would yeah yes yet you you're your yours yourself actually
    absolutely basically definitely exactly literally okay mean means meant feel felt get
    gets got give given go goes gone come comes came back just let lets let's year years
    time times day days able into onto i'm it's don't didn't doesn't isn't wasn't can't
    won't we're we've i've you've they've i'd you'd we'd he's she's http https www html
"""
_STOP = frozenset(_STOP_WORDS.split())


def words(text: str) -> list[str]:
    """The topic-bearing words of ``text``, lower case (four letters or more, no stop word,
    no contraction; a possessive counts as its noun: "Venezuela's" is "venezuela")."""
    out = []
    for match in _WORD.finditer(text):
        word = match.group(0).lower().replace("’", "'").removesuffix("'s")
        if len(word) >= 4 and "'" not in word and word not in _STOP:
            out.append(word)
    return out


def titles(
    segments: Sequence[str], *, avoid: frozenset[str] = frozenset(), count: int = 3
) -> list[str]:
    """A title for each of ``segments`` (their text): its ``count`` most distinctive words,
    "Harbour, seagrass and storms"; empty when a segment has no such word. ``avoid``: words
    never used (the speakers' names)."""
    return titles_of([counts(text, avoid) for text in segments], count=count)


def counts(text: str, avoid: frozenset[str] = frozenset()) -> Counter[str]:
    """How often each topic-bearing word of ``text`` (not in ``avoid``) is said."""
    return Counter(w for w in words(text) if w not in avoid)


def titles_of(found: Sequence[Counter[str]], *, count: int = 3) -> list[str]:
    """:func:`titles` from each segment's word counts (:func:`counts`, added up over its
    parts: a segment's text need never be whole)."""
    spread = Counter(w for c in found for w in c)
    n = len(found)
    out: list[str] = []
    for c in found:
        # Said more than once (once may be chance); rare in the other segments.
        score = {
            w: k * math.log((n + 1) / spread[w]) + k * 1e-3 for w, k in c.items() if k > 1 or n == 1
        }
        best: list[str] = []
        for w in sorted(score, key=lambda w: (-score[w], w)):
            if not any(w[:5] == b[:5] for b in best):  # "blog" and "blogs": one of them
                best.append(w)
            if len(best) == count:
                break
        out.append(_phrase(best))
    return out


def _phrase(chosen: list[str]) -> str:
    if not chosen:
        return ""
    text = chosen[0] if len(chosen) == 1 else ", ".join(chosen[:-1]) + " and " + chosen[-1]
    return text[:1].upper() + text[1:]


def teaser(
    candidates: Iterable[str], topic: frozenset[str], low: int = 8, high: int = 30
) -> int | None:
    """The index of the sentence among ``candidates`` that makes the best cold open: of
    ``low`` to ``high`` words, rich in the episode's topic words, a question or exclamation
    preferred; None when no sentence fits."""
    best, chosen = 0.0, None
    for i, sentence in enumerate(candidates):
        size = len(sentence.split())
        if not low <= size <= high:
            continue
        hits = len(set(words(sentence)) & topic)
        score = hits + (1.0 if sentence.rstrip().endswith(("!", "?")) else 0.0) + size / 100
        if hits and score > best:
            best, chosen = score, i
    return chosen
