"""The feeds, views and links tables: they fit every width from 60 columns, and stay quick with many rows."""

from __future__ import annotations

from contextlib import closing

import pytest

from spacereader.config import Settings
from spacereader.models import Subscription
from spacereader.store.feeds import add_feeds, list_feeds, record_failure
from spacereader.store.views import list_views, save_view
from spacereader.ui.screens.feeds import FeedsScreen
from spacereader.ui.screens.links import LinksScreen
from spacereader.ui.screens.table_picker import Column, fit_columns
from spacereader.ui.screens.views import ViewsScreen
from spacereader.ui.widgets.row_table import RowTable
from tests.conftest import add_articles
from tests.ui.test_layout import shown

LONG = "The Very Long Name of a Space Agency's Official Mission Updates Feed, Translated"
ERROR = "HTTP 503 Service Unavailable from the server at feeds.agency.example after 3 tries"
LINKS_BODY = (
    "Read the launch notes [1] and the press kit [2].\n\n"
    "[1] https://mission.example/2026/launch/notes/with/a/very/long/path/to/the/page.html\n"
    "[2] https://press.example/kit.html"
)


def fill(store) -> None:
    """A long feed name, a feed with a long error, saved views (one watched) and an article with links."""
    add_articles(store, 3, feed_url="http://127.0.0.1/long.xml", feed_title=LONG)
    add_articles(store, 2, feed_url="http://127.0.0.1/down.xml", feed_title="Down Feed")
    with closing(store.connect()) as conn:
        down = next(f.id for f in list_feeds(conn) if f.name == "Down Feed")
        record_failure(conn, down, ERROR)
        save_view(conn, "Launches and landings of every crewed mission", "title:launch OR title:landing is:unread")
        save_view(conn, "Part one", "paragraph")
    with closing(store.connect()) as conn, conn:
        conn.execute("UPDATE articles SET body = ? WHERE id = (SELECT max(id) FROM articles)", (LINKS_BODY,))


async def settle(app, pilot) -> None:
    await app.workers.wait_for_complete()
    await pilot.pause(0.1)
    await pilot.pause()


def headers(table: RowTable) -> list[str]:
    return [str(label) for label, _ in table.columns]


@pytest.mark.parametrize("size", [(60, 20), (80, 24), (120, 40)])
@pytest.mark.parametrize("key", ["f", "v", "L"])
async def test_each_table_fits_the_screen_with_its_important_columns(store, make_app, size, key):
    fill(store)
    app = make_app(store, Settings(views={"Config view": "engine"}, watched_views=("Config view",)))
    width, height = size
    async with app.run_test(size=size) as pilot:
        await settle(app, pilot)
        await pilot.press(key)
        await settle(app, pilot)
        screen = app.screen
        assert isinstance(screen, {"f": FeedsScreen, "v": ViewsScreen, "L": LinksScreen}[key])
        table = screen.query_one(RowTable)
        assert table.max_scroll_x == 0, (headers(table), table.virtual_size)  # nothing to scroll sideways to
        for widget in screen.query("*"):
            if shown(widget):
                assert widget.region.right <= width and widget.region.bottom <= height, widget
        important = {"f": ["Feed", "Unread", "Last error"], "v": ["#", "View", "Unread", "Watch"], "L": ["#", "Link"]}
        assert set(important[key]) <= set(headers(table)), headers(table)
        if width >= 120:
            assert len(headers(table)) == len(screen.COLUMNS)  # a wide screen keeps every column
        cells = [[str(cell) for cell in table.get_row_at(row)] for row in range(table.row_count)]
        if key == "f":
            down = next(row for row in cells if row[0] == "Down Feed")
            assert down[-1].startswith("HTTP 503") and (down[-1] == ERROR or down[-1].endswith("…"))
        if key == "v":
            assert any(row[-1] == "watched" for row in cells), cells


async def test_the_highlighted_feeds_error_is_shown_whole_below_the_table(store, make_app):
    fill(store)
    app = make_app(store)
    async with app.run_test(size=(60, 20)) as pilot:
        await pilot.press("f")
        await settle(app, pilot)
        screen = app.screen
        detail = screen.query_one("#feeds-detail")
        assert [feed.name for feed in screen.feeds[:2]] == ["Down Feed", LONG]
        assert shown(detail) and f"Down Feed: {ERROR}" in str(detail.render())
        assert detail.region.right <= 60
        await pilot.press("j")
        await settle(app, pilot)
        assert not shown(detail)  # this feed has no error
        await pilot.press("k")
        await settle(app, pilot)
        assert shown(detail) and f"Down Feed: {ERROR}" in str(detail.render())
        assert detail.region.right <= 60


async def test_the_table_refits_when_the_terminal_is_resized(store, make_app):
    fill(store)
    app = make_app(store)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("f", "j")
        await settle(app, pilot)
        table = app.screen.query_one(RowTable)
        assert "Last success" in headers(table)
        await pilot.resize_terminal(60, 20)
        await settle(app, pilot)
        assert "Last success" not in headers(table) and table.max_scroll_x == 0
        assert table.cursor_row == 1  # the highlighted feed stays highlighted


def test_columns_are_dropped_least_important_first_and_the_rest_share_the_room():
    columns = [Column("name", 10, share=1, most=30), Column("n", 4), Column("extra", 8, drop=1)]
    assert fit_columns(columns, 60) == [(0, 30), (1, 4), (2, 8)]  # the name is capped; room left over
    assert fit_columns(columns, 28) == [(0, 10), (1, 4), (2, 8)]
    assert fit_columns(columns, 27) == [(0, 19), (1, 4)]  # extra goes; the name takes its room
    two = [Column("a", 4, share=2, most=100), Column("b", 4, share=1, most=100)]
    assert fit_columns(two, 8 + 4 + 30) == [(0, 24), (1, 14)]


async def test_the_views_list_shows_before_its_counts_and_a_worker_fills_them(store, make_app):
    fill(store)
    app = make_app(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("v")
        await settle(app, pilot)
        screen = app.screen
        assert isinstance(screen, ViewsScreen)
        table = screen.query_one(RowTable)
        screen.reload()  # no await before the checks: the worker's counts cannot have arrived yet
        title = str(screen.query_one("#views-title").render())
        assert "counting…" in title
        assert [str(table.get_row_at(n)[2]) for n in range(table.row_count)] == ["…", "…"]
        await settle(app, pilot)
        with closing(store.connect()) as conn:
            want = {v.name: (v.unread, v.total) for v in list_views(conn)}
        rows = [table.get_row_at(n) for n in range(table.row_count)]
        got = {view.name: (int(str(r[2])), int(str(r[3]))) for view, r in zip(screen.views, rows, strict=True)}
        assert got == want and want["Part one"] == (4, 4) and screen.views[1].total == 4  # one body is the links one
        assert "counting" not in str(screen.query_one("#views-title").render())


async def test_the_views_counts_are_kept_for_the_next_look_until_the_cache_changes(store, make_app):
    from spacereader.store.views import change_marks

    fill(store)
    app = make_app(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await pilot.press("v")
        await settle(app, pilot)
        first = [(view.unread, view.total) for view in app.screen.views]
        await pilot.press("escape", "v")
        screen = app.screen
        assert isinstance(screen, ViewsScreen)
        with closing(store.connect()) as conn:
            marks = change_marks(conn)
        assert [app.view_counts.known(view, marks) for view in screen.views] == first  # no counting needed
        await settle(app, pilot)
        assert [(view.unread, view.total) for view in screen.views] == first
        await pilot.press("escape", "enter")  # opens (and marks read) the newest article, the links one
        await settle(app, pilot)
        await pilot.press("v")
        await settle(app, pilot)
        with closing(store.connect()) as conn:
            want = [(v.unread, v.total) for v in list_views(conn)]
        assert [(view.unread, view.total) for view in app.screen.views] == want
        assert want[1] == (first[1][0] - 1, first[1][1])  # "Part one" matches the links article: one unread fewer


async def test_two_thousand_feeds_make_only_the_rows_in_view(store, make_app):
    with closing(store.connect()) as conn:
        add_feeds(conn, [Subscription(f"http://127.0.0.1/{n}.xml", f"Feed {n:04}") for n in range(2000)])
    app = make_app(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f")
        await settle(app, pilot)
        screen = app.screen
        assert isinstance(screen, FeedsScreen)
        made: list[int] = []
        cells = screen.cells
        screen.cells = lambda feed: (made.append(feed.id), cells(feed))[1]  # type: ignore[method-assign]
        screen.reload()
        await settle(app, pilot)
        table = screen.query_one(RowTable)
        assert table.row_count == len(screen.feeds) == 2000
        assert str(screen.query_one("#feeds-title").render()).startswith("Feeds (2000)")
        in_view = table.scrollable_content_region.height - 1  # under the header
        assert 0 < len(set(made)) <= in_view, len(set(made))
        assert str(table.get_row_at(1999)[0]) == screen.feeds[1999].name  # any row, on demand
        screen.reload(cursor=1500)  # a row further down (after `t` on it) is highlighted and in view at once
        await settle(app, pilot)
        assert table.cursor_row == 1500 and screen.current_item() == screen.feeds[1500]
        await pilot.press("j", "pagedown")
        await settle(app, pilot)
        assert screen.current_item() == screen.feeds[1501 + in_view]
        await pilot.press("ctrl+end")
        await settle(app, pilot)
        assert screen.current_item() == screen.feeds[1999]
        assert len(set(made)) <= 5 * in_view  # the four screenfuls shown (and row 1999 asked for), not 2,000 rows


async def test_the_feeds_table_answers_keys_and_the_mouse(store, make_app):
    """Arrows, pages, ctrl+end and ctrl+home move the cursor; a click highlights a row, a click on the
    highlighted row (or enter) chooses it; the mouse's row is marked while it moves over the table."""
    with closing(store.connect()) as conn:
        add_feeds(conn, [Subscription(f"http://127.0.0.1/{n}.xml", f"Feed {n:04}") for n in range(100)])
    app = make_app(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f")
        await settle(app, pilot)
        screen = app.screen
        table = screen.query_one(RowTable)
        page = table.scrollable_content_region.height - 1
        await pilot.press("down", "down", "up")
        assert table.cursor_row == 1
        await pilot.press("pagedown")
        assert table.cursor_row == 1 + page and table.scroll_y == page
        await pilot.press("pageup")
        assert table.cursor_row == 1 and table.scroll_y == 0
        await pilot.press("ctrl+end")
        await pilot.pause()
        assert table.cursor_row == 99 and table.scroll_y == table.max_scroll_y > 0
        await pilot.press("ctrl+home")
        await pilot.pause()
        assert table.cursor_row == 0 and table.scroll_y == 0
        await pilot.hover(table, offset=(5, 3))  # under the header: rows 0, 1, 2, so row 2 under the mouse
        assert table._hover_row == 2
        await pilot.click(table, offset=(5, 3))
        await pilot.pause()
        assert table.cursor_row == 2 and app.screen is screen  # highlighted, not yet chosen
        await pilot.click(table, offset=(5, 0))  # the header chooses nothing
        assert table.cursor_row == 2 and app.screen is screen
        await pilot.click(table, offset=(5, 3))
        await settle(app, pilot)
        assert app.screen is not screen
        assert app.screen.query_one("#article-list").border_title == screen.feeds[2].name


@pytest.mark.parametrize(
    ("keys", "dialog"),
    [
        (["question_mark"], "HelpScreen"),
        (["a"], "AddFeedDialog"),
        (["A"], "ConfirmDialog"),
        (["slash", *"engine", "enter", "S"], "NameViewDialog"),
        (["f", "d"], "ConfirmDialog"),
        (["f", "j", "d"], "ConfirmDialog"),
    ],
)
async def test_every_dialog_fits_60_by_20(store, make_app, keys, dialog):
    fill(store)
    app = make_app(store)
    async with app.run_test(size=(60, 20)) as pilot:
        await settle(app, pilot)
        await pilot.press(*keys)
        await settle(app, pilot)
        assert type(app.screen).__name__ == dialog
        for widget in app.screen.query("*"):
            if shown(widget):
                scrolled = any(getattr(a, "max_scroll_y", 0) for a in widget.ancestors)  # help scrolls down
                assert widget.region.right <= 60 and (scrolled or widget.region.bottom <= 20), widget
                assert widget.max_scroll_x == 0, widget  # nothing hidden off to the right


async def test_a_later_launch_shows_the_views_counts_kept_in_the_cache_without_counting(store, make_app, monkeypatch):
    import spacereader.store.views as views_module
    from spacereader.store.articles import set_read

    fill(store)
    real = views_module.count_view
    counted: list[str] = []

    def counting(conn, view, **kwargs):
        counted.append(view.name)
        return real(conn, view, **kwargs)

    monkeypatch.setattr(views_module, "count_view", counting)

    async def look() -> list[tuple[int, int]]:
        """One launch: the views screen's counts once every one is in."""
        app = make_app(store)
        async with app.run_test(size=(80, 24)) as pilot:
            await settle(app, pilot)
            await pilot.press("v")
            await settle(app, pilot)
            screen = app.screen
            assert isinstance(screen, ViewsScreen) and not screen.counting
            return [(view.unread, view.total) for view in screen.views]

    first = await look()
    assert sorted(counted) == ["Launches and landings of every crewed mission", "Part one"]
    counted.clear()
    assert await look() == first and counted == []  # the store was not asked
    with closing(store.connect()) as conn:
        set_read(conn, min(a for (a,) in conn.execute("SELECT id FROM articles")), True)
        want = [(v.unread, v.total) for v in list_views(conn)]
    counted.clear()
    assert await look() == want != first and len(counted) == 2  # the cache changed: counted again
