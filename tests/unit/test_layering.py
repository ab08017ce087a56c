"""The core imports neither textual nor anything heavy: the layers stay apart."""

from __future__ import annotations

import subprocess
import sys

import pytest

CORE = [
    "spacereader.models",
    "spacereader.store",
    "spacereader.store.articles",
    "spacereader.ingest.seeds",
    "spacereader.config",
    "spacereader.cli",
    "spacereader.links",
    "spacereader.safe_text",
    "spacereader.search.query",
    "spacereader.store.search",
    "spacereader.store.views",
    "spacereader.cli_search",
]


@pytest.mark.parametrize("module", CORE)
def test_core_module_does_not_import_textual(module):
    code = f"import sys, {module}; assert 'textual' not in sys.modules, sorted(m for m in sys.modules if 'textual' in m)"
    subprocess.run([sys.executable, "-c", code], check=True)


def test_sql_lives_only_in_store():
    from pathlib import Path

    root = Path(__file__).resolve().parents[2] / "src" / "spacereader"
    for path in root.rglob("*.py"):
        if "store" in path.relative_to(root).parts:
            continue
        text = path.read_text(encoding="utf-8")
        for marker in (".execute(", ".executemany(", ".executescript("):
            assert marker not in text, f"SQL outside store/: {path}"
