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


async def test_w_on_an_open_view_watches_it_and_again_stops(store, make_app, tmp_path):
    app = make_app(store, Settings(views={"Space": "space"}))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("1")  # the first view opens with one key
        await pilot.pause()
        await pilot.press("w")
        await wait_for(pilot, lambda: any(n.startswith("Watching Space: new articles matching") for n in notices(app)))
        with closing(store.connect()) as conn:
            assert [(w.kind, w.name) for w in list_watches(conn)] == [("view", "Space")]
        await pilot.press("w")
        await wait_for(pilot, lambda: "No longer watching Space" in notices(app))
        with closing(store.connect()) as conn:
            assert list_watches(conn) == []
        await pilot.press("escape", "w")  # all articles, no entity chosen: says how
        await pilot.pause()
        assert any(n.startswith("Choose a name in the entity sidebar") for n in notices(app))


async def test_views_screen_marks_a_watched_view_with_its_new_matches_and_opening_it_sees_them(store, make_app):
    from spacereader.store.watches import add_watch
    from spacereader.ui.screens.views import ViewsScreen
    from spacereader.ui.widgets.row_table import RowTable
    from spacereader.watching import check_watches
    from tests.conftest import add_articles

    add_articles(store, 2, titles=["Old rocket", "Old news"])
    views = {"Rockets": "rocket", "News": "news"}
    with closing(store.connect()) as conn:
        add_watch(conn, "view", "Rockets")
    add_articles(store, 3, feed_url="http://127.0.0.1/new.xml", titles=["New rocket", "Rocket two", "Weather"])
    with closing(store.connect()) as conn:
        assert len(check_watches(conn, views)) == 2
    app = make_app(store, Settings(views=views))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("v")
        await pilot.pause()
        assert isinstance(app.screen, ViewsScreen)
        table = app.screen.query_one(RowTable)
        cells = {str(table.get_row_at(n)[1]): str(table.get_row_at(n)[-1]) for n in range(table.row_count)}
        assert cells == {"Rockets": "watched · 2 new", "News": ""}
        await pilot.press("enter")  # opens Rockets, the first view: its matches are seen now
        await app.workers.wait_for_complete()
        await pilot.pause()
    with closing(store.connect()) as conn:
        assert [(w.name, w.unseen) for w in list_watches(conn)] == [("Rockets", 0)]
