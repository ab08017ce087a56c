"""What the article list shows: a filter, a title and what to highlight, so a list can be returned to."""

from __future__ import annotations

from dataclasses import replace

from spacereader.models import ArticleFilter, Entity
from spacereader.records import record


@record
class ListState:
    """What the list shows and where its cursor was, so `escape` can return to it."""

    view: ArticleFilter
    title: str = ""
    entity: Entity | None = None
    highlight: tuple[str, ...] = ()
    article_id: int | None = None
    index: int = 0
    view_name: str = ""
    """The saved view shown, if the list is one (so `w` can watch it)."""

    @property
    def name(self) -> str:
        """What the list shows, saying so when read articles are hidden."""
        name = self.title or replace(self.view, unread_only=False).describe()
        return f"{name} · unread only" if self.view.unread_only else name

    @property
    def heading(self) -> str:
        """The list's title, with the sort order when it is not the natural one."""
        title = self.name
        if self.view.sort != "date" and not (self.view.sort == "relevance" and self.view.search is not None):
            title += f" · by {self.view.sort}"
        return title


def entity_terms(entity: Entity) -> tuple[str, ...]:
    """Words to highlight for an entity: its name, and a person's surname (short forms were merged into it)."""
    words = entity.name.split()
    return (entity.name, words[-1]) if entity.kind == "person" and len(words) > 1 else (entity.name,)
