"""The scale bench's cache: synthetic_cache's articles over many feeds, plus entities, bookmarks and views.

Everything goes in through the store's own functions: entities with `save_article_entities` (as the
entity process saves them) for a fifth of the articles, bookmarks with `set_bookmark` up to a fixed
number, saved views with `save_view`. Deterministic for a given size, so a kept cache is reused.
"""

from __future__ import annotations

import random
from contextlib import closing
from pathlib import Path

from synthetic_cache import NAMES, CacheInfo, build_cache

from spacereader.config import Settings
from spacereader.entities.extract import extractor_label, make_extractor
from spacereader.models import ArticleFilter, ExtractedEntity
from spacereader.store import Store
from spacereader.store.articles import count_articles, list_article_rows
from spacereader.store.bookmarks import set_bookmark
from spacereader.store.entities import save_article_entities
from spacereader.store.views import save_view, saved_queries

ENTITY_SHARE = 5
"""One article in this many gets entities."""
BOOKMARKS = 200
PEOPLE = ["Ada Lovelace", "Grace Hopper", "Linus Torvalds", "Katherine Johnson", "Aisha Bello", "Olga Ivanova"]
PLACES = ["London", "Lagos", "São Paulo", "Reykjavík", "Москва"]
ORGS = ["European Space Agency", "World Health Organization", "CERN", "Роскосмос"]
VIEWS = {
    "Unread": "is:unread",
    "Bookmarked": "is:bookmarked",
    "Lovelace": "entity:lovelace",
    "CERN unread": "entity:cern is:unread",
    "Satellites": "satellite",
    "Budget": "budget -vaccine",
    "Recent": "after:7d",
    "Feed 7": 'feed:"Example News 007"',
    "Launch orbit": "launch orbit",
    "Climate unread": "climate is:unread",
}


def _entities(rng: random.Random, article_id: int) -> list[ExtractedEntity]:
    """A few named entities, mostly the common ones, sometimes a rare one only this article names."""
    chosen: list[ExtractedEntity] = []
    for kind, pool in (("person", PEOPLE), ("place", PLACES), ("organisation", ORGS)):
        for name in rng.sample(pool, rng.randint(0, 2)):
            chosen.append(ExtractedEntity(name, kind, rng.randint(1, 4), rng.random(), key=name.casefold()))
    if rng.random() < 0.3:
        name = f"Person {article_id % 5000}"
        chosen.append(ExtractedEntity(name, "person", 1, 0.1, key=name.casefold()))
    return chosen


def build_scale_cache(data_dir: Path, articles: int, feeds: int) -> CacheInfo:
    """The cache `build_cache` makes, then entities for a fifth, BOOKMARKS bookmarks and the VIEWS."""
    info = build_cache(data_dir, articles, feeds=feeds)
    rng = random.Random(f"scale-{articles}-{feeds}")
    # Labelled as the configured extractor's, so the reader takes them as done and extracts the rest.
    label = extractor_label(make_extractor(Settings()))
    with closing(Store.open(data_dir).connect()) as conn:
        if saved_queries(conn) == VIEWS:
            return info  # a kept cache finished earlier
        rows = list_article_rows(conn, limit=-1)
        for row in rows[::ENTITY_SHARE]:
            save_article_entities(conn, row.id, _entities(rng, row.id), label)
        have = count_articles(conn, ArticleFilter(bookmarked_only=True))
        for row in rng.sample(rows, max(0, BOOKMARKS - have) * 2)[: max(0, BOOKMARKS - have)]:
            set_bookmark(conn, row.id, True)
        for name, query in VIEWS.items():
            save_view(conn, name, query)
    return info


assert all(name in NAMES for name in PEOPLE + PLACES + ORGS)
