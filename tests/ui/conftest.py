"""Pilot fixtures: a real cache and the real app."""

from __future__ import annotations

import pytest

from spacereader.config import Settings
from spacereader.ui.app import SpaceReaderApp


@pytest.fixture
def make_app():
    """Build the app on a given store; remembers apps so their connections are closed."""

    def build(store, settings: Settings | None = None) -> SpaceReaderApp:
        return SpaceReaderApp(store, settings or Settings())

    return build
