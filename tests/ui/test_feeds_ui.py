"""Feeds in the TUI against a real HTTP server on 127.0.0.1: refresh stays responsive, add, remove."""

from __future__ import annotations

import time
from contextlib import closing

from werkzeug import Response

from spacereader.store.feeds import add_feed, list_feeds, move_feed
from spacereader.ui.dialogs.add_feed import AddFeedDialog
from spacereader.ui.dialogs.confirm import ConfirmDialog
from spacereader.ui.screens.feeds import FeedsScreen
from spacereader.ui.widgets.article_list import ArticleList
from tests.conftest import add_articles


def rss(title: str, items: int) -> str:
    entries = "".join(
        f"<item><title>{title} story {n}</title><link>https://example.org/{title}/{n}</link>"
        f"<guid>{title}-{n}</guid><pubDate>Mon, 0{n + 1} Jun 2026 10:00:00 GMT</pubDate>"
        f"<description>&lt;p&gt;Body of {title} story {n}.&lt;/p&gt;</description></item>"
        for n in range(items)
    )
    return f'<?xml version="1.0"?><rss version="2.0"><channel><title>{title}</title>{entries}</channel></rss>'


def slow(body: str, seconds: float):
    def handler(request):
        time.sleep(seconds)
        return Response(body, content_type="application/rss+xml")

    return handler


async def wait_for(pilot, condition, timeout: float = 15.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "timed out waiting"
        await pilot.pause(0.05)


async def test_refresh_runs_in_background_and_keys_keep_working(store, make_app, httpserver):
    add_articles(store, 20)
    httpserver.expect_request("/slow.xml").respond_with_handler(slow(rss("Slow", 3), 3.0))
    httpserver.expect_request("/fast.xml").respond_with_data(rss("Fast", 2), content_type="application/rss+xml")
    httpserver.expect_request("/broken.xml").respond_with_data(
        "<html><body>nope</body></html>", content_type="text/html"
    )
    with closing(store.connect()) as conn:
        for path in ("/slow.xml", "/fast.xml", "/broken.xml"):
            add_feed(conn, httpserver.url_for(path))
    app = make_app(store)
    async with app.run_test(size=(120, 40)) as pilot:
        article_list = app.screen.query_one(ArticleList)
        await pilot.press("r")
        await wait_for(pilot, lambda: "refresh" in str(app.screen.query_one("#status-line").render()))
        await pilot.press("j", "j", "j", "b")
        assert article_list.cursor == 3 and article_list.current.bookmarked
        # ...answered while the slow feed was still being fetched
        assert any(w.group == "refresh" and w.is_running for w in app.workers)
        await wait_for(pilot, lambda: not any(w.group == "refresh" and w.is_running for w in app.workers))
        await pilot.pause()
        assert article_list.pager.count == 25
        messages = [n.message for n in app._notifications]
        assert any("4 feeds refreshed, 5 new articles" in m and "2 failed" in m for m in messages), messages
        assert any("Test Feed: connection refused" in m for m in messages)
        assert any("not a feed" in m for m in messages)
        assert article_list.current.bookmarked  # selection and state kept across the reload


async def test_add_feed_dialog_subscribes_and_remove_keeps_bookmarks(store, make_app, httpserver):
    httpserver.expect_request("/news.xml").respond_with_data(rss("News", 4), content_type="application/rss+xml")
    app = make_app(store)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("a")
        assert isinstance(app.screen, AddFeedDialog)
        await pilot.press(*"ftp://nope")
        await pilot.press("enter")
        assert isinstance(app.screen, AddFeedDialog)  # refused with a reason, dialog stays
        app.screen.query_one("Input").value = httpserver.url_for("/news.xml")
        await pilot.press("enter")
        article_list = app.screen.query_one(ArticleList)
        await wait_for(pilot, lambda: article_list.pager is not None and article_list.pager.count == 4)
        assert any("Subscribed to News: 4 articles" in n.message for n in app._notifications)
        await pilot.press("b")  # bookmark the newest
        await pilot.pause(0.1)
        app.writer.flush()
        await pilot.press("f")
        assert isinstance(app.screen, FeedsScreen)
        feeds = app.screen.feeds
        index = [f.name for f in feeds].index("News")
        for _ in range(index):
            await pilot.press("j")
        await pilot.press("d")
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("y")
        await wait_for(pilot, lambda: article_list.pager.count == 1)
        assert article_list.current.bookmarked
    with closing(store.connect()) as conn:
        assert [f.name for f in list_feeds(conn)] == []


async def test_adding_a_page_that_is_not_a_feed_says_so(store, make_app, httpserver):
    httpserver.expect_request("/page").respond_with_data("<html><body>hello</body></html>", content_type="text/html")
    app = make_app(store)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("a")
        app.screen.query_one("Input").value = httpserver.url_for("/page")
        await pilot.press("enter")
        await wait_for(pilot, lambda: any("not subscribed" in n.message for n in app._notifications))
        assert any("not a feed" in n.message for n in app._notifications)


async def test_the_feeds_view_says_a_moved_feed_was_merged(store, make_app):
    add_articles(store, 2, feed_url="http://127.0.0.1/new.xml", feed_title="New home")
    add_articles(store, 2, feed_url="http://127.0.0.1/old.xml", feed_title="Old home")
    with closing(store.connect()) as conn:
        new, old = sorted(f.id for f in list_feeds(conn) if f.kind == "feed")  # in the order added
        with conn:
            assert move_feed(conn, old, "http://127.0.0.1/new.xml") == new
    app = make_app(store)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("f")
        assert isinstance(app.screen, FeedsScreen)
        table = app.screen.query_one("#feeds-table")
        row = next(n for n, feed in enumerate(app.screen.feeds) if feed.id == new)
        cells = [str(c) for c in table.get_row_at(row)]
        assert any(c.startswith("merged http://") for c in cells), cells  # as much as the column holds
        assert table.cursor_row == 0  # the new home is listed first, so highlighted: its note is shown whole
        detail = str(app.screen.query_one("#feeds-detail").render())
        assert "New home: merged http://127.0.0.1/old.xml" in detail, detail
        assert [f.id for f in app.screen.feeds if f.kind == "feed"] == [new]
