"""Pilot fixtures: a real cache and the real app."""

from __future__ import annotations

import pytest

from spacereader.config import Settings
from spacereader.ui.app import SpaceReaderApp


@pytest.fixture
def make_app():
    """Build the app on a given store; remembers apps so their connections are closed."""

    def build(store, settings: Settings | None = None, extractor=None) -> SpaceReaderApp:
        return SpaceReaderApp(store, settings or Settings(), extractor=extractor or FakeExtractor())

    return build


class FakeExtractor:
    """Finds fixed names by substring, so Pilot tests control exactly which articles mention what."""

    name = "fake"
    version = "1"

    def __init__(self, names: dict[str, str] | None = None) -> None:
        self.names = names or {}

    def warm_up(self) -> None:
        """Nothing to load."""

    def extract(self, text: str):
        from spacereader.models import Mention

        found = []
        for name, label in self.names.items():
            start = text.find(name)
            while start != -1:
                found.append(Mention(start, start + len(name), name, label))
                start = text.find(name, start + 1)
        return sorted(found, key=lambda m: m.start)
