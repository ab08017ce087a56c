"""Full text end to end: pages and feeds served on 127.0.0.1, the real extractor, a real cache file."""

from __future__ import annotations

import threading
import time
from contextlib import closing

from pytest_httpserver import HTTPServer
from werkzeug import Response

from spacereader.ingest.fetch import Fetcher
from spacereader.ingest.full_text import fill_full_texts, take_full_text
from spacereader.ingest.refresh import refresh_all
from spacereader.ingest.subscribe import subscribe
from spacereader.models import ArticleFilter, Subscription
from spacereader.search.query import search_filter
from spacereader.store import Store
from spacereader.store.articles import count_articles, get_article, list_article_rows
from spacereader.store.entities import extraction_state, save_article_entities
from spacereader.store.feeds import add_feeds
from spacereader.store.page_text import articles_wanting_pages, restore_feed_text, set_full_text
from tests.conftest import add_articles
from tests.page_extraction import PAGES

FEED_TEXT = "Paragraph one of article 0."


def fetcher(**limits) -> Fetcher:
    return Fetcher(connect_timeout=2, read_timeout=2, total_timeout=5, **limits)


def page(name: str) -> str:
    return (PAGES / f"{name}.html").read_text()


def one_article(store: Store, url: str) -> int:
    [article_id] = add_articles(store, 1, url=url)
    return article_id


def matches(store: Store, query: str) -> int:
    view = search_filter(query, base=ArticleFilter())
    with closing(store.connect()) as conn:
        return count_articles(conn, view)  # type: ignore[arg-type]


def test_the_page_text_replaces_the_body_and_search_and_entities_follow(store: Store, httpserver: HTTPServer):
    httpserver.expect_request("/hera").respond_with_data(page("daily-orbit"), content_type="text/html; charset=utf-8")
    article_id = one_article(store, httpserver.url_for("/hera"))
    with closing(store.connect()) as conn:
        save_article_entities(conn, article_id, [], "fake 1")
    assert matches(store, "Juventas") == 0

    outcome = take_full_text(store, fetcher(), article_id)

    assert outcome.ok and outcome.reason == ""
    with closing(store.connect()) as conn:
        article = get_article(conn, article_id)
        assert article is not None and article.from_page and article.page_error == ""
        assert "Juventas will carry the first radar" in article.body
        assert "spacefan77" not in article.body and "cookies" not in article.body
        assert article.word_count == len(article.body.split())
        assert extraction_state(conn, article_id) is None  # entities are found again, in the page's text
    assert matches(store, "Juventas") == 1  # searchable at once, not after the next refresh
    assert matches(store, '"Paragraph one of article 0"') == 0


def test_the_feed_text_comes_back_on_request(store: Store, httpserver: HTTPServer):
    httpserver.expect_request("/hera").respond_with_data(page("daily-orbit"), content_type="text/html")
    article_id = one_article(store, httpserver.url_for("/hera"))
    take_full_text(store, fetcher(), article_id)
    with closing(store.connect()) as conn:
        set_full_text(conn, get_article(conn, article_id).feed_id, True)  # type: ignore[union-attr]
        assert articles_wanting_pages(conn, 10) == []  # it has the page's text already
        assert restore_feed_text(conn, article_id)
        article = get_article(conn, article_id)
        assert article is not None and not article.from_page and article.body.startswith(FEED_TEXT)
        assert article.page_error == "the feed's text was chosen with F"
        assert articles_wanting_pages(conn, 10) == []  # and a refresh does not undo the choice
        assert not restore_feed_text(conn, article_id)
    assert matches(store, "Juventas") == 0


def test_a_page_larger_than_the_cap_is_refused_and_the_feed_text_stays(store: Store, httpserver: HTTPServer):
    big = page("daily-orbit").replace("</body>", "<p>" + "filler " * 40_000 + "</p></body>")
    httpserver.expect_request("/big").respond_with_data(big, content_type="text/html")
    article_id = one_article(store, httpserver.url_for("/big"))

    outcome = take_full_text(store, fetcher(max_bytes=100_000), article_id)

    assert outcome.reason == "response too large"
    with closing(store.connect()) as conn:
        article = get_article(conn, article_id)
        assert article is not None and not article.from_page and article.body.startswith(FEED_TEXT)
        assert article.page_error == "response too large"


def test_a_redirect_to_another_scheme_is_not_followed(store: Store, httpserver: HTTPServer):
    httpserver.expect_request("/away").respond_with_data("", status=302, headers={"Location": "file:///etc/passwd"})
    article_id = one_article(store, httpserver.url_for("/away"))

    outcome = take_full_text(store, fetcher(), article_id)

    assert outcome.reason == "redirect to a non-http(s) URL"
    with closing(store.connect()) as conn:
        article = get_article(conn, article_id)
        assert article is not None and article.body.startswith(FEED_TEXT)


def test_a_page_with_scripts_is_read_without_running_or_fetching_anything(store: Store, httpserver: HTTPServer):
    httpserver.expect_request("/cubesat").respond_with_data(page("southern-skies"), content_type="text/html")
    article_id = one_article(store, httpserver.url_for("/cubesat"))

    assert take_full_text(store, fetcher(), article_id).ok

    with closing(store.connect()) as conn:
        article = get_article(conn, article_id)
    assert article is not None and "first signals from orbit" in article.body
    assert "Injected by a script" not in article.body and "hydration payload" not in article.body
    # Only the page itself was asked for: none of its scripts, images, styles or tracking pixels.
    assert [request.path for request, _ in httpserver.log] == ["/cubesat"]


def test_a_page_with_no_main_text_keeps_the_feed_text_with_a_reason(store: Store, httpserver: HTTPServer):
    httpserver.expect_request("/science").respond_with_data(page("section-front"), content_type="text/html")
    article_id = one_article(store, httpserver.url_for("/science"))

    outcome = take_full_text(store, fetcher(), article_id)

    assert outcome.reason == "no main text found on the page"
    with closing(store.connect()) as conn:
        article = get_article(conn, article_id)
        assert article is not None and not article.from_page and article.page_error == outcome.reason


def test_what_is_not_a_page_or_not_http_gives_a_reason(store: Store, httpserver: HTTPServer):
    httpserver.expect_request("/paper.pdf").respond_with_data(b"%PDF-1.7", content_type="application/pdf")
    pdf = one_article(store, httpserver.url_for("/paper.pdf"))
    assert take_full_text(store, fetcher(), pdf).reason == "not a web page (application/pdf)"
    httpserver.expect_request("/missing").respond_with_data("", status=404)
    [missing, ftp] = add_articles(store, 2, feed_url="http://127.0.0.1/other.xml", url="{n}")
    with closing(store.connect()) as conn, conn:
        conn.execute("UPDATE articles SET url = ? WHERE id = ?", (httpserver.url_for("/missing"), missing))
        conn.execute("UPDATE articles SET url = 'ftp://example.org/a' WHERE id = ?", (ftp,))
    assert take_full_text(store, fetcher(), missing).reason == "HTTP 404"
    assert "only http and https" in take_full_text(store, fetcher(), ftp).reason
    assert take_full_text(store, fetcher(), 999_999).reason == "the article is no longer in the cache"


def rss(base: str, *names: str) -> bytes:
    items = "".join(
        f"<item><guid>{n}</guid><title>{n}</title><link>{base}/{n}</link>"
        f"<pubDate>Tue, 0{1 + i} Jul 2025 10:00:00 GMT</pubDate><description>Teaser of {n}.</description></item>"
        for i, n in enumerate(names)
    )
    return f'<?xml version="1.0"?><rss version="2.0"><channel><title>Pages</title>{items}</channel></rss>'.encode()


def test_a_full_text_feed_gets_its_pages_during_refresh_and_keeps_them(store: Store, httpserver: HTTPServer):
    base = httpserver.url_for("").rstrip("/")
    feeds = iter([rss(base, "daily-orbit", "section-front"), rss(base, "daily-orbit", "section-front")])
    httpserver.expect_request("/feed").respond_with_handler(lambda request: Response(next(feeds)))
    for name in ("daily-orbit", "section-front"):
        httpserver.expect_request(f"/{name}").respond_with_data(page(name), content_type="text/html")
    with closing(store.connect()) as conn:
        add_feeds(conn, [Subscription(httpserver.url_for("/feed"))])
        feed_id = conn.execute("SELECT id FROM feeds WHERE url = ?", (httpserver.url_for("/feed"),)).fetchone()[0]
        set_full_text(conn, feed_id, True)

    report = refresh_all(store, fetcher(), parse_processes=0)

    assert sorted(p.reason for p in report.pages) == ["", "no main text found on the page"]
    assert "full text of 1/2 pages" in report.summary()
    with closing(store.connect()) as conn:
        rows = {r.title: r.id for r in list_article_rows(conn, ArticleFilter(feed_id=feed_id))}
        orbit = get_article(conn, rows["daily-orbit"])
        front = get_article(conn, rows["section-front"])
    assert orbit is not None and orbit.from_page and "Didymos" in orbit.body
    assert front is not None and front.body == "Teaser of section-front." and front.page_error

    # The feed's item changes: the page's text stays shown, the feed's new text is kept aside; nothing is refetched.
    feeds = iter([rss(base, "daily-orbit", "section-front").replace(b"Teaser of daily", b"New teaser of daily")])
    before = len(httpserver.log)
    report = refresh_all(store, fetcher(), parse_processes=0)
    assert report.pages == [] and len(httpserver.log) == before + 1
    with closing(store.connect()) as conn:
        orbit = get_article(conn, rows["daily-orbit"])
        assert orbit is not None and orbit.from_page and "Didymos" in orbit.body
        assert restore_feed_text(conn, rows["daily-orbit"])
        assert get_article(conn, rows["daily-orbit"]).body == "New teaser of daily-orbit."  # type: ignore[union-attr]


def test_feeds_without_full_text_fetch_no_pages(store: Store, httpserver: HTTPServer):
    base = httpserver.url_for("").rstrip("/")
    httpserver.expect_request("/feed").respond_with_data(rss(base, "daily-orbit"))
    with closing(store.connect()) as conn:
        add_feeds(conn, [Subscription(httpserver.url_for("/feed"))])
    report = refresh_all(store, fetcher(), parse_processes=0)
    assert report.pages == [] and [r.path for r, _ in httpserver.log] == ["/feed"]
    assert fill_full_texts(store, fetcher()) == []


def test_a_page_fetched_while_a_refresh_runs_leaves_the_refresh_alone(store: Store):
    """The reader shares one Fetcher between jobs: F in the middle of a refresh must not take its client away."""
    started = threading.Event()

    def slow_feed(request):
        started.set()
        time.sleep(0.3)
        return Response(rss("http://x.example", request.path), content_type="application/rss+xml")

    with HTTPServer("127.0.0.1", 0, threaded=True) as server:  # the page is served while a feed is slow
        for n in range(3):
            server.expect_request(f"/slow{n}").respond_with_handler(slow_feed)
        server.expect_request("/hera").respond_with_data(page("daily-orbit"), content_type="text/html")
        article_id = one_article(store, server.url_for("/hera"))
        with closing(store.connect()) as conn:
            add_feeds(conn, [Subscription(server.url_for(f"/slow{n}")) for n in range(3)])
            slow = [row[0] for row in conn.execute("SELECT id FROM feeds WHERE url LIKE '%/slow%'")]
        shared = fetcher(per_host=1)  # the three feeds go one after another
        reports = []

        def run_refresh() -> None:
            reports.append(refresh_all(store, shared, feed_ids=slow, parse_processes=0))

        refresh = threading.Thread(target=run_refresh)
        refresh.start()
        assert started.wait(5)

        assert take_full_text(store, shared, article_id).ok

        refresh.join(10)
    [report] = reports
    assert [o.error for o in report.failures] == [] and report.new_items == 3


def test_a_feed_subscribed_while_a_refresh_runs_leaves_the_refresh_alone(store: Store):
    """As with F: adding a feed in the middle of a refresh shares the reader's fetcher and must not break it."""
    started = threading.Event()

    def slow_feed(request):
        started.set()
        time.sleep(0.3)
        return Response(rss("http://x.example", request.path), content_type="application/rss+xml")

    with HTTPServer("127.0.0.1", 0, threaded=True) as server:
        for n in range(3):
            server.expect_request(f"/slow{n}").respond_with_handler(slow_feed)
        server.expect_request("/new").respond_with_data(
            rss("http://x.example", "new"), content_type="application/rss+xml"
        )
        with closing(store.connect()) as conn:
            add_feeds(conn, [Subscription(server.url_for(f"/slow{n}")) for n in range(3)])
            slow = [row[0] for row in conn.execute("SELECT id FROM feeds WHERE url LIKE '%/slow%'")]
        shared = fetcher(per_host=1)
        reports = []
        refresh = threading.Thread(
            target=lambda: reports.append(refresh_all(store, shared, feed_ids=slow, parse_processes=0))
        )
        refresh.start()
        assert started.wait(5)

        assert subscribe(store, shared, server.url_for("/new")).new == 1

        refresh.join(10)
    [report] = reports
    assert [o.error for o in report.failures] == [] and report.new_items == 3
