"""Fetching an article's web page and keeping its main text: for `F`, `show --full` and full-text feeds.

Pages are fetched with the feeds' Fetcher, so the same limits hold: http(s) only, redirects checked and
counted, timeouts, a size cap. Only the page itself is requested: nothing it links to (scripts, images,
styles) is ever fetched, and no script runs.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from contextlib import closing
from dataclasses import dataclass

from spacereader.ingest.fetch import Fetcher, FetchError
from spacereader.ingest.page_text import PageTextError, is_html, main_text
from spacereader.links import LinkError, check_link
from spacereader.store import Store
from spacereader.store.articles import get_article
from spacereader.store.page_text import articles_wanting_pages, record_page_failure, save_page_text

PAGE_ACCEPT = "text/html, application/xhtml+xml;q=0.9, */*;q=0.1"
PAGES_PER_REFRESH = 100
"""At most this many pages are fetched in one refresh (newest articles first); the rest wait for the next."""


@dataclass(frozen=True, slots=True)
class FullTextOutcome:
    """What fetching one article's page came to: `reason` is "" when its text is now the body."""

    article_id: int
    reason: str = ""

    @property
    def ok(self) -> bool:
        """The page's text was kept."""
        return not self.reason


async def page_text(fetcher: Fetcher, url: str, title: str = "") -> str:
    """Fetch one page (inside `async with fetcher`) and return its main text; raises FetchError or PageTextError."""
    try:
        url = check_link(url)
    except LinkError as error:
        raise FetchError(str(error)) from error
    result = await fetcher.fetch(url, accept=PAGE_ACCEPT)
    if not is_html(result.content_type):
        raise PageTextError(f"not a web page ({result.content_type.split(';')[0].strip()})")
    # Extraction is CPU work: off the loop, so other pages keep downloading meanwhile.
    return await asyncio.to_thread(main_text, result.body, result.final_url, title)


async def _take(fetcher: Fetcher, store: Store, article_id: int, url: str, title: str) -> FullTextOutcome:
    try:
        text = await page_text(fetcher, url, title)
    except (FetchError, PageTextError) as error:
        reason = str(error)
        with closing(store.connect()) as conn:
            record_page_failure(conn, article_id, reason)
        return FullTextOutcome(article_id, reason)
    with closing(store.connect()) as conn:
        if not save_page_text(conn, article_id, text):
            return FullTextOutcome(article_id, "the article is no longer in the cache")
    return FullTextOutcome(article_id)


def take_full_text(store: Store, fetcher: Fetcher, article_id: int) -> FullTextOutcome:
    """Fetch the article's page and keep its main text as the body; otherwise record and return why not.

    Runs on its own client (a clone of `fetcher`), so it may run while a refresh uses `fetcher`.
    """
    fetcher = fetcher.clone()
    with closing(store.connect()) as conn:
        article = get_article(conn, article_id)
    if article is None:
        return FullTextOutcome(article_id, "the article is no longer in the cache")

    async def run() -> FullTextOutcome:
        async with fetcher:
            return await _take(fetcher, store, article_id, article.url, article.title)

    return asyncio.run(run())


def fill_full_texts(
    store: Store,
    fetcher: Fetcher,
    *,
    limit: int = PAGES_PER_REFRESH,
    should_stop: Callable[[], bool] | None = None,
) -> list[FullTextOutcome]:
    """Fetch the pages of full-text feeds' articles never tried yet, newest first, concurrently."""
    with closing(store.connect()) as conn:
        wanted = articles_wanting_pages(conn, limit)
    if not wanted:
        return []
    should_stop = should_stop or (lambda: False)

    async def one(article_id: int, url: str, title: str) -> FullTextOutcome | None:
        if should_stop():
            return None
        return await _take(fetcher, store, article_id, url, title)

    async def run() -> list[FullTextOutcome | None]:
        async with fetcher:
            return await asyncio.gather(*(one(*item) for item in wanted))

    return [outcome for outcome in asyncio.run(run()) if outcome is not None]
