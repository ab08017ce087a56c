"""Yes/no confirmation for destructive actions."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Static

from spacereader.paths import dialog_styles


class ConfirmDialog(ModalScreen[bool]):
    """Asks a question (shown as literal text); `y` confirms, anything else in BINDINGS cancels."""

    CSS_PATH = dialog_styles()

    BINDINGS = [
        Binding("y", "answer(True)", "Yes", id="confirm-yes"),
        Binding("n,escape", "answer(False)", "No", id="confirm-no"),
    ]

    def __init__(self, question: str) -> None:
        super().__init__()
        self.question = question

    def compose(self) -> ComposeResult:
        with Vertical(id="confirm"):
            yield Static(Text(self.question))
            yield Static(Text("y: yes · n / escape: no"), id="confirm-hint")

    def action_answer(self, answer: bool) -> None:
        self.dismiss(answer)
