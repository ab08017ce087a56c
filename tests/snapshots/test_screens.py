"""SVG snapshots of the main screens on the seed article: they catch layout and style regressions."""

from __future__ import annotations

from contextlib import closing

import pytest

from spacereader.config import Settings
from spacereader.entities.extract import PlainExtractor
from spacereader.models import Enclosure, NewArticle
from spacereader.store.articles import set_read, upsert_articles
from spacereader.store.bookmarks import set_bookmark
from spacereader.store.feeds import ensure_feed, record_failure
from spacereader.ui.app import SpaceReaderApp
from tests.conftest import add_articles
from tests.snapshots.replay import ReplayExtractor
from tests.ui.conftest import FakeExtractor


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


def test_main_screen_smallest(app, snap_compare):
    assert snap_compare(app, terminal_size=(60, 20), run_before=settle)


def test_main_screen_very_wide(app, snap_compare):
    assert snap_compare(app, terminal_size=(200, 50), run_before=settle)


def test_article_takes_the_narrow_screen(app, snap_compare):
    assert snap_compare(app, terminal_size=(80, 24), press=["enter"], run_before=settle)


def test_entities_over_the_narrow_article(app, snap_compare):
    assert snap_compare(app, terminal_size=(80, 24), press=["enter", "e"], run_before=settle)


def test_light_theme_keeps_markers_readable(store, snap_compare):
    """Unread and bookmark markers, read rows, dates, the cursor and search highlights in a light theme."""
    titles = ["Russia plans a Moon base", "Russia and the ISS", "Weather on Mars", "Russia's new rocket"]
    ids = add_articles(store, 4, titles=titles)
    with closing(store.connect()) as conn, conn:
        set_bookmark(conn, ids[1], True)
        set_read(conn, ids[0], True)
    app = SpaceReaderApp(store, Settings(theme="textual-light"), extractor=FakeExtractor({"Russia": "GPE"}))

    async def search(pilot) -> None:
        await settle(pilot)
        await pilot.press("slash", *"russia", "enter", "j")
        await pilot.pause(0.3)  # the search and the preview each wait a moment for more keys
        await settle(pilot)

    assert snap_compare(app, terminal_size=(100, 30), run_before=search)


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


def test_links_view_smallest(store, snap_compare):
    """The links view at 60 x 20: the link column takes the room, long ones cut with an ellipsis."""
    body = (
        "The launch [1] and the mission's notes [2].\n\n[1] https://launch.example/live\n"
        "[2] https://mission.example/2026/launch/notes/with/a/very/long/path/to/the/page.html"
    )
    with closing(store.connect()) as conn, conn:
        feed_id = ensure_feed(conn, "http://127.0.0.1/cast.xml", title="Orbit cast")
        upsert_articles(conn, feed_id, [
            NewArticle(guid="42", title="Episode 42: the launch", published="2026-01-01T00:00:00Z", body=body,
                       url="https://cast.example/42", content_hash="h",
                       enclosures=(Enclosure("https://cdn.example/ep42.mp3", "audio/mpeg", 48_200_000),)),
        ])  # fmt: skip
    app = SpaceReaderApp(store, Settings(), extractor=PlainExtractor())
    assert snap_compare(app, terminal_size=(60, 20), press=["L"], run_before=settle)


def test_feeds_view_smallest(seeded_store, snap_compare):
    """The feeds view at 60 x 20: name, unread, total, full text and the error; the highlighted feed's error
    whole under the table."""
    add_articles(seeded_store, 3, feed_url="http://127.0.0.1/down.xml", feed_title="Down Under Space News")
    with closing(seeded_store.connect()) as conn:
        feed_id = ensure_feed(conn, "http://127.0.0.1/down.xml")
        record_failure(conn, feed_id, "HTTP 503 Service Unavailable from feeds.example after 3 tries")
    app = SpaceReaderApp(seeded_store, Settings(), extractor=ReplayExtractor())
    assert snap_compare(app, terminal_size=(60, 20), press=["f"], run_before=settle)


def test_views_view_smallest(seeded_store, snap_compare):
    """The views screen at 60 x 20 with its counts filled in: number, view, unread, query, watch."""
    views = {"Films shot in orbit and the people in them": "film OR actress", "Mars": "mars"}
    app = SpaceReaderApp(seeded_store, Settings(views=views, watched_views=("Mars",)), extractor=ReplayExtractor())

    async def counted(pilot) -> None:
        await settle(pilot)
        await pilot.press("v")
        await settle(pilot)  # the counting worker is done

    assert snap_compare(app, terminal_size=(60, 20), run_before=counted)


def test_mark_all_confirmation(app, snap_compare):
    assert snap_compare(app, terminal_size=(120, 40), press=["A"], run_before=settle)


def test_watched_entity_marked_in_the_sidebar(app, snap_compare):
    async def watch(pilot) -> None:
        await settle(pilot)
        await pilot.press("tab", "tab", "down", "w")
        await settle(pilot)
        await pilot.pause(0.2)  # the watch's worker reports; the sidebar redraws with the mark

    assert snap_compare(app, terminal_size=(120, 40), run_before=watch)
