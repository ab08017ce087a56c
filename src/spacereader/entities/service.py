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
    worker: int = 0
    """Which child sent it (0 is the one that also takes the reader's requests)."""


def _serve(
    db_path: str,
    pipeline: str,
    requests: multiprocessing.Queue,
    events: multiprocessing.Queue,
    stop,
    share: tuple[int, int] = (0, 1),
) -> None:
    """A child's main loop: requested articles first, then its share of the backlog newest first, until stopped.

    Child 0 loads the model at once (the reader's requests come to it); the others load it only when their
    share of the backlog has work, so a cache that is up to date costs one model's memory, not several.
    """
    from spacereader.config import Settings
    from spacereader.entities.backlog import TOGETHER, extract_article, extract_articles
    from spacereader.entities.extract import (
        ExtractorError,
        describe_extractor,
        extractor_label,
        make_extractor,
        warm_up,
    )
    from spacereader.store import Store
    from spacereader.store import entities as store_entities

    worker = share[0]
    if hasattr(os, "nice"):
        os.nice(10)  # background work: the reader and the user's other programs come first
    extractor = make_extractor(Settings(extractor=pipeline))
    loaded = False

    def load() -> bool:
        nonlocal loaded
        if not loaded:
            try:
                warm_up(extractor)
            except ExtractorError as error:
                events.put(ServiceEvent("failed", text=str(error), worker=worker))
                return False
            loaded = True
            if worker == 0:
                events.put(ServiceEvent("ready", text=describe_extractor(extractor)))
        return True

    if worker == 0 and not load():
        return
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
        events.put(ServiceEvent("extracted", article_id, worker=worker))

    def extract_together(conn: Connection, article_ids: list[int]) -> None:
        nonlocal done
        due = [i for i in article_ids if i not in skipped and store_entities.extraction_state(conn, i) != label]
        try:
            extracted = extract_articles(conn, extractor, due)
        except (ValueError, RuntimeError):  # some text the model cannot process: one by one finds which
            for article_id in due:
                extract(conn, article_id)
            return
        done += len(extracted)
        for article_id in extracted:
            events.put(ServiceEvent("extracted", article_id, worker=worker))

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
                for i in store_entities.articles_needing_extraction(conn, label, BATCH + len(skipped), share=share)
                if i not in skipped
            ]
            if not batch:
                if not idle:
                    events.put(ServiceEvent("finished", done=done, text=describe_extractor(extractor), worker=worker))
                idle = True
                continue
            if not load():
                return
            for at in range(0, min(len(batch), BATCH), TOGETHER):
                if stop.is_set() or not requests.empty():
                    break
                extract_together(conn, batch[at : min(at + TOGETHER, BATCH)])
            remaining = store_entities.count_needing_extraction(conn, label) - len(skipped)
            events.put(ServiceEvent("progress", done=done, remaining=max(remaining, 0), worker=worker))


def default_processes() -> int:
    """Two extraction processes where there are two cores or more: the backlog after a large refresh goes
    about twice as fast, and the second process loads its model only while there is a backlog."""
    return 2 if (os.cpu_count() or 1) >= 2 else 1


class ExtractionService:
    """The reader's handle on the extraction processes: one by default per core up to `processes`.

    Each child takes the articles whose id falls in its share of the backlog; the reader's requests go to
    child 0. Their reports are merged here, so the reader sees one progress count and one "finished".
    """

    def __init__(self, db_path: Path, pipeline: str, processes: int = 1) -> None:
        context = multiprocessing.get_context("spawn")  # the reader has threads: never fork it
        count = max(1, processes)
        self._requests: list[multiprocessing.Queue] = [context.Queue() for _ in range(count)]
        self._events: multiprocessing.Queue = context.Queue()
        self._stop = context.Event()
        self._processes = [
            context.Process(
                target=_serve,
                args=(str(db_path), pipeline, self._requests[k], self._events, self._stop, (k, count)),
                name="spacereader-entities" if k == 0 else f"spacereader-entities-{k}",
                daemon=True,
            )
            for k in range(count)
        ]
        self._done = [0] * count
        self._finished = [False] * count

    @property
    def processes(self) -> int:
        """How many extraction processes there are."""
        return len(self._processes)

    def start(self) -> None:
        """Start the children (child 0 loads the model, then each works through its share of the backlog)."""
        for process in self._processes:
            process.start()

    def request(self, article_id: int) -> None:
        """Extract this article next."""
        self._requests[0].put(article_id)

    def rescan(self) -> None:
        """New articles arrived: look at the backlog again."""
        for channel in self._requests:
            channel.put(RESCAN)

    def next_event(self, timeout: float = 0.5) -> ServiceEvent | None:
        """The next merged report, or None when there is none yet (or the children have ended)."""
        try:
            event = self._events.get(timeout=timeout)
        except (queue.Empty, EOFError, OSError):
            return None
        return self._merge(event)

    def _merge(self, event: ServiceEvent) -> ServiceEvent | None:
        """One count for all children: progress sums their work; "finished" comes once every child is idle."""
        k = event.worker
        if k >= len(self._done):
            return event
        if event.kind == "failed" and k > 0:
            self._finished[k] = True  # child 0 reported the same pipeline ready, so this is the child's own trouble
            return None
        if event.kind in ("progress", "finished"):
            self._done[k] = event.done
            self._finished[k] = event.kind == "finished"
            done = sum(self._done)
            if event.kind == "finished":
                if not all(self._finished):
                    return None
                return ServiceEvent("finished", done=done, text=event.text)
            return ServiceEvent("progress", done=done, remaining=event.remaining)
        return event

    @property
    def alive(self) -> bool:
        """Whether any child is still running."""
        return any(process.is_alive() for process in self._processes)

    def stop(self) -> None:
        """Ask the children to stop after the article each is on (returns at once)."""
        self._stop.set()

    def close(self, timeout: float = 2.0) -> None:
        """Stop the children between articles; terminate any that does not stop in time."""
        self._stop.set()
        for process in self._processes:
            if process.is_alive():
                process.join(timeout)
        for process in self._processes:
            if process.is_alive():
                process.terminate()
                process.join(timeout)
        for channel in (*self._requests, self._events):
            channel.cancel_join_thread()
            channel.close()
