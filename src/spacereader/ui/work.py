"""The reader's background jobs: thin calls into the core that report only by posting messages.

They run as the App's thread workers (the App outlives any screen) and `announce` each result to the
screens. None touches a widget; none waits on the UI thread.
"""

from __future__ import annotations

from contextlib import closing
from typing import TYPE_CHECKING

from textual.worker import get_current_worker

from spacereader.entities.extract import ExtractorError, warm_up
from spacereader.safe_text import clean_line
from spacereader.store import DatabaseError
from spacereader.store.feeds import remove_feed
from spacereader.store.page_text import restore_feed_text, set_full_text
from spacereader.store.views import save_view
from spacereader.ui.messages import (
    ArticleExtracted,
    ArticlesIgnored,
    EntitiesFound,
    ExtractionFailed,
    ExtractionProgress,
    FeedActionFailed,
    FeedFullTextSet,
    FeedRemoved,
    FeedsRefreshed,
    FeedSubscribed,
    FullTextFetched,
    IndexCatchingUp,
    RefreshProgressed,
    SyncProgressed,
    WatchChanged,
    WatchesMatched,
)

if TYPE_CHECKING:
    from spacereader.ui.host import WorkerHost


def refresh_feeds(app: WorkerHost) -> None:
    """Fetch every feed; progress and the report come back as messages."""
    from spacereader.ingest.ignore import IgnoreRules
    from spacereader.ingest.refresh import refresh_all  # httpx and the parsers load on first refresh, not at start

    worker = get_current_worker()
    report = refresh_all(
        app.store,
        app.make_fetcher(),
        on_progress=lambda p: app.announce(RefreshProgressed(p.done, p.total, p.outcome.title or p.outcome.url)),
        should_stop=lambda: worker.is_cancelled or app.stopping.is_set(),
        keep_per_feed=app.settings.keep_per_feed,
        on_indexing=lambda left: app.announce(IndexCatchingUp(left)),
        ignore_rules=IgnoreRules.parse(app.settings.ignore_rules),
    )
    failures = tuple(f"{o.title or o.url}: {o.error}" for o in report.failures)
    app.announce(FeedsRefreshed(report.summary(), report.new_items, failures))


def sync_feeds(app: WorkerHost) -> None:
    """Sync with the [sync] server; marks already queued go first. Ends as a refresh does, with a summary."""
    from spacereader.ingest.ignore import IgnoreRules
    from spacereader.sync.account import resolve_account  # loaded on first sync, not at start
    from spacereader.sync.greader import SyncError
    from spacereader.sync.run import sync_account

    assert app.settings.sync is not None
    worker = get_current_worker()
    try:
        report = sync_account(
            app.store,
            resolve_account(app.settings.sync),  # a password_command runs here, off the UI thread
            keep_per_feed=app.settings.keep_per_feed,
            on_progress=lambda p: app.announce(SyncProgressed(f"syncing: {p.describe()}")),
            should_stop=lambda: worker.is_cancelled or app.stopping.is_set(),
            ignore_rules=IgnoreRules.parse(app.settings.ignore_rules),
        )
    except SyncError as error:
        app.announce(FeedActionFailed(str(error)))
        return
    except DatabaseError as error:
        app.announce(FeedActionFailed(f"sync: not saved ({error})"))
        return
    app.announce(FeedsRefreshed(report.summary(), report.new_items, ()))


def subscribe_on_server(app: WorkerHost, url: str) -> None:
    """With [sync] set: subscribe the account, then sync so the feed arrives."""
    from spacereader.sync.account import resolve_account
    from spacereader.sync.feeds import subscribe_remote
    from spacereader.sync.greader import SyncError

    assert app.settings.sync is not None
    try:
        subscribe_remote(resolve_account(app.settings.sync), url)
    except SyncError as error:
        app.announce(FeedActionFailed(f"{error} (subscribing to {url})"))
        return
    sync_feeds(app)


def unsubscribe_on_server(app: WorkerHost, feed_id: int, name: str) -> None:
    """With [sync] set: unsubscribe on the server first (or the next sync brings the feed back), then here."""
    from spacereader.sync.account import resolve_account
    from spacereader.sync.feeds import unsubscribe_remote
    from spacereader.sync.greader import SyncError

    assert app.settings.sync is not None
    try:
        removed, kept, _ = unsubscribe_remote(app.store, resolve_account(app.settings.sync), feed_id)
    except (SyncError, DatabaseError) as error:
        app.announce(FeedActionFailed(f"{name}: not removed ({error})"))
        return
    app.announce(FeedRemoved(name, removed, kept))


def catch_up_index(app: WorkerHost) -> None:
    """Index what an interrupted refresh stored but did not index."""
    from spacereader.store.search_index import count_pending, index_pending

    with closing(app.store.connect()) as conn:
        left = count_pending(conn)
        if left:
            app.announce(IndexCatchingUp(left))
            index_pending(conn, on_batch=lambda done, left: app.announce(IndexCatchingUp(left)))


def subscribe_feed(app: WorkerHost, url: str) -> None:
    """Subscribe to one URL and fetch it once."""
    from spacereader.ingest.ignore import IgnoreRules
    from spacereader.ingest.subscribe import SubscribeError, subscribe  # as above: loaded on first use

    try:
        outcome = subscribe(
            app.store, app.make_fetcher(), url, keep_per_feed=app.settings.keep_per_feed,
            ignore_rules=IgnoreRules.parse(app.settings.ignore_rules),
        )  # fmt: skip
    except SubscribeError as error:
        app.announce(FeedActionFailed(str(error)))
        return
    app.announce(FeedSubscribed(outcome.title or url, outcome.new))


def unsubscribe_feed(app: WorkerHost, feed_id: int, name: str) -> None:
    """Remove a feed and its articles (bookmarked ones are kept)."""
    try:
        with closing(app.store.connect()) as conn:
            removed, kept = remove_feed(conn, feed_id)
    except DatabaseError as error:
        app.announce(FeedActionFailed(f"{name}: not removed ({error})"))
        return
    app.announce(FeedRemoved(name, removed, kept))


def keep_view(app: WorkerHost, name: str, query: str) -> None:
    """Save a search as a named view; `notify` is thread-safe."""
    try:
        with closing(app.store.connect()) as conn:
            save_view(conn, name, query)
    except (ValueError, DatabaseError) as error:
        app.notify(f"View not saved: {error}", severity="error", markup=False)
        return
    app.notify(f"Saved view {clean_line(name)}", markup=False)


def full_text(app: WorkerHost, article_id: int) -> None:
    """Fetch the article's page and keep its main text; when the body already is the page's, restore the feed's."""
    from spacereader.ingest.full_text import take_full_text  # the page extractor loads on first use

    try:
        with closing(app.store.connect()) as conn:
            if restore_feed_text(conn, article_id):
                app.announce(FullTextFetched(article_id, restored=True))
                return
        outcome = take_full_text(app.store, app.make_fetcher(), article_id)
    except DatabaseError as error:
        app.announce(FullTextFetched(article_id, f"not saved ({error})"))
        return
    app.announce(FullTextFetched(article_id, outcome.reason))


def set_feed_full_text(app: WorkerHost, feed_id: int, name: str, on: bool) -> None:
    """Save a feed's full-text setting; the next refresh fetches its articles' pages."""
    try:
        with closing(app.store.connect()) as conn:
            set_full_text(conn, feed_id, on)
    except DatabaseError as error:
        app.announce(FeedActionFailed(f"{name}: full text not set ({error})"))
        return
    app.announce(FeedFullTextSet(feed_id, name, on))


def relay_extraction_events(app: WorkerHost) -> None:
    """Turn the extraction process's reports into messages."""
    service = app.extraction_service
    assert service is not None
    worker = get_current_worker()
    while not worker.is_cancelled and not app.stopping.is_set():
        event = service.next_event(timeout=0.1)
        if event is None:
            if not service.alive:
                return
            continue
        if event.kind == "extracted":
            app.announce(ArticleExtracted(event.article_id))
        elif event.kind == "progress":
            app.announce(ExtractionProgress(event.done, event.remaining))
        elif event.kind == "finished":
            app.announce(ExtractionProgress(event.done, 0, finished=True))
        elif event.kind == "failed":
            app.announce(ExtractionFailed(event.text))
            return


def extract_now(app: WorkerHost, article_id: int) -> None:
    """Entities of the open article, ahead of the backlog (light extractors only)."""
    from spacereader.entities.backlog import load_or_extract_entities  # the repairs' tables: not at start-up

    try:
        with closing(app.store.connect()) as conn:
            entities = load_or_extract_entities(conn, app.extractor, article_id)
    except ExtractorError as error:
        app.announce(ExtractionFailed(str(error)))
        return
    if entities is not None and not get_current_worker().is_cancelled:
        app.announce(EntitiesFound(article_id, tuple(entities)))


def extract_all(app: WorkerHost, first_id: int | None) -> None:
    """Every article not yet processed by this extractor, `first_id` first, in small batches."""
    from spacereader.entities.backlog import extract_backlog  # the repairs' tables: not at start-up

    worker = get_current_worker()
    try:
        warm_up(app.extractor)
        counts = extract_backlog(
            app.store,
            app.extractor,
            first_id=first_id,
            should_stop=lambda: worker.is_cancelled or app.stopping.is_set(),
            on_progress=lambda c: app.announce(ExtractionProgress(c.done, c.remaining)),
        )
    except ExtractorError as error:
        app.announce(ExtractionFailed(str(error)))
        return
    app.announce(ExtractionProgress(counts.done, counts.remaining, finished=True))


def keep_preference(app: WorkerHost, name: str, value: str) -> None:
    """Remember a choice between starts (unread only); a failure is said once and the choice still applies now."""
    from spacereader.store.preferences import set_preference

    try:
        with closing(app.store.connect()) as conn:
            set_preference(conn, name, value)
    except DatabaseError as error:
        app.notify(f"Not remembered for next time: {error}", severity="warning", markup=False)


def hand_on_article(app: WorkerHost, article_id: int, how: str) -> None:
    """Save the article as Markdown or pipe it to the configured command; the outcome is one notice."""
    from pathlib import Path

    from spacereader.handoff import HandoffError, default_save_dir, pipe_article, save_article
    from spacereader.store.articles import get_article

    try:
        with closing(app.store.connect()) as conn:
            article = get_article(conn, article_id)
        if article is None:
            raise HandoffError("the article is no longer in the cache")
        if how == "save":
            folder = Path(app.settings.save_dir).expanduser() if app.settings.save_dir else default_save_dir()
            app.notify(f"Saved {save_article(article, folder)}", markup=False)
        else:
            pipe_article(article, app.settings.pipe_command)
            app.notify(f"Piped to {clean_line(' '.join(app.settings.pipe_command))[:60]}", markup=False)
    except (HandoffError, DatabaseError) as error:
        verb = "Not saved" if how == "save" else "Not piped"
        app.notify(f"{verb}: {clean_line(str(error))}", severity="error", markup=False)


def sweep_ignored(app: WorkerHost) -> None:
    """Apply the entity ignore rules to new articles extraction has reached; the list reloads if any went."""
    from spacereader.ingest.ignore import IgnoreRules, sweep_entity_rules

    try:
        with closing(app.store.connect()) as conn:
            removed = sweep_entity_rules(conn, IgnoreRules.parse(app.settings.ignore_rules))
    except DatabaseError as error:
        app.notify(f"Ignore rules not applied: {error}", severity="warning", markup=False)
        return
    if removed:
        app.announce(ArticlesIgnored(len(removed)))


def check_watches(app: WorkerHost) -> None:
    """Find new matches of the watches; announce them once and run notify_command with a summary."""
    from spacereader.handoff import HandoffError, run_notify_command
    from spacereader.watching import check_watches as collect
    from spacereader.watching import summary

    try:
        with closing(app.store.connect()) as conn:
            hits = collect(conn, app.settings.views, app.settings.watched_views)
    except DatabaseError as error:
        app.notify(f"Watches not checked: {error}", severity="warning", markup=False)
        return
    if not hits:
        return
    line = summary(hits)
    app.announce(WatchesMatched(tuple(hits), line))
    if app.settings.notify_command:
        try:
            run_notify_command(app.settings.notify_command, line)
        except HandoffError as error:
            app.notify(clean_line(str(error)), severity="warning", markup=False)


def toggle_watch(app: WorkerHost, kind: str, name: str, entity_id: int | None) -> None:
    """Watch an entity or a view, or stop watching it when it was watched."""
    from spacereader.store.watches import add_watch, entity_key, remove_watch

    try:
        with closing(app.store.connect()) as conn:
            if remove_watch(conn, kind, name):
                watching = False
            else:
                key = entity_key(conn, entity_id) if entity_id is not None else None
                watching = add_watch(conn, kind, name, key=key)
    except DatabaseError as error:
        app.notify(f"Watch not changed: {error}", severity="error", markup=False)
        return
    app.announce(WatchChanged(kind, name, watching))


def see_watch(app: WorkerHost, kind: str, name: str) -> None:
    """The user opened a watched entity's or view's list: its matches count as seen."""
    from spacereader.store.watches import find_watch, mark_seen

    try:
        with closing(app.store.connect()) as conn:
            watch = find_watch(conn, kind, name)
            if watch is not None and watch.unseen:
                mark_seen(conn, watch.id)
                app.announce(WatchChanged(kind, name, True, toggled=False))
    except DatabaseError as error:
        app.notify(f"Watch not updated: {error}", severity="warning", markup=False)
