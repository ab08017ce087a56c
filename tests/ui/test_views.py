"""Narrowing the list (a feed, an entity) and going back with escape."""

from __future__ import annotations

from spacereader.ui.screens.feeds import FeedsScreen
from spacereader.ui.widgets.article_list import ArticleList
from tests.conftest import add_articles


async def test_feeds_view_narrows_list_and_escape_restores_selection(seeded_store, make_app):
    add_articles(seeded_store, 4, feed_url="http://127.0.0.1/a", feed_title="Alpha News")
    b_ids = add_articles(seeded_store, 3, feed_url="http://127.0.0.1/b", feed_title="Beta Daily")
    app = make_app(seeded_store)
    async with app.run_test(size=(120, 40)) as pilot:
        article_list = app.screen.query_one(ArticleList)
        assert article_list.pager.count == 8
        await pilot.press("j", "j")
        before = article_list.current.id
        await pilot.press("f")
        assert isinstance(app.screen, FeedsScreen)
        names = [f.name for f in app.screen.feeds]
        assert names[:2] == ["Alpha News", "Beta Daily"]
        assert app.screen.feeds[1].unread == 3
        await pilot.press("j", "enter")
        assert not isinstance(app.screen, FeedsScreen)
        assert article_list.pager.count == 3
        assert article_list.border_title == "Beta Daily"
        assert {article_list.pager.row(i).id for i in range(3)} == set(b_ids)
        await pilot.press("escape")
        assert article_list.pager.count == 8
        assert article_list.current.id == before
