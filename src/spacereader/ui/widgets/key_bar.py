"""The line of keys at the bottom: the keys the focused pane answers to, as Textual's footer shows them.

Drawn as one line of text rather than Textual's `Footer`, which builds a widget per key and rebuilds them
all whenever focus moves: styling those widgets was the largest part of drawing the first screen. The
keys, their order, their names under a keymap and the command palette's key on the right are the same;
keys that do not fit whole are left out (`?` lists every key); a click on a key presses it.
"""

from __future__ import annotations

from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.screen import Screen
from textual.widget import Widget

from spacereader.records import record

EDGE = "▏"
"""Between the keys and the command palette's key, as in Textual's footer."""


@record
class KeyHint:
    """One key as shown: what to press, what it does, and whether it does anything now."""

    key: str
    """The key to simulate on a click."""
    display: str
    description: str
    tooltip: str
    enabled: bool


def key_hints(screen: Screen) -> tuple[list[KeyHint], KeyHint | None]:
    """The screen's shown keys, one per action in binding order, and the command palette's key (or None)."""
    app = screen.app
    hints: dict[str, KeyHint] = {}
    active = screen.active_bindings
    for _node, binding, enabled, tooltip in active.values():
        if binding.show and binding.action not in hints:
            hints[binding.action] = hint(app.get_key_display(binding), binding, enabled, tooltip)
    palette = None
    if app.ENABLE_COMMAND_PALETTE and app.COMMAND_PALETTE_BINDING in active:
        _node, binding, enabled, _tooltip = active[app.COMMAND_PALETTE_BINDING]
        palette = hint(app.get_key_display(binding), binding, enabled, binding.tooltip or binding.description)
    return list(hints.values()), palette


def hint(display: str, binding: Binding, enabled: bool, tooltip: str) -> KeyHint:
    return KeyHint(binding.key, display, binding.description, tooltip, enabled)


class KeyBar(Widget, can_focus=False):
    """The keys from the left while they fit whole, the palette's key on the right."""

    ALLOW_SELECT = False
    COMPONENT_CLASSES = {"key-bar--key", "key-bar--description", "key-bar--edge", "key-bar--hover"}

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.hints: list[KeyHint] = []
        self.palette: KeyHint | None = None
        self._spans: list[tuple[int, int, KeyHint]] = []
        """Where each drawn key is on the line (start and end cell), for the mouse."""
        self._hover: KeyHint | None = None

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self.bindings_changed)

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def bindings_changed(self, screen: Screen) -> None:
        """Focus moved or a binding changed: read the keys again."""
        if self.is_attached and screen is self.screen:
            self.hints, self.palette = key_hints(screen)
            self.refresh()

    def render(self) -> Text:
        width = self.size.width
        key_style = self.get_component_rich_style("key-bar--key")
        text_style = self.get_component_rich_style("key-bar--description")
        line = Text(no_wrap=True, overflow="crop", end="")
        tail = Text(no_wrap=True, end="")
        if self.palette is not None:
            tail.append(EDGE, self.get_component_rich_style("key-bar--edge"))
            self._append(tail, self.palette, "", key_style, text_style)
        room = width - tail.cell_len
        spans = []
        for key in self.hints:
            part = Text(end="")
            self._append(part, key, " ", key_style, text_style)
            if part.cell_len > room - line.cell_len:
                break  # the rest are dropped too: the order is kept
            spans.append((line.cell_len, line.cell_len + part.cell_len, key))
            line.append_text(part)
        if self.palette is not None:
            start = max(width - tail.cell_len, line.cell_len)
            line.pad_right(start - line.cell_len)
            spans.append((start, start + tail.cell_len, self.palette))
            line.append_text(tail)
        self._spans = spans
        return line

    def _append(self, text: Text, key: KeyHint, pad: str, key_style: Style, text_style: Style) -> None:
        start = text.cell_len
        text.append(f"{pad}{key.display}{pad}", key_style)
        text.append(f" {key.description} " if not pad else f"{key.description} ", text_style)
        if not key.enabled:
            text.stylize(Style(dim=True), start)
        if key == self._hover:
            full = self.get_component_rich_style("key-bar--hover")  # full: resolves translucent theme colours
            text.stylize(Style(color=full.color, bgcolor=full.bgcolor), start)

    # -- mouse --------------------------------------------------------------------------------------------

    def _key_at(self, x: int) -> KeyHint | None:
        return next((key for start, end, key in self._spans if start <= x < end), None)

    def on_mouse_move(self, event: events.MouseMove) -> None:
        key = self._key_at(event.x)
        if key != self._hover:
            self._hover = key
            self.tooltip = key.tooltip if key is not None and key.tooltip else None
            self.refresh()

    def on_leave(self) -> None:
        if self._hover is not None:
            self._hover = None
            self.refresh()

    def on_mouse_down(self, event: events.MouseDown) -> None:
        key = self._key_at(event.x)
        if key is None:
            return
        if key.enabled:
            self.app.simulate_key(key.key)
        else:
            self.app.bell()
