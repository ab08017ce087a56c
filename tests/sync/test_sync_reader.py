"""The reader with [sync] set, against a real FreshRSS: it opens on the cache at once, syncs behind it, and `r` syncs."""

from __future__ import annotations

import time
from contextlib import closing

import pytest

from spacereader.config import Settings, SyncSettings
from spacereader.store.articles import set_read
from spacereader.sync.account import PASSWORD_ENV
from spacereader.sync.run import sync_account
from spacereader.ui.app import SpaceReaderApp
from spacereader.ui.widgets.article_list import ArticleList
from tests.conftest import add_articles
from tests.sync.test_sync_freshrss import READ, account, article_id, rows, two_feeds
from tests.ui.conftest import FakeExtractor

pytestmark = pytest.mark.slow


async def wait_for(pilot, condition, timeout: float = 20.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "timed out waiting"
        await pilot.pause(0.05)


def status(app) -> str:
    return str(app.screen.query_one("#status-line").render())


def syncing(app) -> bool:
    return any(w.group == "refresh" and w.is_running for w in app.workers)


async def test_the_reader_opens_on_the_cache_and_syncs_behind_it(store, freshrss, httpserver, proxy, monkeypatch):
    monkeypatch.setenv(PASSWORD_ENV, freshrss.password)
    add_articles(store, 3)  # what the cache held from last time
    two_feeds(freshrss, httpserver)
    proxy.fail("subscription/list", 2.0)  # a slow server
    settings = Settings(sync=SyncSettings(proxy.url, freshrss.user))
    app = SpaceReaderApp(store, settings, extractor=FakeExtractor())
    async with app.run_test(size=(120, 40)) as pilot:
        article_list = app.screen.query_one(ArticleList)
        await wait_for(pilot, lambda: "syncing" in status(app))
        assert article_list.pager.count == 3  # on screen while the server has not answered
        await pilot.press("j", "m")  # and the keys work meanwhile
        await wait_for(pilot, lambda: not syncing(app))
        await wait_for(pilot, lambda: article_list.pager.count == 23)
        messages = [n.message for n in app._notifications]
        assert any("synced: 2 feeds, 20 new articles" in m for m in messages), messages
        assert "syncing" not in status(app)


async def test_r_syncs_and_pushes_the_marks_made_in_the_reader(store, freshrss, httpserver, monkeypatch):
    monkeypatch.setenv(PASSWORD_ENV, freshrss.password)
    two_feeds(freshrss, httpserver)
    sync_account(store, account(freshrss.api, freshrss))
    with closing(store.connect()) as conn:
        set_read(conn, article_id(store, "Launch 4"), True)  # queued before the reader opened
    freshrss.edit([freshrss.item_id_of("Station 2")], add=READ)
    settings = Settings(sync=SyncSettings(freshrss.api, freshrss.user))
    app = SpaceReaderApp(store, settings, extractor=FakeExtractor())
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for(pilot, lambda: not syncing(app) and app._notifications)
        article_list = app.screen.query_one(ArticleList)
        first = article_list.current
        assert first is not None and not first.read
        await pilot.press("enter")  # opens and marks read: saved and queued at once
        app.writer.flush()
        await pilot.press("r")
        await wait_for(pilot, lambda: syncing(app) or "marks pushed" in str([n.message for n in app._notifications]))
        await wait_for(pilot, lambda: not syncing(app))
        await pilot.pause()
    unread = freshrss.unread_ids()
    assert freshrss.item_id_of(first.title) not in unread
    assert freshrss.item_id_of("Launch 4") not in unread
    assert rows(store)["Station 2"] == (True, False)


async def test_adding_and_removing_a_feed_in_the_reader_goes_to_the_server(store, freshrss, httpserver, monkeypatch):
    from spacereader.ui.dialogs.confirm import ConfirmDialog
    from spacereader.ui.screens.feeds import FeedsScreen
    from tests.sync.test_sync_freshrss import serve

    monkeypatch.setenv(PASSWORD_ENV, freshrss.password)
    two_feeds(freshrss, httpserver)
    extra = serve(httpserver, "/extra.xml", "Extra", [("extra-1", "Extra one"), ("extra-2", "Extra two")])
    app = SpaceReaderApp(store, Settings(sync=SyncSettings(freshrss.api, freshrss.user)), extractor=FakeExtractor())
    async with app.run_test(size=(120, 40)) as pilot:
        article_list = app.screen.query_one(ArticleList)
        await wait_for(pilot, lambda: not syncing(app) and article_list.pager.count == 20)
        await pilot.press("a")
        app.screen.query_one("Input").value = extra
        await pilot.press("enter")
        await wait_for(pilot, lambda: article_list.pager.count == 22)
        await pilot.press("f")
        assert isinstance(app.screen, FeedsScreen)
        index = [f.name for f in app.screen.feeds].index("Launches")
        for _ in range(index):
            await pilot.press("j")
        await pilot.press("d")
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("y")
        await wait_for(pilot, lambda: article_list.pager.count == 10)
    listed = sorted(s["title"] for s in freshrss.get("subscription/list")["subscriptions"])
    assert listed == ["Extra", "Stations"]
