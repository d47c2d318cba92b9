"""Report formats for ``check``: text, json, github (workflow annotations) and sarif.

A plain dict from format name to a function that renders the sorted problems of a run as
one string. Text is ``path:line:col: CODE message``, the line editors, grep and pre-commit
understand.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from ..errors import UsageError, printable
from ..version import __version__
from .problem import Problem
from .registry import RULES

Render = Callable[[Sequence[Problem]], str]


def text(problems: Sequence[Problem]) -> str:
    """``path:line:col: CODE message`` a line; what a message quotes is shown escaped."""
    lines = list(map(str, problems))
    whole = "".join(lines)
    # No control character in any line (isprintable: none of them, nor other unprintables,
    # scanned in C; else the escaping's own search): the lines as they are.
    if not whole.isprintable() and printable(whole) != whole:
        lines = list(map(printable, lines))
    return "".join(f"{line}\n" for line in lines)


def _record(problem: Problem) -> dict[str, object]:
    return {
        "path": problem.path,
        "line": problem.line,
        "column": problem.column,
        "code": problem.code,
        "name": problem.name,
        "severity": problem.severity.value,
        "fixable": problem.fixable,
        "message": problem.message,
    }


def json_report(problems: Sequence[Problem]) -> str:
    import json  # only the json and sarif reports need it; check's text report runs often

    return json.dumps([_record(p) for p in problems], indent=2, ensure_ascii=False) + "\n"


def _escape(value: str, *, prop: bool = False) -> str:
    value = value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return value.replace(":", "%3A").replace(",", "%2C") if prop else value


def github(problems: Sequence[Problem]) -> str:
    """GitHub Actions workflow commands: each problem becomes an annotation on its line."""
    lines = []
    for p in problems:
        kind = p.severity.value  # "error" or "warning", as GitHub names them
        where = f"file={_escape(p.path, prop=True)},line={p.line},col={p.column}"
        title = _escape(f"{p.code} {p.name}", prop=True)
        lines.append(f"::{kind} {where},title={title}::{_escape(p.message)}\n")
    return "".join(lines)


def sarif(problems: Sequence[Problem]) -> str:
    """SARIF 2.1.0, the static-analysis format code-scanning services read."""
    codes = list(RULES)
    rules = [
        {
            "id": rule.code,
            "name": rule.name,
            "shortDescription": {"text": rule.summary},
            "fullDescription": {"text": rule.doc},
            "defaultConfiguration": {"level": rule.severity.value},
        }
        for rule in RULES.values()
    ]
    results = [
        {
            "ruleId": p.code,
            "ruleIndex": codes.index(p.code),
            "level": p.severity.value,
            "message": {"text": p.message},
            "locations": [
                {
                    "physicalLocation": {
                        "artifactLocation": {"uri": p.path},
                        "region": {"startLine": p.line, "startColumn": p.column},
                    }
                }
            ],
        }
        for p in problems
    ]
    document = {
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {"name": "interview-parser", "version": __version__, "rules": rules}
                },
                "results": results,
            }
        ],
    }
    import json

    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"


FORMATS: dict[str, Render] = {"text": text, "json": json_report, "github": github, "sarif": sarif}


def get_format(name: str) -> Render:
    try:
        return FORMATS[name]
    except KeyError:
        known = ", ".join(FORMATS)
        raise UsageError(f"unknown report format {name!r} (known: {known})") from None
