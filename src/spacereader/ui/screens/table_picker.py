"""A modal list of rows to choose from, shared by the feeds and views screens."""

from __future__ import annotations

from typing import Generic, TypeVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import ModalScreen
from textual.widgets import DataTable, Footer, Static

Result = TypeVar("Result")


class TablePicker(ModalScreen[Result], Generic[Result]):
    """j/k or arrows move, enter (or a click) chooses, escape closes; subclasses fill `items` and the table."""

    BINDINGS = [
        Binding("escape,q", "close", "Close", id="close-picker"),
        Binding("j", "cursor_down", show=False),
        Binding("k", "cursor_up", show=False),
    ]

    NAME = "picker"
    """Names the title and table ids (`NAME-title`, `NAME-table`) that the styles address."""
    COLUMNS: tuple[str, ...] = ()
    TITLE = ""
    """The title shown until `reload` writes the real one."""

    items: list = []

    def compose(self) -> ComposeResult:
        yield Static(Text(self.TITLE), id=f"{self.NAME}-title")
        yield DataTable(id=f"{self.NAME}-table", cursor_type="row", zebra_stripes=True)
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_columns(*self.COLUMNS)
        self.reload()
        table.focus()

    def reload(self) -> None:
        """Fill `items` and the table (again)."""
        raise NotImplementedError

    def current_item(self):
        """The highlighted row's item, or None."""
        row = self.query_one(DataTable).cursor_row
        return self.items[row] if self.items and row is not None and row < len(self.items) else None

    def action_cursor_down(self) -> None:
        self.query_one(DataTable).action_cursor_down()

    def action_cursor_up(self) -> None:
        self.query_one(DataTable).action_cursor_up()

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.action_choose()

    def action_choose(self) -> None:
        """Subclasses dismiss with their result."""

    def action_close(self) -> None:
        self.dismiss(None)
