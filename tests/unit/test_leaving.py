"""The reader's quit skips waiting on the terminal's input thread only with Textual's Linux driver, only once
quitting (the real terminal is exercised by tests/ui/test_quit.py)."""

from __future__ import annotations

import sys

import pytest

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="the Linux driver only")


def test_only_the_linux_driver_is_replaced():
    from textual.drivers.headless_driver import HeadlessDriver
    from textual.drivers.linux_driver import LinuxDriver

    from spacereader.ui.leaving import LeavingDriver, leaving_driver

    assert leaving_driver(LinuxDriver) is LeavingDriver and issubclass(LeavingDriver, LinuxDriver)
    assert leaving_driver(HeadlessDriver) is HeadlessDriver


def test_the_reader_uses_it_and_only_quitting_turns_it_on(tmp_path, monkeypatch):
    from textual import constants

    from spacereader.store import Store
    from spacereader.ui.app import SpaceReaderApp
    from spacereader.ui.leaving import LeavingDriver

    if constants.DRIVER is not None:
        pytest.skip("TEXTUAL_DRIVER chooses the driver here")
    # The flag is the process's: a reader quit earlier in this process (a Pilot test) has set it for good.
    monkeypatch.setattr(LeavingDriver, "leaving", False)
    assert SpaceReaderApp(Store.open(tmp_path / "data")).driver_class is LeavingDriver
    assert LeavingDriver.leaving is False  # set by `q` only: suspending (handing over the terminal) still joins
