"""Ignore rules: matched in memory exactly as search matches, applied at a real refresh against 127.0.0.1."""

from __future__ import annotations

import json
from contextlib import closing

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pytest_httpserver import HTTPServer

from spacereader.cli import main
from spacereader.entities.backlog import extract_backlog
from spacereader.ingest.fetch import Fetcher
from spacereader.ingest.ignore import IgnoreRules, sweep_entity_rules
from spacereader.ingest.refresh import refresh_all
from spacereader.models import ArticleFilter, Mention, NewArticle, QueryError, Subscription
from spacereader.search.matcher import Candidate, matches
from spacereader.search.query import parse_query, search_filter
from spacereader.store import Store
from spacereader.store.articles import list_article_rows, upsert_articles
from spacereader.store.bookmarks import set_bookmark
from spacereader.store.feeds import add_feeds, ensure_feed
from spacereader.store.ignored import count_pending_rules, ignored_counts, list_ignored

TEXTS = [
    ("Sponsored: the best VPN", "Brought to you by a partner.", "Ann"),
    ("Soyuz docks with the ISS", "The capsule docked at 9:22. Королёв watched.", "Boris"),
    ("Press release: new rocket", "A press release from the agency.", ""),
    ("Zoë’s café reopens", "Crème brûlée again; the sponsor is a bakery.", "Zoë"),
    ("Cosmonauts train", "Cosmology and cosmetics are different words.", ""),
    ("Rocket re-launch", "The e-mail said re:invent, 10:30 sharp.", "Press Office"),
]
QUERIES = [
    "sponsored", "sponsor*", "press release", '"press release"', "-press rocket", "королев", "zoe cafe",
    "cosmo*", '"re launch"', "10:30", 'feed:"Space Wire" soyuz', "feed:other", "docks -iss", "creme brulee",
    "after:2025-07-03", "before:2025-07-03 rocket", "is:read", "is:unread soyuz", "is:bookmarked", "e mail",
]  # fmt: skip


def test_matcher_agrees_with_the_search_index(store: Store):
    items = [
        NewArticle(guid=str(n), title=t, body=b, author=a, published=f"2025-07-0{n + 1}T10:00:00Z", content_hash=str(n))
        for n, (t, b, a) in enumerate(TEXTS)
    ]
    with closing(store.connect()) as conn:
        with conn:
            feed_id = ensure_feed(conn, "http://127.0.0.1/wire.xml", title="Space Wire")
            upsert_articles(conn, feed_id, items)
        ids = {row.title: row.id for row in list_article_rows(conn, ArticleFilter(), limit=-1)}
        sizes: list[int] = []
        for text in QUERIES:
            query = parse_query(text)
            view = search_filter(text, sort="date")
            found = {row.title for row in list_article_rows(conn, view, limit=-1)}  # type: ignore[arg-type]
            judged = {
                item.title
                for item in items
                if matches(
                    query,  # type: ignore[arg-type]
                    Candidate(
                        item.title, item.body, item.author, "Space Wire", "http://127.0.0.1/wire.xml", item.published
                    ),
                )
            }
            assert judged == found, text
            sizes.append(len(found))
        assert len(ids) == len(TEXTS)
        assert sum(1 for size in sizes if 0 < size < len(TEXTS)) >= 14  # most queries split the articles


def test_rules_that_do_not_parse_are_named_and_the_others_apply():
    rules = IgnoreRules.parse(["sponsored", "is:starred", "   ", "entity:Kim", "after:soon"])
    assert [text for text, _ in rules.now_rules] == ["sponsored"]
    assert [text for text, _ in rules.entity_rules] == ["entity:Kim"]
    assert rules.errors == (
        "ignore rule 'is:starred' does not parse (is:starred is unknown; use is:unread, is:read or is:bookmarked);"
        " the other rules apply",
        "ignore rule '   ' matches everything; left out",
        "ignore rule 'after:soon' does not parse (after: wants a date such as 2021-10-05 or 7d, not 'soon');"
        " the other rules apply",
    )


def rss(*items: tuple[str, str, str], title: str) -> bytes:
    body = "".join(
        f"<item><guid>{guid}</guid><title>{text}</title><link>http://example.com/{guid}</link>"
        f"<pubDate>Tue, 0{1 + i % 9} Jul 2025 10:00:00 GMT</pubDate><description>{about}</description></item>"
        for i, (guid, text, about) in enumerate(items)
    )
    return f'<?xml version="1.0"?><rss version="2.0"><channel><title>{title}</title>{body}</channel></rss>'.encode()


NEWS = rss(
    ("n1", "Soyuz docks", "A docking."),
    ("n2", "Sponsored: a VPN", "Paid for."),
    ("n3", "Press release: rocket", "From the press office."),
    ("n4", "Gala night", "Kim Kardashian attended the gala."),
    title="News",
)
PR = rss(("p1", "Press release: a new logo", "Words."), ("p2", "Launch date set", "Soon."), title="Agency wire")
RULES = ["sponsored", 'feed:agency "press release"', 'entity:"Kim Kardashian"', "is:starred"]


class NameFinder:
    """Finds fixed names by substring: the test decides exactly which articles name whom."""

    name = "names"
    version = "1"

    def warm_up(self) -> None:
        """Nothing to load."""

    def extract(self, text: str) -> list[Mention]:
        start = text.find("Kim Kardashian")
        return [Mention(start, start + 14, "Kim Kardashian", "PERSON")] if start >= 0 else []


def serve(store: Store, httpserver: HTTPServer) -> None:
    httpserver.expect_request("/news").respond_with_data(NEWS, content_type="application/rss+xml")
    httpserver.expect_request("/agency").respond_with_data(PR, content_type="application/rss+xml")
    with closing(store.connect()) as conn:
        add_feeds(conn, [Subscription(httpserver.url_for("/news")), Subscription(httpserver.url_for("/agency"))])


def titles(store: Store) -> set[str]:
    with closing(store.connect()) as conn:
        return {row.title for row in list_article_rows(conn, ArticleFilter(), limit=-1)}


def test_refresh_keeps_matches_out_counts_them_once_and_entity_rules_follow_extraction(store, httpserver):
    serve(store, httpserver)
    rules = IgnoreRules.parse(RULES)
    fetcher = Fetcher(connect_timeout=2, read_timeout=2, total_timeout=5)
    report = refresh_all(store, fetcher, ignore_rules=rules)
    assert report.ignored == 2 and "6 new articles" not in report.summary()
    assert report.summary().startswith("2 feeds refreshed, 4 new articles, 2 ignored")
    # The news feed's press release stays: the rule is for the agency's feed only.
    assert titles(store) == {"Soyuz docks", "Press release: rocket", "Gala night", "Launch date set"}
    again = refresh_all(store, fetcher, ignore_rules=rules)  # same items served again
    assert again.ignored == 0 and again.new_items == 0
    assert titles(store) == {"Soyuz docks", "Press release: rocket", "Gala night", "Launch date set"}

    with closing(store.connect()) as conn:
        assert count_pending_rules(conn) == 4  # waiting for extraction
        assert sweep_entity_rules(conn, rules) == []  # nothing extracted yet: nothing judged
    extract_backlog(store, NameFinder())  # type: ignore[arg-type]
    with closing(store.connect()) as conn:
        removed = sweep_entity_rules(conn, rules)
        assert len(removed) == 1 and count_pending_rules(conn) == 0
        rows = list_ignored(conn)
        counts = ignored_counts(conn)
    assert titles(store) == {"Soyuz docks", "Press release: rocket", "Launch date set"}
    assert [(r.title, r.rule) for r in rows] == [
        ("Gala night", 'entity:"Kim Kardashian"'),
        ("Press release: a new logo", 'feed:agency "press release"'),
        ("Sponsored: a VPN", "sponsored"),
    ]
    assert sorted(counts.values()) == [1, 2]


def test_an_entity_rule_leaves_a_bookmarked_article_alone(store, httpserver):
    serve(store, httpserver)
    rules = IgnoreRules.parse(['entity:"Kim Kardashian"'])
    refresh_all(store, Fetcher(connect_timeout=2, read_timeout=2, total_timeout=5), ignore_rules=rules)
    with closing(store.connect()) as conn:
        gala = next(r for r in list_article_rows(conn, ArticleFilter(), limit=-1) if r.title == "Gala night")
        set_bookmark(conn, gala.id, True)
    extract_backlog(store, NameFinder())  # type: ignore[arg-type]
    with closing(store.connect()) as conn:
        assert sweep_entity_rules(conn, rules) == []
    assert "Gala night" in titles(store)


@pytest.fixture
def config(tmp_path):
    path = tmp_path / "config.toml"
    path.write_text("[ignore]\nrules = [" + ", ".join(json.dumps(r) for r in RULES) + "]\n", encoding="utf-8")
    return path


def cli(capsys, tmp_path, config, *args):
    code = main(["--data-dir", str(tmp_path / "data"), "--config", str(config), *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_cli_refresh_feeds_and_ignored_commands(capsys, tmp_path, config, httpserver):
    cli(capsys, tmp_path, config, "feeds")
    serve(Store.open(tmp_path / "data"), httpserver)
    code, out, err = cli(capsys, tmp_path, config, "refresh")
    assert code == 0
    assert out == "2 feeds refreshed, 4 new articles, 2 ignored, 0 failed\n"
    assert err == (
        f"spacereader: config {config} line 2: ignore rule 'is:starred' does not parse (is:starred is unknown;"
        " use is:unread, is:read or is:bookmarked); the other rules apply\n"
    )
    code, out, _ = cli(capsys, tmp_path, config, "feeds", "--json")
    assert {row["title"]: row["ignored"] for row in json.loads(out)} == {"News": 1, "Agency wire": 1}
    code, out, _ = cli(capsys, tmp_path, config, "ignored", "--json")
    rows = json.loads(out)
    assert [(r["feed"], r["title"], r["rule"]) for r in rows] == [
        ("Agency wire", "Press release: a new logo", 'feed:agency "press release"'),
        ("News", "Sponsored: a VPN", "sponsored"),
    ]
    assert rows[0]["url"] == "http://example.com/p1" and rows[0]["guid"] == "p1"
    code, out, _ = cli(capsys, tmp_path, config, "ignored")
    assert "Sponsored: a VPN  (rule: sponsored)" in out


def test_cli_add_applies_the_rules_to_the_first_fetch(capsys, tmp_path, config, httpserver):
    httpserver.expect_request("/news").respond_with_data(NEWS, content_type="application/rss+xml")
    code, out, err = cli(capsys, tmp_path, config, "add", httpserver.url_for("/news"))
    assert code == 0 and out.endswith("(3 articles)\n")
    assert "Sponsored: a VPN" not in titles(Store.open(tmp_path / "data"))
    code, out, _ = cli(capsys, tmp_path, config, "ignored", "--json")
    assert [r["rule"] for r in json.loads(out)] == ["sponsored"]


VOCABULARY = [
    "sponsored", "soyuz", "docks", "iss", "press", "release", "rocket", "zoë", "cafe", "crème", "королев",
    "cosmo", "re", "launch", "10", "30", "mail", "agency", "the", "body",
]  # fmt: skip


@pytest.fixture(scope="module")
def indexed(tmp_path_factory):
    """The TEXTS articles in a real cache with its search index, shared by the property's examples."""
    store = Store.open(tmp_path_factory.mktemp("matcher") / "data")
    items = [
        NewArticle(guid=str(n), title=t, body=b, author=a, published=f"2025-07-0{n + 1}T10:00:00Z", content_hash=str(n))
        for n, (t, b, a) in enumerate(TEXTS)
    ]
    with closing(store.connect()) as conn, conn:
        feed_id = ensure_feed(conn, "http://127.0.0.1/wire.xml", title="Space Wire")
        upsert_articles(conn, feed_id, items)
    return store, items


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    st.lists(
        st.tuples(st.sampled_from(["", "-", '"']), st.lists(st.sampled_from(VOCABULARY), min_size=1, max_size=3),
                  st.booleans()),
        min_size=1, max_size=3,
    )
)  # fmt: skip
def test_any_query_of_words_phrases_prefixes_and_exclusions_matches_as_search_does(indexed, parts):
    store, items = indexed
    tokens = []
    for kind, words_, prefix in parts:
        text = " ".join(words_)
        if kind == '"':
            tokens.append(f'"{text}"' + ("*" if prefix and len(words_[-1]) > 2 else ""))
        else:
            tokens.append(kind + words_[0] + ("*" if prefix and len(words_[0]) > 2 else ""))
    text = " ".join(tokens)
    query = parse_query(text)
    view = search_filter(text, sort="date")
    if isinstance(query, QueryError) or isinstance(view, QueryError):
        return
    with closing(store.connect()) as conn:
        found = {row.title for row in list_article_rows(conn, view, limit=-1)}
    judged = {
        item.title
        for item in items
        if matches(query, Candidate(item.title, item.body, item.author, "Space Wire", "", item.published))
    }
    assert judged == found, text
