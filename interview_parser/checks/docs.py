"""The rules' docstrings as user documentation: ``docs/rules.md`` and the examples in them.

``docs/rules.md`` is generated, never edited: ``interview-parser rules --markdown >
docs/rules.md``. A test regenerates it and compares, and another runs every rule on its own
failing and passing example, so the documentation cannot drift from the code.
"""

from __future__ import annotations

import re
import textwrap

from .registry import RULES
from .rule import FAMILIES, Rule

_BLOCK = re.compile(r"^(Fails|Passes)::\n\n((?:(?: {4}[^\n]*)?\n)+)", re.MULTILINE)
_ESCAPE = re.compile(r"\\x([0-9a-fA-F]{2})|\\r\\n$|\\n$|\\r$|<no line end>$")

HEADER = """\
# Rules of `interview-parser check`

<!-- Generated from the rules' docstrings by `interview-parser rules --markdown > docs/rules.md`.
     Do not edit by hand: tests/test_check_docs.py fails when this file is out of date. -->

Each rule has a stable code: the digit after `IP` is its family ({families}).
`--select` and `--ignore` take codes, code prefixes (`IP2`), rule names or family names.
Errors fail a check; warnings only with `--strict`. A problem is silenced by
`<!-- interview-parser: disable=CODE -->` on its line or the line before (several codes
separated by commas; no `=CODE` silences every rule there). *Fixable* problems are repaired
by `interview-parser fmt`.

In the examples, `\\xNN` stands for the byte NN, a trailing `\\r\\n` or `\\n` for that line
end, and `<no line end>` for a file that ends without one.

| code | name | family | severity | fixable |
|---|---|---|---|---|
"""


def example(rule: Rule, kind: str) -> bytes:
    """The file contents of ``rule``'s ``Fails`` or ``Passes`` example, escapes applied."""
    found = {m.group(1): m.group(2) for m in _BLOCK.finditer(rule.doc + "\n")}
    block = textwrap.dedent(found[kind]).strip("\n")
    data = b""
    for line in block.split("\n"):
        end = b"\n"
        marker = re.search(r"(\\r\\n|\\n|\\r|<no line end>)$", line)
        if marker:
            line = line[: marker.start()]
            end = {"\\r\\n": b"\r\n", "\\n": b"\n", "\\r": b"\r", "<no line end>": b""}[
                marker.group(1)
            ]
        parts = re.split(r"\\x([0-9a-fA-F]{2})", line)
        for i, part in enumerate(parts):
            data += bytes([int(part, 16)]) if i % 2 else part.encode("utf-8")
        data += end
    return data


def _close(out: list[str]) -> None:
    while out[-1] == "":
        out.pop()
    out.append("```")
    out.append("")


def _markdown_body(doc: str) -> str:
    """The docstring after its summary line, ``Fails::`` blocks as fenced code."""
    out: list[str] = []
    in_block = False
    for line in doc.split("\n")[1:]:
        if in_block:
            if not line and out[-1] == "```text":
                continue
            if not line or line.startswith("    "):
                out.append(line[4:])
                continue
            _close(out)
            in_block = False
        if line.endswith("::"):
            out.extend([line[:-1], "", "```text"])
            in_block = True
        else:
            out.append(line.replace("``", "`"))
    if in_block:
        _close(out)
    return "\n".join(out).strip("\n")


def rules_markdown() -> str:
    """The whole of ``docs/rules.md``."""
    parts = [HEADER.format(families=", ".join(f"{p} {f}" for f, p in FAMILIES.items()))]
    for rule in RULES.values():
        fix = "yes" if rule.fixable else "no"
        anchor = f"{rule.code}-{rule.name}".lower()
        parts.append(
            f"| [{rule.code}](#{anchor}) | {rule.name} | {rule.family} | "
            f"{rule.severity.value} | {fix} |\n"
        )
    for rule in RULES.values():
        fix = ", fixable" if rule.fixable else ""
        parts.append(
            f"\n## {rule.code} {rule.name}\n\n*{rule.family}, {rule.severity.value}{fix}*\n\n"
            f"{rule.summary}\n\n{_markdown_body(rule.doc)}\n"
        )
    return "".join(parts)
