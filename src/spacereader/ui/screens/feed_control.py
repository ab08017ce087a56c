"""The main screen's feed actions: refresh (by key or on a timer), subscribe, remove.

A mixin so `main.py` stays a router; workers here only call the ingest core and post results.
"""

from __future__ import annotations

from contextlib import closing

from textual import work
from textual.binding import Binding
from textual.worker import get_current_worker

from spacereader.models import Feed
from spacereader.safe_text import clean_line
from spacereader.ui.dialogs.add_feed import AddFeedDialog
from spacereader.ui.dialogs.confirm import ConfirmDialog
from spacereader.ui.messages import FeedActionFailed, FeedsRefreshed, FeedSubscribed, IndexCatchingUp, RefreshProgressed

FEED_BINDINGS = [
    Binding("r", "refresh_feeds", "Refresh", id="refresh-feeds", tooltip="Fetch every feed"),
    Binding("a", "add_feed", "Add feed", show=False, id="add-feed", tooltip="Subscribe to a feed by URL"),
]


class FeedControl:
    """Refresh, subscribe and remove, for MainScreen."""

    _refresh_status = ""

    def start_auto_refresh(self) -> None:
        """Refresh every `refresh_minutes` while the reader is open (config; 0 = off)."""
        minutes = self.app.settings.refresh_minutes
        if minutes > 0:
            self.set_interval(minutes * 60, self.action_refresh_feeds)

    def action_refresh_feeds(self) -> None:
        """Fetch every feed in the background; a second press while one runs is ignored."""
        if any(w.group == "refresh" and w.is_running for w in self.workers):
            self.notify("A refresh is already running", timeout=2)
            return
        self._refresh_status = "refreshing feeds…"
        self.update_status()
        self.refresh_feeds()

    @work(thread=True, exclusive=True, group="refresh", exit_on_error=False)
    def refresh_feeds(self) -> None:
        """Thin: the ingest core does the work; progress and the report come back as messages."""
        from spacereader.ingest.refresh import refresh_all

        worker = get_current_worker()
        report = refresh_all(
            self.app.store,
            self.app.make_fetcher(),
            on_progress=lambda p: self.post_message(RefreshProgressed(p.done, p.total, p.outcome.title or p.outcome.url)),
            should_stop=lambda: worker.is_cancelled,
            keep_per_feed=self.app.settings.keep_per_feed,
            on_indexing=lambda left: self.post_message(IndexCatchingUp(left)),
        )
        failures = tuple(f"{o.title or o.url}: {o.error}" for o in report.failures)
        self.post_message(FeedsRefreshed(report.summary(), report.new_items, failures))

    @work(thread=True, exclusive=True, group="index", exit_on_error=False)
    def catch_up_index(self) -> None:
        """Index what an interrupted refresh stored but did not index; search finds the rest meanwhile."""
        from spacereader.store.search_index import count_pending, index_pending

        with closing(self.app.store.connect()) as conn:
            if count_pending(conn):
                self.post_message(IndexCatchingUp(count_pending(conn)))
                index_pending(conn, on_batch=lambda done, left: self.post_message(IndexCatchingUp(left)))

    def on_index_catching_up(self, event: IndexCatchingUp) -> None:
        self._refresh_status = f"search index catching up: {event.left} articles left" if event.left else ""
        self.update_status()

    def on_refresh_progressed(self, event: RefreshProgressed) -> None:
        self._refresh_status = f"refreshing {event.done}/{event.total}: {clean_line(event.feed)[:40]}"
        self.update_status()

    def on_feeds_refreshed(self, event: FeedsRefreshed) -> None:
        self._refresh_status = ""
        self.reload_view()
        self.start_extraction()
        message = event.summary
        if event.failures:
            shown = "; ".join(clean_line(f) for f in event.failures[:3])
            more = f" (and {len(event.failures) - 3} more: see `spacereader feeds`)" if len(event.failures) > 3 else ""
            message += f"\n{shown}{more}"
        self.notify(message, title="Refresh", severity="warning" if event.failures else "information", markup=False)

    def action_add_feed(self) -> None:
        """Ask for a URL, then subscribe in the background."""

        def subscribe(url: str | None) -> None:
            if url:
                self._refresh_status = f"subscribing to {clean_line(url)[:50]}…"
                self.update_status()
                self.subscribe_feed(url)

        self.app.push_screen(AddFeedDialog(), subscribe)

    @work(thread=True, group="subscribe", exit_on_error=False)
    def subscribe_feed(self, url: str) -> None:
        from spacereader.ingest.subscribe import SubscribeError, subscribe

        try:
            outcome = subscribe(self.app.store, self.app.make_fetcher(), url, keep_per_feed=self.app.settings.keep_per_feed)
        except SubscribeError as error:
            self.post_message(FeedActionFailed(str(error)))
            return
        self.post_message(FeedSubscribed(outcome.title or url, outcome.new))

    def on_feed_subscribed(self, event: FeedSubscribed) -> None:
        self._refresh_status = ""
        self.reload_view()
        self.start_extraction()
        self.notify(f"Subscribed to {clean_line(event.title)}: {event.new_items} articles", markup=False)

    def on_feed_action_failed(self, event: FeedActionFailed) -> None:
        self._refresh_status = ""
        self.update_status()
        self.notify(clean_line(event.reason), severity="error", markup=False)

    def confirm_remove_feed(self, feed: Feed) -> None:
        """Ask, then unsubscribe (bookmarked articles are kept)."""

        def answer(yes: bool | None) -> None:
            if yes:
                self.remove_feed(feed.id, feed.name)

        self.app.push_screen(ConfirmDialog(f"Unsubscribe from {clean_line(feed.name)}? Bookmarked articles are kept."), answer)

    @work(thread=True, group="writes", exit_on_error=False)
    def remove_feed(self, feed_id: int, name: str) -> None:
        import sqlite3

        from spacereader.store.feeds import remove_feed

        try:
            with closing(self.app.store.connect()) as conn:
                removed, kept = remove_feed(conn, feed_id)
        except sqlite3.Error as error:
            self.post_message(FeedActionFailed(f"{name}: not removed ({error})"))
            return
        self.app.call_from_thread(self.feed_removed, name, removed, kept)

    def feed_removed(self, name: str, removed: int, kept: int) -> None:
        """Back on the UI thread: show the change everywhere."""
        kept_text = f", kept {kept} bookmarked" if kept else ""
        self.notify(f"Unsubscribed from {clean_line(name)} ({removed} articles deleted{kept_text})", markup=False)
        self.reload_view()
        for screen in self.app.screen_stack:
            if hasattr(screen, "reload") and screen is not self:
                screen.reload()
