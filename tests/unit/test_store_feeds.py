"""Feed rows: subscribing, finding, removing, fetch state and retention that spares bookmarks."""

from __future__ import annotations

import pytest

from spacereader.models import NewArticle, Subscription
from spacereader.store.articles import upsert_articles
from spacereader.store.bookmarks import set_bookmark
from spacereader.store.feeds import (
    FeedExistsError,
    add_feed,
    add_feeds,
    find_feed,
    get_feed,
    list_feed_states,
    list_feeds,
    move_feed,
    prune_feed,
    record_failure,
    record_success,
    remove_feed,
    rename_feed,
    take_feed_notes,
)


def article(n: int) -> NewArticle:
    return NewArticle(
        guid=f"g{n}", title=f"t{n}", published=f"2025-01-{n:02d}T00:00:00Z", body="b", content_hash=str(n)
    )


def test_add_feed_refuses_a_url_already_subscribed(conn):
    feed_id = add_feed(conn, "http://a.example/feed")
    with pytest.raises(FeedExistsError) as caught:
        add_feed(conn, "http://a.example/feed")
    assert caught.value.feed_id == feed_id


def test_add_feeds_skips_known_urls_and_keeps_folders(conn):
    add_feed(conn, "http://a.example/feed")
    added, known = add_feeds(
        conn, [Subscription("http://a.example/feed"), Subscription("http://b.example/", "B", "News/World")]
    )
    assert (added, known) == (1, 1)
    assert find_feed(conn, "http://b.example/").folder == "News/World"


def test_find_feed_by_id_or_url_never_returns_the_seed_source(seeded_store):
    from contextlib import closing

    with closing(seeded_store.connect()) as conn:
        assert find_feed(conn, "1") is None  # the seed source
        feed_id = add_feed(conn, "http://a.example/feed")
        assert find_feed(conn, str(feed_id)).url == "http://a.example/feed"
        assert find_feed(conn, "http://a.example/feed").id == feed_id
        assert find_feed(conn, "http://nothing.example/") is None


def test_remove_feed_deletes_its_articles_but_keeps_bookmarked_ones(conn):
    feed_id = add_feed(conn, "http://a.example/feed")
    with conn:
        upsert_articles(conn, feed_id, [article(1), article(2)])
    kept = conn.execute("SELECT min(id) FROM articles").fetchone()[0]
    set_bookmark(conn, kept, True)
    assert remove_feed(conn, feed_id) == (1, 1)
    assert [r[0] for r in conn.execute("SELECT id FROM articles")] == [kept]
    assert find_feed(conn, "http://a.example/feed") is None
    assert feed_id not in [f.id for f in list_feeds(conn)]
    assert list_feed_states(conn) == []  # never refreshed again
    assert add_feed(conn, "http://a.example/feed") == feed_id  # subscribing again revives it
    assert find_feed(conn, str(feed_id)).id == feed_id


def test_remove_feed_without_bookmarks_deletes_it(conn):
    feed_id = add_feed(conn, "http://a.example/feed")
    with conn:
        upsert_articles(conn, feed_id, [article(1), article(2)])
    assert remove_feed(conn, feed_id) == (2, 0)
    assert get_feed(conn, feed_id) is None
    assert conn.execute("SELECT count(*) FROM articles").fetchone()[0] == 0


def test_rename_feed_sets_title_and_folder(conn):
    feed_id = add_feed(conn, "http://a.example/feed")
    assert rename_feed(conn, feed_id, "New", folder="Tech")
    feed = get_feed(conn, feed_id)
    assert (feed.title, feed.folder) == ("New", "Tech")
    assert not rename_feed(conn, 999, "x")


def test_record_success_fills_only_an_empty_title_and_moves_the_url(conn):
    feed_id = add_feed(conn, "http://old.example/feed")
    with conn:
        record_success(conn, feed_id, when="2025-01-01T00:00:00Z", etag='"e"', last_modified=None, title="From feed")
        assert move_feed(conn, feed_id, "http://new.example/feed") == feed_id
    [state] = list_feed_states(conn)
    assert (state.url, state.title, state.etag) == ("http://new.example/feed", "From feed", '"e"')
    rename_feed(conn, feed_id, "Mine")
    with conn:
        record_success(conn, feed_id, when="2025-01-02T00:00:00Z", etag=None, last_modified=None, title="Theirs")
    assert get_feed(conn, feed_id).title == "Mine"


def test_a_permanent_redirect_onto_another_subscription_merges_into_it(conn):
    first = add_feed(conn, "http://a.example/feed")
    second = add_feed(conn, "http://b.example/feed")
    with conn:
        assert move_feed(conn, first, "http://b.example/feed") == second
    assert get_feed(conn, first) is None and get_feed(conn, second).url == "http://b.example/feed"
    assert take_feed_notes(conn) == {second: "merged http://a.example/feed: it moved to this feed's URL"}


def test_record_failure_keeps_the_reason_and_can_disable(conn):
    feed_id = add_feed(conn, "http://a.example/feed")
    record_failure(conn, feed_id, "HTTP 500")
    assert get_feed(conn, feed_id).last_error == "HTTP 500" and get_feed(conn, feed_id).disabled_reason is None
    record_failure(conn, feed_id, "HTTP 410 (gone)", disabled=True)
    assert get_feed(conn, feed_id).disabled_reason == "HTTP 410 (gone)"
    with conn:
        record_success(conn, feed_id, when="t", etag=None, last_modified=None)
    assert get_feed(conn, feed_id).last_error is None


def test_prune_keeps_the_newest_and_every_bookmarked_article(conn):
    feed_id = add_feed(conn, "http://a.example/feed")
    with conn:
        upsert_articles(conn, feed_id, [article(n) for n in range(1, 11)])
    oldest = conn.execute("SELECT id FROM articles WHERE guid = 'g1'").fetchone()[0]
    set_bookmark(conn, oldest, True)
    with conn:
        assert prune_feed(conn, feed_id, 3) == 6
    kept = {row[0] for row in conn.execute("SELECT guid FROM articles")}
    assert kept == {"g1", "g8", "g9", "g10"}
