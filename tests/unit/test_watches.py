"""Watches on a real cache: views and entities, new matches after a real refresh against 127.0.0.1, the CLI."""

from __future__ import annotations

import json
import sys
from contextlib import closing

import pytest
from pytest_httpserver import HTTPServer

from spacereader.cli import main
from spacereader.entities.backlog import extract_backlog
from spacereader.handoff import HandoffError, run_notify_command
from spacereader.ingest.fetch import Fetcher
from spacereader.ingest.refresh import refresh_all
from spacereader.models import Mention, Subscription
from spacereader.store import Store
from spacereader.store.entities import find_entities
from spacereader.store.feeds import add_feeds
from spacereader.store.watches import add_watch, entity_key, list_watches, mark_seen, remove_watch, watched_entities
from spacereader.watching import check_watches, summary


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


class Names:
    """Finds one fixed name, so the test decides which articles name whom."""

    name = "names"
    version = "1"

    def warm_up(self) -> None:
        """Nothing to load."""

    def extract(self, text: str) -> list[Mention]:
        start = text.find("Olga Ivanova")
        return [Mention(start, start + 12, "Olga Ivanova", "PERSON")] if start >= 0 else []


class Feed:
    """One feed whose document the test replaces between refreshes."""

    def __init__(self, httpserver: HTTPServer) -> None:
        self.document = FIRST
        httpserver.expect_request("/wire").respond_with_handler(self.respond)
        self.url = httpserver.url_for("/wire")

    def respond(self, request):
        from werkzeug import Response

        return Response(self.document, content_type="application/rss+xml")


def fetcher() -> Fetcher:
    return Fetcher(connect_timeout=2, read_timeout=2, total_timeout=5)


def test_entity_and_view_watches_count_only_new_articles(store: Store, httpserver: HTTPServer):
    feed = Feed(httpserver)
    with closing(store.connect()) as conn:
        add_feeds(conn, [Subscription(feed.url)])
    refresh_all(store, fetcher())
    extract_backlog(store, Names())  # type: ignore[arg-type]
    views = {"Soyuz": "soyuz"}
    with closing(store.connect()) as conn:
        olga = find_entities(conn, "Olga Ivanova")[0]
        assert add_watch(conn, "entity", olga.name, key=entity_key(conn, olga.id))
        assert not add_watch(conn, "entity", olga.name, key=entity_key(conn, olga.id))
        assert check_watches(conn, views, ["Soyuz"]) == []  # what was there before is not news
    feed.document = SECOND
    refresh_all(store, fetcher())
    with closing(store.connect()) as conn:
        hits = check_watches(conn, views, ["Soyuz"])
        assert [(h.kind, h.name, h.title) for h in hits] == [("view", "Soyuz", "Soyuz lands")]
    extract_backlog(store, Names())  # type: ignore[arg-type]
    with closing(store.connect()) as conn:
        hits = check_watches(conn, views, ["Soyuz"])
        assert [(h.kind, h.name, h.title) for h in hits] == [("entity", "Olga Ivanova", "Interview")]
        assert check_watches(conn, views, ["Soyuz"]) == []  # each match is announced once
        assert {w.name: w.unseen for w in list_watches(conn)} == {"Olga Ivanova": 1, "Soyuz": 1}
        assert watched_entities(conn) == {olga.id: 1}
        mark_seen(conn)
        assert {w.name: w.unseen for w in list_watches(conn)} == {"Olga Ivanova": 0, "Soyuz": 0}
    assert summary(hits) == "New for your watches: Olga Ivanova (1): Interview"


def test_notify_command_gets_the_line_as_one_argument(tmp_path):
    out = tmp_path / "said.txt"
    script = f"import sys; open({str(out)!r}, 'w').write(repr(sys.argv[1:]))"
    run_notify_command((sys.executable, "-c", script, "spacereader"), "New for your watches: X (1): a; b")
    assert out.read_text() == "['spacereader', 'New for your watches: X (1): a; b']"
    with pytest.raises(HandoffError, match="notify_command /nonexistent: command not found"):
        run_notify_command(("/nonexistent",), "x")


def cli(capsys, tmp_path, config, *args):
    code = main(["--data-dir", str(tmp_path / "data"), "--config", str(config), *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_cli_view_watch_refresh_watches_and_mark_seen(capsys, tmp_path, httpserver):
    config = tmp_path / "config.toml"
    config.write_text('[views]\n"Budget" = { query = "budget", watch = true }\n"Other" = "other"\n', encoding="utf-8")
    feed = Feed(httpserver)
    assert cli(capsys, tmp_path, config, "add", feed.url)[0] == 0
    code, out, err = cli(capsys, tmp_path, config, "view", "save", "Soyuz", "soyuz")
    assert code == 0, err
    code, out, err = cli(capsys, tmp_path, config, "view", "watch", "Soyuz")
    assert (code, out) == (0, "watching view Soyuz: new matches are announced\n")
    code, out, err = cli(capsys, tmp_path, config, "view", "watch", "Nope")
    assert code == 1 and err == "spacereader: no view named 'Nope'\n"
    code, out, _ = cli(capsys, tmp_path, config, "watches", "--json")
    # the config's watched view is taken up by the first command that checks watches
    assert [(w["kind"], w["name"], w["new"]) for w in json.loads(out)] == [("view", "Soyuz", 0), ("view", "Budget", 0)]
    feed.document = rss(
        ("1", "Soyuz docks", "x"), ("2", "Budget vote", "x"), ("3", "Soyuz lands", "x"), ("5", "Budget cut", "x")
    )
    assert cli(capsys, tmp_path, config, "refresh")[0] == 0
    code, out, _ = cli(capsys, tmp_path, config, "watches", "--json")
    rows = json.loads(out)
    assert [(w["name"], w["new"], [m["title"] for m in w["matches"]]) for w in rows] == [
        ("Soyuz", 1, ["Soyuz lands"]),
        ("Budget", 1, ["Budget cut"]),
    ]
    assert rows[1]["matches"][0]["url"] == "http://example.com/5"
    code, out, _ = cli(capsys, tmp_path, config, "watches", "--mark-seen")
    assert "view    Soyuz  (1 new)" in out and "Soyuz lands" in out
    code, out, _ = cli(capsys, tmp_path, config, "watches", "--json")
    assert [w["new"] for w in json.loads(out)] == [0, 0]
    code, out, _ = cli(capsys, tmp_path, config, "view", "unwatch", "Soyuz")
    assert out == "no longer watching view Soyuz\n"
    code, out, err = cli(capsys, tmp_path, config, "view", "unwatch", "Soyuz")
    assert code == 1 and err == "spacereader: view 'Soyuz' is not watched\n"


def test_two_checks_at_once_record_each_match_once(store: Store, httpserver: HTTPServer):
    import threading

    feed = Feed(httpserver)
    with closing(store.connect()) as conn:
        add_feeds(conn, [Subscription(feed.url)])
        add_watch(conn, "view", "Soyuz")
    feed.document = SECOND
    refresh_all(store, fetcher())
    found: list[int] = []
    errors: list[BaseException] = []

    def check() -> None:
        try:
            with closing(store.connect()) as conn:
                found.extend(hit.article_id for hit in check_watches(conn, {"Soyuz": "soyuz"}))
        except BaseException as error:  # noqa: BLE001 - reported by the assertion below
            errors.append(error)

    threads = [threading.Thread(target=check) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == [] and len(found) == 2 and len(set(found)) == 2


def test_cli_watch_a_name_before_and_after_it_appears(capsys, tmp_path, httpserver):
    config = tmp_path / "config.toml"
    config.write_text("", encoding="utf-8")
    feed = Feed(httpserver)
    feed.document = rss(("2", "Budget vote", "Nothing."))
    assert cli(capsys, tmp_path, config, "add", feed.url)[0] == 0
    code, out, err = cli(capsys, tmp_path, config, "watch", "  Olga   Ivanova ")
    assert (code, err) == (0, "")
    assert out == "watching Olga Ivanova (not in the cache yet): new articles naming it are announced\n"
    assert cli(capsys, tmp_path, config, "watch", "olga ivanova")[1].startswith("already watching")
    feed.document = SECOND
    assert cli(capsys, tmp_path, config, "refresh")[0] == 0
    extract_backlog(Store.open(tmp_path / "data"), Names())  # type: ignore[arg-type]
    code, out, _ = cli(capsys, tmp_path, config, "watches", "--json")
    rows = json.loads(out)
    assert [(w["kind"], w["name"], w["new"]) for w in rows] == [("entity", "Olga Ivanova", 2)]
    assert sorted(m["title"] for m in rows[0]["matches"]) == ["Interview", "Soyuz docks"]
    code, out, err = cli(capsys, tmp_path, config, "unwatch", "OLGA IVANOVA")
    assert (code, out) == (0, "no longer watching Olga Ivanova\n")
    code, out, err = cli(capsys, tmp_path, config, "unwatch", "Olga Ivanova")
    assert code == 1 and err == "spacereader: 'Olga Ivanova' is not watched\n"
    code, out, err = cli(capsys, tmp_path, config, "watch", " \t ")
    assert code == 1 and err.startswith("spacereader: not a name")


def test_cli_watch_of_a_cached_name_is_the_sidebar_s_watch(capsys, tmp_path, httpserver):
    config = tmp_path / "config.toml"
    config.write_text("", encoding="utf-8")
    feed = Feed(httpserver)
    assert cli(capsys, tmp_path, config, "add", feed.url)[0] == 0
    extract_backlog(Store.open(tmp_path / "data"), Names())  # type: ignore[arg-type]
    code, out, _ = cli(capsys, tmp_path, config, "watch", "olga ivanova")
    assert out == "watching Olga Ivanova (named in 1 cached articles): new articles naming it are announced\n"
    with closing(Store.open(tmp_path / "data").connect()) as conn:
        olga = find_entities(conn, "Olga Ivanova")[0]
        assert watched_entities(conn) == {olga.id: 0}  # the sidebar marks it
        # the reader's `w` on the same name finds this watch and stops it
        assert remove_watch(conn, "entity", olga.name)
