"""Entity fixtures: the real small spaCy pipeline, loaded once for the whole session."""

from __future__ import annotations

import pytest

from spacereader.entities.extract import SpacyExtractor


@pytest.fixture(scope="session")
def spacy_extractor() -> SpacyExtractor:
    """The pinned pipeline (a dependency, so never skipped); loading takes about two seconds."""
    extractor = SpacyExtractor()
    extractor.warm_up()
    return extractor
