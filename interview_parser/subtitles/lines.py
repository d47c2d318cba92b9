"""Where a subtitle may break: the cost of a break between two tokens, and line layout.

A break is cheap after a full stop, a little dearer after a comma, fair before a
conjunction or preposition, and all but forbidden after an article, after a preposition,
or inside a name ("Prof. | Okafor", "Amara | Okafor"). :func:`break_lines` lays a cue's
tokens out on the fewest lines that fit, choosing the breaks that minimise that cost plus
the imbalance between the lines (a two-line cue should have lines of similar length).
"""

from __future__ import annotations

import functools
import re

from .width import Spans, Token, line_width

SENTENCE_END = 0
CLAUSE_END = 1
BEFORE_FUNCTION_WORD = 2
NEUTRAL = 4
AFTER_FUNCTION_WORD = 8
FORBIDDEN = 20
# A layout's price: BREAK_WEIGHT times its break costs plus IMBALANCE_WEIGHT times the
# squared difference of its line widths, as a share of the line (two lines of 40 and 2
# columns cost 24, of 24 and 18 columns 0.6). Syntax comes first, but a break that leaves
# a word or two dangling on one line loses to a plain break between balanced lines.
BREAK_WEIGHT = 6
IMBALANCE_WEIGHT = 30.0


def imbalance(first: float, second: float, max_width: int) -> float:
    """The price of two lines of these widths not being equal."""
    return IMBALANCE_WEIGHT * ((first - second) / max(max_width, 1)) ** 2


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


ARTICLES = _words(
    "a an the this these those my your his her its our their some every each no any another such"
)
PREPOSITIONS = _words(
    "about above across after against along among around at before behind below "
    "beneath beside between beyond by despite during except for from in inside into "
    "like near of off on onto outside over past since through throughout till to "
    "toward towards under until upon with within without"
)
CONJUNCTIONS = _words(
    "and but or nor so yet because although though while whereas if unless whether "
    "when whenever where that which who whom whose as than"
)
HONORIFICS = _words(
    "mr mrs ms mx dr prof sen rep gov gen sir st rev fr dame lady lord capt col lt "
    "sgt president senator professor doctor judge mayor"
)
_CLOSERS = "\"'”’»)]}"
_SENTENCE_MARKS = ".?!…。？！"
_CLAUSE_MARKS = ",;:–—-、，；："


# Abbreviations whose period ends no sentence: "U.S.", "a.m.", "e.g.", an initial "J.", and
# short forms that are followed by a name or number ("Dr.", "vs.", "approx.").
_DOTTED = re.compile(r"^(?:[A-Za-z]\.){2,}$|^[A-Z]\.$")
ABBREVIATIONS = _words("vs approx dept est fig jr sr no nos vol ch pp cf ca")


def _bare(text: str) -> str:
    return text.strip(_CLOSERS + "(\"'“‘«[{").rstrip(_SENTENCE_MARKS + _CLAUSE_MARKS).lower()


def _is_capitalised(text: str) -> bool:
    stripped = text.lstrip("\"'“‘«([{")
    return stripped[:1].isupper()


def is_abbreviation(text: str) -> bool:
    """Whether the period that ends ``text`` marks an abbreviation, not a sentence end."""
    end = text.rstrip(_CLOSERS)
    if not end.endswith(".") or end.endswith(".."):
        return False
    word = end.lstrip("\"'“‘«([{")
    bare = word[:-1].lower()
    return bool(_DOTTED.match(word)) or bare in HONORIFICS or bare in ABBREVIATIONS


@functools.lru_cache(maxsize=1 << 16)
def _features(text: str) -> tuple[int | None, bool, bool]:
    """What a break next to the word ``text`` depends on, computed once per distinct word:
    the cost of a break after it when the word alone decides it (else None), whether it is
    a capitalised plain word (part of a name), and whether it is a function word."""
    end = text.rstrip(_CLOSERS)
    bare = _bare(text)
    function = bare in PREPOSITIONS or bare in CONJUNCTIONS
    name = _is_capitalised(text) and bare.isalpha()
    if (bare in HONORIFICS and end.endswith(".")) or (bare in ARTICLES and end[-1:].isalpha()):
        return FORBIDDEN, name, function
    if end[-1:] == "." and is_abbreviation(text):
        return None, False, function  # "in the U.S. | market": no sentence ends here
    if end[-1:] in _SENTENCE_MARKS:
        return SENTENCE_END, name, function
    if end[-1:] in _CLAUSE_MARKS:
        return CLAUSE_END, name, function
    return None, name, function


def ends_sentence(token: Token) -> bool:
    """Whether ``token`` ends a sentence (an abbreviation's period does not)."""
    return token.word and _features(token.text)[0] == SENTENCE_END


def break_cost(before: Token, after: Token) -> int:
    """How bad a line or cue break between ``before`` and ``after`` is (0 is ideal)."""
    if not before.word:
        return NEUTRAL if before.text.endswith(":") else FORBIDDEN  # a dash leads its line
    if after.text in ("-", "--"):
        return FORBIDDEN  # a line that opens with a hyphen reads as a change of speaker
    fixed, name, function = _features(before.text)
    if fixed is not None:
        return fixed
    if after.glued:
        return NEUTRAL  # between two CJK characters: allowed anywhere
    after_function = _features(after.text)[2]
    if name and _is_capitalised(after.text):
        return FORBIDDEN  # first and last name, "New York"
    if function:
        return AFTER_FUNCTION_WORD
    if after_function:
        return BEFORE_FUNCTION_WORD
    return NEUTRAL


def break_costs(items: list[Token]) -> list[int]:
    """``[0, break_cost(items[0], items[1]), ...]``: the cost of a break before each token,
    in one pass that looks each word's features up once (what :func:`break_cost` does)."""
    features = [_features(t.text) if t.word else None for t in items]
    out = [0] * len(items)
    for k in range(1, len(items)):
        before, after = items[k - 1], items[k]
        mine = features[k - 1]
        if mine is None or after.text in ("-", "--"):
            out[k] = break_cost(before, after)  # a prefix or dash before, a dash after
            continue
        fixed, name, function = mine
        if fixed is not None:
            out[k] = fixed
        elif after.glued:
            out[k] = NEUTRAL
        elif name and _is_capitalised(after.text):
            out[k] = FORBIDDEN
        elif function:
            out[k] = AFTER_FUNCTION_WORD
        else:
            theirs = features[k]
            if theirs is None:
                theirs = _features(after.text)
            out[k] = BEFORE_FUNCTION_WORD if theirs[2] else NEUTRAL
    return out


def fits(items: list[Token], max_width: int) -> bool:
    """Whether ``items`` fit on one line (a single token always "fits": it cannot be cut)."""
    return len(items) <= 1 or line_width(items) <= max_width


def greedy_lines(items: list[Token], max_width: int) -> int:
    """The fewest lines ``items`` can be laid out on."""
    count, current = 0, 0
    for i, token in enumerate(items):
        extra = token.width + (1 if current and not token.glued else 0)
        if current and current + extra > max_width:
            count += 1
            current = token.width
        else:
            current += extra
        if i == len(items) - 1:
            count += 1
    return count


def break_lines(items: list[Token], max_width: int, max_lines: int) -> list[list[Token]]:
    """Lay ``items`` out on the fewest lines that fit, breaking where it costs least."""
    if not items:
        return []
    lines = greedy_lines(items, max_width)
    if lines <= 1:
        return [items]
    if lines == 2:
        return _two_lines(items, max_width)
    target = line_width(items) / min(lines, max(max_lines, 1))
    return _best_layout(items, lines, max_width, target)


def _two_lines(items: list[Token], max_width: int) -> list[list[Token]]:
    """The cheapest break of ``items`` into two lines that fit (one pass over the breaks)."""
    spans = Spans(items)
    total = spans.width(0, len(items))
    best, where = float("inf"), 1
    for k in range(1, len(items)):
        first = spans.width(0, k)
        if first > max_width:
            break
        second = total - first - spans.space[k]
        if second > max_width:
            continue
        cost = BREAK_WEIGHT * break_cost(items[k - 1], items[k]) + imbalance(
            first, second, max_width
        )
        if cost < best:
            best, where = cost, k
    if best == float("inf"):
        return _best_layout(items, 2, max_width, total / 2)
    return [items[:where], items[where:]]


def _best_layout(
    items: list[Token], lines: int, max_width: int, target: float
) -> list[list[Token]]:
    """Dynamic programme over break positions: ``best[k][j]`` lays items[:j] on k lines."""
    n = len(items)
    spans = Spans(items)
    inf = float("inf")
    best: list[list[float]] = [[inf] * (n + 1) for _ in range(lines + 1)]
    back: list[list[int]] = [[0] * (n + 1) for _ in range(lines + 1)]
    best[0][0] = 0.0
    for k in range(1, lines + 1):
        for j in range(1, n + 1):
            penalty = BREAK_WEIGHT * break_cost(items[j - 1], items[j]) if j < n else 0
            for i in range(j - 1, -1, -1):
                width = spans.width(i, j)
                if width > max_width and j - i > 1:
                    break
                if best[k - 1][i] == inf:
                    continue
                # Each of two lines is off the mean by half their difference, so twice the
                # price of each line's offset adds up to imbalance(first, second).
                cost = best[k - 1][i] + 2 * imbalance(width, target, max_width) + penalty
                if cost < best[k][j]:
                    best[k][j], back[k][j] = cost, i
    layout: list[list[Token]] = []
    j = n
    for k in range(lines, 0, -1):
        i = back[k][j]
        layout.append(items[i:j])
        j = i
    return layout[::-1]
