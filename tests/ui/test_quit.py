"""`q` gives the terminal back at once and leaves nothing running, whatever the reader was doing."""

from __future__ import annotations

import fcntl
import os
import pty
import struct
import subprocess
import sys
import termios
import time
from contextlib import closing
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from spacereader.models import ArticleFilter
from spacereader.store import Store
from spacereader.store.articles import count_articles
from spacereader.store.feeds import add_feed
from tests.ui.test_terminal_bytes import read_for

pytestmark = pytest.mark.slow

LEAVE_ALT_SCREEN = b"\x1b[?1049l"
RSS = b"""<?xml version="1.0"?><rss version="2.0"><channel><title>Fast {n}</title><link>http://x/</link>
<item><title>Item {n}</title><link>http://x/{n}</link><guid>g{n}</guid><description>Ada Lovelace wrote {n}.</description></item>
</channel></rss>"""
STALL = 20.0
"""How long the slow feeds take to answer: far longer than any quit may wait."""


def descendants(pid: int) -> set[int]:
    """Every live process below `pid`, read from /proc."""
    parents: dict[int, int] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            parents[int(entry.name)] = int(stat.rsplit(")", 1)[1].split()[1])
    found: set[int] = set()
    frontier = {pid}
    while frontier:
        frontier = {child for child, parent in parents.items() if parent in frontier} - found
        found |= frontier
    return found


def stored(store: Store) -> int:
    """Articles in the cache (the seeds included)."""
    with closing(store.connect()) as conn:
        return count_articles(conn, ArticleFilter())


def alive(pid: int) -> bool:
    """Running (a zombie waiting to be reaped by init does not count)."""
    try:
        return (Path("/proc") / str(pid) / "stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


@pytest.fixture
def slow_server():
    server = HTTPServer(threaded=True)
    server.start()

    def handler(request: Request) -> Response:
        name = request.path.strip("/")
        if name.startswith("slow"):
            time.sleep(STALL)
        return Response(RSS.replace(b"{n}", name.encode()), content_type="application/rss+xml")

    for n in range(80):
        server.expect_request(f"/fast{n}").respond_with_handler(handler)
    for n in range(4):
        server.expect_request(f"/slow{n}").respond_with_handler(handler)
    yield server
    server.clear()
    server.stop()


def test_quit_during_refresh_and_extraction_returns_at_once_and_leaves_no_process(tmp_path, slow_server):
    store = Store.open(tmp_path / "data")
    with closing(store.connect()) as conn:
        for n in range(4):
            add_feed(conn, slow_server.url_for(f"/slow{n}"))
        for n in range(80):  # enough feeds that the refresh parses in worker processes
            add_feed(conn, slow_server.url_for(f"/fast{n}"))

    env = {**os.environ, "TERM": "xterm-256color", "COLUMNS": "120", "LINES": "40"}
    main_fd, child_fd = pty.openpty()
    os.set_blocking(main_fd, False)
    fcntl.ioctl(child_fd, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 120, 0, 0))
    process = subprocess.Popen(
        [sys.executable, "-m", "spacereader", "--data-dir", str(tmp_path / "data")],
        stdin=child_fd, stdout=child_fd, stderr=child_fd, env=env, close_fds=True, start_new_session=True,
    )  # fmt: skip
    os.close(child_fd)
    try:
        output = read_for(main_fd, 4.0)
        os.write(main_fd, b"r")
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and stored(store) < 80:  # the fast feeds are in; the slow ones stall
            output += read_for(main_fd, 0.2)
        output += read_for(main_fd, 0.5)
        started = descendants(process.pid)
        assert stored(store) >= 80, output[-1500:]
        assert len(started) >= 2, "the entity process and the refresh's parse workers should be running"

        os.write(main_fd, b"q")
        pressed = time.monotonic()
        tail = b""
        while LEAVE_ALT_SCREEN not in tail and time.monotonic() - pressed < STALL / 2:
            tail += read_for(main_fd, 0.02)
        terminal_back = time.monotonic() - pressed
        process.wait(timeout=STALL / 2)
        exited = time.monotonic() - pressed
        tail += read_for(main_fd, 0.3)
    finally:
        if process.poll() is None:
            process.kill()
        os.close(main_fd)
    assert LEAVE_ALT_SCREEN in tail
    # Generous bounds against a loaded machine; the figure itself is measured by bench/quit_bench.py. A quit
    # that waited on the stalled fetches would take a minute.
    print(f"terminal back after {terminal_back:.2f} s, process gone after {exited:.2f} s")
    assert terminal_back < 5 and exited < 5, (terminal_back, exited)
    assert process.returncode == 0
    after = tail.split(LEAVE_ALT_SCREEN, 1)[1]
    assert b"Traceback" not in after and b"leaked" not in after, after  # nothing complains on the way out
    time.sleep(0.5)  # the kernel reaps orphans; the multiprocessing resource tracker ends when its pipe closes
    left = {pid for pid in started if alive(pid)}
    assert not left, f"still running after quit: {left}"
