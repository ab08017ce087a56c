"""Read state in article_state: an existing cache migrates keeping every mark, the copy follows its article,
and a mark of everything killed at any point leaves all or nothing marked, with the counts agreeing."""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from contextlib import closing
from pathlib import Path

import pytest

from spacereader.models import ArticleFilter, NewArticle
from spacereader.store import Store, migrate
from spacereader.store.articles import count_unread, list_article_rows, next_unread, set_read, upsert_articles
from spacereader.store.bookmarks import set_bookmark
from spacereader.store.feeds import ensure_feed, list_feeds
from spacereader.store.migrations import STEPS
from spacereader.store.sync_queue import applying_server_states
from tests.conftest import add_articles

STATE_STEP = next(i for i, step in enumerate(STEPS) if "CREATE TABLE article_state" in step)


def mirror_faults(conn: sqlite3.Connection) -> list[tuple]:
    """Articles whose state row is missing or disagrees with them on feed or date, and state rows without
    an article, and feeds whose kept unread count is not what article_state says."""
    return [
        *conn.execute(
            "SELECT a.id, s.id FROM articles a LEFT JOIN article_state s ON s.id = a.id"
            " WHERE s.id IS NULL OR s.feed_id IS NOT a.feed_id OR s.published IS NOT a.published"
        ),
        *conn.execute("SELECT s.id FROM article_state s WHERE s.id NOT IN (SELECT id FROM articles)"),
        *conn.execute(
            "SELECT c.feed_id, c.unread, c.total FROM feed_counts c WHERE c.unread IS NOT"
            " (SELECT count(*) FROM article_state s WHERE s.feed_id = c.feed_id AND s.is_read = 0)"
            " OR c.total IS NOT (SELECT count(*) FROM articles a WHERE a.feed_id = c.feed_id)"
        ),
    ]


def test_a_cache_from_before_keeps_every_read_mark_bookmark_and_queued_mark(tmp_path):
    path = tmp_path / "old.sqlite3"
    with closing(sqlite3.connect(path)) as conn:
        conn.execute("PRAGMA foreign_keys = ON")
        migrate(conn, STEPS[:STATE_STEP])  # the schema with the flag in the article's row
        with conn:
            feeds = [ensure_feed(conn, f"http://127.0.0.1/{n}.xml", title=f"Feed {n}") for n in range(3)]
            for number, feed in enumerate(feeds):
                items = [
                    NewArticle(guid=f"g{n}", title=f"Feed {number} article {n}", body="text " * 50,
                               published=f"2026-01-{1 + n:02d}T0{number}:00:00Z", content_hash=f"h{number}-{n}")
                    for n in range(20)
                ]  # fmt: skip
                upsert_articles(conn, feed, items)
            ids = [row[0] for row in conn.execute("SELECT id FROM articles ORDER BY id")]
            read = set(ids[::3])
            bookmarked = set(ids[1::4])
            conn.executemany("UPDATE articles SET is_read = 1 WHERE id = ?", [(i,) for i in read])
            conn.executemany(
                "INSERT INTO bookmarks (article_id, created) VALUES (?, '2026-01-02T00:00:00Z')",
                [(i,) for i in bookmarked],
            )
            # One synced article with a read mark waiting to be sent: the queue row is kept as it was.
            conn.execute("INSERT INTO sync_items (item_id, article_id) VALUES ('tag:item/1', ?), ('tag:item/2', ?)",
                         (ids[0], ids[1]))  # fmt: skip
            conn.execute("UPDATE articles SET is_read = 1 - is_read WHERE id = ?", (ids[1],))
            read ^= {ids[1]}
            queued = conn.execute("SELECT item_id, field, value FROM sync_queue").fetchall()
        assert queued == [("tag:item/2", "read", 1)]
        before_counts = {(f.id, f.unread, f.total) for f in list_feeds(conn)}
        migrate(conn)
        assert {row[0] for row in conn.execute("SELECT id FROM article_state WHERE is_read = 1")} == read
        assert {row[0] for row in conn.execute("SELECT article_id FROM bookmarks")} == bookmarked
        assert conn.execute("SELECT item_id, field, value FROM sync_queue").fetchall() == queued
        assert {(f.id, f.unread, f.total) for f in list_feeds(conn)} == before_counts
        assert mirror_faults(conn) == []
        rows = list_article_rows(conn, ArticleFilter(unread_only=True), limit=-1)
        assert {row.id for row in rows} == set(ids) - read and not any(row.read for row in rows)
        assert [r.published for r in rows] == sorted((r.published for r in rows), reverse=True)
        # After the migration a mark is still queued for the server in the statement that makes it,
        assert ids[0] in read and set_read(conn, ids[0], False)
        assert ("tag:item/1", "read", 0) in conn.execute("SELECT item_id, field, value FROM sync_queue").fetchall()
        # and a server's own state is not queued back.
        with conn:
            applying_server_states(conn, True)
            conn.execute("UPDATE article_state SET is_read = 1 WHERE id = ?", (ids[0],))
            applying_server_states(conn, False)
        assert ("tag:item/1", "read", 0) in conn.execute("SELECT item_id, field, value FROM sync_queue").fetchall()


def test_the_state_row_follows_its_articles_date_feed_and_deletion(store):
    ids = add_articles(store, 6)
    with closing(store.connect()) as conn:
        set_read(conn, ids[1], True)
        feed = conn.execute("SELECT feed_id FROM articles WHERE id = ?", (ids[0],)).fetchone()[0]
        # A changed item with a new date moves in the unread list, read state kept.
        later = NewArticle(guid="guid-5", title="Article number 5", published="2026-02-01T00:00:00Z",
                           body="new text", content_hash="changed")  # fmt: skip
        with conn:
            upsert_articles(conn, feed, [later])
        unread = list_article_rows(conn, ArticleFilter(unread_only=True), limit=-1)
        assert unread[0].id == ids[5] and ids[1] not in {row.id for row in unread}
        assert next_unread(conn, ArticleFilter(), 0) == 1
        other = ensure_feed(conn, "http://127.0.0.1/other.xml")
        with conn:
            conn.execute("UPDATE articles SET feed_id = ? WHERE id IN (?, ?)", (other, ids[1], ids[2]))
            conn.execute("DELETE FROM articles WHERE id = ?", (ids[3],))
        assert mirror_faults(conn) == []
        assert count_unread(conn, ArticleFilter(feed_id=other)) == 1
        assert conn.execute("SELECT count(*) FROM article_state WHERE id = ?", (ids[3],)).fetchone()[0] == 0


def cli(data_dir: Path, *args: str) -> list[str]:
    config = str(data_dir / "absent.toml")
    return [sys.executable, "-m", "spacereader", "--data-dir", str(data_dir), "--config", config, *args]


@pytest.mark.slow
def test_mark_everything_read_killed_at_any_point_marks_all_or_nothing(tmp_path):
    data_dir = tmp_path / "data"
    store = Store.open(data_dir)
    for number in range(8):
        add_articles(store, 500, feed_url=f"http://127.0.0.1/{number}.xml", feed_title=f"Feed {number}")
    with closing(store.connect()) as conn:
        ids = [row[0] for row in conn.execute("SELECT id FROM articles ORDER BY id")]
        for article_id in ids[::7]:
            set_read(conn, article_id, True)
        set_bookmark(conn, ids[3], True)
    started = time.monotonic()
    subprocess.run(cli(data_dir, "feeds"), check=True, capture_output=True, timeout=60)  # start-up, seeds imported
    start_up = time.monotonic() - started
    with closing(store.connect()) as conn:
        unread_before = {row[0] for row in conn.execute("SELECT id FROM article_state WHERE is_read = 0")}
    chooser = random.Random(20261203)
    outcomes = {"none": 0, "all": 0}
    for _ in range(12):
        process = subprocess.Popen(cli(data_dir, "mark-read", "--all"), stdout=subprocess.DEVNULL,
                                   stderr=subprocess.DEVNULL, start_new_session=True)  # fmt: skip
        time.sleep(chooser.uniform(start_up * 0.5, start_up * 1.5))
        os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=30)
        with closing(store.connect()) as conn:
            assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
            unread = {row[0] for row in conn.execute("SELECT id FROM article_state WHERE is_read = 0")}
            assert mirror_faults(conn) == []
            assert conn.execute("SELECT article_id FROM bookmarks").fetchall() == [(ids[3],)]
            if unread:
                assert unread == unread_before, "a killed mark left part of the list marked"
                outcomes["none"] += 1
            else:
                outcomes["all"] += 1
                conn.executemany("UPDATE article_state SET is_read = 0 WHERE id = ?", [(i,) for i in unread_before])
                conn.commit()
    print(f"killed mark-read --all: {outcomes}")
    assert outcomes["none"] and outcomes["all"], f"the kills did not land on both sides of the commit: {outcomes}"
