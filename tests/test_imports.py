"""The import graph of screenplay/ and toolchain/ has no circles (issue 15).

Every import counts, at module level or inside a function (a lazy import is still
a dependency, and the xml_io <-> validate circle was made of lazy ones); only
imports under ``if TYPE_CHECKING:`` are left out, since they never run.
"""
from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("screenplay", "toolchain")

#: Circles tolerated for now: none (the layout's was removed by layout_types.py).
ALLOWED: list[frozenset[str]] = []


def _modules() -> dict[str, Path]:
    out = {}
    for pkg in PACKAGES:
        for f in (ROOT / pkg).rglob("*.py"):
            parts = list(f.relative_to(ROOT).with_suffix("").parts)
            if parts[-1] == "__init__":
                parts = parts[:-1]
            out[".".join(parts)] = f
    return out


def _is_type_checking(node: ast.If) -> bool:
    t = node.test
    return (isinstance(t, ast.Name) and t.id == "TYPE_CHECKING") or \
        (isinstance(t, ast.Attribute) and t.attr == "TYPE_CHECKING")


def _imports(name: str, path: Path, known: set[str], raw: bool = False) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    is_pkg = path.name == "__init__.py"
    package = name if is_pkg else name.rpartition(".")[0]
    found: set[str] = set()

    def visit(node: ast.AST) -> None:
        if isinstance(node, ast.If) and _is_type_checking(node):
            for child in node.orelse:
                visit(child)
            return
        if isinstance(node, ast.Import):
            for a in node.names:
                found.add(a.name)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[:len(base) - (node.level - 1)] if node.level > 1 else base
                mod = ".".join(base + ([node.module] if node.module else []))
            else:
                mod = node.module or ""
            found.add(mod)
            for a in node.names:  # "from . import model" imports a module
                if f"{mod}.{a.name}" in known:
                    found.add(f"{mod}.{a.name}")
        for child in ast.iter_child_nodes(node):
            visit(child)

    visit(tree)
    if raw:
        return found
    edges = set()
    for mod in found:
        while mod and mod not in known:  # "screenplay.model.X" -> the module that holds X
            mod = mod.rpartition(".")[0]
        if mod and mod != name:
            edges.add(mod)
    return edges


def _cycles(graph: dict[str, set[str]]) -> list[frozenset[str]]:
    """Strongly connected components of more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on: set[str] = set()
    out: list[frozenset[str]] = []

    def strong(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on.add(v)
        for w in sorted(graph[v]):
            if w not in index:
                strong(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = set()
            while True:
                w = stack.pop()
                on.discard(w)
                comp.add(w)
                if w == v:
                    break
            if len(comp) > 1:
                out.append(frozenset(comp))

    for v in sorted(graph):
        if v not in index:
            strong(v)
    return out


def _graph() -> dict[str, set[str]]:
    mods = _modules()
    known = set(mods)
    return {name: _imports(name, path, known) for name, path in mods.items()}


def test_no_import_circles() -> None:
    found = [c for c in _cycles(_graph()) if c not in ALLOWED]
    assert not found, "import circles: " + "; ".join(" <-> ".join(sorted(c)) for c in found)


def test_the_checker_sees_a_circle() -> None:
    # The test above could pass by seeing nothing: check it finds a planted circle,
    # and the real edges it must see.
    assert _cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [frozenset("abc")]
    g = _graph()
    assert "screenplay.xml_parse" in g["screenplay.validate"]
    assert "screenplay.validate" in g["screenplay.xml_io"]  # a lazy import, still an edge
    assert "screenplay.fountain_rules" in g["screenplay.fountain_writer"]
    assert "screenplay.fountain_reader" not in g["screenplay.fountain_writer"]


def test_library_has_no_cli_or_nlp_imports() -> None:
    mods = _modules()
    known = set(mods)
    for name, path in mods.items():
        if name.startswith("screenplay"):
            used = {d.split(".")[0] for d in _imports(name, path, known, raw=True)}
            assert not used & {"toolchain", "typer", "click", "spacy", "rich"}, name
