"""The entity sidebar: the people, organisations and places the open article names."""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from spacereader.models import Entity
from spacereader.safe_text import clean_line

GROUPS = (("person", "People"), ("organisation", "Organisations"), ("place", "Places"))


class EntitySidebar(Vertical):
    """Grouped entity names with mention counts; choosing one asks for every article that names it."""

    @dataclass
    class EntityChosen(Message):
        """The user chose an entity to list every article that mentions it."""

        entity: Entity

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._entities: dict[str, Entity] = {}

    def compose(self) -> ComposeResult:
        yield Static(id="entity-status")
        yield OptionList(id="entity-options")

    def show_entities(self, entities: list[Entity] | None, *, note: str = "") -> None:
        """Fill the groups; `None` means the article has not been processed yet."""
        status = self.query_one("#entity-status", Static)
        options = self.query_one("#entity-options", OptionList)
        options.clear_options()
        self._entities = {}
        if not entities:
            message = "No people, organisations or places were extracted from this article."
            if entities is None:
                message = "Entities have not been extracted for this article."
            status.update(Text(note or message))
            status.display = True
            options.display = False
            return
        status.update(Text(note))
        status.display = bool(note)
        options.display = True
        for kind, label in GROUPS:
            group = [e for e in entities if e.kind == kind]
            if not group:
                continue
            options.add_option(Option(Text(label, style="bold"), disabled=True))
            for entity in group:
                key = f"entity-{entity.id}"
                self._entities[key] = entity
                options.add_option(Option(Text(f" {clean_line(entity.name)} ({entity.count})"), id=key))

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        entity = self._entities.get(event.option.id or "")
        if entity is not None:
            self.post_message(self.EntityChosen(entity))
