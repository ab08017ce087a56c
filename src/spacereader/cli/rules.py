"""`spacereader ignored`: what the ignore rules kept out recently, so a rule that catches too much shows."""

from __future__ import annotations

import argparse
import json
import sys
from contextlib import closing

from spacereader.safe_text import clean_line

COMMANDS = ("ignored",)


def add_parsers(commands: argparse._SubParsersAction) -> None:
    """Register `ignored` on the main parser's subcommands."""
    ignored = commands.add_parser("ignored", help="articles the [ignore] rules kept out, newest first")
    ignored.add_argument("--limit", type=int, default=100, metavar="N", help="at most N rows (default 100)")
    ignored.add_argument("--json", action="store_true", help="one JSON array of rows")


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
