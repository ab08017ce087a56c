"""Where a cold refresh's CPU goes, thread by thread and second by second: the writer, the event loop, the
parse pool's own threads and the parse workers, and how busy the two cores are over time.

    uv run python bench/refresh_threads.py [--feeds 1000] [--items 50] [--profile N] [--own-corpus]
                                           [--switch-interval S] [--worker-nice N]

Serves the peer kit's corpus (or feeds_bench's own) on 127.0.0.1 as feeds_bench.py does, runs one cold
`refresh_all` in this process and samples `/proc` every 0.1 s: each thread of this process by its Python
name, and each parse worker. Prints each thread's CPU seconds, then a timeline of CPU per wall second
(writer, rest of this process, workers, and the share of 2 cores in use), then how long the writer waited
for a document and how long fetched documents waited for the writer. With `--profile N` the writer thread
runs under cProfile (which slows it) and its N costliest functions are printed.
"""

from __future__ import annotations

import argparse
import cProfile
import multiprocessing
import os
import pstats
import subprocess
import sys
import tempfile
import threading
import time
from contextlib import closing
from pathlib import Path

from feeds_bench import PEER_KIT, free_port, wait_for, write_own_corpus

from spacereader.ingest import parse_worker, refresh
from spacereader.ingest.fetch import Fetcher
from spacereader.ingest.opml import read_opml
from spacereader.store import Store
from spacereader.store.feeds import add_feeds

TICK = os.sysconf("SC_CLK_TCK")


def cpu_of(stat_path: str) -> float | None:
    """utime + stime in seconds from a /proc stat file, or None when the task has gone."""
    try:
        with open(stat_path) as handle:
            fields = handle.read().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return (int(fields[11]) + int(fields[12])) / TICK


class Sampler:
    """Every `interval`: CPU so far of each thread of this process (by Python thread name) and of each child."""

    def __init__(self, interval: float = 0.1) -> None:
        self.interval = interval
        self.samples: list[tuple[float, dict[str, float]]] = []
        self.queued: list[tuple[float, int]] = []
        """(time, documents fetched and parsed, waiting for the writer)"""
        self.writer: refresh._Writer | None = None
        self.stop = threading.Event()
        self.thread = threading.Thread(target=self.run, name="sampler", daemon=True)
        self.started = time.monotonic()

    def run(self) -> None:
        me = os.getpid()
        while not self.stop.is_set():
            names = {t.native_id: t.name for t in threading.enumerate()}
            row: dict[str, float] = {}
            for tid in os.listdir(f"/proc/{me}/task"):
                value = cpu_of(f"/proc/{me}/task/{tid}/stat")
                if value is not None:
                    name = names.get(int(tid), f"thread {tid}")
                    name = "main (event loop)" if name == "MainThread" else name
                    row[name] = row.get(name, 0.0) + value
            for child in multiprocessing.active_children():
                if child.pid is not None:
                    value = cpu_of(f"/proc/{child.pid}/stat")
                    if value is not None:
                        row[f"worker {child.pid}"] = value
            self.samples.append((time.monotonic() - self.started, row))
            if self.writer is not None:
                self.queued.append((time.monotonic() - self.started, self.writer.jobs.qsize()))
            self.stop.wait(self.interval)


def start_worker_at_nice(parent_pid: int) -> None:
    """The workers' initializer with `--worker-nice` (read from the environment in the spawned worker)."""
    try:
        os.nice(int(os.environ["SPACEREADER_BENCH_WORKER_NICE"]))
    except OSError:
        pass
    parse_worker.exit_with_parent(parent_pid)


def kind(name: str) -> str:
    if name.startswith("worker"):
        return "workers"
    if name == "spacereader-refresh-writer":
        return "writer"
    if name == "sampler":
        return "sampler"
    return "rest"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--feeds", type=int, default=1000)
    parser.add_argument("--items", type=int, default=50)
    parser.add_argument("--profile", type=int, default=0, metavar="N", help="cProfile the writer; print N rows")
    parser.add_argument("--own-corpus", action="store_true")
    parser.add_argument("--switch-interval", type=float, default=None, help="sys.setswitchinterval (GIL), seconds")
    parser.add_argument(
        "--worker-nice", type=int, default=None, help=f"the workers' nice (default {parse_worker.WORKER_NICE})"
    )
    args = parser.parse_args()
    if args.worker_nice is not None:
        os.environ["SPACEREADER_BENCH_WORKER_NICE"] = str(args.worker_nice)
        refresh.start_worker = start_worker_at_nice  # type: ignore[assignment]
    if args.switch_interval is not None:
        sys.setswitchinterval(args.switch_interval)
    port = free_port()
    with tempfile.TemporaryDirectory(prefix="spacereader-threads-") as temp:
        work = Path(temp)
        corpus = work / "corpus"
        if PEER_KIT.is_dir() and not args.own_corpus:
            subprocess.run([sys.executable, str(PEER_KIT / "make_corpus.py"), "--feeds", str(args.feeds), "--items",
                            str(args.items), "--seed", "1", "--out", str(corpus), "--port", str(port)],
                           check=True, stdout=subprocess.DEVNULL)  # fmt: skip
            opml = corpus / "feeds.opml"
            server_cmd = [sys.executable, str(PEER_KIT / "serve.py"), "--dir", str(corpus), "--port", str(port),
                          "--max-seconds", "3600"]  # fmt: skip
        else:
            opml = write_own_corpus(corpus, args.feeds, args.items, port)
            server_cmd = [sys.executable, str(Path(__file__).with_name("feeds_bench.py")), "--serve", str(corpus),
                          "--port", str(port)]  # fmt: skip
        server = subprocess.Popen(server_cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        profile = cProfile.Profile() if args.profile else None
        waits = {"writer idle": 0.0}
        original_run, original_next = refresh._Writer._run, refresh._Writer._next_job
        sampler = Sampler()

        def run(self) -> None:
            sampler.writer = self
            if profile is not None:
                profile.enable()
            try:
                original_run(self)
            finally:
                if profile is not None:
                    profile.disable()

        def next_job(self, conn):
            get = self.jobs.get

            def blocking_get(block: bool = True, timeout: float | None = None):
                began = time.perf_counter()
                try:
                    return get(block, timeout)
                finally:
                    if block:
                        waits["writer idle"] += time.perf_counter() - began

            self.jobs.get = blocking_get  # type: ignore[method-assign]
            try:
                return original_next(self, conn)
            finally:
                self.jobs.get = get  # type: ignore[method-assign]

        refresh._Writer._run = run  # type: ignore[method-assign]
        refresh._Writer._next_job = next_job  # type: ignore[method-assign]
        try:
            wait_for(port)
            store = Store.open(work / "data")
            with closing(store.connect()) as conn:
                add_feeds(conn, read_opml(opml.read_bytes())[0])
            sampler.started = time.monotonic()
            sampler.thread.start()
            started = time.perf_counter()
            report = refresh.refresh_all(store, Fetcher())
            wall = time.perf_counter() - started
            time.sleep(0.15)
            sampler.stop.set()
            sampler.thread.join()
        finally:
            server.terminate()
            server.wait(10)
    print(f"{report.summary()}; wall {wall:.2f} s, load average {' '.join(f'{n:.2f}' for n in os.getloadavg())}")
    final: dict[str, float] = {}
    for _, row in sampler.samples:
        for name, value in row.items():
            final[name] = max(final.get(name, 0.0), value)
    print("\nCPU seconds by thread (sampled every 0.1 s; threads that ended count to their last sample):")
    for name, value in sorted(final.items(), key=lambda item: -item[1]):
        print(f"  {name:<40} {value:7.2f}")
    totals = {k: sum(v for n, v in final.items() if kind(n) == k) for k in ("writer", "rest", "workers")}
    print(f"  writer {totals['writer']:.2f}, rest of the process {totals['rest']:.2f}, workers {totals['workers']:.2f},"
          f" all {sum(totals.values()):.2f} over {wall:.2f} s wall = {sum(totals.values()) / wall:.2f} cores")  # fmt: skip
    print(f"  the writer waited for a document {waits['writer idle']:.2f} s (with nothing stored left to index)")
    print(
        "\nper second: CPU seconds used in it (writer / rest / workers), cores busy of 2, and the documents"
        " parsed and waiting for the writer (mean of the samples in that second; at most 32 are fetched ahead)"
    )
    previous: dict[str, float] = {}
    latest: dict[str, float] = {}
    second = 1.0
    for at, row in sampler.samples:
        latest.update(row)  # a thread or worker that has ended keeps its last figure
        if at < second:
            continue
        merged = {k: sum(v for n, v in latest.items() if kind(n) == k) for k in ("writer", "rest", "workers")}
        used = {k: merged[k] - previous.get(k, 0.0) for k in merged}
        waiting = [n for t, n in sampler.queued if second - 1 <= t < second]
        mean = sum(waiting) / len(waiting) if waiting else 0.0
        print(f"  {second:5.0f} s  writer {used['writer']:4.2f}  rest {used['rest']:4.2f}  workers {used['workers']:4.2f}"
              f"  busy {sum(used.values()):4.2f}  waiting for the writer {mean:4.1f}")  # fmt: skip
        previous = merged
        second += 1.0
    if profile is not None:
        print("\nwriter thread under cProfile (slower than without), by own time:")
        pstats.Stats(profile).sort_stats("tottime").print_stats(args.profile)
        print("by cumulative time:")
        pstats.Stats(profile).sort_stats("cumulative").print_stats(args.profile)
    return 0


if __name__ == "__main__":
    sys.exit(main())
