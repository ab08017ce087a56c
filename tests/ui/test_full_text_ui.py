"""F (full text), L (links view), p (play media) and the feeds view's full-text toggle, through Pilot."""

from __future__ import annotations

import stat
import time
from contextlib import closing
from pathlib import Path

from pytest_httpserver import HTTPServer
from textual.widgets import OptionList

from spacereader.config import Settings
from spacereader.models import Enclosure, NewArticle
from spacereader.store import Store
from spacereader.store.articles import upsert_articles
from spacereader.store.feeds import ensure_feed, get_feed
from spacereader.ui.screens.feeds import FeedsScreen
from spacereader.ui.screens.links import LinksScreen
from spacereader.ui.widgets.entity_sidebar import EntitySidebar
from spacereader.ui.widgets.reading_pane import ReadingPane
from tests.conftest import add_articles
from tests.page_extraction import PAGES
from tests.ui.conftest import FakeExtractor


async def wait_for(pilot, condition, timeout: float = 15.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "timed out waiting"
        await pilot.pause(0.05)


def pane_text(app) -> str:
    pane = app.screen.query_one(ReadingPane)
    return "\n".join(str(pane.query_one(f"#{part}").render()) for part in ("headline", "text-source", "body"))


def note(app) -> str:
    source = app.screen.query_one(ReadingPane).query_one("#text-source")
    return str(source.render()) if source.has_class("-shown") else ""


def recorder(tmp_path: Path, name: str) -> tuple[tuple[str, ...], Path]:
    """A stand-in browser or player that writes each argument it gets on its own line."""
    log = tmp_path / f"{name}.txt"
    script = tmp_path / f"{name}.sh"
    script.write_text(f'#!/bin/sh\nfor a in "$@"; do printf "%s\\n" "$a" >> {log}; done\n')
    script.chmod(script.stat().st_mode | stat.S_IEXEC)
    return (str(script),), log


def media_article(store: Store, links: int, enclosures: int) -> None:
    """One article whose text has `links` numbered links and which carries `enclosures` media files."""
    refs = " ".join(f"link {n} [{n}]" for n in range(1, links + 1))
    listing = "\n".join(f"[{n}] https://l.example/{n}" for n in range(1, links + 1))
    media = tuple(
        Enclosure(f"https://m.example/{n}.mp3", "audio/mpeg", n * 1_000_000) for n in range(1, enclosures + 1)
    )
    with closing(store.connect()) as conn, conn:
        feed_id = ensure_feed(conn, "http://127.0.0.1/cast.xml", title="Cast")
        upsert_articles(conn, feed_id, [
            NewArticle(guid="1", title="Episode", published="2026-01-01T00:00:00Z", url="https://l.example/",
                       body=f"Notes with {refs}.\n\n{listing}" if links else "Notes.", content_hash="h",
                       enclosures=media),
        ])  # fmt: skip


def sidebar_names(app) -> list[str]:
    options = app.screen.query_one(EntitySidebar).query_one("#entity-options", OptionList)
    return [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]


async def test_F_shows_the_page_text_marked_and_F_again_the_feed_text(store, make_app, httpserver: HTTPServer):
    httpserver.expect_request("/hera").respond_with_data(
        (PAGES / "daily-orbit.html").read_text(), content_type="text/html"
    )
    add_articles(store, 1, url=httpserver.url_for("/hera"), titles=["Roscosmos and ESA"])
    app = make_app(store, extractor=FakeExtractor({"Juventas": "ORG", "Roscosmos": "ORG"}))
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for(pilot, lambda: any(name.startswith(" Roscosmos") for name in sidebar_names(app)))
        assert "Paragraph one of article 0" in pane_text(app) and note(app) == ""
        await pilot.press("F")
        await wait_for(pilot, lambda: "Juventas" in pane_text(app))
        assert "Paragraph one of article 0" not in pane_text(app)
        assert note(app).startswith("Full text taken from the page (127.0.0.1:")
        # The sidebar is worked out again from the page's text.
        await wait_for(pilot, lambda: any(name.startswith(" Juventas") for name in sidebar_names(app)))
        await pilot.press("F")
        await wait_for(pilot, lambda: "Paragraph one of article 0" in pane_text(app))
        assert note(app) == "Feed text; F takes the page's text again" and "Juventas" not in pane_text(app)


async def test_F_on_a_page_without_text_keeps_the_feed_text_with_one_line(store, make_app, httpserver: HTTPServer):
    httpserver.expect_request("/front").respond_with_data(
        (PAGES / "section-front.html").read_text(), content_type="text/html"
    )
    add_articles(store, 1, url=httpserver.url_for("/front"))
    app = make_app(store)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("F")
        await wait_for(pilot, lambda: note(app) != "")
        assert note(app) == "Feed text: the page's text was not used (no main text found on the page)"
        assert "Paragraph one of article 0" in pane_text(app)
        [message] = [n.message for n in app._notifications if "Full text" in n.message]
        assert message == "Full text not available: no main text found on the page; showing the feed's text"


async def test_L_lists_links_by_number_and_opens_or_copies_them(store, make_app, tmp_path):
    browser, log = recorder(tmp_path, "browser")
    media_article(store, links=12, enclosures=1)
    app = make_app(store, Settings(browser=browser))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("L")
        await wait_for(pilot, lambda: isinstance(app.screen, LinksScreen))
        screen = app.screen
        assert [row.label for row in screen.items] == [*map(str, range(1, 13)), "▶1"]
        await pilot.press("1")  # 1, 10, 11 or 12: wait for the next digit
        assert screen.typed == "1" and not log.exists()
        await pilot.press("2")
        await wait_for(pilot, log.exists)
        assert log.read_text().splitlines() == ["https://l.example/12"]
        await pilot.press("3")
        await wait_for(pilot, lambda: len(log.read_text().splitlines()) == 2)
        assert log.read_text().splitlines()[-1] == "https://l.example/3"
        await pilot.press("down", "y")
        assert app.clipboard == "https://l.example/4"
        await pilot.press("escape")
        assert not isinstance(app.screen, LinksScreen)


async def test_p_plays_the_one_enclosure_with_the_player(store, make_app, tmp_path):
    player, log = recorder(tmp_path, "player")
    media_article(store, links=0, enclosures=1)
    app = make_app(store, Settings(player=(*player, "--no-video")))
    async with app.run_test(size=(120, 40)) as pilot:
        assert "▶1 https://m.example/1.mp3 (audio/mpeg, 1.0 MB)" in pane_text(app)
        await pilot.press("p")
        await wait_for(pilot, log.exists)
        assert log.read_text().splitlines() == ["--no-video", "https://m.example/1.mp3"]


async def test_p_with_several_enclosures_chooses_in_the_links_view(store, make_app, tmp_path):
    player, log = recorder(tmp_path, "player")
    media_article(store, links=2, enclosures=3)
    app = make_app(store, Settings(player=player))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("p")
        await wait_for(pilot, lambda: isinstance(app.screen, LinksScreen))
        current = app.screen.current_item()
        assert current is not None and current.label == "▶1"
        await pilot.press("down", "enter")
        await wait_for(pilot, log.exists)
        assert log.read_text().splitlines() == ["https://m.example/2.mp3"]


async def test_p_without_media_or_a_player_says_so(store, make_app):
    media_article(store, links=1, enclosures=1)
    add_articles(store, 1, feed_url="http://127.0.0.1/plain.xml")
    app = make_app(store, Settings(player=("no-such-player-here",)))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("g", "p")  # the newer article, without media
        await wait_for(pilot, lambda: any("no media" in n.message for n in app._notifications))
        await pilot.press("j", "p")
        await wait_for(pilot, lambda: any("Not played" in n.message for n in app._notifications))
    messages = [n.message for n in app._notifications]
    assert "Not played: no player: 'no-such-player-here' not found (set player in the config)" in messages


async def test_the_feeds_view_turns_full_text_on_and_off(store, make_app):
    add_articles(store, 1, feed_url="http://127.0.0.1/news.xml", feed_title="News")
    app = make_app(store)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("f")
        await wait_for(pilot, lambda: isinstance(app.screen, FeedsScreen))
        feed = app.screen.current_item()
        assert feed is not None and not feed.full_text
        await pilot.press("t")
        await wait_for(pilot, lambda: app.screen.current_item().full_text)
        with closing(store.connect()) as conn:
            assert get_feed(conn, feed.id).full_text
        assert any("Full text on for News" in n.message for n in app._notifications)
        await pilot.press("t")
        await wait_for(pilot, lambda: not app.screen.current_item().full_text)
        with closing(store.connect()) as conn:
            assert not get_feed(conn, feed.id).full_text
