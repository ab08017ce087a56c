"""The main screen's entity work: extraction of the open article and of the backlog, off the UI thread.

A mixin so `main.py` stays a router; workers here only call the entities core and post results.
"""

from __future__ import annotations

from contextlib import closing

from textual import work
from textual.worker import get_current_worker

from spacereader.entities.backlog import extract_backlog, load_or_extract_entities
from spacereader.entities.extract import ExtractorError, describe_extractor, extractor_label, warm_up
from spacereader.store import entities as store_entities
from spacereader.ui.messages import ArticleExtracted, EntitiesFound, ExtractionFailed, ExtractionProgress
from spacereader.ui.widgets.entity_sidebar import EntitySidebar


class EntityControl:
    """Entities for the sidebar, for MainScreen."""

    _extraction = "finding entities…"

    def start_extraction(self) -> None:
        """Start extraction, or tell it new articles arrived.

        With an extraction process (the real model) the reader only relays its reports; otherwise
        (a light extractor) a thread worker runs the backlog.
        """
        service = self.app.extraction_service
        if service is None:
            self.extract_backlog()
        elif service.alive:
            service.rescan()
        else:
            service.start()
            if self._shown_id is not None:
                service.request(self._shown_id)
            self.relay_extraction_events()

    @work(thread=True, exclusive=True, group="entities-events", exit_on_error=False)
    def relay_extraction_events(self) -> None:
        """Turn the extraction process's reports into messages for this screen."""
        service = self.app.extraction_service
        worker = get_current_worker()
        while not worker.is_cancelled:
            event = service.next_event(timeout=0.3)
            if event is None:
                if not service.alive:
                    return
                continue
            if event.kind == "extracted":
                self.post_message(ArticleExtracted(event.article_id))
            elif event.kind == "progress":
                self.post_message(ExtractionProgress(event.done, event.remaining))
            elif event.kind == "finished":
                self.post_message(ExtractionProgress(event.done, 0, finished=True))
            elif event.kind == "failed":
                self.post_message(ExtractionFailed(event.text))
                return

    def on_article_extracted(self, event: ArticleExtracted) -> None:
        if event.article_id == self._shown_id and self.state.entity is None:
            self.query_one(EntitySidebar).show_entities(store_entities.entities_for_article(self.conn, event.article_id))

    def show_entities_of(self, article_id: int) -> None:
        """The article's saved entities, or ask for them ahead of the backlog."""
        sidebar = self.query_one(EntitySidebar)
        if store_entities.extraction_state(self.conn, article_id) == extractor_label(self.app.extractor):
            sidebar.show_entities(store_entities.entities_for_article(self.conn, article_id))
        else:
            sidebar.show_entities(None, note="Finding people, organisations and places…")
            if self.app.extraction_service is not None:
                self.app.extraction_service.request(article_id)
            else:
                self.extract_now(article_id)

    def on_entities_found(self, event: EntitiesFound) -> None:
        if event.article_id == self._shown_id and self.state.entity is None:
            self.query_one(EntitySidebar).show_entities(list(event.entities))

    @work(thread=True, exclusive=True, group="entities-now", exit_on_error=False)
    def extract_now(self, article_id: int) -> None:
        """Entities of the open article, ahead of the backlog."""
        try:
            with closing(self.app.store.connect()) as conn:
                entities = load_or_extract_entities(conn, self.app.extractor, article_id)
        except ExtractorError as error:
            self.post_message(ExtractionFailed(str(error)))
            return
        if entities is not None and not get_current_worker().is_cancelled:
            self.post_message(EntitiesFound(article_id, tuple(entities)))

    @work(thread=True, exclusive=True, group="entities-backlog", exit_on_error=False)
    def extract_backlog(self) -> None:
        """Every article not yet processed by this extractor, the open one first, in small batches."""
        worker = get_current_worker()
        try:
            warm_up(self.app.extractor)
            counts = extract_backlog(
                self.app.store,
                self.app.extractor,
                first_id=self._shown_id,
                should_stop=lambda: worker.is_cancelled,
                on_progress=lambda c: self.post_message(ExtractionProgress(c.done, c.remaining)),
            )
        except ExtractorError as error:
            self.post_message(ExtractionFailed(str(error)))
            return
        self.post_message(ExtractionProgress(counts.done, counts.remaining, finished=True))

    def on_extraction_progress(self, event: ExtractionProgress) -> None:
        if event.finished:
            self._extraction = describe_extractor(self.app.extractor)
        else:
            self._extraction = f"finding entities: {event.done} done, {event.remaining} to go"
        self.update_status()

    def on_extraction_failed(self, event: ExtractionFailed) -> None:
        self._extraction = "entities unavailable"
        self.notify(f"Entity extraction stopped: {event.reason}", severity="error", markup=False)
        self.update_status()
