"""One sync: push the queued marks, pull subscriptions, new items and the state id lists.

Plain blocking Python, like `refresh_all`: the CLI calls it directly and the reader from a thread
worker. The order is what keeps marks from flipping back: what was marked here reaches the server
before the server's states are pulled, and a queued mark is removed only once the server took it.
Each page of items is stored in its own transaction and each feed's first pull is recorded when it
finishes, so a sync killed or cut off part way resumes where it stopped; the watermark (the newest
crawl time seen in the account-wide stream) moves only at the end of a pull that finished.
"""

from __future__ import annotations

import dataclasses
import time
from collections.abc import Callable
from contextlib import closing
from dataclasses import dataclass
from datetime import datetime, timezone

from spacereader.ingest.fetch import Fetcher
from spacereader.ingest.full_text import FullTextOutcome, fill_full_texts
from spacereader.ingest.ignore import IgnoreRules, keep_out, mark_for_entity_rules, queue_new
from spacereader.store import Connection, Store
from spacereader.store import sync as store_sync
from spacereader.store.feeds import get_feed
from spacereader.store.search_index import index_pending
from spacereader.sync.account import SyncAccount
from spacereader.sync.greader import (
    CONTENTS_PAGE,
    READ,
    READING_LIST,
    STARRED,
    GReaderClient,
    Page,
    SyncError,
)
from spacereader.sync.items import BadItem, item_stream, to_pulled

DEFAULT_KEEP = 1000
# Starred items missing from the cache (older than what was pulled) fetched per sync, so stars made
# elsewhere show as bookmarks without a sync of a huge account pulling everything ever starred.
MAX_STARRED_FETCH = 1000


@dataclass(frozen=True, slots=True)
class SyncProgress:
    """Where a sync is: its stage ("pushing marks", "feeds", "articles", "states") and a count."""

    stage: str
    done: int = 0
    total: int = 0

    def describe(self) -> str:
        """A few words for a status line."""
        if self.total:
            return f"{self.stage} {self.done}/{self.total}"
        return f"{self.stage} {self.done}" if self.done else self.stage


@dataclass(slots=True)
class SyncReport:
    """What a sync did and what it cost."""

    feeds: int = 0
    new_items: int = 0
    pushed: int = 0
    pulled: int = 0
    removed_feeds: int = 0
    skipped_items: int = 0
    requests: int = 0
    bytes: int = 0
    items: int = 0
    ids: int = 0
    seconds: float = 0.0
    cancelled: bool = False
    ignored: int = 0
    """New items the ignore rules kept out of the cache."""
    pages: list[FullTextOutcome] = dataclasses.field(default_factory=list)
    """Pages fetched for full-text feeds' articles after the sync (as a refresh does)."""

    def summary(self) -> str:
        """One line: feeds, new articles, marks pushed, marks pulled."""
        parts = [
            f"{self.feeds} feeds",
            f"{self.new_items} new articles",
            f"{self.pushed} marks pushed",
            f"{self.pulled} marks pulled",
        ]
        if self.removed_feeds:
            parts.append(f"{self.removed_feeds} feeds removed")
        if self.skipped_items:
            parts.append(f"{self.skipped_items} malformed items skipped")
        if self.ignored:
            parts.append(f"{self.ignored} ignored")
        if self.pages:
            parts.append(f"full text of {sum(1 for p in self.pages if p.ok)}/{len(self.pages)} pages")
        if self.cancelled:
            parts.append("stopped")
        return "synced: " + ", ".join(parts)


class Stopped(Exception):
    """should_stop() said so between two steps."""


class _Sync:
    def __init__(
        self,
        store: Store,
        client: GReaderClient,
        keep: int,
        on_progress: Callable[[SyncProgress], None],
        should_stop: Callable[[], bool],
        rules: IgnoreRules | None = None,
    ) -> None:
        self.rules = rules or IgnoreRules()
        self.store = store
        self.client = client
        self.keep = keep
        self.on_progress = on_progress
        self.should_stop = should_stop
        self.report = SyncReport()
        self.feed_of: dict[str, int] = {}
        self.fetched = datetime.now(timezone.utc)

    def check(self) -> None:
        if self.should_stop():
            raise Stopped

    def push(self, conn: Connection) -> None:
        """Send the queued marks in the order made; mark-alls split the queue, marks between them batch."""
        queued = store_sync.pending(conn)
        if not queued:
            return
        self.on_progress(SyncProgress("pushing marks", 0, len(queued)))
        segment: list[store_sync.QueuedMark] = []

        def flush() -> None:
            groups: dict[tuple[str, bool], list[store_sync.QueuedMark]] = {}
            for mark in segment:
                groups.setdefault((mark.field, mark.value), []).append(mark)
            for (field, value), marks in groups.items():
                state = READ if field == "read" else STARRED
                ids = [m.item_id for m in marks]
                if value:
                    self.client.edit_tag(ids, add=state)
                else:
                    self.client.edit_tag(ids, remove=state)
                store_sync.drop_sent(conn, marks)
                self.report.pushed += len(marks)
                self.on_progress(SyncProgress("pushing marks", self.report.pushed, len(queued)))
            segment.clear()

        for mark in queued:
            if isinstance(mark, store_sync.QueuedMark):
                segment.append(mark)
                continue
            flush()
            self.client.mark_all_as_read(mark.stream_id, mark.older_than)
            store_sync.drop_sent(conn, [mark])
            self.report.pushed += 1
        flush()

    def store_page(self, conn: Connection, page: Page, only_feed: int | None = None) -> int:
        """Store a page's items by feed; returns the newest crawl time on it (0 when none)."""
        by_feed: dict[int, list[store_sync.PulledItem]] = {}
        newest = 0
        wanted = []
        for raw in page.items:
            if not isinstance(raw, dict):
                self.report.skipped_items += 1
                continue
            try:
                feed_id = only_feed if only_feed is not None else self.feed_of.get(item_stream(raw))
                pulled = to_pulled(raw, self.fetched)
            except BadItem:
                self.report.skipped_items += 1
                continue
            newest = max(newest, pulled.crawled)
            if feed_id is not None:
                wanted.append((feed_id, pulled))
        known = store_sync.known_items(conn, [p.item_id for _, p in wanted])
        for feed_id, pulled in wanted:
            if pulled.item_id not in known:
                by_feed.setdefault(feed_id, []).append(pulled)
        for feed_id, items in by_feed.items():
            items = self.keep_out(conn, feed_id, items)
            last_id = mark_for_entity_rules(conn, self.rules)
            self.report.new_items += store_sync.store_items(conn, feed_id, items, self.keep)
            with conn:
                queue_new(conn, feed_id, last_id)
        self.on_progress(SyncProgress("articles", self.report.new_items))
        return newest

    def keep_out(
        self, conn: Connection, feed_id: int, items: list[store_sync.PulledItem]
    ) -> list[store_sync.PulledItem]:
        """The items no ignore rule matches (a pulled item is judged as a fetched one is)."""
        if not self.rules:
            return items
        feed = get_feed(conn, feed_id)
        name, url = (feed.name, feed.url) if feed else ("", "")
        with conn:
            kept, ignored = keep_out(conn, self.rules, feed_id, name, url, [p.article for p in items])
        self.report.ignored += ignored
        guids = {article.guid for article in kept}
        return [p for p in items if p.article.guid in guids]

    def pull_since(self, conn: Connection, watermark: int) -> int:
        """Items crawled since the watermark, account-wide; returns the newest crawl time seen.

        The API's `ot` counts whole seconds, so the ids come first (a few bytes each) and only the
        items the cache lacks are fetched: the items of the watermark's own second are not sent again.
        """
        self.check()
        ids = self.client.item_ids(READING_LIST, since=watermark // 1_000_000)
        new = sorted(ids - store_sync.known_items(conn, ids))
        newest = watermark
        for start in range(0, len(new), CONTENTS_PAGE):
            self.check()
            page = Page(self.client.items_by_id(new[start : start + CONTENTS_PAGE]), None)
            newest = max(newest, self.store_page(conn, page))
        return newest

    def pull_feed(self, conn: Connection, feed_id: int, stream: str) -> None:
        """A feed's first pull: its newest items up to keep_per_feed, page by page."""
        seen = 0
        continuation: str | None = None
        while seen < self.keep:
            self.check()
            count = min(CONTENTS_PAGE, self.keep - seen)
            page = self.client.contents(stream, count=count, continuation=continuation)
            self.store_page(conn, page, only_feed=feed_id)
            seen += len(page.items)
            if not page.continuation or not page.items:
                break
            continuation = page.continuation
        store_sync.set_pulled(conn, feed_id)

    def reconcile(self, conn: Connection) -> None:
        """Read marks and stars from the server's id lists; starred items the cache lacks are fetched."""
        self.check()
        self.on_progress(SyncProgress("states"))
        unread = self.client.item_ids(READING_LIST, exclude=READ)
        starred = self.client.item_ids(STARRED)
        missing = sorted(starred - store_sync.known_items(conn, starred), reverse=True)[:MAX_STARRED_FETCH]
        if missing:
            self.check()
            self.store_page(conn, Page(self.client.items_by_id(missing), None))
        self.report.pulled += store_sync.apply_states(conn, unread, starred)

    def run(self, conn: Connection, account: SyncAccount) -> None:
        if store_sync.get_value(conn, "account") not in (None, account.key):
            store_sync.forget_account(conn)
        store_sync.set_value(conn, "account", account.key)
        self.on_progress(SyncProgress("logging in"))
        self.client.login()
        watermark_text = store_sync.get_value(conn, "watermark")
        if watermark_text is None and store_sync.get_value(conn, "first_since") is None:
            # The first sync pulls feed by feed what the account holds now; the next one goes on from the
            # newest item there is now, so what arrives meanwhile, in any feed, is not missed.
            newest_now = self.store_page(conn, self.client.contents(READING_LIST, count=1))
            start = newest_now or int((self.client.server_time or time.time()) * 1_000_000)
            store_sync.set_value(conn, "first_since", str(start))
        self.check()
        self.push(conn)
        self.check()
        self.on_progress(SyncProgress("feeds"))
        subscriptions = self.client.subscriptions()
        self.feed_of, self.report.removed_feeds = store_sync.apply_subscriptions(
            conn, [(s.stream_id, s.url, s.title, s.folder, s.site_url) for s in subscriptions]
        )
        self.report.feeds = len(self.feed_of)
        if watermark_text is not None:
            newest = self.pull_since(conn, int(watermark_text))
        else:
            newest = int(store_sync.get_value(conn, "first_since") or 0)
        unpulled = store_sync.unpulled_feeds(conn)
        for number, (feed_id, stream) in enumerate(unpulled, start=1):
            self.on_progress(SyncProgress("first pull of feed", number, len(unpulled)))
            self.pull_feed(conn, feed_id, stream)
        store_sync.set_value(conn, "watermark", str(newest))
        store_sync.set_value(conn, "first_since", None)
        self.reconcile(conn)
        # Marks queued meanwhile (in the reader, or taken over with a feed read here before) go now, not next time.
        self.push(conn)
        self.on_progress(SyncProgress("indexing"))
        index_pending(conn)


def sync_account(
    store: Store,
    account: SyncAccount,
    *,
    keep_per_feed: int = DEFAULT_KEEP,
    on_progress: Callable[[SyncProgress], None] | None = None,
    should_stop: Callable[[], bool] | None = None,
    client: GReaderClient | None = None,
    ignore_rules: IgnoreRules | None = None,
) -> SyncReport:
    """Sync the cache with the account; raises SyncError (one line) when the server fails it.

    Whatever was stored or pushed before a failure stays; the next sync goes on from there.
    """
    started = time.monotonic()
    own_client = client is None
    client = client or GReaderClient(account.url, account.user, account.password)
    job = _Sync(
        store, client, keep_per_feed, on_progress or (lambda p: None), should_stop or (lambda: False), ignore_rules
    )
    try:
        with closing(store.connect()) as conn:
            try:
                job.run(conn, account)
            except Stopped:
                job.report.cancelled = True
        if not job.report.cancelled:  # the server fetches the feeds; the articles' pages are fetched here
            job.report.pages = fill_full_texts(store, Fetcher(), should_stop=should_stop)
    finally:
        traffic = client.traffic
        job.report.requests, job.report.bytes = traffic.requests, traffic.bytes
        job.report.items, job.report.ids = traffic.items, traffic.ids
        job.report.seconds = time.monotonic() - started
        if own_client:
            client.close()
    return job.report


__all__ = ["SyncError", "SyncProgress", "SyncReport", "sync_account"]
