"""Feeds (sources): subscriptions and the built-in seed source."""

from __future__ import annotations

import sqlite3

from spacereader.models import Feed
from spacereader.store.articles import now_iso

SEED_URL = "spacereader:seeds"
SEED_TITLE = "spacereader seeds"

_COLUMNS = "f.id, f.url, f.title, f.folder, f.kind, f.site_url, f.last_success, f.last_error, f.disabled_reason"


def _feed(row: tuple, unread: int = 0, total: int = 0) -> Feed:
    return Feed(*row, unread=unread, total=total)


def ensure_feed(conn: sqlite3.Connection, url: str, *, title: str = "", kind: str = "feed", folder: str = "") -> int:
    """The id of the feed with this URL, adding it if it is new (inside the caller's transaction)."""
    row = conn.execute("SELECT id FROM feeds WHERE url = ?", (url,)).fetchone()
    if row:
        return row[0]
    cursor = conn.execute(
        "INSERT INTO feeds (url, title, kind, folder, added) VALUES (?, ?, ?, ?, ?)",
        (url, title, kind, folder, now_iso()),
    )
    return int(cursor.lastrowid)


def get_feed(conn: sqlite3.Connection, feed_id: int) -> Feed | None:
    """One feed by id."""
    row = conn.execute(f"SELECT {_COLUMNS} FROM feeds f WHERE f.id = ?", (feed_id,)).fetchone()
    return _feed(row) if row else None


def list_feeds(conn: sqlite3.Connection) -> list[Feed]:
    """Every feed with its unread and total counts, by folder then title."""
    rows = conn.execute(
        f"SELECT {_COLUMNS},"
        " (SELECT count(*) FROM articles a WHERE a.feed_id = f.id AND a.is_read = 0),"
        " (SELECT count(*) FROM articles a WHERE a.feed_id = f.id)"
        " FROM feeds f ORDER BY f.kind = 'seed', f.folder, lower(COALESCE(NULLIF(f.title, ''), f.url))"
    ).fetchall()
    return [_feed(r[:-2], unread=r[-2], total=r[-1]) for r in rows]
