"""Mark all read, its undo, and unread only, driven through Pilot on a real cache."""

from __future__ import annotations

from contextlib import closing

from rich.text import Text
from textual.widgets import Static

from spacereader.models import ArticleFilter
from spacereader.store import Store
from spacereader.store.articles import count_articles, set_read
from spacereader.ui.dialogs.confirm import ConfirmDialog
from spacereader.ui.widgets.article_list import ArticleList
from spacereader.ui.widgets.status_line import StatusLine
from tests.conftest import add_articles


async def settle(app, pilot) -> None:
    await pilot.pause(0.12)
    app.writer.flush()
    await pilot.pause()


def unread(store) -> set[int]:
    with closing(store.connect()) as conn:
        return {row[0] for row in conn.execute("SELECT id FROM article_state WHERE is_read = 0")}


def question(app) -> str:
    assert isinstance(app.screen, ConfirmDialog)
    first = app.screen.query(Static).first()
    rendered = first.render()
    return rendered.plain if isinstance(rendered, Text) else str(rendered)


async def test_confirmation_gives_the_count_and_new_arrivals_stay_unread(store, make_app):
    ids = add_articles(store, 6)
    with closing(store.connect()) as conn:
        set_read(conn, ids[0], True)
    app = make_app(store)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        # arrives after the list was shown (a refresh in another process): not in the count, not marked
        late = add_articles(store, 2, feed_url="http://127.0.0.1/late.xml", feed_title="Late")
        await pilot.press("A")
        assert question(app) == "Mark 5 articles read in all articles?"
        await pilot.press("y")
        await settle(app, pilot)
        assert unread(store) == set(late)
        assert any(n.message == "Marked 5 articles read in all articles (u undoes)" for n in app._notifications)


async def test_no_cancels_and_nothing_changes(store, make_app):
    ids = add_articles(store, 3)
    app = make_app(store)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("A")
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("n")
        await settle(app, pilot)
        assert not isinstance(app.screen, ConfirmDialog)
        assert unread(store) == set(ids)


async def test_u_undoes_exactly_what_was_marked(store, make_app):
    ids = add_articles(store, 5)
    with closing(store.connect()) as conn:
        set_read(conn, ids[3], True)
    app = make_app(store)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("A", "y")
        await settle(app, pilot)
        assert unread(store) == set()
        assert app.screen.query_one(StatusLine).counts == ("5 articles", "0 unread")
        await pilot.press("u")
        await settle(app, pilot)
        assert unread(store) == set(ids) - {ids[3]}  # the one read before stays read
        assert app.screen.query_one(StatusLine).counts == ("5 articles", "4 unread")
        assert app.screen.query_one(ArticleList).pager.row(0).read is False
        await pilot.press("u")  # nothing left to undo: nothing changes
        await settle(app, pilot)
        assert unread(store) == set(ids) - {ids[3]}


async def test_a_second_press_right_after_undoes(store, make_app):
    ids = add_articles(store, 4)
    app = make_app(store)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("A", "y")
        await settle(app, pilot)
        assert unread(store) == set()
        await pilot.press("A")
        await settle(app, pilot)
        assert not isinstance(app.screen, ConfirmDialog)
        assert unread(store) == set(ids)


async def test_marks_only_the_feed_shown(store, make_app):
    add_articles(store, 3)
    other = add_articles(store, 2, feed_url="http://127.0.0.1/two.xml", feed_title="Two")
    app = make_app(store)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("f")
        await settle(app, pilot)
        # the feeds table lists feeds by name: "Test Feed" then "Two"
        await pilot.press("down", "enter")
        await settle(app, pilot)
        assert app.screen.query_one(ArticleList).pager.count == 2
        await pilot.press("A")
        assert question(app) == "Mark 2 articles read in Two?"
        await pilot.press("y")
        await settle(app, pilot)
        assert unread(store) & set(other) == set()
        assert len(unread(store)) == 3


async def test_unread_only_hides_read_keeps_just_read_and_is_remembered(store, make_app, tmp_path):
    ids = add_articles(store, 6)
    with closing(store.connect()) as conn:
        for n in (1, 4):
            set_read(conn, ids[n], True)
    app = make_app(store)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        article_list = app.screen.query_one(ArticleList)
        await pilot.press("U")
        await settle(app, pilot)
        assert article_list.pager.count == 4
        assert "unread only" in article_list.border_title
        assert "unread only" in app.screen.query_one(StatusLine).title
        assert article_list.current.id == ids[0]
        await pilot.press("enter")  # read now, but it stays listed while the list is shown
        await settle(app, pilot)
        assert article_list.pager.count == 4 and article_list.current.id == ids[0]
        assert app.screen.query_one(StatusLine).counts == ("4 articles", "3 unread")
        await pilot.press("n")
        assert article_list.current.id == ids[2]
        await pilot.press("n")
        assert article_list.current.id == ids[3]
        await pilot.press("N", "N")
        assert article_list.current.id == ids[2]  # no earlier unread: stays
        await pilot.press("q")

    again = make_app(Store.open(tmp_path / "data"))
    async with again.run_test(size=(120, 40)) as pilot:
        await settle(again, pilot)
        article_list = again.screen.query_one(ArticleList)
        assert article_list.pager.count == 3  # remembered, and the one read last time is hidden now
        assert "unread only" in article_list.border_title
        await pilot.press("U")
        await settle(again, pilot)
        assert article_list.pager.count == 6
        assert "unread only" not in article_list.border_title
    with closing(store.connect()) as conn:
        assert count_articles(conn, ArticleFilter(unread_only=True)) == 3


async def test_mark_all_in_unread_only_empties_the_list_and_undo_brings_it_back(store, make_app):
    add_articles(store, 3)
    app = make_app(store)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("U")
        await settle(app, pilot)
        await pilot.press("A", "y")
        await settle(app, pilot)
        article_list = app.screen.query_one(ArticleList)
        assert article_list.pager.count == 0
        await pilot.press("u")
        await settle(app, pilot)
        assert article_list.pager.count == 3


async def test_the_question_names_a_hostile_feed_literally_and_cleaned(store, make_app):
    from tests.ui.test_hostile_text import BIDI, CONTROL, HOSTILE, screen_text

    add_articles(store, 2, feed_url="http://127.0.0.1/evil.xml", feed_title=f"Feed {HOSTILE}")
    app = make_app(store)
    async with app.run_test(size=(160, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("f")
        await settle(app, pilot)
        await pilot.press("enter")
        await settle(app, pilot)
        await pilot.press("A")
        await pilot.pause()
        text = question(app)
        assert text.startswith("Mark 2 articles read in Feed [b]X[/b] [@click=app.quit]Y[/]")
        assert CONTROL.search(text) is None and BIDI.search(text) is None
        drawn = screen_text(app.screen)
        assert "[b]X[/b]" in drawn and CONTROL.search(drawn) is None and BIDI.search(drawn) is None
        await pilot.press("y")
        await settle(app, pilot)
        assert unread(store) == set()
