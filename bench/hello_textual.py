"""The yardstick for the reader's first screen: Textual's smallest app, launched the same way.

    .venv/bin/python bench/hello_textual.py

reader_bench.py times it beside the reader in the same run; 'q' quits, as in the reader.
"""

from textual.app import App, ComposeResult
from textual.widgets import Static


class HelloApp(App[None]):
    """One line of text on an otherwise empty screen."""

    BINDINGS = [("q", "quit", "Quit")]

    def compose(self) -> ComposeResult:
        yield Static("Hello, World!")


if __name__ == "__main__":
    HelloApp().run()
