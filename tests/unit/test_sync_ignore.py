"""Ignore rules hold for articles pulled by sync as for fetched ones (an API server on 127.0.0.1)."""

from __future__ import annotations

from contextlib import closing

from pytest_httpserver import HTTPServer

from spacereader.ingest.ignore import IgnoreRules
from spacereader.models import ArticleFilter
from spacereader.store.articles import list_article_rows
from spacereader.store.ignored import list_ignored
from spacereader.sync.account import SyncAccount
from spacereader.sync.run import sync_account
from tests.unit.test_sync_bad_answers import API, logs_in


def item(number: int, title: str) -> dict[str, object]:
    return {
        "id": f"tag:google.com,2005:reader/item/{number:016x}",
        "timestampUsec": str(1_700_000_000_000_000 + number),
        "published": 1_700_000_000 + number,
        "title": title,
        "canonical": [{"href": f"https://example.org/{number}"}],
        "summary": {"content": f"<p>{title} body</p>"},
        "categories": ["user/-/state/com.google/reading-list"],
        "origin": {"streamId": "feed/1"},
    }


def test_a_pulled_item_matching_a_rule_is_not_stored_and_is_listed(httpserver: HTTPServer, store):
    logs_in(httpserver)
    items = [item(16, "Sponsored: a VPN"), item(17, "Soyuz docks"), item(18, "Agency press release")]
    httpserver.expect_request(f"{API}/reader/api/0/subscription/list").respond_with_json(
        {"subscriptions": [{"id": "feed/1", "title": "Wire", "url": "https://example.org/feed", "categories": []}]}
    )
    for stream in ("user/-/state/com.google/reading-list", "feed/1"):
        httpserver.expect_request(f"{API}/reader/api/0/stream/contents/{stream}").respond_with_json({"items": items})
    httpserver.expect_request(f"{API}/reader/api/0/stream/items/ids").respond_with_json({"itemRefs": []})
    rules = IgnoreRules.parse(["sponsored", 'feed:wire "press release"'])

    report = sync_account(store, SyncAccount(httpserver.url_for(API), "alice", "pw"), ignore_rules=rules)

    assert report.new_items == 1 and report.ignored == 2 and "2 ignored" in report.summary()
    with closing(store.connect()) as conn:
        assert [r.title for r in list_article_rows(conn, ArticleFilter(), limit=-1)] == ["Soyuz docks"]
        assert {(r.title, r.rule) for r in list_ignored(conn)} == {
            ("Sponsored: a VPN", "sponsored"),
            ("Agency press release", 'feed:wire "press release"'),
        }
