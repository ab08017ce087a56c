"""Bookmarks: a row per bookmarked article, never removed by retention."""

from __future__ import annotations

import sqlite3

from spacereader.store.articles import now_iso


def set_bookmark(conn: sqlite3.Connection, article_id: int, bookmarked: bool) -> bool:
    """Bookmark or unbookmark one article; False when there is no such article."""
    with conn:
        if conn.execute("SELECT 1 FROM articles WHERE id = ?", (article_id,)).fetchone() is None:
            return False
        if bookmarked:
            conn.execute(
                "INSERT INTO bookmarks (article_id, created) VALUES (?, ?) ON CONFLICT DO NOTHING",
                (article_id, now_iso()),
            )
        else:
            conn.execute("DELETE FROM bookmarks WHERE article_id = ?", (article_id,))
    return True


def is_bookmarked(conn: sqlite3.Connection, article_id: int) -> bool:
    """Whether the article is bookmarked."""
    return conn.execute("SELECT 1 FROM bookmarks WHERE article_id = ?", (article_id,)).fetchone() is not None
