"""Interviewer detection on the annotated corpus, apart from how turns are read.

    python bench/roles.py DIR [DIR ...]             # e.g. ../shared/corpus-dev, /work/halves/a
    python bench/roles.py DIR --mode parsed         # roles of the parser's own reading
    python bench/roles.py DIR -v                    # one line per file with its mismatches
    python bench/roles.py --cost                    # the role step's cost on many speakers

Each ``DIR/NAME.txt`` has an annotation ``NAME.json`` (``speakers``, ``interviewers``,
``turns``: ``speaker``, ``line``, ``starts_with``; see ``../shared/corpus-dev/README.md``).

``--mode annotated`` (the default) builds the turns from the annotation, so that the role
step is measured on turns read right whatever the reader does today: one speaker group per
annotated speaker, its labels as the file writes them (the text of the turn's line before
``starts_with``, or the line itself when the text starts below the label), and each turn's
text from ``starts_with`` to the line before the next annotated turn. Then the resolver's
own ``fill_introductions`` and ``assign_roles`` run on those turns, as ``build_transcript``
runs them (with the header people named in the lines above the first annotated turn).

``--mode parsed`` parses each file (in process) and maps its speakers to the annotated ones
as ``score_corpus.py`` does (runs matched by line and first words, then speakers greedily by
count); ``--min-f1`` keeps the files whose turns score at least that F1.

``--cost`` measures instead what the role step costs on generated conversations of many
speakers (issue 17: 100,000 distinct labels): one turn each of plain text, of a question, and
of a co-host mention, at 10,000 and 40,000 turns; it prints the CPU seconds (the minimum of
three runs) and the growth, about 4x when the cost is linear.

The last line has the interviewer F1 over the files that annotate interviewers (as the
corpus scorer counts it) and, apart, the speakers called interviewer in files that annotate
none. Without the directories it says so and exits 0.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from interview_parser import Role, parse_file  # noqa: E402
from interview_parser.errors import InterviewParserError  # noqa: E402
from interview_parser.resolve.intro import fill_introductions, header_people  # noqa: E402
from interview_parser.resolve.labels import analyse  # noqa: E402
from interview_parser.resolve.roles import assign_roles  # noqa: E402
from interview_parser.resolve.speakers import SpeakerGroup, group_speakers  # noqa: E402
from interview_parser.resolve.text import clean  # noqa: E402

LINE_SLACK = 3
WORDS = 4
_TOKENS = re.compile(r"[^\W_]+")


@dataclass
class Score:
    tp: int = 0
    pred: int = 0
    ann: int = 0
    stray: int = 0  # interviewers called in files that annotate none
    files: int = 0

    def add(self, other: Score) -> None:
        self.tp += other.tp
        self.pred += other.pred
        self.ann += other.ann
        self.stray += other.stray
        self.files += other.files

    @property
    def f1(self) -> float:
        p = self.tp / self.pred if self.pred else 0.0
        r = self.tp / self.ann if self.ann else 0.0
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class FileResult:
    name: str
    score: Score
    asked: set[str] = field(default_factory=set)
    truth: set[str] = field(default_factory=set)
    note: str = ""


def _norm(text: str) -> str:
    return " ".join(text.replace("\u00a0", " ").split())


def _find(lines: Sequence[str], line: int, start: str) -> tuple[int, int] | None:
    """Where ``start`` (its first words) begins: on the turn's line or a few lines below."""
    words = start.replace("\u00a0", " ").split()
    for n in (4, 2, 1):  # the first words may run over a line end: try fewer
        if len(words) < n:
            continue
        pattern = re.compile(r"[\s\u00a0]+".join(map(re.escape, words[:n])))
        for i in range(line - 1, min(len(lines), line + LINE_SLACK)):
            found = pattern.search(lines[i])
            if found:
                return i, found.start()
    return None


def annotated_turns(txt: Path) -> tuple[list[SpeakerGroup], list[tuple[SpeakerGroup, str]]]:
    """Speaker groups and turns built from the annotation (see the module docstring)."""
    truth = json.loads(txt.with_suffix(".json").read_text(encoding="utf-8"))
    lines = txt.read_text(encoding="utf-8-sig", errors="replace").split("\n")
    lines = [line.rstrip("\r") for line in lines]
    turns = truth["turns"]
    groups: dict[str, SpeakerGroup] = {}
    spoken: list[tuple[SpeakerGroup, str]] = []
    for n, turn in enumerate(turns):
        name = turn["speaker"]
        found = _find(lines, turn["line"], turn["starts_with"])
        end = turns[n + 1]["line"] - 1 if n + 1 < len(turns) else len(lines)
        if found is None:
            label, body = name + ":", turn["starts_with"]
        else:
            row, col = found
            if row == turn["line"] - 1 and col > 0:
                label = lines[row][:col]
            elif row > turn["line"] - 1:
                label = lines[turn["line"] - 1]
            else:
                label = name + ":"
            body = "\n".join([lines[row][col:], *lines[row + 1 : max(end, row + 1)]])
        info = analyse(label.strip() or name + ":")
        group = groups.get(name)
        if group is None:
            ident = re.sub(r"[^\w]+", "-", name.casefold()).strip("-") or f"s{len(groups)}"
            group = groups[name] = SpeakerGroup(ident)
        if all(i is not info for i in group.infos):
            group.infos.append(info)
        group.name_counts[name] += 1
        spoken.append((group, clean(body)))
    return list(groups.values()), spoken


def run_annotated(txt: Path) -> FileResult:
    truth = json.loads(txt.with_suffix(".json").read_text(encoding="utf-8"))
    groups, spoken = annotated_turns(txt)
    fill_introductions(groups, spoken)
    lines = txt.read_text(encoding="utf-8-sig", errors="replace").split("\n")
    header = header_people(["\n".join(lines[: truth["turns"][0]["line"] - 1])])
    roles = assign_roles(groups, spoken, header=header)
    names = {g.id: next(iter(g.name_counts)) for g in groups}
    asked = {names[i] for i, d in roles.items() if d.role is Role.interviewer}
    return _result(txt.stem, asked, set(truth.get("interviewers") or []), set(names.values()))


def _runs(turns: Sequence[tuple[str, int, str]]) -> list[tuple[str, int, str]]:
    out: list[tuple[str, int, str]] = []
    for turn in turns:
        if not out or out[-1][0] != turn[0]:
            out.append(turn)
    return out


def _words(text: str) -> list[str]:
    text = re.sub(r"<[^>]{0,80}>", " ", text.replace("\u00a0", " "))
    text = re.sub(r"[\[(]?\b\d{1,2}:\d{2}(?::\d{2})?(?:[.,]\d+)?\b[\])]?", " ", text)
    return _TOKENS.findall(text.lower())


def _matches(ann: tuple[str, int, str], pred: tuple[str, int, str]) -> bool:
    if abs(ann[1] - pred[1]) > LINE_SLACK:
        return False
    want = _words(ann[2])[:WORDS]
    got = _words(pred[2])[: len(want) + 3]
    if not want:
        return ann[1] == pred[1]
    return any(got[s : s + len(want)] == want for s in range(4))


def run_parsed(txt: Path, min_f1: float) -> FileResult | None:
    truth = json.loads(txt.with_suffix(".json").read_text(encoding="utf-8"))
    wanted = set(truth.get("interviewers") or [])
    try:
        t = parse_file(txt, project=False)
    except InterviewParserError as exc:
        if min_f1 > 0:
            return None
        return _result(txt.stem, set(), wanted, set(), note=f"error: {str(exc)[:60]}")
    ann = _runs([(a["speaker"], a["line"], a["starts_with"]) for a in truth["turns"]])
    pred = _runs([(x.speaker, x.line, x.label + " " + x.text) for x in t.turns])
    used: set[int] = set()
    pairs: list[tuple[str, str]] = []
    for a in ann:
        for j, p in enumerate(pred):
            if j not in used and _matches(a, p):
                used.add(j)
                pairs.append((p[0], a[0]))
                break
    f1 = 2 * len(pairs) / (len(ann) + len(pred)) if ann or pred else 0.0
    if f1 < min_f1:
        return None
    mapping: dict[str, str] = {}
    taken: set[str] = set()
    for (p, a), _ in Counter(pairs).most_common():
        if p not in mapping and a not in taken:
            mapping[p] = a
            taken.add(a)
    role = {s.id: s.role for s in t.speakers}
    asked = {a for p, a in mapping.items() if role.get(p) is Role.interviewer}
    return _result(txt.stem, asked, wanted, set(mapping.values()), note=f"turn F1 {f1:.2f}")


def _result(
    name: str, asked: set[str], truth: set[str], seen: set[str], note: str = ""
) -> FileResult:
    score = Score(files=1)
    if truth:
        score.ann = len(truth & seen)
        score.pred = len(asked)
        score.tp = len(asked & truth)
    else:
        score.stray = len(asked)
    return FileResult(name, score, asked, truth, note)


# One turn of each generated speaker, by kind (see --cost).
COST_TURNS = {
    "plain": "Word {n}.",
    "question": "Why is {n} so?",
    "co-host": "Thanks, my co-host Bob Carter{m}. What now?",
}


def cost(sizes: Sequence[int] = (10_000, 40_000)) -> None:
    """Print what assign_roles costs on many speakers, by kind and size (see --cost)."""
    for kind, turn in COST_TURNS.items():
        seconds = []
        for size in sizes:
            labels = [analyse(f"Name{n:06d}x:") for n in range(size)]
            groups, owners = group_speakers(labels)
            texts = [turn.format(n=n, m=n % 7) for n in range(size)]
            spoken = list(zip(owners, texts, strict=True))
            runs = []
            for _ in range(3):
                start = time.process_time()
                assign_roles(groups, spoken)
                runs.append(time.process_time() - start)
            seconds.append(min(runs))
        shown = "  ".join(f"{n:,} turns {s:.2f} s" for n, s in zip(sizes, seconds, strict=True))
        print(f"{kind:9} {shown}  growth {seconds[-1] / seconds[0]:.1f}x")


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("dirs", nargs="*", type=Path)
    ap.add_argument("--cost", action="store_true", help="time the role step on many speakers")
    ap.add_argument("--mode", choices=("annotated", "parsed"), default="annotated")
    ap.add_argument("--min-f1", type=float, default=0.0)
    ap.add_argument("-v", "--verbose", action="store_true")
    args = ap.parse_args(argv)
    if args.cost:
        cost()
        return 0
    if not args.dirs:
        ap.error("give the corpus folders, or --cost")
    total = Score()
    for folder in args.dirs:
        if not folder.is_dir():
            print(f"no corpus at {folder}; nothing to score")
            continue
        for txt in sorted(folder.glob("*.txt")):
            if not txt.with_suffix(".json").is_file():
                continue
            result = (
                run_annotated(txt) if args.mode == "annotated" else run_parsed(txt, args.min_f1)
            )
            if result is None:
                continue
            total.add(result.score)
            if args.verbose:
                s = result.score
                wrong = result.asked ^ result.truth
                mark = "ok " if not wrong else "   "
                print(
                    f"{mark}{result.name[:48]:48} tp {s.tp} pred {s.pred} ann {s.ann}"
                    f" stray {s.stray} {result.note}"
                    + (
                        f"\n      asked {sorted(result.asked)} truth {sorted(result.truth)}"
                        if wrong
                        else ""
                    )
                )
    print(
        f"interviewer F1 {total.f1:.3f} (tp {total.tp} pred {total.pred} ann {total.ann})"
        f" stray {total.stray} files {total.files}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
