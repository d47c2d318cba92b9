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
from typing import TYPE_CHECKING, Any

from ..model import CastMember, validate
from ..syntax import FrontMatter

if TYPE_CHECKING:
    import yaml

# Bounds on what a front matter may ask of the YAML reader. Metadata and a cast take a few
# hundred lines at most; beyond these the front matter is hostile or a mistake, and is
# ignored with a warning (its text stays in the file): a 376-byte "billion laughs" of nested
# aliases would otherwise expand to gigabytes once written out, and deep nesting would
# exhaust the stack of the YAML reader and of every writer after it.
MAX_CHARS = 256 * 1024
MAX_DEPTH = 32  # nested lists and mappings, counted with aliases expanded
MAX_REPEATED = 10_000  # values that aliases may add by repeating anchored ones


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


class _Refused(Exception):
    def __init__(self, reason: str, line: int = 0) -> None:
        super().__init__(reason)
        self.reason, self.line = reason, line


def _ignored(line: int, reason: str) -> FrontMatterData:
    return FrontMatterData(warnings=[f"line {line}: front matter ignored: {reason}"])


def _load(body: str) -> Any:
    """``yaml.safe_load(body)``, refusing deep nesting and alias expansion beyond the bounds."""
    import yaml

    class Loader(yaml.SafeLoader):
        depth = 0

        def compose_node(self, parent: yaml.Node | None, index: int) -> yaml.Node | None:
            # The composer recurses once a level: stop before Python's stack does.
            self.depth += 1
            try:
                if self.depth > MAX_DEPTH:
                    mark = self.peek_event().start_mark  # type: ignore[no-untyped-call]
                    raise _Refused(f"nested more than {MAX_DEPTH} levels deep", mark.line)
                return super().compose_node(parent, index)
            finally:
                self.depth -= 1

    loader = Loader(body)
    try:
        node = loader.get_single_node()
        if node is None:
            return None
        _check_expansion(node)
        return loader.construct_document(node)
    finally:
        loader.dispose()


def _children(node: yaml.Node) -> list[yaml.Node]:
    import yaml

    if isinstance(node, yaml.SequenceNode):
        return list(node.value)
    if isinstance(node, yaml.MappingNode):
        return [part for pair in node.value for part in pair]
    return []


def _check_expansion(root: yaml.Node) -> None:
    """Refuse a document whose aliases refer to themselves, nest it too deep or repeat too
    much once expanded. One walk over the distinct nodes (an alias is the node it names)."""
    size: dict[int, int] = {}
    depth: dict[int, int] = {}
    open_nodes: set[int] = set()
    stack: list[tuple[yaml.Node, bool]] = [(root, False)]
    while stack:
        node, done = stack.pop()
        key = id(node)
        if done:
            children = _children(node)
            size[key] = 1 + sum(size[id(c)] for c in children)
            depth[key] = 1 + max((depth[id(c)] for c in children), default=0)
            open_nodes.discard(key)
            continue
        if key in size:
            continue
        if key in open_nodes:
            raise _Refused("an alias refers to the value that contains it", node.start_mark.line)
        open_nodes.add(key)
        stack.append((node, True))
        stack.extend((child, False) for child in _children(node))
    if depth[id(root)] > MAX_DEPTH + 1:
        raise _Refused(f"its aliases nest it more than {MAX_DEPTH} levels deep")
    if size[id(root)] > len(size) + MAX_REPEATED:
        raise _Refused(f"its aliases repeat more than {MAX_REPEATED:,} values")


def read(front: FrontMatter) -> FrontMatterData:
    import yaml  # only files with front matter pay for the YAML parser

    body = front.text.split("\n", 1)[1].rsplit("\n", 2)[0]
    if len(body) > MAX_CHARS:
        return _ignored(front.line, f"longer than {MAX_CHARS:,} characters")
    try:
        data = _load(body)
    except _Refused as exc:
        return _ignored(front.line + 1 + exc.line, exc.reason)
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
