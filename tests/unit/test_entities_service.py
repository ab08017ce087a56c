"""The extraction process: the real model in a child process, reporting what it saved in the cache."""

from __future__ import annotations

import time
from contextlib import closing

import pytest

from spacereader.entities.extract import DEFAULT_PIPELINE
from spacereader.entities.service import ExtractionService, ServiceEvent
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


def collect_until_finished(service: ExtractionService, seconds: float = 90) -> list[ServiceEvent]:
    events: list[ServiceEvent] = []
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline and not any(e.kind == "finished" for e in events):
        event = service.next_event(timeout=0.5)
        if event is not None:
            events.append(event)
    return events


@pytest.mark.slow
def test_two_processes_split_the_backlog_and_report_as_one(seeded_store):
    titles = [f"Angela Merkel meets Emmanuel Macron in Paris, day {n}" for n in range(8)]
    ids = add_articles(seeded_store, 8, titles=titles)
    service = ExtractionService(seeded_store.path, DEFAULT_PIPELINE, processes=2)
    service.start()
    try:
        events = collect_until_finished(service)
        extracted = [e for e in events if e.kind == "extracted"]
        assert {e.worker for e in extracted} == {0, 1}  # both children worked
        assert all(e.article_id % 2 == e.worker for e in extracted)  # each on its own share
        assert len(extracted) == len({e.article_id for e in extracted})  # none extracted twice
        assert set(ids) <= {e.article_id for e in extracted}
        finished = [e for e in events if e.kind == "finished"]
        assert len(finished) == 1 and finished[0].done == len(extracted)
        assert [e.kind for e in events].count("ready") == 1
    finally:
        service.close()
    assert not service.alive
    with closing(seeded_store.connect()) as conn:
        for article_id in ids:
            assert "Angela Merkel" in {e.name for e in entities_for_article(conn, article_id)}


def test_reports_merge_into_one_count_and_one_finish(store):
    service = ExtractionService(store.path, DEFAULT_PIPELINE, processes=2)  # never started: only the merging
    try:
        merge = service._merge
        assert merge(ServiceEvent("progress", done=3, remaining=10, worker=0)) == ServiceEvent(
            "progress", done=3, remaining=10
        )
        assert merge(ServiceEvent("progress", done=4, remaining=6, worker=1)).done == 7
        assert merge(ServiceEvent("finished", done=5, worker=1)) is None  # child 0 is still working
        assert merge(ServiceEvent("failed", text="no memory", worker=1)) is None  # a helper child's own trouble
        assert merge(ServiceEvent("finished", done=6, worker=0)) == ServiceEvent("finished", done=11)
        # After new articles arrive, one child working again holds the finish back.
        assert merge(ServiceEvent("progress", done=7, remaining=1, worker=0)).done == 12
        assert merge(ServiceEvent("finished", done=7, worker=0)).kind == "finished"
        assert merge(ServiceEvent("failed", text="cannot load", worker=0)).kind == "failed"
    finally:
        service.close()
