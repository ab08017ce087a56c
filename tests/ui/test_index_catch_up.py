"""The reader on a cache whose search index is being made again: the status line says the index is catching
up, search finds what is indexed so far, and once the catch-up is done search finds everything."""

from __future__ import annotations

import sqlite3
from contextlib import closing

from textual.widgets import Input

from spacereader.paths import DB_NAME
from spacereader.store import Store
from spacereader.store.search_index import count_pending, index_batch
from spacereader.ui.widgets.article_list import ArticleList
from spacereader.ui.widgets.status_line import StatusLine
from tests.unit.test_search_index_rebuild import indexed_ids, old_cache


def status(app) -> str:
    return str(app.screen.query_one(StatusLine).render())


async def test_the_status_line_says_the_index_is_catching_up_and_search_finds_what_is_indexed(tmp_path, make_app):
    data_dir = tmp_path / "data"
    data_dir.mkdir()
    old_cache(data_dir / DB_NAME, feeds=3, per_feed=1000)
    store = Store.open(data_dir)  # the migration queues every article
    with closing(store.connect()) as conn:
        assert count_pending(conn) == 3000
        index_batch(conn, limit=1000)
        part = indexed_ids(conn)
        every = conn.execute(
            "SELECT count(*) FROM articles WHERE (title LIKE '%orbit%' OR body LIKE '%orbit%')"
        ).fetchone()[0]
        indexed = conn.execute(
            f"SELECT count(*) FROM articles WHERE (title LIKE '%orbit%' OR body LIKE '%orbit%') AND id IN ({','.join(map(str, part))})"
        ).fetchone()[0]
    assert 0 < indexed < every
    # Another writer holds the cache for a moment, so the catch-up is seen before it can go on.
    holder = sqlite3.connect(store.path, timeout=10)
    holder.execute("BEGIN IMMEDIATE")
    app = make_app(store)
    async with app.run_test(size=(120, 40)) as pilot:
        article_list = app.screen.query_one(ArticleList)
        for _ in range(50):
            await pilot.pause(0.05)
            if "catching up" in status(app):
                break
        assert "search index catching up: 2000 articles left" in status(app), status(app)
        await pilot.press("slash", *"orbit", "enter")
        assert app.screen.query_one("#search-line", Input).value == "orbit"
        assert article_list.pager.count == indexed
        holder.rollback()
        holder.close()
        with closing(store.connect()) as conn:
            for _ in range(100):
                await pilot.pause(0.05)
                if count_pending(conn) == 0 and "catching up" not in status(app):
                    break
            assert count_pending(conn) == 0
        assert "catching up" not in status(app), status(app)
        await pilot.press("escape", "slash", *"orbit", "enter")
        assert article_list.pager.count == every
