"""One line at the bottom: counts, the current view and background progress."""

from __future__ import annotations

from rich.text import Text
from textual.reactive import reactive
from textual.widgets import Static

from spacereader.safe_text import clean_line


class StatusLine(Static):
    """Literal text only: it may quote feed names and error messages. Each handler sets its own field."""

    counts: reactive[tuple[str, ...]] = reactive((), init=False)
    """'12 articles', '3 unread' (or '5 matches' while searching)."""
    title: reactive[str] = reactive("", init=False)
    """What the list shows."""
    search_error: reactive[str] = reactive("", init=False)
    """Why the query in the search line does not parse."""
    progress: reactive[str] = reactive("", init=False)
    """Refresh or subscribe progress."""
    extraction: reactive[str] = reactive("finding entities…", init=False)
    """Entity extraction progress, or which extractor runs."""

    def watch_counts(self) -> None:
        self._draw()

    def watch_title(self) -> None:
        self._draw()

    def watch_search_error(self) -> None:
        self._draw()

    def watch_progress(self) -> None:
        self._draw()

    def watch_extraction(self) -> None:
        self._draw()

    def _draw(self) -> None:
        parts = [*self.counts, self.title, self.search_error or self.progress or self.extraction]
        # One line of fixed height: no layout pass needed, which keeps each keystroke cheap.
        self.update(
            Text(" · ".join(clean_line(p) for p in parts if p), no_wrap=True, overflow="ellipsis"), layout=False
        )
