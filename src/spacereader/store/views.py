"""Saved views: named queries kept in the cache (and merged with the config's), listed with live counts."""

from __future__ import annotations

import json
import sqlite3
import threading
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import replace
from datetime import datetime, timezone

from spacereader.models import ArticleFilter, ParsedQuery, SavedView
from spacereader.search.query import QueryError, parse_query
from spacereader.store.articles import count_articles, count_unread_among, count_with_unread, now_iso

FEW_ARTICLES = 10_000
"""Up to this many, a view's unread articles are counted by testing each of its rows (see
`count_unread_among`); beyond, along the unread index."""
KNOWN_MAX = 500
"""Counts a `ViewCounts` keeps at most (a view with a relative date adds one each time it is counted)."""


def save_view(conn: sqlite3.Connection, name: str, query: str) -> None:
    """Save (or replace) a named view; raises ValueError with a one-line message for a bad name or query."""
    name = " ".join(name.split())
    if not name:
        raise ValueError("a view needs a name")
    parsed = parse_query(query)
    if isinstance(parsed, QueryError):
        raise ValueError(parsed.message)
    with conn:
        conn.execute(
            "INSERT INTO views (name, query, created) VALUES (?, ?, ?)"
            " ON CONFLICT (name) DO UPDATE SET query = excluded.query",
            (name, query.strip(), now_iso()),
        )


def delete_view(conn: sqlite3.Connection, name: str) -> bool:
    """Delete a saved view; False when the cache has no view by that name."""
    with conn:
        return conn.execute("DELETE FROM views WHERE name = ?", (name,)).rowcount > 0


def saved_queries(conn: sqlite3.Connection) -> dict[str, str]:
    """name -> query for the views saved in the cache, oldest first."""
    return dict(conn.execute("SELECT name, query FROM views ORDER BY created, id"))


def view_filter(query: str, *, sort: str = "date", now: datetime | None = None) -> ArticleFilter | QueryError:
    """The list filter a view's query stands for (views list newest first unless sorted otherwise)."""
    parsed = parse_query(query, now=now)
    if isinstance(parsed, QueryError):
        return parsed
    return ArticleFilter(search=parsed, sort=sort)


def view_queries(conn: sqlite3.Connection, config_views: Mapping[str, str] | None = None) -> list[tuple[str, str, str]]:
    """(name, query, source) of every view in list order, without counting their articles."""
    saved = saved_queries(conn)
    merged = [(name, query, "config") for name, query in (config_views or {}).items() if name not in saved]
    return merged + [(name, query, "cache") for name, query in saved.items()]


def list_views(
    conn: sqlite3.Connection, config_views: Mapping[str, str] | None = None, *, now: datetime | None = None
) -> list[SavedView]:
    """Every view with its unread and total counts: the config's first, then the cache's.

    A view saved in the cache replaces a config view of the same name (it was saved later, on purpose).
    A query that no longer parses is listed with its error and zero counts rather than hidden.
    """
    counted = []
    for view in uncounted_views(conn, config_views, now=now):
        unread, total = count_view(conn, view, now=now)
        counted.append(replace(view, unread=unread, total=total))
    return counted


def uncounted_views(
    conn: sqlite3.Connection, config_views: Mapping[str, str] | None = None, *, now: datetime | None = None
) -> list[SavedView]:
    """Every view as `list_views` lists it but with zero counts: what a screen shows before counting (the
    counts are full-text counts, which grow with the cache)."""
    views: list[SavedView] = []
    for name, query, source in view_queries(conn, config_views):
        view = view_filter(query, now=now)
        error = view.message if isinstance(view, QueryError) else None
        views.append(SavedView(name, query, source=source, error=error))
    return views


def count_view(conn: sqlite3.Connection, view: SavedView, *, now: datetime | None = None) -> tuple[int, int]:
    """A view's (unread, total) articles; (0, 0) for a query that does not parse."""
    parsed = view_filter(view.query, now=now)
    if isinstance(parsed, QueryError):
        return 0, 0
    search = parsed.search
    if search is not None and search.fts_expression() is None and _narrowed(search):
        total, unread = count_with_unread(conn, search)  # no words: one pass over the view's rows
        return unread, total
    total = count_articles(conn, parsed)
    if parsed.search is not None and parsed.search.unread is not None:  # is:unread or is:read
        return (total if parsed.search.unread else 0), total
    if total <= FEW_ARTICLES:
        return count_unread_among(conn, parsed), total
    return count_articles(conn, ArticleFilter(search=parsed.search, unread_only=True)), total


def change_marks(conn: sqlite3.Connection) -> tuple[int, int]:
    """(articles, entities): counters that move whenever what a view counts may have changed
    (store/migrations.py keeps them by triggers)."""
    marks = dict(conn.execute("SELECT name, n FROM change_counts"))
    return marks.get("articles", 0), marks.get("entities", 0)


class ViewCounts:
    """Views' counts remembered with the change counters they were counted at, so counting again while
    nothing they read has changed costs nothing. Only the `entities` counter matters to a view with
    `entity:` terms, so the entity process's writes leave the other views' counts standing. A view with a
    relative date (`after:7d`) is keyed by the moment it resolves to, so it is counted each time."""

    def __init__(self) -> None:
        self._known: dict[tuple[object, ...], tuple[int, int]] = {}
        self._lock = threading.Lock()
        """A counting worker cancelled by a newer one may still be finishing its count meanwhile."""

    @staticmethod
    def _key(view: SavedView, marks: tuple[int, int], now: datetime | None) -> tuple[object, ...] | None:
        parsed = view_filter(view.query, now=now)
        if isinstance(parsed, QueryError) or parsed.search is None:
            return None
        return (parsed, marks[0], marks[1] if parsed.search.entities else None)

    def known(self, view: SavedView, marks: tuple[int, int], *, now: datetime | None = None) -> tuple[int, int] | None:
        """The view's (unread, total) counted at these marks, if it was."""
        key = self._key(view, marks, now)
        with self._lock:
            return None if key is None else self._known.get(key)

    def count(
        self, conn: sqlite3.Connection, view: SavedView, marks: tuple[int, int], *, now: datetime | None = None
    ) -> tuple[int, int]:
        """The view's (unread, total), counted unless known at these marks; `marks` must have been read in the
        same read transaction as the counting (see `read_snapshot`), so the two agree."""
        counts = self.known(view, marks, now=now)
        if counts is None:
            counts = count_view(conn, view, now=now)
            key = self._key(view, marks, now)
            if key is not None:
                with self._lock:
                    self._forget_older(marks)
                    self._known[key] = counts
        return counts

    def load(
        self, conn: sqlite3.Connection, views: list[SavedView], marks: tuple[int, int], *, now: datetime | None = None
    ) -> set[str]:
        """Take in the counts kept in the cache (`keep`, at an earlier launch) that still hold at these marks,
        read in the same read transaction as the marks; the names of the views the cache has counts for."""
        kept = {row[0]: row[1:] for row in conn.execute(_KEPT_SQL)}
        for view in views:
            key = self._lasting_key(view, marks, now)
            row = kept.get(view.name)
            if key is not None and row is not None and row[:3] == (repr(key[0]), key[1], key[2]):
                with self._lock:
                    self._known.setdefault(key, (row[3], row[4]))
        return set(kept)

    def keep(
        self, conn: sqlite3.Connection, views: list[SavedView], marks: tuple[int, int], *, now: datetime | None = None
    ) -> None:
        """Write these views' counts known at these marks to the cache for the next launch, and forget the
        kept counts of views no longer listed (views left out of the config). A view with a relative date
        is not kept: it resolves to another moment at the next look."""
        rows = []
        for view in views:
            key = self._lasting_key(view, marks, now)
            with self._lock:
                counts = None if key is None else self._known.get(key)
            if key is not None and counts is not None:
                rows.append((view.name, repr(key[0]), key[1], key[2], *counts))
        if set(rows) == set(conn.execute(_KEPT_SQL)):
            return  # as kept already (a view with a relative date was all that was counted): no write
        with conn:
            conn.execute(
                "DELETE FROM view_counts WHERE name NOT IN (SELECT value FROM json_each(?))",
                (json.dumps([view.name for view in views]),),
            )
            conn.executemany(
                "INSERT INTO view_counts (name, filter, articles, entities, unread, total) VALUES (?, ?, ?, ?, ?, ?)"
                " ON CONFLICT (name) DO UPDATE SET filter = excluded.filter, articles = excluded.articles,"
                " entities = excluded.entities, unread = excluded.unread, total = excluded.total",
                rows,
            )

    @classmethod
    def _lasting_key(cls, view: SavedView, marks: tuple[int, int], now: datetime | None) -> tuple[object, ...] | None:
        """The key of a view whose query means the same at any moment (no relative date), else None."""
        key = cls._key(view, marks, now)
        if key is None or view_filter(view.query, now=_ANOTHER_MOMENT) != view_filter(view.query, now=_A_MOMENT):
            return None
        return key

    def _forget_older(self, marks: tuple[int, int]) -> None:
        stale = [k for k in self._known if k[1] != marks[0] or k[2] not in (None, marks[1])]
        for key in stale if len(self._known) < KNOWN_MAX else list(self._known):
            del self._known[key]


_KEPT_SQL = "SELECT name, filter, articles, entities, unread, total FROM view_counts"
_A_MOMENT = datetime(2000, 1, 1, tzinfo=timezone.utc)
_ANOTHER_MOMENT = datetime(2000, 1, 2, tzinfo=timezone.utc)
"""Two moments a query with a relative date (`after:7d`) resolves differently at, and any other alike."""


@contextmanager
def read_snapshot(conn: sqlite3.Connection) -> Iterator[None]:
    """One read transaction: every count in it sees the cache as it was at its first read (the marks too)."""
    conn.execute("BEGIN")
    try:
        yield
    finally:
        conn.execute("COMMIT")


def _narrowed(search: ParsedQuery) -> bool:
    """Whether a query names a set of its own (entity, feed, bookmarks, dates): `is:unread` alone is counted
    from the per-feed counts."""
    return bool(search.entities or search.feeds or search.bookmarked or search.after or search.before)


def find_view(conn: sqlite3.Connection, name: str, config_views: Mapping[str, str] | None = None) -> str | None:
    """The query of the view called `name` (cache first, then config), or None."""
    row = conn.execute("SELECT query FROM views WHERE name = ?", (name,)).fetchone()
    if row is not None:
        return row[0]
    return (config_views or {}).get(name)
