"""Saving entities to a real cache file, and the cross-article queries the sidebar uses."""

from __future__ import annotations

import sqlite3
from contextlib import closing

import pytest

from spacereader.entities.backlog import extract_backlog
from spacereader.entities.extract import SpacyExtractor, extractor_label
from spacereader.models import ExtractedEntity, NewArticle
from spacereader.store import Store
from spacereader.store import entities as store_entities
from spacereader.store.articles import upsert_articles
from spacereader.store.feeds import ensure_feed
from tests.spacy_model import loaded_extractor


@pytest.fixture
def spacy_extractor() -> SpacyExtractor:
    """The real pipeline, loaded once per run and shared."""
    return loaded_extractor()


def found(name: str, kind: str, count: int = 1, salience: float = 1.0, key: str = "", ambiguous: bool = False):
    return ExtractedEntity(name, kind, count, salience, key or name.casefold(), ambiguous)


@pytest.fixture
def articles(conn: sqlite3.Connection) -> list[int]:
    """Three articles on three days in one feed; ids in insertion order."""
    with conn:
        feed_id = ensure_feed(conn, "http://127.0.0.1/feed.xml", title="Test feed")
        upsert_articles(conn, feed_id, [
            NewArticle(guid=f"g{n}", title=f"Story {n}", published=f"2024-05-0{n}T08:00:00Z", body=f"Body {n}.")
            for n in (1, 2, 3)
        ])  # fmt: skip
    return [r[0] for r in conn.execute("SELECT id FROM articles ORDER BY guid")]


def test_save_replaces_rows_and_records_the_extractor(conn, articles) -> None:
    first = articles[0]
    store_entities.save_article_entities(
        conn, first, [found("Ada Obi", "person", 3, 5.0), found("Oslo", "place")], "x==1"
    )
    assert [(e.name, e.kind, e.count) for e in store_entities.entities_for_article(conn, first)] == [
        ("Ada Obi", "person", 3), ("Oslo", "place", 1)
    ]  # fmt: skip
    assert store_entities.extraction_state(conn, first) == "x==1"
    store_entities.save_article_entities(conn, first, [found("Oslo", "place", 2)], "x==2")
    assert [(e.name, e.count) for e in store_entities.entities_for_article(conn, first)] == [("Oslo", 2)]
    assert store_entities.extraction_state(conn, first) == "x==2"
    # The entity no article names any more is gone.
    assert conn.execute("SELECT count(*) FROM entities WHERE key = 'ada obi'").fetchone()[0] == 0


def test_one_row_per_key_across_articles_with_the_fullest_name(conn, articles) -> None:
    store_entities.save_article_entities(conn, articles[0], [found("US", "place", key="united states")], "x==1")
    store_entities.save_article_entities(
        conn, articles[1], [found("United States", "place", key="united states")], "x==1"
    )
    (entity,) = store_entities.find_entities(conn, "U.S.", key="united states")
    assert (entity.name, entity.count) == ("United States", 2)


def test_type_is_the_cache_wide_majority_when_an_article_is_ambiguous(conn, articles) -> None:
    store_entities.save_article_entities(conn, articles[0], [found("Zorlan", "organisation")], "x==1")
    store_entities.save_article_entities(conn, articles[1], [found("Zorlan", "organisation")], "x==1")
    store_entities.save_article_entities(conn, articles[2], [found("Zorlan", "person", ambiguous=True)], "x==1")
    assert store_entities.entities_for_article(conn, articles[2])[0].kind == "organisation"
    assert store_entities.entities_for_article(conn, articles[0])[0].kind == "organisation"


def test_lone_surname_links_to_the_one_person_with_that_surname(conn, articles) -> None:
    store_entities.save_article_entities(conn, articles[0], [found("Vladimir Putin", "person")], "x==1")
    store_entities.save_article_entities(conn, articles[1], [found("Putin", "person")], "x==1")
    (entity,) = store_entities.find_entities(conn, "Putin", key="putin")
    assert (entity.name, entity.count) == ("Vladimir Putin", 2)


def test_backlog_order_open_article_first_then_newest(conn, articles) -> None:
    assert store_entities.articles_needing_extraction(conn, "x==1", 10) == articles[::-1]
    assert store_entities.articles_needing_extraction(conn, "x==1", 2, first_id=articles[0]) == [
        articles[0],
        articles[2],
    ]
    store_entities.save_article_entities(conn, articles[2], [], "x==1")
    assert store_entities.articles_needing_extraction(conn, "x==1", 10) == articles[1::-1]
    # A new extractor version makes every article due again.
    assert len(store_entities.articles_needing_extraction(conn, "x==2", 10)) == 3


def test_backlog_shares_split_the_articles_without_overlap(conn, articles) -> None:
    shares = [store_entities.articles_needing_extraction(conn, "x==1", 10, share=(k, 2)) for k in range(2)]
    assert sorted(shares[0] + shares[1]) == sorted(articles)
    assert all(i % 2 == k for k, share in enumerate(shares) for i in share)
    # A requested article comes first whichever share it belongs to.
    odd_one = next(i for i in articles if i % 2 == 1)
    assert store_entities.articles_needing_extraction(conn, "x==1", 10, odd_one, share=(0, 2))[0] == odd_one


def test_counts_by_day_are_dense_and_end_at_the_latest_mention(conn, articles) -> None:
    store_entities.save_article_entities(conn, articles[0], [found("Oslo", "place", 2)], "x==1")
    store_entities.save_article_entities(conn, articles[2], [found("Oslo", "place", 5)], "x==1")
    (oslo,) = store_entities.find_entities(conn, "Oslo", key="oslo")
    assert store_entities.mention_counts_by_day(conn, oslo.id, days=4) == [
        ("2024-04-30", 0), ("2024-05-01", 2), ("2024-05-02", 0), ("2024-05-03", 5)
    ]  # fmt: skip
    assert store_entities.mention_counts_by_day(conn, oslo.id, days=2, until="2024-05-02T00:00:00Z") == [
        ("2024-05-01", 2), ("2024-05-02", 0)
    ]  # fmt: skip


def test_co_mentioned_ranks_by_shared_articles(conn, articles) -> None:
    store_entities.save_article_entities(
        conn, articles[0], [found("Oslo", "place"), found("Ada Obi", "person"), found("Acme", "organisation")], "x==1"
    )
    store_entities.save_article_entities(
        conn, articles[1], [found("Oslo", "place"), found("Ada Obi", "person")], "x==1"
    )
    (oslo,) = store_entities.find_entities(conn, "Oslo", key="oslo")
    assert [(e.name, e.count) for e in store_entities.co_mentioned(conn, oslo.id)] == [("Ada Obi", 2), ("Acme", 1)]


def test_backlog_extracts_everything_and_stops_when_asked(seeded_store: Store, spacy_extractor) -> None:
    with closing(seeded_store.connect()) as conn, conn:
        feed_id = ensure_feed(conn, "http://127.0.0.1/feed.xml")
        upsert_articles(conn, feed_id, [
            NewArticle(guid=f"b{n}", title="", published=f"2024-05-0{n}T00:00:00Z",
                       body=f"Angela Merkel visited Paris {n} times.")
            for n in (1, 2, 3)
        ])  # fmt: skip
    stopped = extract_backlog(seeded_store, spacy_extractor, batch=2, should_stop=lambda: True)
    assert stopped.stopped and stopped.done == 0 and stopped.remaining == 4
    progress = []
    counts = extract_backlog(seeded_store, spacy_extractor, first_id=1, batch=2, on_progress=progress.append)
    assert (counts.done, counts.remaining, counts.stopped) == (4, 0, False)
    assert progress[-1].remaining == 0
    with closing(seeded_store.connect()) as conn:
        merkel = store_entities.find_entities(conn, "Angela Merkel")[0]
        assert (merkel.kind, merkel.count) == ("person", 3)
        assert extract_backlog(seeded_store, spacy_extractor).done == 0


def test_backlog_reads_articles_together_and_one_by_one_alike(seeded_store: Store, spacy_extractor) -> None:
    from spacereader.entities.backlog import extract_article, extract_articles
    from spacereader.store import articles as store_articles

    bodies = ["Angela Merkel visited Paris.", "Rovers beat Barrow.\n\nBarrow 1 Garthwaite Rovers 3", "No names."]
    with closing(seeded_store.connect()) as conn, conn:
        feed_id = ensure_feed(conn, "http://127.0.0.1/feed.xml")
        upsert_articles(conn, feed_id, [
            NewArticle(guid=f"t{n}", title="", published=f"2024-06-0{n + 1}T00:00:00Z", body=body)
            for n, body in enumerate(bodies)
        ])  # fmt: skip
        ids = store_entities.articles_needing_extraction(conn, "none yet", 10)
        ids = sorted(i for i in ids if store_articles.get_article(conn, i).body in bodies)
        assert len(ids) == 3
        assert extract_articles(conn, spacy_extractor, [*ids, 10_000]) == ids  # no such article: skipped
        together = [store_entities.entities_for_article(conn, i) for i in ids]
        one_by_one = [extract_article(conn, spacy_extractor, i) for i in ids]
    assert together == one_by_one and together[2] == []
    assert {(e.name, e.kind) for e in together[1]} >= {("Garthwaite Rovers", "organisation")}


class BreakingExtractor:
    """Labels "Oslo" a place and raises ValueError on a text containing "BREAKS", as spaCy does on text it cannot
    process; it reads several texts at once like the spaCy extractor."""

    name, version = "breaking", "1"

    def extract(self, text: str):
        from spacereader.models import Mention

        if "BREAKS" in text:
            raise ValueError("cannot process")
        start = text.find("Oslo")
        return [Mention(start, start + 4, "Oslo", "GPE")] if start >= 0 else []

    def extract_many(self, texts: list[str]):
        return [self.extract(text) for text in texts]


def test_an_article_the_model_cannot_read_fails_alone(seeded_store: Store) -> None:
    with closing(seeded_store.connect()) as conn, conn:
        feed_id = ensure_feed(conn, "http://127.0.0.1/feed.xml")
        upsert_articles(conn, feed_id, [
            NewArticle(guid=f"x{n}", title="", published=f"2024-07-0{n + 1}T00:00:00Z",
                       body="It BREAKS in Oslo." if n == 2 else f"Oslo, day {n}.")
            for n in range(6)
        ])  # fmt: skip
    counts = extract_backlog(seeded_store, BreakingExtractor())
    assert (counts.done, counts.failed) == (6, 1)  # the seed article and five of the six; the rest carried on
    with closing(seeded_store.connect()) as conn:
        assert store_entities.find_entities(conn, "Oslo")[0].count == 5


class CountingExtractor:
    """A stand-in extractor that labels every "Oslo" a place and counts its calls."""

    name = "counting"

    def __init__(self, version: str) -> None:
        self.version = version
        self.calls = 0

    def extract(self, text: str):
        from spacereader.models import Mention

        self.calls += 1
        start = text.find("Oslo")
        return [Mention(start, start + 4, "Oslo", "GPE")] if start >= 0 else []


def test_cached_entities_are_reused_until_the_extractor_version_changes(conn) -> None:
    from spacereader.entities.backlog import load_or_extract_entities

    with conn:
        feed_id = ensure_feed(conn, "http://127.0.0.1/feed.xml")
        upsert_articles(
            conn, feed_id, [NewArticle(guid="o", title="", published="2024-05-01T00:00:00Z", body="Oslo won.")]
        )
    article_id = conn.execute("SELECT id FROM articles").fetchone()[0]
    first = CountingExtractor("1")
    assert [(e.name, e.kind) for e in load_or_extract_entities(conn, first, article_id)] == [("Oslo", "place")]
    load_or_extract_entities(conn, first, article_id)
    assert first.calls == 1
    second = CountingExtractor("2")
    load_or_extract_entities(conn, second, article_id)
    assert second.calls == 1 and store_entities.extraction_state(conn, article_id) == extractor_label(second)
    assert load_or_extract_entities(conn, second, 12345) is None
