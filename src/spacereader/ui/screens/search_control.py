"""The main screen's search line, sort order and saved views.

A mixin so `main.py` stays a router. Searches are small indexed reads (FTS5), run as the user types.
"""

from __future__ import annotations

import sqlite3
from contextlib import closing
from dataclasses import replace

from textual import work
from textual.binding import Binding
from textual.widgets import Input

from spacereader.models import SORTS
from spacereader.safe_text import clean_line
from spacereader.search.query import QueryError, search_filter
from spacereader.store.views import find_view, save_view, view_filter, view_queries
from spacereader.ui.dialogs.name_view import NameViewDialog
from spacereader.ui.screens.views import ViewsScreen
from spacereader.ui.widgets.article_list import ArticleList

SEARCH_BINDINGS = [
    Binding("slash", "open_search", "Search", id="search", tooltip="Search as you type; escape returns"),
    Binding("s", "cycle_sort", "Sort", show=False, id="cycle-sort", tooltip="Sort by date, feed, title or unread"),
    Binding("v", "show_views", "Views", id="show-views", tooltip="Saved searches with unread counts"),
    Binding("S", "save_view", "Save view", show=False, id="save-view", tooltip="Save the current search as a view"),
    *[Binding(str(n), f"open_view_number({n})", f"Open view {n}", show=False, id=f"open-view-{n}") for n in range(1, 10)],
]


class SearchControl:
    """Search line, sort and views, for MainScreen."""

    _search_origin = None
    """The list state before the search line opened; escape returns to it."""
    _search_message = ""

    def search_active(self) -> bool:
        """Whether the search line is open."""
        return self.query_one("#search-line", Input).display

    def action_open_search(self) -> None:
        """Open the search line; results replace the list as the user types."""
        line = self.query_one("#search-line", Input)
        if not line.display:
            self._search_origin = self.current_state()
            line.value = ""
            line.display = True
        line.focus()

    _pending_query: str | None = None

    def on_input_changed(self, event: Input.Changed) -> None:
        """Queue the search behind the keystrokes already waiting, so a burst of typing runs one search."""
        if event.input.id != "search-line":
            return
        if self._pending_query is None:
            self.call_later(self._run_pending_search)
        self._pending_query = event.value

    def _run_pending_search(self) -> None:
        text, self._pending_query = self._pending_query, None
        if text is not None and self.search_active():
            self.run_search(text)

    def run_search(self, text: str) -> None:
        """Show the query's results now, or keep the last results and say what is wrong with it."""
        if not text.strip():
            self._search_message = ""
            self.load_state(self._search_origin)
            return
        view = search_filter(text, live=True)
        if isinstance(view, QueryError):
            self._search_message = view.message
            self.update_status()
            return
        self._search_message = ""
        self.load_state(type(self.state)(view, f"Search: {text.strip()}", highlight=view.search.highlight_words))

    def on_input_submitted(self, event: Input.Submitted) -> None:
        """Enter keeps the results and hands the keyboard to the list; escape there returns."""
        if event.input.id != "search-line":
            return
        event.stop()
        if self._search_origin is not None and self.state.view.search is not None:
            self._history.append(self._search_origin)
        self._close_search()

    def cancel_search(self) -> None:
        """Escape in the search line: the list and selection from before the search come back."""
        origin = self._search_origin
        self._close_search()
        if origin is not None:
            self.load_state(origin)

    def _close_search(self) -> None:
        line = self.query_one("#search-line", Input)
        line.display = False
        self._search_origin = None
        self._search_message = ""
        self.query_one(ArticleList).focus()
        self.update_status()

    def action_cycle_sort(self) -> None:
        """Next sort order: date, feed, title, unread first (and best match while searching)."""
        view = self.state.view
        orders = [s for s in SORTS if s != "relevance" or view.search is not None]
        following = orders[(orders.index(view.sort) + 1) % len(orders)] if view.sort in orders else orders[0]
        self.load_state(replace(self.current_state(), view=replace(view, sort=following), index=0))
        self.notify(f"Sorted by {following}", timeout=1.5)

    def action_show_views(self) -> None:
        """The saved views; choosing one shows its articles."""
        self.app.push_screen(ViewsScreen(self.conn, self.app.settings.views), self.open_view)

    def open_view(self, name: str | None) -> None:
        """Show a saved view's articles (the query runs now: a view is a query, not a copy)."""
        if name is None:
            return
        query = find_view(self.conn, name, self.app.settings.views)
        view = view_filter(query) if query is not None else QueryError(f"no view named {name!r}")
        if isinstance(view, QueryError):
            self.notify(f"View {name}: {view.message}", severity="error", markup=False)
            return
        highlight = view.search.highlight_words if view.search is not None else ()
        self.load_state(type(self.state)(view, f"View: {name}", highlight=highlight), remember=True)

    def action_open_view_number(self, number: int) -> None:
        """Open the nth view with one key."""
        views = view_queries(self.conn, self.app.settings.views)  # names only: counting is for the list
        if number <= len(views):
            self.open_view(views[number - 1][0])
        else:
            self.notify(f"There is no view {number}: press v to see them", timeout=2)

    def action_save_view(self) -> None:
        """Name the current search and keep it as a view."""
        search = self.state.view.search
        if search is None:
            self.notify("Search first (/), then S saves the search as a view", timeout=3)
            return

        def save(name: str | None) -> None:
            if name:
                self.save_view(name, search.text)

        self.app.push_screen(NameViewDialog(search.text), save)

    @work(thread=True, group="writes", exit_on_error=False)
    def save_view(self, name: str, query: str) -> None:
        try:
            with closing(self.app.store.connect()) as conn:
                save_view(conn, name, query)
        except (ValueError, sqlite3.Error) as error:
            self.app.call_from_thread(self.notify, f"View not saved: {error}", severity="error", markup=False)
            return
        self.app.call_from_thread(self.notify, f"Saved view {clean_line(name)}", markup=False)
