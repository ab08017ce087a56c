"""A modal list of rows to choose from, shared by the feeds, views and links screens.

Its columns are fitted to the screen's width (the least important dropped first, the flexible ones sharing
what is left, long cells cut with an ellipsis), so no table scrolls sideways from 60 columns up. The table
(`RowTable`) asks for a row's cells only when the row comes into view: 2,000 feeds cost a screenful's cells.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import ModalScreen
from textual.widgets import Static

from spacereader.paths import dialog_styles
from spacereader.ui.widgets.key_bar import KeyBar
from spacereader.ui.widgets.row_table import RowTable

Result = TypeVar("Result")

CELL_PADDING = 2
"""The table pads each cell by one column either side."""
SCROLLBAR = 1
"""The table's vertical scrollbar (styles/dialogs.tcss keeps it one column wide)."""


@dataclass(frozen=True, slots=True)
class Column:
    """One table column: a fixed `width`, or flexible (`share` > 0) between `width` and `most` columns.

    `drop` orders the columns given up when the screen is too narrow for all: highest first; 0 never.
    """

    label: str
    width: int
    drop: int = 0
    share: int = 0
    most: int = 0


def fit_columns(columns: Sequence[Column], room: int) -> list[tuple[int, int]]:
    """(index, width) of the columns that fit in `room` screen columns, in their order.

    Least important columns go first until the rest fit at their smallest; the flexible ones then share
    what is left by their `share`, each up to its `most`.
    """
    kept = list(range(len(columns)))

    def needed() -> int:
        return sum(columns[i].width + CELL_PADDING for i in kept)

    for index in sorted((i for i, c in enumerate(columns) if c.drop), key=lambda i: -columns[i].drop):
        if needed() <= room:
            break
        kept.remove(index)
    widths = {i: columns[i].width for i in kept}
    spare = room - needed()
    flexible = [i for i in kept if columns[i].share]
    while spare > 0 and flexible:
        shares = sum(columns[i].share for i in flexible)
        given = 0
        for i in flexible:
            extra = min(max(1, spare * columns[i].share // shares), columns[i].most - widths[i], spare - given)
            widths[i] += extra
            given += extra
        spare -= given
        flexible = [i for i in flexible if widths[i] < columns[i].most]
        if not given:
            break
    return [(i, widths[i]) for i in kept]


class TablePicker(ModalScreen[Result], Generic[Result]):
    """j/k or arrows move, enter (or a click) chooses, escape closes; subclasses fill `items` and say each
    row's cells (`cells`, one Text per column of COLUMNS)."""

    CSS_PATH = dialog_styles()

    BINDINGS = [
        Binding("escape,q", "close", "Close", id="close-picker"),
        Binding("j", "cursor_down", show=False),
        Binding("k", "cursor_up", show=False),
    ]

    NAME = "picker"
    """Names the title and table ids (`NAME-title`, `NAME-table`) that the styles address."""
    COLUMNS: tuple[Column, ...] = ()
    TITLE = ""
    """The title shown until `reload` writes the real one."""

    items: list = []

    def __init__(self) -> None:
        super().__init__()
        self.fitted: list[tuple[int, int]] = []
        """The columns shown, as (index in COLUMNS, width), for the current screen width."""

    def compose(self) -> ComposeResult:
        yield Static(Text(self.TITLE), id=f"{self.NAME}-title")
        yield RowTable(id=f"{self.NAME}-table", zebra_stripes=True)
        yield Static(id=f"{self.NAME}-detail", classes="picker-detail")
        yield KeyBar()  # the main screen's key line: Textual's Footer mounts and styles a widget per key

    def on_mount(self) -> None:
        self.fit(self.app.size.width)
        self.reload()
        self.query_one(RowTable).focus()

    def fit(self, width: int) -> bool:
        """Choose the columns for a screen `width` columns wide; True when they changed."""
        fitted = fit_columns(self.COLUMNS, width - SCROLLBAR)
        if fitted == self.fitted:
            return False
        self.fitted = fitted
        self.query_one(RowTable).set_columns([(Text(self.COLUMNS[i].label), width) for i, width in fitted])
        return True

    def on_resize(self, event: events.Resize) -> None:
        cursor = self.query_one(RowTable).cursor_row
        if self.fit(event.size.width):
            self.show_items(self.items, cursor=cursor)

    def reload(self) -> None:
        """Fill `items` and the table (again)."""
        raise NotImplementedError

    def cells(self, item) -> Sequence[Text]:
        """One Text per column of COLUMNS for an item."""
        raise NotImplementedError

    def detail(self, item) -> str:
        """The highlighted item's text that a narrow column may cut (an error), shown whole under the table."""
        return ""

    def on_row_table_row_highlighted(self, event: RowTable.RowHighlighted) -> None:
        item = self.current_item()
        text = self.detail(item) if item is not None else ""
        line = self.query_one(f"#{self.NAME}-detail", Static)
        line.update(Text(text))
        line.display = bool(text)

    def show_items(self, items: list, *, cursor: int = 0) -> None:
        """Show `items` with the cursor on the row at `cursor`; their cells are made as they come into view."""
        self.items = items
        self.query_one(RowTable).show(len(items), self._row_cells, cursor=cursor)

    def _row_cells(self, row: int) -> list[Text]:
        """The row's cells for the fitted columns, each cut to its width with an ellipsis."""
        cells = self.cells(self.items[row])
        fitted = []
        for index, width in self.fitted:
            cell = cells[index].copy()
            cell.truncate(width, overflow="ellipsis")
            fitted.append(cell)
        return fitted

    def refresh_row(self, row: int) -> None:
        """Draw a row again after its item changed."""
        self.query_one(RowTable).refresh_row(row)

    def current_item(self):
        """The highlighted row's item, or None."""
        row = self.query_one(RowTable).cursor_row
        return self.items[row] if self.items and row < len(self.items) else None

    def action_cursor_down(self) -> None:
        self.query_one(RowTable).action_cursor_down()

    def action_cursor_up(self) -> None:
        self.query_one(RowTable).action_cursor_up()

    def on_row_table_row_selected(self, event: RowTable.RowSelected) -> None:
        event.stop()
        self.action_choose()

    def action_choose(self) -> None:
        """Subclasses dismiss with their result."""

    def action_close(self) -> None:
        self.dismiss(None)
