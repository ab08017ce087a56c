"""The Textual application: styles, global keys, the command palette, and the main screen."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from typing import TYPE_CHECKING

from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.screen import Screen

from spacereader.config import Settings
from spacereader.entities.extract import EntityExtractor, PlainExtractor
from spacereader.paths import styles_dir
from spacereader.store import Store
from spacereader.ui.dialogs.help import HelpScreen
from spacereader.ui.messages import ArticleStateFailed, ArticleStateSaved
from spacereader.ui.screens.main import MainScreen
from spacereader.ui.widgets.article_list import ArticleList
from spacereader.ui.writer import StateChange, StateWriter

if TYPE_CHECKING:
    from spacereader.entities.service import ExtractionService
    from spacereader.ingest.fetch import Fetcher


class SpaceReaderApp(App[None]):
    """spacereader's TUI; receives its collaborators rather than reaching for globals."""

    TITLE = "spacereader"
    CSS_PATH = [styles_dir() / "app.tcss", styles_dir() / "dialogs.tcss"]
    ENABLE_COMMAND_PALETTE = True
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (100, "-wide")]
    BINDINGS = [
        Binding("q", "quit", "Quit", id="quit", tooltip="Quit spacereader"),
        Binding("question_mark", "help", "Help", id="help", tooltip="Show every key"),
    ]

    def __init__(
        self,
        store: Store,
        settings: Settings | None = None,
        *,
        extractor: EntityExtractor | None = None,
        fetcher: Fetcher | None = None,
        extraction_service: ExtractionService | None = None,
        startup_warnings: Iterable[str] = (),
    ) -> None:
        super().__init__()
        self.store = store
        self.settings = settings or Settings()
        self.extractor: EntityExtractor = extractor or PlainExtractor()
        self._fetcher = fetcher
        self.extraction_service = extraction_service
        """The extraction process for the real model; None runs the (light) extractor in a thread."""
        self.startup_warnings = list(startup_warnings)
        self.conn: sqlite3.Connection = store.connect()
        self.writer = StateWriter(store, self._state_saved, self._state_failed)

    def make_fetcher(self) -> Fetcher:
        """The HTTP fetcher; httpx is imported only when a feed is first fetched, not at start-up."""
        if self._fetcher is None:
            from spacereader.ingest.fetch import Fetcher

            self._fetcher = Fetcher()
        return self._fetcher

    def get_default_screen(self) -> Screen:
        return MainScreen(self.conn)

    def on_mount(self) -> None:
        if self.settings.keys:
            self.set_keymap(self.settings.keys)
        for warning in self.startup_warnings:
            self.notify(warning, severity="warning", timeout=8, markup=False)

    # Called on the writer thread: post_message is thread-safe.
    def _state_saved(self, change: StateChange) -> None:
        self.screen_stack[0].post_message(ArticleStateSaved(change.article_id, change.read, change.bookmarked))

    def _state_failed(self, change: StateChange, reason: str) -> None:
        self.screen_stack[0].post_message(ArticleStateFailed(change.article_id, reason))

    async def action_quit(self) -> None:
        """Save pending changes, then leave."""
        self.writer.flush()
        self.exit()

    def action_help(self) -> None:
        """Show every key and what it does."""
        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(self.settings.keys))

    def on_unmount(self) -> None:
        if self.extraction_service is not None:
            self.extraction_service.close()
        self.writer.flush()
        self.conn.close()

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        main = self.screen_stack[0] if self.screen_stack else None
        if not isinstance(main, MainScreen):
            return
        article_list = main.query_one(ArticleList)
        for binding in COMMANDS:
            owner = article_list if binding in ArticleList.BINDINGS else main
            action = binding.action
            yield SystemCommand(
                f"{binding.description} ({binding.key})",
                binding.tooltip or binding.description,
                lambda owner=owner, action=action: owner.run_action(action),
            )
        yield SystemCommand("Help: show keys (?)", "Every key and what it does", self.action_help)


COMMANDS: list[Binding] = [*ArticleList.BINDINGS, *MainScreen.BINDINGS]


def all_bindings() -> list[tuple[str, list[Binding]]]:
    """Every remappable binding, grouped by where it applies."""
    return [
        ("Article list", list(ArticleList.BINDINGS)),
        ("Anywhere", [b for b in (*MainScreen.BINDINGS, *SpaceReaderApp.BINDINGS) if not (b.id or "").startswith("open-view-")]),
    ]


def binding_ids() -> frozenset[str]:
    """Ids accepted in the config's [keys] table."""
    return frozenset(b.id for b in (*COMMANDS, *SpaceReaderApp.BINDINGS) if b.id)
