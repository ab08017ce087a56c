"""What the ignore rules kept out of the cache, and the new articles waiting for entity rules."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from spacereader.models import ArticleFilter, ParsedQuery
from spacereader.store.articles import now_iso
from spacereader.store.view_sql import READ, _where

KEEP_IGNORED_PER_FEED = 1000
"""Ignored articles remembered per feed (newest first); older ones could come back if the feed still lists them."""


@dataclass(frozen=True, slots=True)
class IgnoredArticle:
    """An article a rule kept out: enough to recognise it and to see which rule did it."""

    feed_id: int
    feed: str
    guid: str
    title: str
    url: str
    published: str
    rule: str
    ignored: str


def ignored_guids(conn: sqlite3.Connection, feed_id: int) -> set[str]:
    """Guids of the feed's articles already ignored: a later refresh skips them without counting them again."""
    return {row[0] for row in conn.execute("SELECT guid FROM ignored_articles WHERE feed_id = ?", (feed_id,))}


def record_ignored(conn: sqlite3.Connection, feed_id: int, rows: Iterable[tuple[str, str, str, str, str]]) -> int:
    """Remember (guid, title, url, published, rule) rows inside the caller's transaction; how many were new."""
    when = now_iso()
    added = 0
    for guid, title, url, published, rule in rows:
        cursor = conn.execute(
            "INSERT INTO ignored_articles (feed_id, guid, title, url, published, rule, ignored)"
            " VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (feed_id, guid) DO NOTHING",
            (feed_id, guid, title, url, published, rule, when),
        )
        added += cursor.rowcount
    if added:
        conn.execute(
            "DELETE FROM ignored_articles WHERE feed_id = ? AND id NOT IN"
            " (SELECT id FROM ignored_articles WHERE feed_id = ? ORDER BY id DESC LIMIT ?)",
            (feed_id, feed_id, KEEP_IGNORED_PER_FEED),
        )
    return added


def queue_for_entity_rules(conn: sqlite3.Connection, feed_id: int, after_id: int) -> None:
    """Queue the feed's articles stored after `after_id` (this refresh's) until extraction lets entity rules judge them."""
    conn.execute(
        "INSERT OR IGNORE INTO ignore_pending (article_id) SELECT id FROM articles WHERE feed_id = ? AND id > ?",
        (feed_id, after_id),
    )


def sweep_entity_rules(conn: sqlite3.Connection, rules: Sequence[tuple[str, ParsedQuery]]) -> list[int]:
    """Apply rules naming entities to the queued articles whose entities are now extracted.

    A match is removed from the cache and remembered as ignored, unless the user has read or bookmarked
    it meanwhile (then it is theirs). Every extracted article leaves the queue. Returns the removed ids.
    """
    ready = "SELECT p.article_id FROM ignore_pending p JOIN extractions x ON x.article_id = p.article_id"
    removed: list[int] = []
    with conn:
        conn.execute("BEGIN IMMEDIATE")  # one sweep at a time: a second one then finds nothing left to remove
        for text, query in rules:
            where, params = _where(ArticleFilter(search=query))
            found = conn.execute(
                f"SELECT a.id, a.feed_id, a.guid, a.title, a.url, a.published FROM articles a{where}"
                f" AND a.id IN ({ready}) AND {READ} = 0 AND a.id NOT IN (SELECT article_id FROM bookmarks)",
                params,
            ).fetchall()
            for article_id, feed_id, guid, title, url, published in found:
                record_ignored(conn, feed_id, [(guid, title, url, published, text)])
                conn.execute("DELETE FROM articles WHERE id = ?", (article_id,))
                removed.append(article_id)
        conn.execute(f"DELETE FROM ignore_pending WHERE article_id IN ({ready})")
    return removed


def count_pending_rules(conn: sqlite3.Connection) -> int:
    """New articles still waiting for extraction before entity rules can judge them."""
    return conn.execute("SELECT count(*) FROM ignore_pending").fetchone()[0]


def ignored_counts(conn: sqlite3.Connection) -> dict[int, int]:
    """feed id -> how many of its articles the rules have kept out (as remembered)."""
    return dict(conn.execute("SELECT feed_id, count(*) FROM ignored_articles GROUP BY feed_id").fetchall())


def list_ignored(conn: sqlite3.Connection, limit: int = 100) -> list[IgnoredArticle]:
    """The most recently ignored articles, newest first."""
    rows = conn.execute(
        "SELECT i.feed_id, COALESCE(NULLIF(f.title, ''), f.url), i.guid, i.title, i.url, i.published, i.rule, i.ignored"
        " FROM ignored_articles i JOIN feeds f ON f.id = i.feed_id ORDER BY i.id DESC LIMIT ?",
        (limit,),
    ).fetchall()
    return [IgnoredArticle(*row) for row in rows]
