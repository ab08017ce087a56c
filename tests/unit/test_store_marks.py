"""Marking a whole list read in one statement, bounded by what the list showed, and undoing it exactly."""

from __future__ import annotations

from contextlib import closing

from spacereader.models import ArticleFilter
from spacereader.search.query import search_filter
from spacereader.store.articles import count_articles, get_article, set_read
from spacereader.store.marks import count_to_mark, mark_read_where, mark_unread, max_article_id
from spacereader.store.preferences import get_preference, set_preference
from spacereader.store.search_index import index_pending
from tests.conftest import add_articles


def unread_ids(conn) -> set[int]:
    return {row[0] for row in conn.execute("SELECT id FROM article_state WHERE is_read = 0")}


def test_marks_the_lists_unread_articles_and_leaves_later_arrivals(store):
    first = add_articles(store, 5)
    with closing(store.connect()) as conn:
        set_read(conn, first[0], True)
        bound = max_article_id(conn)
    arrived = add_articles(store, 3, feed_url="http://127.0.0.1/late.xml", feed_title="Late")
    with closing(store.connect()) as conn:
        assert count_to_mark(conn, ArticleFilter(), bound) == 4
        changed = mark_read_where(conn, ArticleFilter(), up_to_id=bound)
        assert changed == sorted(first[1:])
        assert unread_ids(conn) == set(arrived)
        assert count_articles(conn, ArticleFilter(unread_only=True)) == 3  # the feed counts followed


def test_a_feed_or_a_search_is_marked_and_nothing_else(store):
    space = add_articles(store, 4, titles=["Soyuz docks", "Rain again", "Soyuz lands", "Budget news"])
    other = add_articles(store, 2, feed_url="http://127.0.0.1/other.xml", feed_title="Other")
    with closing(store.connect()) as conn:
        index_pending(conn)
        bound = max_article_id(conn)
        assert mark_read_where(conn, ArticleFilter(feed_id=get_article(conn, other[0]).feed_id), up_to_id=bound) == (
            sorted(other)
        )
        query = search_filter("soyuz", sort="relevance")
        assert mark_read_where(conn, query, up_to_id=bound) == sorted([space[0], space[2]])
        assert unread_ids(conn) == {space[1], space[3]}


def test_unread_only_filter_and_sort_do_not_change_what_is_marked(store):
    ids = add_articles(store, 6)
    with closing(store.connect()) as conn:
        view = ArticleFilter(unread_only=True, sort="title", kept_ids=(ids[0],))
        set_read(conn, ids[0], True)
        assert count_to_mark(conn, view, max_article_id(conn)) == 5
        assert mark_read_where(conn, view, up_to_id=max_article_id(conn)) == sorted(ids[1:])


def test_undo_restores_exactly_the_ids_changed(store):
    ids = add_articles(store, 5)
    with closing(store.connect()) as conn:
        set_read(conn, ids[2], True)  # read before: must stay read after the undo
        changed = mark_read_where(conn, ArticleFilter(), up_to_id=max_article_id(conn))
        assert ids[2] not in changed
        assert mark_unread(conn, changed) == 4
        assert unread_ids(conn) == set(ids) - {ids[2]}
        assert count_articles(conn, ArticleFilter(unread_only=True)) == 4


def test_kept_ids_stay_listed_in_an_unread_only_list(store):
    ids = add_articles(store, 4)
    with closing(store.connect()) as conn:
        set_read(conn, ids[1], True)
        set_read(conn, ids[3], True)
        assert count_articles(conn, ArticleFilter(unread_only=True)) == 2
        kept = ArticleFilter(unread_only=True, kept_ids=(ids[1],))
        assert count_articles(conn, kept) == 3
        from spacereader.store.articles import count_unread, list_article_rows, next_unread

        assert [r.id for r in list_article_rows(conn, kept)] == [ids[0], ids[1], ids[2]]
        assert count_unread(conn, kept) == 2
        assert next_unread(conn, kept, 0) == 2  # skips the kept read row


def test_preferences_are_remembered(store):
    with closing(store.connect()) as conn:
        assert get_preference(conn, "unread_only", "0") == "0"
        set_preference(conn, "unread_only", "1")
        set_preference(conn, "unread_only", "1")
    with closing(store.connect()) as conn:
        assert get_preference(conn, "unread_only") == "1"


def test_with_sync_the_marked_and_the_undone_are_queued_for_the_server(store):
    from spacereader.store import sync as store_sync
    from tests.unit.test_sync_queue import synced

    ids = synced(store, 4)
    with closing(store.connect()) as conn:
        set_read(conn, ids[0], True)
        store_sync.drop_sent(conn, store_sync.pending(conn))
        changed = mark_read_where(conn, ArticleFilter(), up_to_id=max_article_id(conn))
        assert sorted(changed) == sorted(ids[1:])
        assert {(m.item_id, m.value) for m in store_sync.pending(conn)} == {("101", True), ("102", True), ("103", True)}
        mark_unread(conn, changed)
        assert {(m.item_id, m.value) for m in store_sync.pending(conn)} == {
            ("101", False),
            ("102", False),
            ("103", False),
        }


def test_an_entitys_articles_are_marked_and_no_others(store):
    from spacereader.models import ExtractedEntity
    from spacereader.store.entities import find_entities, save_article_entities

    ids = add_articles(store, 4)
    with closing(store.connect()) as conn:
        for article_id in (ids[0], ids[2]):
            save_article_entities(conn, article_id, [ExtractedEntity("Olga Ivanova", "person", 2, 1.0)], "test==1")
        olga = find_entities(conn, "Olga Ivanova")[0]
        view = ArticleFilter(entity_id=olga.id)
        assert count_to_mark(conn, view, max_article_id(conn)) == 2
        assert mark_read_where(conn, view, up_to_id=max_article_id(conn)) == sorted([ids[0], ids[2]])
        assert unread_ids(conn) == {ids[1], ids[3]}
