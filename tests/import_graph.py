"""The project's import graph, read from the source with `ast`, and two checks on it:
layering rules (who may import whom) and import cycles (strongly connected components).

Every import counts: at module level, inside functions and under `TYPE_CHECKING`, since each
is a dependency a reader has to follow, and a lazy import only hides a cycle.
"""

from __future__ import annotations

import ast
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

Graph = dict[str, set[str]]


def module_name(path: Path, root: Path) -> str:
    """`bot/core/org.py` → `bot.core.org`; a package's `__init__.py` is the package."""
    parts = list(path.relative_to(root).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def find_modules(root: Path, packages: Iterable[str]) -> dict[str, Path]:
    """Every module of `packages` under `root` (generated migrations left out)."""
    found = {}
    for package in packages:
        for path in sorted(root.joinpath(package).rglob("*.py")):
            if "migrations" not in path.relative_to(root).parts:
                found[module_name(path, root)] = path
    return found


def _known(name: str, modules: Mapping[str, Path]) -> str | None:
    """The project module an import names (`bot.core.org.OrgConfig` → `bot.core.org`)."""
    while name and name not in modules:
        name = name.rpartition(".")[0]
    return name or None


def _absolute(node: ast.ImportFrom, importer: str, is_package: bool) -> str:
    if not node.level:
        return node.module or ""
    base = importer.split(".")
    if not is_package:
        base.pop()
    base = base[: len(base) - (node.level - 1)]
    return ".".join([*base, *([node.module] if node.module else [])])


def imports_of(name: str, path: Path, modules: Mapping[str, Path]) -> set[str]:
    """The project modules `name` imports, as written (`from a.b import c` names `a.b.c`
    where that is a module, else `a.b`)."""
    out = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = _absolute(node, name, path.name == "__init__.py")
            targets = [
                f"{base}.{alias.name}" if f"{base}.{alias.name}" in modules else base
                for alias in node.names
            ]
        else:
            continue
        out |= {found for target in targets if (found := _known(target, modules)) is not None}
    out.discard(name)
    return out


def import_graph(root: Path, packages: Iterable[str]) -> Graph:
    """Module → the project modules it imports."""
    modules = find_modules(root, packages)
    return {name: imports_of(name, path, modules) for name, path in modules.items()}


def _within(module: str, prefix: str) -> bool:
    return module == prefix or module.startswith(prefix + ".")


def loading_graph(graph: Mapping[str, set[str]]) -> Graph:
    """What importing each module loads: an import of `a.b.c` also runs the `__init__` of
    `a` and `a.b`, unless the importer lives in them (then they are loading already)."""
    out: Graph = {}
    for name, targets in graph.items():
        edges = set()
        for target in targets:
            parts = target.split(".")
            for size in range(1, len(parts) + 1):
                package = ".".join(parts[:size])
                if package in graph and not _within(name, package):
                    edges.add(package)
        out[name] = edges
    return out


def cycles(graph: Mapping[str, set[str]]) -> list[list[str]]:
    """The import cycles: strongly connected components of more than one module (Tarjan's
    algorithm, iterative so a deep graph cannot exhaust the stack)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []
    for start in sorted(graph):
        if start in index:
            continue
        work = [(start, iter(sorted(graph[start])))]
        index[start] = low[start] = len(index)
        stack.append(start)
        on_stack.add(start)
        while work:
            node, edges = work[-1]
            following = next((t for t in edges if t in graph), None)
            if following is not None:
                if following not in index:
                    index[following] = low[following] = len(index)
                    stack.append(following)
                    on_stack.add(following)
                    work.append((following, iter(sorted(graph[following]))))
                elif following in on_stack:
                    low[node] = min(low[node], index[following])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                component = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member == node:
                        break
                if len(component) > 1:
                    found.append(sorted(component))
    return sorted(found)


@dataclass(frozen=True)
class Rule:
    """Modules under `layer` import nothing under a `forbidden` prefix, except what is under
    an `allowed` one (the more specific exception)."""

    layer: str
    forbidden: tuple[str, ...]
    allowed: tuple[str, ...] = ()

    def breaks(self, importer: str, target: str) -> bool:
        return (
            _within(importer, self.layer)
            and any(_within(target, p) for p in self.forbidden)
            and not any(_within(target, p) for p in self.allowed)
        )


def violations(graph: Mapping[str, set[str]], rules: Iterable[Rule]) -> list[str]:
    """`importer -> target (layer rule)` for every import that breaks a rule."""
    rules = list(rules)
    return sorted(
        f"{importer} -> {target} ({rule.layer} rule)"
        for importer, targets in graph.items()
        for target in targets
        for rule in rules
        if rule.breaks(importer, target)
    )
