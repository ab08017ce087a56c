"""Layouts for every width: three panes from 100 columns, list over article below, and the keys that change them."""

from __future__ import annotations

from textual.widgets import OptionList

from spacereader.config import Settings
from spacereader.ui.widgets.article_list import ArticleList
from spacereader.ui.widgets.entity_sidebar import EntitySidebar
from spacereader.ui.widgets.panes import MIN_LIST_COLUMNS, remembered_sizes, sizes_to_remember
from spacereader.ui.widgets.reading_pane import ReadingPane
from tests.conftest import add_articles
from tests.ui.conftest import FakeExtractor

NAMES = {"Ada Lovelace": "PERSON", "Analytical Engine Society": "ORG"}


async def settle(app, pilot) -> None:
    await app.workers.wait_for_complete()
    await pilot.pause(0.1)
    await pilot.pause()


def parts(app):
    screen = app.screen
    return (
        screen.query_one("#list-column"),
        screen.query_one(ReadingPane),
        screen.query_one(EntitySidebar),
    )


def shown(widget) -> bool:
    """Displayed on screen: itself and every ancestor displayed, with a non-empty region."""
    return all(node.display for node in widget.ancestors_with_self if hasattr(node, "display")) and bool(
        widget.region.area
    )


def make(store, make_app, settings: Settings | None = None):
    add_articles(store, 12, titles=[f"Ada Lovelace and the engine, part {n}" for n in range(12)])
    return make_app(store, settings, extractor=FakeExtractor(NAMES))


async def test_from_100_columns_three_panes_with_the_article_widest(store, make_app):
    app = make(store, make_app)
    for size in ((100, 30), (120, 40), (200, 50)):
        async with app.run_test(size=size) as pilot:
            await settle(app, pilot)
            assert app.screen.has_class("-wide")
            column, pane, sidebar = parts(app)
            assert all(shown(w) for w in (column, pane, sidebar)), size
            assert column.region.x < pane.region.x < sidebar.region.x
            assert pane.region.width > column.region.width, size
        app = make_app(store, extractor=FakeExtractor(NAMES))


async def test_below_100_columns_the_list_sits_over_the_article_and_the_sidebar_hides(store, make_app):
    app = make(store, make_app)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        assert app.screen.has_class("-narrow")
        column, pane, sidebar = parts(app)
        assert shown(column) and shown(pane) and not shown(sidebar)
        assert column.region.bottom <= pane.region.y
        assert column.region.width == pane.region.width == 80


async def test_enter_gives_the_article_the_screen_and_escape_returns_to_the_list(store, make_app):
    app = make(store, make_app)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        column, pane, _ = parts(app)
        article_list = app.screen.query_one(ArticleList)
        await pilot.press("j", "enter")
        await settle(app, pilot)
        assert not shown(column)
        assert pane.has_focus
        assert pane.region.height >= 20  # the whole screen but the status line and footer
        assert pane.article_id == article_list.current.id
        assert pane.border_subtitle == "escape: back to the list"
        await pilot.press("space")  # the keys of the reading view still work
        await pilot.press("b")
        await settle(app, pilot)
        assert article_list.current.bookmarked and article_list.current.read
        await pilot.press("escape")
        await settle(app, pilot)
        assert shown(column) and article_list.has_focus and not pane.border_subtitle
        assert article_list.cursor == 1
        await pilot.press("enter", "slash")  # searching from the article shows the list again
        await settle(app, pilot)
        assert shown(column)


async def test_enter_keeps_three_panes_on_a_wide_screen(store, make_app):
    app = make(store, make_app)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("enter")
        await settle(app, pilot)
        column, pane, sidebar = parts(app)
        assert shown(column) and shown(pane) and shown(sidebar)
        assert app.screen.query_one(ArticleList).has_focus


async def test_e_shows_the_entities_over_the_article_and_escape_hides_them(store, make_app):
    app = make(store, make_app)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        _, pane, sidebar = parts(app)
        await pilot.press("enter", "e")
        await settle(app, pilot)
        assert shown(sidebar)
        assert sidebar.region.right == pane.region.right  # over the article's right side, not beside it
        options = sidebar.query_one("#entity-options", OptionList)
        assert options.has_focus
        prompts = [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]
        assert " Ada Lovelace (1)" in prompts
        await pilot.press("escape")
        await settle(app, pilot)
        assert not shown(sidebar)
        assert pane.has_focus  # back to the article that was being read
        await pilot.press("e")
        await settle(app, pilot)
        await pilot.press("e")
        await settle(app, pilot)
        assert not shown(sidebar) and pane.has_focus


async def test_choosing_an_entity_from_the_overlay_shows_its_articles(store, make_app):
    app = make(store, make_app)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        column, _, sidebar = parts(app)
        await pilot.press("enter", "e")
        await settle(app, pilot)
        await pilot.press("down", "enter")
        await settle(app, pilot)
        article_list = app.screen.query_one(ArticleList)
        assert not shown(sidebar) and shown(column) and article_list.has_focus
        assert article_list.border_title == "Articles naming Ada Lovelace"


async def test_e_hides_and_shows_the_sidebar_on_a_wide_screen(store, make_app):
    app = make(store, make_app)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        column, pane, sidebar = parts(app)
        width = pane.region.width
        await pilot.press("e")
        await settle(app, pilot)
        assert not shown(sidebar) and pane.region.width > width and pane.region.right == 120
        await pilot.press("e")
        await settle(app, pilot)
        assert shown(sidebar) and pane.region.width == width


async def test_brackets_narrow_and_widen_the_list_within_limits(store, make_app):
    app = make(store, make_app)
    async with app.run_test(size=(160, 40)) as pilot:
        await settle(app, pilot)
        column, pane, _ = parts(app)
        start = column.region.width
        await pilot.press("right_square_bracket")
        await settle(app, pilot)
        assert column.region.width == start + 8  # 5 % of 160
        for _ in range(12):
            await pilot.press("right_square_bracket")
        await settle(app, pilot)
        assert column.region.width <= pane.region.width  # never wider than the article
        assert any("as large as it goes" in n.message for n in app._notifications)
        for _ in range(20):
            await pilot.press("left_square_bracket")
        await settle(app, pilot)
        assert column.region.width == MIN_LIST_COLUMNS
        assert any("as small as it goes" in n.message for n in app._notifications)


async def test_brackets_change_the_list_height_on_a_narrow_screen(store, make_app):
    app = make(store, make_app)
    async with app.run_test(size=(80, 40)) as pilot:
        await settle(app, pilot)
        column, pane, _ = parts(app)
        start = column.region.height
        await pilot.press("right_square_bracket")
        await settle(app, pilot)
        assert column.region.height > start
        for _ in range(20):
            await pilot.press("left_square_bracket")
        await settle(app, pilot)
        assert 5 <= column.region.height < start and pane.region.height > 20


async def test_list_width_setting_sizes_the_list(store, make_app):
    app = make(store, make_app, Settings(list_width=50))
    async with app.run_test(size=(200, 50)) as pilot:
        await settle(app, pilot)
        column, pane, _ = parts(app)
        assert column.region.width == 86  # half the room beside the sidebar, not 50 % of 200
        assert pane.region.width == column.region.width


async def test_layout_setting_fixes_the_arrangement_at_any_width(store, make_app):
    app = make(store, make_app, Settings(layout="narrow"))
    async with app.run_test(size=(200, 50)) as pilot:
        await settle(app, pilot)
        assert app.screen.has_class("-narrow")
        column, pane, sidebar = parts(app)
        assert column.region.bottom <= pane.region.y and not shown(sidebar)
    app = make_app(store, Settings(layout="wide"), extractor=FakeExtractor(NAMES))
    async with app.run_test(size=(90, 30)) as pilot:
        await settle(app, pilot)
        assert app.screen.has_class("-wide")
        column, pane, sidebar = parts(app)
        assert all(shown(w) for w in (column, pane, sidebar))


async def test_the_article_keeps_a_readable_measure_on_a_wide_screen(store, make_app):
    app = make(store, make_app)
    async with app.run_test(size=(200, 50)) as pilot:
        await settle(app, pilot)
        await pilot.press("e")  # the widest reading pane there is
        await settle(app, pilot)
        pane = app.screen.query_one(ReadingPane)
        body = pane.query_one("#body")
        assert pane.region.width > 120
        assert body.region.width <= 90


async def test_nothing_is_cut_off_at_60_by_20(store, make_app):
    app = make(store, make_app)
    async with app.run_test(size=(60, 20)) as pilot:
        await settle(app, pilot)
        screen = app.screen
        for widget in screen.query("*"):
            if shown(widget):
                assert widget.region.right <= 60 and widget.region.bottom <= 20, widget
        article_list = screen.query_one(ArticleList)
        first = "".join(segment.text for segment in article_list.render_line(0))
        assert "Ada Lovelace and the" in first and first.rstrip().endswith("Jan 28")
        column, pane, _ = parts(app)
        assert column.region.height >= 5 and pane.region.height >= 6
        await pilot.press("enter")
        await settle(app, pilot)
        assert pane.region.width == 60 and pane.has_focus


async def test_j_and_k_scroll_the_article_on_the_whole_screen(seeded_store, make_app):
    app = make_app(seeded_store)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        pane = app.screen.query_one(ReadingPane)
        await pilot.press("enter", "j", "j", "j")
        await settle(app, pilot)
        assert pane.scroll_y == 3 and app.screen.query_one(ArticleList).cursor == 0
        await pilot.press("k")
        await settle(app, pilot)
        assert pane.scroll_y == 2


async def test_n_opens_the_next_unread_article_without_leaving_the_article_view(store, make_app):
    app = make(store, make_app)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        column, pane, _ = parts(app)
        article_list = app.screen.query_one(ArticleList)
        await pilot.press("j", "j", "m", "g")  # the third is read already: n passes over it
        await pilot.press("enter", "n")
        await settle(app, pilot)
        assert not shown(column) and pane.has_focus
        assert article_list.cursor == 1 and pane.article_id == article_list.current.id
        await pilot.press("n")
        await settle(app, pilot)
        assert article_list.cursor == 3 and pane.article_id == article_list.current.id
        assert [article_list.pager.row(i).read for i in range(4)] == [True, True, True, True]
        await pilot.press("N", "N")
        await settle(app, pilot)
        assert article_list.cursor == 3  # nothing unread before: it stays, with a note
        assert any("No earlier unread" in n.message for n in app._notifications)


async def test_the_search_line_does_not_take_rows_from_the_results_on_a_narrow_screen(store, make_app):
    app = make(store, make_app)
    async with app.run_test(size=(60, 20)) as pilot:
        await settle(app, pilot)
        article_list = app.screen.query_one(ArticleList)
        rows = article_list.region.height
        await pilot.press("slash", *"engine")
        await settle(app, pilot)
        assert article_list.region.height == rows
        assert app.screen.query_one(ReadingPane).region.height >= 6
        await pilot.press("enter")
        await settle(app, pilot)
        assert article_list.region.height == rows and article_list.has_focus


async def test_bracket_sizes_are_remembered_until_list_width_is_edited(store, make_app):
    app = make(store, make_app)
    async with app.run_test(size=(160, 40)) as pilot:
        await settle(app, pilot)
        start = parts(app)[0].region.width
        await pilot.press("right_square_bracket", "right_square_bracket")
        await settle(app, pilot)
        wider = parts(app)[0].region.width
        assert wider == start + 16
        await pilot.press("q")

    again = make_app(store, None, extractor=FakeExtractor(NAMES))
    async with again.run_test(size=(160, 40)) as pilot:
        await settle(again, pilot)
        assert parts(again)[0].region.width == wider  # kept between starts
    narrow = make_app(store, None, extractor=FakeExtractor(NAMES))
    async with narrow.run_test(size=(80, 40)) as pilot:
        await settle(narrow, pilot)
        assert parts(narrow)[0].region.height == 15  # its height was never changed: 40 % of the panes' 38 rows

    edited = make_app(store, Settings(list_width=50), extractor=FakeExtractor(NAMES))
    async with edited.run_test(size=(200, 50)) as pilot:
        await settle(edited, pilot)
        assert parts(edited)[0].region.width == 86  # the edited setting wins over the old resize


def test_remembered_sizes_ignore_junk_and_clamp():
    assert remembered_sizes("", 30) is None
    assert remembered_sizes("40,x,30", 30) is None
    assert remembered_sizes("40,50", 30) is None
    assert remembered_sizes("40,50,25", 30) is None  # kept from another list_width
    assert remembered_sizes("99,1,30", 30) == (60, 20)
    assert remembered_sizes(sizes_to_remember(35, 45, 30), 30) == (35, 45)
