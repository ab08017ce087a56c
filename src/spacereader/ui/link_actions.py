"""Opening, playing and copying a link from any screen: checked (http and https only), said, never via a shell.

Kept apart from the links view so the main screen can use them without loading the view and its table.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacereader.links import LinkError, check_link, open_link, play_media

if TYPE_CHECKING:
    from textual.widget import Widget


def start_browser(widget: Widget, url: str, browser: tuple[str, ...]) -> None:
    """Open a link, saying where it goes first, or why it was not opened."""
    try:
        url = check_link(url)
        widget.notify(f"Opening {url}", timeout=3, markup=False)
        open_link(url, browser)
    except (LinkError, OSError) as error:
        widget.notify(f"Not opened: {error}", severity="warning", markup=False)


def start_player(widget: Widget, url: str, player: tuple[str, ...]) -> None:
    """Play an enclosure with the configured player, or say why it was not played."""
    try:
        url = check_link(url)
        widget.notify(f"Playing {url}", timeout=3, markup=False)
        play_media(url, player)
    except (LinkError, OSError) as error:
        widget.notify(f"Not played: {error}", severity="warning", markup=False)


def copy_link(widget: Widget, url: str) -> None:
    """Copy a link to the clipboard, or say why it was not copied."""
    try:
        url = check_link(url)
    except LinkError as error:
        widget.notify(f"Not copied: {error}", severity="warning", markup=False)
        return
    widget.app.copy_to_clipboard(url)
    widget.notify(f"Copied {url}", timeout=3, markup=False)
