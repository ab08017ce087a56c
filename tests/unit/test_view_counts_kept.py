"""Views' counts kept in the cache across launches: shown at the next launch while the change counters have
not moved, and never when anything they count (or the view itself) has changed since."""

from __future__ import annotations

from contextlib import closing

import pytest

import spacereader.store.views as views_module
from spacereader.models import ExtractedEntity, NewArticle
from spacereader.store.articles import set_read, upsert_articles
from spacereader.store.bookmarks import set_bookmark
from spacereader.store.entities import save_article_entities
from spacereader.store.feeds import ensure_feed, list_feeds, rename_feed
from spacereader.store.search_index import index_pending
from spacereader.store.views import (
    ViewCounts,
    change_marks,
    count_view,
    delete_view,
    read_snapshot,
    save_view,
    uncounted_views,
)
from tests.conftest import add_articles

CONFIG = {"Unread": "is:unread", "Ada": "entity:ada", "Test feed": 'feed:"Test Feed"', "Recent": "after:7d"}
SAVED = {"Paragraphs": "paragraph", "Marked": "is:bookmarked"}
LASTING = set(CONFIG) - {"Recent"} | set(SAVED)


def launch(store, config=CONFIG) -> dict[str, tuple[int, int]]:
    """What a launch's views screen does: a new ViewCounts takes in the kept counts, counts the rest (they
    must match counting from scratch) and keeps them. Returns the counts; `counted` the views it counted."""
    cache = ViewCounts()
    with closing(store.connect(readonly=True)) as conn, read_snapshot(conn):
        marks = change_marks(conn)
        views = uncounted_views(conn, config)
        cache.load(conn, views, marks)
        counts = {view.name: cache.count(conn, view, marks) for view in views}
        assert counts == {view.name: count_view(conn, view) for view in views}
    with closing(store.connect()) as conn:
        cache.keep(conn, views, marks)
    return counts


@pytest.fixture
def counting(monkeypatch) -> list[str]:
    """The names of the views counted from the articles (not taken from what was kept)."""
    names: list[str] = []
    real = views_module.count_view

    def counted(conn, view, **kwargs):
        names.append(view.name)
        return real(conn, view, **kwargs)

    monkeypatch.setattr(views_module, "count_view", counted)
    return names


@pytest.fixture
def cache(store):
    """Six articles, searchable, one about Ada, with the saved views; counted once and kept."""
    ids = add_articles(store, 6)
    with closing(store.connect()) as conn:
        index_pending(conn)
        save_article_entities(conn, ids[0], [ExtractedEntity("Ada Lovelace", "person", 2, 1.0)], "test")
        for name, query in SAVED.items():
            save_view(conn, name, query)
    launch(store)
    return store, ids


def kept_names(store) -> set[str]:
    with closing(store.connect()) as conn:
        return {row[0] for row in conn.execute("SELECT name FROM view_counts")}


def test_counts_kept_at_one_launch_are_shown_at_the_next_without_counting(cache, counting):
    store, _ = cache
    assert kept_names(store) == LASTING  # a relative date is not kept
    counts = launch(store)
    assert counting == ["Recent"]
    assert counts["Paragraphs"] == (6, 6) and counts["Ada"] == (1, 1) and counts["Unread"] == (6, 6)


def _mark_read(conn, ids):
    set_read(conn, ids[1], True)


def _unmark(conn, ids):
    set_read(conn, ids[1], True)
    set_read(conn, ids[1], False)


def _bookmark(conn, ids):
    set_bookmark(conn, ids[2], True)


def _rename_feed(conn, ids):
    rename_feed(conn, list_feeds(conn)[0].id, "Renamed Feed")


def _reword(conn, ids):
    with conn:
        conn.execute("UPDATE articles SET body = 'gone' WHERE id = ?", (ids[0],))
    index_pending(conn)


def _new_article(conn, ids):
    new = NewArticle(guid="new", title="New", published="2026-02-01T00:00:00Z", body="A paragraph.", content_hash="n")
    with conn:
        upsert_articles(conn, ensure_feed(conn, "http://127.0.0.1/other.xml", title="Other"), [new], index_now=False)
    index_pending(conn)


def _delete_article(conn, ids):
    with conn:
        conn.execute("DELETE FROM articles WHERE id = ?", (ids[5],))


@pytest.mark.parametrize(
    "write",
    [_mark_read, _unmark, _bookmark, _rename_feed, _reword, _new_article, _delete_article],
    ids=lambda w: w.__name__,
)
def test_any_article_write_makes_every_kept_count_stale(cache, counting, write):
    store, ids = cache
    with closing(store.connect()) as conn:
        write(conn, ids)
    launch(store)  # asserts the counts shown equal a count from scratch
    assert set(counting) == set(CONFIG) | set(SAVED)
    counting.clear()
    launch(store)
    assert counting == ["Recent"]  # kept again at the new marks


def test_a_bookmark_removed_is_counted_again(cache, counting):
    store, ids = cache
    with closing(store.connect()) as conn:
        set_bookmark(conn, ids[2], True)
    assert launch(store)["Marked"] == (1, 1)
    with closing(store.connect()) as conn:
        set_bookmark(conn, ids[2], False)
    assert launch(store)["Marked"] == (0, 0)


def test_entity_writes_make_only_the_entity_views_stale(cache, counting):
    store, ids = cache
    with closing(store.connect()) as conn:
        save_article_entities(conn, ids[3], [ExtractedEntity("Ada Lovelace", "person", 2, 1.0)], "test")
    assert launch(store)["Ada"] == (2, 2)
    assert sorted(counting) == ["Ada", "Recent"]


def test_a_changed_view_is_counted_again_and_a_deleted_one_loses_its_row(cache, counting):
    store, _ = cache
    with closing(store.connect()) as conn:
        save_view(conn, "Paragraphs", "paragraph is:bookmarked")  # same name, new query
        with conn:
            conn.execute("UPDATE views SET name = 'Bookmarked' WHERE name = 'Marked'")
        assert {row[0] for row in conn.execute("SELECT name FROM view_counts")} == LASTING - {"Paragraphs", "Marked"}
        assert delete_view(conn, "Bookmarked")
    assert "Bookmarked" not in kept_names(store)
    counts = launch(store)
    assert counts["Paragraphs"] == (0, 0) and "Bookmarked" not in counts
    assert sorted(counting) == ["Paragraphs", "Recent"]


def test_a_view_left_out_of_the_config_loses_its_row(cache):
    store, _ = cache
    launch(store, {name: query for name, query in CONFIG.items() if name != "Ada"})
    assert kept_names(store) == LASTING - {"Ada"}


def test_a_config_view_whose_query_changed_is_counted_again(cache, counting):
    store, _ = cache
    assert launch(store, {**CONFIG, "Unread": "is:read"})["Unread"] == (0, 0)
    assert sorted(counting) == ["Recent", "Unread"]


def test_keeping_counts_already_kept_writes_nothing(cache):
    store, _ = cache
    counts = ViewCounts()
    with closing(store.connect()) as conn:
        marks = change_marks(conn)
        views = uncounted_views(conn, CONFIG)
        counts.load(conn, views, marks)
        before = conn.total_changes
        counts.keep(conn, views, marks)
        assert conn.total_changes == before
        counts.keep(conn, views[:-1], marks)  # one view fewer: its row goes
        assert conn.total_changes > before
    assert kept_names(store) == LASTING - {views[-1].name}
