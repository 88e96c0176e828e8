"""The layout holds: no import circle, no import hidden in a function to dodge one,
no module too long to read, and every module importable."""

from __future__ import annotations

import ast
import importlib
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "src" / "sprep_templates"

#: The longest a module may be.
MAX_LINES = 650
#: Modules still over it, each with the reason (remove the entry once it is split).
TOO_LONG_FOR_NOW: dict[str, str] = {}


def _modules() -> dict[str, Path]:
    found = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = ["sprep_templates", *path.relative_to(PACKAGE).with_suffix("").parts]
        if parts[-1] == "__init__":
            parts.pop()
        found[".".join(parts)] = path
    return found


MODULES = _modules()


def _package_of(name: str, path: Path) -> list[str]:
    parts = name.split(".")
    return parts if path.name == "__init__.py" else parts[:-1]


def _imported(name: str, path: Path, node: ast.ImportFrom | ast.Import) -> list[str]:
    """The modules of this package that ``node`` imports (a package means its __init__;
    ``from package import submodule`` means the submodule)."""
    if isinstance(node, ast.Import):
        return [alias.name for alias in node.names if alias.name in MODULES]
    if node.level:
        package = _package_of(name, path)
        base = package[: len(package) - node.level + 1]
        target = ".".join(base + ([node.module] if node.module else []))
    else:
        target = node.module or ""
    if target not in MODULES:
        return []
    found = []
    for alias in node.names:
        submodule = f"{target}.{alias.name}"
        found.append(submodule if submodule in MODULES else target)
    return found


def _graph() -> tuple[dict[str, set[str]], list[str]]:
    """Each module's imports of the package at module level (an ``if`` or ``try`` at
    the top included), and the package imports found inside functions or classes."""
    graph: dict[str, set[str]] = {}
    hidden = []
    for name, path in MODULES.items():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        edges: set[str] = set()
        top = list(tree.body)
        while top:
            node = top.pop()
            if isinstance(node, (ast.Import, ast.ImportFrom)):
                edges.update(_imported(name, path, node))
            elif isinstance(node, (ast.If, ast.Try)):
                top.extend(node.body + node.orelse + getattr(node, "finalbody", []))
                for handler in getattr(node, "handlers", []):
                    top.extend(handler.body)
        for node in ast.walk(tree):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
                for inner in ast.walk(node):
                    if isinstance(inner, (ast.Import, ast.ImportFrom)) and _imported(
                        name, path, inner
                    ):
                        hidden.append(f"{name}, line {inner.lineno}")
        graph[name] = edges - {name}
    return graph, hidden


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Every circle of imports found by a depth-first walk (one path per circle)."""
    found, state = [], dict.fromkeys(graph, 0)  # 0 new, 1 on the path, 2 done
    path: list[str] = []

    def visit(module: str) -> None:
        state[module] = 1
        path.append(module)
        for imported in sorted(graph[module]):
            if state[imported] == 1:
                found.append([*path[path.index(imported) :], imported])
            elif state[imported] == 0:
                visit(imported)
        path.pop()
        state[module] = 2

    for module in sorted(graph):
        if state[module] == 0:
            visit(module)
    return found


def test_the_walk_finds_a_circle():
    """The walk itself: a circle of three is found, a chain is not."""
    assert _cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == [["a", "b", "c", "a"]]
    assert _cycles({"a": {"b"}, "b": {"c"}, "c": set()}) == []


def test_no_import_circle():
    graph = _graph()[0]
    assert graph["sprep_templates"]  # the walk sees the package's imports
    assert _cycles(graph) == []


def test_no_import_inside_a_function():
    """A module of the package is imported at the top of a module, never inside a
    function (where it would hide a circle)."""
    hidden = _graph()[1]
    assert hidden == []


@pytest.mark.parametrize("name", sorted(MODULES))
def test_no_module_is_too_long(name):
    lines = MODULES[name].read_text(encoding="utf-8").count("\n")
    if name in TOO_LONG_FOR_NOW:
        pytest.skip(TOO_LONG_FOR_NOW[name])
    assert lines <= MAX_LINES, f"{name} has {lines} lines; split it"


@pytest.mark.parametrize("name", sorted(set(MODULES) - {"sprep_templates.__main__"}))
def test_every_module_imports(name):
    if name == "sprep_templates.testing":
        pytest.importorskip("hypothesis")
    assert importlib.import_module(name).__name__ == name


def _modules_mentioning(text: str) -> set[str]:
    return {name for name, path in MODULES.items() if text in path.read_text(encoding="utf-8")}


def test_one_matcher_and_one_reader_of_data():
    """The automaton is built in one module, and the packaged files are found in four:
    the word lists (lexicons/_files.py, the one reader of data/), the templates, the
    message catalogues and the example profile."""
    assert _modules_mentioning("import ahocorasick") == {"sprep_templates.lexicons._matcher"}
    assert _modules_mentioning("from importlib.resources import files") == {
        "sprep_templates.lexicons._files",
        "sprep_templates.drafting._environment",
        "sprep_templates.i18n",
        "sprep_templates.profile",
    }
