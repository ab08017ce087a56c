"""Watches in the reader: w in the entity sidebar, the notice after a refresh, and a refresh by another process."""

from __future__ import annotations

import asyncio
import subprocess
import sys
import time
from contextlib import closing

from werkzeug import Response

from spacereader.config import Settings
from spacereader.ingest.fetch import Fetcher
from spacereader.ingest.refresh import refresh_all
from spacereader.models import Subscription
from spacereader.store.feeds import add_feeds
from spacereader.store.watches import list_watches
from spacereader.ui.widgets.entity_sidebar import EntitySidebar
from tests.ui.conftest import FakeExtractor


def rss(*items: tuple[str, str, str]) -> bytes:
    body = "".join(
        f"<item><guid>{guid}</guid><title>{text}</title><link>http://example.com/{guid}</link>"
        f"<pubDate>Tue, 0{1 + i % 9} Jul 2025 10:00:00 GMT</pubDate><description>{about}</description></item>"
        for i, (guid, text, about) in enumerate(items)
    )
    return f'<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title>{body}</channel></rss>'.encode()


FIRST = rss(("1", "Soyuz docks", "Olga Ivanova flew."), ("2", "Budget vote", "Nothing."))
SECOND = rss(
    ("1", "Soyuz docks", "Olga Ivanova flew."), ("2", "Budget vote", "Nothing."),
    ("3", "Soyuz lands", "A landing."), ("4", "Interview", "Olga Ivanova speaks."),
)  # fmt: skip


class Feed:
    def __init__(self, httpserver) -> None:
        self.document = FIRST
        httpserver.expect_request("/wire").respond_with_handler(
            lambda request: Response(self.document, content_type="application/rss+xml")
        )
        self.url = httpserver.url_for("/wire")


async def subscribed(store, httpserver) -> Feed:
    feed = Feed(httpserver)
    with closing(store.connect()) as conn:
        add_feeds(conn, [Subscription(feed.url)])
    # refresh_all runs its own event loop, so not on the test's
    await asyncio.to_thread(refresh_all, store, Fetcher(connect_timeout=2, read_timeout=2, total_timeout=5))
    return feed


async def wait_for(pilot, condition, timeout: float = 20.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "timed out waiting"
        await pilot.pause(0.05)


def notices(app) -> list[str]:
    return [str(n.message) for n in app._notifications]


def notifier(tmp_path) -> tuple[tuple[str, ...], object]:
    out = tmp_path / "notified.txt"
    script = f"import sys; open({str(out)!r}, 'a').write(sys.argv[1] + chr(10))"
    return (sys.executable, "-c", script), out


async def test_w_on_a_sidebar_name_then_a_refresh_announces_it(store, make_app, httpserver, tmp_path):
    feed = await subscribed(store, httpserver)
    command, out = notifier(tmp_path)
    app = make_app(store, Settings(notify_command=command), FakeExtractor({"Olga Ivanova": "PERSON"}))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("j")  # "Soyuz docks", which names her
        await app.workers.wait_for_complete()
        await pilot.pause(0.2)
        await pilot.press("tab", "tab", "down", "w")
        await wait_for(pilot, lambda: any(n.startswith("Watching Olga Ivanova") for n in notices(app)))
        sidebar = app.screen.query_one(EntitySidebar)
        assert len(sidebar.watched) == 1
        feed.document = SECOND
        await pilot.press("shift+tab", "shift+tab", "r")
        expected = "New for your watches: Olga Ivanova (1): Interview"
        await wait_for(pilot, lambda: expected in notices(app))
        await wait_for(pilot, lambda: out.exists())
        assert out.read_text() == expected + "\n"
        assert list(sidebar.watched.values()) == [1]  # one new article names her: the sidebar marks it
    with closing(store.connect()) as conn:
        assert [(w.kind, w.name, w.unseen) for w in list_watches(conn)] == [("entity", "Olga Ivanova", 1)]


async def test_a_refresh_by_another_process_is_noticed_and_announced(store, make_app, httpserver, tmp_path):
    feed = await subscribed(store, httpserver)
    command, out = notifier(tmp_path)
    settings = Settings(views={"Soyuz": "soyuz"}, watched_views=("Soyuz",), notify_command=command)
    app = make_app(store, settings)
    async with app.run_test(size=(120, 40)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause(0.2)
        feed.document = SECOND
        cron = [sys.executable, "-m", "spacereader", "--data-dir", str(store.path.parent)]
        done = await asyncio.to_thread(
            subprocess.run, [*cron, "--config", str(tmp_path / "absent.toml"), "refresh"], capture_output=True
        )
        assert done.returncode == 0, done.stderr
        expected = "New for your watches: Soyuz (1): Soyuz lands"
        await wait_for(pilot, lambda: expected in notices(app))
        await wait_for(pilot, lambda: out.exists())
        assert out.read_text() == expected + "\n"
        assert app.screen.query_one("#article-list").pager.count == 5  # the list took the new articles in
