"""The harness's import graph: no circles, and the dependency directions DESIGN.md states.

Every module of `exercise`, `corpus`, `grader` and the candidate's `rag` (candidate_template/rag)
is parsed, not imported: every `import` statement counts, at module level, inside functions and
under `if TYPE_CHECKING:` alike, because a circle broken only by a late import is still a circle
(one refactor away from an ImportError). `from pkg import name` is an edge to `pkg.name` when that
is a module, else to `pkg`; relative imports are resolved against the importing module's package.
An edge points at the module named, not at its parent packages (importing `a.b.c` runs
`a/__init__.py` too, but a package importing its own submodules is not a circle worth naming).

The catalogue's component modules (grader/catalogue/<component>/*.py) are never imported where
they sit: `grader.catalogue.assemble` copies them into a candidate's `rag/` package. They are
checked as what they become there (`rag.<component>`, beside the template's fixed modules and
the catalogue's shared modules), so they may import only `exercise` among the harness packages.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.helpers import REPO, import_statements

CATALOGUE = REPO / "grader" / "catalogue"
# package name -> its folder
PACKAGES = {
    "exercise": REPO / "exercise",
    "corpus": REPO / "corpus",
    "grader": REPO / "grader",
    "rag": REPO / "candidate_template" / "rag",
}
# importer package -> harness packages it must not import (DESIGN.md, "Dependency direction":
# grader -> exercise <- candidate code; corpus -> exercise; nothing imports grader).
FORBIDDEN = {
    "exercise": {"corpus", "grader", "rag"},
    "corpus": {"grader", "rag"},
    "rag": {"corpus", "grader"},
    "grader": {"rag"},
    # the sandbox seam takes its own limits record; the grade session converts a profile's budgets
    "grader.sandbox": {"corpus"},
}


@dataclass(frozen=True)
class Edge:
    importer: str  # module name
    imported: str  # module name (or the nearest enclosing one the graph knows)
    line: int
    path: Path  # the importer's file

    def where(self) -> str:
        return f"{self.path.relative_to(REPO)}:{self.line}"


def _within(module: str, package: str) -> bool:
    return module == package or module.startswith(package + ".")


def _is_component_module(path: Path) -> bool:
    return path.parent.parent == CATALOGUE


def _module_files() -> dict[str, Path]:
    """Module name -> file, for every module of every package (catalogue components as `rag.*`)."""
    modules: dict[str, Path] = {}
    for package, folder in PACKAGES.items():
        for path in sorted(folder.rglob("*.py")):
            if _is_component_module(path):
                continue
            parts = [package, *path.relative_to(folder).with_suffix("").parts]
            if parts[-1] == "__init__":
                parts.pop()
            modules[".".join(parts)] = path
    return modules


def _component_modules() -> dict[Path, str]:
    """Catalogue component file -> the name it gets once assembled (`rag.<component>`)."""
    return {
        path: f"rag.{path.parent.name}"
        for path in sorted(CATALOGUE.glob("*/*.py"))
        if not path.name.startswith("_")
    }


def _shared_catalogue_modules() -> dict[str, Path]:
    """The catalogue's shared modules, as the `rag.<name>` they are copied to beside components."""
    from grader.catalogue import shared_modules

    return {f"rag.{path.stem}": path for path in shared_modules()}


def _imports(path: Path, module: str, is_package: bool) -> Iterator[tuple[str, int]]:
    """(absolute dotted name, line) for every name an import statement in `path` may load."""
    package = module if is_package else module.rpartition(".")[0]
    source = path.read_text(encoding="utf-8")
    for base, names, line in import_statements(source, package, where=str(path)):
        if not names:
            yield base, line
        for name in names:
            # `from pkg import name`: pkg.name when that is a module, else pkg (_resolve).
            yield (f"{base}.{name}" if name != "*" else base), line


def _resolve(name: str, known: set[str]) -> str | None:
    """The longest known module `name` is or lies in; None when outside the harness."""
    parts = name.split(".")
    for end in range(len(parts), 0, -1):
        candidate = ".".join(parts[:end])
        if candidate in known:
            return candidate
    return None


def _edges(files: dict[str, Path], known: set[str]) -> list[Edge]:
    edges: set[Edge] = set()
    for module, path in files.items():
        is_package = path.name == "__init__.py"
        for name, line in _imports(path, module, is_package):
            target = _resolve(name, known)
            if target is None or target == module:
                continue
            edges.add(Edge(module, target, line, path))
    return sorted(edges, key=lambda e: (e.importer, e.imported, e.line))


def _graph() -> list[Edge]:
    """The harness's edges. Component modules are not nodes: several files become the same
    `rag.<component>`, so each is checked on its own (`_component_edges`)."""
    files = _module_files()
    return _edges(files, set(files))


def _component_edges() -> list[Edge]:
    """The imports of every catalogue module as it reads once assembled into `rag/`."""
    components = _component_modules()
    shared = _shared_catalogue_modules()
    known = set(_module_files()) | set(components.values()) | set(shared)
    edges = []
    for path, name in [*components.items(), *((p, n) for n, p in shared.items())]:
        edges += _edges({name: path}, known)
    return edges


def _cycles(edges: list[Edge]) -> list[tuple[list[str], list[str]]]:
    """Per strongly connected component: its modules and one cycle through them (a closed path)."""
    graph: dict[str, set[str]] = {}
    for edge in edges:
        graph.setdefault(edge.importer, set()).add(edge.imported)
        graph.setdefault(edge.imported, set())
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    components: list[list[str]] = []

    def visit(node: str) -> None:  # Tarjan's algorithm
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for nxt in sorted(graph[node]):
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in on_stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            members = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                members.append(member)
                if member == node:
                    break
            if len(members) > 1:
                components.append(sorted(members))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return [(members, _a_cycle(members, graph)) for members in sorted(components)]


def _a_cycle(members: list[str], graph: dict[str, set[str]]) -> list[str]:
    """A shortest cycle through the component's first member, by breadth-first search."""
    inside = set(members)
    start = members[0]
    paths = {start: [start]}
    frontier = [start]
    while frontier:
        following = []
        for node in frontier:
            for nxt in sorted(graph[node] & inside):
                if nxt == start:
                    return [*paths[node], start]
                if nxt not in paths:
                    paths[nxt] = [*paths[node], nxt]
                    following.append(nxt)
        frontier = following
    raise AssertionError(f"no cycle through {start} in {members}")


def _describe(members: list[str], cycle: list[str], edges: list[Edge]) -> str:
    where = {(e.importer, e.imported): e.where() for e in reversed(edges)}
    steps = [f"{a} -> {b} ({where[(a, b)]})" for a, b in zip(cycle, cycle[1:], strict=False)]
    return (
        "import circle: "
        + " -> ".join(cycle)
        + "\n    "
        + "\n    ".join(steps)
        + f"\n  ({len(members)} modules import each other in turn: {', '.join(members)})"
    )


@pytest.mark.parametrize("package", sorted(PACKAGES))
def test_no_import_circle(package: str) -> None:
    edges = _graph()
    found = [(m, c) for m, c in _cycles(edges) if any(n.split(".")[0] == package for n in m)]
    assert not found, "\n".join(_describe(m, c, edges) for m, c in found)


@pytest.mark.parametrize("package", sorted(FORBIDDEN))
def test_dependency_direction(package: str) -> None:
    edges = _graph()
    wrong = [
        f"{e.where()}: {e.importer} imports {e.imported}"
        for e in edges
        if _within(e.importer, package)
        and any(_within(e.imported, forbidden) for forbidden in FORBIDDEN[package])
    ]
    assert not wrong, f"{package} must not import {', '.join(sorted(FORBIDDEN[package]))}:\n" + (
        "\n".join(wrong)
    )


def test_catalogue_modules_import_only_what_an_assembled_rag_holds() -> None:
    allowed = {"exercise", "rag"}
    wrong = [
        f"{e.where()}: {e.imported}"
        for e in _component_edges()
        if e.imported.split(".")[0] not in allowed
    ]
    assert not wrong, (
        "a catalogue module runs inside a candidate's rag/ package, where only exercise and "
        "rag exist:\n" + "\n".join(wrong)
    )


def test_catalogue_modules_import_only_rag_modules_that_exist_once_assembled() -> None:
    from grader.catalogue import SETTINGS_FILE, sibling_imports

    template = {name.split(".")[1] for name in _module_files() if name.startswith("rag.")}
    available = template | {p.parent.name for p in _component_modules()}
    available |= {name.split(".")[1] for name in _shared_catalogue_modules()}
    available.add(SETTINGS_FILE.removesuffix(".py"))  # written by assemble, not a catalogue file
    missing = [
        f"{path.relative_to(REPO)}: rag.{name}"
        for path in [*_component_modules(), *_shared_catalogue_modules().values()]
        for name in sorted(sibling_imports(path.read_text(encoding="utf-8")) - available)
    ]
    assert not missing, "imports of rag modules no assembled package holds:\n" + "\n".join(missing)


def test_the_graph_sees_function_level_relative_and_type_checking_imports(tmp_path) -> None:
    package = tmp_path / "pkg"
    package.mkdir()
    (package / "__init__.py").write_text("")
    (package / "a.py").write_text(
        "from typing import TYPE_CHECKING\n"
        "if TYPE_CHECKING:\n    from pkg.b import B\n"
        "def f():\n    from . import c\n"
    )
    (package / "b.py").write_text("from .a import f\nB = 1\n")
    (package / "c.py").write_text("import pkg.b\n")
    files = {f"pkg.{p.stem}" if p.stem != "__init__" else "pkg": p for p in package.glob("*.py")}
    edges = _edges(files, set(files))
    pairs = {(e.importer, e.imported) for e in edges}
    assert {("pkg.a", "pkg.b"), ("pkg.a", "pkg.c"), ("pkg.b", "pkg.a"), ("pkg.c", "pkg.b")} <= pairs
    assert _cycles(edges) == [(["pkg.a", "pkg.b", "pkg.c"], ["pkg.a", "pkg.b", "pkg.a"])]
