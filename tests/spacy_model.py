"""The real small spaCy pipeline for entity tests, loaded once per test run and shared by every module."""

from __future__ import annotations

from functools import cache

from spacereader.entities.extract import SpacyExtractor


@cache
def loaded_extractor() -> SpacyExtractor:
    """The pinned pipeline (a dependency, so never skipped); loading takes about two seconds."""
    extractor = SpacyExtractor()
    extractor.warm_up()
    return extractor
