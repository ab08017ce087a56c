"""The keys line: the focused pane's keys as the user has bound them, whole keys only, clickable."""

from __future__ import annotations

from spacereader.config import Settings
from spacereader.ui.widgets.article_list import ArticleList
from spacereader.ui.widgets.key_bar import KeyBar


def shown(app) -> str:
    return str(app.screen.query_one(KeyBar).render())


async def test_lists_the_lists_keys_then_the_palette_on_the_right(seeded_store, make_app):
    app = make_app(seeded_store)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        line = shown(app)
        assert line.startswith(" ⏎ Open  b Bookmark  B Bookmarks  f Feeds  r Refresh  / Search  v Views  q Quit")
        assert line.endswith("▏^p palette ")
        assert len(line) == 120
        assert "Next article" not in line  # keys marked not to show stay in `?`


async def test_follows_the_focus_and_the_keymap(seeded_store, make_app):
    app = make_app(seeded_store, Settings(keys={"search": "z", "open-article": "o"}, layout="narrow"))
    async with app.run_test(size=(140, 30)) as pilot:
        await pilot.pause()
        assert " z Search " in shown(app)  # after the others: a remapped binding moves to the end
        assert " o Open " in shown(app)
        await pilot.press("o")  # the article takes the screen and the focus: the list's own keys go
        await pilot.pause()
        assert " o Open " not in shown(app)
        assert " b Bookmark " in shown(app)


async def test_a_narrow_line_drops_whole_keys_and_keeps_the_palette(seeded_store, make_app):
    app = make_app(seeded_store)
    async with app.run_test(size=(60, 20)) as pilot:
        await pilot.pause()
        line = shown(app)
        assert line.startswith(" ⏎ Open  b Bookmark  B Bookmarks  f Feeds ")
        assert line.endswith(" ▏^p palette ")
        assert "Refresh" not in line and " r " not in line
        assert len(line) == 60


async def test_a_click_on_a_key_presses_it(seeded_store, make_app):
    app = make_app(seeded_store)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        line = shown(app)
        await pilot.click(KeyBar, offset=(line.index("Bookmarks"), 0))
        await pilot.pause()
        assert app.screen.query_one(ArticleList).border_title == "bookmarks"
