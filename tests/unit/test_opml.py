"""OPML: every corpus file imports or fails clearly; safe parsing; export round-trips folders."""

from __future__ import annotations

from pathlib import Path

import pytest

from spacereader.ingest.opml import OpmlError, read_opml, write_opml
from spacereader.models import Feed
from tests.conftest import corpus_dir


def opml_files() -> list[Path]:
    return sorted(p for p in corpus_dir("opml").rglob("*") if p.is_file())


def test_every_corpus_opml_file_imports_or_fails_with_a_one_line_reason():
    imported = 0
    for path in opml_files():
        try:
            subscriptions, warnings = read_opml(path.read_bytes())
        except OpmlError as error:
            assert str(error) and "\n" not in str(error), path
            continue
        imported += 1
        assert all(s.url.startswith(("http://", "https://")) for s in subscriptions), path
        assert len({s.url for s in subscriptions}) == len(subscriptions), path
        assert all("\n" not in w for w in warnings)
    assert imported >= 30


def test_malformed_awesome_rss_feeds_lists_import_every_feed_with_folders():
    root = corpus_dir("opml", "awesome-rss-feeds")
    for path in sorted(root.rglob("*.opml")):
        data = path.read_bytes()
        subscriptions, _ = read_opml(data)
        assert len(subscriptions) == data.lower().count(b"xmlurl="), path.name
    tech, warnings = read_opml((root / "recommended/with_category/Tech.opml").read_bytes())
    assert {s.folder for s in tech} == {"Tech"}
    assert any("not well-formed" in w for w in warnings)
    russia, _ = read_opml((root / "countries/with_category/Russia.opml").read_bytes())
    assert any("Коммерсантъ" in s.title for s in russia)


def test_non_http_urls_are_named_in_a_warning_and_duplicates_dropped():
    data = b"""<opml version="2.0"><body>
    <outline text="a" xmlUrl="http://a.example/feed"/><outline text="a again" xmlUrl="http://a.example/feed"/>
    <outline text="pipe" xmlUrl="|~/script.sh"/><outline text="local" xmlUrl="file:///etc/passwd"/>
    </body></opml>"""
    subscriptions, warnings = read_opml(data)
    assert [s.url for s in subscriptions] == ["http://a.example/feed"]
    assert len(warnings) == 2 and "file:///etc/passwd" in warnings[1]


def test_entity_declarations_are_refused_not_expanded():
    data = corpus_dir("feeds", "defusedxml").joinpath("xmlbomb.xml").read_bytes()
    with pytest.raises(OpmlError, match="unsafe"):
        read_opml(data)


def test_nothing_to_import_is_an_error():
    with pytest.raises(OpmlError, match="no http"):
        read_opml(b"<opml><body><outline text='folder only'/></body></opml>")


def test_export_round_trips_urls_titles_and_nested_folders():
    feeds = [
        Feed(1, "spacereader:seeds", "seeds", kind="seed"),
        Feed(2, "http://a.example/feed?x=1&y=2", 'Quotes "and" <tags>', folder="News/World"),
        Feed(3, "https://b.example/atom", "", folder=""),
        Feed(4, "https://c.example/rss", "C", folder="News"),
    ]
    document = write_opml(feeds)
    assert 'version="2.0"' in document
    subscriptions, warnings = read_opml(document.encode())
    assert warnings == []
    assert {(s.url, s.title, s.folder) for s in subscriptions} == {
        ("http://a.example/feed?x=1&y=2", 'Quotes "and" <tags>', "News/World"),
        ("https://b.example/atom", "", ""),
        ("https://c.example/rss", "C", "News"),
    }
