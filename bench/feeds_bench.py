"""Refresh benchmark: N feeds x M items served on 127.0.0.1, cold refresh, all-304 refresh, peak RSS.

    uv run python bench/feeds_bench.py                     # 200 x 50, about a minute
    uv run python bench/feeds_bench.py --feeds 1000 --items 50
    uv run python bench/feeds_bench.py --peer newsboat      # both readers at 200 x 50 and 1000 x 50, ratios

The feeds come from the shared peer kit's make_corpus.py and are served by its serve.py when ../shared
is beside the repo (the same files and server newsboat was measured on); otherwise this script writes
similar feeds itself and serves them with its own small ETag-aware server.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import resource
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from contextlib import closing
from datetime import datetime, timedelta, timezone
from email.utils import format_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from xml.sax.saxutils import escape

PEER_KIT = Path(__file__).resolve().parents[2] / "shared" / "peer-bench"
WORDS = (
    "orbit launch probe signal comet station crew module thrust payload lunar solar relay antenna telescope"
    " mission engine landing survey rover sample cargo docking capsule booster ocean climate market city"
).split()


def free_port() -> int:
    with closing(socket.socket()) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def write_own_corpus(out: Path, feeds: int, items: int, port: int) -> Path:
    """RSS 2.0 feeds with HTML bodies (paragraphs, links, images, lists) and an OPML list of them."""
    rng = random.Random(1)
    (out / "feeds").mkdir(parents=True, exist_ok=True)
    start = datetime(2025, 1, 1, tzinfo=timezone.utc)
    outlines = []
    for f in range(feeds):
        entries = []
        for i in range(items):
            paragraphs = []
            for _ in range(rng.randint(3, 10)):
                words = " ".join(rng.choice(WORDS) for _ in range(rng.randint(25, 70)))
                paragraphs.append(f'<p>{words} <a href="https://example.com/{f}/{i}/{rng.randint(0, 99)}">more</a></p>')
            paragraphs.append('<ul><li>first point</li><li>second point</li></ul><img src="/i.png" alt="diagram">')
            published = format_datetime(start + timedelta(minutes=f * items + i), usegmt=True)
            entries.append(
                f"<item><title>{escape(' '.join(rng.choice(WORDS) for _ in range(8)))}</title>"
                f"<link>https://example.com/{f}/{i}</link><guid>f{f}-i{i}</guid><pubDate>{published}</pubDate>"
                f"<description>{escape(''.join(paragraphs))}</description></item>"
            )
        doc = (
            f'<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Feed {f}</title>'
            f"<link>https://example.com/{f}</link>{''.join(entries)}</channel></rss>"
        )
        (out / "feeds" / f"f{f:04d}.rss").write_text(doc, encoding="utf-8")
        outlines.append(f'<outline text="Feed {f}" xmlUrl="http://127.0.0.1:{port}/feeds/f{f:04d}.rss"/>')
    opml = out / "feeds.opml"
    opml.write_text(f'<opml version="2.0"><body>{"".join(outlines)}</body></opml>', encoding="utf-8")
    return opml


def serve_own(root: Path, port: int) -> None:
    """Serve a folder with ETag/Last-Modified and 304s (the fallback when the peer kit is absent)."""
    stamp = format_datetime(datetime(2025, 1, 1, tzinfo=timezone.utc), usegmt=True)

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args: object) -> None:
            pass

        def do_GET(self) -> None:
            path = (root / self.path.lstrip("/")).resolve()
            if root not in path.parents or not path.is_file():
                self.send_error(404)
                return
            data = path.read_bytes()
            etag = '"' + hashlib.md5(data).hexdigest() + '"'
            if self.headers.get("If-None-Match") == etag:
                self.send_response(304)
                self.send_header("ETag", etag)
                self.end_headers()
                return
            self.send_response(200)
            self.send_header("ETag", etag)
            self.send_header("Last-Modified", stamp)
            self.send_header("Content-Type", "application/rss+xml")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

    ThreadingHTTPServer(("127.0.0.1", port), Handler).serve_forever()


def wait_for(port: int, seconds: float = 20.0) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        with closing(socket.socket()) as sock:
            if sock.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.05)
    raise SystemExit(f"server on port {port} did not start")


def children_cpu() -> float:
    """CPU seconds of the child processes that have ended (the parse workers, once a refresh has returned)."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--feeds", type=int, default=200)
    parser.add_argument("--items", type=int, default=50)
    parser.add_argument("--warm-runs", type=int, default=3, help="all-304 refreshes to time (median shown)")
    parser.add_argument("--parse-processes", type=int, default=None, help="worker processes (default: auto)")
    parser.add_argument("--own-corpus", action="store_true", help="do not use the shared peer kit")
    parser.add_argument("--peer", choices=["newsboat"], help="also time newsboat on the same corpus, in this run")
    parser.add_argument("--sizes", default="200,1000", help="feed counts measured with --peer (items: --items)")
    parser.add_argument("--json", action="store_true", help="print the figures as one JSON line at the end")
    parser.add_argument("--serve", metavar="DIR", help=argparse.SUPPRESS)
    parser.add_argument("--port", type=int, default=0, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.serve:
        serve_own(Path(args.serve).resolve(), args.port)
        return 0
    if args.peer:
        return compare_with_newsboat([int(n) for n in args.sizes.split(",")], args.items, args.warm_runs)

    from spacereader.ingest.fetch import Fetcher
    from spacereader.ingest.opml import read_opml
    from spacereader.ingest.refresh import refresh_all
    from spacereader.store import Store
    from spacereader.store.feeds import add_feeds
    from spacereader.store.search_index import count_pending

    port = free_port()
    peer = PEER_KIT.is_dir() and not args.own_corpus
    with tempfile.TemporaryDirectory(prefix="spacereader-bench-") as temp:
        work = Path(temp)
        corpus = work / "corpus"
        started = time.perf_counter()
        if peer:
            subprocess.run(
                [sys.executable, str(PEER_KIT / "make_corpus.py"), "--feeds", str(args.feeds), "--items",
                 str(args.items), "--seed", "1", "--out", str(corpus), "--port", str(port)],
                check=True, stdout=subprocess.DEVNULL,
            )  # fmt: skip
            opml = corpus / "feeds.opml"
            server_cmd = [sys.executable, str(PEER_KIT / "serve.py"), "--dir", str(corpus), "--port", str(port),
                          "--max-seconds", "3600"]  # fmt: skip
        else:
            opml = write_own_corpus(corpus, args.feeds, args.items, port)
            server_cmd = [sys.executable, __file__, "--serve", str(corpus), "--port", str(port)]
        print(f"corpus: {args.feeds} feeds x {args.items} items ({'peer kit' if peer else 'own'}) "
              f"written in {time.perf_counter() - started:.1f} s")  # fmt: skip
        server = subprocess.Popen(server_cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            wait_for(port)
            store = Store.open(work / "data")
            subscriptions, _ = read_opml(opml.read_bytes())
            with closing(store.connect()) as conn:
                add_feeds(conn, subscriptions)

            started, cpu_started, children_started = time.perf_counter(), time.process_time(), children_cpu()
            cold = refresh_all(store, Fetcher(), parse_processes=args.parse_processes)
            cold_seconds = time.perf_counter() - started
            cold_cpu, workers_cpu = time.process_time() - cpu_started, children_cpu() - children_started
            warm_times = []
            for _ in range(max(1, args.warm_runs)):
                started = time.perf_counter()
                warm = refresh_all(store, Fetcher())
                warm_times.append(time.perf_counter() - started)
            unchanged = sum(1 for o in warm.outcomes if o.status == "unchanged")
            with closing(store.connect()) as conn:
                pending = count_pending(conn)
            cache_mb = sum(p.stat().st_size for p in (work / "data").iterdir()) / 1e6
        finally:
            server.terminate()
            server.wait(10)
    warm_times.sort()
    print(f"cold refresh:     {cold_seconds:6.2f} s  ({cold.summary()}; {cold.new_items / cold_seconds:,.0f} items/s)")
    print(f"cold refresh CPU: {cold_cpu + workers_cpu:6.2f} s  (this process {cold_cpu:.2f} s: fetching, storing,"
          f" indexing; parse workers {workers_cpu:.2f} s)")  # fmt: skip
    print(f"all-304 refresh:  {warm_times[len(warm_times) // 2]:6.2f} s  (median of {len(warm_times)};"
          f" {unchanged}/{len(warm.outcomes)} unchanged)")  # fmt: skip
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(f"peak RSS:         {peak_rss_mb():6.0f} MB  (largest child process: {children:.0f} MB, includes the server)")
    print(f"cache size:       {cache_mb:6.1f} MB")
    print(f"not yet indexed:  {pending:6d} articles once refresh_all returned (search is exact at 0)")
    if cold.failures:
        print(f"failures: {[(o.url, o.error) for o in cold.failures[:5]]}")
    if args.json:
        figures = {"cold_s": cold_seconds, "warm304_s": warm_times[len(warm_times) // 2], "peak_rss_mb": peak_rss_mb(),
                   "new": cold.new_items, "failed": len(cold.failures), "pending_after": pending,
                   "cold_cpu_s": cold_cpu, "cold_workers_cpu_s": workers_cpu}  # fmt: skip
        print(json.dumps(figures))
    return 0


def load_average() -> str:
    return " ".join(f"{n:.2f}" for n in os.getloadavg())


def newsboat_figures(feeds: int, items: int, work: Path) -> dict[str, float]:
    """newsboat's cold and all-304 (third) reload through the peer kit: same corpus generator and server."""
    results = work / f"newsboat-{feeds}.jsonl"
    command = ["bash", str(PEER_KIT / "newsboat_bench.sh"), "--feeds", str(feeds), "--items", str(items),
               "--runs", "1", "--tui-runs", "0", "--port", str(free_port()), "--work", str(work / "newsboat"),
               "--budget-s", "1500", "--out", str(results)]  # fmt: skip
    subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False, timeout=1600)
    rows = [json.loads(line) for line in results.read_text().splitlines() if line.strip()] if results.exists() else []
    figures = {r["metric"]: r for r in rows}
    out: dict[str, float] = {}
    for metric in ("cold", "warm304"):
        if metric in figures and figures[metric].get("rc") == 0:
            out[metric] = float(figures[metric]["value"])
            out[metric + "_rss_mb"] = (figures[metric].get("peak_rss_kb") or 0) / 1024
    out["version"] = figures.get("version", {}).get("value", "newsboat")  # type: ignore[assignment]
    return out


def compare_with_newsboat(sizes: list[int], items: int, warm_runs: int) -> int:
    """Both readers at each size in one run: spacereader in a fresh process (its own peak RSS), then newsboat."""
    if not (PEER_KIT / "newsboat_bench.sh").is_file():
        print(f"peer skipped: the shared peer kit is not at {PEER_KIT}")
        return 1
    if shutil.which("newsboat") is None or shutil.which("curl") is None:
        print("peer skipped: newsboat and curl are needed (apt-get install newsboat curl)")
        return 1
    rows = []
    with tempfile.TemporaryDirectory(prefix="spacereader-peer-") as temp:
        for feeds in sizes:
            before = load_average()
            print(f"{feeds} x {items}: spacereader (load average {before}) ...", flush=True)
            done = subprocess.run(
                [sys.executable, __file__, "--feeds", str(feeds), "--items", str(items), "--warm-runs", str(warm_runs),
                 "--json"], capture_output=True, text=True, check=True,
            )  # fmt: skip
            ours = json.loads(done.stdout.strip().splitlines()[-1])
            print(f"{feeds} x {items}: newsboat (load average {load_average()}) ...", flush=True)
            theirs = newsboat_figures(feeds, items, Path(temp))
            rows.append((feeds, ours, theirs, f"{before} -> {load_average()}"))
    version = rows[0][2].get("version", "newsboat") if rows else "newsboat"
    print(f"\nrefresh, {version} (8 reload threads) against spacereader, same corpus and server, in this run;")
    print("ratio = newsboat / spacereader (above 1: spacereader is faster). all-304 = every feed answers 304")
    print(f"{'size':>10} {'':8} {'newsboat':>10} {'spacereader':>12} {'ratio':>8}")
    for feeds, ours, theirs, load in rows:
        size = f"{feeds}x{items}"
        for label, key, mine in (("cold", "cold", ours["cold_s"]), ("all-304", "warm304", ours["warm304_s"])):
            peer = theirs.get(key)
            ratio = f"{peer / mine:7.1f}x" if peer else "      -"
            peer_text = f"{peer:9.2f}s" if peer else "    failed"
            print(f"{size:>10} {label:8} {peer_text} {mine:11.2f}s {ratio}")
        print(f"{size:>10} {'peak RSS':8} {theirs.get('cold_rss_mb', 0):8.0f}MB {ours['peak_rss_mb']:9.0f}MB"
              f"   (load average {load})")  # fmt: skip
        print(
            f"{size:>10} spacereader's cold refresh used {ours['cold_cpu_s'] + ours['cold_workers_cpu_s']:.1f} CPU s"
            f" ({ours['cold_cpu_s']:.1f} fetching, storing and indexing; {ours['cold_workers_cpu_s']:.1f} parsing)"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
