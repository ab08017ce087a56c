"""What a parse worker process runs: `parse_document` and the pool's initializer, apart from the refresh.

A spawned worker imports the module that holds the function it is given. Kept here, beside only the parser,
a worker does not import the refresh's fetching, storing and asyncio (about 0.15 s of each worker's start-up,
two workers a refresh: bench/README.md).
"""

from __future__ import annotations

import os
import threading
import time
from datetime import datetime

from spacereader.ingest.parse import ParsedFeed, ParseError, parse_feed

# How much lower the parse workers' priority is than the refresh's own process (see start_worker).
WORKER_NICE = 10

Parsed = ParsedFeed | ParseError


def failure_reason(stage: str, error: BaseException) -> str:
    """One line naming the stage and the error, for a failure nobody foresaw ("parse failed (KeyError: 'x')")."""
    detail = " ".join(str(error).split())[:120]
    return f"{stage} failed ({type(error).__name__}{': ' + detail if detail else ''})"


def parse_document(body: bytes, url: str, content_type: str, fetched: datetime) -> Parsed:
    """parse_feed with any error returned as a ParseError rather than raised, so it can cross a process boundary."""
    try:
        return parse_feed(body, url, content_type, fetched=fetched)
    except ParseError as error:
        return error
    except Exception as error:  # noqa: BLE001 - the per-feed boundary: whatever it is fails this feed alone
        return ParseError(failure_reason("parse", error))


def start_worker(parent_pid: int) -> None:
    """Worker-process initializer: a lower priority than the refresh's own process, and exit with it.

    The one writer (storing and indexing) is the refresh's critical path: at equal priority three busy
    processes shared 2 cores evenly, the writer fell behind and 20,000 articles were left to index after
    the last feed while the workers idled. At nice 10 the workers take what the writer leaves, and the
    index keeps up (1,000 x 50 cold refresh 15.1-15.5 s -> 13.6-13.9 s, bench/README.md).
    """
    try:
        os.nice(WORKER_NICE)
    except OSError:  # not allowed here: run at the same priority
        pass
    exit_with_parent(parent_pid)


def exit_with_parent(parent_pid: int) -> None:
    """Worker-process initializer: exit once the refresh that started it is gone.

    A refresh killed outright (kill -9, or SIGTERM from cron's timeout) cannot shut its pool down, and a
    spawned worker never sees the task queue close because it holds that pipe's writing end itself.
    """

    def watch() -> None:
        while os.getppid() == parent_pid:
            time.sleep(1)
        os._exit(0)

    threading.Thread(target=watch, name="spacereader-parent-watch", daemon=True).start()
