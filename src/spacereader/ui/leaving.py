"""Quitting without waiting on the terminal's input thread.

On the way out Textual's Linux driver stops its input thread and joins it. That thread waits for keys in a
0.1 s `select` and, once told to stop, makes a last 0.1 s `select` with nothing left to watch, so every quit
waited 0.1-0.2 s after the work was done, most of the reader's `q` time. When the reader quits for good
(`leave`), the driver tells the thread to stop and goes on without joining it: the process ends moments later
(see `shutdown.run_and_leave`), taking the thread with it. Suspending (handing the terminal to a browser or
player) still joins it, since input starts again afterwards.
"""

from __future__ import annotations

import signal
import termios

from textual.driver import Driver
from textual.drivers.linux_driver import LinuxDriver


class LeavingDriver(LinuxDriver):
    """LinuxDriver that, once `leaving` is set, does not wait for its input thread to wake up and end."""

    leaving = False

    def disable_input(self) -> None:
        if not type(self).leaving:
            super().disable_input()
            return
        # LinuxDriver.disable_input without the join: the thread sees the event at its next wake-up.
        if not self.exit_event.is_set():
            signal.signal(signal.SIGWINCH, signal.SIG_DFL)
            self._disable_mouse_support()
            self.exit_event.set()
            try:
                termios.tcflush(self.fileno, termios.TCIFLUSH)
            except termios.error:
                pass


def leaving_driver(chosen: type[Driver]) -> type[Driver]:
    """The driver to use in place of Textual's choice: ours for the Linux driver, any other unchanged."""
    return LeavingDriver if chosen is LinuxDriver else chosen


def leave() -> None:
    """From now on the terminal driver ends without waiting on its input thread (the reader is quitting)."""
    LeavingDriver.leaving = True
