"""Every real-world feed in the shared corpus: the fast path agrees with feedparser, and refreshing each
one over HTTP yields its entries or one clear error, without crashing."""

from __future__ import annotations

import mimetypes
from contextlib import closing
from datetime import datetime, timezone
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer

from spacereader.ingest.entries import to_enclosure
from spacereader.ingest.fetch import Fetcher
from spacereader.ingest.jsonfeed import looks_like_json
from spacereader.ingest.parse import (
    ParsedFeed,
    convert,
    fast_result_is_sure,
    parse_feed,
    read_fast,
    read_reference,
)
from spacereader.ingest.refresh import refresh_all
from spacereader.models import ArticleFilter, Subscription
from spacereader.store import Store
from spacereader.store.articles import count_articles
from spacereader.store.feeds import add_feeds
from tests.conftest import corpus_dir

FETCHED = datetime(2026, 1, 1, tzinfo=timezone.utc)
BASE = "http://127.0.0.1/corpus/"

# Files where the answer kept differs from feedparser's, and why ours is the one to keep.
KNOWN_DIFFERENCES = {
    # "2020/1/10 14:33:00": feedparser reads it as 2020-11-01; fastfeedparser reads 10 January.
    "RSParser/kc0011.rss": "feedparser misreads a slash date",
    # The entry's only link is rel="self"; feedparser gives no link, fastfeedparser uses it.
    "trafilatura/feed1.atom": "rel=self used as the link",
    # JSON Feed titles are plain text: "Die Rückkehr von <i> und <b>" is literal; fastfeedparser strips the tags.
    "RSParser/3960.json": "literal angle brackets in a JSON Feed title",
}


def corpus_files() -> list[Path]:
    root = corpus_dir("feeds")
    return sorted(p for p in root.rglob("*") if p.is_file())


def answer(read) -> ParsedFeed | str:
    try:
        return read()
    except Exception as error:  # noqa: BLE001 - ParseError, or whatever fastfeedparser raises on bad JSON
        return f"error: {error}"


def shape(result: ParsedFeed | str) -> object:
    """What must agree: the entries' titles, links and dates, or the fact of an error."""
    if isinstance(result, str):
        return "error"
    return [(item.title, item.url, item.published) for item in result.items]


def reference_for(body: bytes, url: str) -> ParsedFeed | str:
    """feedparser's answer; for JSON Feed (which its release does not read) fastfeedparser's JSON reader."""
    if looks_like_json(body):
        return answer(lambda: convert(read_fast(body), url, FETCHED))
    return answer(lambda: convert(read_reference(body, url), url, FETCHED))


@pytest.mark.slow
def test_parse_feed_agrees_with_feedparser_on_every_corpus_feed():
    root = corpus_dir("feeds")
    disagreements = {}
    checked = 0
    for path in corpus_files():
        name = path.relative_to(root).as_posix()
        body = path.read_bytes()
        url = BASE + name
        ours = answer(lambda: parse_feed(body, url, fetched=FETCHED))
        reference = reference_for(body, url)
        if looks_like_json(body) and isinstance(reference, str) and not isinstance(ours, str):
            continue  # fastfeedparser refuses some JSON feeds with odd fields that the spec reader reads
        checked += 1
        if shape(ours) != shape(reference) and name not in KNOWN_DIFFERENCES:
            disagreements[name] = (shape(ours), shape(reference))
    assert checked > 300
    assert disagreements == {}


def test_fast_path_enclosures_agree_with_feedparser_on_every_corpus_feed():
    """Atom enclosure links included: the fast path reads their lengths from the document itself."""
    root = corpus_dir("feeds")
    checked = 0
    for path in corpus_files():
        body = path.read_bytes()
        if b"enclosure" not in body or looks_like_json(body):
            continue
        try:
            fast = read_fast(body)
        except Exception:  # noqa: BLE001, S112 - feedparser reads this one in any case
            continue
        if not fast_result_is_sure(fast) or not any(entry.enclosures for entry in fast.entries):
            continue
        reference = read_reference(body, BASE + path.relative_to(root).as_posix())
        checked += 1
        assert [[to_enclosure(*e) for e in entry.enclosures] for entry in fast.entries] == [
            [to_enclosure(*e) for e in entry.enclosures] for entry in reference.entries
        ], path.relative_to(root)
    assert checked >= 20


def test_known_differences_still_exist():
    """Drop an entry from KNOWN_DIFFERENCES when a parser release makes the two agree."""
    root = corpus_dir("feeds")
    for name in KNOWN_DIFFERENCES:
        body = (root / name).read_bytes()
        ours = parse_feed(body, BASE + name, fetched=FETCHED)
        assert shape(ours) != shape(reference_for(body, BASE + name)), name


@pytest.mark.slow
def test_every_corpus_feed_served_over_http_refreshes_to_entries_or_one_error(store: Store, httpserver: HTTPServer):
    root = corpus_dir("feeds")
    files = corpus_files()
    subscriptions = []
    for index, path in enumerate(files):
        route = f"/f/{index}/{path.name}"
        content_type = "application/feed+json" if path.suffix == ".json" else mimetypes.guess_type(path.name)[0]
        httpserver.expect_request(route).respond_with_data(
            path.read_bytes(), content_type=content_type or "application/xml"
        )
        subscriptions.append(Subscription(url=httpserver.url_for(route)))
    with closing(store.connect()) as conn:
        add_feeds(conn, subscriptions)
    report = refresh_all(store, Fetcher(connect_timeout=5, read_timeout=10, total_timeout=20))

    assert len(report.outcomes) == len(files)
    by_url = {o.url: o for o in report.outcomes}
    expected_total = 0
    for sub, path in zip(subscriptions, files):
        outcome = by_url[sub.url]
        expected = answer(lambda: parse_feed(path.read_bytes(), sub.url))
        if isinstance(expected, str):
            assert outcome.status == "failed" and outcome.error, path.relative_to(root)
            assert "\n" not in outcome.error and len(outcome.error) < 120
        else:
            assert outcome.status == "updated", (path.relative_to(root), outcome.error)
            assert outcome.new == len(expected.items), path.relative_to(root)
            expected_total += outcome.new
    with closing(store.connect()) as conn:
        assert count_articles(conn, ArticleFilter()) == expected_total
    assert report.failures and not report.all_failed


@pytest.mark.parametrize(
    "name", ["defusedxml/xmlbomb.xml", "defusedxml/external.xml", "laminas-feed/_files/Reader/xxe-atom10.xml"]
)
def test_hostile_xml_neither_expands_nor_fetches(name: str):
    body = (corpus_dir("feeds") / name).read_bytes()
    result = answer(lambda: parse_feed(body, BASE + name))
    if not isinstance(result, str):
        for item in result.items:
            assert "lol" * 10 not in item.body and "root:" not in item.body
