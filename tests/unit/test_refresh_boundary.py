"""A refresh is a set of independent feeds: whatever one feed's fetch, parse, normalise or store raises,
that feed fails alone with a one-line reason, every other feed is stored, and the exit status says so.

Each stage is made to raise in turn by replacing the stage's function; for the worker-process parse the
replacement is a module-level function the spawned workers import, so the failure happens in the worker.
"""

from __future__ import annotations

import os
from contextlib import closing

import pytest
from pytest_httpserver import HTTPServer

from spacereader.cli import main
from spacereader.ingest import parse, parse_worker, refresh
from spacereader.ingest.fetch import Fetcher
from spacereader.ingest.refresh import refresh_all
from spacereader.models import ArticleFilter, Subscription
from spacereader.store import Store
from spacereader.store import articles as store_articles
from spacereader.store.articles import count_articles
from spacereader.store.feeds import add_feeds, list_feeds
from tests.unit import refresh_faults
from tests.unit.refresh_faults import MARK, InjectedFault

GOOD = ["/a", "/b", "/c"]
ITEMS = 3


def rss(path: str) -> bytes:
    items = "".join(
        f"<item><guid>{path}-{i}</guid><title>Item {i} of {path}</title><link>http://example.com{path}/{i}</link>"
        f"<pubDate>Tue, 0{1 + i} Jul 2025 10:00:00 GMT</pubDate></item>"
        for i in range(ITEMS)
    )
    return (
        f'<?xml version="1.0"?><rss version="2.0"><channel><title>Feed {path}</title>{items}</channel></rss>'.encode()
    )


@pytest.fixture
def feeds(store: Store, httpserver: HTTPServer) -> dict[str, int]:
    """Three good feeds and one marked bad, all serving good documents; url path -> feed id."""
    for path in [*GOOD, MARK]:
        httpserver.expect_request(path).respond_with_data(rss(path))
    with closing(store.connect()) as conn:
        add_feeds(conn, [Subscription(httpserver.url_for(p)) for p in [*GOOD, MARK]])
        return {"/" + f.url.rsplit("/", 1)[-1]: f.id for f in list_feeds(conn) if f.kind == "feed"}


def fetcher() -> Fetcher:
    return Fetcher(connect_timeout=2, read_timeout=2, total_timeout=5)


def bad_feed_id(feeds: dict[str, int]) -> int:
    return feeds[MARK]


def check_only_the_bad_feed_failed(store: Store, feeds: dict[str, int], stage_words: str) -> None:
    with closing(store.connect()) as conn:
        for path in GOOD:
            assert count_articles(conn, ArticleFilter(feed_id=feeds[path])) == ITEMS, path
        rows = {f.id: f for f in list_feeds(conn)}
    bad = rows[bad_feed_id(feeds)]
    assert bad.last_error and stage_words in bad.last_error and "\n" not in bad.last_error, bad.last_error
    assert all(rows[feeds[p]].last_error is None for p in GOOD)


def raise_for_bad_url(real):
    def replacement(*args, **kwargs):
        if any(MARK in str(a) for a in args):
            raise InjectedFault("injected")
        return real(*args, **kwargs)

    return replacement


def fetch_stage(monkeypatch, feeds):
    real = Fetcher.fetch

    async def fetch(self, url, *args, **kwargs):
        if MARK in url:
            raise InjectedFault("injected")
        return await real(self, url, *args, **kwargs)

    monkeypatch.setattr(Fetcher, "fetch", fetch)


def parse_stage(monkeypatch, feeds):
    monkeypatch.setattr(parse_worker, "parse_feed", raise_for_bad_url(parse_worker.parse_feed))


def normalise_stage(monkeypatch, feeds):
    real = parse.to_article
    monkeypatch.setattr(
        parse, "to_article", lambda entry, when: (_ for _ in ()).throw(InjectedFault("injected"))
        if MARK in entry.link else real(entry, when)
    )  # fmt: skip


def feed_state_stage(monkeypatch, feeds):
    real = refresh.record_success

    def record_success(conn, feed_id, **kwargs):
        if feed_id == bad_feed_id(feeds):
            raise InjectedFault("injected")
        return real(conn, feed_id, **kwargs)

    monkeypatch.setattr(refresh, "record_success", record_success)


def upsert_stage(monkeypatch, feeds):
    real = refresh.upsert_articles

    def upsert_articles(conn, feed_id, items, **kwargs):
        if feed_id == bad_feed_id(feeds):
            real(conn, feed_id, items, **kwargs)  # written, then the transaction must be rolled back
            raise InjectedFault("injected")
        return real(conn, feed_id, items, **kwargs)

    monkeypatch.setattr(refresh, "upsert_articles", upsert_articles)


def prune_stage(monkeypatch, feeds):
    real = refresh.prune_feed

    def prune_feed(conn, feed_id, keep):
        if feed_id == bad_feed_id(feeds):
            raise ZeroDivisionError("injected")
        return real(conn, feed_id, keep)

    monkeypatch.setattr(refresh, "prune_feed", prune_feed)


def sql_stage(monkeypatch, feeds):
    """A real SQLite error that is the feed's, not the cache's (a constraint), from inside the store."""
    real = store_articles.known_hashes

    def known_hashes(conn, feed_id):
        if feed_id == bad_feed_id(feeds):
            conn.execute("INSERT INTO feeds (id, url, added) VALUES (?, 'dup', 'x')", (feed_id,))
        return real(conn, feed_id)

    monkeypatch.setattr(store_articles, "known_hashes", known_hashes)


STAGES = {
    "fetch": (fetch_stage, "fetch failed (InjectedFault"),
    "parse": (parse_stage, "parse failed (InjectedFault"),
    "normalise": (normalise_stage, "parse failed (InjectedFault"),
    "feed state": (feed_state_stage, "store failed (InjectedFault"),
    "upsert": (upsert_stage, "store failed (InjectedFault"),
    "prune": (prune_stage, "store failed (ZeroDivisionError"),
    "sql": (sql_stage, "store failed (IntegrityError"),
}


@pytest.mark.parametrize("stage", STAGES)
def test_a_stage_raising_fails_its_feed_alone_and_the_refresh_exits_0(
    store: Store, feeds: dict[str, int], monkeypatch, capsys, stage: str
):
    inject, words = STAGES[stage]
    inject(monkeypatch, feeds)
    code = main(["--data-dir", str(store.path.parent), "refresh"])
    out, err = capsys.readouterr()
    assert code == 0, err
    assert "4 feeds refreshed" in out and "1 failed" in out, out
    assert [line for line in err.splitlines() if line] == [line for line in err.splitlines() if MARK in line]
    assert len([line for line in err.splitlines() if line]) == 1, err
    check_only_the_bad_feed_failed(store, feeds, words)
    if stage in ("upsert", "sql"):
        with closing(store.connect()) as conn:
            assert count_articles(conn, ArticleFilter(feed_id=bad_feed_id(feeds))) == 0  # rolled back whole


def test_a_failing_prune_fails_its_feed_alone_when_pruning_has_work(store: Store, feeds: dict[str, int], monkeypatch):
    prune_stage(monkeypatch, feeds)
    report = refresh_all(store, fetcher(), keep_per_feed=1, parse_processes=0)
    assert [o.url for o in report.failures] == [u for u in (o.url for o in report.outcomes) if MARK in u]
    with closing(store.connect()) as conn:
        assert count_articles(conn, ArticleFilter(feed_id=feeds["/a"])) == 1


def test_every_feed_failing_exits_1(store: Store, feeds: dict[str, int], monkeypatch, capsys):
    monkeypatch.setattr(refresh, "upsert_articles", lambda *a, **k: (_ for _ in ()).throw(InjectedFault("all")))
    code = main(["--data-dir", str(store.path.parent), "refresh"])
    out, err = capsys.readouterr()
    assert code == 1 and "4 failed" in out and len(err.splitlines()) == 4


WORKER_FAULTS = {
    "raises in the worker": (
        refresh_faults.parse_failing_in_worker,
        "parse failed (InjectedFault: parse stage in process",
    ),
    "normalise raises in the worker": (
        refresh_faults.parse_with_failing_normalise,
        "parse failed (InjectedFault: normalise stage in process",
    ),
    "answer cannot cross back": (refresh_faults.parse_unpicklable_answer, "parse failed ("),
}


@pytest.mark.parametrize("fault", WORKER_FAULTS)
def test_a_failure_inside_a_parse_worker_process_fails_its_feed_alone(
    store: Store, feeds: dict[str, int], monkeypatch, fault: str
):
    function, words = WORKER_FAULTS[fault]
    monkeypatch.setattr(refresh, "parse_document", function)
    report = refresh_all(store, fetcher(), parse_processes=2)
    assert not report.all_failed and len(report.failures) == 1 and MARK in report.failures[0].url
    check_only_the_bad_feed_failed(store, feeds, words)
    error = report.failures[0].error
    if "process" in words:  # raised in a worker, not in this process
        assert f"process {os.getpid()}" not in error


def test_a_parse_worker_dying_loses_no_feed(store: Store, feeds: dict[str, int], monkeypatch):
    monkeypatch.setattr(refresh, "parse_document", refresh_faults.parse_killing_the_worker)
    report = refresh_all(store, fetcher(), parse_processes=2)
    assert report.failures == []  # every document the pool could not parse was parsed on the writer thread
    with closing(store.connect()) as conn:
        for path in GOOD:
            assert count_articles(conn, ArticleFilter(feed_id=feeds[path])) == ITEMS
