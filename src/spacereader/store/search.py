"""Search in SQL: a parsed query's WHERE clauses, the list orders, and positions in non-date orders.

Terms reach FTS5 only as the quoted strings ParsedQuery builds and always as bound parameters, so no
user text is ever read as FTS syntax or SQL. articles.py calls in here; keep the order strings here too.
"""

from __future__ import annotations

import sqlite3

from spacereader.models import SORTS, ArticleFilter
from spacereader.search.query import ParsedQuery

_MATCH = "SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?"
_FEED_NAME = "COALESCE(NULLIF(f.title, ''), f.url)"
_ORDERS = {
    "date": "a.published DESC, a.id DESC",
    "relevance": "hit.hit_rank, a.published DESC, a.id DESC",
    "feed": f"lower({_FEED_NAME}), a.published DESC, a.id DESC",
    "title": "a.title COLLATE NOCASE, a.published DESC, a.id DESC",
    "unread": "a.is_read, a.published DESC, a.id DESC",
}


def _like(value: str) -> str:
    """A LIKE pattern that finds `value` anywhere, with its own % and _ taken literally."""
    escaped = value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def is_ranked(view: ArticleFilter) -> bool:
    """Whether the view is listed best match first (relevance sort and something to match)."""
    return view.sort == "relevance" and view.search is not None and view.search.match_expression() is not None


def effective_sort(view: ArticleFilter) -> str:
    """The order the view is really listed in: relevance without words to rank by falls back to date."""
    if view.sort not in SORTS:
        raise ValueError(f"unknown sort {view.sort!r}; expected one of {', '.join(SORTS)}")
    if view.sort == "relevance" and not is_ranked(view):
        return "date"
    return view.sort


def order_by(view: ArticleFilter) -> str:
    """The ORDER BY terms for the view; every order ends in the article id, so paging is stable."""
    return _ORDERS[effective_sort(view)]


def ranked_source(view: ArticleFilter) -> tuple[str, list[object]]:
    """A FROM prefix joining the matches with their rank (`hit`), for the relevance order; else empty."""
    if not is_ranked(view):
        return "", []
    assert view.search is not None
    return (
        "(SELECT rowid AS hit_id, rank AS hit_rank FROM articles_fts WHERE articles_fts MATCH ?) hit"
        " JOIN articles a ON a.id = hit.hit_id",
        [view.search.match_expression()],
    )


def search_clauses(query: ParsedQuery, *, ranked: bool = False) -> tuple[list[str], list[object]]:
    """WHERE clauses (on `articles a`) for a parsed query; `ranked` when ranked_source already matches."""
    clauses: list[str] = []
    params: list[object] = []
    match = query.match_expression()
    if match is not None and not ranked:
        clauses.append(f"a.id IN ({_MATCH})")
        params.append(match)
    excluded = query.excluded_expression()
    if excluded is not None:
        clauses.append(f"a.id NOT IN ({_MATCH})")
        params.append(excluded)
    if query.feeds:
        any_feed = " OR ".join("title LIKE ? ESCAPE '\\' OR url LIKE ? ESCAPE '\\'" for _ in query.feeds)
        clauses.append(f"a.feed_id IN (SELECT id FROM feeds WHERE {any_feed})")
        for name in query.feeds:
            params.extend([_like(name), _like(name)])
    for name in query.entities:
        clauses.append(
            "a.id IN (SELECT ae.article_id FROM article_entities ae JOIN entities e ON e.id = ae.entity_id"
            " WHERE e.name LIKE ? ESCAPE '\\')"
        )
        params.append(_like(name))
    if query.unread is not None:
        clauses.append("a.is_read = ?")
        params.append(0 if query.unread else 1)
    if query.bookmarked:
        clauses.append("a.id IN (SELECT article_id FROM bookmarks)")
    if query.after is not None:
        clauses.append("a.published >= ?")
        params.append(query.after)
    if query.before is not None:
        clauses.append("a.published < ?")
        params.append(query.before)
    return clauses, params


def _numbered(view: ArticleFilter) -> tuple[str, list[object]]:
    """Every article of the view with its 0-based index in the view's order (a window over the view)."""
    from spacereader.store.articles import _where

    ranked = is_ranked(view)
    where, params = _where(view, ranked=ranked)
    source, source_params = ranked_source(view)
    table = source if ranked else "articles a"
    sql = (
        f"SELECT a.id AS id, a.is_read AS is_read, ROW_NUMBER() OVER (ORDER BY {order_by(view)}) - 1 AS pos"
        f" FROM {table} JOIN feeds f ON f.id = a.feed_id{where}"
    )
    return sql, [*source_params, *params]


def position_in_order(conn: sqlite3.Connection, view: ArticleFilter, article_id: int) -> int | None:
    """position_of for orders other than date: number the view once and look the article up."""
    sql, params = _numbered(view)
    found = conn.execute(f"SELECT pos FROM ({sql}) WHERE id = ?", [*params, article_id]).fetchone()
    return found[0] if found else None


def next_unread_in_order(conn: sqlite3.Connection, view: ArticleFilter, index: int, *, forward: bool) -> int | None:
    """next_unread for orders other than date."""
    sql, params = _numbered(view)
    test, direction = ("pos > ?", "ASC") if forward else ("pos < ?", "DESC")
    found = conn.execute(
        f"SELECT pos FROM ({sql}) WHERE is_read = 0 AND {test} ORDER BY pos {direction} LIMIT 1", [*params, index]
    ).fetchone()
    return found[0] if found else None
