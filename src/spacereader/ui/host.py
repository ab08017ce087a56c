"""What the screens may ask of the App beyond Textual's own API: a protocol, so screens need not import it.

The App imports the screens; were the screens to import the App back (even for type checking only),
the two would form a cycle.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    import threading

    from textual.notifications import SeverityLevel

    from spacereader.config import Settings
    from spacereader.entities.extract import EntityExtractor
    from spacereader.entities.service import ExtractionService
    from spacereader.ingest.fetch import Fetcher
    from spacereader.store import Store
    from spacereader.store.views import ViewCounts
    from spacereader.ui.messages import News
    from spacereader.ui.writer import StateWriter


class ReaderHost(Protocol):
    """The reader App as its screens see it: settings, collaborators and background work."""

    settings: Settings
    extractor: EntityExtractor
    writer: StateWriter

    @property
    def refreshing(self) -> bool: ...

    def refresh_feeds(self) -> None: ...

    def subscribe_feed(self, url: str) -> None: ...

    def remove_feed(self, feed_id: int, name: str) -> None: ...

    def save_view(self, name: str, query: str) -> None: ...

    def fetch_full_text(self, article_id: int) -> None: ...

    def set_full_text(self, feed_id: int, name: str, on: bool) -> None: ...

    def start_extraction(self, first_id: int | None) -> None: ...

    def remember(self, name: str, value: str) -> None: ...

    def hand_on(self, article_id: int, how: str) -> None: ...

    def sweep_ignored(self) -> None: ...

    def check_watches(self) -> None: ...

    def toggle_watch(self, kind: str, name: str, entity_id: int | None = None) -> None: ...

    def see_watch(self, kind: str, name: str) -> None: ...

    def catch_up_index(self) -> None: ...

    def extract_first(self, article_id: int) -> None: ...


class WorkerHost(Protocol):
    """The reader App as its background jobs see it: every call here is safe from a worker thread."""

    store: Store
    settings: Settings
    extractor: EntityExtractor
    extraction_service: ExtractionService | None
    stopping: threading.Event
    view_counts: ViewCounts

    def make_fetcher(self) -> Fetcher: ...

    def announce(self, message: News) -> None: ...

    def notify(self, message: str, *, severity: SeverityLevel = "information", markup: bool = True) -> None: ...
