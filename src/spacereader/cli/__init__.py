"""Command line: global options, the headless commands, and launching the TUI."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from contextlib import closing
from pathlib import Path
from typing import NoReturn

from spacereader import paths
from spacereader.bookmark_files import BookmarkFileError
from spacereader.cli.output import CommandError, print_rows
from spacereader.models import Article, ArticleFilter
from spacereader.safe_text import clean_line, clean_text


class VersionAction(argparse.Action):
    """Looks the version up only when asked: importlib.metadata costs start-up time."""

    def __call__(self, parser, namespace, values, option_string=None) -> None:
        from spacereader import __version__

        print(f"spacereader {__version__}")
        parser.exit()


class OneLineParser(argparse.ArgumentParser):
    """An ArgumentParser whose errors are one line on stderr (argparse prints usage first), exit status 2.

    Subparsers are built from the parent's class, so every command gets the same behaviour.
    """

    def error(self, message: str) -> NoReturn:
        """Print `prog: message (see prog --help)` and exit 2."""
        self.exit(2, f"{clean_line(self.prog)}: {clean_line(message)} (see {clean_line(self.prog)} --help)\n")


def build_parser() -> argparse.ArgumentParser:
    """The argument parser; global options come before the command."""
    parser = OneLineParser(
        prog="spacereader",
        description="A keyboard-first terminal news reader. With no command it opens the reader.",
    )
    parser.add_argument("--version", action=VersionAction, nargs=0, help="show the version and exit")
    parser.add_argument(
        "--data-dir", metavar="DIR", help="cache folder (default: $SPACEREADER_DATA_DIR or the user data dir)"
    )
    parser.add_argument(
        "--config", metavar="FILE", help="config file (default: $SPACEREADER_CONFIG or the user config dir)"
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    articles = commands.add_parser("articles", help="list cached articles, newest first")
    articles.add_argument("--unread", action="store_true", help="only unread articles")
    articles.add_argument("--bookmarked", action="store_true", help="only bookmarked articles")
    articles.add_argument("--limit", type=int, default=None, metavar="N", help="at most N rows")
    articles.add_argument("--json", action="store_true", help="one JSON array of rows")

    show = commands.add_parser("show", help="print one article as plain text")
    show.add_argument("id", type=int, metavar="ID")
    show.add_argument("--full", action="store_true", help="fetch the article's web page and print its main text")
    show.add_argument("--markdown", action="store_true", help="as Markdown: headline, source, date, link, text, links")

    for name, text in (("bookmark", "bookmark an article"), ("unbookmark", "remove a bookmark")):
        sub = commands.add_parser(name, help=text)
        sub.add_argument("id", type=int, metavar="ID")

    bookmarks = commands.add_parser("bookmarks", help="list bookmarked articles")
    bookmarks.add_argument("--json", action="store_true", help="one JSON array of rows")
    moves = bookmarks.add_mutually_exclusive_group()
    moves.add_argument("--export", metavar="FILE", help="write every bookmark (with its article) to a JSON file")
    moves.add_argument("--import", dest="import_file", metavar="FILE", help="restore bookmarks from such a file")
    for module in command_modules():
        module.add_parsers(commands)
    return parser


def command_modules():
    """The modules of the commands beyond the core ones, imported only when a command line needs them."""
    from spacereader.cli import entities, feeds, marks, rules, search, sync

    return (entities, feeds, search, sync, marks, rules)


READER_OPTIONS = {"--data-dir": "data_dir", "--config": "config"}


def reader_args(argv: Sequence[str]) -> argparse.Namespace | None:
    """The arguments when they only open the reader (global options, no command), else None.

    Opening the reader is the common case: it then skips building every command's parser and importing
    their modules (about 25 ms before the first screen). Anything else, or anything odd, goes to argparse.
    """
    values: dict[str, str | None] = {"data_dir": None, "config": None}
    rest = list(argv)
    while rest:
        name, equals, value = rest.pop(0).partition("=")
        if name not in READER_OPTIONS:
            return None
        if not equals:
            if not rest or rest[0].startswith("-"):
                return None
            value = rest.pop(0)
        values[READER_OPTIONS[name]] = value
    return argparse.Namespace(version=None, command=None, **values)


def open_store(args: argparse.Namespace, *, warn: bool = True):
    """Open (creating and migrating) the cache and import the seed articles.

    Warnings go to stderr, or (with `warn=False`) onto `store.warnings` for the TUI to show.
    """
    from spacereader.seed_state import seed_fingerprint
    from spacereader.store import Store, StoreError
    from spacereader.store.preferences import SEED_FILES, get_preference, set_preference

    try:
        store = Store.open(paths.data_dir(args.data_dir))
        folder = paths.seeds_dir()
        fingerprint = seed_fingerprint(folder)
        with closing(store.connect()) as conn:
            # Unchanged seed files are not read again: the parse and compare cost a few ms before the first screen.
            if not fingerprint or get_preference(conn, SEED_FILES) != fingerprint:
                from spacereader.ingest.seeds import import_seeds

                report = import_seeds(conn, folder)
                store.warnings.extend(report.warnings)
                if fingerprint and not report.warnings:  # a skipped file is named again at the next start
                    set_preference(conn, SEED_FILES, fingerprint)
    except StoreError as error:
        raise CommandError(str(error)) from error
    except OSError as error:
        raise CommandError(f"cannot use data dir: {error}") from error
    if warn:
        for warning in store.warnings:
            print(f"spacereader: {clean_line(warning)}", file=sys.stderr)
    return store


def run_command(args: argparse.Namespace) -> int:
    """Carry out one headless command on the cache."""
    from spacereader.store import articles as store_articles
    from spacereader.store import bookmarks as store_bookmarks

    store = open_store(args)
    handled = None
    for module in command_modules():
        handled = module.run(args, store)
        if handled is not None:
            break
    if handled is not None:
        return handled
    with closing(store.connect()) as conn:
        if args.command == "bookmarks" and (args.export or args.import_file):
            from spacereader.bookmark_files import export_to, import_from

            message = export_to(conn, Path(args.export)) if args.export else import_from(conn, Path(args.import_file))
            print(message, file=sys.stderr)
            return 0
        if args.command in ("articles", "bookmarks"):
            view = ArticleFilter(
                unread_only=getattr(args, "unread", False),
                bookmarked_only=args.command == "bookmarks" or args.bookmarked,
            )
            limit = getattr(args, "limit", None)
            rows = store_articles.list_article_rows(conn, view, limit=-1 if limit is None else limit)
            print_rows(rows, args.json, conn)
            return 0
        if args.command == "show":
            article = store_articles.get_article(conn, args.id)
            if article is None:
                raise CommandError(f"no article with ID {args.id}")
            if args.full and not article.from_page:
                article = full_article(store, article)
            if args.markdown:
                from spacereader.article_markdown import article_markdown

                sys.stdout.write(article_markdown(article))
            else:
                print(format_article(article))
            return 0
        if args.command in ("bookmark", "unbookmark"):
            if not store_bookmarks.set_bookmark(conn, args.id, args.command == "bookmark"):
                raise CommandError(f"no article with ID {args.id}")
            return 0
    raise CommandError(f"unknown command {args.command}")


def full_article(store, article: Article) -> Article:
    """The article with its page's main text fetched and kept; on failure the feed's, with the reason on stderr."""
    from spacereader.ingest.fetch import Fetcher
    from spacereader.ingest.full_text import take_full_text
    from spacereader.store.articles import get_article

    outcome = take_full_text(store, Fetcher(), article.id)
    if not outcome.ok:
        print(f"spacereader: article {article.id}: no full text ({clean_line(outcome.reason)}); showing the feed's text",
              file=sys.stderr)  # fmt: skip
    with closing(store.connect()) as conn:
        return get_article(conn, article.id) or article


def format_article(article: Article) -> str:
    """An article as plain text: headline, meta line, paragraphs, media, link."""
    lines = [clean_line(article.title), article.meta_line, ""]
    if article.from_page:
        lines.extend(["(full text taken from the page)", ""])
    for paragraph in article.paragraphs:
        lines.extend([clean_text(paragraph), ""])
    for enclosure in article.enclosures:
        details = clean_line(enclosure.details)
        lines.append(f"Media: {clean_line(enclosure.url)}" + (f" ({details})" if details else ""))
    if article.url:
        lines.append(f"Link: {clean_line(article.url)}")
    return "\n".join(lines).rstrip() + "\n"


def run_tui(args: argparse.Namespace) -> int:
    """Open the reader."""
    from spacereader.ui import collector

    collector.hold()  # until the first frame is drawn
    store = open_store(args, warn=False)
    from spacereader.config import load_settings
    from spacereader.ui.app import SpaceReaderApp
    from spacereader.ui.keys import binding_ids
    from spacereader.ui.theme_saver import theme_names

    config_path = paths.config_file(args.config)
    settings, warnings = load_settings(config_path, known_binding_ids=binding_ids(), known_themes=theme_names())
    from spacereader.entities.extract import SpacyExtractor, make_extractor

    extractor = make_extractor(settings)
    service = None
    if isinstance(extractor, SpacyExtractor):  # the real model runs in its own process
        from spacereader.entities.service import ExtractionService, default_processes

        service = ExtractionService(store.path, extractor.name, settings.entity_processes or default_processes())
    app = SpaceReaderApp(
        store,
        settings,
        extractor=extractor,
        extraction_service=service,
        startup_warnings=[*store.warnings, *warnings],
        config_path=config_path,
    )
    from spacereader.ui.shutdown import run_and_leave

    run_and_leave(app)  # exits the process
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point for `spacereader` and `python -m spacereader`."""
    from spacereader.store import DatabaseError, describe_failure, flag_damage

    args = reader_args(sys.argv[1:] if argv is None else argv) or build_parser().parse_args(argv)
    try:
        if args.command is None:
            return run_tui(args)
        return run_command(args)
    except CommandError as error:
        print(f"spacereader: {clean_line(str(error))}", file=sys.stderr)
        return 1
    except BookmarkFileError as error:
        print(f"spacereader: {clean_line(str(error))}", file=sys.stderr)
        return 1
    except DatabaseError as error:
        # A read-only file, a full disk or a long lock: SQLite rolled the transaction back, so say so in one line.
        database = paths.data_dir(args.data_dir) / paths.DB_NAME
        flag_damage(error, database)
        print(f"spacereader: {clean_line(describe_failure(error, database))}", file=sys.stderr)
        return 1
    except BrokenPipeError:
        return 0
    except KeyboardInterrupt:
        return 130
