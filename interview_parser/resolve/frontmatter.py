"""YAML front matter: metadata, a title, and a declared cast.

    ---
    title: Mending the breakwater
    cast:
      - label: Host
        name: Rhona Baird
        role: interviewer
      - Prof. Okafor
    ---

Only the ``cast:`` key declares speakers: other tools' front matter often has a
``speakers:`` list of real names that do not match the labels, and declaring those would be
wrong. A front matter that is not valid YAML is kept as text of the file and reported as a
warning, with its line; it never stops the parse.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..model import CastMember, validate
from ..syntax import FrontMatter


@dataclass
class FrontMatterData:
    data: dict[str, Any] | None = None
    title: str | None = None
    cast: list[CastMember] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def _member(entry: object) -> CastMember:
    if isinstance(entry, str):
        return CastMember(label=entry)
    if isinstance(entry, dict):
        return validate(CastMember, entry)  # pydantic, imported for a mapping only
    raise ValueError(f"a cast entry must be a label or a mapping, not {entry!r}")


def read(front: FrontMatter) -> FrontMatterData:
    import yaml  # only files with front matter pay for the YAML parser

    body = front.text.split("\n", 1)[1].rsplit("\n", 2)[0]
    try:
        data = yaml.safe_load(body)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = front.line + 1 + (mark.line if mark is not None else 0)
        return FrontMatterData(warnings=[f"line {line}: front matter is not valid YAML"])
    if not isinstance(data, dict):
        return FrontMatterData(warnings=[f"line {front.line}: front matter is not a mapping"])
    data = {str(k): v for k, v in data.items()}
    result = FrontMatterData(data=data)
    title = data.get("title")
    if isinstance(title, str | int | float) and str(title).strip():
        result.title = str(title).strip()
    cast = data.get("cast")
    if cast is not None:
        try:
            result.cast = [_member(e) for e in (cast if isinstance(cast, list) else [cast])]
        except ValueError as exc:  # pydantic's ValidationError is a ValueError
            first = str(exc).splitlines()[0]
            result.warnings.append(f"line {front.line}: front matter cast ignored: {first}")
    return result
