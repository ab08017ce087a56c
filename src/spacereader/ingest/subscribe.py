"""Subscribing to one URL: add it, fetch it once, and keep it only if it gave a feed (CLI and UI share this)."""

from __future__ import annotations

from contextlib import closing

from spacereader.ingest.fetch import Fetcher
from spacereader.ingest.ignore import IgnoreRules
from spacereader.ingest.refresh import DEFAULT_KEEP, FeedOutcome, refresh_all
from spacereader.store import Store
from spacereader.store.feeds import FeedExistsError, add_feed, remove_feed


class SubscribeError(Exception):
    """The URL was not subscribed; the message is one line naming it and the reason."""


def subscribe(
    store: Store,
    fetcher: Fetcher,
    url: str,
    *,
    folder: str = "",
    keep_per_feed: int = DEFAULT_KEEP,
    ignore_rules: IgnoreRules | None = None,
) -> FeedOutcome:
    """Add the feed and fetch it; a URL that yields no feed is removed again and SubscribeError raised.

    The outcome carries the new feed's id, its title (from the feed) and how many articles it brought.
    """
    with closing(store.connect()) as conn:
        try:
            feed_id = add_feed(conn, url, folder=folder)
        except FeedExistsError as error:
            raise SubscribeError(f"{url}: already subscribed (feed {error.feed_id})") from error
    report = refresh_all(
        store, fetcher, feed_ids=[feed_id], keep_per_feed=keep_per_feed, parse_processes=0, ignore_rules=ignore_rules
    )
    outcome = report.outcomes[0]
    if outcome.failed:
        with closing(store.connect()) as conn:
            remove_feed(conn, feed_id)
        raise SubscribeError(f"{url}: {outcome.error}; not subscribed")
    return outcome
