"""The README does not lie: its example output is what the tool prints, its commands and
options exist, the names it gives are real, its map of the code is the import contract, and
every Python example in it runs."""

from __future__ import annotations

import glob
import importlib
import json
import re
import shlex
import subprocess
import sys
import types
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from click.testing import CliRunner
from conftest import ROOT, SAMPLES

from interview_parser.cli import cli

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

README = (ROOT / "README.md").read_text(encoding="utf-8")


def blocks(language: str) -> list[str]:
    """The README's fenced code blocks of ``language`` ("" for a bare fence)."""
    found: list[str] = []
    fence: str | None = None  # the language of the open block, None outside one
    lines: list[str] = []
    for line in README.splitlines(keepends=True):
        if line.startswith("```"):
            if fence is None:
                fence, lines = line[3:].strip(), []
                continue
            if fence == language:
                found.append("".join(lines))
            fence = None
        elif fence is not None:
            lines.append(line)
    return found


def test_inspect_example_is_current(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)  # the example names the sample relative to the repository
    block = re.search(r"```\n\$ interview-parser inspect (\S+)\n(.*?)```", README, re.S)
    assert block is not None
    result = CliRunner().invoke(cli, ["inspect", block.group(1)])
    assert result.stdout == block.group(2)


def test_ci_reads_two_marked_commands() -> None:
    for tag in ("run", "test"):
        match = re.search(rf"<!-- ci: {tag} -->\n```\n(.+)\n```", README)
        assert match is not None and match.group(1).startswith("pip install")
    assert "python -m pytest -q\n" in match.group(1) + "\n"  # the test command runs them all


# -- names ---------------------------------------------------------------------------------


def _resolve(dotted: str) -> object:
    """The module, class, function or attribute a dotted ``interview_parser...`` name means."""
    parts = dotted.split(".")
    for cut in range(len(parts), 0, -1):
        try:
            found: object = importlib.import_module(".".join(parts[:cut]))
        except ModuleNotFoundError:
            continue
        for name in parts[cut:]:
            found = getattr(found, name)
        return found
    raise ModuleNotFoundError(dotted)


def test_every_dotted_name_in_the_readme_exists() -> None:
    names = set(re.findall(r"`(interview_parser(?:\.\w+)+)", README))
    assert len(names) >= 4
    for name in sorted(names):
        assert _resolve(name) is not None, name


def test_every_ip_name_in_the_readme_exists() -> None:
    import interview_parser as ip

    names = set(re.findall(r"\bip\.(\w+)", README))
    assert {"parse", "parse_file", "InterviewParserError", "FileError"} <= names
    for name in sorted(names):
        assert hasattr(ip, name), name


# -- commands ------------------------------------------------------------------------------


def _command_lines() -> Iterator[list[str]]:
    """Every ``interview-parser ...`` command the README's shell blocks show, as arguments."""
    for block in blocks(""):
        for line in block.splitlines():
            line = line.split("|")[-1].strip()  # `cat x | interview-parser ...`
            if line.startswith("interview-parser "):
                yield shlex.split(line, comments=True)[1:]


def test_every_command_and_option_in_the_readme_exists() -> None:
    seen = 0
    for args in _command_lines():
        if args[0] in ("-V", "--version", "--help"):
            continue
        with cli.make_context("interview-parser", list(args), resilient_parsing=False) as ctx:
            protected = getattr(ctx, "_protected_args", None)  # click 8.2; 8.1 has no "_"
            if protected is None:
                protected = ctx.protected_args
            name, command, rest = cli.resolve_command(ctx, [*protected, *ctx.args])
            assert command is not None, args
            command.make_context(name or "", rest, parent=ctx)  # raises on an unknown option
        seen += 1
    assert seen >= 20


def test_version_short_and_long() -> None:
    from interview_parser import __version__

    for flag in ("-V", "--version"):
        result = CliRunner().invoke(cli, [flag])
        assert result.exit_code == 0
        assert result.stdout == f"interview-parser, version {__version__}\n"


def test_shell_completion_as_documented() -> None:
    assert "_INTERVIEW_PARSER_COMPLETE=bash_source interview-parser" in README
    script = subprocess.run(
        [sys.executable, "-c", "from interview_parser.cli import run; run()"],
        env={"_INTERVIEW_PARSER_COMPLETE": "bash_source", "PATH": "/usr/bin:/bin"},
        capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert script.returncode == 0 and "_interview_parser_completion()" in script.stdout
    words = subprocess.run(
        [sys.executable, "-c", "from interview_parser.cli import run; run()"],
        env={"_INTERVIEW_PARSER_COMPLETE": "bash_complete", "COMP_WORDS": "interview-parser ins",
             "COMP_CWORD": "1", "PATH": "/usr/bin:/bin"},
        capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert words.stdout.split() == ["plain,inspect"]


# -- the map of the code -------------------------------------------------------------------


def _map_rows() -> list[list[str]]:
    """The layers the README's code map lists, top first, as module names."""
    (block,) = [b for b in blocks("") if b.startswith("interview_parser/cli.py")]
    rows = []
    for line in block.splitlines():
        if line.startswith("interview_parser/"):
            first = line.split("  ")[0]
            rows.append([
                "interview_parser." + Path(item.strip()).as_posix().removesuffix("/")
                .removesuffix(".py").removeprefix("interview_parser/").replace("/", ".")
                for item in first.split(" | ")
            ])  # fmt: skip
    return rows


def test_the_code_map_is_the_import_contract() -> None:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    (contract,) = config["tool"]["importlinter"]["contracts"]
    layers = [sorted(part.strip() for part in layer.split("|")) for layer in contract["layers"]]
    assert [sorted(row) for row in _map_rows()] == layers


def test_the_code_map_lists_every_module() -> None:
    package = ROOT / "interview_parser"
    modules = {
        f"interview_parser.{p.stem}" for p in package.iterdir()
        if (p.suffix == ".py" and p.stem not in ("__init__", "__main__"))
        or (p.is_dir() and (p / "__init__.py").exists())
    }  # fmt: skip
    assert {name for row in _map_rows() for name in row} == modules
    assert "__main__.py" in README


# -- the Python examples -------------------------------------------------------------------


class _FakeBag:
    """The few ``dask.bag`` calls the README's example makes, run eagerly in this process."""

    def __init__(self, items: Iterable[Any]) -> None:
        self.items = list(items)

    def map(self, function: Callable[[Any], Any]) -> _FakeBag:
        return _FakeBag(function(item) for item in self.items)

    def to_textfiles(self, pattern: str) -> None:
        target = Path(pattern.replace("*", "0"))
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text("".join(f"{line}\n" for line in self.items), encoding="utf-8")


class _FakeSparkContext:
    """``wholeTextFiles(...).mapPartitions(f)`` over the files, as one partition."""

    def __init__(self) -> None:
        self.rows: list[tuple[str, str]] = []
        self.results: list[Any] = []

    def wholeTextFiles(self, pattern: str) -> _FakeSparkContext:
        self.rows = [(p, Path(p).read_text(encoding="utf-8", errors="replace"))
                     for p in sorted(glob.glob(pattern)) if Path(p).is_file()]  # fmt: skip
        return self

    def mapPartitions(self, function: Callable[[Any], Any]) -> list[Any]:
        self.results = list(function(iter(self.rows)))
        return self.results


@pytest.fixture
def archive(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A working folder with an archive: two transcripts, a binary file and a folder that
    a glob takes for a transcript (once a crash: the error promise of ``parse_file``)."""
    folder = tmp_path / "archive"
    (folder / "2025").mkdir(parents=True)
    (folder / "a.txt").write_bytes((SAMPLES / "article-preamble.txt").read_bytes())
    (folder / "2025" / "b.txt").write_text("Editor: Why?\nGuest: Because.\n", encoding="utf-8")
    (folder / "broken.txt").write_bytes(b"\x00\x01\x02\x03\x04\x05")
    (folder / "folder.txt").mkdir()
    monkeypatch.chdir(tmp_path)
    return folder


# The examples that need an engine we do not depend on; each has its own test below.
ENGINES = ("dask.bag", "spark.")


def _python_blocks() -> list[str]:
    found = blocks("python")
    assert len(found) >= 3  # the library, Dask, Spark
    return found


def test_every_plain_example_runs(archive: Path) -> None:
    """Each example that needs no engine runs as it is, with ``text`` a transcript (the
    library example's comments are checked too)."""
    plain = [b for b in _python_blocks() if not any(engine in b for engine in ENGINES)]
    assert plain
    for number, block in enumerate(plain):
        namespace: dict[str, Any] = {"text": "Editor: Why now?\nGuest: Because it is time.\n"}
        exec(compile(block, f"README.md (example {number})", "exec"), namespace)
        if "ip.parse(text)" in block:
            assert namespace["t"].speakers[0].role.value == "interviewer"  # "Role.interviewer"


def test_the_dask_example_runs_and_keeps_the_errors(
    archive: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Dask is no dependency of ours: a stand-in runs the bag's calls eagerly, so what is
    # tested is the example's use of this library (the same calls in every worker).
    dask = types.ModuleType("dask")
    bag = types.ModuleType("dask.bag")
    bag.from_sequence = lambda items, npartitions=1: _FakeBag(items)  # type: ignore[attr-defined]
    dask.bag = bag  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "dask", dask)
    monkeypatch.setitem(sys.modules, "dask.bag", bag)
    (block,) = [b for b in _python_blocks() if "dask.bag" in b]
    exec(compile(block, "README.md (dask)", "exec"), {"__name__": "__main__"})
    records = [json.loads(line) for line in Path("out/0.jsonl").read_text().splitlines()]
    by_path = {Path(r["path"]).name: r for r in records}
    assert sorted(by_path) == ["a.txt", "b.txt", "broken.txt", "folder.txt"]
    assert by_path["a.txt"]["transcript"]["title"].startswith("Mending")
    assert "not a text file" in by_path["broken.txt"]["error"]
    assert "cannot read: Is a directory" in by_path["folder.txt"]["error"]


def test_the_spark_example_runs_and_keeps_the_errors(archive: Path) -> None:
    (block,) = [b for b in _python_blocks() if "spark." in b]
    context = _FakeSparkContext()
    exec(compile(block, "README.md (spark)", "exec"), {"spark": types.SimpleNamespace(
        sparkContext=context)})  # fmt: skip
    results = {Path(path).name: (out, error) for path, out, error in context.results}
    assert sorted(results) == ["a.txt", "broken.txt"]  # the glob is not recursive
    assert json.loads(results["a.txt"][0])["title"].startswith("Mending")
    assert results["a.txt"][1] is None
    assert results["broken.txt"][0] is None and "no speaker turns" in results["broken.txt"][1]


def test_the_toml_example_is_a_valid_project_table(tmp_path: Path) -> None:
    from interview_parser.config import find_config

    (block,) = blocks("toml")
    (tmp_path / "pyproject.toml").write_text(block, encoding="utf-8")
    config = find_config(tmp_path, {})
    assert config.dialect == "labelled" and config.strict
    assert [m.label for m in config.cast] == ["Host", "Dr. Morozova"]


def test_the_pre_commit_example_names_published_hooks() -> None:
    (block,) = blocks("yaml")
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    (repo,) = yaml.safe_load(block)["repos"]
    assert {h["id"] for h in repo["hooks"]} <= {h["id"] for h in hooks}
    assert re.fullmatch(r"[0-9a-f]{40}", repo["rev"])  # a commit hash: no tag is promised
    assert "pre-commit autoupdate --freeze" in README
