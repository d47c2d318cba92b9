"""The model as plain dataclasses, pydantic only at the edges, and the JSON written in
pieces: byte for byte what ``to_json`` returns, whatever the indent or the chunk size."""

from __future__ import annotations

import dataclasses
import datetime
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import SAMPLES

import interview_parser as ip
from interview_parser.cli import main
from interview_parser.errors import TranscriptJSONError
from interview_parser.exporters import EXPORTERS, ExportOptions, get_exporter
from interview_parser.exporters.jsonout import pieces
from interview_parser.files import atomic_open
from interview_parser.model import (
    CastMember,
    Role,
    Source,
    StageNote,
    Transcript,
    Turn,
    replace,
    stream_of,
    validate,
)

FRONT_MATTER = """---
title: Edge cases
date: 2024-03-05
when: 2024-03-05 10:20:30
nan: .nan
big: 1.0e+20
turns: []
pairs: []
skipped: []
nested: {turns: [], "quote\\"": "a \\"turns\\": []"}
unicode: "Zoë \\u2028 \\x01 tab\\t 😀"
cast:
  - label: Host
    role: interviewer
    aliases: [H]
  - Guest
---
Host: Welcome, Zoë — “quoted” 😀 "turns": []
Guest: Thank you. [laughter]
Host: Why?
Guest: Because.
"""


def _transcripts() -> list[Transcript]:
    found = [ip.parse_bytes(path.read_bytes()) for path in sorted(SAMPLES.iterdir())]
    found.append(ip.parse(FRONT_MATTER))
    return found


TRANSCRIPTS = _transcripts()


@pytest.mark.parametrize("indent", [None, 0, 1, 2, 4])
@pytest.mark.parametrize("chunk", [1, 2, 3, 2000])
def test_pieces_are_the_json_byte_for_byte(indent: int | None, chunk: int) -> None:
    for transcript in TRANSCRIPTS:
        whole = transcript.to_json(indent=indent).encode("utf-8")
        assert b"".join(pieces(transcript, indent=indent, chunk=chunk)) == whole


def test_pieces_of_a_transcript_without_pairs_or_skipped_spans() -> None:
    transcript = replace(TRANSCRIPTS[0], pairs=[], skipped=[], unpaired_turns=[])
    for indent in (None, 2):
        whole = transcript.to_json(indent=indent).encode("utf-8")
        assert b"".join(pieces(transcript, indent=indent, chunk=1)) == whole


def test_front_matter_keys_named_like_the_long_lists_stay_in_place() -> None:
    data = json.loads(b"".join(pieces(TRANSCRIPTS[-1], chunk=1)))
    assert data["front_matter"]["turns"] == [] and data["front_matter"]["skipped"] == []
    assert len(data["turns"]) == 4 and data["turns"][1]["notes"][0]["text"] == "[laughter]"


@pytest.mark.parametrize("name", sorted(EXPORTERS))
def test_every_exporter_writes_what_it_renders(name: str) -> None:
    exporter = get_exporter(name)
    for transcript in TRANSCRIPTS[:3]:
        stream = io.BytesIO()
        exporter.write(transcript, ExportOptions(), stream)
        assert stream.getvalue() == exporter.render(transcript).encode("utf-8")


def test_convert_to_a_file_writes_what_stdout_shows(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    sample = str(SAMPLES / "captions.vtt")
    for indent in ("0", "2", "5"):
        target = tmp_path / f"out{indent}.json"
        assert main(["convert", sample, "--indent", indent, "-o", str(target)]) == 0
        assert main(["convert", sample, "--indent", indent]) == 0
        assert target.read_bytes() == capsys.readouterr().out.encode("utf-8")


def test_a_failed_write_leaves_the_old_file_and_no_temporary_one(tmp_path: Path) -> None:
    target = tmp_path / "out.json"
    target.write_text("previous")

    with pytest.raises(RuntimeError), atomic_open(target) as handle:
        handle.write(b"{")
        raise RuntimeError("the exporter failed half way")
    assert target.read_text() == "previous"
    assert [p.name for p in tmp_path.iterdir()] == ["out.json"]


def test_model_objects_are_dataclasses_changed_by_replace() -> None:
    transcript = TRANSCRIPTS[0]
    assert dataclasses.is_dataclass(transcript)
    assert not hasattr(transcript, "__dict__")  # slots: compact, no stray attributes
    changed = replace(transcript, title="changed")
    assert (changed.title, transcript.title) == ("changed", TRANSCRIPTS[0].title)
    assert changed.turns is transcript.turns  # a shallow copy, as model_copy was
    with pytest.raises(TypeError):
        Turn(0, "s0", "Host:", "Hi", 1, 1, 1)  # type: ignore[misc]  # keywords only


def test_from_json_reads_back_every_sample() -> None:
    for transcript in TRANSCRIPTS:
        text = transcript.to_json()
        again = Transcript.from_json(text)
        assert again.to_json() == text
        assert Transcript.from_json(transcript.to_json(indent=None).encode()).to_json() == text
        if transcript.front_matter is None:  # YAML dates come back as their JSON strings
            assert again == transcript
            assert isinstance(again.speakers[0].role, Role)


def test_from_json_rejects_what_is_not_a_transcript_with_our_error() -> None:
    with pytest.raises(TranscriptJSONError, match="not a transcript's JSON: source: Field req"):
        Transcript.from_json('{"schema_version": "1.0"}')
    data = json.loads(TRANSCRIPTS[0].to_json())
    data["turns"][0]["surprise"] = 1
    with pytest.raises(TranscriptJSONError, match=r"turns\.0\.surprise: Unexpected keyword"):
        Transcript.from_json(json.dumps(data))


@pytest.mark.parametrize(
    ("text", "line", "column"), [("{", 1, 1), ('{\n  "a": ,', 2, 8), ("", 1, 1), (b"\xff", 1, 1)]
)
def test_from_json_places_invalid_json(text: str | bytes, line: int, column: int) -> None:
    with pytest.raises(TranscriptJSONError) as caught:
        Transcript.from_json(text)
    assert (caught.value.line, caught.value.column) == (line, column)
    assert caught.value.message.startswith("not valid JSON: ")
    assert " at line" not in caught.value.message  # the place is in line and column


def test_validate_makes_a_cast_member_from_a_mapping() -> None:
    member = validate(CastMember, {"label": "Host", "role": "interviewer", "aliases": ["H"]})
    assert member == CastMember(label="Host", role=Role.interviewer, aliases=["H"])
    for bad in ({"label": "Host", "role": "boss"}, {"name": "No label"}, {"label": "x", "y": 1}):
        with pytest.raises(ValueError, match="1 validation error for CastMember"):
            validate(CastMember, bad)


def test_the_schema_keeps_every_field_description() -> None:
    from interview_parser.exporters.jsonout import schema

    document = json.loads(schema())
    source = document["$defs"]["Source"]
    assert source["description"] == "Where the transcript came from and how it was read."
    assert source["properties"]["path"]["description"] == (
        "The input file, or null for text or stdin."
    )
    assert document["$defs"]["Turn"]["properties"]["text"]["description"].endswith(
        "wrapped lines joined with a space, paragraphs separated by a blank line."
    )
    assert document["additionalProperties"] is False
    assert document["required"] == ["source", "speakers", "turns", "pairs"]
    undescribed = {
        (name, field)
        for name, definition in document["$defs"].items()
        for field, spec in definition.get("properties", {}).items()
        if "description" not in spec
    }
    assert undescribed == {("Pair", "index")}


def test_importing_the_model_or_parsing_does_not_import_pydantic() -> None:
    probe = (
        "import sys, interview_parser as ip\n"
        "ip.parse('Host: Why?\\nGuest: Because.\\n')\n"
        "print('pydantic' in sys.modules)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "False"


def test_model_classes_build_without_pydantic_validation() -> None:
    note = StageNote(text="[laughter]", line=1, column=5)
    source = Source(
        encoding="utf-8",
        newline="\n",
        final_newline=True,
        line_count=1,
        dialect="labelled",
        dialect_evidence="",
    )
    assert source.path is None and note == StageNote(text="[laughter]", line=1, column=5)


def test_json_goes_to_stdout_as_bytes_only_when_stdout_writes_utf8() -> None:
    from interview_parser.cli import _utf8_bytes

    utf8 = io.TextIOWrapper(io.BytesIO(), encoding="utf-8")
    assert _utf8_bytes(utf8) is utf8.buffer
    assert _utf8_bytes(io.TextIOWrapper(io.BytesIO(), encoding="latin-1")) is None
    assert _utf8_bytes(io.StringIO()) is None


def test_pieces_are_the_same_without_orjson(monkeypatch: pytest.MonkeyPatch) -> None:
    from interview_parser.exporters import jsonout

    assert jsonout.orjson is not None  # the test environment has it; this is the other path
    monkeypatch.setattr(jsonout, "orjson", None)
    for transcript in TRANSCRIPTS:
        for indent in (None, 2):
            whole = transcript.to_json(indent=indent).encode("utf-8")
            assert b"".join(pieces(transcript, indent=indent, chunk=3)) == whole


def test_a_chunk_orjson_cannot_take_falls_back_to_pydantic() -> None:
    transcript = TRANSCRIPTS[0]
    huge = replace(transcript.turns[0], line=2**70)  # beyond orjson's 64-bit integers
    transcript = replace(transcript, turns=[huge, *transcript.turns[1:]])
    for indent in (None, 2):
        whole = transcript.to_json(indent=indent).encode("utf-8")
        assert b"".join(pieces(transcript, indent=indent, chunk=2)) == whole


@pytest.mark.parametrize(
    "front_matter",
    [
        {"n": [0.1, -0.0, 1e16, 1e22, 5e-324, 1.7976931348623157e308, 2**63 - 1, -(2**63)]},
        {"inf": float("inf"), "nan": float("nan"), "deep": [[{"a": [True, None, "x"]}]]},
        {"text": 'Zoë \u2028 \x01 \x7f "quoted" \\ / 😀', "empty": {}, "none": []},
        {"big": 2**64, "huge": 2**70},  # beyond orjson's integers: pydantic writes the frame
        {"date": datetime.date(2024, 3, 5), "keys": {1: "one"}},  # not JSON's own types
        {"set": {1, 2}, "bytes": b"x"},
        # orjson would write "+00:00" where pydantic writes "Z"
        {"when": datetime.datetime(2024, 3, 5, 10, 20, 30, tzinfo=datetime.timezone.utc)},
    ],
)
def test_the_frame_is_the_same_with_or_without_pydantic(front_matter: dict[str, object]) -> None:
    # The frame (every field but the long lists) goes through orjson when the front matter
    # holds only JSON's own types, so that writing a stream never imports pydantic.
    # (the last transcript declares a cast in its front matter: roles and aliases)
    transcript = replace(TRANSCRIPTS[-1], front_matter=front_matter)
    assert transcript.cast and transcript.cast[0].role is Role.interviewer
    for indent in (None, 2, 4):
        whole = transcript.to_json(indent=indent).encode("utf-8")
        assert b"".join(pieces(transcript, indent=indent, chunk=2)) == whole
        stream = stream_of(transcript)  # the stream's path: pieces as they come
        sink = io.BytesIO()
        get_exporter("json").write(stream, ExportOptions(indent=indent), sink)
        assert sink.getvalue() == whole + b"\n"


def test_writing_a_stream_as_json_does_not_import_pydantic() -> None:
    probe = (
        "import io, sys, interview_parser as ip\n"
        "from interview_parser.exporters import get_exporter\n"
        "stream = ip.stream_bytes(b'---\\ntitle: T\\nn: [1.5, 2]\\n---\\nHost: Why?\\n"
        "Guest: Because.\\n')\n"
        "get_exporter('json').write(stream, None, io.BytesIO())\n"
        "print('pydantic' in sys.modules)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "False"
