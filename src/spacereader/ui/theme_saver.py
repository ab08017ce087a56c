"""Keeps the config file's `theme` in step with the theme picked in the reader."""

from __future__ import annotations

import threading
from pathlib import Path

from textual.theme import BUILTIN_THEMES

from spacereader.config_edit import save_setting


def theme_names() -> frozenset[str]:
    """Every theme the reader offers, for checking the config's `theme`."""
    return frozenset(BUILTIN_THEMES)


class ThemeSaver:
    """Remembers the theme wanted and the one saved; saves run off the UI thread and the latest wins."""

    def __init__(self, path: Path, saved: str) -> None:
        self.path = path
        self._saved = saved
        self._wanted = saved
        self._lock = threading.Lock()

    def want(self, name: str) -> bool:
        """Note the theme now shown; True when it differs from the saved one (a save is needed)."""
        self._wanted = name
        return name != self._saved

    def save(self) -> str | None:
        """Write the wanted theme (from a worker thread); returns its name, or None if nothing changed.

        Raises:
            ConfigEditError: the config was not changed (it does not parse, or cannot be written).
        """
        with self._lock:  # two quick picks: the second save waits, then writes the latest
            wanted = self._wanted
            if wanted == self._saved:
                return None
            save_setting(self.path, "theme", wanted)
            self._saved = wanted
            return wanted
