"""The links view: the open article's numbered links and its media, opened by number, copied with `y`."""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual.binding import Binding
from textual.widgets import Static

from spacereader.config import Settings
from spacereader.links import article_links
from spacereader.models import Article, Enclosure
from spacereader.safe_text import clean_line
from spacereader.ui.link_actions import copy_link, start_browser, start_player
from spacereader.ui.screens.table_picker import Column, TablePicker
from spacereader.ui.widgets.row_table import RowTable


@dataclass(frozen=True, slots=True)
class LinkRow:
    """One row: a numbered link from the text, or an enclosure (played rather than browsed)."""

    label: str
    url: str
    enclosure: Enclosure | None = None


def link_rows(article: Article) -> list[LinkRow]:
    """The article's links by their number in the text, then its media as ▶1, ▶2, ..."""
    rows = [LinkRow(str(number), url) for number, url in article_links(article.body)]
    rows += [LinkRow(f"▶{n}", e.url, e) for n, e in enumerate(article.enclosures, 1)]
    return rows


class LinksScreen(TablePicker[None]):
    """enter or a link's number opens it (http and https only, no shell); media play with the player."""

    BINDINGS = [
        Binding("enter", "choose", "Open", id="open-listed-link"),
        Binding("y", "copy", "Copy link", id="copy-listed-link"),
        Binding("p", "play", "Play media", id="play-listed-media"),
        *[Binding(str(n), f"type_digit('{n}')", show=False) for n in range(10)],
    ]

    NAME = "links"
    COLUMNS = (Column("#", 3), Column("Link", 20, share=3, most=200), Column("Media", 10, drop=1, share=1, most=40))

    def __init__(self, article: Article, settings: Settings, *, media_first: bool = False) -> None:
        super().__init__()
        self.article = article
        self.settings = settings
        self.media_first = media_first
        self.items: list[LinkRow] = []
        self.typed = ""
        """Digits typed so far, for links numbered 10 and up."""

    def reload(self) -> None:
        rows = link_rows(self.article)
        links = sum(1 for row in rows if row.enclosure is None)
        media = len(rows) - links
        self.show_items(rows, cursor=links if self.media_first and media else 0)  # `p`: the first media row
        if self.items:
            hint = "enter or number: open · y: copy · p: play media · escape: close"
        else:
            hint = "this article has no links or media · escape: close"
        title = clean_line(self.article.title)[:60]
        counts = f"{links} link{'s' if links != 1 else ''}, {media} media"
        self.query_one("#links-title", Static).update(Text(f"{title} · {counts} · {hint}"))

    def cells(self, row: LinkRow) -> tuple[Text, ...]:
        details = clean_line(row.enclosure.details) if row.enclosure else ""
        return Text(row.label, justify="right"), Text(clean_line(row.url)), Text(details)

    def action_choose(self) -> None:
        if self.typed:
            self.typed = ""
        row = self.current_item()
        if row is not None:
            self.open_row(row)

    def open_row(self, row: LinkRow) -> None:
        """Open a link in the browser, or play an enclosure."""
        if row.enclosure is not None:
            start_player(self, row.url, self.settings.player)
        else:
            start_browser(self, row.url, self.settings.browser)

    def action_type_digit(self, digit: str) -> None:
        """Jump to the link whose number starts with the digits typed; open it once no other could follow."""
        numbers = [row.label for row in self.items if row.enclosure is None]
        typed = self.typed + digit
        if not any(n.startswith(typed) for n in numbers):
            typed = digit
        matches = [n for n in numbers if n.startswith(typed)]
        if not matches:
            self.typed = ""
            self.notify(f"There is no link {typed}", timeout=2)
            return
        target = typed if typed in matches else matches[0]
        self.query_one(RowTable).move_cursor(row=numbers.index(target))
        if matches == [typed]:
            self.typed = ""
            self.open_row(self.items[numbers.index(target)])
        else:
            self.typed = typed

    def action_copy(self) -> None:
        row = self.current_item()
        if row is not None:
            copy_link(self, row.url)

    def action_play(self) -> None:
        """Play the highlighted enclosure, or the first one when a link is highlighted."""
        row = self.current_item()
        media = [r for r in self.items if r.enclosure is not None]
        if row is None or row.enclosure is None:
            row = media[0] if media else None
        if row is None:
            self.notify("This article has no media", timeout=2)
        else:
            self.open_row(row)
