"""The extraction process: the real model in a child process, reporting what it saved in the cache."""

from __future__ import annotations

import time
from contextlib import closing

import pytest

from spacereader.entities.extract import DEFAULT_PIPELINE
from spacereader.entities.service import ExtractionService
from spacereader.store.entities import entities_for_article
from tests.conftest import add_articles


@pytest.mark.slow
def test_service_extracts_requested_article_then_backlog_and_stops(seeded_store):
    ids = add_articles(seeded_store, 3, titles=["Angela Merkel visits Paris", "Quiet day", "Toyota opens a plant"])
    with closing(seeded_store.connect()) as conn:
        seed_id = conn.execute("SELECT id FROM articles WHERE guid LIKE 'seed:%'").fetchone()[0]
    service = ExtractionService(seeded_store.path, DEFAULT_PIPELINE)
    service.start()
    service.request(seed_id)
    events = []
    deadline = time.monotonic() + 60
    try:
        while time.monotonic() < deadline and not any(e.kind == "finished" for e in events):
            event = service.next_event(timeout=0.5)
            if event is not None:
                events.append(event)
        kinds = [e.kind for e in events]
        assert kinds[0] == "ready" and "spaCy" in events[0].text
        extracted = [e.article_id for e in events if e.kind == "extracted"]
        assert extracted[0] == seed_id  # the requested article before the backlog
        assert set(extracted) == {seed_id, *ids}
        assert "finished" in kinds
    finally:
        service.close()
    assert not service.alive
    with closing(seeded_store.connect()) as conn:
        names = {e.name for e in entities_for_article(conn, seed_id)}
    assert {"Yuliya Peresild", "Klim Shipenko", "Roscosmos"} <= names


def test_service_reports_a_pipeline_that_cannot_load(store):
    service = ExtractionService(store.path, "no_such_pipeline_xyz")
    service.start()
    try:
        event = None
        deadline = time.monotonic() + 30
        while event is None and time.monotonic() < deadline:
            event = service.next_event(timeout=0.5)
        # a missing pipeline falls back to the plain extractor, which is always ready
        assert event is not None and event.kind == "ready" and "plain" in event.text
    finally:
        service.close()
