"""The panes' arrangement: three side by side on wide screens, list over article on narrow ones.

The screen's breakpoint class (`-narrow` / `-wide`, see `SpaceReaderApp`) picks the arrangement; this
container owns what the user changes within it: the list's size, the article taking the screen, and
whether the entity sidebar shows. Its children are the screen's; it only places them.
"""

from __future__ import annotations

from textual import events
from textual.containers import Horizontal
from textual.widget import Widget

LIST_STEP = 5
"""Percentage points one press of `[` or `]` moves the list's edge."""
WIDE_LIST_PERCENT = (15, 60)
NARROW_LIST_PERCENT = (20, 80)
MIN_LIST_COLUMNS = 24
"""Below this a headline shows two or three words: the list stops narrowing."""
MIN_READING_COLUMNS = 40
"""The article keeps at least this many columns beside the list."""
MIN_LIST_ROWS = 5
MIN_READING_ROWS = 6


def list_columns(total: int, percent: int, beside: int) -> int:
    """The list's width in cells: `percent` of `total`, never wider than the article beside it.

    `beside` is the width of whatever else sits in the row (the sidebar).
    """
    wanted = round(total * percent / 100)
    room = total - beside
    return max(min(MIN_LIST_COLUMNS, total), min(wanted, room // 2, room - MIN_READING_COLUMNS))


def list_rows(total: int, percent: int) -> int:
    """The list's height in rows above the article: `percent` of `total`, each keeping a few lines."""
    wanted = round(total * percent / 100)
    return max(min(MIN_LIST_ROWS, total), min(wanted, total - MIN_READING_ROWS))


def remembered_sizes(text: str, configured: int) -> tuple[int, int] | None:
    """The list's (wide, narrow) percentages kept from the last `[`/`]`, or None to start from the config.

    The kept value records the `list_width` it started from: once the user edits `list_width`, the new
    setting wins over an old resize. Anything unreadable is ignored (the defaults apply).
    """
    parts = text.split(",")
    if len(parts) != 3 or not all(part.isdigit() for part in parts):
        return None
    wide, narrow, started_from = (int(part) for part in parts)
    if started_from != configured:
        return None
    return min(max(wide, WIDE_LIST_PERCENT[0]), WIDE_LIST_PERCENT[1]), min(
        max(narrow, NARROW_LIST_PERCENT[0]), NARROW_LIST_PERCENT[1]
    )


def sizes_to_remember(wide: int, narrow: int, configured: int) -> str:
    """The text `remembered_sizes` reads back."""
    return f"{wide},{narrow},{configured}"


class Panes(Horizontal):
    """Lays out the list column, the reading pane and the entity sidebar for the terminal's width."""

    def __init__(self, *children: Widget, list_width: int = 30, list_height: int = 40, id: str | None = None) -> None:
        super().__init__(*children, id=id)
        self.wide_percent = list_width
        """The list's share of the width in the three-pane layout."""
        self.narrow_percent = list_height
        """The list's share of the height above the article in the narrow layout."""
        self._focus_before_entities: Widget | None = None

    @property
    def narrow(self) -> bool:
        """Whether the screen is in the narrow (list over article) arrangement."""
        return self.screen.has_class("-narrow")

    @property
    def reading(self) -> bool:
        """Whether the article takes the whole screen (narrow arrangement only)."""
        return self.narrow and self.has_class("-reading")

    @property
    def entities_overlaid(self) -> bool:
        """Whether the entity sidebar shows over the article (narrow arrangement only)."""
        return self.narrow and self.has_class("-entities")

    # -- sizes ------------------------------------------------------------------------------------------

    def on_resize(self, event: events.Resize) -> None:
        self.apply_sizes()
        # The sidebar's width follows the breakpoint class, applied in the same layout pass: measure again after.
        self.call_after_refresh(self.apply_sizes)

    def apply_sizes(self) -> None:
        """Size the list column for the current arrangement; everything else fills the rest."""
        self._show_way_back()
        column = self.query_one("#list-column")
        if self.narrow:
            # An open search line takes its rows on top of the list's, so the results keep theirs.
            search_line = self.query("#search-line")  # built when first opened
            extra = sum(line.outer_size.height for line in search_line if line.display)
            rows = list_rows(self.size.height, self.narrow_percent) + extra
            column.styles.width = "100%"
            column.styles.height = max(min(rows, self.size.height - MIN_READING_ROWS), 0)
        else:
            sidebar = self.query_one("#entity-sidebar")
            beside = sidebar.outer_size.width if sidebar.display and not self.has_class("-no-entities") else 0
            column.styles.height = "1fr"
            column.styles.width = list_columns(self.size.width, self.wide_percent, beside)

    def resize_list(self, step: int) -> bool:
        """Move the list's edge by `step` percentage points; False when it is already at its limit."""
        column = self.query_one("#list-column")
        before = column.outer_size
        if self.narrow:
            low, high = NARROW_LIST_PERCENT
            self.narrow_percent = min(max(self.narrow_percent + step, low), high)
            size = list_rows(self.size.height, self.narrow_percent)
            changed = size != before.height
        else:
            low, high = WIDE_LIST_PERCENT
            self.wide_percent = min(max(self.wide_percent + step, low), high)
            sidebar = self.query_one("#entity-sidebar")
            beside = sidebar.outer_size.width if not self.has_class("-no-entities") else 0
            size = list_columns(self.size.width, self.wide_percent, beside)
            changed = size != before.width
        self.apply_sizes()
        return changed

    # -- the article on the whole screen ----------------------------------------------------------------

    def open_reading(self) -> None:
        """In the narrow arrangement, let the article take the screen (the list hides until `escape`)."""
        if self.narrow:
            self.add_class("-reading")
            self._show_way_back()
            self.query_one("#reading-pane").focus()

    def leave_reading(self) -> bool:
        """Show the list again and focus it; False when the article was not on the whole screen."""
        was_reading = self.reading
        self.remove_class("-reading")
        self._show_way_back()
        if was_reading:
            self.query_one("#article-list").focus()
        return was_reading

    def _show_way_back(self) -> None:
        """While the article has the screen, its border says how to return (the footer has no room)."""
        self.query_one("#reading-pane").border_subtitle = "escape: back to the list" if self.reading else ""

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        """Whatever takes focus stays visible: the list (search, a chosen entity) ends the reading view."""
        self.call_after_refresh(self.apply_sizes)  # the search line may have opened or closed
        column = self.query_one("#list-column")
        if column in event.widget.ancestors_with_self:
            self.remove_class("-reading")
            self._show_way_back()
        sidebar = self.query_one("#entity-sidebar")
        if self.has_class("-entities") and sidebar not in event.widget.ancestors_with_self:
            self.remove_class("-entities")

    # -- the entity sidebar -----------------------------------------------------------------------------

    def toggle_entities(self) -> None:
        """Show or hide the sidebar: beside the article on wide screens, over it on narrow ones."""
        sidebar = self.query_one("#entity-sidebar")
        focused = self.screen.focused
        inside = focused is not None and sidebar in focused.ancestors
        if not self.narrow:
            self.toggle_class("-no-entities")
            if inside and self.has_class("-no-entities"):
                self.query_one("#article-list").focus()
            self.call_after_refresh(self.apply_sizes)
        elif self.has_class("-entities"):
            self.hide_entities()
        else:
            self._focus_before_entities = focused
            self.add_class("-entities")
            self.call_after_refresh(self._focus_sidebar)

    def hide_entities(self) -> bool:
        """Hide the sidebar shown over the article, focusing what had focus; False when it was not shown."""
        if not self.entities_overlaid:
            return False
        self.remove_class("-entities")
        before, self._focus_before_entities = self._focus_before_entities, None
        if before is not None and before.is_attached and before.display:
            before.focus()
        else:
            self.query_one("#article-list").focus()
        return True

    def _focus_sidebar(self) -> None:
        sidebar = self.query_one("#entity-sidebar")
        for widget in self.screen.focus_chain:
            if sidebar in widget.ancestors:
                widget.focus()
                return
