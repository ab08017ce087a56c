"""Saved views (named queries, like newsboat's query feeds) with their unread counts."""

from __future__ import annotations

from collections.abc import Mapping

from rich.text import Text
from textual.binding import Binding
from textual.widgets import DataTable, Static

from spacereader.models import SavedView
from spacereader.safe_text import clean_line
from spacereader.store import Connection
from spacereader.store.views import delete_view, list_views
from spacereader.store.watches import list_watches
from spacereader.ui.screens.table_picker import TablePicker


class ViewsScreen(TablePicker[str | None]):
    """Choose a view with enter or its number; `d` deletes a view saved from the app."""

    BINDINGS = [
        Binding("enter", "choose", "Open view", id="choose-view"),
        Binding("d,delete", "delete", "Delete view", id="delete-view"),
        *[Binding(str(n), f"open_number({n})", show=False) for n in range(1, 10)],
    ]

    NAME = "views"
    COLUMNS = ("#", "View", "Unread", "Total", "Query", "From", "Watch")

    def __init__(self, conn: Connection, config_views: Mapping[str, str]) -> None:
        super().__init__()
        self.conn = conn
        self.config_views = config_views
        self.items: list[SavedView] = []

    @property
    def views(self) -> list[SavedView]:
        """The views as listed."""
        return self.items

    def reload(self) -> None:
        """Read the views and their counts again."""
        table = self.query_one(DataTable)
        table.clear()
        self.items = list_views(self.conn, self.config_views)
        watched = {w.name: w.unseen for w in list_watches(self.conn) if w.kind == "view"}
        for number, view in enumerate(self.items, start=1):
            table.add_row(
                Text(str(number) if number < 10 else ""),
                Text(clean_line(view.name)),
                Text(str(view.unread), justify="right"),
                Text(str(view.total), justify="right"),
                Text(clean_line(view.error or view.query), style="red" if view.error else ""),
                Text(view.source),
                Text(_watch_cell(watched.get(view.name))),
            )
        hint = (
            "enter or 1-9: open · d: delete · escape: close"
            if self.items
            else "No saved views yet: search with /, then S saves the search as a view."
        )
        self.query_one("#views-title", Static).update(Text(f"Views ({len(self.items)}) · {hint}"))

    def action_choose(self) -> None:
        view = self.current_item()
        if view is not None:
            self.dismiss(view.name)

    def action_open_number(self, number: int) -> None:
        if number <= len(self.items):
            self.dismiss(self.items[number - 1].name)

    def action_delete(self) -> None:
        view = self.current_item()
        if view is None:
            return
        if view.source != "cache":
            self.notify("That view is defined in the config file; edit it there", severity="warning")
            return
        delete_view(self.conn, view.name)
        self.reload()


def _watch_cell(unseen: int | None) -> str:
    """'', 'watched', or 'watched · 2 new'."""
    if unseen is None:
        return ""
    return f"watched · {unseen} new" if unseen else "watched"
