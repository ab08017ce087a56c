"""Enclosures from feed to JSON, the player setting, `feed set --full-text` and `show --full`, through cli.main."""

from __future__ import annotations

import json
import stat
import time
from contextlib import closing
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer

from spacereader.cli import main
from spacereader.config import load_settings
from spacereader.ingest.parse import parse_feed
from spacereader.links import LinkError, article_links, play_media
from spacereader.models import Enclosure
from spacereader.store import Store
from spacereader.store.articles import read_enclosures
from tests.page_extraction import PAGES

PODCAST = b"""<?xml version="1.0"?><rss version="2.0"><channel><title>Orbit cast</title>
<item><guid>ep1</guid><title>Episode 1</title><link>LINK</link><pubDate>Tue, 01 Jul 2025 10:00:00 GMT</pubDate>
<description>Show notes.</description>
<enclosure url="https://cdn.example/ep1.mp3" type="audio/mpeg" length="48200000"/>
<enclosure url="https://cdn.example/ep1.pdf" type="application/pdf" length="nonsense"/></item>
</channel></rss>"""

JSON_FEED = {
    "version": "https://jsonfeed.org/version/1.1",
    "title": "Video",
    "items": [{
        "id": "v1", "url": "https://v.example/1", "title": "Launch video", "content_text": "Watch it.",
        "date_published": "2025-07-01T10:00:00Z",
        "attachments": [{"url": "https://v.example/1.mp4", "mime_type": "video/mp4", "size_in_bytes": 900000}],
    }],
}  # fmt: skip


def test_feed_enclosures_and_json_attachments_keep_url_type_and_length():
    [item] = parse_feed(PODCAST.replace(b"LINK", b"http://x.example/1")).items
    assert item.enclosures == (
        Enclosure("https://cdn.example/ep1.mp3", "audio/mpeg", 48_200_000),
        Enclosure("https://cdn.example/ep1.pdf", "application/pdf", None),
    )
    assert [e.details for e in item.enclosures] == ["audio/mpeg, 48.2 MB", "application/pdf"]
    [video] = parse_feed(json.dumps(JSON_FEED).encode()).items
    assert video.enclosures == (Enclosure("https://v.example/1.mp4", "video/mp4", 900_000),)


def test_enclosures_stored_before_they_had_fields_are_still_read():
    stored = json.dumps(["https://a.example/x.mp3 (audio/mpeg, 1.2 MB)", "https://a.example/y.bin"])
    assert read_enclosures(stored) == (
        Enclosure("https://a.example/x.mp3", "audio/mpeg"),
        Enclosure("https://a.example/y.bin", ""),
    )


def test_numbered_links_are_read_from_under_the_text():
    body = "Text [1] and more [2].\n\n[1] https://a.example/1\n[2] https://b.example/2"
    assert article_links(body) == [(1, "https://a.example/1"), (2, "https://b.example/2")]
    assert article_links("Just text.\n\nA [1] paragraph that is not a list.") == []
    assert article_links("") == []


def recorder(tmp_path: Path) -> tuple[Path, Path]:
    """A stand-in player that writes each argument it gets on its own line."""
    log = tmp_path / "argv.txt"
    script = tmp_path / "player.sh"
    script.write_text(f'#!/bin/sh\nfor a in "$@"; do printf "%s\\n" "$a" >> {log}; done\n')
    script.chmod(script.stat().st_mode | stat.S_IEXEC)
    return script, log


def wait_for(path: Path) -> str:
    deadline = time.monotonic() + 5
    while not path.exists() and time.monotonic() < deadline:
        time.sleep(0.02)
    return path.read_text()


def test_the_player_gets_its_arguments_then_the_url_as_one_argument_never_a_shell(tmp_path: Path):
    script, log = recorder(tmp_path)
    url = "https://cdn.example/ep1.mp3?a=1&b=$(touch${IFS}pwned)"
    play_media(url, (str(script), "--no-video"))
    assert wait_for(log).splitlines() == ["--no-video", url]
    assert not (tmp_path / "pwned").exists()
    with pytest.raises(LinkError, match="only http and https"):
        play_media("file:///etc/passwd", (str(script),))
    with pytest.raises(LinkError, match="no player: 'no-such-player-here' not found"):
        play_media("https://cdn.example/ep1.mp3", ("no-such-player-here",))


def test_player_setting_takes_a_list_or_a_string_and_warns_on_anything_else(tmp_path: Path):
    path = tmp_path / "config.toml"
    path.write_text('player = ["mpv", "--no-video"]\n')
    assert load_settings(path)[0].player == ("mpv", "--no-video")
    path.write_text('player = "vlc --intf dummy"\n')
    assert load_settings(path)[0].player == ("vlc", "--intf", "dummy")
    path.write_text("player = 5\n")
    settings, [warning] = load_settings(path)
    assert settings.player == () and "line 1" in warning and "player should be" in warning


@pytest.fixture
def run(tmp_path: Path, capsys):
    """Run the CLI on a temp cache; returns (exit code, stdout, stderr)."""

    def invoke(*argv: str) -> tuple[int, str, str]:
        code = main(["--data-dir", str(tmp_path / "data"), "--config", str(tmp_path / "none.toml"), *argv])
        out, err = capsys.readouterr()
        return code, out, err

    return invoke


def article_id(run, title: str) -> int:
    code, out, _ = run("articles", "--json")
    assert code == 0
    return next(row["id"] for row in json.loads(out) if row["title"] == title)


def test_json_rows_and_show_carry_enclosures(run, httpserver: HTTPServer):
    httpserver.expect_request("/cast").respond_with_data(PODCAST.replace(b"LINK", b"http://x.example/1"))
    assert run("add", httpserver.url_for("/cast"))[0] == 0
    code, out, _ = run("articles", "--json")
    rows = {row["title"]: row for row in json.loads(out)}
    assert rows["Episode 1"]["enclosures"] == [
        {"url": "https://cdn.example/ep1.mp3", "type": "audio/mpeg", "length": 48_200_000},
        {"url": "https://cdn.example/ep1.pdf", "type": "application/pdf", "length": None},
    ]
    assert all(row["enclosures"] == [] for title, row in rows.items() if title != "Episode 1")
    code, out, _ = run("show", str(rows["Episode 1"]["id"]))
    assert (
        "Media: https://cdn.example/ep1.mp3 (audio/mpeg, 48.2 MB)\nMedia: https://cdn.example/ep1.pdf (application/pdf)"
        in out
    )


def test_feed_set_full_text_is_saved_and_named_errors_are_one_line(run, httpserver: HTTPServer):
    httpserver.expect_request("/cast").respond_with_data(PODCAST.replace(b"LINK", b"http://x.example/1"))
    url = httpserver.url_for("/cast")
    run("add", url)
    code, out, _ = run("feed", "set", url, "--full-text", "on")
    assert code == 0 and "full text on for Orbit cast" in out
    code, out, _ = run("feeds", "--json")
    assert json.loads(out)[0]["full_text"] is True
    assert run("feed", "set", url, "--full-text", "off")[0] == 0
    assert json.loads(run("feeds", "--json")[1])[0]["full_text"] is False
    code, _, err = run("feed", "set", "https://nowhere.example/feed", "--full-text", "on")
    assert code == 1 and err.count("\n") == 1 and "https://nowhere.example/feed: no such subscription" in err
    with pytest.raises(SystemExit) as exit_status:  # argparse's own exit, as for every bad argument
        run("feed", "set", url, "--full-text", "maybe")
    assert exit_status.value.code == 2
    code, _, err = run("feed", "set", url)
    assert code == 1 and "nothing to set" in err


def test_show_full_prints_the_page_text_or_the_feed_text_with_a_reason(run, httpserver: HTTPServer, tmp_path):
    page = (PAGES / "daily-orbit.html").read_text()
    httpserver.expect_request("/hera").respond_with_data(page, content_type="text/html")
    httpserver.expect_request("/front").respond_with_data(
        (PAGES / "section-front.html").read_text(), content_type="text/html"
    )
    feed = PODCAST.replace(b"LINK", httpserver.url_for("/hera").encode()).replace(
        b"</channel>",
        b"<item><guid>f</guid><title>Front</title><link>"
        + httpserver.url_for("/front").encode()
        + b"</link><description>Front teaser.</description></item></channel>",
    )
    httpserver.expect_request("/cast").respond_with_data(feed)
    run("add", httpserver.url_for("/cast"))
    hera = article_id(run, "Episode 1")

    code, out, err = run("show", str(hera), "--full")
    assert code == 0 and err == ""
    assert "(full text taken from the page)" in out and "Juventas will carry the first radar" in out
    assert "Media: https://cdn.example/ep1.mp3" in out
    assert run("show", str(hera))[1] == out  # kept in the cache: no second fetch needed
    assert len([r for r, _ in httpserver.log if r.path == "/hera"]) == 1

    code, out, err = run("show", str(article_id(run, "Front")), "--full")
    assert code == 0 and "Front teaser." in out and "taken from the page" not in out
    assert err.count("\n") == 1 and "no full text (no main text found on the page); showing the feed's text" in err


def test_a_full_text_feed_fetches_pages_on_refresh_from_the_command_line(run, httpserver: HTTPServer, tmp_path):
    httpserver.expect_request("/hera").respond_with_data(
        (PAGES / "daily-orbit.html").read_text(), content_type="text/html"
    )
    httpserver.expect_request("/cast").respond_with_data(PODCAST.replace(b"LINK", httpserver.url_for("/hera").encode()))
    url = httpserver.url_for("/cast")
    run("add", url)
    run("feed", "set", url, "--full-text", "on")
    code, out, _ = run("refresh")
    assert code == 0 and "full text of 1/1 pages" in out
    code, out, _ = run("show", str(article_id(run, "Episode 1")))
    assert "(full text taken from the page)" in out
    with closing(Store.open(tmp_path / "data").connect()) as conn:
        assert conn.execute("SELECT count(*) FROM articles WHERE from_page = 1").fetchone()[0] == 1


def test_atom_enclosure_links_keep_their_type_and_length():
    atom = b"""<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>A</title><id>x</id>
<updated>2025-01-01T00:00:00Z</updated><entry><id>e1</id><title>Ep</title><updated>2025-01-01T00:00:00Z</updated>
<link href="http://x.example/1"/><link rel="enclosure" type="audio/ogg" length="5000000" href="http://x.example/1.ogg"/>
<summary>hi</summary></entry></feed>"""
    parsed = parse_feed(atom)
    assert parsed.items[0].enclosures == (Enclosure("http://x.example/1.ogg", "audio/ogg", 5_000_000),)
    assert parsed.parser == "fastfeedparser"  # the length is read from the document, not left to feedparser


def test_atom_enclosure_link_resolved_against_xml_base_is_left_to_feedparser():
    atom = b"""<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom" xml:base="http://x.example/pods/">
<title>A</title><id>x</id><updated>2025-01-01T00:00:00Z</updated><entry><id>e1</id><title>Ep</title>
<updated>2025-01-01T00:00:00Z</updated><link href="http://x.example/1"/>
<link rel="enclosure" type="audio/ogg" length="70" href="1.ogg"/></entry></feed>"""
    parsed = parse_feed(atom)
    assert parsed.items[0].enclosures == (Enclosure("http://x.example/pods/1.ogg", "audio/ogg", 70),)
