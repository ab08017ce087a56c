"""Bringing the search index up to date: articles queued by the triggers are indexed in large batches.

A refresh writes articles feed by feed; indexing them in the same small transactions made FTS5 flush a
segment per feed and merge those segments over and over. Indexed here, a few thousand at a time, the
same words cost a fraction of that. Each batch indexes and dequeues in one transaction, so a kill at any
point leaves the queue exactly matching what is not yet indexed.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

# Articles per transaction: large enough that FTS5 writes few, large segments; small enough that a
# reader's write (a read mark) waits well under a second behind one batch.
INDEX_BATCH = 2000


def count_pending(conn: sqlite3.Connection) -> int:
    """Articles stored but not yet searchable."""
    return conn.execute("SELECT count(*) FROM search_pending").fetchone()[0]


def index_batch(conn: sqlite3.Connection, limit: int = INDEX_BATCH) -> int:
    """Index up to `limit` queued articles in one transaction; how many were taken off the queue."""
    with conn:
        ids = [
            row[0]
            for row in conn.execute("SELECT article_id FROM search_pending ORDER BY article_id LIMIT ?", (limit,))
        ]
        if not ids:
            return 0
        low, high = ids[0], ids[-1]
        conn.execute(
            "INSERT INTO articles_fts (rowid, title, body, author, feed)"
            " SELECT s.id, s.title, s.body, s.author, s.feed FROM articles_search_source s"
            " WHERE s.id IN (SELECT article_id FROM search_pending WHERE article_id BETWEEN ? AND ?)",
            (low, high),
        )
        conn.execute("DELETE FROM search_pending WHERE article_id BETWEEN ? AND ?", (low, high))
    return len(ids)


def index_feed_now(conn: sqlite3.Connection, feed_id: int) -> None:
    """Index one feed's queued articles inside the caller's transaction (small writes: seeds, one feed, imports)."""
    conn.execute(
        "INSERT INTO articles_fts (rowid, title, body, author, feed)"
        " SELECT s.id, s.title, s.body, s.author, s.feed FROM articles_search_source s"
        " WHERE s.id IN (SELECT p.article_id FROM search_pending p JOIN articles a ON a.id = p.article_id"
        " WHERE a.feed_id = ?)",
        (feed_id,),
    )
    conn.execute(
        "DELETE FROM search_pending WHERE article_id IN (SELECT id FROM articles WHERE feed_id = ?)", (feed_id,)
    )


def index_pending(
    conn: sqlite3.Connection,
    *,
    on_batch: Callable[[int, int], None] | None = None,
    should_stop: Callable[[], bool] | None = None,
) -> int:
    """Index everything queued, batch by batch; `on_batch(done, left)` after each. Returns articles indexed."""
    done = 0
    while not (should_stop and should_stop()):
        taken = index_batch(conn)
        if not taken:
            break
        done += taken
        if on_batch is not None:
            on_batch(done, count_pending(conn))
    return done
