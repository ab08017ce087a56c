"""The layers stay apart: checked over every module of the package, found by walking it, not from a list.

Imports are read from the source (every `import`, including those inside functions and under
TYPE_CHECKING), so a new module is checked the day it appears.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[2] / "src" / "spacereader"

KNOWN_CYCLES: set[frozenset[str]] = set()
"""Cycles that predate this test, each hidden by an import inside a function; none may be added. (The last,
store.articles <-> store.search, went when what both build on moved to store.view_sql.)"""


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports_of(path: Path) -> set[str]:
    """Every module name `path` imports, anywhere in the file."""
    name = module_name(path)
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*anchor, base] if base else anchor)
            found.add(base)
            found.update(f"{base}.{alias.name}" for alias in node.names)
    return found


MODULES = {module_name(p): imports_of(p) for p in sorted(PACKAGE.rglob("*.py"))}


def within(name: str, package: str) -> bool:
    return name == package or name.startswith(package + ".")


def test_the_walk_finds_every_layer():
    assert {
        "spacereader.ui.app",
        "spacereader.store.articles",
        "spacereader.ingest.refresh",
        "spacereader.entities.service",
    } <= set(MODULES)


@pytest.mark.parametrize("module", sorted(MODULES))
def test_layers(module):
    imported = MODULES[module]
    if not within(module, "spacereader.ui"):
        assert not any(within(i, "textual") for i in imported), f"{module} imports textual outside ui/"
    if not within(module, "spacereader.store"):
        assert "sqlite3" not in imported, f"{module} imports sqlite3 outside store/ (use spacereader.store.Connection)"
    if (
        not within(module, "spacereader.ui")
        and not within(module, "spacereader.cli")
        and module != "spacereader.__main__"
    ):
        # Only the command line, which starts the reader, sits above the UI.
        assert not any(within(i, "spacereader.ui") for i in imported), f"{module} imports the UI from below it"
    if module == "spacereader.models":
        leaves = ("spacereader.safe_text", "spacereader.records")
        below = {i for i in imported if within(i, "spacereader") and not any(within(i, leaf) for leaf in leaves)}
        assert not below, f"models may import only the leaves safe_text and records: {below}"
    if module == "spacereader.records":
        assert not any(within(i, "spacereader") for i in imported), "records is a leaf under models"


def internal_graph() -> dict[str, set[str]]:
    graph: dict[str, set[str]] = {}
    for module, imported in MODULES.items():
        graph[module] = {i for i in imported if i in MODULES and i != module}
    return graph


def test_no_new_import_cycles():
    graph = internal_graph()
    cycles = {frozenset({a, b}) for a, targets in graph.items() for b in targets if a in graph.get(b, set())}
    assert cycles <= KNOWN_CYCLES, f"new import cycles: {cycles - KNOWN_CYCLES}"


def test_core_module_does_not_load_textual_at_run_time():
    """What the static walk cannot see: a core module pulling textual in through a dependency."""
    core = [m for m in MODULES if not within(m, "spacereader.ui") and m != "spacereader.__main__"]
    code = (
        "import importlib, sys\n"
        f"for name in {core!r}:\n"
        "    importlib.import_module(name)\n"
        "assert 'textual' not in sys.modules, sorted(m for m in sys.modules if 'textual' in m)\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_sql_lives_only_in_store():
    for path in PACKAGE.rglob("*.py"):
        if "store" in path.relative_to(PACKAGE).parts:
            continue
        text = path.read_text(encoding="utf-8")
        for marker in (".execute(", ".executemany(", ".executescript("):
            assert marker not in text, f"SQL outside store/: {path}"
