"""The Textual application: styles, global keys, the command palette, and the background work.

The App owns the workers (refresh, subscribe, extraction), because they outlive any one screen; their
results arrive as `News` messages, which `announce` hands to every screen on the stack.
"""

from __future__ import annotations

import copy
import sys
import threading
from collections.abc import Callable, Iterable
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from textual.app import App, SystemCommand
from textual.driver import Driver
from textual.screen import Screen
from textual.theme import Theme

from spacereader.config import Settings
from spacereader.config_edit import ConfigEditError
from spacereader.entities.extract import EntityExtractor, PlainExtractor
from spacereader.paths import styles_dir
from spacereader.store import Connection, Store
from spacereader.store.views import ViewCounts
from spacereader.ui import collector, work
from spacereader.ui.dialogs.help import HelpScreen
from spacereader.ui.keys import APP_BINDINGS, COMMANDS, LIST_BINDINGS
from spacereader.ui.messages import ArticlesMarked, ArticleStateFailed, ArticleStateSaved, MarkFailed, News
from spacereader.ui.screens.main import MainScreen
from spacereader.ui.theme_saver import ThemeSaver
from spacereader.ui.warm_up import warm_up
from spacereader.ui.widgets.article_list import ArticleList
from spacereader.ui.writer import BulkMark, StateChange, StateWriter

if TYPE_CHECKING:
    from spacereader.entities.service import ExtractionService
    from spacereader.ingest.fetch import Fetcher


class SpaceReaderApp(App[None]):
    """spacereader's TUI; receives its collaborators rather than reaching for globals."""

    TITLE = "spacereader"
    CSS_PATH = [styles_dir() / "app.tcss"]  # the dialogs bring dialogs.tcss when first opened
    ENABLE_COMMAND_PALETTE = True
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (100, "-wide")]
    """The screen's `-narrow` (list over article) or `-wide` (three panes) class; `layout` may fix one."""
    BINDINGS = APP_BINDINGS

    def __init__(
        self,
        store: Store,
        settings: Settings | None = None,
        *,
        extractor: EntityExtractor | None = None,
        fetcher: Fetcher | None = None,
        extraction_service: ExtractionService | None = None,
        startup_warnings: Iterable[str] = (),
        config_path: Path | None = None,
    ) -> None:
        super().__init__()
        self.store = store
        self.settings = settings or Settings()
        if self.settings.layout != "auto":
            self.HORIZONTAL_BREAKPOINTS = [(0, f"-{self.settings.layout}")]
        if self.settings.theme in self.available_themes:
            self.theme = self.settings.theme
        self.theme_saver = ThemeSaver(config_path, self.theme) if config_path is not None else None
        """Writes a theme picked in the reader to the config file; None when there is no file to write."""
        self.extractor: EntityExtractor = extractor or PlainExtractor()
        self._fetcher = fetcher
        self._coalesce_lock = threading.Lock()
        self._coalesced: dict[str, bool] = {}
        """Groups with a coalesced check running, each with whether another run was asked for meanwhile."""
        self.extraction_service = extraction_service
        """The extraction process for the real model; None runs the (light) extractor in a thread."""
        self.startup_warnings = list(startup_warnings)
        self.stopping = threading.Event()
        """Set on quit: every worker checks it between steps and ends."""

        self.conn: Connection = store.connect()
        self.view_counts = ViewCounts()
        """Saved views' counts, kept until the cache changes under them (the views screen's second look)."""
        self.writer = StateWriter(store, self._state_saved, self._state_failed, self._marked)

    def make_fetcher(self) -> Fetcher:
        """A fetcher for one job, with its own client: a refresh, a subscribe and a page fetch can run at once,
        each on its own event loop, and one client cannot serve two loops. httpx is imported only when a feed
        is first fetched, not at start-up."""
        if self._fetcher is None:
            from spacereader.ingest.fetch import Fetcher

            self._fetcher = Fetcher()
        return self._fetcher.clone()

    def get_default_screen(self) -> Screen:
        return MainScreen(self.conn)

    def on_mount(self) -> None:
        self.call_after_refresh(collector.resume)  # held off while starting (see collector)
        self.call_after_refresh(warm_up, self)  # what first presses would load, once the reader is idle
        if self.settings.keys:
            self.set_keymap(self.settings.keys)
        for warning in self.startup_warnings:
            self.notify(warning, severity="warning", timeout=8, markup=False)
        self.theme_changed_signal.subscribe(self, self.keep_theme)
        if self.settings.sync is not None:  # the cache is on screen first; the server is asked afterwards
            self.call_after_refresh(self.refresh_feeds)

    def announce(self, message: News) -> None:
        """Hand a worker's result to every screen on the stack; each handles what it cares about.

        Safe from any thread (`post_message` is); posted straight to the screens, not through the App's
        queue, so a result is one hop from its worker as it would be from a widget.
        """
        for screen in list(self._screen_stack):
            screen.post_message(copy.copy(message))

    def keep_theme(self, theme: Theme) -> None:
        """Save a newly picked theme in the config file, so the next start uses it."""
        if self.theme_saver is not None and self.theme_saver.want(theme.name):
            self._run(self._save_theme, "config")

    def _save_theme(self) -> None:
        assert self.theme_saver is not None
        try:
            saved = self.theme_saver.save()
        except ConfigEditError as error:
            self.notify(f"Theme not saved: {error}", severity="warning", timeout=8, markup=False)
            return
        if saved is not None:
            self.notify(f"Theme {saved} saved in {self.theme_saver.path}", timeout=2, markup=False)

    # -- background work --------------------------------------------------------------------------------

    def _run(self, job: Callable[[], None], group: str, *, exclusive: bool = False) -> None:
        self.run_worker(job, group=group, thread=True, exclusive=exclusive, exit_on_error=False)

    def _run_coalesced(self, job: Callable[[], None], group: str) -> None:
        """Run a check that is asked for often (after every extraction batch): never two at once, and a request
        made while one runs is served by one more run after it, not by cancelling it (a cancelled thread
        worker still runs to its end, so two would overlap)."""
        with self._coalesce_lock:
            if group in self._coalesced:
                self._coalesced[group] = True  # the running loop goes round once more
                return
            self._coalesced[group] = False

        def loop() -> None:
            try:
                while True:
                    job()
                    with self._coalesce_lock:
                        if not self._coalesced[group]:
                            del self._coalesced[group]
                            return
                        self._coalesced[group] = False
            except BaseException:
                with self._coalesce_lock:
                    self._coalesced.pop(group, None)
                raise

        self._run(loop, group)

    @property
    def refreshing(self) -> bool:
        """Whether a refresh is running."""
        return any(w.group == "refresh" and w.is_running for w in self.workers)

    def refresh_feeds(self) -> None:
        """Fetch every feed in the background; with [sync] set, sync with the server instead."""
        job = work.sync_feeds if self.settings.sync is not None else work.refresh_feeds
        self._run(partial(job, self), "refresh", exclusive=True)

    def subscribe_feed(self, url: str) -> None:
        """Subscribe to a URL in the background (on the server when [sync] is set)."""
        job = work.subscribe_on_server if self.settings.sync is not None else work.subscribe_feed
        self._run(partial(job, self, url), "subscribe")

    def remove_feed(self, feed_id: int, name: str) -> None:
        """Unsubscribe in the background (on the server first when [sync] is set)."""
        job = work.unsubscribe_on_server if self.settings.sync is not None else work.unsubscribe_feed
        self._run(partial(job, self, feed_id, name), "writes")

    def fetch_full_text(self, article_id: int) -> None:
        """Fetch the article's page in the background (or restore the feed's text)."""
        self._run(partial(work.full_text, self, article_id), "full-text", exclusive=True)

    def set_full_text(self, feed_id: int, name: str, on: bool) -> None:
        """Save a feed's full-text setting in the background."""
        self._run(partial(work.set_feed_full_text, self, feed_id, name, on), "writes")

    def save_view(self, name: str, query: str) -> None:
        """Save a search as a view in the background."""
        self._run(partial(work.keep_view, self, name, query), "writes")

    def hand_on(self, article_id: int, how: str) -> None:
        """Save the article as Markdown (`how` "save") or pipe it to the configured command ("pipe")."""
        self._run(partial(work.hand_on_article, self, article_id, how), "handoff")

    def sweep_ignored(self) -> None:
        """Let the entity ignore rules judge new articles that extraction has reached (none set: nothing to do)."""
        if any("entity:" in rule.lower() for rule in self.settings.ignore_rules):
            self._run_coalesced(partial(work.sweep_ignored, self), "ignore-sweep")

    def check_watches(self) -> None:
        """Look for new matches of watched entities and views in the background."""
        self._run_coalesced(partial(work.check_watches, self), "watches")

    def toggle_watch(self, kind: str, name: str, entity_id: int | None = None) -> None:
        """Watch an entity or view, or stop watching it."""
        self._run(partial(work.toggle_watch, self, kind, name, entity_id), "writes")

    def see_watch(self, kind: str, name: str) -> None:
        """Count a watch's matches as seen (its list was opened)."""
        self._run(partial(work.see_watch, self, kind, name), "writes")

    def remember(self, name: str, value: str) -> None:
        """Remember a choice between starts, in the background."""
        self._run(partial(work.keep_preference, self, name, value), "writes")

    def catch_up_index(self) -> None:
        """Index what an interrupted refresh stored but did not; search finds the rest meanwhile."""
        self._run(partial(work.catch_up_index, self), "index", exclusive=True)

    def start_extraction(self, first_id: int | None) -> None:
        """Start extraction, or tell it new articles arrived.

        With an extraction process (the real model) the reader only relays its reports; otherwise
        (a light extractor) a thread worker runs the backlog.
        """
        service = self.extraction_service
        if service is None:
            self._run(partial(work.extract_all, self, first_id), "entities-backlog", exclusive=True)
        elif service.alive:
            service.rescan()
        else:
            service.start()
            if first_id is not None:
                service.request(first_id)
            self._run(partial(work.relay_extraction_events, self), "entities-events", exclusive=True)

    def extract_first(self, article_id: int) -> None:
        """Ask for one article's entities ahead of the backlog."""
        if self.extraction_service is not None:
            self.extraction_service.request(article_id)
        else:
            self._run(partial(work.extract_now, self, article_id), "entities-now", exclusive=True)

    # Called on the writer thread: post_message is thread-safe.
    def _state_saved(self, change: StateChange) -> None:
        self.announce(ArticleStateSaved(change.article_id, change.read, change.bookmarked))

    def _state_failed(self, change: StateChange | BulkMark, reason: str) -> None:
        if isinstance(change, BulkMark):
            self.announce(MarkFailed(reason))
        else:
            self.announce(ArticleStateFailed(change.article_id, reason))

    def _marked(self, change: BulkMark, article_ids: tuple[int, ...]) -> None:
        self.announce(ArticlesMarked(article_ids, not change.restore, change.label, change.view))

    # -- keys ---------------------------------------------------------------------------------------------

    def get_driver_class(self) -> type[Driver]:
        chosen = super().get_driver_class()
        if sys.platform == "win32":
            return chosen
        from spacereader.ui.leaving import leaving_driver  # quits without waiting on the input thread

        return leaving_driver(chosen)

    async def action_quit(self) -> None:
        """Save pending changes, tell every background job to stop, then leave without waiting on them."""
        if sys.platform != "win32":
            from spacereader.ui.leaving import leave

            leave()
        self.stopping.set()
        if self.extraction_service is not None:
            self.extraction_service.stop()
        self.workers.cancel_all()
        self.writer.flush()
        self.exit()

    def action_help(self) -> None:
        """Show every key and what it does."""
        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(self.settings.keys))

    def on_unmount(self) -> None:
        self.stopping.set()
        if self.extraction_service is not None:
            self.extraction_service.close(timeout=0.05)  # between articles, or terminated: never waited on long
        self.writer.flush()
        self.conn.close()

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        main = self.screen_stack[0] if self.screen_stack else None
        if not isinstance(main, MainScreen):
            return
        article_list = main.query_one(ArticleList)
        for binding in COMMANDS:
            owner = article_list if binding in LIST_BINDINGS else main
            action = binding.action
            yield SystemCommand(
                f"{binding.description} ({binding.key})",
                binding.tooltip or binding.description,
                lambda owner=owner, action=action: owner.run_action(action),
            )
        yield SystemCommand("Help: show keys (?)", "Every key and what it does", self.action_help)
