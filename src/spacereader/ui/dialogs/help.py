"""The help screen: every key, as currently mapped, and what it does."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from spacereader.paths import dialog_styles
from spacereader.ui.keys import all_bindings

FIXED_KEYS = [
    ("1 … 9", "Open saved view 1 … 9 (ids open-view-1 … open-view-9)"),
    ("tab / shift+tab", "Move between panes"),
    ("ctrl+p", "Command palette: every action by name"),
    ("mouse", "Click a row to open it; the wheel scrolls"),
]


def display_keys(keys: str) -> str:
    """'j,down' -> 'j / down'; 'question_mark' -> '?'."""
    names = {
        "question_mark": "?",
        "space": "space",
        "slash": "/",
        "vertical_line": "|",
        "left_square_bracket": "[",
        "right_square_bracket": "]",
    }
    return " / ".join(names.get(k, k) for k in keys.split(","))


class HelpScreen(ModalScreen[None]):
    """A modal table of keys; any of escape, q or ? closes it."""

    CSS_PATH = dialog_styles()

    BINDINGS = [
        Binding("escape,q,question_mark", "dismiss", "Close", id="close-help"),
    ]

    def __init__(self, keymap: dict[str, str]) -> None:
        super().__init__()
        self.keymap = keymap

    def compose(self) -> ComposeResult:
        table = Table(box=None, show_header=False, padding=(0, 2, 0, 0))
        table.add_column("key", style="bold", no_wrap=True)
        table.add_column("action")
        table.add_column("id", style="dim", overflow="fold")  # folded, never cut: it is what the config names
        for title, bindings in all_bindings():
            table.add_row(Text(title, style="underline"), "", "")
            for binding in bindings:
                keys = self.keymap.get(binding.id or "", binding.key)
                table.add_row(display_keys(keys), binding.description, binding.id or "")
            table.add_row("", "", "")
        for keys, text in FIXED_KEYS:
            table.add_row(keys, text, "")
        with VerticalScroll(id="help-body"):
            yield Static(Text("Keys — remap any of them by id in the [keys] table of the config"), id="help-title")
            yield Static(table)

    async def action_dismiss(self, result: None = None) -> None:
        self.dismiss(result)
