"""Shared fixtures: a real cache file per test, and the shared corpus when it is beside the repo."""

from __future__ import annotations

from contextlib import closing
from pathlib import Path

import pytest

from spacereader.ingest.seeds import import_seeds
from spacereader.paths import seeds_dir
from spacereader.store import Store

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
CORPUS = SHARED / "corpus"


def corpus_dir(*parts: str) -> Path:
    """A folder of the shared corpus, or skip: a user's clone has no ../shared."""
    path = CORPUS.joinpath(*parts)
    if not path.is_dir():
        pytest.skip(f"shared corpus not found at {path} (it sits beside the repo only in CI and development)")
    return path


SLOW_DIRS = ("ui", "snapshots")
"""Pilot and snapshot tests run the whole app (seconds each): `-m "not slow"` leaves them out."""


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark the slow tests: every test of a slow folder, and the wheel build."""
    for item in items:
        folder = Path(str(item.fspath)).parent.name
        if folder in SLOW_DIRS or item.get_closest_marker("packaging"):
            item.add_marker(pytest.mark.slow)


@pytest.fixture
def store(tmp_path: Path) -> Store:
    """A migrated, empty cache in a temp folder."""
    return Store.open(tmp_path / "data")


@pytest.fixture
def seeded_store(store: Store) -> Store:
    """A cache holding the shipped seed articles."""
    with closing(store.connect()) as conn:
        import_seeds(conn, seeds_dir())
    return store


@pytest.fixture
def conn(store: Store):
    """A connection to the empty cache, closed after the test."""
    with closing(store.connect()) as connection:
        yield connection


def add_articles(
    store: Store,
    count: int,
    *,
    feed_url: str = "http://127.0.0.1/feed.xml",
    feed_title: str = "Test Feed",
    titles: list[str] | None = None,
    url: str = "https://example.org/{n}",
) -> list[int]:
    """Insert `count` articles into one feed, newest first by index; returns their ids in list order."""
    from spacereader.models import ArticleFilter, NewArticle
    from spacereader.store.articles import list_article_rows, upsert_articles
    from spacereader.store.feeds import ensure_feed

    items = [
        NewArticle(
            guid=f"guid-{n}",
            title=(titles[n] if titles else f"Article number {n}"),
            published=f"2026-01-{28 - (n % 28):02d}T{23 - (n // 28) % 24:02d}:00:00Z",
            body=f"Paragraph one of article {n}.\n\nParagraph two of article {n}.",
            url=url.format(n=n),
            content_hash=f"hash-{n}",
        )
        for n in range(count)
    ]
    with closing(store.connect()) as conn:
        with conn:
            feed_id = ensure_feed(conn, feed_url, title=feed_title)
            upsert_articles(conn, feed_id, items)
        return [r.id for r in list_article_rows(conn, ArticleFilter(feed_id=feed_id), limit=-1)]


@pytest.fixture(scope="session")
def httpserver_listen_address() -> tuple[str, int]:
    """pytest-httpserver on the IPv4 loopback, never a name that might resolve elsewhere."""
    return ("127.0.0.1", 0)
