"""The SQL of a view that the article list (articles.py) and search (search.py) both build on: its WHERE
clauses (a parsed query's among them), the order it is really listed in, and the columns of a list row.

They sit below both so that neither imports the other for them.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from spacereader.models import SORTS, ArticleFilter, ArticleRow
from spacereader.search.query import ParsedQuery

READ = "(SELECT r.is_read FROM article_state r WHERE r.id = a.id)"
"""An article's read flag where `a` is the articles table (article_state keeps it: store/migrations.py)."""
MATCH = "SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?"
"""The text match's rowids (a quoted FTS5 expression as the parameter)."""

_ROW_COLUMNS = (
    "a.id, a.feed_id, a.title, COALESCE(NULLIF(f.title, ''), f.url), a.url, a.published, " + READ + ","
    " EXISTS (SELECT 1 FROM bookmarks b WHERE b.article_id = a.id)"
)


def is_ranked(view: ArticleFilter) -> bool:
    """Whether the view is listed best match first (relevance sort and words to rank by)."""
    return view.sort == "relevance" and view.search is not None and view.search.match_expression() is not None


def effective_sort(view: ArticleFilter) -> str:
    """The order the view is really listed in: relevance without words to rank by falls back to date."""
    if view.sort not in SORTS:
        raise ValueError(f"unknown sort {view.sort!r}; expected one of {', '.join(SORTS)}")
    if view.sort == "relevance" and not is_ranked(view):
        return "date"
    return view.sort


def _like(value: str) -> str:
    """A LIKE pattern that finds `value` anywhere, with its own % and _ taken literally."""
    escaped = value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def search_clauses(
    query: ParsedQuery,
    *,
    scan: bool = False,
    matched: bool = False,
    after_id: int | None = None,
    read: str | None = None,
) -> tuple[list[str], list[object]]:
    """WHERE clauses (on `articles a`, or on `article_state a`, which has the columns they name) for a parsed query.

    Args:
        scan: test the text match per row while an index is scanned (`+` keeps SQLite from probing
            every match by id, which for a broad match means reading most article rows).
        matched: the caller already restricts rows to the text matches (the ranking window).
        after_id: only articles above this id are wanted (a watch's new ones): FTS5 then reads only
            the matches above it, not every match of a broad word (100 ms at 100,000 articles).
        read: the read flag's expression; by default the per-row look-up for `articles a`.
    """
    read = READ if read is None else read
    clauses: list[str] = []
    params: list[object] = []
    expression = query.fts_expression()
    if expression is not None and not matched:
        match = MATCH if after_id is None else f"{MATCH} AND rowid > ?"
        if query.match_expression() is None:
            clauses.append(f"a.id NOT IN ({match})")  # only exclusions: FTS5 NOT needs a left side
        else:
            clauses.append(f"{'+' if scan else ''}a.id IN ({match})")
        params.append(expression)
        if after_id is not None:
            params.append(after_id)
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
        clauses.append(f"{read} = ?")
        params.append(0 if query.unread else 1)
    if query.bookmarked:
        clauses.append("a.id IN (SELECT article_id FROM bookmarks)")
    if query.after is not None:
        clauses.append("a.published >= ?")
        params.append(query.after)
    if query.before is not None:
        clauses.append("a.published < ? AND a.published != ''")  # an unknown date is before nothing
        params.append(query.before)
    return clauses, params


def reads_state(view: ArticleFilter) -> bool:
    """Whether the view's rows are found in article_state (`a` there): a view filtered or ordered by read
    state in date, feed or unread-first order, which that table's indexes produce. Otherwise `a` is the
    articles table and the read flag is looked up per row (READ), as the title order, a list keeping the
    just-read ones and a narrow view (bookmarks, an entity's articles) walk their own rows and test each."""
    sort = effective_sort(view)
    if sort == "unread":
        return True
    if sort not in ("date", "feed") or view.kept_ids:
        return False
    if _narrow(view):
        return False  # a narrow view starts from its own rows (bookmarks: 200 rows, not 60,000 unread)
    return view.unread_only or (view.search is not None and view.search.unread is not None)


def _narrow(view: ArticleFilter) -> bool:
    return view.bookmarked_only or view.entity_id is not None or view.article_ids is not None


def source_table(state: bool) -> str:
    """`a` for a WHERE from `_where(..., state=state)`."""
    return "article_state a" if state else "articles a"


def _where(
    view: ArticleFilter, *, scan: bool = False, matched: bool = False, state: bool = False
) -> tuple[str, list[object]]:
    """WHERE and params for the view, on `a` = article_state when `state`, else on `a` = articles.

    Every clause names only id, feed_id, published and is_read of `a`, which both tables have.
    """
    # On article_state a date or unread-first list walks the unread index. By title or by feed, '+' keeps
    # SQLite on the order's own index, testing each row (by feed: 0.2 s a page at 100,000 walking the unread
    # index per feed instead). On articles the flag is looked up per row.
    read = READ if not state else "+a.is_read" if view.sort in ("title", "feed") else "a.is_read"
    clauses: list[str] = []
    params: list[object] = []
    if view.unread_only and view.kept_ids:
        # '+': with the read ones kept, walk the order's own index and test each row (0.5 ms a page at
        # 100,000); an index on is_read here made SQLite gather and sort every unread article (170 ms).
        clauses.append(f"({'+a.is_read' if state else READ} = 0 OR a.id IN ({','.join('?' * len(view.kept_ids))}))")
        params.extend(view.kept_ids)
    elif view.unread_only:
        clauses.append(f"{read} = 0")
    if view.bookmarked_only:
        clauses.append("a.id IN (SELECT article_id FROM bookmarks)")
    if view.feed_id is not None:
        clauses.append("a.feed_id = ?")
        params.append(view.feed_id)
    if view.entity_id is not None:
        clauses.append("a.id IN (SELECT article_id FROM article_entities WHERE entity_id = ?)")
        params.append(view.entity_id)
    if view.article_ids is not None:
        clauses.append(f"a.id IN ({','.join('?' * len(view.article_ids)) or 'NULL'})")
        params.extend(view.article_ids)
    if view.search is not None:
        extra, extra_params = search_clauses(view.search, scan=scan, matched=matched, read=read)
        clauses.extend(extra)
        params.extend(extra_params)
    return (" WHERE " + " AND ".join(clauses)) if clauses else "", params


def _row(values: Sequence[Any]) -> ArticleRow:
    return ArticleRow(
        id=values[0], feed_id=values[1], title=values[2], source=values[3], url=values[4],
        published=values[5], read=bool(values[6]), bookmarked=bool(values[7]),
    )  # fmt: skip
