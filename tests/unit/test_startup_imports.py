"""What the reader imports before its first screen: nothing that screen does not draw."""

from __future__ import annotations

import subprocess
import sys

# Loaded only when used: the config writer (saving a theme), and the table screens (f, v, L).
NOT_BEFORE_FIRST_SCREEN = ("tomlkit", "spacereader.ui.screens.feeds", "spacereader.ui.screens.views",
                           "spacereader.ui.screens.links", "textual.widgets._data_table")  # fmt: skip


def test_launch_path_leaves_unused_modules_unimported():
    probe = (
        "import sys, spacereader.cli, spacereader.config, spacereader.ui.app, spacereader.ui.shutdown\n"
        f"print(','.join(name for name in {NOT_BEFORE_FIRST_SCREEN!r} if name in sys.modules))"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=60, check=True)
    assert done.stdout.strip() == ""


def test_the_deferred_modules_exist():
    """The check above would pass vacuously if a name were misspelt."""
    probe = "import importlib, sys\nfor name in sys.argv[1:]: importlib.import_module(name)"
    subprocess.run([sys.executable, "-c", probe, *NOT_BEFORE_FIRST_SCREEN], timeout=60, check=True)
