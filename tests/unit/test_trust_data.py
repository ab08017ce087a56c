"""The cache survives: kill -9 during a refresh, a refresh beside the reader's writes, a read-only or full disk.

A local server on 127.0.0.1 serves 60 feeds of 30 items whose content changes on every request, so every
refresh has writing to do. `spacereader refresh` runs as a real subprocess, as cron would run it.
"""

from __future__ import annotations

import os
import random
import shutil
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import closing
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from itertools import count
from pathlib import Path

import pytest

from spacereader.ingest.fetch import Fetcher
from spacereader.ingest.refresh import refresh_all
from spacereader.store import Store
from spacereader.store.articles import set_read
from spacereader.store.bookmarks import set_bookmark
from spacereader.store.feeds import ensure_feed
from spacereader.store.search_index import count_pending
from spacereader.ui.writer import StateChange, StateWriter

FEEDS = 60
ITEMS = 30
KILLS = 20


class ChangingFeeds(BaseHTTPRequestHandler):
    """/feed/N: 30 items whose text changes with every request, plus one new item per request."""

    protocol_version = "HTTP/1.1"
    requests = count()

    def log_message(self, *args: object) -> None:
        pass

    def do_GET(self) -> None:  # noqa: N802 (http.server's name)
        feed = int(self.path.rsplit("/", 1)[1])
        serial = next(self.requests)
        items = [
            f"<item><title>Feed {feed} item {i}</title><link>http://127.0.0.1/{feed}/{i}</link><guid>{feed}-{i}</guid>"
            f"<pubDate>Mon, 02 Jan 2023 {i % 24:02d}:00:00 GMT</pubDate>"
            f"<description>Request {serial}: {'words of the article ' * 40}</description></item>"
            for i in range(ITEMS)
        ]
        items.append(
            f"<item><title>Fresh {serial}</title><link>http://127.0.0.1/{feed}/fresh/{serial}</link>"
            f"<guid>{feed}-fresh-{serial}</guid><pubDate>Tue, 03 Jan 2023 00:00:00 GMT</pubDate>"
            f"<description>New.</description></item>"
        )
        body = f'<?xml version="1.0"?><rss version="2.0"><channel><title>Feed {feed}</title>{"".join(items)}</channel></rss>'
        data = body.encode()
        try:
            self.send_response(200)
            self.send_header("Content-Type", "application/rss+xml")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)
        except (BrokenPipeError, ConnectionResetError):  # the refresh was killed mid-response
            pass


class QuietServer(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request: object, client_address: object) -> None:
        pass  # killed clients hang up mid-request on purpose


@pytest.fixture
def feed_server() -> Iterator[str]:
    httpd = QuietServer(("127.0.0.1", 0), type("Handler", (ChangingFeeds,), {"requests": count()}))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()


@pytest.fixture
def cache(tmp_path: Path, feed_server: str) -> tuple[Path, Store, dict[int, str]]:
    """A cache subscribed to the 60 feeds, refreshed once, with bookmarks and read marks made on it.

    Returns the data dir, the store and the marks: article id -> "bookmark" or "read".
    """
    data_dir = tmp_path / "data"
    store = Store.open(data_dir)
    with closing(store.connect()) as conn, conn:
        for n in range(FEEDS):
            ensure_feed(conn, f"{feed_server}/feed/{n}")
    report = refresh_all(store, Fetcher(), parse_processes=0)
    assert not report.failures, report.failures
    marks: dict[int, str] = {}
    with closing(store.connect()) as conn:
        ids = [row[0] for row in conn.execute("SELECT id FROM articles ORDER BY id")]
        for article_id in ids[::37]:
            assert set_bookmark(conn, article_id, True)
            marks[article_id] = "bookmark"
        for article_id in ids[5::41]:
            if article_id not in marks:
                assert set_read(conn, article_id, True)
                marks[article_id] = "read"
    return data_dir, store, marks


def cli(data_dir: Path, *args: str) -> list[str]:
    return [
        sys.executable,
        "-m",
        "spacereader",
        "--data-dir",
        str(data_dir),
        "--config",
        str(data_dir / "absent.toml"),
        *args,
    ]


def check_cache(store: Store, marks: dict[int, str]) -> None:
    """The file passes integrity_check and holds every mark made before."""
    with closing(store.connect()) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        bookmarked = {row[0] for row in conn.execute("SELECT article_id FROM bookmarks")}
        read = {row[0] for row in conn.execute("SELECT id FROM article_state WHERE is_read = 1")}
    for article_id, kind in marks.items():
        assert article_id in (bookmarked if kind == "bookmark" else read), f"lost the {kind} on {article_id}"


@pytest.mark.slow
def test_kill_9_at_random_points_during_refresh_keeps_the_cache_and_every_mark(cache):
    data_dir, store, marks = cache
    started = time.monotonic()
    subprocess.run(cli(data_dir, "refresh"), check=True, capture_output=True, timeout=120)
    full = time.monotonic() - started  # one whole refresh, start-up included
    chooser = random.Random(20261125)
    killed_mid_write = 0
    left_unindexed = 0
    for round_number in range(KILLS):
        with closing(store.connect()) as conn:
            before = conn.execute("SELECT count(*), max(fetched) FROM articles").fetchone()
        # start_new_session: the refresh and anything it starts form a group we can kill as one, by its id.
        process = subprocess.Popen(cli(data_dir, "refresh"), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                   start_new_session=True)  # fmt: skip
        time.sleep(chooser.uniform(0.1, full))
        os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=30)
        with closing(store.connect()) as conn:
            after = conn.execute("SELECT count(*), max(fetched) FROM articles").fetchone()
        killed_mid_write += after != before and process.returncode == -signal.SIGKILL
        check_cache(store, marks)
        with closing(store.connect()) as conn:
            left_unindexed += count_pending(conn) > 0
        # A mark made between crashes must survive the next one too.
        with closing(store.connect()) as conn:
            article_id = conn.execute(
                "SELECT id FROM articles ORDER BY id LIMIT 1 OFFSET ?", (round_number * 7 + 3,)
            ).fetchone()[0]
            if article_id not in marks:
                set_bookmark(conn, article_id, True)
                marks[article_id] = "bookmark"
    print(f"one refresh {full:.2f}s; {killed_mid_write} of {KILLS} kills landed after writing began")
    assert killed_mid_write >= KILLS // 4, f"only {killed_mid_write} kills landed after writing began"
    # Kills after articles were stored but before they were indexed leave them queued, never lost:
    # the next start that searches brings the index up to date, exactly.
    assert left_unindexed, "no kill landed between storing and indexing"
    searched = subprocess.run(cli(data_dir, "search", "zzzabsent"), capture_output=True, text=True,
                              timeout=120)  # fmt: skip
    assert searched.returncode == 0, searched.stderr
    check_index(store)
    # And the cache still works: a refresh after all that succeeds.
    finished = subprocess.run(cli(data_dir, "refresh"), capture_output=True, text=True, timeout=120)
    assert finished.returncode == 0, finished.stderr
    check_cache(store, marks)
    check_index(store)


def check_index(store: Store) -> None:
    """Nothing is waiting to be indexed, and the search index matches the articles exactly."""
    with closing(store.connect()) as conn:
        assert count_pending(conn) == 0
        # rank = 1: FTS5 compares every indexed row with the articles and feeds it was built from.
        conn.execute("INSERT INTO articles_fts (articles_fts, rank) VALUES ('integrity-check', 1)")
        indexed = conn.execute("SELECT count(*) FROM articles_fts_docsize").fetchone()[0]
        assert indexed == conn.execute("SELECT count(*) FROM articles").fetchone()[0]


@pytest.mark.slow
def test_refresh_from_cron_while_the_reader_saves_marks(cache):
    """The reader's own writer thread saves read and bookmark marks while a refresh subprocess writes."""
    data_dir, store, marks = cache
    with closing(store.connect()) as conn:
        unmarked = "SELECT id FROM article_state WHERE id NOT IN (SELECT article_id FROM bookmarks) AND is_read = 0 ORDER BY id"
        ids = [row[0] for row in conn.execute(unmarked)]
    failures: list[str] = []
    saved: list[StateChange] = []
    writer = StateWriter(store, on_saved=saved.append, on_failed=lambda change, reason: failures.append(reason))
    for _ in range(2):
        process = subprocess.Popen(cli(data_dir, "refresh"), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        while process.poll() is None and ids:
            article_id = ids.pop()
            if article_id % 2:
                writer.submit(StateChange(article_id, bookmarked=True))
                marks[article_id] = "bookmark"
            else:
                writer.submit(StateChange(article_id, read=True))
                marks[article_id] = "read"
            writer.flush()  # one change at a time, as fast as the writer saves them
        out, err = process.communicate(timeout=120)
        assert process.returncode == 0, err
        assert "locked" not in err and "Traceback" not in err, err
    writer.flush()
    assert not failures, failures[:3]  # e.g. "database is locked" would surface in the reader
    assert len(saved) >= 20, f"only {len(saved)} marks were saved while refreshing"
    check_cache(store, marks)


def _chattr(flag: str, path: Path) -> bool:
    if shutil.which("chattr") is None:
        return False
    return subprocess.run(["chattr", flag, str(path)], capture_output=True).returncode == 0


def test_a_read_only_cache_gives_one_line_and_no_damage(cache):
    data_dir, store, marks = cache
    database = store.path
    with closing(store.connect()) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        article_id = conn.execute(
            "SELECT id FROM articles WHERE id NOT IN (SELECT article_id FROM bookmarks) LIMIT 1"
        ).fetchone()[0]
    if not _chattr("+i", database):
        pytest.skip("cannot make the cache immutable here (chattr +i needs root on a filesystem that supports it)")
    try:
        for args in (("bookmark", str(article_id)), ("refresh",)):
            result = subprocess.run(cli(data_dir, *args), capture_output=True, text=True, timeout=120)
            assert result.returncode == 1, (args, result.stderr)
            lines = [line for line in result.stderr.splitlines() if line]
            assert len(lines) == 1, result.stderr
            assert "read-only" in lines[0], lines[0]
    finally:
        _chattr("-i", database)
    check_cache(store, marks)


def test_a_full_disk_gives_one_line_and_no_damage(cache, tmp_path: Path):
    data_dir, store, marks = cache
    if os.geteuid() != 0 or shutil.which("mount") is None:
        pytest.skip("mounting a tiny tmpfs to fill needs root")
    small = tmp_path / "small"
    small.mkdir()
    with closing(store.connect()) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    size_kb = store.path.stat().st_size // 1024 + 2048
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={size_kb}k", "tmpfs", str(small)], capture_output=True
    )
    if mounted.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {mounted.stderr.decode().strip()}")
    try:
        full_dir = small / "data"
        full_dir.mkdir()
        shutil.copy2(store.path, full_dir / store.path.name)
        # Fill the disk, then free a little: enough to open the cache, not enough for a refresh's writes.
        filler = small / "filler"
        try:
            with open(filler, "wb") as handle:
                while True:
                    handle.write(b"\0" * 4096)
                    handle.flush()
        except OSError:
            pass
        os.truncate(filler, max(0, filler.stat().st_size - 128 * 1024))
        result = subprocess.run(cli(full_dir, "refresh"), capture_output=True, text=True, timeout=120)
        assert result.returncode == 1, result.stderr
        lines = [line for line in result.stderr.splitlines() if line]
        assert len(lines) == 1, result.stderr
        assert "disk is full" in lines[0], lines[0]
        filler.unlink()
        check_cache(Store(full_dir / store.path.name), marks)
    finally:
        subprocess.run(["umount", str(small)], capture_output=True)


def test_a_cache_with_damaged_pages_is_reported_then_set_aside_at_the_next_start(cache):
    """A good header hides damaged pages from the start-up probe: the first failure flags the file."""
    data_dir, store, _marks = cache
    with closing(store.connect()) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        article_id = conn.execute("SELECT max(id) FROM articles").fetchone()[0]
    with open(store.path, "r+b") as handle:
        handle.seek(4096 * 3)
        handle.write(random.Random(7).randbytes(4096 * 40))
    first = subprocess.run(cli(data_dir, "bookmark", str(article_id)), capture_output=True, text=True, timeout=60)
    if "was corrupt" in first.stderr:
        # The damage reached the schema, so the start-up probe caught it at once: set aside, fresh cache.
        assert first.stderr.splitlines()[0].endswith("started a fresh one"), first.stderr
    else:
        assert first.returncode == 1
        assert first.stderr.count("\n") == 1 and "damaged" in first.stderr, first.stderr
        second = subprocess.run(cli(data_dir, "articles"), capture_output=True, text=True, timeout=60)
        assert second.returncode == 0, second.stderr
        assert "was corrupt" in second.stderr and "started a fresh one" in second.stderr
    assert list(data_dir.glob("*.corrupt-*")), "the damaged file is kept aside, never deleted"
    with closing(store.connect()) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]


def _children(pid: int) -> set[int]:
    """Process ids whose parent is `pid`, from /proc."""
    found = set()
    for status in Path("/proc").glob("[0-9]*/status"):
        try:
            fields = dict(line.split(":\t", 1) for line in status.read_text().splitlines() if ":\t" in line)
        except OSError:
            continue
        if fields.get("PPid", "").strip() == str(pid):
            found.add(int(status.parent.name))
    return found


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="reads process parents from /proc")
@pytest.mark.slow
def test_parse_workers_exit_when_a_big_refresh_is_killed(tmp_path: Path, feed_server: str):
    """70 feeds start worker processes; killing only the refresh must not leave them running."""
    data_dir = tmp_path / "big"
    store = Store.open(data_dir)
    with closing(store.connect()) as conn, conn:
        for n in range(70):
            ensure_feed(conn, f"{feed_server}/feed/{n}")
    process = subprocess.Popen(cli(data_dir, "refresh"), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    children: set[int] = set()
    deadline = time.monotonic() + 30
    while process.poll() is None and len(children) < 2 and time.monotonic() < deadline:
        children = _children(process.pid)
        time.sleep(0.05)
    if process.poll() is not None:
        pytest.skip("the refresh finished before its workers could be seen")
    process.kill()
    process.wait(timeout=30)
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline and any(Path(f"/proc/{pid}").exists() for pid in children):
        time.sleep(0.2)
    left = [pid for pid in children if Path(f"/proc/{pid}").exists()]
    for pid in left:  # our own strays, named by id
        os.kill(pid, signal.SIGKILL)
    assert not left, f"worker processes {left} outlived the killed refresh"
    with closing(store.connect()) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
