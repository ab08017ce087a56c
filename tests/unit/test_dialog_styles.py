"""The dialogs' styles are loaded by the dialogs themselves, not before the first screen: every modal screen of
the reader must name them, or it would open unstyled when it is the first dialog shown."""

from __future__ import annotations

import importlib
import pkgutil
from pathlib import Path

import spacereader.ui
from spacereader.paths import dialog_styles


def reader_modal_screens() -> list[type]:
    from textual.screen import ModalScreen

    for module in pkgutil.walk_packages(spacereader.ui.__path__, "spacereader.ui."):
        importlib.import_module(module.name)
    found, pending = [], list(ModalScreen.__subclasses__())
    while pending:
        cls = pending.pop()
        pending.extend(cls.__subclasses__())
        if cls.__module__.startswith("spacereader."):
            found.append(cls)
    return found


def test_every_modal_screen_loads_the_dialog_styles():
    screens = reader_modal_screens()
    assert {"HelpScreen", "ConfirmDialog", "FeedsScreen"} <= {cls.__name__ for cls in screens}
    for cls in screens:
        paths = cls.CSS_PATH if isinstance(cls.CSS_PATH, list) else [cls.CSS_PATH]
        assert dialog_styles() in [Path(p) for p in paths if p], f"{cls.__name__} does not load dialogs.tcss"


def test_the_app_leaves_them_to_the_dialogs():
    from spacereader.ui.app import SpaceReaderApp

    assert dialog_styles().is_file()
    assert dialog_styles() not in [Path(p) for p in SpaceReaderApp.CSS_PATH]
