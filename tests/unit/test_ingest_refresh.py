"""refresh_all end to end: real server, real cache, real parsers."""

from __future__ import annotations

import threading
from contextlib import closing

import pytest
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from spacereader.ingest.fetch import Fetcher
from spacereader.ingest.refresh import RefreshProgress, refresh_all
from spacereader.models import ArticleFilter, Subscription
from spacereader.search.query import QueryError, search_filter
from spacereader.store import Store
from spacereader.store.articles import count_articles, list_article_rows, set_read
from spacereader.store.bookmarks import set_bookmark
from spacereader.store.feeds import add_feeds, get_feed, list_feed_states
from spacereader.store.search_index import count_pending


def rss(*items: tuple[str, str], title: str = "Feed") -> bytes:
    body = "".join(
        f"<item><guid>{guid}</guid><title>{text}</title><link>http://example.com/{guid}</link>"
        f"<pubDate>Tue, 0{1 + i % 9} Jul 2025 10:00:00 GMT</pubDate><description>{text} body</description></item>"
        for i, (guid, text) in enumerate(items)
    )
    return f'<?xml version="1.0"?><rss version="2.0"><channel><title>{title}</title>{body}</channel></rss>'.encode()


def subscribe(store: Store, *urls: str) -> None:
    with closing(store.connect()) as conn:
        add_feeds(conn, [Subscription(u) for u in urls])


def fetcher() -> Fetcher:
    return Fetcher(connect_timeout=2, read_timeout=2, total_timeout=5)


def test_first_refresh_stores_items_and_the_second_is_a_304(store: Store, httpserver: HTTPServer):
    doc = rss(("a", "A"), ("b", "B"))

    def handle(request: Request) -> Response:
        if request.headers.get("If-None-Match") == '"1"':
            return Response(status=304)
        return Response(doc, headers={"ETag": '"1"'})

    httpserver.expect_request("/feed").respond_with_handler(handle)
    subscribe(store, httpserver.url_for("/feed"))
    first = refresh_all(store, fetcher())
    assert (first.outcomes[0].status, first.new_items) == ("updated", 2)
    second = refresh_all(store, fetcher())
    assert second.outcomes[0].status == "unchanged" and second.new_items == 0
    with closing(store.connect()) as conn:
        feed = get_feed(conn, first.outcomes[0].feed_id)
    assert feed.title == "Feed" and feed.last_success and feed.last_error is None


def test_an_updated_entry_is_changed_in_place_keeping_read_and_bookmark(store: Store, httpserver: HTTPServer):
    versions = iter([rss(("a", "Old title")), rss(("a", "New title"), ("b", "Another"))])
    httpserver.expect_request("/feed").respond_with_handler(lambda request: Response(next(versions)))
    subscribe(store, httpserver.url_for("/feed"))
    refresh_all(store, fetcher())
    with closing(store.connect()) as conn:
        [row] = list_article_rows(conn)
        set_read(conn, row.id, True)
        set_bookmark(conn, row.id, True)
    report = refresh_all(store, fetcher())
    assert (report.outcomes[0].new, report.outcomes[0].updated) == (1, 1)
    with closing(store.connect()) as conn:
        rows = {r.id: r for r in list_article_rows(conn)}
    assert rows[row.id].title == "New title" and rows[row.id].read and rows[row.id].bookmarked


def test_a_permanent_redirect_moves_the_feed_and_a_temporary_one_does_not(store: Store, httpserver: HTTPServer):
    httpserver.expect_request("/moved").respond_with_data("", status=301, headers={"Location": "/new"})
    httpserver.expect_request("/detour").respond_with_data("", status=302, headers={"Location": "/new"})
    httpserver.expect_request("/new").respond_with_data(rss(("a", "A")))
    subscribe(store, httpserver.url_for("/moved"), httpserver.url_for("/detour"))
    refresh_all(store, fetcher())
    with closing(store.connect()) as conn:
        urls = sorted(s.url for s in list_feed_states(conn))
    assert urls == sorted([httpserver.url_for("/new"), httpserver.url_for("/detour")])


def test_gone_disables_a_feed_and_busy_makes_it_wait(store: Store, httpserver: HTTPServer):
    httpserver.expect_request("/gone").respond_with_data("", status=410)
    httpserver.expect_request("/busy").respond_with_data("", status=503, headers={"Retry-After": "3600"})
    httpserver.expect_request("/ok").respond_with_data(rss(("a", "A")))
    subscribe(store, httpserver.url_for("/gone"), httpserver.url_for("/busy"), httpserver.url_for("/ok"))
    first = refresh_all(store, fetcher())
    assert sorted(o.status for o in first.outcomes) == ["failed", "failed", "updated"]
    assert not first.all_failed
    requests_before = len(httpserver.log)
    second = refresh_all(store, fetcher())
    skipped = {o.url: o.error for o in second.outcomes if o.status == "skipped"}
    assert "disabled" in skipped[httpserver.url_for("/gone")]
    assert "wait" in skipped[httpserver.url_for("/busy")]
    assert len(httpserver.log) == requests_before + 1


def test_not_a_feed_and_all_failed(store: Store, httpserver: HTTPServer):
    httpserver.expect_request("/page").respond_with_data("<html><body>hi</body></html>", content_type="text/html")
    httpserver.expect_request("/empty").respond_with_data("")
    subscribe(store, httpserver.url_for("/page"), httpserver.url_for("/empty"))
    report = refresh_all(store, fetcher())
    assert report.all_failed
    assert all(o.error.startswith("not a feed") for o in report.outcomes)
    assert "2 failed" in report.summary()


def test_retention_keeps_the_newest_n(store: Store, httpserver: HTTPServer):
    httpserver.expect_request("/feed").respond_with_data(rss(*[(f"g{n}", f"T{n}") for n in range(9)]))
    subscribe(store, httpserver.url_for("/feed"))
    refresh_all(store, fetcher(), keep_per_feed=4)
    with closing(store.connect()) as conn:
        assert count_articles(conn, ArticleFilter()) == 4


def test_progress_is_reported_per_feed_and_should_stop_cancels(store: Store, httpserver: HTTPServer):
    for n in range(5):
        httpserver.expect_request(f"/f{n}").respond_with_data(rss((f"a{n}", "A")))
    subscribe(store, *[httpserver.url_for(f"/f{n}") for n in range(5)])
    seen: list[RefreshProgress] = []
    refresh_all(store, fetcher(), on_progress=seen.append)
    assert [p.done for p in seen] == [1, 2, 3, 4, 5] and {p.total for p in seen} == {5}
    stopped = refresh_all(store, fetcher(), should_stop=lambda: True)
    assert stopped.cancelled and stopped.outcomes == []


def test_refresh_runs_from_a_plain_thread(store: Store, httpserver: HTTPServer):
    httpserver.expect_request("/feed").respond_with_data(rss(("a", "A")))
    subscribe(store, httpserver.url_for("/feed"))
    reports = []
    worker = threading.Thread(target=lambda: reports.append(refresh_all(store, fetcher())))
    worker.start()
    worker.join(30)
    assert reports and reports[0].new_items == 1


@pytest.mark.slow
def test_worker_processes_store_the_same_articles_as_inline_parsing(tmp_path, httpserver: HTTPServer):
    docs = {f"/w{n}": rss(*[(f"{n}-{i}", f"Item {i} of {n}") for i in range(5)], title=f"F{n}") for n in range(3)}
    for path, doc in docs.items():
        httpserver.expect_request(path).respond_with_data(doc)
    stored = []
    for processes in (0, 2):
        store = Store.open(tmp_path / f"data{processes}")
        subscribe(store, *[httpserver.url_for(p) for p in docs])
        report = refresh_all(store, fetcher(), parse_processes=processes)
        assert report.new_items == 15
        with closing(store.connect()) as conn:
            stored.append(sorted((r.title, r.url, r.published) for r in list_article_rows(conn, limit=-1)))
    assert stored[0] == stored[1]


def test_search_is_exact_once_a_refresh_returns(store: Store, httpserver: HTTPServer):
    """Articles are indexed after they are written, in batches; by the time refresh_all returns, all of them."""
    version = {"word": "perihelion"}

    def feed(n: int):
        def handle(request: Request) -> Response:
            word = version["word"]
            return Response(rss(*[(f"{n}-{i}", f"Item{n}x{i} {word}") for i in range(100)], title=f"Feed {n}"))

        return handle

    for n in range(30):  # 3,000 articles: more than one index batch
        httpserver.expect_request(f"/s{n}").respond_with_handler(feed(n))
    subscribe(store, *[httpserver.url_for(f"/s{n}") for n in range(30)])
    left_reported: list[int] = []
    report = refresh_all(store, fetcher(), parse_processes=0, on_indexing=left_reported.append)
    assert report.new_items == 3000
    assert left_reported and left_reported[-1] == 0

    def matches(text: str) -> int:
        view = search_filter(text)
        assert not isinstance(view, QueryError)
        return count_articles(conn, view)

    with closing(store.connect()) as conn:
        assert count_pending(conn) == 0
        assert matches("perihelion") == 3000 and matches("item17x42") == 1 and matches('"feed 29"') == 100
    version["word"] = "aphelion"  # every item changes: updated in place, re-indexed
    assert refresh_all(store, fetcher(), parse_processes=0).new_items == 0
    with closing(store.connect()) as conn:
        assert matches("perihelion") == 0 and matches("aphelion") == 3000
        conn.execute("INSERT INTO articles_fts (articles_fts, rank) VALUES ('integrity-check', 1)")


def test_parse_workers_run_below_the_refresh_s_own_priority():
    """The writer is the refresh's critical path; the workers take the CPU it leaves (parse_worker.start_worker)."""
    import multiprocessing
    import os
    from concurrent.futures import ProcessPoolExecutor

    from spacereader.ingest.parse_worker import WORKER_NICE, start_worker

    own = os.nice(0)
    with ProcessPoolExecutor(
        1, mp_context=multiprocessing.get_context("spawn"), initializer=start_worker, initargs=(os.getpid(),)
    ) as pool:
        assert pool.submit(os.nice, 0).result(timeout=60) == min(19, own + WORKER_NICE)
    assert os.nice(0) == own
