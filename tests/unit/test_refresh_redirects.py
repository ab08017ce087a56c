"""A subscription that moves (301/308) onto a URL already subscribed is merged into that subscription."""

from __future__ import annotations

import subprocess
import sys
from contextlib import closing

import pytest
from pytest_httpserver import HTTPServer

from spacereader.ingest.fetch import Fetcher
from spacereader.ingest.refresh import refresh_all
from spacereader.models import ArticleFilter, Subscription
from spacereader.store import Store
from spacereader.store.articles import list_article_rows, set_read
from spacereader.store.bookmarks import set_bookmark
from spacereader.store.feeds import add_feeds, list_feed_states, list_feeds, take_feed_notes


def rss(*guids: str) -> bytes:
    items = "".join(
        f"<item><guid>{g}</guid><title>Item {g}</title><link>http://example.com/{g}</link>"
        f"<pubDate>Tue, 0{1 + i} Jul 2025 10:00:00 GMT</pubDate></item>"
        for i, g in enumerate(guids)
    )
    return f'<?xml version="1.0"?><rss version="2.0"><channel><title>Feed</title>{items}</channel></rss>'.encode()


def fetcher() -> Fetcher:
    return Fetcher(connect_timeout=2, read_timeout=2, total_timeout=5)


def rows_by_guid(store: Store, feed_id: int | None = None) -> dict[str, object]:
    with closing(store.connect()) as conn:
        rows = list_article_rows(conn, ArticleFilter(feed_id=feed_id), limit=-1)
    return {r.title.removeprefix("Item "): r for r in rows}


@pytest.mark.parametrize("status", [301, 308])
def test_a_feed_moving_onto_a_subscribed_url_is_merged_keeping_every_mark(
    store: Store, httpserver: HTTPServer, status: int
):
    old, new = httpserver.url_for("/old"), httpserver.url_for("/new")
    # Before the move: each URL serves its own copy; "shared" is in both, "o" only in the old, "n" only in the new.
    httpserver.expect_ordered_request("/old").respond_with_data(rss("o", "shared", "o2"))
    httpserver.expect_request("/new").respond_with_data(rss("n", "shared", "late"))
    with closing(store.connect()) as conn:
        add_feeds(conn, [Subscription(old), Subscription(new)])
        old_id, new_id = (s.id for s in list_feed_states(conn))
    refresh_all(store, fetcher(), parse_processes=0)
    old_rows, new_rows = rows_by_guid(store, old_id), rows_by_guid(store, new_id)
    with closing(store.connect()) as conn:
        set_read(conn, old_rows["o"].id, True)
        set_bookmark(conn, old_rows["o2"].id, True)
        set_bookmark(conn, old_rows["shared"].id, True)  # bookmarked on the old side only
        set_read(conn, new_rows["shared"].id, True)  # read on the new side only
    # The old URL now answers with a permanent redirect onto the new one.
    httpserver.expect_request("/old").respond_with_data("", status=status, headers={"Location": "/new"})

    report = refresh_all(store, fetcher(), parse_processes=0)

    assert not report.failures
    with closing(store.connect()) as conn:
        feeds = [f for f in list_feeds(conn) if f.kind != "seed"]
        assert [(f.id, f.url) for f in feeds] == [(new_id, new)]
        assert feeds[0].total == 5  # n, shared, late, o, o2: the shared guid once
        rows = rows_by_guid(store, new_id)
        assert sorted(rows) == ["late", "n", "o", "o2", "shared"]
        assert rows["o"].read and not rows["o"].bookmarked
        assert rows["o2"].bookmarked and not rows["o2"].read
        assert rows["shared"].read and rows["shared"].bookmarked
        assert not rows["n"].read and not rows["late"].read
        notes = take_feed_notes(conn)
        assert list(notes) == [new_id] and old in notes[new_id]
        assert take_feed_notes(conn) == {}  # said once

    again = refresh_all(store, fetcher(), parse_processes=0)
    assert not again.failures and len(rows_by_guid(store, new_id)) == 5


@pytest.mark.parametrize("status", [302, 307])
def test_a_temporary_redirect_onto_a_subscribed_url_changes_nothing_stored(
    store: Store, httpserver: HTTPServer, status: int
):
    old, new = httpserver.url_for("/old"), httpserver.url_for("/new")
    httpserver.expect_ordered_request("/old").respond_with_data(rss("o"))
    httpserver.expect_request("/new").respond_with_data(rss("n"))
    with closing(store.connect()) as conn:
        add_feeds(conn, [Subscription(old), Subscription(new)])
        old_id, new_id = (s.id for s in list_feed_states(conn))
    refresh_all(store, fetcher(), parse_processes=0)
    with closing(store.connect()) as conn:
        set_bookmark(conn, rows_by_guid(store, old_id)["o"].id, True)
    httpserver.expect_request("/old").respond_with_data("", status=status, headers={"Location": "/new"})

    refresh_all(store, fetcher(), parse_processes=0)

    with closing(store.connect()) as conn:
        assert sorted((s.id, s.url) for s in list_feed_states(conn)) == [(old_id, old), (new_id, new)]
        assert take_feed_notes(conn) == {}
    assert rows_by_guid(store, old_id)["o"].bookmarked
    assert list(rows_by_guid(store, new_id)) == ["n"]


def test_spacereader_feeds_says_once_that_a_feed_was_merged(store: Store, httpserver: HTTPServer, tmp_path):
    old, new = httpserver.url_for("/old"), httpserver.url_for("/new")
    httpserver.expect_request("/old").respond_with_data("", status=301, headers={"Location": "/new"})
    httpserver.expect_request("/new").respond_with_data(rss("n"))
    with closing(store.connect()) as conn:
        add_feeds(conn, [Subscription(old), Subscription(new)])
    data_dir = str(store.path.parent)

    def run(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run(
            [sys.executable, "-m", "spacereader", "--data-dir", data_dir, *args],
            capture_output=True, text=True, timeout=60,
        )  # fmt: skip

    refreshed = run("refresh")
    assert refreshed.returncode == 0, refreshed.stderr
    first, second = run("feeds"), run("feeds")
    assert first.returncode == second.returncode == 0
    assert f"merged {old}" in first.stdout and new in first.stdout
    assert "merged" not in second.stdout and new in second.stdout
