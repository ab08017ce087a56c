"""Refreshing feeds: fetch concurrently on an event loop, parse and store on one writer thread.

`refresh_all` is plain blocking Python: the CLI calls it directly and the TUI from a thread worker.
Fetching runs on a private asyncio loop in the calling thread; each fetched document is handed to a
single writer thread that parses it and stores it on its own SQLite connection, each feed all or nothing
(a savepoint, several feeds a transaction), so the loop keeps fetching while documents are parsed and
only one connection ever writes.

A refresh is a set of independent feeds. Each stage of a feed runs inside a boundary that turns any
exception into that feed's one-line failure: the fetch coroutine (`_fetch_one`), the parse, wherever it
runs (`parse_document`, in parse_worker.py, also the worker-process entry point, and the call into the pool),
and the store savepoint (`_Writer._store_guarded`). Only a failure of the cache itself (read-only, full,
damaged) stops the refresh, since no feed could be stored after it; what was stored stays stored.
"""

from __future__ import annotations

import asyncio
import multiprocessing
import os
import queue
import threading
import time
from collections.abc import Callable, Iterable
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import closing
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from urllib.parse import unquote, urlsplit

from spacereader.ingest.entries import format_date
from spacereader.ingest.fetch import Fetcher, FetchError, FetchResult
from spacereader.ingest.full_text import FullTextOutcome, fill_full_texts
from spacereader.ingest.ignore import IgnoreRules, keep_out, mark_for_entity_rules, queue_new
from spacereader.ingest.parse import ParseError
from spacereader.ingest.parse_worker import (
    Parsed,
    failure_reason,
    parse_document,
    start_worker,
)
from spacereader.models import FeedState
from spacereader.store import Store, flag_damage, is_cache_failure
from spacereader.store.articles import upsert_articles
from spacereader.store.bulk import begin_bulk_writes, end_bulk_writes, feed_savepoint
from spacereader.store.feeds import (
    list_feed_states,
    move_feed,
    prune_feed,
    record_attempt,
    record_failure,
    record_success,
)  # fmt: skip
from spacereader.store.search_index import INDEX_BATCH, index_batch, index_pending

DEFAULT_KEEP = 1000
# Below this many feeds to fetch, parsing inline beats starting worker processes (about a second of imports).
POOL_MIN_FEEDS = 64
# Fetched documents waiting for the writer; bounds memory when parsing is slower than the network.
MAX_PENDING = 32
# While documents wait, the writer stores up to this many feeds in one transaction (each feed a savepoint of
# its own), committing after at most this many seconds and whenever nothing waits. Committing every feed
# wrote each index page its 50 articles touched once per feed: about 1 GB of WAL for the 250 MB a cold
# refresh of 1,000 feeds stores, 600 MB in groups of 10 (bench/README.md).
GROUP_FEEDS = 16
GROUP_SECONDS = 0.25


@dataclass(frozen=True, slots=True)
class FeedOutcome:
    """What happened to one feed in a refresh."""

    feed_id: int
    url: str
    title: str
    status: str
    """"updated" (fetched and stored), "unchanged" (304), "failed", or "skipped" (disabled or waiting)."""
    new: int = 0
    updated: int = 0
    error: str | None = None
    moved_to: str | None = None
    ignored: int = 0
    """New articles an ignore rule kept out."""

    @property
    def failed(self) -> bool:
        """The feed was tried and produced an error."""
        return self.status == "failed"


@dataclass(frozen=True, slots=True)
class RefreshProgress:
    """One feed finished: how far the refresh is, and that feed's outcome."""

    done: int
    total: int
    outcome: FeedOutcome


@dataclass(slots=True)
class RefreshReport:
    """Every feed's outcome and the totals a summary line needs."""

    outcomes: list[FeedOutcome] = field(default_factory=list)
    cancelled: bool = False
    pages: list[FullTextOutcome] = field(default_factory=list)
    """Pages fetched for full-text feeds' articles, after the feeds."""

    @property
    def new_items(self) -> int:
        """Articles added across all feeds."""
        return sum(o.new for o in self.outcomes)

    @property
    def ignored(self) -> int:
        """New articles the ignore rules kept out, across all feeds."""
        return sum(o.ignored for o in self.outcomes)

    @property
    def failures(self) -> list[FeedOutcome]:
        """Feeds that were tried and failed, with their reasons."""
        return [o for o in self.outcomes if o.failed]

    @property
    def attempted(self) -> int:
        """Feeds that were fetched (not skipped)."""
        return sum(1 for o in self.outcomes if o.status != "skipped")

    @property
    def all_failed(self) -> bool:
        """At least one feed was tried and every tried feed failed."""
        return self.attempted > 0 and len(self.failures) == self.attempted

    def summary(self) -> str:
        """One line: feeds refreshed, new articles, failures."""
        unchanged = sum(1 for o in self.outcomes if o.status == "unchanged")
        skipped = len(self.outcomes) - self.attempted
        parts = [f"{self.attempted} feeds refreshed", f"{self.new_items} new articles"]
        if self.ignored:
            parts.append(f"{self.ignored} ignored")
        if unchanged:
            parts.append(f"{unchanged} unchanged")
        parts.append(f"{len(self.failures)} failed")
        if skipped:
            parts.append(f"{skipped} skipped")
        if self.pages:
            kept = sum(1 for page in self.pages if page.ok)
            parts.append(f"full text of {kept}/{len(self.pages)} pages")
        if self.cancelled:
            parts.append("cancelled")
        return ", ".join(parts)


def _now() -> datetime:
    return datetime.now(timezone.utc)


def _waiting(state: FeedState, now: datetime) -> str | None:
    """Why the feed is not fetched now, or None."""
    if state.disabled_reason:
        return f"disabled: {state.disabled_reason}"
    if state.retry_after and state.retry_after > format_date(now):
        return f"server asked to wait until {state.retry_after}"
    return None


def read_local(url: str, max_bytes: int) -> FetchResult:
    """Read a feed file the user named on the command line (stored as a file: URL)."""
    path = Path(unquote(urlsplit(url).path))
    try:
        if path.stat().st_size > max_bytes:
            raise FetchError("file too large")
        return FetchResult(200, path.read_bytes(), url)
    except OSError as error:
        raise FetchError(f"cannot read file ({error.strerror or error})") from error


class _Writer:
    """The one thread that parses fetched documents and writes them: a savepoint per feed, a transaction per
    group of feeds (GROUP_FEEDS)."""

    def __init__(self, store: Store, total: int, keep: int, on_progress: Callable[[RefreshProgress], None] | None):
        self.store = store
        self.total = total
        self.keep = keep
        self.on_progress = on_progress
        self.jobs: queue.Queue[tuple[FeedState, FetchResult | FetchError, Parsed | None] | None] = queue.Queue()
        self.outcomes: list[FeedOutcome] = []
        self.error: BaseException | None = None
        self.thread = threading.Thread(target=self._run, name="spacereader-refresh-writer", daemon=True)
        self.on_done: Callable[[], None] = lambda: None
        self.unindexed = 0
        self.on_indexing: Callable[[int], None] = lambda left: None
        self.rules = IgnoreRules()
        self.uncommitted: list[FeedOutcome] = []
        """Feeds stored in the open transaction, reported once it commits."""
        self.group_started = 0.0

    def _next_job(self, conn):
        """The next fetched feed. While none is waiting, commit what is stored, then index a batch of it
        (search catches up) or wait."""
        while True:
            try:
                return self.jobs.get_nowait()
            except queue.Empty:
                self._commit(conn)
                if self.unindexed < INDEX_BATCH:
                    return self.jobs.get()
                self.unindexed = max(0, self.unindexed - index_batch(conn))

    def _stored(self, conn, outcome: FeedOutcome) -> None:
        """A feed is stored in the open transaction: commit the group when it is full or old enough."""
        if not self.uncommitted:
            self.group_started = time.monotonic()
        self.uncommitted.append(outcome)
        if len(self.uncommitted) >= GROUP_FEEDS or time.monotonic() - self.group_started >= GROUP_SECONDS:
            self._commit(conn)

    def _commit(self, conn) -> None:
        """Commit the feeds stored so far and report them: a feed is reported once it is saved."""
        if conn.in_transaction:
            conn.commit()
        for outcome in self.uncommitted:
            self.report(outcome)
        self.uncommitted.clear()

    def _run(self) -> None:
        try:
            with closing(self.store.connect()) as conn:
                begin_bulk_writes(conn)
                while (job := self._next_job(conn)) is not None:
                    state, result, parsed = job
                    try:
                        outcome = self._store_guarded(conn, state, result, parsed)
                    finally:
                        self.on_done()
                    self.unindexed += outcome.new + outcome.updated
                    self._stored(conn, outcome)
                self._commit(conn)
                index_pending(conn, on_batch=lambda done, left: self.on_indexing(left))
                end_bulk_writes(conn)
        except BaseException as error:  # handed back to the caller's thread, which re-raises it
            self.error = error
            while self.jobs.get() is not None:
                self.on_done()

    def report(self, outcome: FeedOutcome) -> None:
        self.outcomes.append(outcome)
        if self.on_progress is not None:
            self.on_progress(RefreshProgress(len(self.outcomes), self.total, outcome))

    def _store_guarded(
        self, conn, state: FeedState, result: FetchResult | FetchError, parsed: Parsed | None
    ) -> FeedOutcome:
        """_store_one inside the feed's boundary: any error but the cache's own becomes this feed's failure."""
        try:
            return self._store_one(conn, state, result, parsed)
        except Exception as error:  # noqa: BLE001 - the per-feed boundary
            if is_cache_failure(error):
                flag_damage(error, self.store.path)
                raise
            reason = failure_reason("store", error)
            try:
                record_failure(conn, state.id, reason)
            except Exception as again:  # noqa: BLE001 - the reason could not be saved; the outcome still says it
                if is_cache_failure(again):
                    raise
            return FeedOutcome(state.id, state.url, state.title, "failed", error=reason)

    @staticmethod
    def _follow_move(conn, state: FeedState, result: FetchResult) -> int:
        """The feed's id after a permanent redirect: its own, or that of the subscription it merged into."""
        if not result.permanent_redirect:
            return state.id
        return move_feed(conn, state.id, result.permanent_redirect)

    def _store_one(
        self, conn, state: FeedState, result: FetchResult | FetchError, parsed: Parsed | None
    ) -> FeedOutcome:
        now = _now()
        when = format_date(now)
        if isinstance(result, FetchError):
            retry = format_date(result.retry_after) if result.retry_after else None
            record_failure(conn, state.id, result.reason, disabled=result.disable, retry_after=retry)
            return FeedOutcome(state.id, state.url, state.title, "failed", error=result.reason)
        if result.unchanged:
            with feed_savepoint(conn):
                feed_id = self._follow_move(conn, state, result)
                record_success(
                    conn, feed_id, when=when, etag=result.etag or state.etag,
                    last_modified=result.last_modified or state.last_modified,
                )  # fmt: skip
            return FeedOutcome(feed_id, state.url, state.title, "unchanged", moved_to=result.permanent_redirect)
        if parsed is None:
            parsed = parse_document(result.body, result.final_url, result.content_type, now)
        if isinstance(parsed, ParseError):
            record_failure(conn, state.id, str(parsed))
            return FeedOutcome(state.id, state.url, state.title, "failed", error=str(parsed))
        with feed_savepoint(conn):
            # The feed's name is indexed with each article, so fill in the title (and any new URL) first:
            # afterwards, the rename trigger would delete and re-index every article just inserted.
            feed_id = self._follow_move(conn, state, result)
            record_success(
                conn, feed_id, when=when, etag=result.etag, last_modified=result.last_modified,
                title=parsed.title, site_url=parsed.site_url,
            )  # fmt: skip
            name = parsed.title or state.title or state.url
            url = result.permanent_redirect or state.url  # the stored URL, which `feed:` searches
            items, ignored = keep_out(conn, self.rules, feed_id, name, url, parsed.items)
            last_id = mark_for_entity_rules(conn, self.rules)
            new, updated = upsert_articles(conn, feed_id, items, index_now=False)
            queue_new(conn, feed_id, last_id)
            if new:
                prune_feed(conn, feed_id, self.keep)
        return FeedOutcome(
            feed_id, state.url, state.title or parsed.title, "updated", new, updated,
            moved_to=result.permanent_redirect, ignored=ignored,
        )  # fmt: skip


async def _fetch_all(
    fetcher: Fetcher,
    states: list[FeedState],
    writer: _Writer,
    should_stop: Callable[[], bool],
    pool: ProcessPoolExecutor | None,
) -> bool:
    """Fetch every feed concurrently, handing each result to the writer; returns whether it was cancelled."""
    loop = asyncio.get_running_loop()
    pending = asyncio.Semaphore(MAX_PENDING)

    def release_slot() -> None:
        try:
            loop.call_soon_threadsafe(pending.release)
        except RuntimeError:  # the loop has closed: fetching is over and nobody waits for a slot
            pass

    writer.on_done = release_slot
    cancelled = False

    async def one(state: FeedState) -> None:
        nonlocal cancelled
        await pending.acquire()
        if cancelled or should_stop():
            cancelled = True
            pending.release()
            return
        try:
            result, parsed = await _fetch_one(fetcher, state, pool, loop)
        except Exception as error:  # noqa: BLE001 - the per-feed boundary: the feed fails, the others go on
            result, parsed = FetchError(failure_reason("fetch", error)), None
        writer.jobs.put((state, result, parsed))

    async with fetcher:
        await asyncio.gather(*(one(state) for state in states))
    return cancelled


async def _fetch_one(
    fetcher: Fetcher, state: FeedState, pool: ProcessPoolExecutor | None, loop: asyncio.AbstractEventLoop
) -> tuple[FetchResult | FetchError, Parsed | None]:
    """Fetch one feed and, with a pool, parse it there; expected failures come back as values."""
    result: FetchResult | FetchError
    try:
        if state.url.startswith("file:"):
            result = await asyncio.to_thread(read_local, state.url, fetcher.max_bytes)
        else:
            result = await fetcher.fetch(state.url, state.etag, state.last_modified)
    except FetchError as error:
        result = error
    parsed: Parsed | None = None
    if pool is not None and isinstance(result, FetchResult) and not result.unchanged:
        try:
            parsed = await loop.run_in_executor(
                pool, parse_document, result.body, result.final_url, result.content_type, _now()
            )
        except BrokenProcessPool:
            parsed = None  # workers could not start (e.g. an unguarded __main__): the writer parses it
        except Exception as error:  # noqa: BLE001 - raised in a worker or by pickling its answer: this feed fails
            parsed = ParseError(failure_reason("parse", error))
    return result, parsed


def refresh_all(
    store: Store,
    fetcher: Fetcher,
    *,
    feed_ids: Iterable[int] | None = None,
    on_progress: Callable[[RefreshProgress], None] | None = None,
    should_stop: Callable[[], bool] | None = None,
    keep_per_feed: int = DEFAULT_KEEP,
    parse_processes: int | None = None,
    on_indexing: Callable[[int], None] | None = None,
    ignore_rules: IgnoreRules | None = None,
) -> RefreshReport:
    """Refresh every subscription (or the given ids); blocks until done and never raises for one bad feed.

    `on_progress` is called from the writer thread after each feed; `should_stop` is checked before each
    fetch starts, and a stopped refresh still stores what it already fetched. `parse_processes` sets the
    worker processes that parse documents (0 parses on the writer thread; None picks by the feed count).
    Once every feed is stored, the articles not yet in the search index are indexed before this returns;
    `on_indexing(left)` is called from the writer thread after each batch. New articles matching
    `ignore_rules` are not stored (ingest/ignore.py).
    """
    should_stop = should_stop or (lambda: False)
    now = _now()
    with closing(store.connect()) as conn:
        states = list_feed_states(conn, feed_ids)
        record_attempt(conn, [s.id for s in states if not _waiting(s, now)], format_date(now))
    due = [s for s in states if not _waiting(s, now)]
    writer = _Writer(store, len(states), keep_per_feed, on_progress)
    if on_indexing is not None:
        writer.on_indexing = on_indexing
    if ignore_rules is not None:
        writer.rules = ignore_rules
    for state in states:
        reason = _waiting(state, now)
        if reason:
            writer.report(FeedOutcome(state.id, state.url, state.title, "skipped", error=reason))
    if parse_processes is None:
        parse_processes = (os.cpu_count() or 1) if len(due) >= POOL_MIN_FEEDS else 0
    # Parsing is pure-Python work that holds the GIL; worker processes let it use every core while this
    # process fetches and writes. "spawn" because forking a process that runs threads is unsafe.
    pool = (
        ProcessPoolExecutor(
            parse_processes,
            mp_context=multiprocessing.get_context("spawn"),
            initializer=start_worker,
            initargs=(os.getpid(),),
        )  # fmt: skip
        if parse_processes > 0
        else None
    )
    writer.thread.start()
    try:
        cancelled = asyncio.run(_fetch_all(fetcher, due, writer, should_stop, pool))
    finally:
        writer.jobs.put(None)
        writer.thread.join()
        if pool is not None:
            pool.shutdown(wait=True, cancel_futures=True)
    if writer.error is not None:
        raise writer.error
    pages = [] if cancelled else fill_full_texts(store, fetcher, should_stop=should_stop)
    return RefreshReport(outcomes=writer.outcomes, cancelled=cancelled, pages=pages)
