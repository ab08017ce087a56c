"""The search line: owns the query text, its parsing and the debounce, and posts what the query became."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from textual.message import Message
from textual.widgets import Input

from spacereader.models import ArticleFilter
from spacereader.search.query import QueryError, search_filter

PLACEHOLDER = 'search: words "a phrase" -not feed: entity: is:unread after:7d'


class SearchBar(Input):
    """Built when first opened and hidden when closed; results follow the typing, one search per burst of keystrokes."""

    @dataclass
    class Searched(Message):
        """The query parsed: show `view` (None: the line is empty, so show the list from before)."""

        view: ArticleFilter | None
        text: str

    @dataclass
    class Invalid(Message):
        """The query does not parse; the last results stay and the reason is shown."""

        reason: str

    @dataclass
    class Closed(Message):
        """The line closed: `keep` (enter) keeps the results; otherwise `origin` is to be shown again."""

        origin: Any
        keep: bool

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(placeholder=PLACEHOLDER, id=id)
        self.origin: Any = None
        """Whatever the list showed before the line opened (the screen's list state), handed back on close."""
        self._pending: str | None = None
        self.display = False

    @property
    def active(self) -> bool:
        """Whether the line is open."""
        return bool(self.display)

    def open(self, origin: Any) -> None:
        """Show the line empty (or focus it again if it is already open)."""
        if not self.display:
            self.origin = origin
            self.value = ""
            self.display = True
        self.focus()

    def close(self, *, keep: bool) -> None:
        """Hide the line and say whether its results stay."""
        origin, self.origin = self.origin, None
        self.display = False
        self.post_message(self.Closed(origin, keep))

    def on_input_changed(self, event: Input.Changed) -> None:
        """Queue the search behind the keystrokes already waiting, so a burst of typing runs one search."""
        event.stop()
        if self._pending is None:
            self.call_later(self._run_pending)
        self._pending = event.value

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.close(keep=True)

    def _run_pending(self) -> None:
        text, self._pending = self._pending, None
        if text is None or not self.active:
            return
        if not text.strip():
            self.post_message(self.Searched(None, text))
            return
        view = search_filter(text, live=True)
        if isinstance(view, QueryError):
            self.post_message(self.Invalid(view.message))
        else:
            self.post_message(self.Searched(view, text.strip()))
