"""Ask for a name to save the current search under."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from spacereader.paths import dialog_styles
from spacereader.safe_text import clean_line


class NameViewDialog(ModalScreen[str | None]):
    """Returns the name, or None when cancelled."""

    CSS_PATH = dialog_styles()

    BINDINGS = [Binding("escape", "cancel", "Cancel", id="cancel-name")]

    def __init__(self, query: str) -> None:
        super().__init__()
        self.query_text = query

    def compose(self) -> ComposeResult:
        with Vertical(id="name-view"):
            yield Static(Text(f"Save the search “{clean_line(self.query_text)}” as a view named:"))
            yield Input(placeholder="e.g. space news", id="name-view-input")
            yield Static(Text("enter saves · escape cancels"), id="name-view-hint")

    @on(Input.Submitted)
    def submit(self, event: Input.Submitted) -> None:
        name = clean_line(event.value)
        if name:
            self.dismiss(name)

    def action_cancel(self) -> None:
        self.dismiss(None)
