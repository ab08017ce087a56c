"""One line at the bottom: counts, the current view and background progress."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static

from spacereader.safe_text import clean_line


class StatusLine(Static):
    """Literal text only: it may quote feed names and error messages."""

    def show(self, *parts: str) -> None:
        """Join the non-empty parts with separators."""
        # One line of fixed height: no layout pass needed, which keeps each keystroke cheap.
        self.update(Text(" · ".join(clean_line(p) for p in parts if p), no_wrap=True, overflow="ellipsis"), layout=False)
