"""Sync against a real FreshRSS on 127.0.0.1, its feeds served by pytest-httpserver and fetched by FreshRSS itself."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from contextlib import closing
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer

from spacereader.cli import main
from spacereader.config import SyncSettings
from spacereader.models import ArticleFilter
from spacereader.search.query import parse_query
from spacereader.store import Store
from spacereader.store import sync as store_sync
from spacereader.store.articles import get_article, list_article_rows, set_read
from spacereader.store.bookmarks import set_bookmark
from spacereader.store.feeds import list_feeds
from spacereader.store.page_text import set_full_text
from spacereader.sync.account import SyncAccount
from spacereader.sync.greader import LoginRefused, SyncError
from spacereader.sync.run import sync_account
from tests.page_extraction import PAGES
from tests.sync.freshrss import READ, STARRED, FreshRSS

pytestmark = pytest.mark.slow  # each test makes FreshRSS fetch feeds (PHP), seconds in all


def rss(title: str, items: list[tuple[str, str]]) -> str:
    """An RSS 2.0 document: (guid, title) pairs, newest first, a day apart."""
    entries = "".join(
        f"<item><title>{t}</title><link>https://news.example.org/{g}</link><guid>{g}</guid>"
        f"<pubDate>{(n % 27) + 1:02d} Nov 2026 10:00:00 GMT</pubDate>"
        f"<description>{t} as told by the Roscosmos press office.</description></item>"
        for n, (g, t) in enumerate(items)
    )
    return f'<?xml version="1.0"?><rss version="2.0"><channel><title>{title}</title>{entries}</channel></rss>'


def serve(httpserver: HTTPServer, path: str, title: str, items: list[tuple[str, str]]) -> str:
    httpserver.expect_request(path).respond_with_data(rss(title, items), content_type="application/rss+xml")
    return httpserver.url_for(path)


def account(url: str, server: FreshRSS, password: str | None = None) -> SyncAccount:
    return SyncAccount(url, server.user, password or server.password)


def rows(store: Store, **view) -> dict[str, tuple[bool, bool]]:
    """title -> (read, bookmarked) of every article."""
    with closing(store.connect()) as conn:
        found = list_article_rows(conn, ArticleFilter(**view), limit=-1)
    return {r.title: (r.read, r.bookmarked) for r in found if r.source != "spacereader seeds"}


def article_id(store: Store, title: str) -> int:
    with closing(store.connect()) as conn:
        return next(r.id for r in list_article_rows(conn, ArticleFilter(), limit=-1) if r.title == title)


def queued(store: Store) -> int:
    with closing(store.connect()) as conn:
        return store_sync.count_pending(conn)


def two_feeds(freshrss: FreshRSS, httpserver: HTTPServer) -> None:
    launches = [(f"launch-{n}", f"Launch {n}") for n in range(12)]
    stations = [(f"station-{n}", f"Station {n}") for n in range(8)]
    freshrss.subscribe(serve(httpserver, "/launches.xml", "Launches", launches), folder="Space")
    freshrss.subscribe(serve(httpserver, "/stations.xml", "Stations", stations))


def test_first_sync_brings_feeds_folders_articles_and_states(store, freshrss, httpserver):
    two_feeds(freshrss, httpserver)
    freshrss.edit([freshrss.item_id_of("Launch 3")], add=READ)
    freshrss.edit([freshrss.item_id_of("Station 5")], add=STARRED)

    report = sync_account(store, account(freshrss.api, freshrss))

    assert (report.feeds, report.new_items) == (2, 20)
    with closing(store.connect()) as conn:
        feeds = {f.title: f for f in list_feeds(conn) if f.kind == "feed"}
        assert feeds["Launches"].folder == "Space" and feeds["Launches"].total == 12
        assert feeds["Stations"].total == 8
        # stored as a refresh stores them: the search index finds them
        query = parse_query("roscosmos launch")
        assert not hasattr(query, "message")
        found = list_article_rows(conn, ArticleFilter(search=query), limit=-1)  # type: ignore[arg-type]
    assert len(found) == 12
    states = rows(store)
    assert states["Launch 3"] == (True, False)
    assert states["Station 5"] == (False, True)
    assert states["Launch 4"] == (False, False)


def test_marks_go_both_ways_and_a_second_sync_fetches_nothing_again(store, freshrss, httpserver):
    two_feeds(freshrss, httpserver)
    sync_account(store, account(freshrss.api, freshrss))
    with closing(store.connect()) as conn:
        set_read(conn, article_id(store, "Launch 1"), True)
        set_bookmark(conn, article_id(store, "Station 2"), True)
    freshrss.edit([freshrss.item_id_of("Launch 7")], add=READ)  # read on the phone meanwhile
    freshrss.edit([freshrss.item_id_of("Station 6")], add=STARRED)

    report = sync_account(store, account(freshrss.api, freshrss))

    assert (report.pushed, report.new_items, report.items) == (2, 0, 0)
    assert freshrss.item_id_of("Launch 1") not in freshrss.unread_ids()
    assert freshrss.item_id_of("Station 2") in freshrss.starred_ids()
    states = rows(store)
    assert states["Launch 7"] == (True, False) and states["Station 6"] == (False, True)
    assert states["Launch 1"] == (True, False) and states["Station 2"] == (False, True)
    assert queued(store) == 0
    # unread again here wins over the server's read, because it is pushed first
    with closing(store.connect()) as conn:
        set_read(conn, article_id(store, "Launch 1"), False)
    sync_account(store, account(freshrss.api, freshrss))
    assert rows(store)["Launch 1"] == (False, False)
    assert freshrss.item_id_of("Launch 1") in freshrss.unread_ids()


def test_new_items_on_the_server_arrive_by_the_incremental_sync(store, freshrss, httpserver):
    items = [(f"launch-{n}", f"Launch {n}") for n in range(5)]
    freshrss.subscribe(serve(httpserver, "/launches.xml", "Launches", items))
    sync_account(store, account(freshrss.api, freshrss))
    httpserver.clear()
    serve(httpserver, "/launches.xml", "Launches", [("launch-new", "Launch new"), *items])
    freshrss.actualize()

    report = sync_account(store, account(freshrss.api, freshrss))

    assert report.new_items == 1
    assert report.items == 1  # only the new item crosses the wire, beside the id lists
    assert rows(store)["Launch new"] == (False, False)


def test_offline_marks_are_queued_across_a_restart_then_pushed(tmp_path, freshrss, httpserver, proxy, capsys):
    two_feeds(freshrss, httpserver)
    data = tmp_path / "data"
    config = tmp_path / "config.toml"
    config.write_text(
        f'[sync]\nurl = "{proxy.url}"\nuser = "{freshrss.user}"\npassword_command = ["echo", "{freshrss.password}"]\n'
    )
    base = ["--data-dir", str(data), "--config", str(config)]
    assert main([*base, "sync"]) == 0
    store = Store.open(data)
    launch, station = article_id(store, "Launch 2"), article_id(store, "Station 1")
    proxy.stop()  # the train enters a tunnel
    assert main([*base, "read", str(launch)]) == 0
    assert main([*base, "bookmark", str(station)]) == 0
    capsys.readouterr()
    assert main([*base, "sync"]) == 1
    error = capsys.readouterr().err
    assert error.count("\n") == 1 and "cannot reach 127.0.0.1" in error and "connection refused" in error
    # a new process: the marks were saved with the articles, queued in the same transactions
    assert queued(Store.open(data)) == 2
    assert freshrss.item_id_of("Launch 2") in freshrss.unread_ids()
    proxy.start()
    assert main([*base, "sync", "--json"]) == 0
    assert '"pushed": 2' in capsys.readouterr().out
    assert freshrss.item_id_of("Launch 2") not in freshrss.unread_ids()
    assert freshrss.item_id_of("Station 1") in freshrss.starred_ids()
    assert queued(Store.open(data)) == 0


def test_a_killed_sync_resumes_and_loses_no_mark(tmp_path, freshrss, httpserver, proxy):
    for n in range(4):
        items = [(f"f{n}-{i}", f"Feed {n} item {i}") for i in range(6)]
        freshrss.subscribe(serve(httpserver, f"/f{n}.xml", f"Feed {n}", items))
    data = tmp_path / "data"
    config = tmp_path / "config.toml"
    config.write_text(f'[sync]\nurl = "{proxy.url}"\nuser = "{freshrss.user}"\n')
    env = {**os.environ, "SPACEREADER_SYNC_PASSWORD": freshrss.password}
    proxy.fail("stream/contents", 1.0)  # each feed's pull takes a second: time to kill it part way
    command = [sys.executable, "-m", "spacereader", "--data-dir", str(data), "--config", str(config), "sync"]
    process = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 30
    while sum("stream/contents" in p for p in proxy.seen) < 3 and time.monotonic() < deadline:
        time.sleep(0.05)
    process.kill()  # kill -9, part way through the pulls
    process.wait()
    store = Store.open(data)
    part = rows(store)
    assert 0 < len(part) < 24
    some = next(iter(part))
    with closing(store.connect()) as conn:
        set_read(conn, article_id(store, some), True)
    proxy.heal()

    report = sync_account(store, account(proxy.url, freshrss))

    everything = rows(store)
    assert len(everything) == 24  # each article once
    assert report.new_items == 24 - len(part)
    assert report.pushed == 1 and everything[some] == (True, False)
    assert freshrss.item_id_of(some) not in freshrss.unread_ids()


def test_mark_all_read_leaves_an_article_that_arrived_since_unread(store, freshrss, httpserver):
    items = [(f"launch-{n}", f"Launch {n}") for n in range(5)]
    freshrss.subscribe(serve(httpserver, "/launches.xml", "Launches", items))
    sync_account(store, account(freshrss.api, freshrss))
    feed_id = next(iter(rows_feeds(store)))
    with closing(store.connect()) as conn:
        assert len(store_sync.mark_all_read(conn, feed_id)) == 5
    httpserver.clear()
    serve(httpserver, "/launches.xml", "Launches", [("launch-late", "Launch late"), *items])
    freshrss.actualize()  # arrives on the server after the mark, before it is pushed

    report = sync_account(store, account(freshrss.api, freshrss))

    assert report.pushed == 1 and report.new_items == 1
    unread = freshrss.unread_ids()
    assert freshrss.item_id_of("Launch late") in unread
    assert not {freshrss.item_id_of(f"Launch {n}") for n in range(5)} & unread
    states = rows(store)
    assert states["Launch late"] == (False, False)
    assert all(states[f"Launch {n}"][0] for n in range(5))


def rows_feeds(store: Store) -> list[int]:
    with closing(store.connect()) as conn:
        return [f.id for f in list_feeds(conn) if f.kind == "feed"]


def test_a_wrong_password_is_one_line_naming_the_user_and_never_the_password(tmp_path, freshrss, capsys):
    config = tmp_path / "config.toml"
    config.write_text(f'[sync]\nurl = "{freshrss.api}"\nuser = "{freshrss.user}"\n')
    os.environ["SPACEREADER_SYNC_PASSWORD"] = "hunter2-wrong"
    try:
        status = main(["--data-dir", str(tmp_path / "data"), "--config", str(config), "sync"])
    finally:
        del os.environ["SPACEREADER_SYNC_PASSWORD"]
    error = capsys.readouterr().err
    assert status == 1
    assert error == "spacereader: sync: the server refused the login for alice\n"
    with pytest.raises(LoginRefused):
        sync_account(Store.open(tmp_path / "data"), account(freshrss.api, freshrss, "hunter2-wrong"))
    cache = (tmp_path / "data" / "spacereader.sqlite3").read_bytes()
    assert b"hunter2" not in cache


def test_a_server_failing_mid_sync_keeps_what_was_stored_and_the_marks_queued(store, freshrss, httpserver, proxy):
    two_feeds(freshrss, httpserver)
    sync_account(store, account(proxy.url, freshrss))
    with closing(store.connect()) as conn:
        set_read(conn, article_id(store, "Launch 5"), True)
    proxy.fail("edit-tag", "503")
    with pytest.raises(SyncError, match=r"^sync: 127\.0\.0\.1:\d+/reader/api/0/edit-tag answered HTTP 503$"):
        sync_account(store, account(proxy.url, freshrss))
    assert queued(store) == 1
    proxy.heal()
    proxy.fail("stream/items/ids", "drop")  # the connection dies after the push, while states are pulled
    with pytest.raises(SyncError, match="connection broke"):
        sync_account(store, account(proxy.url, freshrss))
    assert queued(store) == 0 and freshrss.item_id_of("Launch 5") not in freshrss.unread_ids()
    proxy.heal()
    freshrss.edit([freshrss.item_id_of("Station 3")], add=READ)
    report = sync_account(store, account(proxy.url, freshrss))
    assert report.pulled == 1 and rows(store)["Station 3"] == (True, False)
    assert len(rows(store)) == 20


def test_removing_and_adding_feeds_goes_to_the_server(tmp_path, freshrss, httpserver, capsys):
    two_feeds(freshrss, httpserver)
    config = tmp_path / "config.toml"
    config.write_text(f'[sync]\nurl = "{freshrss.api}"\nuser = "{freshrss.user}"\n')
    base = ["--data-dir", str(tmp_path / "data"), "--config", str(config)]
    os.environ["SPACEREADER_SYNC_PASSWORD"] = freshrss.password
    try:
        assert main([*base, "sync"]) == 0
        store = Store.open(tmp_path / "data")
        launches = next(f for f in list_feeds_of(store) if f.title == "Launches")
        assert main([*base, "remove", str(launches.id)]) == 0
        assert [s["title"] for s in freshrss.get("subscription/list")["subscriptions"]] == ["Stations"]
        extra = serve(httpserver, "/extra.xml", "Extra", [("extra-1", "Extra one")])
        assert main([*base, "add", extra, "--folder", "More"]) == 0
        stations = next(f for f in list_feeds_of(store) if f.title == "Stations")
        assert main([*base, "move", str(stations.id), "Orbit"]) == 0
        assert main([*base, "mark-read", "--feed", str(stations.id)]) == 0
    finally:
        del os.environ["SPACEREADER_SYNC_PASSWORD"]
    assert "subscribed on the server" in capsys.readouterr().out
    titles = {f.title: f.folder for f in list_feeds_of(store)}
    assert titles == {"Stations": "Orbit", "Extra": "More"}
    listed = {s["title"]: s["categories"][0]["label"] for s in freshrss.get("subscription/list")["subscriptions"]}
    assert listed == {"Stations": "Orbit", "Extra": "More"}
    assert rows(store)["Extra one"] == (False, False)
    assert all(read for title, (read, _) in rows(store).items() if title.startswith("Station"))
    # the mark-all is queued until the next sync, which sends the server's own call
    os.environ["SPACEREADER_SYNC_PASSWORD"] = freshrss.password
    try:
        assert main([*base, "sync"]) == 0
    finally:
        del os.environ["SPACEREADER_SYNC_PASSWORD"]
    unread = freshrss.unread_ids()
    assert freshrss.item_id_of("Extra one") in unread and freshrss.item_id_of("Station 0") not in unread


def list_feeds_of(store: Store):
    with closing(store.connect()) as conn:
        return [f for f in list_feeds(conn) if f.kind == "feed"]


def test_sync_settings_reach_the_reader_config(tmp_path: Path):
    from spacereader.config import load_settings

    path = tmp_path / "config.toml"
    path.write_text('[sync]\nservice = "greader"\nurl = "https://rss.example.org/api/greader.php"\nuser = "alice"\n')
    settings, warnings = load_settings(path)
    assert warnings == []
    assert settings.sync == SyncSettings("https://rss.example.org/api/greader.php", "alice")


def test_a_full_text_feed_gets_its_pages_after_a_sync(store, freshrss, httpserver):
    page = (PAGES / "daily-orbit.html").read_text()
    httpserver.expect_request("/hera").respond_with_data(page, content_type="text/html")
    feed = (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Orbit</title><item><title>Hera burn</title>'
        f"<link>{httpserver.url_for('/hera')}</link><guid>hera</guid><pubDate>01 Nov 2026 10:00:00 GMT</pubDate>"
        "<description>Hera has fired its engines.</description></item></channel></rss>"
    )
    httpserver.expect_request("/orbit.xml").respond_with_data(feed, content_type="application/rss+xml")
    freshrss.subscribe(httpserver.url_for("/orbit.xml"))
    assert sync_account(store, account(freshrss.api, freshrss)).pages == []  # full text is off
    with closing(store.connect()) as conn:
        [orbit] = [f for f in list_feeds(conn) if f.title == "Orbit"]
        set_full_text(conn, orbit.id, True)

    report = sync_account(store, account(freshrss.api, freshrss))

    assert [p.reason for p in report.pages] == [""] and "full text of 1/1 pages" in report.summary()
    with closing(store.connect()) as conn:
        article = get_article(conn, article_id(store, "Hera burn"))
    assert article is not None and article.from_page and "Juventas will carry the first radar" in article.body


def test_a_feed_read_here_before_sync_keeps_its_articles_and_marks_and_sends_them(store, freshrss, httpserver):
    from spacereader.ingest.fetch import Fetcher
    from spacereader.ingest.subscribe import subscribe

    items = [(f"launch-{n}", f"Launch {n}") for n in range(6)]  # guids that are not links
    url = serve(httpserver, "/launches.xml", "Launches", items)
    subscribe(store, Fetcher(), url)
    with closing(store.connect()) as conn:
        set_bookmark(conn, article_id(store, "Launch 2"), True)
        set_read(conn, article_id(store, "Launch 4"), True)
    before = {title: article_id(store, title) for title in rows(store)}
    freshrss.subscribe(url)

    report = sync_account(store, account(freshrss.api, freshrss))

    assert report.new_items == 0 and len(rows(store)) == 6  # matched by link: no second copy
    assert {title: article_id(store, title) for title in rows(store)} == before
    assert rows(store)["Launch 2"] == (False, True) and rows(store)["Launch 4"] == (True, False)
    assert queued(store) == 0 and report.pushed == 2  # sent at the end of the same sync
    assert freshrss.item_id_of("Launch 2") in freshrss.starred_ids()
    assert freshrss.item_id_of("Launch 4") not in freshrss.unread_ids()
    assert rows(store)["Launch 2"] == (False, True) and queued(store) == 0


def test_a_server_stopped_mid_sync_is_one_line_and_the_next_sync_finishes_the_job(store, freshrss, httpserver, proxy):
    import threading

    for n in range(4):
        items = [(f"f{n}-{i}", f"Feed {n} item {i}") for i in range(5)]
        freshrss.subscribe(serve(httpserver, f"/f{n}.xml", f"Feed {n}", items))
    proxy.fail("stream/contents/feed", 0.3)

    def stop_after_two_feeds() -> None:
        deadline = time.monotonic() + 30
        while sum("stream/contents/feed" in p for p in proxy.seen) < 2 and time.monotonic() < deadline:
            time.sleep(0.01)
        proxy.stop()

    stopper = threading.Thread(target=stop_after_two_feeds)
    stopper.start()
    # refused, or reset on a connection kept alive from before: either way one line naming the server
    stopped = (
        r"^sync: (cannot reach 127\.0\.0\.1:\d+ \((connection refused|cannot connect)\)"
        r"|127\.0\.0\.1:\d+/\S+: the connection broke)$"
    )
    with pytest.raises(SyncError, match=stopped):
        sync_account(store, account(proxy.url, freshrss))
    stopper.join()
    part = rows(store)
    assert 0 < len(part) < 20  # the feeds pulled before it stopped are kept
    proxy.heal()
    proxy.start()
    report = sync_account(store, account(proxy.url, freshrss))
    assert report.new_items == 20 - len(part) and len(rows(store)) == 20


def test_synced_articles_work_with_entities_views_export_and_the_cli(tmp_path, store, freshrss, httpserver, capsys):
    import json

    two_feeds(freshrss, httpserver)
    freshrss.edit([freshrss.item_id_of("Station 5")], add=STARRED)
    sync_account(store, account(freshrss.api, freshrss))
    config = tmp_path / "plain.toml"
    config.write_text('extractor = "plain"\n')
    base = ["--data-dir", str(store.path.parent), "--config", str(config)]
    launch = article_id(store, "Launch 3")
    capsys.readouterr()

    assert main([*base, "entities", str(launch), "--json"]) == 0
    assert "Roscosmos" in {row["name"] for row in json.loads(capsys.readouterr().out)}
    assert main([*base, "view", "save", "Stations", "feed:Stations is:unread"]) == 0
    assert main([*base, "views", "--json"]) == 0
    (view,) = [v for v in json.loads(capsys.readouterr().out) if v["name"] == "Stations"]
    assert (view["unread"], view["total"]) == (8, 8)
    exported = tmp_path / "bookmarks.json"
    assert main([*base, "bookmarks", "--export", str(exported)]) == 0
    assert [b["title"] for b in json.loads(exported.read_text())["bookmarks"]] == ["Station 5"]
    assert main([*base, "show", str(launch)]) == 0
    assert "Launch 3 as told by the Roscosmos press office." in capsys.readouterr().out
