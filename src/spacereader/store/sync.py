"""Sync state in the cache: remote ids of feeds and articles, how far pulling got, and the push queue.

Articles from the server are stored by `upsert_articles` and pruned by `prune_feed`, as a refresh
stores them, so search, entities, views and bookmarks treat them alike; this module adds the
mapping beside them. Server states are applied without queueing; local marks queue by trigger (sync_queue.py).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from spacereader.models import NewArticle
from spacereader.store.articles import now_iso, upsert_articles
from spacereader.store.feeds import prune_feed, remove_feed
from spacereader.store.sync_queue import applying_server_states, next_seq, queue_marks


@dataclass(frozen=True, slots=True)
class PulledItem:
    """One server item ready to store: its id, crawl time (microseconds) and states, and the article."""

    item_id: str
    crawled: int
    read: bool
    starred: bool
    article: NewArticle


@dataclass(frozen=True, slots=True)
class QueuedMark:
    """A mark waiting for the server: one item, one field, the wanted value; `seq` orders it."""

    seq: int
    item_id: str
    field: str
    value: bool


@dataclass(frozen=True, slots=True)
class QueuedMarkAll:
    """ "Mark all as read" waiting for the server: a stream, up to a crawl time."""

    seq: int
    id: int
    stream_id: str
    older_than: int


def get_value(conn: sqlite3.Connection, key: str) -> str | None:
    """One sync_state value (account, watermark), or None."""
    row = conn.execute("SELECT value FROM sync_state WHERE key = ?", (key,)).fetchone()
    return row[0] if row else None


def set_value(conn: sqlite3.Connection, key: str, value: str | None) -> None:
    """Set or clear one sync_state value in its own transaction."""
    with conn:
        if value is None:
            conn.execute("DELETE FROM sync_state WHERE key = ?", (key,))
        else:
            conn.execute(
                "INSERT INTO sync_state (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                (key, value),
            )


def forget_account(conn: sqlite3.Connection) -> None:
    """Another server or user: drop the mapping, the queue and the watermarks (articles and marks stay)."""
    with conn:
        for table in ("sync_items", "sync_feeds", "sync_queue", "sync_mark_all"):
            conn.execute(f"DELETE FROM {table}")
        conn.execute("DELETE FROM sync_state WHERE key != 'seq'")


# -- the queue --------------------------------------------------------------------------------------------


def pending(conn: sqlite3.Connection) -> list[QueuedMark | QueuedMarkAll]:
    """Everything waiting for the server, in the order it was done."""
    marks: list[QueuedMark | QueuedMarkAll] = [
        QueuedMark(seq, item, field, bool(value))
        for seq, item, field, value in conn.execute("SELECT seq, item_id, field, value FROM sync_queue")
    ]
    marks.extend(
        QueuedMarkAll(row_id, row_id, stream, older)  # a mark-all's id is its sequence number
        for row_id, stream, older in conn.execute("SELECT id, stream_id, older_than FROM sync_mark_all")
    )
    return sorted(marks, key=lambda m: m.seq)


def count_pending(conn: sqlite3.Connection) -> int:
    """How many marks wait for the server."""
    return conn.execute("SELECT (SELECT count(*) FROM sync_queue) + (SELECT count(*) FROM sync_mark_all)").fetchone()[0]


def drop_sent(conn: sqlite3.Connection, sent: Iterable[QueuedMark | QueuedMarkAll]) -> None:
    """Remove what the server accepted; a mark changed since it was read (a newer seq) stays queued."""
    with conn:
        for mark in sent:
            if isinstance(mark, QueuedMark):
                conn.execute(
                    "DELETE FROM sync_queue WHERE item_id = ? AND field = ? AND seq = ?",
                    (mark.item_id, mark.field, mark.seq),
                )
            else:
                conn.execute("DELETE FROM sync_mark_all WHERE id = ?", (mark.id,))


def mark_all_read(conn: sqlite3.Connection, feed_id: int | None = None) -> list[int]:
    """Mark every article (or one feed's) read now, and queue the server's own "mark all as read".

    The server call carries the crawl time of the newest item this cache holds, so what arrived on the
    server since is not marked. Returns the ids of the articles it changed, in order.
    """
    with conn:
        # One call to the server covers these articles: no mark per article is queued.
        applying_server_states(conn, True)
        if feed_id is None:
            changed = conn.execute("UPDATE article_state SET is_read = 1 WHERE is_read = 0 RETURNING id").fetchall()
            stream: str | None = "user/-/state/com.google/reading-list"
            newest = conn.execute("SELECT max(crawled) FROM sync_items").fetchone()[0]
        else:
            changed = conn.execute(
                "UPDATE article_state SET is_read = 1 WHERE is_read = 0 AND feed_id = ? RETURNING id", (feed_id,)
            ).fetchall()
            row = conn.execute("SELECT stream_id FROM sync_feeds WHERE feed_id = ?", (feed_id,)).fetchone()
            stream = row[0] if row else None
            newest = conn.execute(
                "SELECT max(s.crawled) FROM sync_items s JOIN articles a ON a.id = s.article_id WHERE a.feed_id = ?",
                (feed_id,),
            ).fetchone()[0]
        if stream is not None and newest:
            conn.execute(
                "INSERT INTO sync_mark_all (id, stream_id, older_than) VALUES (?, ?, ?)",
                (next_seq(conn), stream, newest),
            )
        applying_server_states(conn, False)
    return sorted(row[0] for row in changed)


# -- feeds ------------------------------------------------------------------------------------------------


def feed_streams(conn: sqlite3.Connection) -> dict[int, str]:
    """feed id -> the server's stream id, for every synced feed."""
    return dict(conn.execute("SELECT feed_id, stream_id FROM sync_feeds").fetchall())


def apply_subscriptions(
    conn: sqlite3.Connection, subscriptions: Sequence[tuple[str, str, str, str, str]]
) -> tuple[dict[str, int], int]:
    """Make the synced feeds match the server's list of (stream, url, title, folder, site url).

    A new stream becomes a feed (or takes over the local feed with its URL, keeping its articles and
    marks); a known one gets the server's URL, title and folder; one the server no longer lists is
    unsubscribed as `remove_feed` does (bookmarked articles are kept). Returns stream -> feed id and how
    many feeds were removed.
    """
    mapping: dict[str, int] = {}
    with conn:
        known = {stream: feed_id for feed_id, stream in conn.execute("SELECT feed_id, stream_id FROM sync_feeds")}
        for stream, url, title, folder, site_url in subscriptions:
            feed_id = known.get(stream)
            if feed_id is None:
                row = conn.execute("SELECT id FROM feeds WHERE url = ?", (url,)).fetchone()
                if row is None:
                    cursor = conn.execute(
                        "INSERT INTO feeds (url, title, folder, site_url, kind, added) VALUES (?, ?, ?, ?, 'feed', ?)",
                        (url, title, folder, site_url, now_iso()),
                    )
                    feed_id = cursor.lastrowid
                else:
                    feed_id = row[0]
                conn.execute(
                    "INSERT INTO sync_feeds (feed_id, stream_id) VALUES (?, ?)"
                    " ON CONFLICT (feed_id) DO UPDATE SET stream_id = excluded.stream_id, pulled = 0",
                    (feed_id, stream),
                )
            assert feed_id is not None
            taken = conn.execute("SELECT 1 FROM feeds WHERE url = ? AND id != ?", (url, feed_id)).fetchone()
            conn.execute(
                "UPDATE feeds SET kind = 'feed', title = ?, folder = ?, site_url = ?,"
                " url = CASE WHEN ? THEN url ELSE ? END, disabled_reason = NULL WHERE id = ?",
                (title, folder, site_url, taken is not None, url, feed_id),
            )
            mapping[stream] = feed_id
    gone = [feed_id for stream, feed_id in known.items() if stream not in mapping]
    for feed_id in gone:
        remove_feed(conn, feed_id)
        with conn:
            conn.execute("DELETE FROM sync_feeds WHERE feed_id = ?", (feed_id,))
    return mapping, len(gone)


def unpulled_feeds(conn: sqlite3.Connection) -> list[tuple[int, str]]:
    """(feed id, stream) of synced feeds whose first pull has not finished."""
    return conn.execute("SELECT feed_id, stream_id FROM sync_feeds WHERE pulled = 0 ORDER BY feed_id").fetchall()


def set_pulled(conn: sqlite3.Connection, feed_id: int) -> None:
    """The feed's first pull finished: later syncs take its new items from the account-wide stream."""
    with conn:
        conn.execute("UPDATE sync_feeds SET pulled = 1 WHERE feed_id = ?", (feed_id,))


def forget_feed(conn: sqlite3.Connection, feed_id: int) -> str | None:
    """The stream id a feed had on the server (its mapping dropped), or None when it was not synced."""
    with conn:
        row = conn.execute("SELECT stream_id FROM sync_feeds WHERE feed_id = ?", (feed_id,)).fetchone()
        conn.execute("DELETE FROM sync_feeds WHERE feed_id = ?", (feed_id,))
    return row[0] if row else None


# -- items ------------------------------------------------------------------------------------------------


def known_items(conn: sqlite3.Connection, item_ids: Iterable[str]) -> set[str]:
    """Which of these item ids the cache already holds."""
    ids = list(item_ids)
    found: set[str] = set()
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        found.update(
            r[0]
            for r in conn.execute(
                f"SELECT item_id FROM sync_items WHERE item_id IN ({','.join('?' * len(chunk))})", chunk
            )
        )
    return found


def store_items(conn: sqlite3.Connection, feed_id: int, items: Sequence[PulledItem], keep: int) -> int:
    """Store one feed's pulled items in one transaction, as a refresh stores articles; returns how many are new.

    A new article takes the server's read and starred states. An article the cache held already (the same
    feed and guid, fetched before sync was set up) keeps its own marks, and they are queued for the server,
    so nothing marked here is lost by syncing.
    """
    if not items:
        return 0
    with conn:
        applying_server_states(conn, True)
        before: dict[str, tuple[int, bool, bool]] = {}
        by_link: dict[str, str] = {}
        for guid, article_id, read, bookmarked, link in conn.execute(
            "SELECT a.guid, a.id, s.is_read, EXISTS (SELECT 1 FROM bookmarks b WHERE b.article_id = a.id), a.url"
            " FROM articles a JOIN article_state s ON s.id = a.id WHERE a.feed_id = ?",
            (feed_id,),
        ):
            before[guid] = (article_id, bool(read), bool(bookmarked))
            if link:
                by_link.setdefault(link, guid)
        # The API does not carry the feed's own guid: an article fetched here before is found by its link.
        items = [
            replace(item, article=replace(item.article, guid=by_link[item.article.url]))
            if item.article.guid not in before and item.article.url in by_link
            else item
            for item in items
        ]
        inserted, _ = upsert_articles(conn, feed_id, [item.article for item in items], index_now=False)
        guids = list({item.article.guid for item in items})
        ids: dict[str, int] = {}
        for start in range(0, len(guids), 500):
            chunk = guids[start : start + 500]
            ids.update(
                conn.execute(
                    f"SELECT guid, id FROM articles WHERE feed_id = ? AND guid IN ({','.join('?' * len(chunk))})",
                    [feed_id, *chunk],
                ).fetchall()
            )
        conn.executemany(
            "INSERT INTO sync_items (item_id, article_id, crawled) VALUES (?, ?, ?)"
            " ON CONFLICT (item_id) DO UPDATE SET article_id = excluded.article_id, crawled = excluded.crawled",
            [(item.item_id, ids[item.article.guid], item.crawled) for item in items if item.article.guid in ids],
        )
        read_now: list[int] = []
        unread_now: list[int] = []
        star_now: list[int] = []
        queue_read: list[int] = []
        queue_star: list[int] = []
        for item in items:
            article_id = ids.get(item.article.guid)
            if article_id is None:
                continue
            if item.article.guid in before:
                _, was_read, was_bookmarked = before[item.article.guid]
                if was_read and not item.read:
                    queue_read.append(article_id)
                if was_bookmarked and not item.starred:
                    queue_star.append(article_id)
                continue
            (read_now if item.read else unread_now).append(article_id)
            if item.starred:
                star_now.append(article_id)
        _set_read(conn, read_now, True)
        _set_read(conn, unread_now, False)
        _set_starred(conn, star_now, True)
        queue_marks(conn, queue_read, "read", True)
        queue_marks(conn, queue_star, "starred", True)
        if inserted:
            prune_feed(conn, feed_id, keep)
        applying_server_states(conn, False)
    return inserted


def _set_read(conn: sqlite3.Connection, article_ids: Sequence[int], read: bool) -> int:
    changed = 0
    for start in range(0, len(article_ids), 500):
        chunk = list(article_ids[start : start + 500])
        changed += conn.execute(
            f"UPDATE article_state SET is_read = ? WHERE is_read != ? AND id IN ({','.join('?' * len(chunk))})",
            [int(read), int(read), *chunk],
        ).rowcount
    return changed


def _set_starred(conn: sqlite3.Connection, article_ids: Sequence[int], starred: bool) -> int:
    changed = 0
    for start in range(0, len(article_ids), 500):
        chunk = list(article_ids[start : start + 500])
        marks = ",".join("?" * len(chunk))
        if starred:
            changed += conn.execute(
                f"INSERT INTO bookmarks (article_id, created) SELECT id, ? FROM articles WHERE id IN ({marks})"
                " ON CONFLICT (article_id) DO NOTHING",
                [now_iso(), *chunk],
            ).rowcount
        else:
            changed += conn.execute(f"DELETE FROM bookmarks WHERE article_id IN ({marks})", chunk).rowcount
    return changed


def apply_states(conn: sqlite3.Connection, unread: set[str], starred: set[str]) -> int:
    """Make synced articles' read marks and bookmarks match the server's unread and starred id lists.

    A mark still queued here (made while this sync ran) wins over the server's. Returns how many
    articles changed.
    """
    with conn:
        applying_server_states(conn, True)
        conn.execute("CREATE TEMP TABLE IF NOT EXISTS sync_unread (item_id TEXT PRIMARY KEY)")
        conn.execute("CREATE TEMP TABLE IF NOT EXISTS sync_starred (item_id TEXT PRIMARY KEY)")
        conn.execute("DELETE FROM sync_unread")
        conn.execute("DELETE FROM sync_starred")
        conn.executemany("INSERT OR IGNORE INTO sync_unread VALUES (?)", [(i,) for i in unread])
        conn.executemany("INSERT OR IGNORE INTO sync_starred VALUES (?)", [(i,) for i in starred])
        rows = conn.execute(
            "SELECT s.article_id,"
            " max(s.item_id IN (SELECT item_id FROM sync_unread)),"
            " max(s.item_id IN (SELECT item_id FROM sync_starred)),"
            " max(EXISTS (SELECT 1 FROM sync_queue q WHERE q.item_id = s.item_id AND q.field = 'read')),"
            " max(EXISTS (SELECT 1 FROM sync_queue q WHERE q.item_id = s.item_id AND q.field = 'starred'))"
            " FROM sync_items s GROUP BY s.article_id"
        ).fetchall()
        make_read = [a for a, is_unread, _, queued, _ in rows if not is_unread and not queued]
        make_unread = [a for a, is_unread, _, queued, _ in rows if is_unread and not queued]
        star = [a for a, _, is_starred, _, queued in rows if is_starred and not queued]
        unstar = [a for a, _, is_starred, _, queued in rows if not is_starred and not queued]
        changed = _set_read(conn, make_read, True) + _set_read(conn, make_unread, False)
        changed += _set_starred(conn, star, True) + _set_starred(conn, unstar, False)
        conn.execute("DELETE FROM sync_unread")
        conn.execute("DELETE FROM sync_starred")
        applying_server_states(conn, False)
    return changed
