"""`spacereader ignored` (what the ignore rules kept out recently), `spacereader watches` (what is
watched, and its new matches since last seen) and `spacereader watch` / `unwatch` for entities."""

from __future__ import annotations

import argparse
import json
import sys
from contextlib import closing

from spacereader.safe_text import clean_line

COMMANDS = ("ignored", "watches", "watch", "unwatch")


def add_parsers(commands: argparse._SubParsersAction) -> None:
    """Register `ignored` on the main parser's subcommands."""
    ignored = commands.add_parser("ignored", help="articles the [ignore] rules kept out, newest first")
    ignored.add_argument("--limit", type=int, default=100, metavar="N", help="at most N rows (default 100)")
    ignored.add_argument("--json", action="store_true", help="one JSON array of rows")
    watches = commands.add_parser("watches", help="watched entities and views with their new matches")
    watches.add_argument("--json", action="store_true", help="one JSON array of watches, each with its matches")
    watches.add_argument("--mark-seen", action="store_true", help="then count the matches shown as seen")
    for verb, text in (("watch", "be told when new articles name a person, organisation or place"),
                       ("unwatch", "stop watching a name")):  # fmt: skip
        command = commands.add_parser(verb, help=text)
        command.add_argument("name", metavar="NAME", help='a name as written, e.g. "Ada Lovelace" or "U.S."')


def _settings(args: argparse.Namespace):
    from spacereader import paths
    from spacereader.config import load_settings

    settings, warnings = load_settings(paths.config_file(args.config))
    for warning in warnings:
        print(f"spacereader: {warning}", file=sys.stderr)
    return settings


def run(args: argparse.Namespace, store) -> int | None:
    """Carry out `ignored`; None when the command is another."""
    if args.command not in COMMANDS:
        return None
    if args.command == "watches":
        return _watches(args, store)
    if args.command in ("watch", "unwatch"):
        return _watch_entity(args, store)
    from spacereader.ingest.ignore import IgnoreRules, sweep_entity_rules
    from spacereader.store.ignored import list_ignored

    rules = IgnoreRules.parse(_settings(args).ignore_rules)
    with closing(store.connect()) as conn:
        sweep_entity_rules(conn, rules)  # articles extracted since the last refresh
        rows = list_ignored(conn, max(0, args.limit))
    if args.json:
        keys = ("feed_id", "feed", "guid", "title", "url", "published", "rule", "ignored")
        json.dump([{k: getattr(r, k) for k in keys} for r in rows], sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
        return 0
    for row in rows:
        print(
            f"{row.ignored[:16]:<16}  {clean_line(row.feed)[:20]:<20}  {clean_line(row.title)[:60]}"
            f"  (rule: {clean_line(row.rule)})"
        )
    return 0


def _watch_entity(args: argparse.Namespace, store) -> int:
    """`watch NAME` / `unwatch NAME`: the same watch as `w` on the name in the reader's sidebar.

    A name not yet in the cache can be watched too (that is the point: to hear when it first turns up);
    spellings are joined as the sidebar joins them ("US" watches "U.S.").
    """
    from spacereader.cli.output import CommandError
    from spacereader.entities.canonical import canonical_key
    from spacereader.store.entities import find_entities
    from spacereader.store.watches import add_watch, entity_key, list_watches, remove_watch

    name = clean_line(" ".join(args.name.split()))
    key = canonical_key(name)
    if not name or not key:
        raise CommandError(f"not a name: {args.name!r}")
    with closing(store.connect()) as conn:
        watched = [w for w in list_watches(conn) if w.kind == "entity" and (w.entity_key == key or w.name == name)]
        if args.command == "watch" and watched:
            print(f"already watching {clean_line(watched[0].name)}")
            return 0
        if args.command == "unwatch":
            if not watched:
                raise CommandError(f"{name!r} is not watched")
            for watch in watched:
                remove_watch(conn, "entity", watch.name)
            print(f"no longer watching {clean_line(watched[0].name)}")
            return 0
        known = [e for e in find_entities(conn, name, key=key, limit=1) if entity_key(conn, e.id) == key]
        shown = known[0].name if known else name
        add_watch(conn, "entity", shown, key=key)
    seen = f" (named in {known[0].count} cached articles)" if known else " (not in the cache yet)"
    print(f"watching {clean_line(shown)}{seen}: new articles naming it are announced")
    return 0


def _watches(args: argparse.Namespace, store) -> int:
    """List every watch with its unseen matches (checking for new ones first)."""
    from spacereader.cli.output import row_json
    from spacereader.store.articles import get_article_row
    from spacereader.store.watches import list_watches, mark_seen, unseen_hits
    from spacereader.watching import check_watches

    settings = _settings(args)
    with closing(store.connect()) as conn:
        check_watches(conn, settings.views, settings.watched_views)
        listed = []
        for watch in list_watches(conn):
            rows = [row for row in (get_article_row(conn, i) for i in unseen_hits(conn, watch.id)) if row]
            listed.append((watch, rows))
        if args.mark_seen:
            mark_seen(conn)
    if args.json:
        shaped = [
            {
                "kind": w.kind,
                "name": w.name,
                "since": w.created,
                "new": len(rows),
                "matches": [row_json(r) for r in rows],
            }
            for w, rows in listed
        ]
        json.dump(shaped, sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
        return 0
    if not listed:
        print("nothing watched: w on an entity in the reader, or `spacereader view watch NAME`")
    for watch, rows in listed:
        print(f"{watch.kind:<6}  {clean_line(watch.name)}  ({len(rows)} new)")
        for row in rows:
            print(f"{row.id:>7}  {row.published[:10] or 'unknown':<10}  {clean_line(row.title)}")
    return 0
