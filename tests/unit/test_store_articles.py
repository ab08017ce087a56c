"""The cache: migrations, paging, read and bookmark state surviving a reopen."""

from __future__ import annotations

import sqlite3
from contextlib import closing

from spacereader.models import ArticleFilter, NewArticle
from spacereader.store import Store, migrate, schema_version
from spacereader.store.articles import (
    count_articles,
    get_article,
    list_article_rows,
    next_unread,
    position_of,
    set_read,
    upsert_articles,
)
from spacereader.store.bookmarks import set_bookmark
from spacereader.store.feeds import ensure_feed
from spacereader.store.migrations import STEPS
from tests.conftest import add_articles


def test_new_cache_is_at_latest_version_with_wal_and_foreign_keys(store):
    with closing(store.connect()) as conn:
        assert schema_version(conn) == len(STEPS)
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        assert conn.execute("PRAGMA busy_timeout").fetchone()[0] > 0
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert {"feeds", "articles", "bookmarks", "entities", "article_entities"} <= tables


def test_migrations_run_in_order_and_only_once(tmp_path):
    conn = sqlite3.connect(tmp_path / "m.sqlite3")
    steps = ["CREATE TABLE one (x);", "ALTER TABLE one ADD COLUMN y;", "CREATE TABLE two (z);"]
    assert migrate(conn, steps[:2]) == 2
    assert migrate(conn, steps) == 3  # only the new step runs; re-running step 1 would fail
    assert migrate(conn, steps) == 3
    columns = [r[1] for r in conn.execute("PRAGMA table_info(one)")]
    assert columns == ["x", "y"]


def test_failed_migration_leaves_version_unchanged(tmp_path):
    conn = sqlite3.connect(tmp_path / "m.sqlite3")
    migrate(conn, ["CREATE TABLE one (x);"])
    try:
        migrate(conn, ["CREATE TABLE one (x);", "CREATE TABLE two (y); CREATE TABLE two (y);"])
    except sqlite3.OperationalError:
        conn.rollback() if conn.in_transaction else None
    assert schema_version(conn) == 1
    assert conn.execute("SELECT count(*) FROM sqlite_master WHERE name = 'two'").fetchone()[0] == 0


def test_rows_page_in_date_order(store):
    ids = add_articles(store, 300)
    with closing(store.connect()) as conn:
        assert count_articles(conn) == 300
        first = list_article_rows(conn, offset=0, limit=128)
        second = list_article_rows(conn, offset=128, limit=128)
        assert [r.id for r in first + second] == ids[:256]
        dates = [r.published for r in first + second]
        assert dates == sorted(dates, reverse=True)
        assert position_of(conn, ArticleFilter(), ids[200]) == 200


def test_read_and_bookmark_survive_reopen(store, tmp_path):
    ids = add_articles(store, 5)
    with closing(store.connect()) as conn:
        set_read(conn, ids[1], True)
        set_bookmark(conn, ids[2], True)
    reopened = Store.open(tmp_path / "data")
    with closing(reopened.connect()) as conn:
        rows = {r.id: r for r in list_article_rows(conn)}
        assert rows[ids[1]].read and not rows[ids[1]].bookmarked
        assert rows[ids[2]].bookmarked and not rows[ids[2]].read
        assert count_articles(conn, ArticleFilter(bookmarked_only=True)) == 1
        assert count_articles(conn, ArticleFilter(unread_only=True)) == 4


def test_updated_item_keeps_state_and_unchanged_item_is_skipped(store):
    ids = add_articles(store, 1)
    with closing(store.connect()) as conn:
        set_read(conn, ids[0], True)
        set_bookmark(conn, ids[0], True)
        feed_id = get_article(conn, ids[0]).feed_id
        item = NewArticle(
            guid="guid-0", title="Edited", published="2026-01-28T23:00:00Z", body="New body", content_hash="h2"
        )
        with conn:
            assert upsert_articles(conn, feed_id, [item]) == (0, 1)
        with conn:
            assert upsert_articles(conn, feed_id, [item]) == (0, 0)
        article = get_article(conn, ids[0])
        assert (article.title, article.body, article.read, article.bookmarked) == ("Edited", "New body", True, True)


def test_next_unread_skips_read_rows_both_ways(store):
    ids = add_articles(store, 6)
    with closing(store.connect()) as conn:
        for n in (1, 2, 4):
            set_read(conn, ids[n], True)
        view = ArticleFilter()
        assert next_unread(conn, view, 0) == 3
        assert next_unread(conn, view, 3) == 5
        assert next_unread(conn, view, 5) is None
        assert next_unread(conn, view, 5, forward=False) == 3
        assert next_unread(conn, view, 3, forward=False) == 0


def test_bookmarking_missing_article_reports_false(conn):
    assert set_bookmark(conn, 999, True) is False
    assert set_read(conn, 999, True) is False


def test_feed_ids_are_stable(conn):
    with conn:
        first = ensure_feed(conn, "http://a/feed")
        assert ensure_feed(conn, "http://a/feed") == first


def test_a_large_batch_is_inserted_in_order_and_indexed(conn):
    with conn:
        feed_id = ensure_feed(conn, "http://127.0.0.1/big.xml")
    items = [
        NewArticle(guid=f"g{n}", title=f"Item {n}", published="2026-01-28T23:00:00Z", body=f"word{n} comet",
                   content_hash=f"h{n}")
        for n in range(205)  # more than one multi-row INSERT
    ]  # fmt: skip
    with conn:
        assert upsert_articles(conn, feed_id, items) == (205, 0)
    guids = [row[0] for row in conn.execute("SELECT guid FROM articles ORDER BY id")]
    assert guids == [f"g{n}" for n in range(205)]
    assert conn.execute("SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'comet'").fetchone()[0] == 205
    assert conn.execute("SELECT rowid FROM articles_fts WHERE articles_fts MATCH 'word204'").fetchall() == [
        conn.execute("SELECT id FROM articles WHERE guid = 'g204'").fetchone()
    ]
    conn.execute("INSERT INTO articles_fts (articles_fts) VALUES ('integrity-check')")


def test_a_guid_repeated_in_one_batch_ends_with_its_last_content(conn):
    with conn:
        feed_id = ensure_feed(conn, "http://127.0.0.1/repeat.xml")
    first = NewArticle(guid="same", title="First", published="2026-01-28T23:00:00Z", body="alpha", content_hash="h1")
    second = NewArticle(guid="same", title="Second", published="2026-01-28T23:00:00Z", body="beta", content_hash="h2")
    with conn:
        assert upsert_articles(conn, feed_id, [first, second, second]) == (1, 1)
    assert conn.execute("SELECT title, body FROM articles").fetchall() == [("Second", "beta")]
    assert conn.execute("SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'alpha'").fetchone()[0] == 0
    conn.execute("INSERT INTO articles_fts (articles_fts) VALUES ('integrity-check')")
