"""What the reader does to draw its first screen sooner, and that it undoes it once the screen is drawn."""

from __future__ import annotations

import gc

import pytest

from spacereader.ui import collector
from spacereader.ui.widgets.article_list import ArticleList
from spacereader.ui.widgets.entity_sidebar import EntitySidebar
from spacereader.ui.widgets.search_bar import SearchBar


@pytest.fixture
def collector_restored():
    """Leave the interpreter's collector as the test found it, whatever the test did."""
    yield
    collector.resume()
    gc.unfreeze()
    gc.enable()


async def test_garbage_collection_resumes_after_the_first_frame(seeded_store, make_app, collector_restored):
    collector.hold()
    assert not gc.isenabled()
    app = make_app(seeded_store)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert app.screen.query_one(ArticleList).pager.count == 1
        assert gc.isenabled()
        assert gc.get_freeze_count() > 0  # start-up's objects are left out of later collections


def test_resume_leaves_a_collector_it_did_not_stop_alone(collector_restored):
    gc.disable()
    collector.hold()  # already off: not ours to turn back on
    collector.resume()
    assert not gc.isenabled()
    gc.enable()
    collector.resume()
    assert gc.get_freeze_count() == 0


async def test_the_search_line_and_the_entity_detail_are_built_on_first_use(seeded_store, make_app):
    app = make_app(seeded_store)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        sidebar = app.screen.query_one(EntitySidebar)
        assert not app.screen.query(SearchBar) and sidebar.detail is None
        await pilot.press("slash")
        await pilot.pause()
        assert app.screen.query_one(SearchBar).has_focus
        await pilot.press("escape")
        await pilot.pause()
        assert not app.screen.query_one(SearchBar).display  # kept, hidden, for the next search
