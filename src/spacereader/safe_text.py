"""The one cleaner for text from outside (feeds, seeds, servers, files) before it reaches the terminal."""

from __future__ import annotations

import re

# C0 controls except tab and newline, DEL, and C1 controls. ESC (0x1b) is C0. Also lone surrogates, which
# JSON escapes such as "\ud800" produce: they cannot be encoded as UTF-8, so SQLite and the terminal refuse them.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]")
# Bidirectional overrides and isolates, which can make a line read differently from its bytes.
_BIDI = re.compile(r"[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]")
_SPACE_RUN = re.compile(r"[ \t\r\n\u00a0\u2028\u2029]+")


def clean_text(value: object) -> str:
    """Multi-line text with control characters and lone surrogates removed; newlines and tabs kept."""
    if value is None:
        return ""
    text = str(value).replace("\r\n", "\n").replace("\r", "\n")
    return _CONTROL.sub("", text)


def clean_line(value: object) -> str:
    """One-line text (titles, names, URLs): controls and bidi overrides removed, whitespace collapsed."""
    text = _BIDI.sub("", clean_text(value))
    return _SPACE_RUN.sub(" ", text).strip()
