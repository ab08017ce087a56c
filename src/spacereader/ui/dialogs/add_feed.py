"""A small dialog that asks for a feed URL."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from spacereader.links import LinkError, check_link
from spacereader.paths import dialog_styles


class AddFeedDialog(ModalScreen[str | None]):
    """Returns an http(s) URL, or None when cancelled."""

    CSS_PATH = dialog_styles()

    BINDINGS = [Binding("escape", "cancel", "Cancel", id="cancel-dialog")]

    def compose(self) -> ComposeResult:
        with Vertical(id="add-feed"):
            yield Static(Text("Subscribe to a feed (RSS, Atom, RDF or JSON Feed)"), id="add-feed-title")
            yield Input(placeholder="https://example.org/feed.xml", id="add-feed-url")
            yield Static(Text("enter subscribes · escape cancels"), id="add-feed-hint")

    @on(Input.Submitted)
    def submit(self, event: Input.Submitted) -> None:
        try:
            url = check_link(event.value)
        except LinkError as error:
            self.query_one("#add-feed-hint", Static).update(Text(str(error)))
            return
        self.dismiss(url)

    def action_cancel(self) -> None:
        self.dismiss(None)
