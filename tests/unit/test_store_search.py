"""The search index through inserts, updates and deletions; folding, prefixes, filters, orders and views."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from dataclasses import replace
from datetime import datetime, timezone

import pytest

from spacereader.models import ArticleFilter, NewArticle, SavedView
from spacereader.search.query import QueryError, search_filter
from spacereader.store import migrate
from spacereader.store import search as store_search
from spacereader.store.articles import (
    count_articles,
    list_article_rows,
    next_unread,
    position_of,
    set_read,
    upsert_articles,
)
from spacereader.store.bookmarks import set_bookmark
from spacereader.store.feeds import ensure_feed
from spacereader.store.migrations import STEPS
from spacereader.store.search_index import count_pending, index_pending
from spacereader.store.views import delete_view, find_view, list_views, save_view
from tests.conftest import add_articles

NOW = datetime(2026, 2, 1, tzinfo=timezone.utc)
SEARCH_STEP = next(i for i, step in enumerate(STEPS) if "articles_fts" in step)


def item(guid: str, title: str, body: str = "", *, author: str = "", published: str = "2026-01-10T00:00:00Z"):
    return NewArticle(guid=guid, title=title, published=published, body=body, author=author, content_hash=title + body)


def found(conn: sqlite3.Connection, text: str, **kwargs) -> list[str]:
    view = search_filter(text, now=NOW, **kwargs)
    assert not isinstance(view, QueryError), view
    titles = [row.title for row in list_article_rows(conn, view, limit=-1)]
    assert count_articles(conn, view) == len(titles)
    return titles


def assert_index_matches_cache(conn: sqlite3.Connection) -> None:
    # With rank = 1, FTS5 also compares the index with the content (the view over articles and feeds).
    conn.execute("INSERT INTO articles_fts (articles_fts, rank) VALUES ('integrity-check', 1)")


@pytest.fixture
def news(conn):
    with conn:
        feed = ensure_feed(conn, "http://127.0.0.1/space.xml", title="Orbital Weekly")
        upsert_articles(conn, feed, [
            item("a", "Zoë Gagarín flies again", "A spacecraft launch from Baikonur.", author="Ann Lee",
                 published="2026-01-20T00:00:00Z"),
            item("b", "Юлия Пересильд on the station", "Королёв control confirmed docking.",
                 published="2026-01-15T00:00:00Z"),
            item("c", "Budget news", "The space race budget, and a race in space.", published="2026-01-05T00:00:00Z"),
        ])  # fmt: skip
    return feed


def test_accents_and_cyrillic_are_found_with_or_without_marks(conn, news):
    assert found(conn, "zoe gagarin") == found(conn, "Zoë GAGARÍN") == ["Zoë Gagarín flies again"]
    assert found(conn, "пересильд") == found(conn, "ПЕРЕСИЛЬД") == ["Юлия Пересильд on the station"]
    assert found(conn, "королев") == found(conn, "Королёв") == ["Юлия Пересильд on the station"]


def test_headline_body_author_and_feed_name_are_indexed(conn, news):
    assert found(conn, "baikonur") == found(conn, "ann lee") == ["Zoë Gagarín flies again"]
    assert len(found(conn, "orbital weekly")) == 3


def test_prefixes_phrases_and_exclusions(conn, news):
    assert found(conn, "spac*", sort="date") == ["Zoë Gagarín flies again", "Budget news"]
    assert found(conn, "spa", live=True, sort="date") == found(conn, "spac*", sort="date")
    # three letters, the shortest prefix, are read from the term index
    assert found(conn, "spa*", sort="date") == found(conn, "spac*", sort="date")
    assert found(conn, '"space race"') == ["Budget news"]
    assert found(conn, '"race space"') == []
    assert found(conn, "spac* -budget") == ["Zoë Gagarín flies again"]
    only_exclusions = found(conn, "-budget", sort="date")
    assert only_exclusions == ["Zoë Gagarín flies again", "Юлия Пересильд on the station"]


def test_one_or_two_letters_being_typed_find_that_word_and_three_begin_a_prefix(conn):
    with conn:
        feed = ensure_feed(conn, "http://127.0.0.1/policy.xml", title="Policy Desk")
        upsert_articles(conn, feed, [
            item("eu", "EU and UK agree", "A deal on AI rules.", published="2026-01-03T00:00:00Z"),
            item("europe", "Europe's launchers", "Euro budgets and the Ukraine Aid.", published="2026-01-02T00:00:00Z"),
            item("x", "X marks it", "Wide views.", published="2026-01-01T00:00:00Z"),
        ])  # fmt: skip
    assert found(conn, "eu", live=True) == ["EU and UK agree"]
    assert found(conn, "uk", live=True) == ["EU and UK agree"]
    assert found(conn, "ai", live=True) == ["EU and UK agree"]
    assert found(conn, "x", live=True) == ["X marks it"]
    assert found(conn, "eur", live=True, sort="date") == ["Europe's launchers"]
    assert found(conn, "ukr", live=True) == ["Europe's launchers"]
    assert found(conn, "deal eu", live=True) == ["EU and UK agree"]


def test_index_follows_insert_update_and_delete(store, conn, news):
    with conn:
        upsert_articles(conn, news, [item("a", "Tereshkova returns", "Capsule landed.")])
    assert found(conn, "gagarin") == [] and found(conn, "tereshkova") == ["Tereshkova returns"]
    set_read(conn, found_id(conn, "tereshkova"), True)  # not an indexed column: the index is untouched
    assert found(conn, "tereshkova") == ["Tereshkova returns"]
    with conn:
        conn.execute("DELETE FROM articles WHERE guid = 'a'")
    assert found(conn, "tereshkova") == [] and found(conn, "capsule") == []
    assert_index_matches_cache(conn)


def found_id(conn, text):
    view = search_filter(text)
    return list_article_rows(conn, view)[0].id


def test_feed_rename_and_feed_delete_keep_the_index_exact(conn, news):
    with conn:
        conn.execute("UPDATE feeds SET title = 'Launch Daily' WHERE id = ?", (news,))
    assert found(conn, "orbital") == [] and len(found(conn, "launch daily")) == 3
    assert_index_matches_cache(conn)
    with conn:
        conn.execute("DELETE FROM feeds WHERE id = ?", (news,))  # articles go by cascade
    assert found(conn, "launch") == [] and found(conn, "space") == []
    assert_index_matches_cache(conn)
    assert conn.execute("SELECT count(*) FROM articles_fts_docsize").fetchone()[0] == 0


def test_a_rolled_back_insert_leaves_no_index_entry(conn, news):
    with pytest.raises(RuntimeError):
        with conn:
            upsert_articles(conn, news, [item("d", "Voskhod rollback")])
            raise RuntimeError("feed failed half way")
    assert found(conn, "voskhod") == []
    assert_index_matches_cache(conn)


def test_migration_indexes_an_existing_cache(tmp_path):
    with closing(sqlite3.connect(tmp_path / "old.sqlite3")) as conn:
        conn.execute("PRAGMA foreign_keys = ON")
        migrate(conn, STEPS[:SEARCH_STEP])
        with conn:
            feed = ensure_feed(conn, "http://127.0.0.1/old.xml", title="Old Feed")
            # The schema of then had no index to write to.
            upsert_articles(
                conn, feed, [item("x", "Vostok archive", "From before the index existed.")], index_now=False
            )
        migrate(conn)
        # The last index step queues every article; the catch-up (reader, search commands) indexes them.
        assert count_pending(conn) == 1
        index_pending(conn)
        assert found(conn, "vostok") == ["Vostok archive"] and found(conn, "old feed") == ["Vostok archive"]
        assert_index_matches_cache(conn)


def test_filters_combine_with_words(conn, news):
    ids = {row.title: row.id for row in list_article_rows(conn, limit=-1)}
    other = ensure_feed(conn, "http://127.0.0.1/ground.xml", title="Ground 100%")
    with conn:
        upsert_articles(conn, other, [item("g", "Ground space report", "space")])
        conn.execute("INSERT INTO entities (key, name, kind) VALUES ('gagarin', 'Yuri Gagarin', 'person')")
        conn.execute(
            "INSERT INTO article_entities (article_id, entity_id, mentions) VALUES (?, last_insert_rowid(), 1)",
            (ids["Budget news"],),
        )
    set_read(conn, ids["Budget news"], True)
    set_bookmark(conn, ids["Zoë Gagarín flies again"], True)
    assert found(conn, "space feed:orbital") == ["Budget news"]
    assert found(conn, "space feed:orbital feed:ground") == ["Ground space report", "Budget news"]
    assert found(conn, "feed:100%") == ["Ground space report"]  # % is literal, not a wildcard
    assert found(conn, "feed:_") == []
    assert found(conn, "entity:gagarin") == ["Budget news"]
    assert found(conn, "space is:unread") == ["Ground space report"]
    assert found(conn, "is:read") == ["Budget news"]
    assert found(conn, "is:bookmarked") == ["Zoë Gagarín flies again"]
    assert found(conn, "after:2026-01-15 before:2026-01-20") == ["Юлия Пересильд on the station"]
    assert found(conn, "after:14d") == ["Zoë Gagarín flies again"]  # NOW - 14 days = 2026-01-18


@pytest.mark.parametrize("window", [2000, 5], ids=["all-ranked", "broad"])
def test_best_match_first_and_every_sort_pages_consistently(store, monkeypatch, window):
    # A window of 5 makes every query here broad: ranked window first, older matches by date after it,
    # and index scans with membership tests instead of probes; the rows must be the same set either way.
    monkeypatch.setattr(store_search, "RANK_WINDOW", window)
    titles = [f"Story {n} " + ("rocket rocket" if n % 7 == 0 else "plain") for n in range(60)]
    add_articles(store, 60, titles=titles)
    add_articles(store, 20, feed_url="http://127.0.0.1/a.xml", feed_title="Another feed")
    with closing(store.connect()) as conn:
        set_read(conn, list_article_rows(conn, search_filter("story", sort="date"), limit=1)[0].id, True)
        best = list_article_rows(conn, search_filter("article"), limit=-1)
        assert len(best) == 80
        for sort in ("relevance", "date", "feed", "title", "unread"):
            for text in ("rocket", "article", "paragraph -rocket", "is:unread", "story is:unread", "-rocket"):
                view = search_filter(text, sort=sort)
                whole = list_article_rows(conn, view, limit=-1)
                assert len(whole) == count_articles(conn, view) == len({r.id for r in whole}), (sort, text)
                by_date = list_article_rows(conn, replace(view, sort="date"), limit=-1)
                assert {r.id for r in whole} == {r.id for r in by_date}
                pages = [r for at in range(0, len(whole), 7) for r in list_article_rows(conn, view, offset=at, limit=7)]
                assert [r.id for r in pages] == [r.id for r in whole], (sort, text)
                assert all(position_of(conn, view, r.id) == i for i, r in enumerate(whole)), (sort, text)
                unread = [i for i, r in enumerate(whole) if not r.read and i > 0]
                assert next_unread(conn, view, 0) == (unread[0] if unread else None), (sort, text)
                before = [i for i, r in enumerate(whole) if not r.read and i < len(whole) - 1]
                assert next_unread(conn, view, len(whole) - 1, forward=False) == (before[-1] if before else None)
        by_unread = list_article_rows(conn, search_filter("story", sort="unread"), limit=-1)
        assert by_unread[-1].read and not by_unread[0].read
        by_feed = list_article_rows(conn, search_filter("paragraph", sort="feed"), limit=-1)
        assert by_feed[0].source == "Another feed"
        by_title = [r.title for r in list_article_rows(conn, search_filter("story", sort="title"), limit=-1)]
        assert by_title == sorted(by_title, key=str.lower)


def test_broad_matches_rank_the_newest_window_then_list_older_ones_by_date(store, monkeypatch):
    monkeypatch.setattr(store_search, "RANK_WINDOW", 3)
    titles = ["comet comet comet"] + [f"Night {n} with a comet" for n in range(1, 8)]
    add_articles(store, 8, titles=titles)  # index 0 is the newest; the list inserts in that order
    with closing(store.connect()) as conn:
        rows = [r.title for r in list_article_rows(conn, search_filter("comet"), limit=-1)]
        # rowids 6..8 (the last inserted: the oldest three) form the window; the rest follow by date.
        assert rows[:3] == ["Night 5 with a comet", "Night 6 with a comet", "Night 7 with a comet"]
        assert rows[3:] == titles[:5]
        assert [r.title for r in list_article_rows(conn, search_filter("comet"), offset=2, limit=3)] == rows[2:5]


def test_a_headline_match_ranks_above_a_newer_body_match(conn):
    with conn:
        feed = ensure_feed(conn, "http://127.0.0.1/sky.xml", title="Sky")
        upsert_articles(conn, feed, [
            item("old", "Comet seen over Chile", "Astronomers watched.", published="2026-01-01T00:00:00Z"),
            item("new", "Night sky notes", "A comet, another comet, a third comet.", published="2026-01-30T00:00:00Z"),
        ])  # fmt: skip
    assert found(conn, "comet") == ["Comet seen over Chile", "Night sky notes"]
    assert found(conn, "comet", sort="date") == ["Night sky notes", "Comet seen over Chile"]


def test_relevance_without_words_lists_by_date(store):
    ids = add_articles(store, 5)
    with closing(store.connect()) as conn:
        assert [r.id for r in list_article_rows(conn, search_filter("is:unread"))] == ids
        with pytest.raises(ValueError):
            list_article_rows(conn, ArticleFilter(sort="sideways"))


def test_views_save_list_count_and_delete(conn, news):
    save_view(conn, "Space", "spac* is:unread")
    save_view(conn, "Russian", "пересильд")
    assert [(v.name, v.unread, v.total, v.source) for v in list_views(conn)] == [
        ("Space", 2, 2, "cache"), ("Russian", 1, 1, "cache"),
    ]  # fmt: skip
    set_read(conn, found_id(conn, "budget"), True)
    assert list_views(conn)[0].unread == 1  # a view is a query: counts follow the cache
    save_view(conn, "Space", "budget")  # same name replaces
    assert find_view(conn, "Space") == "budget"
    assert [(v.name, v.unread, v.total) for v in list_views(conn)][0] == ("Space", 0, 1)
    assert delete_view(conn, "Space") and not delete_view(conn, "Space")
    with pytest.raises(ValueError, match="is:unread"):
        save_view(conn, "Bad", "is:nonsense")
    with pytest.raises(ValueError):
        save_view(conn, "  ", "space")


@pytest.mark.parametrize("few", [0, 10_000])
def test_a_views_counts_agree_with_its_rows_by_either_way_of_counting(conn, news, monkeypatch, few):
    """count_view tests each row's flag for small views and walks the unread index for large ones (`few`
    moves the line); is:unread and is:read views take their unread count from the total; a view without
    words counts both in one pass over its rows."""
    from spacereader.store import views as store_views

    monkeypatch.setattr(store_views, "FEW_ARTICLES", few)
    set_read(conn, found_id(conn, "budget"), True)
    queries = ["space", "feed:orbital", "feed:orbital is:unread", "is:read", "-budget", "zoe OR budget", "nothing"]
    queries += ["after:2000-01-01", "before:2000-01-01", "feed:orbital after:2000-01-01", "is:bookmarked"]  # no words
    for query in queries:
        view = store_views.view_filter(query)
        assert not isinstance(view, QueryError)
        rows = list_article_rows(conn, view, limit=-1)
        want = (sum(not row.read for row in rows), len(rows))
        assert store_views.count_view(conn, SavedView("v", query)) == want, query


def test_config_views_merge_with_saved_ones(conn, news):
    save_view(conn, "Mine", "budget")
    views = list_views(conn, {"Mine": "zoe", "Launches": "launch*", "Broken": "before:soon"})
    assert [(v.name, v.source, v.total, v.error is not None) for v in views] == [
        ("Launches", "config", 1, False), ("Broken", "config", 0, True), ("Mine", "cache", 1, False),
    ]  # fmt: skip
    assert find_view(conn, "Launches", {"Launches": "launch*"}) == "launch*"
    assert find_view(conn, "Nope", {}) is None


def test_feed_store_operations_keep_the_index_exact(store):
    from spacereader.store.feeds import prune_feed, remove_feed, rename_feed

    ids = add_articles(store, 12, titles=[f"Probe {n} telemetry" for n in range(12)])
    with closing(store.connect()) as conn:
        feed = list_article_rows(conn, limit=1)[0].feed_id
        set_bookmark(conn, ids[-1], True)
        assert rename_feed(conn, feed, "Telemetry Times")
        assert len(found(conn, "times")) == 12
        with conn:
            assert prune_feed(conn, feed, keep=5) == 6  # the bookmarked oldest one stays
        assert len(found(conn, "telemetry")) == 6
        assert_index_matches_cache(conn)
        assert remove_feed(conn, feed) == (5, 1)
        assert found(conn, "telemetry times") == ["Probe 11 telemetry"]  # a kept bookmark is still found
        assert_index_matches_cache(conn)
