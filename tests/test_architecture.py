"""The shape of the backend that import-linter cannot state: no module imports itself back
through others (a cycle among modules, not only among packages), and no module grows past
what a reader can hold in their head. The floors and the tables are import-linter contracts
(`pyproject.toml`, run by `make lint`); see docs/architecture.md."""

from __future__ import annotations

import tomllib
from collections.abc import Iterator
from pathlib import Path

import grimp

BACKEND = Path(__file__).resolve().parent.parent / "backend" / "gwella"
MAX_LINES = 550


def _imports(graph: grimp.ImportGraph, module: str) -> Iterator[str]:
    return iter(sorted(graph.find_modules_directly_imported_by(module)))


def _cycles(graph: grimp.ImportGraph) -> list[list[str]]:
    """Strongly connected components of more than one module (Tarjan, iterative)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    on_stack: set[str] = set()
    stack: list[str] = []
    out: list[list[str]] = []
    counter = 0
    for root in sorted(graph.modules):
        if root in index:
            continue
        work = [(root, _imports(graph, root))]
        index[root] = low[root] = counter
        counter += 1
        stack.append(root)
        on_stack.add(root)
        while work:
            node, children = work[-1]
            advanced = False
            for child in children:
                if child not in index:
                    index[child] = low[child] = counter
                    counter += 1
                    stack.append(child)
                    on_stack.add(child)
                    work.append(
                        (child, iter(sorted(graph.find_modules_directly_imported_by(child))))
                    )
                    advanced = True
                    break
                if child in on_stack:
                    low[node] = min(low[node], index[child])
            if advanced:
                continue
            work.pop()
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[node])
            if low[node] == index[node]:
                component = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member == node:
                        break
                if len(component) > 1:
                    out.append(sorted(component))
    return out


def test_no_module_imports_itself_back() -> None:
    graph = grimp.build_graph("gwella", exclude_type_checking_imports=True, cache_dir=None)
    # a package's __init__ importing its own modules is how packages work, not a cycle
    for module in list(graph.modules):
        for imported in list(graph.find_modules_directly_imported_by(module)):
            if imported.startswith(module + "."):
                graph.remove_import(importer=module, imported=imported)
    assert _cycles(graph) == []


def test_the_cycle_finder_finds_a_cycle() -> None:
    graph = grimp.ImportGraph()
    for name in ("p", "p.a", "p.b", "p.c"):
        graph.add_module(name)
    graph.add_import(importer="p.a", imported="p.b")
    graph.add_import(importer="p.b", imported="p.c")
    graph.add_import(importer="p.c", imported="p.a")
    assert _cycles(graph) == [["p.a", "p.b", "p.c"]]


def test_no_module_is_too_long_to_read() -> None:
    long = {
        str(path.relative_to(BACKEND)): n
        for path in BACKEND.rglob("*.py")
        if (n := len(path.read_text(encoding="utf-8").splitlines())) > MAX_LINES
    }
    assert long == {}, f"split these by responsibility (limit {MAX_LINES} lines): {long}"


def test_every_domain_with_tables_has_a_table_contract() -> None:
    """A new domain's tables are protected like the others' (pyproject's tables-* contracts)."""
    config = tomllib.loads((BACKEND.parent.parent / "pyproject.toml").read_text(encoding="utf-8"))
    protected = {
        module
        for contract in config["tool"]["importlinter"]["contracts"]
        if contract["type"] == "protected"
        for module in contract["protected_modules"]
    }
    domains = {f"gwella.{path.parent.name}.models" for path in BACKEND.glob("*/models.py")}
    assert domains - protected == set()
