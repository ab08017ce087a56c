"""Entities: the people, organisations and places extracted from articles."""

from __future__ import annotations

import sqlite3

from spacereader.models import Entity


def entities_for_article(conn: sqlite3.Connection, article_id: int) -> list[Entity]:
    """The article's entities, most mentioned (then most central) first."""
    rows = conn.execute(
        "SELECT e.id, e.name, e.kind, ae.mentions FROM article_entities ae JOIN entities e ON e.id = ae.entity_id"
        " WHERE ae.article_id = ? ORDER BY ae.salience DESC, ae.mentions DESC, e.name",
        (article_id,),
    ).fetchall()
    return [Entity(*r) for r in rows]


def extraction_state(conn: sqlite3.Connection, article_id: int) -> str | None:
    """The extractor that processed the article, or None when it has not been processed."""
    row = conn.execute("SELECT extractor FROM extractions WHERE article_id = ?", (article_id,)).fetchone()
    return row[0] if row else None
