"""The one cleaner for text from outside (feeds, seeds, servers, files) before it reaches the terminal."""

from __future__ import annotations

import re

# C0 controls except tab and newline, DEL, and C1 controls. ESC (0x1b) is C0. Also lone surrogates, which
# JSON escapes such as "\ud800" produce: they cannot be encoded as UTF-8, so SQLite and the terminal refuse them.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]")
# Bidirectional overrides and isolates, which can make a line read differently from its bytes.
_BIDI = re.compile(r"[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]")
# What clean_line drops, in one pass: the controls but CR (a line break, made a space below) and the bidi marks.
_NOT_IN_LINE = re.compile(
    r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]"
)
# A run of spaces, tabs, line breaks and no-break spaces collapses to one space. Each of these is made a space
# first (str.replace) and then runs of spaces collapse: five times faster than one regex over the class.
_LINE_SPACES = "\t\r\n\u00a0\u2028\u2029"
_SPACES = re.compile("  +")


def clean_text(value: object) -> str:
    """Multi-line text with control characters and lone surrogates removed; newlines and tabs kept."""
    if value is None:
        return ""
    text = str(value).replace("\r\n", "\n").replace("\r", "\n")
    return _CONTROL.sub("", text)


def clean_line(value: object) -> str:
    """One-line text (titles, names, URLs): controls and bidi overrides removed, whitespace collapsed."""
    text = value if type(value) is str else clean_text(value)
    if text.isprintable():  # no control, bidi or line-breaking characters, and no space but the plain one
        if "  " not in text and text[:1] != " " and text[-1:] != " ":
            return text
    else:
        text = _NOT_IN_LINE.sub("", text)
        for space in _LINE_SPACES:
            if space in text:
                text = text.replace(space, " ")
    return _SPACES.sub(" ", text).strip()
