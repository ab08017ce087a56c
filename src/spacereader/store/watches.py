"""Watches: entities and saved views the user follows, and the new articles that match them.

An article is new to a watch when its id is above the highest id present when the watch was made. Each
match is recorded once (so it is announced once) and stays "unseen" until the user opens that entity's
or view's list, or `spacereader watches --mark-seen`.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterable

from spacereader.models import ParsedQuery, Watch, WatchHit
from spacereader.store.articles import now_iso
from spacereader.store.view_sql import search_clauses

_COLUMNS = (
    "w.id, w.kind, w.name, w.created,"
    " (SELECT count(*) FROM watch_hits h WHERE h.watch_id = w.id AND h.seen = 0), w.entity_key"
)


def entity_key(conn: sqlite3.Connection, entity_id: int) -> str | None:
    """The entity's canonical key (what joins its name across articles), or None."""
    row = conn.execute("SELECT key FROM entities WHERE id = ?", (entity_id,)).fetchone()
    return row[0] if row else None


def add_watch(conn: sqlite3.Connection, kind: str, name: str, *, key: str | None = None) -> bool:
    """Start watching an entity (by `key`) or a view (by name); False when it was watched already."""
    with conn:
        cursor = conn.execute(
            "INSERT INTO watches (kind, name, entity_key, since_id, created)"
            " SELECT ?, ?, ?, COALESCE(max(id), 0), ? FROM articles WHERE true ON CONFLICT (kind, name) DO NOTHING",
            (kind, name, key, now_iso()),
        )
    return cursor.rowcount > 0


def remove_watch(conn: sqlite3.Connection, kind: str, name: str) -> bool:
    """Stop watching; False when it was not watched."""
    with conn:
        return conn.execute("DELETE FROM watches WHERE kind = ? AND name = ?", (kind, name)).rowcount > 0


def ensure_watches(conn: sqlite3.Connection, kind: str, names: Iterable[str]) -> None:
    """Watch each of `names` (the config's `watch = true` views) unless already watched."""
    for name in names:
        add_watch(conn, kind, name)


def list_watches(conn: sqlite3.Connection) -> list[Watch]:
    """Every watch with how many of its matches are unseen, oldest watch first."""
    return [Watch(*row) for row in conn.execute(f"SELECT {_COLUMNS} FROM watches w ORDER BY w.id")]


def find_watch(conn: sqlite3.Connection, kind: str, name: str) -> Watch | None:
    """One watch by kind and name."""
    row = conn.execute(f"SELECT {_COLUMNS} FROM watches w WHERE w.kind = ? AND w.name = ?", (kind, name)).fetchone()
    return Watch(*row) if row else None


def watched_entities(conn: sqlite3.Connection) -> dict[int, int]:
    """entity id -> unseen matches, for every watched entity present in the cache (the sidebar marks them)."""
    rows = conn.execute(
        "SELECT e.id, (SELECT count(*) FROM watch_hits h WHERE h.watch_id = w.id AND h.seen = 0)"
        " FROM watches w JOIN entities e ON e.key = w.entity_key WHERE w.kind = 'entity'"
    )
    return dict(rows.fetchall())


def collect_hits(conn: sqlite3.Connection, view_query: Callable[[str], ParsedQuery | None]) -> list[WatchHit]:
    """Find and record the new matches of every watch; returns only those found now (to announce once).

    `view_query(name)` gives a watched view's parsed query (None when it is gone or does not parse).
    """
    found: list[WatchHit] = []
    with conn:
        # Two checks at once (the reader's after extraction, a command's) would find the same matches;
        # taking the write lock first makes the second see what the first recorded.
        conn.execute("BEGIN IMMEDIATE")
        for watch_id, kind, name, since_id, key in conn.execute(
            "SELECT id, kind, name, since_id, entity_key FROM watches ORDER BY id"
        ).fetchall():
            if kind == "entity":
                where = (
                    " WHERE a.id IN (SELECT ae.article_id FROM article_entities ae JOIN entities e"
                    " ON e.id = ae.entity_id WHERE e.key = ? AND ae.article_id > ?)"
                )
                params: list[object] = [key, since_id]
            else:
                query = view_query(name)
                if query is None:
                    continue
                clauses, params = search_clauses(query, after_id=since_id)
                where = " WHERE " + " AND ".join(clauses or ["true"])
            rows = conn.execute(
                f"SELECT a.id, a.title FROM articles a{where} AND a.id > ?"
                " AND a.id NOT IN (SELECT article_id FROM watch_hits WHERE watch_id = ?) ORDER BY a.id",
                [*params, since_id, watch_id],
            ).fetchall()
            if rows:
                when = now_iso()
                conn.executemany(
                    "INSERT INTO watch_hits (watch_id, article_id, found) VALUES (?, ?, ?)",
                    [(watch_id, article_id, when) for article_id, _ in rows],
                )
            found.extend(WatchHit(watch_id, kind, name, article_id, title) for article_id, title in rows)
    return found


def unseen_hits(conn: sqlite3.Connection, watch_id: int) -> list[int]:
    """The article ids of one watch's unseen matches, newest first."""
    rows = conn.execute(
        "SELECT article_id FROM watch_hits WHERE watch_id = ? AND seen = 0 ORDER BY article_id DESC", (watch_id,)
    )
    return [row[0] for row in rows]


def mark_seen(conn: sqlite3.Connection, watch_id: int | None = None) -> int:
    """Mark one watch's matches (or every watch's) seen; how many changed."""
    with conn:
        if watch_id is None:
            return conn.execute("UPDATE watch_hits SET seen = 1 WHERE seen = 0").rowcount
        return conn.execute("UPDATE watch_hits SET seen = 1 WHERE watch_id = ? AND seen = 0", (watch_id,)).rowcount


def cache_changes(conn: sqlite3.Connection) -> tuple[int, int]:
    """(data_version, highest article id): the first moves when another connection commits, so a timer can
    notice cheaply that another process (a cron `spacereader refresh`) may have added articles."""
    version = conn.execute("PRAGMA data_version").fetchone()[0]
    return version, conn.execute("SELECT COALESCE(max(id), 0) FROM articles").fetchone()[0]
