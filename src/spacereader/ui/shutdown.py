"""Leaving at once: once the terminal is restored, nothing the reader started may keep it waiting or running.

Thread workers cannot be interrupted, and both `asyncio.run` and the interpreter join them on the way out,
so a refresh in the middle of a 30-second fetch would hold the prompt; child processes (the entity model,
refresh parsers) would be joined too, or outlive the reader.
"""

from __future__ import annotations

import asyncio
import multiprocessing
import multiprocessing.util
import os
import sys
import time
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from textual.app import App


def end_children(timeout: float = 0.1) -> None:
    """Terminate every child process this process started (extraction, parse workers); kill stragglers."""
    children = multiprocessing.active_children()
    for child in children:
        child.terminate()
    deadline = time.monotonic() + timeout
    for child in children:
        child.join(max(deadline - time.monotonic(), 0))
        if child.is_alive():
            child.kill()
            child.join(0.05)


def run_and_leave(app: App) -> None:
    """Run the app, then end the process at once: it never returns.

    By the time `run` returns the app has saved every pending change, closed its connection and told each
    worker to stop; what is still running (a fetch, a parse, an extraction) is abandoned, its result unneeded.
    Its own loop, because `asyncio.run` would wait for every thread worker to finish.
    """
    loop = asyncio.new_event_loop()
    app.run(loop=loop)
    code = app.return_code or 0
    end_children()
    # What multiprocessing does at a normal exit, minus the joins: close its queues and unlink its
    # semaphores, or the resource tracker prints a "leaked semaphore" warning into the user's terminal.
    run_finalizers = getattr(multiprocessing.util, "_run_finalizers", None)
    if run_finalizers is not None:
        run_finalizers(0)
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)
