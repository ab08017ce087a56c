"""Adding, removing and moving a synced feed: on the server first, then here (the CLI and the reader share these).

The server goes first because it is the source: a feed removed here but not there would come back
with the next sync. Each raises SyncError (one line) and then changes nothing here.
"""

from __future__ import annotations

from contextlib import closing

from spacereader.store import Store
from spacereader.store.feeds import remove_feed, rename_feed
from spacereader.store.sync import feed_streams, forget_feed
from spacereader.sync.account import SyncAccount
from spacereader.sync.greader import GReaderClient


def subscribe_remote(account: SyncAccount, url: str, folder: str = "") -> None:
    """Subscribe the account to a feed URL; the next sync brings it and its articles here."""
    with GReaderClient(account.url, account.user, account.password) as client:
        client.subscribe(url, folder)


def unsubscribe_remote(store: Store, account: SyncAccount, feed_id: int) -> tuple[int, int, bool]:
    """Unsubscribe on the server (when the feed came from it), then here as `remove_feed` does.

    Returns (articles deleted, bookmarked articles kept, whether the server was asked).
    """
    with closing(store.connect()) as conn:
        stream = feed_streams(conn).get(feed_id)
    if stream is not None:
        with GReaderClient(account.url, account.user, account.password) as client:
            client.unsubscribe(stream)
    with closing(store.connect()) as conn:
        forget_feed(conn, feed_id)
        articles, bookmarks = remove_feed(conn, feed_id)
    return articles, bookmarks, stream is not None


def move_remote(store: Store, account: SyncAccount | None, feed_id: int, title: str, folder: str) -> bool:
    """File a feed under a folder, on the server first when it came from there; whether the server was asked."""
    with closing(store.connect()) as conn:
        stream = feed_streams(conn).get(feed_id)
    if stream is not None and account is not None:
        with GReaderClient(account.url, account.user, account.password) as client:
            client.move(stream, folder)
    with closing(store.connect()) as conn:
        rename_feed(conn, feed_id, title, folder=folder)
    return stream is not None and account is not None
