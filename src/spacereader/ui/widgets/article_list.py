"""The article list: a virtual list that draws only the visible rows, paging them from the store."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from rich.cells import cell_len, set_cell_size
from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.geometry import Region, Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from spacereader.models import ArticleRow
from spacereader.safe_text import clean_line
from spacereader.ui.keys import LIST_BINDINGS
from spacereader.ui.pager import ArticlePager


def short_date(published: str, now_year: int, *, compact: bool = False) -> str:
    """'Oct 05' this year (or always when compact), '2021-10-05' otherwise; 'unknown' ('?') for no date."""
    if not published:
        return "?" if compact else "unknown"
    day = published[:10]
    try:
        # Not strptime: its first call imports and compiles its locale tables, a few ms before the first frame.
        if len(day) != 10 or day[4] != "-" or day[7] != "-":
            raise ValueError(day)
        when = date.fromisoformat(day)
    except ValueError:
        return day
    return f"{_MONTHS[when.month - 1]} {when.day:02d}" if compact or when.year == now_year else day


_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
"""Month abbreviations as strftime's %b gives them in the C locale Python runs in."""


def fit(text: str, width: int) -> str:
    """Cut to `width` terminal cells with an ellipsis, padded to exactly `width` cells."""
    if width <= 0:
        return ""
    if cell_len(text) > width:
        text = set_cell_size(text, width - 1) + "…"
    return set_cell_size(text, width)


class ArticleList(ScrollView, can_focus=True, inherit_bindings=False):
    """Rows of headline, source and date with unread and bookmark markers."""

    BINDINGS = LIST_BINDINGS

    COMPONENT_CLASSES = {
        "article-list--cursor",
        "article-list--unread",
        "article-list--read",
        "article-list--marker",
        "article-list--bookmark",
        "article-list--meta",
    }

    cursor: reactive[int] = reactive(0, always_update=True, init=False)
    """Index of the highlighted row in the current view."""

    @dataclass
    class Highlighted(Message):
        """The cursor moved to another article."""

        article_id: int

    @dataclass
    class Opened(Message):
        """The user opened the highlighted article (enter or a click)."""

        article_id: int

    @dataclass
    class Emptied(Message):
        """The view holds no articles."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.pager: ArticlePager | None = None
        self._year = date.today().year

    # -- data -------------------------------------------------------------------------------------------

    def show(self, pager: ArticlePager, *, select_id: int | None = None, index: int = 0) -> None:
        """Replace the rows with a new view, highlighting `select_id` (or `index`) when present."""
        self.pager = pager
        self.virtual_size = Size(self.size.width, pager.count)
        self.border_title = pager.title
        if select_id is not None:
            found = pager.index_of(select_id)
            index = found if found is not None else index
        self._place(min(max(index, 0), max(pager.count - 1, 0)), announce=True)
        self.refresh()

    def update_row(self, article_id: int, *, read: bool | None = None, bookmarked: bool | None = None) -> None:
        """Redraw one row after its read or bookmark state changed."""
        if self.pager is None:
            return
        index = self.pager.update(article_id, read=read, bookmarked=bookmarked)
        if index is not None:
            self.refresh_line(index)

    @property
    def current(self) -> ArticleRow | None:
        """The highlighted row."""
        return self.pager.row(self.cursor) if self.pager else None

    # -- cursor -----------------------------------------------------------------------------------------

    def _place(self, index: int, *, announce: bool = True) -> None:
        old = self.cursor
        self.set_reactive(ArticleList.cursor, index)
        self.refresh_line(old)
        self.refresh_line(index)
        self._update_subtitle()
        self.scroll_to_region(Region(0, index, 1, 1), animate=False, force=True, immediate=True)
        row = self.current
        if row is None:
            self.post_message(self.Emptied())
        elif announce:
            self.post_message(self.Highlighted(row.id))

    def _update_subtitle(self) -> None:
        count = self.pager.count if self.pager else 0
        self.border_subtitle = f"{self.cursor + 1 if count else 0}/{count}"

    def move_to(self, index: int) -> None:
        """Highlight the row at `index` (clamped)."""
        if self.pager is None or self.pager.count == 0:
            return
        index = min(max(index, 0), self.pager.count - 1)
        if index != self.cursor:
            self._place(index)

    def action_cursor_down(self) -> None:
        self.move_to(self.cursor + 1)

    def action_cursor_up(self) -> None:
        self.move_to(self.cursor - 1)

    def action_cursor_top(self) -> None:
        self.move_to(0)

    def action_cursor_bottom(self) -> None:
        if self.pager:
            self.move_to(self.pager.count - 1)

    def action_open_article(self) -> None:
        row = self.current
        if row is not None:
            self.post_message(self.Opened(row.id))

    def jump_unread(self, forward: bool) -> bool:
        """Move to the next (or previous) unread article; False, with a note, when there is none."""
        if self.pager is None:
            return False
        index = self.pager.next_unread(self.cursor, forward=forward)
        if index is None:
            self.notify("No more unread articles" if forward else "No earlier unread articles", timeout=2)
            return False
        self.move_to(index)
        return True

    def action_next_unread(self) -> None:
        self.jump_unread(True)

    def action_previous_unread(self) -> None:
        self.jump_unread(False)

    # -- mouse ------------------------------------------------------------------------------------------

    def on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        if offset is None:  # on the border
            return
        index = self.scroll_offset.y + offset.y
        if self.pager is None or index >= self.pager.count:
            return
        self.move_to(index)
        self.action_open_article()

    # -- drawing ----------------------------------------------------------------------------------------

    def on_resize(self) -> None:
        if self.pager is not None:
            self.virtual_size = Size(self.size.width, self.pager.count)

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        index = self.scroll_offset.y + y
        row = self.pager.row(index) if self.pager else None
        base = self.rich_style
        if row is None:
            return Strip.blank(width, base)
        # Full component styles, not partial ones: only they resolve `auto` and translucent theme colours
        # (a partial `$text-muted` is plain white, unreadable in light themes).
        style = self.get_component_rich_style
        text_style = style("article-list--read" if row.read else "article-list--unread")
        marker_style = style("article-list--marker")
        bookmark_style = style("article-list--bookmark")
        meta_style = style("article-list--meta")
        if index == self.cursor:
            # One colour on the cursor: a marker's own colour can be the cursor's (ANSI themes have few).
            full = style("article-list--cursor")
            cursor = Style(color=full.color, bgcolor=full.bgcolor)
            text_style, marker_style, bookmark_style, meta_style = (
                s + cursor for s in (text_style, marker_style, bookmark_style, meta_style)
            )
        date = short_date(row.published, self._year, compact=width < 40)
        source_width = 0 if width < 50 else min(16, width // 5)
        title_width = width - 3 - len(date) - 1 - (source_width + 1 if source_width else 0)
        segments = [
            Segment(" " + ("●" if not row.read else " "), marker_style),
            Segment("★" if row.bookmarked else " ", bookmark_style),
            Segment(fit(clean_line(row.title) or "(untitled)", title_width) + " ", text_style),
        ]
        if source_width:
            segments.append(Segment(fit(clean_line(row.source), source_width) + " ", meta_style))
        segments.append(Segment(date, meta_style))
        return Strip(segments).adjust_cell_length(width, meta_style if index == self.cursor else base)

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self.refresh()
