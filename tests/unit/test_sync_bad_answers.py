"""The sync client against a server on 127.0.0.1 that breaks the API's promises: one clear line each, nothing stored wrong."""

from __future__ import annotations

import json
import time
from contextlib import closing

import pytest
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from spacereader.ingest.fetch import Fetcher
from spacereader.models import ArticleFilter
from spacereader.store.articles import list_article_rows
from spacereader.sync.account import SyncAccount
from spacereader.sync.greader import GReaderClient, LoginRefused, SyncError, item_id
from spacereader.sync.run import sync_account

API = "/api/greader.php"


def logs_in(httpserver: HTTPServer) -> None:
    httpserver.expect_request(f"{API}/accounts/ClientLogin", method="POST").respond_with_data(
        "SID=x\nLSID=null\nAuth=alice/token\n"
    )


def client(httpserver: HTTPServer, **limits) -> GReaderClient:
    return GReaderClient(httpserver.url_for(API), "alice", "s3cret-password", limits=Fetcher(**limits))


def test_a_refused_login_names_the_user_and_not_the_password(httpserver: HTTPServer):
    httpserver.expect_request(f"{API}/accounts/ClientLogin").respond_with_data("Error=BadAuthentication", status=401)
    with pytest.raises(LoginRefused) as caught:
        client(httpserver).login()
    assert str(caught.value) == "sync: the server refused the login for alice"


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ("<html>maintenance</html>", "the answer to /reader/api/0/subscription/list is not valid JSON"),
        ("[1, 2]", "the answer to /reader/api/0/subscription/list is not a JSON object"),
        ('{"subs": []}', "the answer to /reader/api/0/subscription/list has no subscriptions list"),
        ('{"subscriptions": [{"title": "no id"}]}', "has a subscription without an id"),
        ("[" * 100_000, "is not valid JSON"),
    ],
)
def test_an_answer_that_is_not_what_the_api_promises_is_one_line(httpserver: HTTPServer, body, message):
    logs_in(httpserver)
    httpserver.expect_request(f"{API}/reader/api/0/subscription/list").respond_with_data(body)
    with pytest.raises(SyncError) as caught:
        client(httpserver).subscriptions()
    assert message in str(caught.value) and "\n" not in str(caught.value)
    assert str(caught.value).startswith("sync: ")


def test_a_huge_answer_is_cut_off_at_the_feed_size_cap(httpserver: HTTPServer):
    logs_in(httpserver)
    httpserver.expect_request(f"{API}/reader/api/0/subscription/list").respond_with_data(
        json.dumps({"subscriptions": [], "pad": "x" * 50_000})
    )
    with pytest.raises(SyncError, match=r"subscription/list: the answer is larger than 10,000 bytes$"):
        client(httpserver, max_bytes=10_000).subscriptions()


def test_a_slow_server_is_bounded_by_the_feed_timeouts(httpserver: HTTPServer):
    logs_in(httpserver)

    def slow(request: Request) -> Response:
        time.sleep(1.5)
        return Response("{}")

    httpserver.expect_request(f"{API}/reader/api/0/subscription/list").respond_with_handler(slow)
    started = time.monotonic()
    with pytest.raises(SyncError, match="subscription/list timed out$"):
        client(httpserver, read_timeout=0.5).subscriptions()
    assert time.monotonic() - started < 1.4


def test_a_5xx_names_the_call(httpserver: HTTPServer):
    logs_in(httpserver)
    httpserver.expect_request(f"{API}/reader/api/0/token").respond_with_data("oops", status=502)
    with pytest.raises(SyncError, match=r"^sync: 127\.0\.0\.1:\d+/reader/api/0/token answered HTTP 502$"):
        client(httpserver).token()


def test_an_unreachable_server_says_so():
    with pytest.raises(SyncError, match=r"^sync: cannot reach 127\.0\.0\.1:9 \(connection refused\)$"):
        GReaderClient("http://127.0.0.1:9/api/greader.php", "alice", "pw").login()


def test_only_http_urls_are_used():
    with pytest.raises(SyncError, match="is not http"):
        GReaderClient("file:///etc/passwd", "alice", "pw")


def test_item_ids_in_both_forms_and_nothing_else():
    assert item_id("tag:google.com,2005:reader/item/000000000000001f") == "31"
    assert item_id("31") == "31"
    for bad in ("", "-1", "tag:google.com,2005:reader/item/zz", "1" * 30):
        with pytest.raises(ValueError):
            item_id(bad)


def test_malformed_items_are_skipped_and_counted_and_hostile_text_is_cleaned(httpserver: HTTPServer, store):
    logs_in(httpserver)
    good = {
        "id": "tag:google.com,2005:reader/item/0000000000000010",
        "timestampUsec": "1700000000000000",
        "published": 1700000000,
        "title": "Good [bold]item[/bold]\x1b[31m",
        "canonical": [{"href": "https://example.org/good"}],
        "summary": {"content": "<p>Body text</p>"},
        "categories": ["user/-/state/com.google/reading-list", "user/-/state/com.google/read"],
        "origin": {"streamId": "feed/1"},
    }
    broken = [
        {"title": "no id", "origin": {"streamId": "feed/1"}},
        {"id": "not-an-id", "origin": {"streamId": "feed/1"}},
        {"id": "17", "title": "no origin, but pulled from its feed's own stream"},
        "not even an object",
    ]
    httpserver.expect_request(f"{API}/reader/api/0/subscription/list").respond_with_json(
        {"subscriptions": [{"id": "feed/1", "title": "One", "url": "https://example.org/feed", "categories": "x"}]}
    )
    httpserver.expect_request(
        f"{API}/reader/api/0/stream/contents/user/-/state/com.google/reading-list"
    ).respond_with_json({"items": [good]})
    httpserver.expect_request(f"{API}/reader/api/0/stream/contents/feed/1").respond_with_json(
        {"items": [*broken, good]}
    )
    httpserver.expect_request(f"{API}/reader/api/0/stream/items/ids").respond_with_json({"itemRefs": []})

    report = sync_account(store, SyncAccount(httpserver.url_for(API), "alice", "pw"))

    assert report.new_items == 2 and report.skipped_items == 3
    with closing(store.connect()) as conn:
        rows = {r.title: r for r in list_article_rows(conn, ArticleFilter(), limit=-1)}
    assert set(rows) == {"Good [bold]item[/bold][31m", "no origin, but pulled from its feed's own stream"}
    row = rows["Good [bold]item[/bold][31m"]  # literal text; the escape character itself is stripped
    assert row.read is True and row.url == "https://example.org/good" and row.published == "2023-11-14T22:13:20Z"
    assert "malformed items skipped" in report.summary()


def test_subscription_names_from_the_server_are_cleaned_like_feed_titles(httpserver: HTTPServer):
    logs_in(httpserver)
    httpserver.expect_request(f"{API}/reader/api/0/subscription/list").respond_with_json(
        {
            "subscriptions": [
                {
                    "id": "feed/7",
                    "title": "Evil\x1b]0;pwned\x07 [b]feed[/b]\nsecond line",
                    "url": "https://example.org/feed\x00",
                    "categories": [{"id": "user/-/label/x", "label": "Space\x1b[2J"}],
                }
            ]
        }
    )
    (sub,) = client(httpserver).subscriptions()
    assert "\x1b" not in sub.title and "\n" not in sub.title and "[b]feed[/b]" in sub.title
    assert sub.folder == "Space[2J" and sub.url == "https://example.org/feed"
