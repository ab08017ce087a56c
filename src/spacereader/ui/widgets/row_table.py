"""A table of one-line rows with a row cursor that draws only the rows in view, each straight into a Strip.

The feeds, views and links screens used Textual's DataTable, which keeps every row it is given, measures
every cell when it is added and renders each visible cell through Rich's padding and wrapping; every added
row also discards its rendered lines. With 2,000 feeds the feeds screen spent about 20 ms making rows and
26 ms rendering the first screenful's 300 cells, then drew the table again for each chunk of rows added.
Here the screen says how many rows there are and how to make one row's cells (already cut to their
columns' widths); only the rows on screen are ever made. It looks like DataTable (the same component
styles, in styles/dialogs.tcss), takes the same keys and mouse actions and posts the same two messages.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from rich.cells import cell_len
from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.geometry import Region, Size, Spacing
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip

CELL_PADDING = 1
"""Columns of padding either side of each cell, as DataTable."""
HEADER = 1
"""The header's height: one line, kept at the top while the rows scroll."""


class RowTable(ScrollView, can_focus=True):
    """Columns of fixed widths, rows made on demand by `cells_of(row)`; enter or a click on the highlighted
    row selects it."""

    BINDINGS = [
        Binding("enter", "select_cursor", "Select", show=False),
        Binding("up", "cursor_up", "Cursor up", show=False),
        Binding("down", "cursor_down", "Cursor down", show=False),
        Binding("pageup", "page_up", "Page up", show=False),
        Binding("pagedown", "page_down", "Page down", show=False),
        Binding("ctrl+home", "scroll_top", "Top", show=False),
        Binding("ctrl+end", "scroll_bottom", "Bottom", show=False),
    ]

    COMPONENT_CLASSES = {
        "row-table--header",
        "row-table--header-hover",
        "row-table--cursor",
        "row-table--hover",
        "row-table--even-row",
        "row-table--odd-row",
    }

    @dataclass
    class RowHighlighted(Message):
        """The cursor moved to another row (or the rows were replaced)."""

        table: RowTable
        cursor_row: int

    @dataclass
    class RowSelected(Message):
        """Enter on the highlighted row, or a click on it."""

        table: RowTable
        cursor_row: int

    def __init__(self, *, id: str | None = None, zebra_stripes: bool = False) -> None:
        super().__init__(id=id)
        self.zebra_stripes = zebra_stripes
        self.columns: list[tuple[Text, int]] = []
        """(label, width) of each column; the width leaves out the padding."""
        self.row_count = 0
        self.cursor_row = 0
        self._cells_of: Callable[[int], Sequence[Text]] = lambda row: ()
        self._hover_row: int | None = None
        """The row under the mouse (-1: the header), shown once the mouse has moved; keys hide it."""
        self._lines: dict[tuple[int, bool, bool], Strip] = {}
        """Drawn lines by (row, under the cursor, under the mouse), until the rows or the styles change."""

    # -- data -------------------------------------------------------------------------------------------

    @property
    def table_width(self) -> int:
        return sum(width + 2 * CELL_PADDING for _, width in self.columns)

    def set_columns(self, columns: Sequence[tuple[Text, int]]) -> None:
        """Replace the columns; the rows must be given again with `show`."""
        self.columns = []
        for label, width in columns:
            label = label.copy()
            label.truncate(width, overflow="ellipsis")
            self.columns.append((label, width))
        self.show(0, lambda row: ())

    def show(self, count: int, cells_of: Callable[[int], Sequence[Text]], *, cursor: int = 0) -> None:
        """Hold `count` rows, each made by `cells_of(row)` (one Text per column, cut to fit) when first drawn,
        with the cursor on `cursor` (clamped)."""
        self.row_count = count
        self._cells_of = cells_of
        self._lines.clear()
        self.virtual_size = Size(self.table_width, count + HEADER)
        self.cursor_row = min(max(cursor, 0), max(count - 1, 0))
        self._scroll_cursor_into_view()
        self.refresh()
        if count:
            self.post_message(self.RowHighlighted(self, self.cursor_row))

    def get_row_at(self, row: int) -> list[Text]:
        """The cells of a row, as drawn."""
        if not 0 <= row < self.row_count:
            raise IndexError(row)
        return list(self._cells_of(row))

    def refresh_row(self, row: int) -> None:
        """Draw a row again (its cells changed)."""
        for key in [key for key in self._lines if key[0] == row]:
            del self._lines[key]
        self._refresh_table_line(row)

    def _refresh_table_line(self, row: int) -> None:
        y = row + HEADER - int(self.scroll_y) if row >= 0 else 0
        if 0 <= y < self.size.height:
            self.refresh(Region(0, y, self.size.width, 1))

    # -- cursor -----------------------------------------------------------------------------------------

    def move_cursor(self, *, row: int, scroll: bool = True) -> None:
        """Highlight `row` (clamped) and, with `scroll`, bring it into view."""
        if not self.row_count:
            return
        row = min(max(row, 0), self.row_count - 1)
        if row != self.cursor_row:
            old, self.cursor_row = self.cursor_row, row
            self._refresh_table_line(old)
            self._refresh_table_line(row)
            self.post_message(self.RowHighlighted(self, row))
        if scroll:
            self._scroll_cursor_into_view()

    def _scroll_cursor_into_view(self) -> None:
        region = Region(int(self.scroll_x), self.cursor_row + HEADER, 1, 1)
        self.scroll_to_region(region, animate=False, spacing=Spacing(HEADER, 0, 0, 0), force=True, immediate=True)

    def _page(self) -> int:
        return max(1, self.scrollable_content_region.height - HEADER)

    def _keyed(self) -> None:
        """A key moves the cursor: the mouse's row is no longer shown."""
        self._set_hover(None)

    def action_cursor_up(self) -> None:
        self._keyed()
        self.move_cursor(row=self.cursor_row - 1)

    def action_cursor_down(self) -> None:
        self._keyed()
        self.move_cursor(row=self.cursor_row + 1)

    def action_page_down(self) -> None:
        """A page down, the cursor where it was on the screen (as DataTable)."""
        self._keyed()
        page = self._page()
        self.scroll_relative(y=page, animate=False, force=True, immediate=True)
        self.move_cursor(row=self.cursor_row + page)

    def action_page_up(self) -> None:
        self._keyed()
        page = self._page()
        self.scroll_relative(y=-page, animate=False, force=True, immediate=True)
        self.move_cursor(row=self.cursor_row - page)

    def action_scroll_top(self) -> None:
        self._keyed()
        self.move_cursor(row=0)

    def action_scroll_bottom(self) -> None:
        self._keyed()
        self.move_cursor(row=self.row_count - 1)

    def action_select_cursor(self) -> None:
        self._keyed()
        if self.row_count:
            self.post_message(self.RowSelected(self, self.cursor_row))

    # -- mouse ------------------------------------------------------------------------------------------

    def _row_at(self, event: events.MouseEvent) -> int | None:
        """The row under the mouse (-1: the header), or None below the last row."""
        offset = event.get_content_offset(self)
        if offset is None:
            return None
        if offset.y < HEADER:
            return -1
        row = int(self.scroll_y) + offset.y - HEADER
        return row if row < self.row_count else None

    def _set_hover(self, row: int | None) -> None:
        if row != self._hover_row:
            old, self._hover_row = self._hover_row, row
            for changed in (old, row):
                if changed is not None:
                    self._refresh_table_line(changed)

    def on_mouse_move(self, event: events.MouseMove) -> None:
        self._set_hover(self._row_at(event))

    def on_leave(self, event: events.Leave) -> None:
        self._set_hover(None)

    def on_click(self, event: events.Click) -> None:
        row = self._row_at(event)
        self._set_hover(row)
        if row is None or row < 0:
            return
        event.stop()
        if row == self.cursor_row:
            self.post_message(self.RowSelected(self, row))
        else:
            self.move_cursor(row=row)

    # -- drawing ----------------------------------------------------------------------------------------

    def on_resize(self) -> None:
        self._lines.clear()

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._lines.clear()
        self.refresh()

    def render_line(self, y: int) -> Strip:
        width = self.size.width
        row = -1 if y < HEADER else int(self.scroll_y) + y - HEADER
        if row >= self.row_count:
            return Strip.blank(width, self.rich_style)
        key = (row, row == self.cursor_row and row >= 0, row == self._hover_row)
        line = self._lines.get(key)
        if line is None:
            line = self._lines[key] = self._draw(row, *key[1:])
        scroll_x = int(self.scroll_x)
        return line.crop(scroll_x, scroll_x + width) if scroll_x else line

    def _draw(self, row: int, cursor: bool, hover: bool) -> Strip:
        """One whole line, styled as DataTable styles a row-cursor table's line."""
        component = self.get_component_rich_style
        if row < 0:
            row_style = self.get_component_styles("row-table--header").rich_style
            cells: Sequence[Text] = [label for label, _ in self.columns]
        else:
            if self.zebra_stripes:
                row_style = self.get_component_styles(f"row-table--{'odd' if row % 2 else 'even'}-row").rich_style
            else:
                row_style = self.rich_style
            cells = self._cells_of(row)
        highlight = Style()
        if hover:
            highlight += component("row-table--hover")
            if row < 0:
                highlight += component("row-table--header-hover")
        if cursor:
            highlight += component("row-table--cursor")
        pre = row_style + highlight
        post = Style.from_color(color=highlight.color)  # the cursor's colour wins over a cell's own (an error's red)
        console = self.app.console
        segments: list[Segment] = []
        for (_, column_width), cell in zip(self.columns, cells, strict=False):
            segments.append(Segment(" " * CELL_PADDING, pre + post))
            own = list(cell.render(console))
            spare = max(0, column_width - sum(cell_len(s.text) for s in own))
            if spare and cell.justify == "right":
                segments.append(Segment(" " * spare, pre + console.get_style(cell.style) + post))
            segments.extend(Segment(text, pre + style + post if style else pre + post) for text, style, _ in own)
            if spare and cell.justify != "right":
                segments.append(Segment(" " * spare, pre + post))
            segments.append(Segment(" " * CELL_PADDING, pre + post))
        rest = max(0, self.size.width - self.table_width)
        if rest:
            segments.append(Segment(" " * rest, row_style + highlight))
        return Strip(segments).adjust_cell_length(max(self.size.width, self.table_width), self.rich_style).simplify()
