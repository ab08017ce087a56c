"""Feeds (sources): subscriptions and the built-in seed source."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from typing import Any

from spacereader.models import Feed, FeedState, Subscription
from spacereader.store.articles import now_iso

SEED_URL = "spacereader:seeds"
SEED_TITLE = "spacereader seeds"

_COLUMNS = (
    "f.id, f.url, f.title, f.folder, f.kind, f.site_url, f.last_success, f.last_error, f.disabled_reason, f.full_text"
)


def _feed(row: Any, unread: int = 0, total: int = 0) -> Feed:
    # `row` holds the columns before `full_text` in Feed's field order, then full_text.
    return Feed(*row[:-1], unread=unread, total=total, full_text=bool(row[-1]))  # type: ignore[misc]


def ensure_feed(conn: sqlite3.Connection, url: str, *, title: str = "", kind: str = "feed", folder: str = "") -> int:
    """The id of the feed with this URL, adding it if it is new (inside the caller's transaction)."""
    row = conn.execute("SELECT id FROM feeds WHERE url = ?", (url,)).fetchone()
    if row:
        return row[0]
    cursor = conn.execute(
        "INSERT INTO feeds (url, title, kind, folder, added) VALUES (?, ?, ?, ?, ?)",
        (url, title, kind, folder, now_iso()),
    )
    assert cursor.lastrowid is not None  # set by the INSERT just made
    return cursor.lastrowid


def get_feed(conn: sqlite3.Connection, feed_id: int) -> Feed | None:
    """One feed by id."""
    row = conn.execute(f"SELECT {_COLUMNS} FROM feeds f WHERE f.id = ?", (feed_id,)).fetchone()
    return _feed(row) if row else None


def list_feeds(conn: sqlite3.Connection) -> list[Feed]:
    """Every feed with its unread and total counts (kept per feed by triggers), by folder then title."""
    rows = conn.execute(
        f"SELECT {_COLUMNS}, COALESCE(c.unread, 0), COALESCE(c.total, 0)"
        " FROM feeds f LEFT JOIN feed_counts c ON c.feed_id = f.id WHERE f.kind != 'removed' ORDER BY f.kind = 'seed', f.folder, lower(COALESCE(NULLIF(f.title, ''), f.url))"
    ).fetchall()
    return [_feed(r[:-2], unread=r[-2], total=r[-1]) for r in rows]


class FeedExistsError(ValueError):
    """The URL is already subscribed; carries the existing feed's id."""

    def __init__(self, url: str, feed_id: int) -> None:
        super().__init__(f"already subscribed to {url} (feed {feed_id})")
        self.feed_id = feed_id


def add_feed(conn: sqlite3.Connection, url: str, *, title: str = "", folder: str = "") -> int:
    """Subscribe to a URL in its own transaction; raises FeedExistsError when it is already there."""
    with conn:
        row = conn.execute("SELECT id, kind FROM feeds WHERE url = ?", (url,)).fetchone()
        if row and row[1] == "removed":
            conn.execute("UPDATE feeds SET kind = 'feed', folder = ? WHERE id = ?", (folder, row[0]))
            return row[0]
        if row:
            raise FeedExistsError(url, row[0])
        return ensure_feed(conn, url, title=title, folder=folder)


def add_feeds(conn: sqlite3.Connection, subscriptions: Iterable[Subscription]) -> tuple[int, int]:
    """Subscribe to many URLs in one transaction, skipping known ones; returns (added, already there)."""
    added = known = 0
    with conn:
        for sub in subscriptions:
            cursor = conn.execute(
                "INSERT INTO feeds (url, title, folder, kind, added) VALUES (?, ?, ?, 'feed', ?)"
                " ON CONFLICT (url) DO UPDATE SET kind = 'feed', folder = excluded.folder WHERE kind = 'removed'",
                (sub.url, sub.title, sub.folder, now_iso()),
            )
            if cursor.rowcount:
                added += 1
            else:
                known += 1
    return added, known


def find_feed(conn: sqlite3.Connection, url_or_id: str) -> Feed | None:
    """A subscription by its id (digits) or its exact URL; the seed source is never returned."""
    if url_or_id.isdigit():
        row = conn.execute(f"SELECT {_COLUMNS} FROM feeds f WHERE f.id = ? AND f.kind = 'feed'", (int(url_or_id),))
    else:
        row = conn.execute(f"SELECT {_COLUMNS} FROM feeds f WHERE f.url = ? AND f.kind = 'feed'", (url_or_id,))
    found = row.fetchone()
    return _feed(found) if found else None


def remove_feed(conn: sqlite3.Connection, feed_id: int) -> tuple[int, int]:
    """Unsubscribe: delete the feed's articles except bookmarked ones; returns (articles removed, bookmarks kept).

    Bookmarks are never lost, so a feed with bookmarked articles stays as a 'removed' row that holds just
    those (never refreshed, not listed); subscribing to its URL again revives it.
    """
    with conn:
        bookmarks = conn.execute(
            "SELECT count(*) FROM bookmarks b JOIN articles a ON a.id = b.article_id WHERE a.feed_id = ?", (feed_id,)
        ).fetchone()[0]
        articles = conn.execute(
            "DELETE FROM articles WHERE feed_id = ? AND id NOT IN (SELECT article_id FROM bookmarks)", (feed_id,)
        ).rowcount
        if bookmarks:
            conn.execute(
                "UPDATE feeds SET kind = 'removed', etag = NULL, last_modified = NULL WHERE id = ?", (feed_id,)
            )
        else:
            conn.execute("DELETE FROM feeds WHERE id = ?", (feed_id,))
    return articles, bookmarks


def rename_feed(conn: sqlite3.Connection, feed_id: int, title: str, *, folder: str | None = None) -> bool:
    """Set a feed's title (and folder when given); False when there is no such feed."""
    with conn:
        if folder is None:
            cursor = conn.execute("UPDATE feeds SET title = ? WHERE id = ?", (title, feed_id))
        else:
            cursor = conn.execute("UPDATE feeds SET title = ?, folder = ? WHERE id = ?", (title, folder, feed_id))
    return cursor.rowcount > 0


def list_feed_states(conn: sqlite3.Connection, feed_ids: Iterable[int] | None = None) -> list[FeedState]:
    """Fetch state of every subscription (or of the given ids), seed source excluded."""
    sql = "SELECT id, url, title, etag, last_modified, retry_after, disabled_reason FROM feeds WHERE kind = 'feed'"
    params: list[object] = []
    if feed_ids is not None:
        ids = list(feed_ids)
        sql += f" AND id IN ({','.join('?' * len(ids)) or 'NULL'})"
        params.extend(ids)
    return [FeedState(*row) for row in conn.execute(sql + " ORDER BY id", params)]


def record_attempt(conn: sqlite3.Connection, feed_ids: Iterable[int], when: str) -> None:
    """Note that a refresh of these feeds started."""
    with conn:
        conn.executemany("UPDATE feeds SET last_attempt = ? WHERE id = ?", [(when, i) for i in feed_ids])


def record_success(
    conn: sqlite3.Connection,
    feed_id: int,
    *,
    when: str,
    etag: str | None,
    last_modified: str | None,
    title: str = "",
    site_url: str = "",
) -> None:
    """Store a good fetch inside the caller's transaction: validators, time, clear errors, fill an empty title."""
    conn.execute(
        "UPDATE feeds SET etag = ?, last_modified = ?, last_success = ?, last_error = NULL, retry_after = NULL,"
        " title = CASE WHEN title = '' THEN ? ELSE title END,"
        " site_url = CASE WHEN ? != '' THEN ? ELSE site_url END WHERE id = ?",
        (etag, last_modified, when, title, site_url, site_url, feed_id),
    )


def move_feed(conn: sqlite3.Connection, feed_id: int, new_url: str) -> int:
    """A feed moved for good (301/308) to `new_url`: change its URL, or merge it into the feed already there.

    Runs in the caller's transaction; returns the id that now holds the feed's articles.
    """
    row = conn.execute("SELECT id FROM feeds WHERE url = ? AND id != ?", (new_url, feed_id)).fetchone()
    if row is None:
        conn.execute("UPDATE feeds SET url = ? WHERE id = ?", (new_url, feed_id))
        return feed_id
    merge_feed(conn, feed_id, row[0])
    return row[0]


def merge_feed(conn: sqlite3.Connection, source_id: int, target_id: int) -> None:
    """Move every article of one feed into another and delete the first, losing no read mark or bookmark.

    An article both feeds hold (same guid) keeps the target's copy, read if either copy was read and
    bookmarked if either was (the earlier bookmark time). The target (revived if it had been unsubscribed)
    gets a note saying so, which the next listing shows once. Runs in the caller's transaction.
    """
    twins = (
        "SELECT s.id AS source, t.id AS target, (SELECT r.is_read FROM article_state r WHERE r.id = s.id) AS was_read"
        " FROM articles s JOIN articles t ON t.feed_id = ? AND t.guid = s.guid WHERE s.feed_id = ?"
    )
    params = (target_id, source_id)
    conn.execute(
        f"UPDATE article_state SET is_read = 1 WHERE id IN (SELECT target FROM ({twins}) WHERE was_read)", params
    )
    conn.execute(
        f"INSERT INTO bookmarks (article_id, created) SELECT w.target, b.created FROM ({twins}) w"
        " JOIN bookmarks b ON b.article_id = w.source WHERE true"
        " ON CONFLICT (article_id) DO UPDATE SET created = min(created, excluded.created)",
        params,
    )
    conn.execute(f"DELETE FROM articles WHERE id IN (SELECT source FROM ({twins}))", params)
    conn.execute("UPDATE articles SET feed_id = ? WHERE feed_id = ?", (target_id, source_id))
    old_url, old_title = conn.execute("SELECT url, title FROM feeds WHERE id = ?", (source_id,)).fetchone()
    note = f"merged {old_url}" + (f" ({old_title})" if old_title else "") + ": it moved to this feed's URL"
    conn.execute("DELETE FROM feeds WHERE id = ?", (source_id,))
    conn.execute(
        "UPDATE feeds SET kind = CASE WHEN kind = 'removed' THEN 'feed' ELSE kind END,"
        " note = CASE WHEN note IS NULL THEN ? ELSE note || '; ' || ? END WHERE id = ?",
        (note, note, target_id),
    )


def feed_notes(conn: sqlite3.Connection) -> dict[int, str]:
    """Every feed's pending note, left in place (for a reader that must not write)."""
    return dict(conn.execute("SELECT id, note FROM feeds WHERE note IS NOT NULL").fetchall())


def take_feed_notes(conn: sqlite3.Connection) -> dict[int, str]:
    """Every feed's pending note, cleared as it is read so that it is said once."""
    with conn:
        notes = dict(conn.execute("SELECT id, note FROM feeds WHERE note IS NOT NULL").fetchall())
        if notes:
            conn.execute("UPDATE feeds SET note = NULL WHERE note IS NOT NULL")
    return notes


def record_failure(
    conn: sqlite3.Connection,
    feed_id: int,
    reason: str,
    *,
    disabled: bool = False,
    retry_after: str | None = None,
) -> None:
    """Store a failed fetch: the reason, and whether the feed is now disabled or must wait."""
    with conn:
        conn.execute(
            "UPDATE feeds SET last_error = ?, retry_after = ?,"
            " disabled_reason = CASE WHEN ? THEN ? ELSE disabled_reason END WHERE id = ?",
            (reason, retry_after, int(disabled), reason, feed_id),
        )


def enable_feed(conn: sqlite3.Connection, feed_id: int) -> None:
    """Fetch a disabled feed again (the user asked for it)."""
    with conn:
        conn.execute("UPDATE feeds SET disabled_reason = NULL, retry_after = NULL WHERE id = ?", (feed_id,))


def prune_feed(conn: sqlite3.Connection, feed_id: int, keep: int) -> int:
    """Delete all but the newest `keep` articles of a feed, never a bookmarked one (caller's transaction).

    Returns how many were deleted.
    """
    total = conn.execute("SELECT count(*) FROM articles WHERE feed_id = ?", (feed_id,)).fetchone()[0]
    if total <= keep:
        return 0  # the common case, answered from the index without planning the delete
    cursor = conn.execute(
        "DELETE FROM articles WHERE id IN ("
        " SELECT a.id FROM articles a WHERE a.feed_id = ?"
        " AND a.id NOT IN (SELECT article_id FROM bookmarks)"
        " AND a.id NOT IN (SELECT id FROM articles WHERE feed_id = ? ORDER BY published DESC, id DESC LIMIT ?))",
        (feed_id, feed_id, max(0, keep)),
    )
    return cursor.rowcount
