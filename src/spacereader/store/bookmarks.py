"""Bookmarks: a row per bookmarked article, never removed by retention."""

from __future__ import annotations

import sqlite3

from spacereader.store.articles import now_iso
from spacereader.store.search_index import index_feed_now


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


BOOKMARK_FIELDS = ("feed_url", "feed_title", "guid", "url", "title", "author", "published", "body", "bookmarked_at")


def export_bookmarks(conn: sqlite3.Connection) -> list[dict[str, object]]:
    """Every bookmark with enough of its article to recreate it in another cache, enclosures included."""
    from spacereader.store.articles import read_enclosures

    rows = conn.execute(
        "SELECT f.url, f.title, a.guid, a.url, a.title, a.author, a.published, a.body, b.created, a.enclosures"
        # CROSS JOIN: from the bookmarks out, not every article tested for a bookmark.
        " FROM bookmarks b CROSS JOIN articles a ON a.id = b.article_id JOIN feeds f ON f.id = a.feed_id"
        " ORDER BY b.created, a.id"
    ).fetchall()
    records: list[dict[str, object]] = []
    for row in rows:
        record: dict[str, object] = dict(zip(BOOKMARK_FIELDS, row))
        record["enclosures"] = [item.as_json() for item in read_enclosures(row[-1])]
        records.append(record)
    return records


def import_bookmark(conn: sqlite3.Connection, record: dict[str, str]) -> str:
    """Bookmark the matching cached article, or recreate it; returns 'matched' or 'created'.

    Matches on (feed URL, guid), then on the article's link. Runs in the caller's transaction.
    `enclosures` is the stored form (JSON text, or "" for none).
    """
    found = conn.execute(
        "SELECT a.id FROM articles a JOIN feeds f ON f.id = a.feed_id WHERE f.url = ? AND a.guid = ?",
        (record["feed_url"], record["guid"]),
    ).fetchone()
    if found is None and record.get("url"):
        found = conn.execute("SELECT id FROM articles WHERE url = ? ORDER BY id LIMIT 1", (record["url"],)).fetchone()
    outcome = "matched"
    if found is None:
        from spacereader.store.feeds import ensure_feed

        feed_id = ensure_feed(conn, record["feed_url"], title=record.get("feed_title", ""))
        body = record.get("body", "")
        cursor = conn.execute(
            "INSERT INTO articles (feed_id, guid, url, title, author, published, fetched, body, word_count,"
            " enclosures, content_hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '')",
            (
                feed_id, record["guid"], record.get("url", ""), record.get("title", ""), record.get("author", ""),
                record.get("published") or "", now_iso(), body, len(body.split()), record.get("enclosures", ""),
            ),
        )  # fmt: skip
        found = (cursor.lastrowid,)
        outcome = "created"
        index_feed_now(conn, feed_id)
    conn.execute(
        "INSERT INTO bookmarks (article_id, created) VALUES (?, ?) ON CONFLICT DO NOTHING",
        (found[0], record.get("bookmarked_at") or now_iso()),
    )
    return outcome
