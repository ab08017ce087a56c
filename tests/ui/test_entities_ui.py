"""The entity sidebar: the seed's entities, choosing one, and keys staying live during extraction."""

from __future__ import annotations

import threading
import time
from contextlib import closing

from textual.widgets import OptionList, Sparkline

from spacereader.config import Settings
from spacereader.ui.app import SpaceReaderApp
from spacereader.ui.widgets.article_list import ArticleList
from spacereader.ui.widgets.entity_sidebar import EntitySidebar
from spacereader.ui.widgets.reading_pane import ReadingPane
from tests.conftest import add_articles
from tests.spacy_model import loaded_extractor
from tests.ui.conftest import FakeExtractor


def option_texts(option_list: OptionList) -> list[str]:
    return [str(option_list.get_option_at_index(i).prompt) for i in range(option_list.option_count)]


async def test_seed_sidebar_lists_people_and_organisations_once_without_junk(seeded_store, make_app):
    app = make_app(seeded_store, extractor=loaded_extractor())
    async with app.run_test(size=(120, 40)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        texts = option_texts(app.screen.query_one("#entity-options", OptionList))
        groups = {}
        current = None
        for text in texts:
            if not text.startswith(" "):
                current = text
                continue
            groups.setdefault(current, []).append(text.strip().rsplit(" (", 1)[0])
        people, organisations = groups["People"], groups["Organisations"]
        for person in ("Yuliya Peresild", "Klim Shipenko", "Vladimir Putin", "Yuri Gagarin"):
            assert people.count(person) == 1, people
        for organisation in ("Roscosmos", "Blue Origin", "Pervyi Kanal"):
            assert organisation in organisations
        every = [name for names in groups.values() for name in names]
        assert len(every) == len(set(every))
        for junk in ("After", "GMT", "The Challenge", "Challenge", "Putin", "Shipenko"):
            assert junk not in every
        assert "spaCy" in str(app.screen.query_one("#status-line").render())


async def test_choosing_an_entity_lists_exactly_its_articles_and_escape_restores(store, make_app):
    titles = ["Ada Lovelace speaks", "Weather report", "Markets today", "Ada Lovelace again", "Sports"]
    ids = add_articles(store, 5, titles=titles)
    extractor = FakeExtractor({"Ada Lovelace": "PERSON", "Weather": "ORG"})
    app = make_app(store, extractor=extractor)
    async with app.run_test(size=(120, 40)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.press("j", "j")
        await pilot.pause(0.1)
        await app.workers.wait_for_complete()
        article_list = app.screen.query_one(ArticleList)
        before = article_list.current.id
        article_list.move_to(0)
        await pilot.pause(0.1)
        await app.workers.wait_for_complete()
        await pilot.pause()
        options = app.screen.query_one("#entity-options", OptionList)
        assert option_texts(options) == ["People", " Ada Lovelace (1)"]
        options.focus()
        options.highlighted = 1
        await pilot.press("enter")
        await pilot.pause()
        assert article_list.pager.count == 2
        assert {article_list.pager.row(i).id for i in range(2)} == {ids[0], ids[3]}
        assert article_list.border_title == "Articles naming Ada Lovelace"
        assert article_list.has_focus
        sidebar = app.screen.query_one(EntitySidebar)
        assert sidebar.query_one("#entity-detail").display
        assert sum(sidebar.query_one(Sparkline).data) == 2
        headline = app.screen.query_one(ReadingPane).query_one("#headline").render()
        assert any(span.end - span.start == len("Ada Lovelace") for span in headline.spans)  # highlighted

        article_list.move_to(1)  # browse within the mentions, then go back
        await pilot.press("escape")
        assert article_list.pager.count == 5
        assert article_list.current.id == ids[0]
        assert not sidebar.query_one("#entity-detail").display
        article_list.move_to(2)
        assert article_list.current.id == before


class GatedExtractor(FakeExtractor):
    """Holds every extraction until the test opens the gate, like a model busy for as long as it takes."""

    def __init__(self) -> None:
        super().__init__({"Article": "ORG"})
        self.calls = 0
        self.lock = threading.Lock()
        self.gate = threading.Event()

    def extract(self, text):
        with self.lock:
            self.calls += 1
        self.gate.wait(timeout=30)
        return super().extract(text)


async def test_keys_work_while_extraction_runs(store, make_app):
    add_articles(store, 60)
    extractor = GatedExtractor()
    app = make_app(store, extractor=extractor)
    async with app.run_test(size=(120, 40)) as pilot:
        try:
            await pilot.pause(0.2)
            article_list = app.screen.query_one(ArticleList)
            await pilot.press(*["j"] * 10)
            assert article_list.cursor == 10
            await pilot.press("b")
            assert article_list.current.bookmarked
            running = [w for w in app.workers if w.group == "entities-backlog" and w.is_running]
            assert running, "the backlog is held at its first article while the keys are answered"
            # Held at the gate: the backlog's first article, plus each article shown asking ahead of it.
            assert 1 <= extractor.calls <= 1 + 11
            assert "finding entities" in str(app.screen.query_one("#status-line").render())
        finally:
            extractor.gate.set()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert extractor.calls >= 60


async def test_real_model_runs_in_its_own_process_and_fills_the_sidebar(seeded_store, make_app):
    from spacereader.entities.extract import SpacyExtractor
    from spacereader.entities.service import ExtractionService

    extractor = SpacyExtractor()  # only names the model here: it is loaded in the child process
    service = ExtractionService(seeded_store.path, extractor.name)
    app = SpaceReaderApp(seeded_store, Settings(), extractor=extractor, extraction_service=service)
    async with app.run_test(size=(120, 40)) as pilot:
        options = app.screen.query_one("#entity-options", OptionList)
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and " Yuliya Peresild (1)" not in option_texts(options):
            await pilot.pause(0.1)
        assert " Yuliya Peresild (1)" in option_texts(options)
        assert extractor._nlp is None  # the reader process never loaded the model
        await pilot.press("j", "k")  # keys still answered
        assert app.is_running
    assert not service.alive


async def test_the_entity_panel_is_ready_before_a_name_is_chosen_and_shows_in_the_same_frame(store, make_app):
    """Built hidden soon after start, so choosing a name swaps the sidebar without mounting anything."""
    from spacereader.ui.widgets.entity_sidebar import DETAIL_DELAY

    add_articles(store, 3, titles=["Ada Lovelace speaks", "Weather report", "Ada Lovelace again"])
    app = make_app(store, extractor=FakeExtractor({"Ada Lovelace": "PERSON"}))
    async with app.run_test(size=(120, 40)) as pilot:
        await app.workers.wait_for_complete()
        sidebar = app.screen.query_one(EntitySidebar)
        assert sidebar.detail is None  # nothing of it before the first screen
        await pilot.pause(DETAIL_DELAY + 0.3)
        detail = sidebar.detail
        assert detail is not None and detail.is_mounted and not detail.display
        assert sidebar.query_one("#entity-options").display  # the article's names are what shows
        options = sidebar.query_one("#entity-options", OptionList)
        options.focus()
        options.highlighted = 1
        await pilot.press("enter")
        assert sidebar.detail is detail and detail.display  # the same widgets, no mount and no pause
        assert "named in 2 articles" in str(sidebar.query_one("#entity-detail-title").render())
        assert not sidebar.query_one("#entity-options").display


async def test_the_open_article_keeps_its_place_when_its_list_is_reloaded(store, make_app):
    """A refresh (or the list redrawn for a chosen name) shows the same article again: it stays scrolled where
    the reader is; a changed text is shown anew."""
    ids = add_articles(store, 2)
    long_body = "\n\n".join(f"Paragraph {n} of a long article about the launch." for n in range(80))
    with closing(store.connect()) as conn, conn:
        conn.execute("UPDATE articles SET body = ? WHERE id = ?", (long_body, ids[0]))
    app = make_app(store)
    async with app.run_test(size=(120, 40)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        pane = app.screen.query_one(ReadingPane)
        assert pane.article_id == ids[0]
        await pilot.press("space")  # a page down in the article
        await pilot.pause()
        place = pane.scroll_y
        assert place > 0
        app.screen.reload_view()
        await pilot.pause(0.2)
        assert pane.article_id == ids[0] and pane.scroll_y == place
        with closing(store.connect()) as conn, conn:
            conn.execute("UPDATE articles SET body = 'Rewritten.' WHERE id = ?", (ids[0],))
        app.screen.reload_view()
        await pilot.pause(0.2)
        assert "Rewritten." in str(pane.query_one("#body").render()) and pane.scroll_y == 0
