"""Headless entity commands: `entities ID`, `entities --text FILE`, `entities --jsonl FILE` and `mentions NAME`."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from contextlib import closing
from pathlib import Path

from spacereader.cli.output import CommandError, print_rows
from spacereader.models import ENTITY_KINDS, Entity, ExtractedEntity

COMMANDS = ("entities", "mentions")
_HEADINGS = {"person": "People", "organisation": "Organisations", "place": "Places"}


def add_parsers(commands: argparse._SubParsersAction) -> None:
    """Register the entity subcommands on the main parser's subparsers."""
    entities = commands.add_parser("entities", help="people, organisations and places in an article or a text file")
    source = entities.add_mutually_exclusive_group(required=True)
    source.add_argument("id", type=int, nargs="?", metavar="ID", help="a cached article (extracted now if needed)")
    source.add_argument("--text", metavar="FILE", help="any UTF-8 text file instead of a cached article")
    source.add_argument(
        "--jsonl", metavar="FILE", help='one {"id", "text"} object a line ("-" for stdin); one {"id", "entities"} out'
    )
    entities.add_argument("--json", action="store_true", help="one JSON array of {name, type, count}")

    mentions = commands.add_parser("mentions", help="cached articles that name an entity, newest first")
    mentions.add_argument("name", metavar="NAME", help='a name as written, e.g. "Putin" or "U.S."')
    mentions.add_argument("--json", action="store_true", help="one JSON array of rows, as `articles --json`")


def run(args: argparse.Namespace, store) -> int | None:
    """Carry out an entity command; None when the command is not one of these."""
    if args.command not in COMMANDS:
        return None
    from spacereader.entities.extract import ExtractorError

    if args.command == "mentions":
        return _mentions(args, store)
    try:
        return _entities(args, store, _extractor(args))
    except ExtractorError as error:
        raise CommandError(str(error)) from error


def _entities(args: argparse.Namespace, store, extractor) -> int:
    """`entities ID` or `entities --text FILE`."""

    if args.jsonl is not None:
        return _entities_of_lines(args.jsonl, extractor)
    if args.text is not None:
        from spacereader.entities.backlog import extract_text

        try:
            text = Path(args.text).expanduser().read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as error:
            raise CommandError(f"cannot read {args.text}: {error}") from error
        _print_entities(extract_text(extractor, text), args.json)
        return 0
    from spacereader.entities.backlog import load_or_extract_entities

    with closing(store.connect()) as conn:
        found = load_or_extract_entities(conn, extractor, args.id)
    if found is None:
        raise CommandError(f"no article with ID {args.id}")
    _print_entities(found, args.json)
    return 0


def _entities_of_lines(path: str, extractor) -> int:
    """Each line's entities as one JSON line, the model loaded once; a bad line is reported and skipped.

    Returns 1 when any line was bad, so a script notices, after every good line has been written.
    """
    try:
        source = sys.stdin if path == "-" else Path(path).expanduser().open(encoding="utf-8")
    except OSError as error:
        raise CommandError(f"cannot read {path}: {error}") from error
    label = "stdin" if path == "-" else path
    bad = 0
    waiting: list[dict] = []
    with source:
        try:
            for number, line in enumerate(source, start=1):
                if not line.strip():
                    continue
                try:
                    item = _text_item(line)
                except ValueError as error:
                    print(f"spacereader: {label} line {number}: {error}", file=sys.stderr)
                    bad += 1
                    continue
                waiting.append(item)
                if len(waiting) == _TOGETHER or not _more_ready(source):
                    _write_entities(extractor, waiting)
                    waiting = []
        except UnicodeDecodeError as error:
            raise CommandError(f"{label} is not UTF-8 text: {error}") from error
        finally:
            _write_entities(extractor, waiting)  # the lines read before the end or a bad byte
    return 1 if bad else 0


_TOGETHER = 16
"""Lines the model reads in one pass (a few per cent less CPU each; the output keeps the input's order)."""


def _more_ready(source) -> bool:
    """Whether the next line can be read without waiting: a file always; a pipe or terminal only when the writer
    has sent more, so a program that writes a line and waits for its answer gets it."""
    if source is not sys.stdin:
        return True
    import select

    try:
        return bool(select.select([source], [], [], 0)[0])
    except (OSError, ValueError):  # no select on this kind of stream: answer each line at once
        return False


def _write_entities(extractor, items: list[dict]) -> None:
    from spacereader.entities.backlog import extract_texts

    for item, entities in zip(items, extract_texts(extractor, [i["text"] for i in items]), strict=True):
        rows = [entity_json(e) for e in entities]
        sys.stdout.write(json.dumps({"id": item["id"], "entities": rows}, ensure_ascii=False) + "\n")
    sys.stdout.flush()


def _text_item(line: str) -> dict:
    """One input line as {"id", "text"}; ValueError says what is wrong with it in a few words."""
    try:
        item = json.loads(line)
    except json.JSONDecodeError as error:
        raise ValueError(f"not JSON ({error.msg} at column {error.colno})") from None
    if not isinstance(item, dict):
        raise ValueError(f'expected an object {{"id": ..., "text": ...}}, got {type(item).__name__}')
    if "id" not in item:
        raise ValueError('no "id"')
    if not isinstance(item.get("text"), str):
        raise ValueError('"text" is missing or not a string')
    return item


def _extractor(args: argparse.Namespace):
    """The configured extractor; a note goes to stderr when the rough fallback runs."""
    from spacereader import paths
    from spacereader.config import load_settings
    from spacereader.entities.extract import (
        PlainExtractor,
        describe_extractor,
        make_extractor,
    )

    settings, warnings = load_settings(paths.config_file(args.config))
    for warning in warnings:
        print(f"spacereader: {warning}", file=sys.stderr)
    extractor = make_extractor(settings)
    if isinstance(extractor, PlainExtractor):
        print(f"spacereader: {describe_extractor(extractor)}", file=sys.stderr)
    return extractor


def _mentions(args: argparse.Namespace, store) -> int:
    from spacereader.entities.canonical import canonical_key
    from spacereader.models import ArticleFilter
    from spacereader.store import articles as store_articles
    from spacereader.store import entities as store_entities

    with closing(store.connect()) as conn:
        matches = store_entities.find_entities(conn, args.name, key=canonical_key(args.name))
        if not matches:
            raise CommandError(f"no cached article names {args.name!r} (articles are searched once extracted)")
        chosen = matches[0]
        if len(matches) > 1 and not args.json:
            others = ", ".join(m.name for m in matches[1:6])
            print(f"spacereader: showing {chosen.name} ({chosen.kind}); also matching: {others}", file=sys.stderr)
        rows = store_articles.list_article_rows(conn, ArticleFilter(entity_id=chosen.id), limit=-1)
        print_rows(rows, args.json, conn)
    return 0


def entity_json(entity: Entity | ExtractedEntity) -> dict[str, object]:
    """The JSON shape of an entity row."""
    return {"name": entity.name, "type": entity.kind, "count": entity.count}


def _print_entities(entities: Sequence[Entity | ExtractedEntity], as_json: bool) -> None:
    """As JSON (most central first) or as plain text grouped by type."""
    from spacereader.safe_text import clean_line

    if as_json:
        json.dump([entity_json(e) for e in entities], sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
        return
    if not entities:
        print("No people, organisations or places found.")
        return
    for kind in ENTITY_KINDS:
        group = [e for e in entities if e.kind == kind]
        if group:
            print(_HEADINGS[kind])
            for entity in group:
                print(f"  {entity.count:>3}  {clean_line(entity.name)}")
