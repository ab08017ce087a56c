"""The entity sidebar: the people, organisations and places the open article names.

Two modes: the open article's entities, grouped; or, once one is chosen, that entity's mentions per day
(a sparkline) and the entities most often named alongside it, each choosable in turn.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from spacereader.models import Entity
from spacereader.safe_text import clean_line

if TYPE_CHECKING:
    from textual.widgets import Sparkline

GROUPS = (("person", "People"), ("organisation", "Organisations"), ("place", "Places"))
SHORT_KINDS = {"person": "person", "organisation": "org", "place": "place"}
DETAIL_DELAY = 1.2
"""Seconds after the sidebar is mounted to build the entity mode's widgets: after the first screen and its
follow-up work, beside the reader's other warm-up (ui/warm_up.py), before anyone is likely to choose a name."""


def plural(count: int, word: str) -> str:
    """'1 article', '2 articles'."""
    return f"{count} {word}{'' if count == 1 else 's'}"


class EntityDetail(Vertical):
    """The chosen entity: its name, mentions per day and who is named alongside; kept by the sidebar.

    Holds its parts directly, so the sidebar can fill them in the same call that mounts them.
    """

    def __init__(self, title: Static, sparkline: Sparkline, caption: Static, heading: Static,
                 related: OptionList, *, id: str) -> None:  # fmt: skip
        super().__init__(title, sparkline, caption, heading, related, id=id)
        self.parts = (title, sparkline, caption, heading, related)


class EntitySidebar(Vertical):
    """Grouped entity names with mention counts; choosing one asks for every article that names it."""

    @dataclass
    class EntityChosen(Message):
        """The user chose an entity to list every article that mentions it."""

        entity: Entity

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._entities: dict[str, Entity] = {}
        self.detail: EntityDetail | None = None
        """The entity mode's widgets, once an entity has been chosen."""
        self.watched: dict[int, int] = {}
        """Watched entity id -> its unseen new articles; marked in the lists (set by the screen)."""

    def highlighted_entity(self) -> Entity | None:
        """The entity under the cursor of whichever list in the sidebar has focus."""
        for options in self.query(OptionList):
            if options.has_focus and options.highlighted_option is not None:
                return self._entities.get(options.highlighted_option.id or "")
        return None

    def compose(self) -> ComposeResult:
        yield Static(id="entity-status")
        yield OptionList(id="entity-options")

    def on_mount(self) -> None:
        self.set_timer(DETAIL_DELAY, self.prepare_detail)

    def prepare_detail(self) -> None:
        """Build the entity mode's widgets, hidden, while the reader waits for keys: mounted on the key instead,
        they appeared a frame after the chosen entity's articles (about 45 ms later)."""
        if self.detail is None and self.is_attached:
            self._detail().display = False

    def _detail(self) -> EntityDetail:
        """The entity mode's widgets: built hidden soon after start (`prepare_detail`), or now if not yet."""
        if self.detail is None:
            from textual.widgets import Sparkline  # with `statistics`: imported when first drawn

            self.detail = EntityDetail(
                Static(id="entity-detail-title"),
                Sparkline([], id="entity-sparkline"),
                Static(id="entity-sparkline-caption"),
                Static(Text("Named alongside"), id="entity-related-title"),
                OptionList(id="entity-related"),
                id="entity-detail",
            )
            self.mount(self.detail)
        return self.detail

    # -- article mode -----------------------------------------------------------------------------------

    def show_entities(self, entities: list[Entity] | None, *, note: str = "") -> None:
        """Fill the groups; `None` means the article has not been processed yet."""
        if self.detail is not None:
            self.detail.display = False
        status = self.query_one("#entity-status", Static)
        options = self.query_one("#entity-options", OptionList)
        options.clear_options()
        if not entities:
            message = "No people, organisations or places were extracted from this article."
            if entities is None:
                message = "Entities have not been extracted for this article yet."
            status.update(Text(note or message))
            status.display = True
            options.display = False
            return
        status.update(Text(note))
        status.display = bool(note)
        options.display = True
        self._fill(options, entities, grouped=True)

    def _fill(self, options: OptionList, entities: list[Entity], *, grouped: bool) -> None:
        prefix = options.id or ""
        for kind, label in GROUPS if grouped else (("", ""),):
            group = [e for e in entities if not kind or e.kind == kind]
            if not group:
                continue
            if label:
                options.add_option(Option(Text(label, style="bold"), disabled=True))
            for entity in group:
                key = f"{prefix}-{entity.id}"
                self._entities[key] = entity
                suffix = f" {SHORT_KINDS.get(entity.kind, entity.kind)}" if not grouped else ""
                mark = self._watch_mark(entity.id)
                options.add_option(
                    Option(Text(f"{mark or ' '}{clean_line(entity.name)} ({entity.count}){suffix}"), id=key)
                )

    # -- entity mode ------------------------------------------------------------------------------------

    def show_detail(self, entity: Entity, per_day: list[tuple[str, int]], related: list[Entity]) -> None:
        """The chosen entity: how often it appeared per day and who or what is named with it."""
        self.query_one("#entity-status").display = False
        self.query_one("#entity-options").display = False
        detail = self._detail()
        detail.display = True
        title, sparkline, caption, _, related_list = detail.parts
        total = sum(count for _, count in per_day)
        watching = " · watched" if entity.id in self.watched else ""
        title.update(
            Text(f"{clean_line(entity.name)}\n{entity.kind} · named in {plural(entity.count, 'article')}{watching}")
        )
        sparkline.data = [float(count) for _, count in per_day] or [0.0]
        span = f"{per_day[0][0][5:]} → {per_day[-1][0][5:]}" if per_day else ""
        caption.update(Text(f"{plural(total, 'mention')} by day, {span}\nescape: back to the list"))
        related_list.clear_options()
        if related:
            self._fill(related_list, related, grouped=False)
        else:
            related_list.add_option(Option(Text(" nobody else yet"), disabled=True))

    def _watch_mark(self, entity_id: int) -> str:
        """'◉' for a watched entity, '◉3' when three new articles name it."""
        if entity_id not in self.watched:
            return ""
        unseen = self.watched[entity_id]
        return f"◉{unseen} " if unseen else "◉ "

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        entity = self._entities.get(event.option.id or "")
        if entity is not None:
            self.post_message(self.EntityChosen(entity))
