"""The footer of keys, showing only keys that fit whole: a narrow terminal drops the last ones, never halves one."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import Footer
from textual.widgets._footer import FooterKey


class KeyBar(Footer):
    """Textual's footer; keys past the right edge are hidden rather than cut (`?` lists every key)."""

    def compose(self) -> ComposeResult:
        yield from super().compose()
        self.call_after_refresh(self.fit_keys)

    def on_resize(self) -> None:
        self.call_after_refresh(self.fit_keys)

    def fit_keys(self) -> None:
        """Show keys from the left while they fit beside the command palette's key."""
        keys = [key for key in self.query(FooterKey) if key.parent is self]
        palette = [key for key in keys if key.has_class("-command-palette")]
        room = self.size.width - sum(self._width(key) for key in palette)
        fits = True
        for key in keys:
            if key in palette:
                continue
            width = self._width(key)
            fits = fits and width <= room  # once one key is dropped, the rest are too: the order is kept
            key.display = fits
            room -= width

    @staticmethod
    def _width(key: FooterKey) -> int:
        styles = key.styles
        return key.render().cell_len + styles.margin.width + styles.padding.width + styles.border.spacing.width
