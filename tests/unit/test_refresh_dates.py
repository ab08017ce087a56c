"""Dates a datetime cannot hold (year 0 or below, past 9999), in every date field of every format.

They are stored as unknown (the empty string the store reads as "no date"), never the fetch time or 1970,
and a feed carrying them never stops a refresh.
"""

from __future__ import annotations

import json
from contextlib import closing
from datetime import datetime, timezone

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pytest_httpserver import HTTPServer

from spacereader.ingest.entries import parse_date
from spacereader.ingest.fetch import Fetcher
from spacereader.ingest.parse import ParseError, parse_feed
from spacereader.ingest.refresh import refresh_all
from spacereader.models import ArticleFilter, Subscription
from spacereader.store import Store
from spacereader.store.articles import list_article_rows
from spacereader.store.feeds import add_feeds

FETCHED = datetime(2026, 1, 2, 3, 4, 5, tzinfo=timezone.utc)

BAD_DATES = [
    "0000-01-01T00:00:00Z",
    "0000-01-01T00:00:00+05:00",
    "10000-01-01T00:00:00Z",
    "-0001-01-01T00:00:00Z",
    "Mon, 01 Jan 0000 00:00:00 GMT",
    "Fri, 01 Jan 10000 00:00:00 GMT",
    "0001-01-01T00:00:00+05:00",
    "9999-12-31T23:59:59-05:00",
]


def rss(date: str, field: str = "pubDate") -> bytes:
    tag = f"<{field}>{date}</{field}>"
    return (
        '<?xml version="1.0"?><rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"'
        ' xmlns:atom="http://www.w3.org/2005/Atom"><channel><title>T</title><link>http://example.com/</link>'
        f"<item><title>Odd</title><link>http://example.com/odd</link>{tag}</item>"
        "<item><title>Fine</title><link>http://example.com/fine</link><pubDate>Tue, 01 Jul 2025 10:00:00 GMT</pubDate></item>"
        "</channel></rss>"
    ).encode()


def atom(date: str, field: str = "updated") -> bytes:
    return (
        '<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>T</title>'
        f'<entry><title>Odd</title><id>urn:odd</id><link href="http://example.com/odd"/><{field}>{date}</{field}></entry>'
        '<entry><title>Fine</title><id>urn:fine</id><link href="http://example.com/fine"/>'
        "<updated>2025-07-01T10:00:00Z</updated></entry></feed>"
    ).encode()


def rdf(date: str, field: str = "dc:date") -> bytes:
    return (
        '<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"'
        ' xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/"'
        ' xmlns:dcterms="http://purl.org/dc/terms/">'
        '<channel rdf:about="http://example.com/"><title>T</title><link>http://example.com/</link></channel>'
        f'<item rdf:about="http://example.com/odd"><title>Odd</title><link>http://example.com/odd</link><{field}>{date}</{field}></item>'
        '<item rdf:about="http://example.com/fine"><title>Fine</title><link>http://example.com/fine</link>'
        "<dc:date>2025-07-01T10:00:00Z</dc:date></item></rdf:RDF>"
    ).encode()


def json_feed(date: str, field: str = "date_published") -> bytes:
    items = [
        {"id": "odd", "url": "http://example.com/odd", "title": "Odd", field: date},
        {"id": "fine", "url": "http://example.com/fine", "title": "Fine", "date_published": "2025-07-01T10:00:00Z"},
    ]
    return json.dumps({"version": "https://jsonfeed.org/version/1.1", "title": "T", "items": items}).encode()


# Every date field each format has, by the builder that writes it.
FIELDS = [
    (rss, "pubDate"), (rss, "dc:date"), (rss, "atom:updated"),
    (atom, "updated"), (atom, "published"),
    (rdf, "dc:date"), (rdf, "dcterms:modified"),
    (json_feed, "date_published"), (json_feed, "date_modified"),
]  # fmt: skip
FIELD_IDS = [f"{build.__name__}-{field}" for build, field in FIELDS]


@pytest.mark.parametrize(("build", "field"), FIELDS, ids=FIELD_IDS)
@pytest.mark.parametrize("date", BAD_DATES)
def test_an_unrepresentable_date_is_unknown_never_an_error_or_the_fetch_time(build, field, date):
    items = {i.title: i for i in parse_feed(build(date, field), "http://example.com/feed", fetched=FETCHED).items}
    assert items["Odd"].published == ""
    assert items["Fine"].published == "2025-07-01T10:00:00Z"


@pytest.mark.parametrize(("build", "field"), FIELDS, ids=FIELD_IDS)
def test_a_refresh_stores_every_feed_when_one_has_year_0_and_year_10000_dates(
    store: Store, httpserver: HTTPServer, build, field
):
    httpserver.expect_request("/zero").respond_with_data(build("0000-01-01T00:00:00Z", field))
    httpserver.expect_request("/huge").respond_with_data(build("10000-01-01T00:00:00Z", field))
    httpserver.expect_request("/good").respond_with_data(rss("Wed, 02 Jul 2025 10:00:00 GMT"))
    urls = [httpserver.url_for(p) for p in ("/zero", "/huge", "/good")]
    with closing(store.connect()) as conn:
        add_feeds(conn, [Subscription(u) for u in urls])
    report = refresh_all(store, Fetcher(connect_timeout=2, read_timeout=2, total_timeout=5), parse_processes=0)
    assert [o.status for o in report.outcomes] == ["updated"] * 3 and not report.all_failed
    with closing(store.connect()) as conn:
        rows = list_article_rows(conn, ArticleFilter(), limit=-1)
    assert len(rows) == 6
    assert sorted(r.published for r in rows if r.title == "Odd")[:2] == ["", ""]


DATE_TEXT = st.one_of(
    st.text(max_size=40),
    st.from_regex(
        r"\A-?[0-9]{1,6}-[0-9]{1,2}-[0-9]{1,2}(T[0-9]{1,2}:[0-9]{2}(:[0-9]{2})?(Z|[+-][0-9]{2}:?[0-9]{2})?)?\Z"
    ),
    st.from_regex(
        r"\A(Mon|Fri), [0-9]{1,2} (Jan|Dec|Foo) -?[0-9]{1,6} [0-9]{1,2}:[0-9]{2}:[0-9]{2} (GMT|[+-][0-9]{4}|EST)\Z"
    ),
)


def _xml_safe(text: str) -> str:
    return "".join(c for c in text if c in "\t\n\r" or 0x20 <= ord(c) < 0xD800 or 0xE000 <= ord(c) < 0xFFFE)


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


@given(text=DATE_TEXT)
@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_parse_date_gives_an_aware_utc_datetime_or_none(text):
    value = parse_date(text)
    assert value is None or (value.tzinfo is not None and value.utcoffset().total_seconds() == 0)


@given(text=DATE_TEXT, which=st.sampled_from(range(len(FIELDS))))
@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_any_date_text_in_any_field_gives_a_stored_date_or_unknown(text, which):
    build, field = FIELDS[which]
    text = _xml_safe(text)
    value = text if build is json_feed else _escape(text)
    try:
        items = parse_feed(build(value, field), "http://example.com/feed", fetched=FETCHED).items
    except ParseError:
        return  # a one-line "not a feed" is an answer too; anything else would escape and fail the test
    for item in items:
        if item.published:
            when = datetime.strptime(item.published, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=timezone.utc)
            assert datetime(1990, 1, 1, tzinfo=timezone.utc) <= when <= FETCHED.replace(day=3)
