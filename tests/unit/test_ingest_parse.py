"""parse_feed on hand-written documents: formats, fallbacks, guids, dates, errors."""

from __future__ import annotations

import json
from datetime import datetime, timezone

import pytest

from spacereader.ingest.parse import ParseError, parse_feed
from spacereader.models import Enclosure

FETCHED = datetime(2026, 1, 2, 3, 4, 5, tzinfo=timezone.utc)


def rss(items: str, extra: str = "") -> bytes:
    return f"""<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Feed &amp; co</title>
<link>http://example.com/</link>{extra}{items}</channel></rss>""".encode()


ITEM = """<item><title>Hello</title><link>http://example.com/1</link><guid>g-1</guid>
<pubDate>Tue, 03 Jun 2025 11:39:21 +0200</pubDate><description>&lt;p&gt;Body &lt;a href="/x"&gt;x&lt;/a&gt;&lt;/p&gt;</description>
<enclosure url="http://example.com/a.mp3" type="audio/mpeg" length="1234567"/></item>"""


def test_a_plain_rss_feed_takes_the_fast_path():
    feed = parse_feed(rss(ITEM), "http://example.com/feed", fetched=FETCHED)
    assert feed.parser == "fastfeedparser"
    assert feed.title == "Feed & co" and feed.site_url == "http://example.com/"
    [item] = feed.items
    assert (item.guid, item.title, item.url) == ("g-1", "Hello", "http://example.com/1")
    assert item.published == "2025-06-03T09:39:21Z"
    assert item.body == "Body x [1]\n\n[1] http://example.com/x"
    assert item.enclosures == (Enclosure("http://example.com/a.mp3", "audio/mpeg", 1234567),)
    assert item.enclosures[0].details == "audio/mpeg, 1.2 MB"
    assert item.content_hash


def test_relative_links_go_to_feedparser_and_are_resolved_against_the_feed_url():
    doc = rss("<item><title>Rel</title><link>/post/1</link><pubDate>Tue, 03 Jun 2025 09:39:21 GMT</pubDate></item>")
    feed = parse_feed(doc, "http://example.com/feeds/main.xml", fetched=FETCHED)
    assert feed.parser == "feedparser"
    assert feed.items[0].url == "http://example.com/post/1"


def test_guid_falls_back_to_the_link_then_to_a_hash_of_title_and_date():
    doc = rss(
        "<item><title>Linked</title><link>http://example.com/2</link><pubDate>Tue, 03 Jun 2025 09:39:21 GMT</pubDate></item>"
        "<item><title>Bare</title><pubDate>Tue, 03 Jun 2025 09:39:21 GMT</pubDate></item>"
    )
    linked, bare = parse_feed(doc, fetched=FETCHED).items
    assert linked.guid == "http://example.com/2"
    assert bare.guid.startswith("hash:")
    assert parse_feed(doc, fetched=datetime(2026, 5, 5, tzinfo=timezone.utc)).items[1].guid == bare.guid


def test_absent_and_absurd_dates_are_stored_as_unknown_never_as_the_fetch_time():
    doc = rss(
        "<item><title>Undated</title><link>http://example.com/u</link></item>"
        "<item><title>Future</title><link>http://example.com/f</link><pubDate>Fri, 01 Jan 2100 00:00:00 GMT</pubDate></item>"
    )
    undated, future = parse_feed(doc, fetched=FETCHED).items
    assert undated.published == future.published == ""
    later = parse_feed(doc, fetched=datetime(2026, 2, 1, tzinfo=timezone.utc)).items[0]
    assert later.content_hash == undated.content_hash


def test_atom_and_rdf_are_read():
    atom = b"""<feed xmlns="http://www.w3.org/2005/Atom"><title>A</title><link href="http://a.example/"/>
<entry><id>urn:1</id><title type="html">&lt;b&gt;Bold&lt;/b&gt;</title><link href="http://a.example/1"/>
<updated>2024-02-29T12:00:00-05:00</updated><content type="html">&lt;p&gt;x&lt;/p&gt;</content></entry></feed>"""
    [entry] = parse_feed(atom, fetched=FETCHED).items
    assert (entry.guid, entry.title, entry.published) == ("urn:1", "Bold", "2024-02-29T17:00:00Z")
    rdf = b"""<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/">
<channel rdf:about="http://r.example/"><title>R</title><link>http://r.example/</link></channel>
<item rdf:about="http://r.example/1"><title>Item</title><link>http://r.example/1</link></item></rdf:RDF>"""
    assert [i.title for i in parse_feed(rdf, fetched=FETCHED).items] == ["Item"]


def test_json_feed_1_1_is_read_with_authors_and_attachments():
    doc = {
        "version": "https://jsonfeed.org/version/1.1", "title": "J", "home_page_url": "https://j.example/",
        "items": [{"id": 7, "url": "https://j.example/7", "title": "Seven", "content_html": "<p>hi</p>",
                   "date_published": "2024-01-01T10:00:00+01:00", "authors": [{"name": "Ann"}],
                   "attachments": [{"url": "https://j.example/7.mp3", "mime_type": "audio/mpeg"}]}],
    }  # fmt: skip
    feed = parse_feed(json.dumps(doc).encode(), fetched=FETCHED)
    [item] = feed.items
    assert feed.parser == "jsonfeed" and feed.title == "J"
    assert (item.guid, item.author, item.body, item.published) == ("7", "Ann", "hi", "2024-01-01T09:00:00Z")
    assert item.enclosures == (Enclosure("https://j.example/7.mp3", "audio/mpeg"),)


@pytest.mark.parametrize(
    ("body", "reason"),
    [
        (b"", "empty"),
        (b"   \n", "empty"),
        (b"<!DOCTYPE html><html><body>hi</body></html>", "HTML"),
        (b"<html><head><title>x</title></head></html>", "HTML"),
        (b"<note><to>x</to></note>", "not a feed"),
        (b"{not json", "not a feed"),
    ],
)
def test_empty_bodies_and_html_pages_are_not_feeds(body: bytes, reason: str):
    with pytest.raises(ParseError, match=reason):
        parse_feed(body)


def test_a_bozo_feed_whose_entries_parse_is_accepted():
    doc = rss("<item><title>Raw & ampersand</title><link>http://example.com/a</link></item>")
    assert [i.title for i in parse_feed(doc, fetched=FETCHED).items] == ["Raw & ampersand"]


def test_a_valid_feed_with_no_items_is_empty_not_an_error():
    assert parse_feed(rss(""), fetched=FETCHED).items == []


def test_control_and_bidi_characters_never_reach_titles():
    doc = rss("<item><title>a\u202eb\u0007c</title><link>http://example.com/c</link></item>")
    assert parse_feed(doc, fetched=FETCHED).items[0].title == "abc"


def test_the_content_hash_is_the_one_stored_caches_hold():
    """Each field then a 0x1f byte, hashed with SHA-256: any other bytes would rewrite every stored article."""
    import hashlib
    from datetime import datetime, timezone

    from spacereader.ingest.entries import RawEntry, to_article

    entry = RawEntry(guid="g", link="http://x.example/a", title="Zoë \ud800", author="A", date_text="2025-01-02T03:04:05Z",
                     content_html="<p>body <a href='/l'>l</a></p>", summary_html="<p>sum</p>",
                     enclosures=(("http://x.example/e.mp3", "audio/mpeg", "12"),))  # fmt: skip
    article = to_article(entry, datetime(2026, 1, 1, tzinfo=timezone.utc))
    media = '[{"url": "http://x.example/e.mp3", "type": "audio/mpeg", "length": 12}]'
    digest = hashlib.sha256()
    for part in (article.url, article.title, article.author, article.published, article.summary, article.body, media):
        digest.update(part.encode("utf-8", "surrogatepass") + b"\x1f")
    assert article.content_hash == digest.hexdigest()
