"""SVG snapshots of the main screens on the seed article: they catch layout and style regressions."""

from __future__ import annotations

from contextlib import closing

import pytest

from spacereader.config import Settings
from spacereader.entities.extract import PlainExtractor
from spacereader.models import Enclosure, NewArticle
from spacereader.store.articles import upsert_articles
from spacereader.store.feeds import ensure_feed
from spacereader.ui.app import SpaceReaderApp
from tests.snapshots.replay import ReplayExtractor


async def settle(pilot) -> None:
    """Wait for entity extraction so the sidebar is filled."""
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


@pytest.fixture
def app(seeded_store):
    return SpaceReaderApp(seeded_store, Settings(), extractor=ReplayExtractor())


def test_main_screen_wide(app, snap_compare):
    assert snap_compare(app, terminal_size=(120, 40), run_before=settle)


def test_main_screen_narrow(app, snap_compare):
    assert snap_compare(app, terminal_size=(80, 24), run_before=settle)


def test_help_screen(app, snap_compare):
    assert snap_compare(app, terminal_size=(120, 40), press=["question_mark"], run_before=settle)


def test_empty_bookmarks_view(app, snap_compare):
    assert snap_compare(app, terminal_size=(120, 40), press=["B"], run_before=settle)


def test_entity_chosen(app, snap_compare):
    async def choose(pilot) -> None:
        await settle(pilot)
        await pilot.press("tab", "tab", "down", "enter")
        await settle(pilot)

    assert snap_compare(app, terminal_size=(120, 40), run_before=choose)


def test_links_view(store, snap_compare):
    """The links view over an article with numbered links and two media files (one without a size)."""
    body = (
        "Listen to the launch [1] and read the mission notes [2] or the press kit [3].\n\n"
        "[1] https://launch.example/live\n[2] https://mission.example/notes\n[3] https://press.example/kit.html"
    )
    media = (
        Enclosure("https://cdn.example/ep42.mp3", "audio/mpeg", 48_200_000),
        Enclosure("https://cdn.example/ep42.vtt"),
    )
    with closing(store.connect()) as conn, conn:
        feed_id = ensure_feed(conn, "http://127.0.0.1/cast.xml", title="Orbit cast")
        upsert_articles(conn, feed_id, [
            NewArticle(guid="42", title="Episode 42: the launch", published="2026-01-01T00:00:00Z", body=body,
                       url="https://cast.example/42", content_hash="h", enclosures=media),
        ])  # fmt: skip
    app = SpaceReaderApp(store, Settings(), extractor=PlainExtractor())
    assert snap_compare(app, terminal_size=(100, 24), press=["L"], run_before=settle)


def test_mark_all_confirmation(app, snap_compare):
    assert snap_compare(app, terminal_size=(120, 40), press=["A"], run_before=settle)


def test_watched_entity_marked_in_the_sidebar(app, snap_compare):
    async def watch(pilot) -> None:
        await settle(pilot)
        await pilot.press("tab", "tab", "down", "w")
        await settle(pilot)
        await pilot.pause(0.2)  # the watch's worker reports; the sidebar redraws with the mark

    assert snap_compare(app, terminal_size=(120, 40), run_before=watch)
