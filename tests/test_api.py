"""The library call as an editorial script uses it, and what it leaves behind."""

from __future__ import annotations

import gc

import pytest

import interview_parser as ip


def test_the_readme_example() -> None:
    t = ip.parse("Host: Why bees?\nGuest: Because they are quiet.\nHost: Thanks.\n")
    assert [(p.question, p.answer) for p in t.pairs] == [("Why bees?", "Because they are quiet.")]
    assert ip.Transcript.from_json(t.to_json()) == t


@pytest.mark.parametrize("enabled", [True, False])
def test_the_garbage_collector_is_left_as_it_was(enabled: bool) -> None:
    was = gc.isenabled()
    (gc.enable if enabled else gc.disable)()
    try:
        ip.parse("Q: a?\nA: b\n")
        assert gc.isenabled() is enabled
        with pytest.raises(ip.NoTurnsError):
            ip.parse("no turns here\n")
        assert gc.isenabled() is enabled
    finally:
        (gc.enable if was else gc.disable)()


def test_a_temporary_source_is_released_before_resolving(monkeypatch: pytest.MonkeyPatch) -> None:
    # parse_source(read_bytes(data)) must not hold a long file's text beside its model.
    import weakref

    from interview_parser import api
    from interview_parser.source import read_text

    refs: list[weakref.ref[object]] = []

    def decoded() -> object:
        source = read_text("Host: Why now?\nGuest: Because.\n")
        refs.append(weakref.ref(source))
        return source

    real = api.build_transcript
    alive: list[bool] = []

    def watching(*args: object, **kwargs: object) -> object:
        alive.append(refs[0]() is not None)
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(api, "build_transcript", watching)
    transcript = api.parse_source(decoded())  # type: ignore[arg-type]
    assert alive == [False]
    assert [t.text for t in transcript.turns] == ["Why now?", "Because."]


PAIRED = (
    "Host: Welcome to the show. What brought you to the harbour?\n\n"
    "Dr. Lee: The boats, and the people who mend them.\n\n"
    "Host: And the council?\n\n"
    "Dr. Lee: They came later.\n"
)


def test_parsing_without_pairs_changes_nothing_else() -> None:
    from interview_parser.api import parse_source
    from interview_parser.model import replace
    from interview_parser.source import read_text

    paired = ip.parse(PAIRED)
    unpaired = parse_source(read_text(PAIRED), pair=False)
    assert paired.pairs and unpaired.pairs == [] and unpaired.unpaired_turns == []
    assert replace(paired, pairs=[], unpaired_turns=[]) == unpaired
