"""The real small spaCy pipeline for entity tests, loaded once per test run.

Test modules import the fixture (`from tests.unit.spacy_model import spacy_extractor`); the loaded
extractor is cached here, so every module shares one copy however pytest scopes the fixture.
"""

from __future__ import annotations

from functools import cache

import pytest

from spacereader.entities.extract import SpacyExtractor


@cache
def loaded_extractor() -> SpacyExtractor:
    """The pinned pipeline (a dependency, so never skipped); loading takes about two seconds."""
    extractor = SpacyExtractor()
    extractor.warm_up()
    return extractor


@pytest.fixture(scope="session")
def spacy_extractor() -> SpacyExtractor:
    """The shared, already loaded extractor."""
    return loaded_extractor()
