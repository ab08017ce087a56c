"""Marks waiting for the sync server.

A change of a synced article's read mark or bookmark is queued by triggers (migration step "Sync queue
by trigger"), in the statement that makes it, so every way of marking queues alike. This module holds
what the triggers cannot do: queue a mark the cache already held when an article was first matched to
the server's, and keep the server's own states from queueing themselves (`applying_server_states`).
One row per item and field holds the latest wish, so a mark toggled ten times offline is sent once;
every change takes the next sequence number, so a push removes exactly what it sent and a mark made
meanwhile stays queued.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence

FIELDS = ("read", "starred")


def next_seq(conn: sqlite3.Connection) -> int:
    """The next number of the queue's one counter (caller's transaction)."""
    return conn.execute(
        "INSERT INTO sync_state (key, value) VALUES ('seq', '1')"
        " ON CONFLICT (key) DO UPDATE SET value = CAST(value AS INTEGER) + 1 RETURNING CAST(value AS INTEGER)"
    ).fetchone()[0]


def queue_marks(conn: sqlite3.Connection, article_ids: Sequence[int], field: str, value: bool) -> None:
    """Queue read/unread or starred/unstarred for the server items behind these articles (caller's transaction)."""
    assert field in FIELDS
    if not article_ids or conn.execute("SELECT 1 FROM sync_items LIMIT 1").fetchone() is None:
        return  # never synced: nothing to queue, and no counter to move
    seq = next_seq(conn)
    for start in range(0, len(article_ids), 500):
        chunk = list(article_ids[start : start + 500])
        conn.execute(
            "INSERT INTO sync_queue (item_id, field, value, seq)"
            f" SELECT item_id, ?, ?, ? FROM sync_items WHERE article_id IN ({','.join('?' * len(chunk))})"
            " ON CONFLICT (item_id, field) DO UPDATE SET value = excluded.value, seq = excluded.seq",
            [field, int(value), seq, *chunk],
        )


def applying_server_states(conn: sqlite3.Connection, on: bool) -> None:
    """Turn the queueing triggers off (on=True) or back on, inside the caller's transaction.

    The guard row is inserted and deleted in one transaction, so no other connection ever sees it.
    """
    if on:
        conn.execute("INSERT OR IGNORE INTO sync_guard (id) VALUES (1)")
    else:
        conn.execute("DELETE FROM sync_guard")
