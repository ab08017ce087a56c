"""Full text: which feeds want their articles' pages, and an article's body swapped for its page's main text."""

from __future__ import annotations

import sqlite3

from spacereader.models import CHOSE_FEED_TEXT


def set_full_text(conn: sqlite3.Connection, feed_id: int, on: bool) -> bool:
    """Turn fetching each article's page during refresh on or off; False when there is no such feed."""
    with conn:
        cursor = conn.execute("UPDATE feeds SET full_text = ? WHERE id = ?", (int(on), feed_id))
    return cursor.rowcount > 0


def articles_wanting_pages(conn: sqlite3.Connection, limit: int) -> list[tuple[int, str, str]]:
    """(id, url, title) of articles of full-text feeds whose page was never tried, newest first.

    Reached through the full-text feeds' own articles (articles_by_feed): a join let the planner walk every
    article by date, about 0.1 s at 50,000 on each refresh even with no full-text feed.
    """
    rows = conn.execute(
        "SELECT a.id, a.url, a.title FROM articles a"
        " WHERE a.feed_id IN (SELECT id FROM feeds WHERE full_text = 1 AND kind = 'feed')"
        " AND a.from_page = 0 AND a.page_error = '' AND a.url != ''"
        " ORDER BY a.published DESC, a.id DESC LIMIT ?",
        (limit,),
    )
    return [(r[0], r[1], r[2]) for r in rows]


def _reindex(conn: sqlite3.Connection, article_id: int) -> None:
    """Index the article's new body now and have its entities found again (inside the caller's transaction)."""
    conn.execute(
        "INSERT INTO articles_fts (rowid, title, body, author, feed)"
        " SELECT s.id, s.title, s.body, s.author, s.feed FROM articles_search_source s"
        " WHERE s.id = ? AND s.id IN (SELECT article_id FROM search_pending)",
        (article_id,),
    )
    conn.execute("DELETE FROM search_pending WHERE article_id = ?", (article_id,))
    conn.execute("DELETE FROM extractions WHERE article_id = ?", (article_id,))


def save_page_text(conn: sqlite3.Connection, article_id: int, text: str) -> bool:
    """Show the page's main text as the body, keeping the feed's text aside; False when the article is gone."""
    with conn:
        cursor = conn.execute(
            "UPDATE articles SET feed_body = CASE WHEN from_page THEN feed_body ELSE body END, body = ?,"
            " word_count = ?, from_page = 1, page_error = '' WHERE id = ?",
            (text, len(text.split()), article_id),
        )
        if cursor.rowcount:
            _reindex(conn, article_id)
    return cursor.rowcount > 0


def record_page_failure(conn: sqlite3.Connection, article_id: int, reason: str) -> None:
    """Remember why the page gave no text, so the reader can say so and a refresh does not try again."""
    with conn:
        conn.execute("UPDATE articles SET page_error = ? WHERE id = ?", (reason or "failed", article_id))


def restore_feed_text(conn: sqlite3.Connection, article_id: int) -> bool:
    """Put the feed's own text back as the body; False when the body was not the page's."""
    with conn:
        row = conn.execute("SELECT feed_body FROM articles WHERE id = ? AND from_page = 1", (article_id,)).fetchone()
        if row is None:
            return False
        conn.execute(
            "UPDATE articles SET body = feed_body, feed_body = '', word_count = ?, from_page = 0, page_error = ?"
            " WHERE id = ?",
            (len(row[0].split()), CHOSE_FEED_TEXT, article_id),
        )
        _reindex(conn, article_id)
    return True
