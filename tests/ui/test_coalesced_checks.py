"""Checks asked for often (watches, entity ignore rules) run one at a time, and no request is lost or cancelled."""

from __future__ import annotations

import threading

from textual.worker import WorkerState


async def test_requests_made_during_a_run_are_served_by_one_more_run(store, make_app):
    app = make_app(store)
    release = threading.Event()
    started = threading.Event()
    runs: list[int] = []
    running = threading.Lock()
    overlapped: list[bool] = []

    def job() -> None:
        overlapped.append(not running.acquire(blocking=False))
        try:
            runs.append(len(runs))
            started.set()
            release.wait(5)
        finally:
            running.release()

    async with app.run_test() as pilot:
        app._run_coalesced(job, "check")
        for _ in range(500):  # the worker starts from the event loop: wait without blocking it
            if started.is_set():
                break
            await pilot.pause(0.01)
        assert started.is_set()
        for _ in range(5):  # asked again and again while the first run waits
            app._run_coalesced(job, "check")
        release.set()
        await app.workers.wait_for_complete()  # raises if any worker was cancelled
        await pilot.pause()
        assert runs == [0, 1]  # the five requests made during the run are served by one more run
        assert overlapped == [False, False]
        assert all(w.state == WorkerState.SUCCESS for w in app.workers if w.group == "check")
        app._run_coalesced(job, "check")  # idle again: a new request runs at once
        await app.workers.wait_for_complete()
        assert runs == [0, 1, 2]
