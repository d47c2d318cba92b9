"""Pairing made cheaper makes the same pairs: the fingerprints of ``tests/pair_digests.py``
(the development corpus cut at its annotated turns, with its interviewers and as a peer
panel; the benchmark's generated interviews) match those stored in
``tests/pair_digests.json``. Regenerate them (``python tests/pair_digests.py``) only when
pairing is meant to change."""

from __future__ import annotations

import json

import pytest
from conftest import shared_path
from pair_digests import DIGESTS, bench_cases, corpus_cases, fingerprint

STORED = json.loads(DIGESTS.read_text(encoding="utf-8"))


@pytest.mark.parametrize("name", [name for name in STORED if name.startswith("bench ")])
def test_the_benchmark_interviews_pair_as_before(name: str) -> None:
    case = dict(bench_cases())[name]
    assert fingerprint(case) == STORED[name]


def test_the_corpus_pairs_as_before() -> None:
    shared_path("corpus-dev")
    found = {name: fingerprint(case) for name, case in corpus_cases()}
    assert found, "no corpus file was read"
    moved = sorted(name for name, now in found.items() if STORED.get(name) != now)
    assert not moved, f"pairs changed in {moved}"
