"""The search line, sort orders and saved views in the TUI."""

from __future__ import annotations

from contextlib import closing

from textual.widgets import Input

from spacereader.config import Settings
from spacereader.search.query import QueryError, search_filter
from spacereader.store.views import list_views
from spacereader.ui.dialogs.name_view import NameViewDialog
from spacereader.ui.screens.views import ViewsScreen
from spacereader.ui.widgets.article_list import ArticleList
from spacereader.ui.widgets.reading_pane import ReadingPane
from tests.conftest import add_articles

TITLES = [
    "Roscosmos plans a station", "Weather on Mars", "Gagarin remembered", "Roscosmos and NASA talk",
    "Markets rally", "Café culture in Paris", "Rocket launch delayed", "Юрий Гагарин and the first flight",
]  # fmt: skip


def rows(article_list: ArticleList) -> list[str]:
    return [article_list.pager.row(i).title for i in range(article_list.pager.count)]


async def test_results_narrow_as_you_type_and_escape_restores_list_and_selection(store, make_app):
    add_articles(store, len(TITLES), titles=TITLES)
    app = make_app(store)
    async with app.run_test(size=(120, 40)) as pilot:
        article_list = app.screen.query_one(ArticleList)
        await pilot.press("j", "j", "j", "j")
        before = article_list.current.id
        await pilot.press("slash")
        line = app.screen.query_one("#search-line", Input)
        assert line.display and line.has_focus
        await pilot.press(*"ro")  # two letters are a whole word: no article has "ro"
        assert article_list.pager.count == 0
        await pilot.press(*"s")  # three begin a prefix
        wide = article_list.pager.count
        await pilot.press(*"cosmos")
        assert sorted(rows(article_list)) == ["Roscosmos and NASA talk", "Roscosmos plans a station"]
        assert wide >= 2
        await pilot.press(*" nasa")
        assert rows(article_list) == ["Roscosmos and NASA talk"]
        await pilot.pause(0.1)
        headline = app.screen.query_one(ReadingPane).query_one("#headline").render()
        assert len(headline.spans) >= 2  # both words highlighted
        await pilot.press("escape")
        assert not line.display
        assert article_list.pager.count == len(TITLES)
        assert article_list.current.id == before
        assert article_list.has_focus


async def test_accents_cyrillic_and_odd_input(store, make_app):
    add_articles(store, len(TITLES), titles=TITLES)
    app = make_app(store)
    async with app.run_test(size=(120, 40)) as pilot:
        article_list = app.screen.query_one(ArticleList)
        await pilot.press("slash", *"cafe")
        assert rows(article_list) == ["Café culture in Paris"]
        app.screen.query_one("#search-line", Input).value = "гагарин"
        await pilot.pause()
        assert rows(article_list) == ["Юрий Гагарин and the first flight"]
        status = app.screen.query_one("#status-line")
        for odd in ['"unbalanced', "NEAR(a b)", "a*^", ":::", "feed:", '"', "-"]:
            shown = rows(article_list)
            app.screen.query_one("#search-line", Input).value = odd
            await pilot.pause()
            line = str(status.render())
            parsed = search_filter(odd, live=True)
            if isinstance(parsed, QueryError):  # the reason is shown and the last results stay
                assert parsed.message in line, (odd, line)
                assert rows(article_list) == shown, odd
            else:  # searched as words: the count and the query are shown, and every row listed
                count = article_list.pager.count
                assert f"{count} match" in line and f"Search: {odd.strip()}" in line, (odd, line)
                assert len(rows(article_list)) == count, odd
        await pilot.press("escape")
        assert article_list.pager.count == len(TITLES)


async def test_enter_keeps_results_then_escape_returns(store, make_app):
    add_articles(store, len(TITLES), titles=TITLES)
    app = make_app(store)
    async with app.run_test(size=(120, 40)) as pilot:
        article_list = app.screen.query_one(ArticleList)
        await pilot.press("slash", *"gagarin", "enter")
        assert article_list.has_focus
        assert rows(article_list) == ["Gagarin remembered"]
        assert "Search: gagarin" in article_list.border_title
        await pilot.press("escape")
        assert article_list.pager.count == len(TITLES)


async def test_save_a_view_and_open_it_with_one_key(store, make_app):
    add_articles(store, len(TITLES), titles=TITLES)
    app = make_app(store, Settings(views={"Markets": "markets"}))
    async with app.run_test(size=(120, 40)) as pilot:
        article_list = app.screen.query_one(ArticleList)
        await pilot.press("slash", *"roscosmos", "enter", "S")
        assert isinstance(app.screen, NameViewDialog)
        await pilot.press(*"space agency", "enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        with closing(store.connect()) as conn:
            saved = {v.name: v for v in list_views(conn, {"Markets": "markets"})}
        assert saved["space agency"].query == "roscosmos" and saved["space agency"].total == 2
        await pilot.press("escape")
        assert article_list.pager.count == len(TITLES)
        await pilot.press("v")
        assert isinstance(app.screen, ViewsScreen)
        names = [v.name for v in app.screen.views]
        assert set(names) == {"space agency", "Markets"}
        await pilot.press(str(names.index("space agency") + 1))
        assert article_list.pager.count == 2
        assert article_list.border_title.startswith("View: space agency")
        await pilot.press("escape")
        await pilot.press(str(names.index("Markets") + 1))  # straight from the main screen
        assert rows(article_list) == ["Markets rally"]


async def test_s_cycles_sort_orders(store, make_app):
    add_articles(store, len(TITLES), titles=TITLES)
    app = make_app(store)
    async with app.run_test(size=(120, 40)) as pilot:
        article_list = app.screen.query_one(ArticleList)
        await pilot.press("s")
        assert "by feed" in article_list.border_title
        await pilot.press("s")
        assert "by title" in article_list.border_title
        titles = rows(article_list)
        assert titles == sorted(titles, key=str.casefold) or titles == sorted(titles)
        await pilot.press("s", "s")
        assert "by" not in article_list.border_title  # back to date
