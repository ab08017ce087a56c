"""The per-feed counts kept by triggers agree with the articles after every kind of write."""

from __future__ import annotations

import sqlite3
from contextlib import closing

from spacereader.store.articles import count_articles, count_unread, set_read
from spacereader.store.bookmarks import set_bookmark
from spacereader.store.feeds import list_feeds, prune_feed, remove_feed
from spacereader.store.migrations import STEPS, migrate
from tests.conftest import add_articles


def direct(conn) -> dict[int, tuple[int, int]]:
    """feed id -> (unread, total), counted from the articles themselves."""
    rows = conn.execute(
        "SELECT a.feed_id, sum(s.is_read = 0), count(*) FROM articles a JOIN article_state s ON s.id = a.id"
        " GROUP BY a.feed_id"
    )
    return {feed_id: (unread, total) for feed_id, unread, total in rows}


def shown(conn) -> dict[int, tuple[int, int]]:
    return {feed.id: (feed.unread, feed.total) for feed in list_feeds(conn) if feed.total}


def test_counts_follow_inserts_marks_prunes_moves_and_removals(store):
    first = add_articles(store, 12, feed_url="http://127.0.0.1/a.xml")
    second = add_articles(store, 7, feed_url="http://127.0.0.1/b.xml")
    with closing(store.connect()) as conn:
        assert shown(conn) == direct(conn)
        for article_id in first[::2] + second[:3]:
            set_read(conn, article_id, True)
        set_read(conn, first[0], True)  # again: no change
        set_read(conn, first[2], False)
        assert shown(conn) == direct(conn)
        assert (count_articles(conn), count_unread(conn)) == (19, sum(u for u, _ in direct(conn).values()))
        feed_a, feed_b = (
            conn.execute("SELECT feed_id FROM articles WHERE id = ?", (i,)).fetchone()[0] for i in (first[0], second[0])
        )
        with conn:
            prune_feed(conn, feed_a, keep=5)
        assert shown(conn) == direct(conn)
        with conn:  # an article moved to another feed (as a merge of two subscriptions does)
            conn.execute("UPDATE articles SET feed_id = ? WHERE id = ?", (feed_a, second[6]))  # guid pruned from A
            conn.execute("UPDATE articles SET feed_id = ? WHERE id = ?", (feed_b, second[6]))
            conn.execute("UPDATE articles SET feed_id = ? WHERE id = ?", (feed_a, second[5]))
            conn.execute("UPDATE articles SET feed_id = ? WHERE id = ?", (feed_a, second[6]))
            conn.execute("UPDATE article_state SET is_read = 1 - is_read WHERE id = ?", (second[6],))
        assert shown(conn) == direct(conn)
        set_bookmark(conn, second[1], True)
        remove_feed(conn, feed_b)  # keeps the bookmarked article under a 'removed' feed
        assert conn.execute("SELECT total FROM feed_counts WHERE feed_id = ?", (feed_b,)).fetchone()[0] == 1
        remove_feed(conn, feed_a)
        assert conn.execute("SELECT count(*) FROM feed_counts WHERE feed_id = ?", (feed_a,)).fetchone()[0] == 0
        assert count_articles(conn) == conn.execute("SELECT count(*) FROM articles").fetchone()[0] == 1


def test_the_migration_counts_an_existing_caches_articles(tmp_path):
    path = tmp_path / "old.sqlite3"
    with closing(sqlite3.connect(path)) as conn:
        conn.execute("PRAGMA foreign_keys = ON")
        step = next(i for i, script in enumerate(STEPS) if "CREATE TABLE feed_counts" in script)
        migrate(conn, STEPS[:step])  # the cache as it was before the counts
        conn.execute("INSERT INTO feeds (url, added) VALUES ('http://127.0.0.1/x.xml', 'now')")
        conn.executemany(
            "INSERT INTO articles (feed_id, guid, published, fetched, is_read) VALUES (1, ?, '2026-01-01', 'now', ?)",
            [(f"g{n}", n % 3 == 0) for n in range(10)],
        )
        conn.commit()
        migrate(conn)
        assert shown(conn) == direct(conn) == {1: (6, 10)}
