"""Fingerprints of the pairs that pairing makes on fixed inputs, to show that a change meant
to leave every pair alone (making pairing cheaper) does.

    python tests/pair_digests.py          # rewrite tests/pair_digests.json
    python tests/pair_digests.py --check  # exit 1 if a fingerprint differs

The inputs are built here without the parser, so that a change in reading or in roles
does not move them: each transcript of ``../shared/corpus-dev`` and ``../shared/seed`` cut
into turns at the annotated turn lines (a turn's text is its lines as written, label
included), with the annotated interviewers as askers, and a second time with every speaker
an asker (a peer panel); and ``bench/corpus.py``'s generated interviews, normal and short
turns, cut at their labels. A fingerprint covers every field of every pair (turns, kind,
evidence, texts) and the unpaired turns. The samples' pairs are in the JSON golden files.

Regenerate only when pairing is meant to change, and say in the commit which pairs moved
and why (``tests/test_pairs_unchanged.py`` compares).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
DIGESTS = Path(__file__).resolve().parent / "pair_digests.json"

sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from interview_parser.model import Role  # noqa: E402
from interview_parser.resolve.pairs import Voice, build_pairs  # noqa: E402

Case = tuple[list[Voice], dict[str, list[str]]]


def annotated_turns(txt: Path) -> tuple[list[tuple[str, str]], list[str]]:
    """(speaker, text) of each annotated turn of a corpus file, and its interviewers."""
    truth = json.loads(txt.with_suffix(".json").read_text(encoding="utf-8"))
    lines = txt.read_text(encoding="utf-8").split("\n")
    starts = [t["line"] for t in truth["turns"]] + [len(lines) + 1]
    turns = [
        (t["speaker"], "\n".join(lines[start - 1 : max(start, stop - 1)]).strip())
        for t, start, stop in zip(truth["turns"], starts, starts[1:], strict=False)
    ]
    return turns, list(truth.get("interviewers") or [])


def corpus_cases() -> Iterator[tuple[str, Case]]:
    files = sorted([*SHARED.glob("corpus-dev/*.txt"), *SHARED.glob("seed/*.txt")])
    for txt in files:
        turns, interviewers = annotated_turns(txt)
        names = {speaker: [speaker] for speaker, _ in turns}
        for mode, askers in (("roles", set(interviewers)), ("peer", set(names))):
            voices = [
                Voice(s, Role.interviewer if s in askers else Role.interviewee, text)
                for s, text in turns
            ]
            yield f"{txt.parent.name}/{txt.stem} {mode}", (voices, names)


_BENCH_LABEL = re.compile(
    r"^(Host \(District Radio\)|Host|Dr\. Lee|MS\. PARK|Jean-Pierre O'Brien): ", re.MULTILINE
)


_BENCH_ROLE = {"Host": Role.interviewer}


def bench_cases() -> Iterator[tuple[str, Case]]:
    from corpus import transcript

    for short in (False, True):
        parts = _BENCH_LABEL.split(transcript(300_000, short=short))[1:]
        voices = [
            Voice(label.split(" (")[0], _BENCH_ROLE.get(label[:4], Role.interviewee), text.strip())
            for label, text in zip(parts[::2], parts[1::2], strict=True)
        ]
        names = {v.speaker: [v.speaker] for v in voices}
        yield f"bench {'short' if short else 'normal'}", (voices, names)


def cases() -> Iterator[tuple[str, Case]]:
    yield from bench_cases()
    if (SHARED / "corpus-dev").is_dir():
        yield from corpus_cases()


def fingerprint(case: Case) -> dict[str, object]:
    """The number of pairs and a hash of everything about them."""
    pairs, unpaired = build_pairs(*case)
    fields = [
        [p.kind.value, p.question_turns, p.answer_turns, p.interjection_turns, p.evidence,
         p.question, p.answer]
        for p in pairs
    ]  # fmt: skip
    blob = json.dumps([fields, unpaired], ensure_ascii=False).encode("utf-8")
    return {"pairs": len(pairs), "sha256": hashlib.sha256(blob).hexdigest()}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="compare instead of writing")
    args = parser.parse_args(argv)
    found = {name: fingerprint(case) for name, case in cases()}
    if not args.check:
        DIGESTS.write_text(json.dumps(found, indent=1, sort_keys=True) + "\n", encoding="utf-8")
        print(f"wrote {len(found)} fingerprints to {DIGESTS}")
        return 0
    stored = json.loads(DIGESTS.read_text(encoding="utf-8"))
    moved = [name for name in found if stored.get(name) != found[name]]
    for name in moved:
        print(f"{name}: {stored.get(name)} -> {found[name]}")
    return 1 if moved else 0


if __name__ == "__main__":
    sys.exit(main())
