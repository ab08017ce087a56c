"""Keyboard and mouse flows in the reader, driven through Pilot on a real cache."""

from __future__ import annotations

import stat
from contextlib import closing

from textual import events

from spacereader.config import Settings
from spacereader.models import ArticleFilter
from spacereader.store import Store
from spacereader.store.articles import count_articles, get_article
from spacereader.ui.dialogs.help import HelpScreen
from spacereader.ui.widgets.article_list import ArticleList
from spacereader.ui.widgets.entity_sidebar import EntitySidebar
from spacereader.ui.widgets.reading_pane import ReadingPane
from tests.conftest import add_articles


async def settle(app, pilot) -> None:
    """Let timers, the writer thread and message queues finish."""
    await pilot.pause(0.12)
    app.writer.flush()
    await pilot.pause()


def rendered(widget) -> str:
    return str(widget.render())


async def test_opens_on_seed_article_in_three_panes(seeded_store, make_app):
    app = make_app(seeded_store)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        article_list = app.screen.query_one(ArticleList)
        assert article_list.pager.count == 1
        assert article_list.has_focus
        pane = app.screen.query_one(ReadingPane)
        assert pane.article_id == article_list.current.id
        assert rendered(pane.query_one("#headline")).startswith("After losing the space race")
        assert "spacereader seeds · 2021-10-05 · 2 min read" in rendered(pane.query_one("#meta"))
        sidebar = app.screen.query_one(EntitySidebar)
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert "No people, organisations or places were extracted" in rendered(sidebar.query_one("#entity-status"))


async def test_vim_keys_and_arrows_move_and_preview(store, make_app):
    ids = add_articles(store, 40)
    app = make_app(store)
    async with app.run_test(size=(120, 40)) as pilot:
        article_list = app.screen.query_one(ArticleList)
        await pilot.press("j", "j", "down")
        assert article_list.cursor == 3
        await pilot.press("k", "up")
        assert article_list.cursor == 1
        await pilot.press("G")
        assert article_list.cursor == 39
        assert article_list.border_subtitle == "40/40"
        await settle(app, pilot)
        assert app.screen.query_one(ReadingPane).article_id == ids[39]
        await pilot.press("g")
        assert article_list.cursor == 0
        await pilot.press("k")
        assert article_list.cursor == 0
        await settle(app, pilot)
        assert app.screen.query_one(ReadingPane).article_id == ids[0]
        # moving previews without marking anything read
        with closing(store.connect()) as conn:
            assert count_articles(conn, ArticleFilter(unread_only=True)) == 40


async def test_enter_opens_and_marks_read_and_m_toggles(store, make_app):
    ids = add_articles(store, 3)
    app = make_app(store)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("j", "enter")
        await settle(app, pilot)
        with closing(store.connect()) as conn:
            assert get_article(conn, ids[1]).read
            assert not get_article(conn, ids[0]).read
        assert app.screen.query_one(ArticleList).current.read
        await pilot.press("m")
        await settle(app, pilot)
        with closing(store.connect()) as conn:
            assert not get_article(conn, ids[1]).read


async def test_bookmark_survives_quit_and_restart_and_filter_shows_it(store, make_app, tmp_path):
    ids = add_articles(store, 5)
    app = make_app(store)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("j", "j", "b")
        await pilot.press("q")
    assert app.return_code == 0

    again = make_app(Store.open(tmp_path / "data"))
    async with again.run_test(size=(120, 40)) as pilot:
        article_list = again.screen.query_one(ArticleList)
        assert [article_list.pager.row(i).bookmarked for i in range(5)] == [False, False, True, False, False]
        await pilot.press("B")
        assert article_list.pager.count == 1
        assert article_list.current.id == ids[2]
        assert "bookmarks" in article_list.border_title
        await pilot.press("b")  # unbookmark from the bookmarks view
        await settle(again, pilot)
        await pilot.press("B")
        assert article_list.pager.count == 5
        assert article_list.current.id == ids[2]  # selection kept across views
    with closing(store.connect()) as conn:
        assert count_articles(conn, ArticleFilter(bookmarked_only=True)) == 0


async def test_n_and_shift_n_jump_between_unread(store, make_app):
    ids = add_articles(store, 6)
    with closing(store.connect()) as conn:
        from spacereader.store.articles import set_read

        for n in (1, 2, 4):
            set_read(conn, ids[n], True)
    app = make_app(store)
    async with app.run_test(size=(120, 40)) as pilot:
        article_list = app.screen.query_one(ArticleList)
        await pilot.press("n")
        assert article_list.cursor == 3
        await pilot.press("n")
        assert article_list.cursor == 5
        await pilot.press("N")
        assert article_list.cursor == 3


async def test_space_and_page_keys_scroll_the_reading_pane(store, make_app):
    long_body = "\n\n".join(f"Paragraph {n} " + "word " * 60 for n in range(40))
    add_articles(store, 1)
    with closing(store.connect()) as conn, conn:
        conn.execute("UPDATE articles SET body = ?", (long_body,))
    app = make_app(store)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        pane = app.screen.query_one(ReadingPane)
        assert pane.scroll_y == 0
        await pilot.press("space")
        await pilot.pause()
        first = pane.scroll_y
        assert first > 20
        await pilot.press("pagedown")
        await pilot.pause()
        assert pane.scroll_y > first
        await pilot.press("pageup")
        await pilot.pause()
        assert pane.scroll_y == first
        assert app.screen.query_one(ArticleList).has_focus  # the list keeps the keyboard


async def test_tab_cycles_panes(seeded_store, make_app):
    app = make_app(seeded_store)
    async with app.run_test(size=(120, 40)) as pilot:
        assert isinstance(app.focused, ArticleList)
        await pilot.press("tab")
        assert isinstance(app.focused, ReadingPane)
        await pilot.press("shift+tab")
        assert isinstance(app.focused, ArticleList)


async def test_help_lists_every_binding_and_closes(seeded_store, make_app):
    from spacereader.ui.keys import binding_ids

    app = make_app(seeded_store)
    async with app.run_test(size=(140, 70)) as pilot:
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        text = app.export_screenshot().replace("&#160;", " ")
        assert "[keys] table" in text
        for binding_id in binding_ids():
            assert binding_id in text or binding_id.startswith("open-view-")
        await pilot.press("escape")
        assert not isinstance(app.screen, HelpScreen)


async def test_keys_can_be_remapped_by_binding_id(store, make_app):
    add_articles(store, 5)
    app = make_app(store, Settings(keys={"cursor-down": "ctrl+n", "toggle-bookmark": "s"}))
    async with app.run_test(size=(120, 40)) as pilot:
        article_list = app.screen.query_one(ArticleList)
        await pilot.press("ctrl+n", "ctrl+n")
        assert article_list.cursor == 2
        await pilot.press("s")
        await settle(app, pilot)
        assert article_list.current.bookmarked


async def test_open_link_passes_url_as_one_argument_and_refuses_other_schemes(store, make_app, tmp_path):
    log = tmp_path / "argv.txt"
    browser = tmp_path / "browser.sh"
    browser.write_text(f'#!/bin/sh\nfor a in "$@"; do printf "%s\\n" "$a" >> {log}; done\n')
    browser.chmod(browser.stat().st_mode | stat.S_IEXEC)
    add_articles(store, 1, url="https://example.org/a b?x=1;rm -rf")  # a space: refused
    add_articles(store, 1, feed_url="http://127.0.0.1/2", url="https://example.org/story?q=1&x=$(id)")
    add_articles(store, 1, feed_url="http://127.0.0.1/3", url="javascript:alert(1)")
    app = make_app(store, Settings(browser=(str(browser),)))
    async with app.run_test(size=(120, 40)) as pilot:
        article_list = app.screen.query_one(ArticleList)
        for index in range(3):
            article_list.move_to(index)
            await pilot.press("o")
        await pilot.pause(0.3)
        for _ in range(50):
            if log.exists():
                break
            await pilot.pause(0.05)
        messages = [n.message for n in app._notifications]
    assert log.read_text().splitlines() == ["https://example.org/story?q=1&x=$(id)"]
    assert any("only http and https" in m for m in messages)
    assert any("spaces or control characters" in m for m in messages)


async def test_copy_link_puts_url_on_clipboard(store, make_app):
    add_articles(store, 1)
    app = make_app(store)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("y")
        assert app.clipboard == "https://example.org/0"


async def test_click_opens_row_and_wheel_scrolls(store, make_app):
    ids = add_articles(store, 200)
    app = make_app(store)
    async with app.run_test(size=(120, 40)) as pilot:
        article_list = app.screen.query_one(ArticleList)
        await pilot.click(ArticleList, offset=(5, 4))  # border row + 3
        await settle(app, pilot)
        assert article_list.cursor == 3
        with closing(store.connect()) as conn:
            assert get_article(conn, ids[3]).read
        for _ in range(5):
            article_list.post_message(events.MouseScrollDown(article_list, 5, 5, 0, 0, 0, False, False, False))
        await pilot.pause(0.2)
        assert article_list.scroll_y > 0


async def test_hostile_title_is_literal_cleaned_and_inert(store, make_app):
    hostile = "[bold]x[/] [@click=app.quit]y[/] \x1b]0;z\x07"
    add_articles(store, 1, titles=[hostile])
    app = make_app(store, Settings(list_width=45))  # room for the whole title
    async with app.run_test(size=(200, 40)) as pilot:
        await settle(app, pilot)
        article_list = app.screen.query_one(ArticleList)
        line = "".join(seg.text for seg in article_list.render_line(0))
        assert "[bold]x[/] [@click=app.quit]y[/] ]0;z" in line
        assert "\x1b" not in line and "\x07" not in line
        headline = rendered(app.screen.query_one(ReadingPane).query_one("#headline"))
        assert headline == "[bold]x[/] [@click=app.quit]y[/] ]0;z"
        await pilot.click(ArticleList, offset=(12, 1))
        await pilot.click("#headline", offset=(15, 0))
        await pilot.pause()
        assert app.is_running


async def test_every_action_is_in_the_command_palette(seeded_store, make_app):
    from spacereader.ui.keys import COMMANDS

    app = make_app(seeded_store)
    async with app.run_test(size=(120, 40)):
        titles = [c.title for c in app.get_system_commands(app.screen)]
        for binding in COMMANDS:
            assert any(title.startswith(binding.description) for title in titles), binding.id
        assert any("Help" in t for t in titles) and any("Quit" in t for t in titles)
