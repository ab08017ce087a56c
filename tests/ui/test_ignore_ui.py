"""Ignore rules in the reader: a refresh against 127.0.0.1 keeps matches out, and entity rules follow extraction."""

from __future__ import annotations

import time
from contextlib import closing

from spacereader.config import Settings
from spacereader.models import ArticleFilter
from spacereader.store.articles import list_article_rows
from spacereader.store.feeds import add_feed
from spacereader.ui.widgets.article_list import ArticleList
from spacereader.ui.widgets.row_table import RowTable
from tests.ui.conftest import FakeExtractor

FEED = (
    '<?xml version="1.0"?><rss version="2.0"><channel><title>News</title>'
    "<item><guid>1</guid><title>Soyuz docks</title><description>A docking.</description>"
    "<pubDate>Mon, 01 Jun 2026 10:00:00 GMT</pubDate></item>"
    "<item><guid>2</guid><title>Sponsored: a VPN</title><description>Paid.</description>"
    "<pubDate>Mon, 01 Jun 2026 11:00:00 GMT</pubDate></item>"
    "<item><guid>3</guid><title>Gala night</title><description>Kim Kardashian attended.</description>"
    "<pubDate>Mon, 01 Jun 2026 12:00:00 GMT</pubDate></item>"
    "</channel></rss>"
)


async def wait_for(pilot, condition, timeout: float = 15.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "timed out waiting"
        await pilot.pause(0.05)


async def test_refresh_ignores_and_the_entity_rule_removes_after_extraction(store, make_app, httpserver):
    httpserver.expect_request("/news.xml").respond_with_data(FEED, content_type="application/rss+xml")
    with closing(store.connect()) as conn:
        add_feed(conn, httpserver.url_for("/news.xml"))
    settings = Settings(ignore_rules=("sponsored", 'entity:"Kim Kardashian"'))
    app = make_app(store, settings, FakeExtractor({"Kim Kardashian": "PERSON"}))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("r")
        notes = lambda: [str(n.message) for n in app._notifications]  # noqa: E731
        await wait_for(pilot, lambda: any(m.startswith("1 feeds refreshed") for m in notes()))
        assert any("2 new articles, 1 ignored" in m for m in notes())
        await wait_for(pilot, lambda: any(m.startswith("Ignore rules kept out 1 new article") for m in notes()))
        await app.workers.wait_for_complete()
        await pilot.pause()
        article_list = app.screen.query_one(ArticleList)
        shown = {article_list.pager.row(i).title for i in range(article_list.pager.count)}
        assert "Soyuz docks" in shown and "Gala night" not in shown and "Sponsored: a VPN" not in shown
        await pilot.press("f")
        await app.workers.wait_for_complete()
        await pilot.pause()
        table = app.screen.query_one(RowTable)
        labels = [str(label) for label, _ in table.columns]
        (news,) = [[str(cell) for cell in table.get_row_at(n)] for n in range(table.row_count)]
        assert news[labels.index("Ignored")] == "2"  # the sponsored post and the entity rule's match
    with closing(store.connect()) as conn:
        stored = {row.title for row in list_article_rows(conn, ArticleFilter(), limit=-1)}
    assert "Gala night" not in stored and "Soyuz docks" in stored
