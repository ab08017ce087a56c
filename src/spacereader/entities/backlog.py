"""Extraction into the cache: one article on demand, or the backlog in small batches (no Textual here)."""

from __future__ import annotations

from collections.abc import Callable
from contextlib import closing
from dataclasses import dataclass

from spacereader.entities.extract import EntityExtractor, extractor_label
from spacereader.entities.normalise import group_entities, model_view, text_spans
from spacereader.models import Article, Entity, ExtractedEntity
from spacereader.store import Connection, Store
from spacereader.store import articles as store_articles
from spacereader.store import entities as store_entities

TOGETHER = 4
"""Articles the model reads in one pass: a few per cent less CPU each, and a stop or a reader's request waits
for at most four articles (about 0.4 s)."""


@dataclass(frozen=True, slots=True)
class BacklogCounts:
    """What one backlog run did; `remaining` is what is left for the current extractor."""

    done: int = 0
    failed: int = 0
    remaining: int = 0
    stopped: bool = False


def article_text(article: Article) -> str:
    """Headline and body as the extractor sees them; the headline is left out when the body opens with it."""
    headline = article.title.rstrip("…").strip()
    if not headline or article.body.lstrip().startswith(headline):
        return article.body
    return f"{article.title}\n\n{article.body}"


def extract_text(extractor: EntityExtractor, text: str) -> list[ExtractedEntity]:
    """Entities of any text (no cache involved), most central first."""
    return extract_texts(extractor, [text])[0]


def extract_texts(extractor: EntityExtractor, texts: list[str]) -> list[list[ExtractedEntity]]:
    """Each text's entities, the texts read by the model together when it can (see extract_many)."""
    views = [model_view(text) for text in texts]
    many = getattr(extractor, "extract_many", None)
    found = many(views) if many is not None else [extractor.extract(view) for view in views]
    return [
        group_entities(text, text_spans(text, view, mentions))
        for text, view, mentions in zip(texts, views, found, strict=True)
    ]


def extract_articles(conn: Connection, extractor: EntityExtractor, article_ids: list[int]) -> list[int]:
    """Extract several articles in one pass of the model and save each; returns the ids done (missing ones are
    skipped). ValueError or RuntimeError from the model means some text it cannot process: call
    extract_article on each to find which."""
    articles = [a for a in (store_articles.get_article(conn, i) for i in article_ids) if a is not None]
    found = extract_texts(extractor, [article_text(a) for a in articles])
    label = extractor_label(extractor)
    for article, entities in zip(articles, found, strict=True):
        store_entities.save_article_entities(conn, article.id, entities, label)
    return [a.id for a in articles]


def extract_article(conn: Connection, extractor: EntityExtractor, article_id: int) -> list[Entity] | None:
    """Extract one article now, save the result, and return its entities as the sidebar shows them.

    Returns None when there is no such article.
    """
    article = store_articles.get_article(conn, article_id)
    if article is None:
        return None
    entities = extract_text(extractor, article_text(article))
    store_entities.save_article_entities(conn, article_id, entities, extractor_label(extractor))
    return store_entities.entities_for_article(conn, article_id)


def load_or_extract_entities(conn: Connection, extractor: EntityExtractor, article_id: int) -> list[Entity] | None:
    """The article's saved entities, extracting first when this extractor (or version) has not done it.

    Returns None when there is no such article. Call it off the UI thread with that thread's connection.
    """
    if store_entities.extraction_state(conn, article_id) != extractor_label(extractor):
        return extract_article(conn, extractor, article_id)
    return store_entities.entities_for_article(conn, article_id)


def extract_backlog(
    store: Store,
    extractor: EntityExtractor,
    *,
    first_id: int | None = None,
    batch: int = 16,
    should_stop: Callable[[], bool] = lambda: False,
    on_progress: Callable[[BacklogCounts], None] | None = None,
) -> BacklogCounts:
    """Extract every article the current extractor has not processed, `first_id` first, newest next.

    Opens its own connection (call it from a worker thread), works in batches of `batch` articles and checks
    `should_stop` between articles, so a cancelled worker ends within one article. An article whose text
    breaks the extractor is recorded as failed and skipped for this run.
    """
    label = extractor_label(extractor)
    done = failed = 0
    skipped: set[int] = set()  # failed, or already done in this run (never loop on one article)
    with closing(store.connect()) as conn:
        while True:
            ids = [
                i
                for i in store_entities.articles_needing_extraction(conn, label, batch + len(skipped), first_id)
                if i not in skipped
            ][:batch]
            if not ids:
                break
            for at in range(0, len(ids), TOGETHER):
                if should_stop():
                    remaining = store_entities.count_needing_extraction(conn, label)
                    return BacklogCounts(done, failed, remaining, stopped=True)
                group = ids[at : at + TOGETHER]
                skipped.update(group)
                try:
                    done += len(extract_articles(conn, extractor, group))
                    continue
                except (ValueError, RuntimeError):  # spaCy raises these for text it cannot process: find which
                    pass
                for article_id in group:
                    try:
                        extract_article(conn, extractor, article_id)
                        done += 1
                    except (ValueError, RuntimeError):
                        failed += 1
            if on_progress is not None:
                on_progress(BacklogCounts(done, failed, store_entities.count_needing_extraction(conn, label) - failed))
        remaining = store_entities.count_needing_extraction(conn, label)
    return BacklogCounts(done, failed, remaining)
