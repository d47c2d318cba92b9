"""Issue 17's reproducers, one test each: hostile input gives a result or a one-line error.

The crafted inputs that made a pattern backtrack or a loop go quadratic run in a child
process with a generous time limit (a hang guard, not a speed target: the old code takes
minutes to hours on them, the new milliseconds; speed is measured by
``bench/adversarial.py``). Each rewritten pattern is also held equal to the one it
replaces on short inputs, where the old one is still quick.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from interview_parser import InterviewParserError, parse, parse_bytes
from interview_parser.batch import plan
from interview_parser.checks import suppress
from interview_parser.checks.runner import check_bytes
from interview_parser.checks.speakers import _LABEL_LIKE
from interview_parser.checks.typos import OneEditIndex, earliest_one_edit, one_edit
from interview_parser.cli import cli
from interview_parser.config import read_config
from interview_parser.errors import TranscriptSyntaxError, UsageError
from interview_parser.exporters import EXPORTERS, ExportOptions, export
from interview_parser.exporters import podcast_json as podcast_json_out
from interview_parser.resolve import conduct, labels

ROOT = Path(__file__).resolve().parent.parent

# --- tracebacks -------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["vtt", "srt"])
def test_an_empty_turn_has_no_cue(fmt: str) -> None:
    document = export(parse("Host:\nGuest: ok\n"), fmt)
    assert "ok" in document
    export(parse("Q.  "), fmt)  # IndexError before


def _segments(start: str, end: str = "2") -> str:
    return (
        '{"segments": [\n'
        '  {"speaker": "Ann", "startTime": 0, "endTime": 1, "body": "Hello there."},\n'
        f'  {{"speaker": "Bob", "startTime": {start}, "endTime": {end}, "body": "Hi."}}\n'
        "]}\n"
    )


@pytest.mark.parametrize("value", ["1e308", "1e999", "NaN", "Infinity", "-Infinity", "9" * 5000])
def test_a_podcast_json_time_that_is_no_time_is_an_error_at_its_place(value: str) -> None:
    with pytest.raises(TranscriptSyntaxError) as caught:
        parse(_segments(value), dialect="podcast-json")
    error = caught.value
    line = _segments(value).splitlines()[2]
    assert (error.line, error.column) == (3, line.index('"startTime": ') + 14)
    assert error.message.startswith("startTime ")
    assert "is not a time" in error.message and len(error.message) < 120


@pytest.mark.parametrize("fmt", sorted(EXPORTERS))
def test_a_huge_podcast_json_time_never_reaches_an_exporter(tmp_path: Path, fmt: str) -> None:
    path = tmp_path / "t.json"
    path.write_text(_segments("1", "1e308"), encoding="utf-8")
    result = CliRunner().invoke(cli, ["convert", str(path), "--to", fmt])
    column = _segments("1", "1e308").splitlines()[2].index("1e308") + 1
    assert result.exit_code == 1
    assert result.stderr == (
        f"{path}:3:{column}: error: endTime 1e308 is not a time (seconds from 0 to 10,000,000)\n"
    )


def test_sane_podcast_json_times_still_read() -> None:
    transcript = parse(_segments("1.5", "2.25"), dialect="podcast-json")
    assert [(t.start, t.end) for t in transcript.turns] == [(0, 1), (1.5, 2.25)]


@pytest.mark.parametrize("value", ["NaN", "1e308", "-1", "10000000001"])
def test_a_json_array_time_that_is_no_time_is_an_error_at_its_place(value: str) -> None:
    # A bare array's times may be milliseconds: its limit is a thousand times Podcasting 2.0's.
    text = f'[{{"start": 0, "end": 900, "text": "Hi."}},\n {{"start": {value}, "text": "Yo."}}]'
    with pytest.raises(TranscriptSyntaxError) as caught:
        parse(text, dialect="json-array")
    assert (caught.value.line, caught.value.column) == (2, 12)
    assert caught.value.message == (
        f"start {value} is not a time (seconds or milliseconds from 0 to 10,000,000,000)"
    )
    sane = parse(text.replace(value, "9000000000"), dialect="json-array")
    assert [t.text for t in sane.turns] == ["Hi. Yo."]


@pytest.mark.parametrize("value", ["1e999", "NaN", "inf", "-5", "1e308"])
@pytest.mark.parametrize("fmt", ["podcast", "fountain", "html", "srt"])
def test_a_csv_time_that_is_no_time_is_an_error_at_its_cell(value: str, fmt: str) -> None:
    # 1e999 and NaN reached the exporters and check as times: OverflowError in int().
    text = f"speaker,start,text\nAnn,0,Hello there.\nBob,{value},Hi.\n"
    with pytest.raises(TranscriptSyntaxError) as caught:
        export(parse(text, dialect="csv"), fmt)
    assert (caught.value.line, caught.value.column) == (3, 5)
    assert caught.value.message == f"start {value} is not a time (seconds from 0 to 10,000,000)"
    problems = check_bytes(text.encode())
    assert [(p.line, p.column) for p in problems if p.severity == "error"] == [(3, 5)]
    fine = export(parse(text.replace(value, "2.5"), dialect="csv"), fmt)
    assert "Hi." in fine


def test_podcast_json_nested_a_thousand_deep_is_an_error() -> None:
    text = '{"segments": ' + "[" * 1000 + "]" * 1000 + "}"
    with pytest.raises(TranscriptSyntaxError, match="nested too deeply"):
        parse(text, dialect="podcast-json")
    body = '{"segments": [{"speaker": "A", "body": ' + "[" * 900 + "]" * 900 + "}]}"
    with pytest.raises(TranscriptSyntaxError, match="body must be text"):
        parse(body, dialect="podcast-json")


def _front(body: str) -> str:
    return f"---\n{body}\n---\nHost: Welcome to the programme.\nGuest: Thank you.\n"


def test_front_matter_nested_five_thousand_deep_is_ignored_with_a_warning() -> None:
    transcript = parse(_front("a: " + "[" * 5000 + "]" * 5000))
    assert transcript.front_matter is None
    assert transcript.warnings == ["line 2: front matter ignored: nested more than 32 levels deep"]
    deep_block = "".join("  " * i + f"k{i}:\n" for i in range(200))
    assert "nested more than 32" in parse(_front(deep_block)).warnings[0]


def test_a_front_matter_alias_that_refers_to_itself_is_ignored() -> None:
    transcript = parse(_front("a: &a [*a]"))
    assert transcript.front_matter is None
    assert transcript.warnings == [
        "line 2: front matter ignored: an alias refers to the value that contains it"
    ]
    assert transcript.to_json()  # nothing circular is left to write


def billion_laughs(levels: int = 9) -> str:
    lines = ['a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for i, name in enumerate("bcdefghijklmnop"[: levels - 1]):
        previous = "abcdefghijklmnop"[i]
        lines.append(f"{name}: &{name} [" + ", ".join([f"*{previous}"] * 9) + "]")
    return "\n".join(lines)


def test_billion_laughs_front_matter_is_refused() -> None:
    transcript = parse(_front(billion_laughs()))
    assert transcript.front_matter is None
    assert transcript.warnings == [
        "line 2: front matter ignored: its aliases repeat more than 10,000 values"
    ]
    assert [t.speaker for t in transcript.turns] == ["host", "guest"]


def test_modest_aliases_are_still_read() -> None:
    body = "base: &base {role: interviewer}\ncast:\n  - {label: Host, <<: *base}"
    transcript = parse(_front(body))
    assert transcript.warnings == []
    assert transcript.cast[0].label == "Host"


def test_an_overlong_front_matter_is_ignored() -> None:
    transcript = parse(_front("notes: " + "x" * 300_000))
    assert transcript.front_matter is None
    assert "longer than 262,144 characters" in transcript.warnings[0]


@pytest.mark.parametrize("tool", ["tool = 5", "tool = [1, 2]"])
def test_a_tool_that_is_no_table_is_an_error_of_the_pyproject(tmp_path: Path, tool: str) -> None:
    pyproject = tmp_path / "pyproject.toml"
    pyproject.write_text(tool + "\n", encoding="utf-8")
    with pytest.raises(UsageError) as caught:
        read_config(pyproject)
    assert caught.value.path == str(pyproject)
    transcript = tmp_path / "t.txt"
    transcript.write_text("Host: Hi.\nGuest: Hello.\n", encoding="utf-8")
    for command in (["check"], ["convert"], ["inspect"]):
        result = CliRunner().invoke(cli, [*command, str(transcript)])
        assert result.exit_code == 2
        assert result.stderr == f"{pyproject}: error: [tool] must be a table\n"


def test_a_bad_rules_select_is_reported_against_the_pyproject(tmp_path: Path) -> None:
    pyproject = tmp_path / "pyproject.toml"
    pyproject.write_text('[tool.interview-parser.rules]\nselect = ["IP999"]\n', encoding="utf-8")
    transcript = tmp_path / "t.txt"
    transcript.write_text("Host: Hi.\nGuest: Hello.\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["check", str(transcript)])
    assert result.exit_code == 2
    assert result.stderr.startswith(f"{pyproject}: error: [tool.interview-parser.rules] unknown")
    assert result.stderr.count("\n") == 1


@pytest.mark.parametrize("cue", ["<v Anna\nhello> there", "<v Anna\n>", "<v\n>x"])
def test_an_unclosed_voice_tag_names_nobody(cue: str) -> None:
    text = (
        f"WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n{cue}\n\n"
        "00:00:03.000 --> 00:00:04.000\n<v Bob>Hi there.\n"
    )
    transcript = parse(text, dialect="vtt")
    assert all("\n" not in s.label for s in transcript.speakers)
    for fmt in EXPORTERS:
        export(transcript, fmt)


# --- batch ------------------------------------------------------------------------------


def test_every_input_of_a_batch_gets_its_own_output(tmp_path: Path) -> None:
    names = ["x.txt", "x.md", "x.txt.txt", "x.txt.txt.txt"]
    for name in names:
        (tmp_path / name).write_text(f"Host: From {name}.\nGuest: Yes.\n", encoding="utf-8")
    sources = [str(tmp_path / n) for n in names]
    jobs = plan(sources, tmp_path / "out", ".json")
    assert [j.target.name for j in jobs] == [
        "x.txt.json",
        "x.md.json",
        "x.txt.txt.json",
        "x.txt.txt.txt.json",
    ]
    result = CliRunner().invoke(cli, ["convert", *sources, "--out-dir", str(tmp_path / "out")])
    assert result.exit_code == 0
    for name, job in zip(names, jobs, strict=True):
        assert f"From {name}." in job.target.read_text(encoding="utf-8")


def test_short_names_stay_when_nothing_clashes(tmp_path: Path) -> None:
    jobs = plan([str(tmp_path / "a.txt"), str(tmp_path / "b.md")], tmp_path / "out", ".json")
    assert [j.target.name for j in jobs] == ["a.json", "b.json"]


# --- memory: podcast-json in pieces -----------------------------------------------------


@pytest.mark.parametrize("indent", [None, 0, 2, 4])
def test_podcast_json_in_pieces_is_json_dumps_of_the_whole(indent: int | None) -> None:
    options = ExportOptions(indent=indent)
    for text in ('Host: Hi. ¿Qué?\nGuest: "Quoted" \\ yes.\n\nMore.\n', "Host: Hi.\n"):
        transcript = parse(text)
        whole = {
            "version": podcast_json_out.VERSION,
            "timesEstimated": True,
            "segments": podcast_json_out.segments(transcript, options),
        }
        expected = json.dumps(whole, indent=indent, ensure_ascii=False) + "\n"
        assert podcast_json_out.render(transcript, options) == expected


def test_podcast_json_is_written_in_pieces() -> None:
    class Pieces(list[bytes]):
        def write(self, data: bytes) -> int:
            self.append(data)
            return len(data)

    transcript = parse("".join(f"Host: Question {i}?\nGuest: Answer {i}.\n" for i in range(50)))
    stream = Pieces()
    EXPORTERS["podcast-json"].write(transcript, ExportOptions(), stream)  # type: ignore[arg-type]
    assert len(stream) > 100  # a piece a segment, not one string
    assert b"".join(stream) == export(transcript, "podcast-json").encode("utf-8")


# --- time: hang guards on the crafted inputs ----------------------------------------------

HANGS = {
    # 85 s at 4 kB before (cubic); 16 kB here
    "directive": "from interview_parser.checks.suppress import directives\n"
    "directives(['<!-- interview-parser: disable=' + ' ' * 16_000])",
    # 46 s at 100 kB before (quadratic); 400 kB here
    "comment": "from interview_parser import parse\n"
    "parse('Host: ' + '<!-- a ' * 60_000 + '\\nGuest: yes\\n')",
    "sentence": "from interview_parser.resolve.conduct import prompts\n"
    "prompts('a' * 400_000 + '¿')",
    "steering": "from interview_parser.resolve.conduct import hosts\n"
    "hosts('what about it\\n' * 100_000)",
    "label-like": "from interview_parser.checks.speakers import _LABEL_LIKE\n"
    "_LABEL_LIKE.match('Abc' + ' ' * 200_000 + 'x')",
    "markup": "from interview_parser.resolve.labels import analyse\n"
    "analyse('B ' + '_ ' * 250_000 + 'C:')",
    # 28 s for 10,000 labels before (quadratic); 60,000 speakers here, without the parse
    "typos": "from interview_parser import parse\n"
    "from interview_parser.checks.context import Context\n"
    "from interview_parser.checks.speakers import label_typo\n"
    "from interview_parser.model import replace\n"
    "t = parse('Host: Hi.\\nGuest: Hello.\\n')\n"
    "more = [replace(t.speakers[1], id=f'g{i}', label=f'Name{i:05d}x') for i in range(60_000)]\n"
    "t = replace(t, speakers=[*t.speakers, *more], turns=t.turns[:1])\n"
    "list(label_typo(Context('x', None, None, t)))",
    "script cast": "from interview_parser import parse\n"
    "from interview_parser.exporters import export\n"
    "from interview_parser.model import replace\n"
    "t = parse('Host: Hi.\\nGuest: Hello.\\n')\n"
    "more = [replace(t.speakers[1], id=f'g{i}') for i in range(100_000)]\n"
    "export(replace(t, speakers=[*t.speakers, *more]), 'podcast')",
}


@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(HANGS))
def test_crafted_input_does_not_hang(name: str) -> None:
    code = textwrap.dedent(HANGS[name])
    subprocess.run([sys.executable, "-c", code], check=True, timeout=120, cwd=ROOT)


# --- the rewritten patterns read as the old ones did ------------------------------------

OLD_DIRECTIVE = re.compile(r"<!--\s*interview-parser:\s*disable(?:\s*=\s*([\w\s,-]*?))?\s*-->")


def _old_directives(line: str) -> frozenset[str]:
    codes: set[str] = set()
    for match in OLD_DIRECTIVE.finditer(line):
        listed = [c.strip() for c in (match.group(1) or "").split(",") if c.strip()]
        codes.update(c.upper() if c[:2].lower() == "ip" else c for c in listed)
        if not listed:
            codes.add(suppress.ALL)
    return frozenset(codes)


PIECES = ["<!--", "-->", " ", "interview-parser:", "disable", "=", "IP202", ",", "x", "-", "<", ">"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=14).map("".join))
def test_the_directive_reads_as_before(line: str) -> None:
    table = suppress.directives([line])
    assert table.get(1, frozenset()) == _old_directives(line)


OLD_SENTENCE = re.compile(r"[^.!?？¿…]*(?:[.!?？…]+|$)")
OLD_STEERING_TAIL = re.compile(
    r"\b(?:(?:^|(?<=[.!?]\s))(?:(?:so|and|now|okay|ok|well),? )?what about\b[^.!?]*\?)",
    re.IGNORECASE | re.MULTILINE,
)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from(["a", " ", "¿", "?", ".", "\n", "what about", "so, ", "x!"]), max_size=12
    ).map("".join)
)
def test_sentences_and_what_about_read_as_before(text: str) -> None:
    assert conduct._sentences(text) == OLD_SENTENCE.findall(text)
    assert conduct._asks_what_about(text) == bool(OLD_STEERING_TAIL.search(text))


OLD_LABEL_LIKE = re.compile(
    r"^[\s\u200b-\u200d\u2060\ufeff]*([^\W\d_][\w'’.&\- ]{0,40}?)[^\S\n]*(?:\([^()\n]*\))?"
    r"[^\S\n]*:\s"
)
OLD_MARKUP = re.compile(r"\*\*|__|^[\[\]*_\s]+|[\[\]*_\s]+$")


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from(["A", "b", " ", "\t", "(", ")", ":", " x", ".", "1", "*", "_", "[", "]"]),
        max_size=14,
    ).map("".join)
)
def test_label_patterns_read_as_before(text: str) -> None:
    old, new = OLD_LABEL_LIKE.match(text), _LABEL_LIKE.match(text)
    assert (old and (old.group(1), old.end())) == (new and (new.group(1), new.end()))
    assert labels._unmarked(text) == OLD_MARKUP.sub("", text)


# --- the typo index finds what comparing each with each finds ---------------------------

KEYS = st.text(alphabet="ab1 é", max_size=6)


@settings(max_examples=300, deadline=None)
@given(st.lists(KEYS, max_size=12), st.lists(KEYS, max_size=4))
def test_the_one_edit_index_finds_the_first_key_one_edit_away(
    keys: list[str], more: list[str]
) -> None:
    index = OneEditIndex((k, k) for k in keys)
    for query in [*keys, *more]:
        assert index.best(query) == next((k for k in keys if one_edit(query, k)), None)


@settings(max_examples=300, deadline=None)
@given(st.lists(KEYS, max_size=14))
def test_the_self_join_finds_the_first_earlier_key_one_edit_away(keys: list[str]) -> None:
    found = earliest_one_edit(keys, [True] * len(keys))
    for n, key in enumerate(keys):
        expected = next((k for k, earlier in enumerate(keys[:n]) if one_edit(key, earlier)), None)
        assert found[n] == expected


def test_label_typo_still_names_the_common_spelling() -> None:
    text = (
        "Editor: Welcome.\nGuest: Thanks.\nEditr: How?\nGuest: Well.\nEditor: And?\nGuest: Then.\n"
    )
    problems = [p for p in check_bytes(text.encode()) if p.code == "IP202"]
    assert [(p.line, p.message) for p in problems] == [
        (3, "label 'Editr' looks like a typo of 'Editor'")
    ]


def test_a_library_error_is_an_interview_parser_error() -> None:
    with pytest.raises(InterviewParserError):
        parse_bytes(_segments("NaN").encode(), dialect="podcast-json")


# --- exporters that write in pieces write what they render -------------------------------

PIECEWISE = sorted(EXPORTERS)  # every format writes its document in pieces
TEXT_SUFFIXES = {".txt", ".md", ".srt", ".vtt", ".json"}
WRITTEN_SAMPLES = sorted(
    p for p in (Path(__file__).parent.parent / "samples").rglob("*") if p.suffix in TEXT_SUFFIXES
)


@pytest.mark.parametrize("name", PIECEWISE)
def test_a_piecewise_writer_writes_the_rendered_document(name: str, tmp_path: Path) -> None:
    # Many short cues (the writers flush every few hundred) and every sample.
    texts = ["Host: Hi?\nGuest: Yes.\n" * 700] + [p.read_text() for p in WRITTEN_SAMPLES]
    for text in texts:
        transcript = parse(text)
        with (tmp_path / "out").open("wb") as stream:
            EXPORTERS[name].write(transcript, ExportOptions(), stream)
        assert (tmp_path / "out").read_bytes() == export(transcript, name).encode("utf-8")


def test_the_piecewise_writers_include_the_subtitles() -> None:
    assert {"json", "podcast-json", "srt"} <= set(PIECEWISE)
