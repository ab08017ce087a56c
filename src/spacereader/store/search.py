"""Search in SQL: a parsed query's WHERE clauses, the list orders, and best-match-first listing.

Terms reach FTS5 only as the quoted strings ParsedQuery builds, and always as bound parameters, so no
user text is ever read as FTS syntax or SQL. articles.py calls in here for anything search-specific; what both build on is in view_sql.py.

Staying flat as the cache grows (measured in bench/search_bench.py):
- A word in most articles ("space" in a space-news cache) must not cost one lookup per match in the
  articles table, whose rows carry bodies. So one cheap FTS query first (`plan`) tells narrow from
  broad matches: narrow ones are probed by id; broad ones are tested for membership while an index
  is scanned in list order, which stops after a page.
- bm25 costs a lookup per ranked row and FTS5 has no top-k shortcut, so "best match first" ranks the
  RANK_WINDOW most recently fetched matches (highest rowids: FTS5 reads them first, without a sort),
  which is all of them for a narrow query; the rest follow, newest first.
- A count with no other filter is answered by FTS5 alone.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass

from spacereader.models import ArticleFilter, ArticleRow
from spacereader.search.query import ParsedQuery
from spacereader.store.view_sql import (
    _ROW_COLUMNS,
    MATCH,
    READ,
    _row,
    _where,
    effective_sort,
    reads_state,
    source_table,
)

RANK_WINDOW = 2000
"""How many of the newest matches are ranked by bm25; also where a match counts as broad."""
BM25 = "bm25(articles_fts, 10.0, 1.0, 3.0, 3.0)"
"""Column weights (title, body, author, feed): a headline hit is worth ten body hits."""
_FEED_NAME = "COALESCE(NULLIF(f.title, ''), f.url)"
_ORDERS = {
    "date": "a.published DESC, a.id DESC",
    "relevance": "hit.hit_rank, a.published DESC, a.id DESC",
    "feed": f"lower({_FEED_NAME}), f.id, a.published DESC, a.id DESC",
    "title": "a.title COLLATE NOCASE, a.published DESC, a.id DESC",
    "unread": "{read}, a.published DESC, a.id DESC",
}
# Orders an index can produce (articles_by_date, articles_unread), where a membership scan stops early.
_SCANNABLE = ("date", "unread")


@dataclass(frozen=True, slots=True)
class SearchPlan:
    """How to run one view's text match, from one cheap look at the index."""

    broad: bool = False
    """More than RANK_WINDOW matches: scan an index and test membership instead of probing each match."""
    floor: int | None = None
    """The lowest rowid inside the ranking window when the window is full; older matches are not ranked."""


def plan(conn: sqlite3.Connection, view: ArticleFilter) -> SearchPlan:
    """Look at the text match once (a rowid-ordered FTS read of at most RANK_WINDOW entries)."""
    search = view.search
    if search is None or search.match_expression() is None:
        return SearchPlan()
    row = conn.execute(
        f"{MATCH} ORDER BY rowid DESC LIMIT 1 OFFSET ?", (search.fts_expression(), RANK_WINDOW - 1)
    ).fetchone()
    return SearchPlan(broad=row is not None, floor=row[0] if row else None)


def order_by(view: ArticleFilter, *, state: bool = False) -> str:
    """The ORDER BY terms for the view; every order ends in the article id, so paging is stable.

    `state`: `a` is article_state (which holds the read flag), not articles."""
    return _ORDERS[effective_sort(view)].replace("{read}", "a.is_read" if state else READ)


def source(view: ArticleFilter, *, state: bool = False) -> str:
    """FROM for listing the view's rows with their feeds.

    By feed, a view that holds most of the cache walks the feeds in name order (feeds_by_name) and each
    feed's articles in date order (articles_by_feed), so a page costs its offset, not a sort of every
    article; CROSS JOIN fixes that loop order. A narrow view (a search, an entity, bookmarks) sorts its
    few rows instead. `state`: `a` is article_state (its by-feed index), for a view filtered on read state.
    """
    table = "article_state" if state else "articles"
    if effective_sort(view) == "feed" and _holds_most(view):
        return f"feeds f CROSS JOIN {table} a ON a.feed_id = f.id"
    return f"{table} a JOIN feeds f ON f.id = a.feed_id"


def _holds_most(view: ArticleFilter) -> bool:
    return view.search is None and view.entity_id is None and view.article_ids is None and not view.bookmarked_only


def scans_in_order(view: ArticleFilter) -> bool:
    """Whether an index yields the view's order, so a broad match is best tested while scanning it."""
    return effective_sort(view) in _SCANNABLE


def count_text_only(conn: sqlite3.Connection, view: ArticleFilter) -> int | None:
    """The count from FTS5 alone when the view is nothing but words; None when other filters apply."""
    search = view.search
    if search is None or search.match_expression() is None or view != ArticleFilter(search=search, sort=view.sort):
        return None
    if search != ParsedQuery(text=search.text, terms=search.terms, excluded=search.excluded):
        return None  # feed:, entity:, is: or a date bound
    sql = "SELECT count(*) FROM articles_fts WHERE articles_fts MATCH ?"
    return conn.execute(sql, (search.fts_expression(),)).fetchone()[0]


# -- best match first: the ranking window, then older matches newest first --------------------------


def _window(view: ArticleFilter) -> tuple[str, str, list[object]]:
    """(FROM, WHERE, params) for the ranked window: the newest RANK_WINDOW matches passing the filters."""
    assert view.search is not None
    source = (
        f"(SELECT rowid AS hit_id, {BM25} AS hit_rank FROM articles_fts WHERE articles_fts MATCH ?"
        " ORDER BY rowid DESC LIMIT ?) hit JOIN articles a ON a.id = hit.hit_id JOIN feeds f ON f.id = a.feed_id"
    )
    where, params = _where(view, matched=True)
    return source, where, [view.search.fts_expression(), RANK_WINDOW, *params]


def _older(view: ArticleFilter, floor: int) -> tuple[str, list[object]]:
    """WHERE and params for the matches older than the window, which are listed by date."""
    where, params = _where(view, scan=True)
    return f"{where}{' AND ' if where else ' WHERE '}a.id < ?", [*params, floor]


def list_ranked_rows(conn: sqlite3.Connection, view: ArticleFilter, *, offset: int, limit: int) -> list[ArticleRow]:
    """One page in best-match-first order: the ranked window, then older matches by date."""
    found = plan(conn, view)
    source, where, params = _window(view)
    rows = [
        _row(r)
        for r in conn.execute(
            f"SELECT {_ROW_COLUMNS} FROM {source}{where} ORDER BY {_ORDERS['relevance']} LIMIT ? OFFSET ?",
            [*params, limit, offset],
        )
    ]
    if found.floor is None or len(rows) == limit:
        return rows
    if rows:
        in_window = offset + len(rows)
    else:
        in_window = conn.execute(f"SELECT count(*) FROM {source}{where}", params).fetchone()[0]
    where, params = _older(view, found.floor)
    more = conn.execute(
        f"SELECT {_ROW_COLUMNS} FROM articles a JOIN feeds f ON f.id = a.feed_id{where}"
        f" ORDER BY {_ORDERS['date']} LIMIT ? OFFSET ?",
        [*params, limit - len(rows) if limit >= 0 else -1, max(0, offset - in_window)],
    )
    return rows + [_row(r) for r in more]


def position_ranked(conn: sqlite3.Connection, view: ArticleFilter, article_id: int) -> int | None:
    """position_of for best-match-first order."""
    found = plan(conn, view)
    source, where, params = _window(view)
    ids = [r[0] for r in conn.execute(f"SELECT a.id FROM {source}{where} ORDER BY {_ORDERS['relevance']}", params)]
    if article_id in ids:
        return ids.index(article_id)
    if found.floor is None:
        return None
    where, params = _older(view, found.floor)
    row = conn.execute(f"SELECT a.published FROM articles a{where} AND a.id = ?", [*params, article_id]).fetchone()
    if row is None:
        return None
    before = conn.execute(
        f"SELECT count(*) FROM articles a{where} AND (a.published, a.id) > (?, ?)",
        [*params, row[0], article_id],
    ).fetchone()[0]
    return len(ids) + before


# -- other orders (feed, title, unread first) ---------------------------------------------------------


def position_in_order(conn: sqlite3.Connection, view: ArticleFilter, article_id: int) -> int | None:
    """position_of for the feed, title and unread orders: how many of the view's rows come before it.

    Each order is an index's order (article_state_unread, articles_by_title, feeds_by_name + articles_by_feed
    or article_state_by_feed), so the rows ahead are counted along it: the cost is the position, not the cache.
    """
    sort = effective_sort(view)
    state = reads_state(view)
    if sort in ("title", "feed"):
        where, params = _where(view, scan=plan(conn, view).broad, state=state)
        joiner = " AND " if where else " WHERE "
        key_sql = "a.title" if sort == "title" else f"lower({_FEED_NAME}), f.id"
        from_sql = source(view, state=state) if sort == "feed" else "articles a"  # a title needs no feed row
        key = conn.execute(
            f"SELECT {key_sql}, a.published FROM {source_table(state)} JOIN feeds f ON f.id = a.feed_id{where}{joiner}a.id = ?",
            [*params, article_id],
        ).fetchone()
        if key is None:
            return None
        *lead, published = key
        newer = "(a.published, a.id) > (?, ?)"
        if sort == "title":
            # Two ranges of the title index, added: one OR across both built a rowset of every row ahead.
            sql = f"SELECT count(*) FROM {from_sql}{where}{joiner}a.title < ? COLLATE NOCASE"
            before = conn.execute(sql, [*params, lead[0]]).fetchone()[0]
            ahead = f"a.title = ? COLLATE NOCASE AND {newer}"
            sql = f"SELECT count(*) FROM {from_sql}{where}{joiner}{ahead}"
            return before + conn.execute(sql, [*params, lead[0], published, article_id]).fetchone()[0]
        # Two ranges, each along an index: the feeds before this one, then this feed's newer rows
        # (one OR across both made SQLite count every row).
        before = conn.execute(
            f"SELECT count(*) FROM {from_sql}{where}{joiner}(lower({_FEED_NAME}), f.id) < (?, ?)",
            [*params, lead[0], lead[1]],
        ).fetchone()[0]
        sql = f"SELECT count(*) FROM {from_sql}{where}{joiner}a.feed_id = ? AND {newer}"
        return before + conn.execute(sql, [*params, lead[1], published, article_id]).fetchone()[0]
    if effective_sort(view) == "unread":
        where, params = _where(view, scan=plan(conn, view).broad, state=True)
        joiner = " AND " if where else " WHERE "
        sql = f"SELECT a.is_read, a.published FROM article_state a{where}{joiner}a.id = ?"
        key = conn.execute(sql, [*params, article_id]).fetchone()
        if key is None:
            return None
        # Unread rows ahead of a read one, then rows of its own state that are newer: two index ranges.
        before = conn.execute(
            f"SELECT count(*) FROM article_state a{where}{joiner}a.is_read < ?", [*params, key[0]]
        ).fetchone()[0]
        sql = f"SELECT count(*) FROM article_state a{where}{joiner}a.is_read = ? AND (a.published, a.id) > (?, ?)"
        return before + conn.execute(sql, [*params, key[0], key[1], article_id]).fetchone()[0]
    where, params = _where(view)
    found = conn.execute(
        f"SELECT pos FROM (SELECT a.id AS id, ROW_NUMBER() OVER (ORDER BY {order_by(view)}) - 1 AS pos"
        f" FROM articles a JOIN feeds f ON f.id = a.feed_id{where}) WHERE id = ?",
        [*params, article_id],
    ).fetchone()
    return found[0] if found else None
