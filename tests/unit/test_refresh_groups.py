"""The refresh's writer commits several feeds at once while documents wait, each feed a savepoint: the cache
ends exactly as with a commit per feed, a feed that fails is undone alone, and a feed is reported only once
its articles are saved."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer

from spacereader.ingest import refresh
from spacereader.ingest.refresh import RefreshProgress, refresh_all
from spacereader.store import Store
from spacereader.store import articles as store_articles
from spacereader.store.bookmarks import set_bookmark
from tests.unit.test_ingest_refresh import fetcher, rss, subscribe

FEEDS = 40
ITEMS = 25


@pytest.fixture
def served(httpserver: HTTPServer) -> list[str]:
    for n in range(FEEDS):
        items = [(f"{n}-{i}", f"Item {i} of feed {n} about orbit{n % 7} and station{i % 5}") for i in range(ITEMS)]
        httpserver.expect_request(f"/g{n}").respond_with_data(rss(*items, title=f"Feed {n}"))
    return [httpserver.url_for(f"/g{n}") for n in range(FEEDS)]


def group_sizes(monkeypatch) -> list[int]:
    """How many feeds each commit of the writer saved (a spy around the real commit)."""
    sizes: list[int] = []
    real = refresh._Writer._commit

    def commit(self, conn) -> None:
        if self.uncommitted:
            sizes.append(len(self.uncommitted))
        real(self, conn)

    monkeypatch.setattr(refresh._Writer, "_commit", commit)
    return sizes


def contents(path: Path) -> dict[str, list[tuple]]:
    """Everything a refresh writes, but the fetch times: rows, state, counts, queue and the index's terms."""
    with closing(sqlite3.connect(path)) as conn:
        conn.execute("CREATE VIRTUAL TABLE temp.terms USING fts5vocab(main, articles_fts, row)")
        conn.execute("INSERT INTO articles_fts (articles_fts, rank) VALUES ('integrity-check', 1)")
        return {
            "articles": conn.execute(
                "SELECT id, feed_id, guid, url, title, author, published, summary, body, word_count, enclosures,"
                " content_hash FROM articles ORDER BY id"
            ).fetchall(),
            "state": conn.execute("SELECT * FROM article_state ORDER BY id").fetchall(),
            "counts": conn.execute("SELECT * FROM feed_counts ORDER BY feed_id").fetchall(),
            "feeds": conn.execute("SELECT id, url, title, etag, last_error FROM feeds ORDER BY id").fetchall(),
            "pending": conn.execute("SELECT * FROM search_pending").fetchall(),
            "terms": conn.execute("SELECT term, doc, cnt FROM temp.terms ORDER BY term").fetchall(),
            "indexed": conn.execute("SELECT id, sz FROM articles_fts_docsize ORDER BY id").fetchall(),
        }


def test_grouped_commits_leave_the_cache_exactly_as_a_commit_per_feed(tmp_path, served, monkeypatch):
    sizes = group_sizes(monkeypatch)
    results = []
    for group in (1, refresh.GROUP_FEEDS):
        monkeypatch.setattr(refresh, "GROUP_FEEDS", group)
        store = Store.open(tmp_path / f"group{group}")
        subscribe(store, *served)
        sizes.clear()
        report = refresh_all(store, fetcher(), parse_processes=0)
        assert report.new_items == FEEDS * ITEMS and not report.failures
        assert max(sizes) == 1 if group == 1 else max(sizes) > 1, sizes
        results.append(contents(store.path))
    assert results[0] == results[1]
    assert len(results[0]["articles"]) == FEEDS * ITEMS and results[0]["terms"]


def test_a_feed_failing_inside_a_group_is_undone_alone(store: Store, served, monkeypatch):
    sizes = group_sizes(monkeypatch)
    real = store_articles.upsert_articles
    bad = {}

    def upsert_failing_for_feed_7(conn, feed_id, items, **kwargs):
        items = list(items)
        result = real(conn, feed_id, items, **kwargs)  # its articles are written, then the feed fails
        if items and items[0].guid.startswith("7-"):
            bad["id"] = feed_id
            raise RuntimeError("injected after writing")
        return result

    monkeypatch.setattr(refresh, "upsert_articles", upsert_failing_for_feed_7)
    subscribe(store, *served)
    reported: list[RefreshProgress] = []
    report = refresh_all(store, fetcher(), parse_processes=0, on_progress=reported.append)
    assert max(sizes) > 1, sizes  # feed 7 shared its transaction with others
    assert [o.feed_id for o in report.failures] == [bad["id"]]
    assert "store failed (RuntimeError: injected after writing)" in (report.failures[0].error or "")
    with closing(store.connect()) as conn:
        per_feed = dict(conn.execute("SELECT feed_id, count(*) FROM articles GROUP BY feed_id").fetchall())
        assert bad["id"] not in per_feed and sorted(per_feed.values()) == [ITEMS] * (FEEDS - 1)
        etag, error = conn.execute("SELECT etag, last_error FROM feeds WHERE id = ?", (bad["id"],)).fetchone()
        assert error and "injected" in error
        counts = conn.execute("SELECT total, unread FROM feed_counts WHERE feed_id = ?", (bad["id"],)).fetchone()
        assert counts in (None, (0, 0))
        assert conn.execute("SELECT count(*) FROM search_pending").fetchone()[0] == 0
        conn.execute("INSERT INTO articles_fts (articles_fts, rank) VALUES ('integrity-check', 1)")
    assert len(reported) == FEEDS


def test_a_feed_is_reported_once_its_articles_are_saved(store: Store, served, monkeypatch):
    sizes = group_sizes(monkeypatch)
    subscribe(store, *served)
    seen: list[tuple[int, int]] = []
    with closing(store.connect()) as reader:

        def on_progress(progress: RefreshProgress) -> None:
            # Another connection (the reader's) sees the feed's articles when it is reported.
            count = reader.execute(
                "SELECT count(*) FROM articles WHERE feed_id = ?", (progress.outcome.feed_id,)
            ).fetchone()[0]
            seen.append((progress.outcome.feed_id, count))

        refresh_all(store, fetcher(), parse_processes=0, on_progress=on_progress)
        # A mark made by the reader right after is kept: the writer holds no transaction open.
        first = reader.execute("SELECT min(id) FROM articles").fetchone()[0]
        assert set_bookmark(reader, first, True)
    assert max(sizes) > 1, sizes
    assert len(seen) == FEEDS and all(count == ITEMS for _, count in seen), seen
