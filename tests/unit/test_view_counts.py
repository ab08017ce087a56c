"""Saved views' counts are remembered until a write moves what they read, and only then counted again."""

from __future__ import annotations

from contextlib import closing
from datetime import datetime, timedelta, timezone

from spacereader.models import ExtractedEntity
from spacereader.store.articles import set_read
from spacereader.store.bookmarks import set_bookmark
from spacereader.store.entities import save_article_entities
from spacereader.store.feeds import list_feeds, rename_feed
from spacereader.store.search_index import index_pending
from spacereader.store.views import ViewCounts, change_marks, count_view, read_snapshot, uncounted_views
from tests.conftest import add_articles

VIEWS = {"Paragraphs": "paragraph", "Unread": "is:unread", "Ada": "entity:ada", "Test feed": 'feed:"Test Feed"'}


def ada(conn, article_id: int) -> None:
    save_article_entities(conn, article_id, [ExtractedEntity("Ada Lovelace", "person", 2, 1.0)], "test")


def counted(conn, cache: ViewCounts) -> dict[str, tuple[int, int]]:
    """Every view counted through the cache in one read transaction, as the views screen does."""
    with read_snapshot(conn):
        marks = change_marks(conn)
        return {view.name: cache.count(conn, view, marks) for view in uncounted_views(conn, VIEWS)}


def truth(conn) -> dict[str, tuple[int, int]]:
    return {view.name: count_view(conn, view) for view in uncounted_views(conn, VIEWS)}


def known(conn, cache: ViewCounts) -> set[str]:
    marks = change_marks(conn)
    return {view.name for view in uncounted_views(conn, VIEWS) if cache.known(view, marks) is not None}


def test_counts_are_kept_until_a_write_moves_them_and_always_match_the_cache(store):
    ids = add_articles(store, 6)
    with closing(store.connect()) as conn:
        index_pending(conn)
        ada(conn, ids[0])
        cache = ViewCounts()
        assert counted(conn, cache) == truth(conn) and truth(conn)["Paragraphs"] == (6, 6)
        assert known(conn, cache) == set(VIEWS)  # a second look counts nothing

        writes = {
            "mark read": lambda: set_read(conn, ids[1], True),
            "bookmark": lambda: set_bookmark(conn, ids[2], True),
            "rename the feed": lambda: rename_feed(conn, list_feeds(conn)[0].id, "Renamed Feed"),
        }
        for name, write in writes.items():
            write()
            assert known(conn, cache) == set(), name
            assert counted(conn, cache) == truth(conn), name
            assert known(conn, cache) == set(VIEWS), name
        assert truth(conn)["Test feed"] == (0, 0) and truth(conn)["Unread"] == (5, 5)


def test_new_articles_count_once_they_are_searchable(store):
    """A refresh stores articles first and indexes them in batches later: both steps move the counter."""
    from spacereader.models import NewArticle
    from spacereader.store.articles import upsert_articles
    from spacereader.store.feeds import ensure_feed

    add_articles(store, 3)
    with closing(store.connect()) as conn:
        cache = ViewCounts()
        assert counted(conn, cache)["Paragraphs"] == (3, 3)
        new = [NewArticle(guid=f"new-{n}", title=f"New {n}", published="2026-02-01T00:00:00Z", body="A paragraph.", content_hash=f"new-{n}")
               for n in range(2)]  # fmt: skip
        with conn:
            upsert_articles(conn, ensure_feed(conn, "http://127.0.0.1/other.xml", title="Other"), new, index_now=False)
        assert known(conn, cache) == set()  # stored: every view's counter moved
        assert counted(conn, cache)["Paragraphs"] == (3, 3) == truth(conn)["Paragraphs"]  # not yet searchable
        assert counted(conn, cache)["Unread"] == (5, 5)
        index_pending(conn)
        assert known(conn, cache) == set()  # indexed: moved again
        assert counted(conn, cache) == truth(conn) and truth(conn)["Paragraphs"] == (5, 5)


def test_entity_writes_recount_only_the_entity_views(store):
    ids = add_articles(store, 4)
    with closing(store.connect()) as conn:
        index_pending(conn)
        cache = ViewCounts()
        assert counted(conn, cache)["Ada"] == (0, 0)
        ada(conn, ids[3])
        assert known(conn, cache) == set(VIEWS) - {"Ada"}
        assert counted(conn, cache)["Ada"] == (1, 1) == truth(conn)["Ada"]


def test_a_changed_body_is_counted_again(store):
    ids = add_articles(store, 2)
    with closing(store.connect()) as conn:
        index_pending(conn)
        cache = ViewCounts()
        assert counted(conn, cache)["Paragraphs"] == (2, 2)
        with conn:
            conn.execute("UPDATE articles SET body = 'gone' WHERE id = ?", (ids[0],))
        index_pending(conn)
        assert counted(conn, cache)["Paragraphs"] == (1, 1) == truth(conn)["Paragraphs"]


def test_a_relative_date_is_kept_only_for_the_moment_it_resolved_to(store):
    add_articles(store, 2)
    now = datetime(2026, 1, 30, 12, 0, tzinfo=timezone.utc)
    with closing(store.connect()) as conn:
        cache = ViewCounts()
        (recent,) = uncounted_views(conn, {"Recent": "after:7d"})
        with read_snapshot(conn):
            marks = change_marks(conn)
            assert cache.count(conn, recent, marks, now=now) == (2, 2)
            assert cache.known(recent, marks, now=now) == (2, 2)
            assert cache.known(recent, marks, now=now + timedelta(seconds=1)) is None


def test_storing_the_same_articles_again_keeps_the_counts(store):
    """A refresh that finds nothing new leaves the views' counts standing."""
    add_articles(store, 2)
    with closing(store.connect()) as conn:
        index_pending(conn)
        cache = ViewCounts()
        counted(conn, cache)
        before = change_marks(conn)
    add_articles(store, 2)
    with closing(store.connect()) as conn:
        index_pending(conn)
        assert change_marks(conn) == before
        assert known(conn, cache) == set(VIEWS)
