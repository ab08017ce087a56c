"""After the first screen, while the reader waits for keys, load what the first press of a key would load.

The first screen imports nothing it does not draw, so the first `f`, `v`, `L`, `?` or entity chosen paid for
importing its screen and for reading and parsing the dialogs' styles:
a first open took about 30 ms longer than the next ones (the help screen about 200 ms). A second after the
first frame these are loaded one step at a time, each step a few milliseconds, so a key pressed meanwhile
waits for one step at most.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable

from textual.app import App

from spacereader.paths import dialog_styles

DELAY = 1.0
"""Seconds after the first frame: start-up's own follow-up work (the first article, its entities) goes first."""
STEP_GAP = 0.02
"""Seconds between steps, so keys and messages are handled in between."""
MODULES = (
    "spacereader.ui.screens.table_picker",  # with the tables (RowTable)
    "spacereader.ui.screens.feeds",
    "spacereader.ui.screens.views",
    "spacereader.ui.screens.links",
    "textual.widgets._sparkline",  # the chosen entity's panel
)


def load_dialog_styles(app: App) -> None:
    """Read dialogs.tcss into the app's stylesheet as the first dialog would (Textual's `_load_screen_css`):
    no widget on screen matches its rules, so nothing is restyled."""
    path = dialog_styles()
    if not app.stylesheet.has_source(str(path), ""):
        app.stylesheet.read(path)
        app.stylesheet.reparse()


def warm_up(app: App) -> None:
    """Schedule the steps; each runs on the app's loop, `STEP_GAP` after the one before."""
    steps: list[Callable[[], object]] = [
        *(lambda name=name: importlib.import_module(name) for name in MODULES),
        lambda: load_dialog_styles(app),
    ]

    def step() -> None:
        if not steps or not app.is_running:
            return
        steps.pop(0)()
        if steps:
            app.set_timer(STEP_GAP, step)

    app.set_timer(DELAY, step)
