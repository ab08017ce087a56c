"""The feed commands through cli.main, against a real server and a real cache folder."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer

from spacereader.cli import main

RSS = b"""<?xml version="1.0"?><rss version="2.0"><channel><title>Local news</title><link>http://example.com/</link>
<item><guid>1</guid><title>First</title><link>http://example.com/1</link><pubDate>Tue, 01 Jul 2025 10:00:00 GMT</pubDate></item>
<item><guid>2</guid><title>Second</title><link>http://example.com/2</link><pubDate>Wed, 02 Jul 2025 10:00:00 GMT</pubDate></item>
</channel></rss>"""


@pytest.fixture
def run(tmp_path: Path, capsys):
    """Run the CLI on a temp cache; returns (exit code, stdout, stderr)."""

    def invoke(*argv: str) -> tuple[int, str, str]:
        code = main(["--data-dir", str(tmp_path / "data"), "--config", str(tmp_path / "none.toml"), *argv])
        out, err = capsys.readouterr()
        return code, out, err

    return invoke


def feeds_json(run) -> list[dict]:
    code, out, _ = run("feeds", "--json")
    assert code == 0
    return json.loads(out)


def test_add_fetches_the_feed_and_lists_it(run, httpserver: HTTPServer):
    httpserver.expect_request("/feed").respond_with_data(RSS)
    code, out, _ = run("add", httpserver.url_for("/feed"))
    assert code == 0 and "Local news" in out and "2 articles" in out
    [row] = feeds_json(run)
    assert set(row) >= {"id", "url", "title", "unread", "last_success", "last_error"}
    assert (row["title"], row["unread"], row["last_error"]) == ("Local news", 2, None)


def test_add_of_a_page_that_is_not_a_feed_fails_and_subscribes_nothing(run, httpserver: HTTPServer):
    httpserver.expect_request("/page").respond_with_data("<!doctype html><html></html>", content_type="text/html")
    code, _, err = run("add", httpserver.url_for("/page"))
    assert code == 1 and httpserver.url_for("/page") in err and "not a feed" in err
    assert err.count("\n") == 1
    assert feeds_json(run) == []


def test_add_twice_and_bad_arguments_name_the_culprit(run, httpserver: HTTPServer, tmp_path: Path):
    httpserver.expect_request("/feed").respond_with_data(RSS)
    run("add", httpserver.url_for("/feed"))
    code, _, err = run("add", httpserver.url_for("/feed"))
    assert code == 1 and "already subscribed" in err
    code, _, err = run("add", "ftp://example.com/feed")
    assert code == 1 and "ftp://example.com/feed" in err
    code, _, err = run("add", str(tmp_path / "missing.xml"))
    assert code == 1 and "missing.xml" in err


def test_add_accepts_a_local_file_named_on_the_command_line(run, tmp_path: Path):
    path = tmp_path / "local.xml"
    path.write_bytes(RSS)
    code, out, _ = run("add", str(path))
    assert code == 0 and "2 articles" in out


def test_refresh_json_reports_each_feed(run, httpserver: HTTPServer):
    httpserver.expect_request("/feed").respond_with_data(RSS)
    run("add", httpserver.url_for("/feed"))
    code, out, _ = run("refresh", "--json")
    report = json.loads(out)
    assert code == 0 and (report["feeds"], report["failed"], report["new"]) == (1, 0, 0)
    assert report["results"][0]["status"] == "updated" and report["results"][0]["url"] == httpserver.url_for("/feed")


def test_import_export_remove_round_trip(run, httpserver: HTTPServer, tmp_path: Path):
    httpserver.expect_request("/ok").respond_with_data(RSS)
    httpserver.expect_request("/broken").respond_with_data("", status=500)
    opml = tmp_path / "subs.opml"
    opml.write_text(
        '<opml version="2.0"><body><outline text="Tech">'
        f'<outline text="ok" xmlUrl="{httpserver.url_for("/ok")}"/>'
        f'<outline text="broken" xmlUrl="{httpserver.url_for("/broken")}"/>'
        '</outline><outline text="mail" xmlUrl="mailto:x@example.com"/></body></opml>'
    )
    code, out, err = run("import", str(opml))
    assert code == 0 and "imported 2 feeds" in out and "mailto:x@example.com" in err
    code, out, err = run("refresh")
    assert code == 0 and "1 failed" in out and "HTTP 500" in err
    rows = {r["title"]: r for r in feeds_json(run)}
    assert rows["broken"]["last_error"] == "HTTP 500" and rows["ok"]["unread"] == 2
    exported = tmp_path / "out.opml"
    assert run("export", str(exported))[0] == 0
    assert httpserver.url_for("/ok") in exported.read_text() and 'text="Tech"' in exported.read_text()
    code, out, _ = run("remove", httpserver.url_for("/ok"))
    assert code == 0 and "removed feed" in out
    broken_id = str(rows["broken"]["id"])
    assert run("remove", broken_id)[0] == 0
    code, _, err = run("remove", broken_id)
    assert code == 1 and broken_id in err
    code, out, _ = run("refresh")
    assert code == 0 and "0 feeds refreshed" in out


def test_refresh_fails_only_when_all_feeds_fail(run, httpserver: HTTPServer, tmp_path: Path):
    httpserver.expect_request("/broken").respond_with_data("", status=500)
    opml = tmp_path / "subs.opml"
    opml.write_text(
        f'<opml version="2.0"><body><outline text="b" xmlUrl="{httpserver.url_for("/broken")}"/></body></opml>'
    )
    run("import", str(opml))
    code, out, err = run("refresh")
    assert code == 1 and "1 failed" in out and httpserver.url_for("/broken") in err


def test_import_of_a_missing_or_unusable_file_names_it(run, tmp_path: Path):
    code, _, err = run("import", str(tmp_path / "nope.opml"))
    assert code == 1 and "nope.opml" in err
    empty = tmp_path / "empty.opml"
    empty.write_text("<opml><body/></opml>")
    code, _, err = run("import", str(empty))
    assert code == 1 and "empty.opml" in err and "no http" in err
