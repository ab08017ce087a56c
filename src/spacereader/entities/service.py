"""Entity extraction in a separate process, so the model's CPU work and memory stay out of the reader.

A thread in the reader would share the interpreter lock with the UI (keystrokes would wait on spaCy)
and would add the model's ~120 MB to the reader's memory. The child process owns the model and its own
cache connection; the reader sends article ids to do first and reads back what was done.
"""

from __future__ import annotations

import multiprocessing
import os
import queue
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacereader.store import Connection

# Requests from the reader: an article id to extract first, or RESCAN after new articles arrived.
RESCAN = -1
BATCH = 8


@dataclass(frozen=True)
class ServiceEvent:
    """What the child reports: `kind` is ready, extracted, progress, finished or failed."""

    kind: str
    article_id: int = 0
    done: int = 0
    remaining: int = 0
    text: str = ""


def _serve(db_path: str, pipeline: str, requests: multiprocessing.Queue, events: multiprocessing.Queue, stop) -> None:
    """The child's main loop: requested articles first, then the backlog newest first, until stopped."""
    from spacereader.config import Settings
    from spacereader.entities.backlog import extract_article
    from spacereader.entities.extract import (
        ExtractorError,
        describe_extractor,
        extractor_label,
        make_extractor,
        warm_up,
    )
    from spacereader.store import Store
    from spacereader.store import entities as store_entities

    if hasattr(os, "nice"):
        os.nice(10)  # background work: the reader and the user's other programs come first
    extractor = make_extractor(Settings(extractor=pipeline))
    try:
        warm_up(extractor)
    except ExtractorError as error:
        events.put(ServiceEvent("failed", text=str(error)))
        return
    events.put(ServiceEvent("ready", text=describe_extractor(extractor)))
    label = extractor_label(extractor)
    done = 0
    skipped: set[int] = set()
    idle = False

    def extract(conn: Connection, article_id: int) -> None:
        nonlocal done
        if article_id in skipped:
            return
        try:
            if store_entities.extraction_state(conn, article_id) != label:
                extract_article(conn, extractor, article_id)
                done += 1
        except (ValueError, RuntimeError):  # text the model cannot process: skip it for this run
            skipped.add(article_id)
            return
        events.put(ServiceEvent("extracted", article_id))

    with closing(Store(Path(db_path)).connect()) as conn:
        while not stop.is_set():
            try:
                wanted = requests.get(timeout=0.5) if idle else requests.get_nowait()
            except queue.Empty:
                wanted = None
            if wanted is not None:
                idle = False
                if wanted != RESCAN:
                    extract(conn, wanted)
                continue
            batch = [
                i
                for i in store_entities.articles_needing_extraction(conn, label, BATCH + len(skipped))
                if i not in skipped
            ]
            if not batch:
                if not idle:
                    events.put(ServiceEvent("finished", done=done, text=describe_extractor(extractor)))
                idle = True
                continue
            for article_id in batch[:BATCH]:
                if stop.is_set() or not requests.empty():
                    break
                extract(conn, article_id)
            remaining = store_entities.count_needing_extraction(conn, label) - len(skipped)
            events.put(ServiceEvent("progress", done=done, remaining=max(remaining, 0)))


class ExtractionService:
    """The reader's handle on the extraction process."""

    def __init__(self, db_path: Path, pipeline: str) -> None:
        context = multiprocessing.get_context("spawn")  # the reader has threads: never fork it
        self._requests: multiprocessing.Queue = context.Queue()
        self._events: multiprocessing.Queue = context.Queue()
        self._stop = context.Event()
        self._process = context.Process(
            target=_serve, args=(str(db_path), pipeline, self._requests, self._events, self._stop),
            name="spacereader-entities", daemon=True,
        )  # fmt: skip

    def start(self) -> None:
        """Start the child (it loads the model, then works through the backlog)."""
        self._process.start()

    def request(self, article_id: int) -> None:
        """Extract this article next."""
        self._requests.put(article_id)

    def rescan(self) -> None:
        """New articles arrived: look at the backlog again."""
        self._requests.put(RESCAN)

    def next_event(self, timeout: float = 0.5) -> ServiceEvent | None:
        """The child's next report, or None when there is none yet (or the child has ended)."""
        try:
            return self._events.get(timeout=timeout)
        except (queue.Empty, EOFError, OSError):
            return None

    @property
    def alive(self) -> bool:
        """Whether the child is still running."""
        return self._process.is_alive()

    def stop(self) -> None:
        """Ask the child to stop after the article it is on (returns at once)."""
        self._stop.set()

    def close(self, timeout: float = 2.0) -> None:
        """Stop the child between articles; terminate it if it does not stop in time."""
        self._stop.set()
        if self._process.is_alive():
            self._process.join(timeout)
        if self._process.is_alive():
            self._process.terminate()
            self._process.join(timeout)
        for channel in (self._requests, self._events):
            channel.cancel_join_thread()
            channel.close()
