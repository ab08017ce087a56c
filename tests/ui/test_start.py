"""What the reader does to draw its first screen sooner, and that it undoes it once the screen is drawn."""

from __future__ import annotations

import gc

import pytest

from spacereader.ui import collector
from spacereader.ui.widgets.article_list import ArticleList


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
