"""Articles: paged listing for the list pane, single loads for the reader, upserts for ingest."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import replace
from datetime import datetime, timezone

from spacereader.models import Article, ArticleFilter, ArticleRow, Enclosure, NewArticle, ParsedQuery
from spacereader.store import search as store_search
from spacereader.store.search_index import index_feed_now
from spacereader.store.view_sql import (
    _ROW_COLUMNS,
    _narrow,
    _row,
    _where,
    effective_sort,
    is_ranked,
    reads_state,
    search_clauses,
    source_table,
)

# The list's default (date) order; every paging query and index agrees on it. Other orders: store/search.py.
ORDER = "a.published DESC, a.id DESC"


def now_iso() -> str:
    """The current time as stored: UTC, second precision, a trailing Z."""
    return datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def count_articles(conn: sqlite3.Connection, view: ArticleFilter = ArticleFilter()) -> int:
    """How many articles the view holds: from the per-feed counts when it can, else an index-only count."""
    text_only = store_search.count_text_only(conn, view)
    if text_only is not None:
        return text_only
    plain = view.search is None and view.entity_id is None and view.article_ids is None and not view.kept_ids
    if plain and not view.bookmarked_only:
        # All articles or one feed's, read or not: the per-feed counts the triggers keep (one row a feed).
        column = "unread" if view.unread_only else "total"
        if view.feed_id is None:
            return conn.execute(f"SELECT COALESCE(sum({column}), 0) FROM feed_counts").fetchone()[0]
        row = conn.execute(f"SELECT {column} FROM feed_counts WHERE feed_id = ?", (view.feed_id,)).fetchone()
        return row[0] if row else 0
    if view.entity_id is not None and replace(view, entity_id=None, sort="date") == ArticleFilter():
        # Rows go with their article (ON DELETE CASCADE), so the entity's index alone counts them.
        sql = "SELECT count(*) FROM article_entities WHERE entity_id = ?"
        return conn.execute(sql, (view.entity_id,)).fetchone()[0]
    # The narrow state rows hold every column a filter names: counting them reads no article row. Order
    # plays no part in a count: as by date, an unread filter may use the unread index. A narrow view
    # (bookmarks, an entity's articles) counts its own rows, testing each one's flag.
    state = not _narrow(view)
    where, params = _where(replace(view, sort="date"), scan=store_search.plan(conn, view).broad, state=state)
    return conn.execute(f"SELECT count(*) FROM {source_table(state)}{where}", params).fetchone()[0]


def count_unread(conn: sqlite3.Connection, view: ArticleFilter = ArticleFilter()) -> int:
    """How many of the view's articles are unread."""
    return count_articles(conn, replace(view, unread_only=True, kept_ids=()))


def list_article_rows(
    conn: sqlite3.Connection, view: ArticleFilter = ArticleFilter(), *, offset: int = 0, limit: int = 100
) -> list[ArticleRow]:
    """One page of list rows in the view's order (view.sort; best match first for a relevance search)."""
    if is_ranked(view):
        return store_search.list_ranked_rows(conn, view, offset=offset, limit=limit)
    state = reads_state(view)
    scan = store_search.scans_in_order(view) and store_search.plan(conn, view).broad
    where, params = _where(view, scan=scan, state=state)
    order = store_search.order_by(view, state=state)
    if offset or state:
        # SQLite steps over each skipped row; over whole rows with the feed join that is about 4 us a
        # row (0.25-0.45 s at offset 100,000). Skipping along the (published, id) index, which covers
        # the inner query, and joining only the page's ids costs about 2 ms at the same offset. A view
        # filtered on read state finds its page's ids in article_state the same way.
        by_feed = effective_sort(view) == "feed"
        inner = store_search.source(view, state=state) if by_feed else source_table(state)
        sql = (
            f"SELECT {_ROW_COLUMNS} FROM articles a JOIN feeds f ON f.id = a.feed_id"
            f" WHERE a.id IN (SELECT a.id FROM {inner}{where} ORDER BY {order} LIMIT ? OFFSET ?)"
            f" ORDER BY {store_search.order_by(view)}"
        )
    else:
        sql = f"SELECT {_ROW_COLUMNS} FROM {store_search.source(view)}{where} ORDER BY {order} LIMIT ? OFFSET ?"
    return [_row(r) for r in conn.execute(sql, [*params, limit, offset])]


def get_article(conn: sqlite3.Connection, article_id: int) -> Article | None:
    """One article with its body, or None."""
    row = conn.execute(
        f"SELECT {_ROW_COLUMNS}, a.author, a.body, a.word_count, a.enclosures, a.from_page, a.page_error"
        " FROM articles a JOIN feeds f ON f.id = a.feed_id WHERE a.id = ?",
        (article_id,),
    ).fetchone()
    if row is None:
        return None
    base = _row(row)
    return Article(
        id=base.id, feed_id=base.feed_id, title=base.title, source=base.source, url=base.url,
        published=base.published, read=base.read, bookmarked=base.bookmarked,
        author=row[8], body=row[9], word_count=row[10], enclosures=read_enclosures(row[11]),
        from_page=bool(row[12]), page_error=row[13],
    )  # fmt: skip


def read_enclosures(stored: str) -> tuple[Enclosure, ...]:
    """Enclosures as stored: JSON objects, or (written before they were) one "URL (type, size)" line each."""
    if not stored:
        return ()
    found = []
    for item in json.loads(stored):
        if isinstance(item, dict):
            length = item.get("length")
            found.append(Enclosure(str(item.get("url") or ""), str(item.get("type") or ""), length or None))
        elif isinstance(item, str):
            url, _, rest = item.partition(" (")
            media_type = rest.split(",")[0].rstrip(")") if "/" in rest.split(",")[0] else ""
            found.append(Enclosure(url, media_type))
    return tuple(found)


def enclosures_of(conn: sqlite3.Connection, article_ids: Sequence[int]) -> dict[int, tuple[Enclosure, ...]]:
    """The enclosures of many articles in one query per 500 ids (for JSON rows); articles without any are left out."""
    found: dict[int, tuple[Enclosure, ...]] = {}
    for start in range(0, len(article_ids), 500):
        chunk = list(article_ids[start : start + 500])
        rows = conn.execute(
            f"SELECT id, enclosures FROM articles WHERE enclosures != '' AND id IN ({','.join('?' * len(chunk))})",
            chunk,
        )
        found.update((article_id, read_enclosures(stored)) for article_id, stored in rows)
    return found


def get_article_row(conn: sqlite3.Connection, article_id: int) -> ArticleRow | None:
    """One list row, to refresh a line after its state changed."""
    row = conn.execute(
        f"SELECT {_ROW_COLUMNS} FROM articles a JOIN feeds f ON f.id = a.feed_id WHERE a.id = ?",
        (article_id,),
    ).fetchone()
    return _row(row) if row else None


def position_of(conn: sqlite3.Connection, view: ArticleFilter, article_id: int) -> int | None:
    """The article's index in the view's order, or None when the view does not hold it."""
    if is_ranked(view):
        return store_search.position_ranked(conn, view, article_id)
    if effective_sort(view) != "date":
        return store_search.position_in_order(conn, view, article_id)
    state = reads_state(view)
    where, params = _where(view, scan=store_search.plan(conn, view).broad, state=state)
    joiner = " AND " if where else " WHERE "
    table = source_table(state)
    found = conn.execute(f"SELECT a.published FROM {table}{where}{joiner}a.id = ?", [*params, article_id]).fetchone()
    if found is None:
        return None
    sql = f"SELECT count(*) FROM {table}{where}{joiner}(a.published, a.id) > (?, ?)"
    return conn.execute(sql, [*params, found[0], article_id]).fetchone()[0]


def next_unread(conn: sqlite3.Connection, view: ArticleFilter, index: int, *, forward: bool = True) -> int | None:
    """The index of the nearest unread article after (or before) `index` in the view, or None."""
    if effective_sort(view) != "date":
        return next_unread_by_pages(conn, view, index, forward=forward)
    rows = list_article_rows(conn, view, offset=index, limit=1)
    if not rows:
        return None
    current = conn.execute("SELECT published FROM article_state WHERE id = ?", (rows[0].id,)).fetchone()[0]
    # The unread ones are found in article_state's unread index (or a feed's), whatever the view.
    where, params = _where(view, scan=store_search.plan(conn, view).broad, state=True)
    joiner = " AND " if where else " WHERE "
    if forward:
        after = "(a.published, a.id) < (?, ?)"
        order = ORDER
    else:
        after = "(a.published, a.id) > (?, ?)"
        order = "a.published ASC, a.id ASC"
    hit = conn.execute(
        f"SELECT a.id FROM article_state a{where}{joiner}a.is_read = 0 AND {after} ORDER BY {order} LIMIT 1",
        [*params, current, rows[0].id],
    ).fetchone()
    return position_of(conn, view, hit[0]) if hit else None


def set_read(conn: sqlite3.Connection, article_id: int, read: bool) -> bool:
    """Mark one article read or unread; False when there is no such article."""
    with conn:
        cursor = conn.execute("UPDATE article_state SET is_read = ? WHERE id = ?", (int(read), article_id))
    return cursor.rowcount > 0


def article_exists(conn: sqlite3.Connection, article_id: int) -> bool:
    """Whether the cache holds the article."""
    return conn.execute("SELECT 1 FROM articles WHERE id = ?", (article_id,)).fetchone() is not None


def known_hashes(conn: sqlite3.Connection, feed_id: int) -> dict[str, str]:
    """guid -> content hash for one feed, so unchanged items can be skipped."""
    return dict(conn.execute("SELECT guid, content_hash FROM articles WHERE feed_id = ?", (feed_id,)))


_INSERT_COLUMNS = (
    "url, title, author, published, summary, body, word_count, enclosures, content_hash, feed_id, guid, fetched"
)
# New rows go in as one multi-row INSERT per chunk, not one statement per row. Each statement that writes
# through the FTS trigger opens a statement savepoint, and FTS5 (as in SQLite 3.40) flushes its pending
# terms to a new index segment at every savepoint; row by row, that was a segment per article and the
# merges that follow, about 130 us of the writer's 370 us per article. 80 rows x 12 values stays under
# the oldest SQLite limit of 999 bound parameters.
_INSERT_CHUNK = 80


def upsert_articles(
    conn: sqlite3.Connection, feed_id: int, items: Iterable[NewArticle], *, index_now: bool = True
) -> tuple[int, int]:
    """Insert new items and update changed ones in place, keeping read and bookmark state.

    Unchanged items (same content hash) are skipped. Runs inside the caller's transaction;
    returns (inserted, updated). With `index_now` False the articles are left queued for the search
    index (a refresh indexes them in large batches afterwards: store/search_index.py).
    """
    fetched = now_iso()
    known = known_hashes(conn, feed_id)
    new_rows: list[tuple[object, ...]] = []
    changed: list[tuple[object, ...]] = []
    for item in items:
        old_hash = known.get(item.guid)
        if old_hash == item.content_hash and old_hash is not None:
            continue
        words = len(item.body.split()) if item.word_count is None else item.word_count
        values = (
            item.url, item.title, item.author, item.published, item.summary, item.body, words,
            json.dumps([e.as_json() for e in item.enclosures]) if item.enclosures else "", item.content_hash,
        )  # fmt: skip
        if old_hash is None:
            new_rows.append((*values, feed_id, item.guid, fetched))
        else:  # an update, or a guid repeated in this batch with other content: applied after the inserts
            changed.append((*values, feed_id, item.guid))
        known[item.guid] = item.content_hash
    inserted = 0
    for start in range(0, len(new_rows), _INSERT_CHUNK):
        chunk = new_rows[start : start + _INSERT_CHUNK]
        cursor = conn.execute(
            f"INSERT INTO articles ({_INSERT_COLUMNS}) VALUES "
            + ",".join(["(?,?,?,?,?,?,?,?,?,?,?,?)"] * len(chunk))
            + " ON CONFLICT (feed_id, guid) DO NOTHING",
            [value for row in chunk for value in row],
        )
        inserted += cursor.rowcount
    for changed_values in changed:
        # An article showing its page's text keeps it; the feed's new text waits in feed_body.
        head, body, count, rest = changed_values[:5], changed_values[5], changed_values[6], changed_values[7:]
        conn.execute(
            "UPDATE articles SET url = ?, title = ?, author = ?, published = ?, summary = ?,"
            " body = CASE WHEN from_page THEN body ELSE ? END,"
            " feed_body = CASE WHEN from_page THEN ? ELSE feed_body END,"
            " word_count = CASE WHEN from_page THEN word_count ELSE ? END,"
            " enclosures = ?, content_hash = ? WHERE feed_id = ? AND guid = ?",
            (*head, body, body, count, *rest),
        )
    if index_now and (inserted or changed):
        index_feed_now(conn, feed_id)
    return inserted, len(changed)


def count_unread_among(conn: sqlite3.Connection, view: ArticleFilter) -> int:
    """How many of a view's articles are unread, testing each of its rows' flag: for a view of a few
    thousand articles. Left to itself SQLite walks the unread index instead (60,000 rows at 100,000
    articles: 130 ms for a `feed:` view of 50, against 1 ms along the feed's own index)."""
    view = replace(view, unread_only=False, kept_ids=())
    where, params = _where(view, scan=store_search.plan(conn, view).broad, state=True)
    joiner = " AND " if where else " WHERE "
    return conn.execute(f"SELECT count(*) FROM article_state a{where}{joiner}+a.is_read = 0", params).fetchone()[0]


def count_with_unread(conn: sqlite3.Connection, search: ParsedQuery) -> tuple[int, int]:
    """(total, unread) of a query without words, in one pass over its narrow state rows: a saved view of an
    entity, a feed or a date range reads its rows once instead of once for each count.

    With `is:unread` beside a narrow set (an entity's articles, a feed's, the bookmarks) `+` keeps SQLite
    on that set, testing each row's flag, rather than walking the 60,000 unread (entity:cern is:unread:
    21 -> 9 ms at 100,000); a date range is best found along the unread index itself.
    """
    narrow = bool(search.entities or search.feeds or search.bookmarked)
    clauses, params = search_clauses(search, read="+a.is_read" if narrow else "a.is_read")
    where = f" WHERE {' AND '.join(clauses)}" if clauses else ""
    sql = f"SELECT count(*), total(a.is_read = 0) FROM article_state a{where}"
    total, unread = conn.execute(sql, params).fetchone()
    return total, int(unread)


def next_unread_by_pages(conn: sqlite3.Connection, view: ArticleFilter, index: int, *, forward: bool) -> int | None:
    """next_unread for orders other than date, walking the list a page at a time from `index`."""
    page = 200
    if forward:
        start = index + 1
        while rows := list_article_rows(conn, view, offset=start, limit=page):
            for number, row in enumerate(rows):
                if not row.read:
                    return start + number
            start += page
        return None
    end = index
    while end > 0:
        start = max(0, end - page)
        rows = list_article_rows(conn, view, offset=start, limit=end - start)
        for number in range(len(rows) - 1, -1, -1):
            if not rows[number].read:
                return start + number
        end = start
    return None
