"""A fake extractor for the snapshots: it replays what the pinned spaCy model found in the seed article.

A model update then cannot change the snapshots (they test layout, not the model). Re-record after the
seed changes with `SPACEREADER_RECORD_MENTIONS=1 uv run pytest tests/snapshots`.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

from spacereader.entities.extract import SpacyExtractor
from spacereader.models import Mention

RECORDING = Path(__file__).with_name("recorded_mentions.json")


def text_key(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


class ReplayExtractor:
    """Says it is the pinned model (the status line names it) but never loads it."""

    def __init__(self) -> None:
        pinned = SpacyExtractor()  # names the pinned model without loading it
        self.name, self.version = pinned.name, pinned.version
        self.record = os.environ.get("SPACEREADER_RECORD_MENTIONS") == "1"
        self.recorded: dict[str, list[list[object]]] = json.loads(RECORDING.read_text()) if RECORDING.exists() else {}

    def warm_up(self) -> None:
        """Nothing to load."""

    def extract(self, text: str) -> list[Mention]:
        key = text_key(text)
        if self.record:
            from tests.spacy_model import loaded_extractor

            found = loaded_extractor().extract(text)
            self.recorded[key] = [[m.start, m.end, m.text, m.label] for m in found]
            RECORDING.write_text(json.dumps(self.recorded, ensure_ascii=False, indent=1, sort_keys=True) + "\n")
        if key not in self.recorded:
            raise AssertionError(f"no recorded mentions for text {key}: re-record (see {__name__})")
        return [Mention(int(s), int(e), str(t), str(label)) for s, e, t, label in self.recorded[key]]
