"""Ordered schema steps keyed by PRAGMA user_version; append new steps, never edit a released one."""

from __future__ import annotations

import sqlite3

STEPS: list[str] = [
    # 1: feeds, articles, bookmarks, entities.
    """
    CREATE TABLE feeds (
        id INTEGER PRIMARY KEY,
        url TEXT NOT NULL UNIQUE,
        title TEXT NOT NULL DEFAULT '',
        site_url TEXT NOT NULL DEFAULT '',
        folder TEXT NOT NULL DEFAULT '',
        kind TEXT NOT NULL DEFAULT 'feed',
        etag TEXT,
        last_modified TEXT,
        last_attempt TEXT,
        last_success TEXT,
        last_error TEXT,
        disabled_reason TEXT,
        retry_after TEXT,
        added TEXT NOT NULL
    );
    CREATE TABLE articles (
        id INTEGER PRIMARY KEY,
        feed_id INTEGER NOT NULL REFERENCES feeds(id) ON DELETE CASCADE,
        guid TEXT NOT NULL,
        url TEXT NOT NULL DEFAULT '',
        title TEXT NOT NULL DEFAULT '',
        author TEXT NOT NULL DEFAULT '',
        published TEXT NOT NULL,
        fetched TEXT NOT NULL,
        summary TEXT NOT NULL DEFAULT '',
        body TEXT NOT NULL DEFAULT '',
        word_count INTEGER NOT NULL DEFAULT 0,
        enclosures TEXT NOT NULL DEFAULT '',
        content_hash TEXT NOT NULL DEFAULT '',
        is_read INTEGER NOT NULL DEFAULT 0,
        UNIQUE (feed_id, guid)
    );
    CREATE INDEX articles_by_date ON articles (published DESC, id DESC);
    CREATE INDEX articles_by_feed ON articles (feed_id, published DESC, id DESC);
    CREATE INDEX articles_unread ON articles (is_read, published DESC, id DESC);
    CREATE TABLE bookmarks (
        article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
        created TEXT NOT NULL
    );
    CREATE TABLE entities (
        id INTEGER PRIMARY KEY,
        key TEXT NOT NULL UNIQUE,
        name TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('person', 'organisation', 'place'))
    );
    CREATE TABLE article_entities (
        article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        entity_id INTEGER NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
        mentions INTEGER NOT NULL,
        salience REAL NOT NULL DEFAULT 0,
        PRIMARY KEY (article_id, entity_id)
    ) WITHOUT ROWID;
    CREATE INDEX article_entities_by_entity ON article_entities (entity_id, article_id);
    CREATE TABLE extractions (
        article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
        extractor TEXT NOT NULL,
        done TEXT NOT NULL
    );
    """,
    # 2: the type each article gave an entity; entities.kind becomes the cache-wide majority of these.
    """
    ALTER TABLE article_entities ADD COLUMN kind TEXT CHECK (kind IN ('person', 'organisation', 'place'));
    CREATE INDEX extractions_by_extractor ON extractions (extractor);
    """,
]


def schema_version(conn: sqlite3.Connection) -> int:
    """The step the database is at."""
    return conn.execute("PRAGMA user_version").fetchone()[0]


def migrate(conn: sqlite3.Connection, steps: list[str] | None = None) -> int:
    """Run every step above the database's user_version, each in its own transaction."""
    steps = STEPS if steps is None else steps
    current = schema_version(conn)
    for number, script in enumerate(steps[current:], start=current + 1):
        # executescript commits first; wrap the step and its version bump in one transaction.
        conn.executescript(f"BEGIN IMMEDIATE;\n{script}\nPRAGMA user_version = {number};\nCOMMIT;")
    return schema_version(conn)
