"""SVG snapshots of the main screens on the seed article: they catch layout and style regressions."""

from __future__ import annotations

from spacereader.config import Settings
from spacereader.ui.app import SpaceReaderApp


def test_main_screen_wide(seeded_store, snap_compare):
    assert snap_compare(SpaceReaderApp(seeded_store, Settings()), terminal_size=(120, 40))


def test_main_screen_narrow(seeded_store, snap_compare):
    assert snap_compare(SpaceReaderApp(seeded_store, Settings()), terminal_size=(80, 24))


def test_help_screen(seeded_store, snap_compare):
    assert snap_compare(SpaceReaderApp(seeded_store, Settings()), terminal_size=(120, 40), press=["question_mark"])


def test_empty_bookmarks_view(seeded_store, snap_compare):
    assert snap_compare(SpaceReaderApp(seeded_store, Settings()), terminal_size=(120, 40), press=["B"])
