"""Query plans behind every screen and command: each follows an index or a maintained count.

The store's own functions run on a small cache through a connection that records each statement with
its bound parameters; each is then planned with EXPLAIN QUERY PLAN, parameters bound as the app binds
them (SQLite plans a literal differently: an OR over published/id became a MULTI-INDEX OR and a full
sort only with bound values). A plan that sorts or scans the whole articles table grows with the cache,
which bench/scale_bench.py measures at 100,000 articles; these pin the shapes so a regression fails here.
"""

from __future__ import annotations

import sqlite3
from contextlib import closing
from dataclasses import replace

import pytest

from spacereader.models import ArticleFilter, ExtractedEntity
from spacereader.store import articles as store_articles
from spacereader.store import entities as store_entities
from spacereader.store import feeds as store_feeds
from spacereader.store.articles import set_read
from spacereader.store.bookmarks import export_bookmarks, set_bookmark
from spacereader.store.marks import count_to_mark
from tests.conftest import add_articles


class Recording(sqlite3.Connection):
    """A connection that keeps every statement and its parameters."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.statements: list[tuple[str, tuple]] = []

    def execute(self, sql, parameters=()):  # type: ignore[override]
        self.statements.append((sql, tuple(parameters)))
        return super().execute(sql, parameters)


@pytest.fixture
def cache(store):
    """Three feeds of 30 articles, some read, two bookmarked, entities on a few."""
    ids = []
    for number in range(3):
        ids += add_articles(store, 30, feed_url=f"http://127.0.0.1/{number}.xml", feed_title=f"Feed {number}")
    with closing(store.connect()) as conn:
        for article_id in ids[::3]:
            set_read(conn, article_id, True)
        set_bookmark(conn, ids[4], True)
        set_bookmark(conn, ids[40], True)
        for article_id in ids[::5]:
            named = [ExtractedEntity("Ada Lovelace", "person", 2, 1.0, key="ada lovelace")]
            store_entities.save_article_entities(conn, article_id, named, "test==1")
    conn = sqlite3.connect(store.path, factory=Recording)
    conn.execute("PRAGMA foreign_keys = ON")
    yield conn, ids
    conn.close()


def plans_of(conn: Recording, call) -> list[str]:
    """Run `call(conn)` and return the plan of every SELECT it ran, one string each ("ordered: " first
    when the statement has an ORDER BY)."""
    conn.statements.clear()
    call(conn)
    found = []
    for sql, params in list(conn.statements):
        if sql.lstrip().upper().startswith(("SELECT", "WITH")):
            rows = sqlite3.Connection.execute(conn, f"EXPLAIN QUERY PLAN {sql}", params).fetchall()
            found.append(("ordered: " if "ORDER BY" in sql else "") + " | ".join(row[3] for row in rows))
    assert found, "nothing was queried"
    return found


PAGE_BY_IDS = "ordered: SEARCH a USING INTEGER PRIMARY KEY (rowid=?) | LIST SUBQUERY"
"""A deep page: the inner query skips along an index to the page's ids; the outer sorts just those."""


def grows_with_cache(plan: str) -> bool:
    """Sorting the view's rows, testing every article, or a MULTI-INDEX OR (which sorts afterwards)."""
    sorts = "TEMP B-TREE FOR ORDER BY" in plan and not plan.startswith(PAGE_BY_IDS)
    return (
        sorts
        or "MULTI-INDEX OR" in plan
        or (plan.removeprefix("ordered: ").startswith("SCAN a") and "INDEX" not in plan)
    )


def test_feed_and_unfiltered_counts_read_the_maintained_counts_not_articles(cache):
    conn, ids = cache
    for call in (
        store_feeds.list_feeds,
        lambda c: store_articles.count_articles(c),
        lambda c: store_articles.count_unread(c),
        lambda c: store_articles.count_unread(c, ArticleFilter(feed_id=1)),
        lambda c: store_entities.count_needing_extraction(c, "other==2"),
    ):
        for plan in plans_of(conn, call):
            assert "articles" not in plan.replace("feed_counts", ""), plan
    for plan in plans_of(conn, lambda c: store_entities.get_entity(c, 1)):
        assert "COVERING INDEX article_entities_by_entity" in plan


@pytest.mark.parametrize("sort", ["date", "feed", "title", "unread"])
@pytest.mark.parametrize("unread_only", [False, True])
def test_every_sort_pages_positions_and_next_unread_without_sorting_the_cache(cache, sort, unread_only):
    conn, ids = cache
    view = ArticleFilter(sort=sort, unread_only=unread_only)
    row = store_articles.list_article_rows(conn, view, offset=20, limit=1)[0]
    calls = [
        lambda c: store_articles.list_article_rows(c, view, limit=50),
        lambda c: store_articles.list_article_rows(c, view, offset=40, limit=50),
        lambda c: store_articles.position_of(c, view, row.id),
    ]
    if sort in ("date", "unread"):  # the other orders walk list pages, planned above
        calls += [
            lambda c: store_articles.next_unread(c, view, 20),
            lambda c: store_articles.next_unread(c, view, 20, forward=False),
        ]
    for call in calls:
        for plan in plans_of(conn, call):
            assert not grows_with_cache(plan), plan


def test_by_feed_walks_feeds_by_name_then_each_feeds_articles_by_date(cache):
    conn, ids = cache
    plan = plans_of(conn, lambda c: store_articles.list_article_rows(c, ArticleFilter(sort="feed"), limit=50))[0]
    assert plan.startswith("ordered: SCAN f USING INDEX feeds_by_name") and "articles_by_feed" in plan, plan
    # Unread only: each feed's read state by date, not the unread index once per feed (0.2 s a page at 100,000).
    unread = ArticleFilter(sort="feed", unread_only=True)
    plan = plans_of(conn, lambda c: store_articles.list_article_rows(c, unread, limit=50))[0]
    assert "SCAN f USING INDEX feeds_by_name" in plan and "article_state_by_feed" in plan, plan
    assert "article_state_unread" not in plan, plan


def test_unread_only_and_marking_everything_walk_the_narrow_unread_index(cache):
    conn, ids = cache
    unread = ArticleFilter(unread_only=True)
    for call in (
        lambda c: store_articles.list_article_rows(c, unread, limit=50),
        lambda c: store_articles.next_unread(c, ArticleFilter(), 3),
        lambda c: count_to_mark(c, ArticleFilter(), ids[-1]),
    ):
        assert any("article_state_unread" in plan for plan in plans_of(conn, call))


def test_the_extraction_backlog_walks_the_date_index(cache):
    conn, ids = cache
    for plan in plans_of(conn, lambda c: store_entities.articles_needing_extraction(c, "test==1", 16, ids[1])):
        assert not grows_with_cache(plan), plan


def test_bookmarks_and_an_entitys_articles_start_from_their_own_rows(cache):
    conn, ids = cache
    views = [ArticleFilter(bookmarked_only=True), ArticleFilter(entity_id=1)]
    for view in [*views, *(replace(view, unread_only=True) for view in views)]:
        for call in (
            lambda c: store_articles.list_article_rows(c, view, limit=50),
            lambda c: store_articles.count_articles(c, view),
        ):
            for plan in plans_of(conn, call):
                assert not plan.removeprefix("ordered: ").startswith("SCAN a"), plan
    for plan in plans_of(conn, export_bookmarks):
        assert plan.startswith("ordered: SCAN b"), plan


def test_articles_wanting_pages_start_from_the_full_text_feeds_not_every_article(cache):
    """Run after every refresh: walking the date index over the whole cache cost 0.1 s at 50,000 articles."""
    from spacereader.store.page_text import articles_wanting_pages, set_full_text

    conn, ids = cache
    set_full_text(conn, 1, True)
    (plan,) = plans_of(conn, lambda c: articles_wanting_pages(c, 50))
    assert "SEARCH a USING INDEX articles_by_feed" in plan and "SCAN a" not in plan, plan
    assert len(articles_wanting_pages(conn, 50)) == 30
    set_full_text(conn, 1, False)
    assert articles_wanting_pages(conn, 50) == []
