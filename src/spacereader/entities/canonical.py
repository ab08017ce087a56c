"""Canonical keys: one key per real-world entity, so one cache row whatever spelling an article used."""

from __future__ import annotations

import re
import unicodedata

# News writes the same few countries and bodies as abbreviations far more often than anything else, and no
# rule can tell that "US" is "United States"; this short table covers them. Keys are already folded
# (lower case, no dots, no leading "the").
_ALIASES = {
    "us": "united states",
    "usa": "united states",
    "united states of america": "united states",
    "america": "united states",
    "uk": "united kingdom",
    "britain": "united kingdom",
    "great britain": "united kingdom",
    "un": "united nations",
    "eu": "european union",
    "uae": "united arab emirates",
    "ussr": "soviet union",
    "drc": "democratic republic of congo",
    "nyc": "new york city",
    "prc": "china",
    "people's republic of china": "china",
}
_SPACES = re.compile(r"\s+")
_LEADING_THE = re.compile(r"^the\s+")
_SINGLE_LETTERS = re.compile(r"\b(\w)\s(?=\w\b)")


def fold(name: str) -> str:
    """Lower case, plain apostrophes and spaces, no dots or leading "the": how spellings are compared."""
    text = unicodedata.normalize("NFKC", name).replace("’", "'").replace("‘", "'")
    text = _SPACES.sub(" ", text.replace(".", " ").replace("-", " ")).strip().casefold()
    # "U.S." becomes "u s" above: rejoin runs of single letters so it matches "US".
    text = _SINGLE_LETTERS.sub(r"\1", text)
    return _LEADING_THE.sub("", text)


def canonical_key(name: str) -> str:
    """The key that joins spellings of one entity across articles ("U.S.", "US", "the United States")."""
    folded = fold(name)
    return _ALIASES.get(folded, folded)
