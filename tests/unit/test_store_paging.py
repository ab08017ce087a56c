"""Paging the article list: every page at any offset holds the rows of the full listing, in order."""

from __future__ import annotations

from spacereader.models import ArticleFilter, NewArticle
from spacereader.store.articles import list_article_rows, set_read, upsert_articles
from spacereader.store.bookmarks import set_bookmark
from spacereader.store.feeds import ensure_feed


def fill(conn, feeds: int = 3, per_feed: int = 40) -> None:
    """Several feeds of articles sharing a handful of dates."""
    for number in range(feeds):
        # Repeated dates make the id the tie-breaker, which paging must respect too.
        items = [
            NewArticle(guid=f"g{number}-{i}", title=f"t{number}-{i}", published=f"2026-01-0{1 + i % 7}", body="b")
            for i in range(per_feed)
        ]
        with conn:
            feed_id = ensure_feed(conn, f"https://example.org/{number}.xml")
            upsert_articles(conn, feed_id, items)


def test_pages_at_every_offset_match_the_full_listing(conn):
    fill(conn)
    everything = list_article_rows(conn, limit=-1)
    for row in everything[::3]:
        set_read(conn, row.id, True)
    for row in everything[::11]:
        set_bookmark(conn, row.id, True)
    views = (
        ArticleFilter(),
        ArticleFilter(unread_only=True),
        ArticleFilter(feed_id=2),
        ArticleFilter(bookmarked_only=True),
    )
    for view in views:
        full = list_article_rows(conn, view, limit=-1)
        assert full
        for size in (1, 7, 32):
            paged = []
            for offset in range(0, len(full) + size, size):
                paged.extend(list_article_rows(conn, view, offset=offset, limit=size))
            assert paged == full, (view, size)
        assert list_article_rows(conn, view, offset=5, limit=-1) == full[5:]
