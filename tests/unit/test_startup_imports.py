"""What the reader imports before its first screen: nothing that screen does not draw."""

from __future__ import annotations

import subprocess
import sys

import pytest

from spacereader.cli import build_parser, reader_args

# Loaded only when used: the config writer (saving a theme), the table screens (f, v, L), the entity repairs
# (labelling an article's entities), importlib.metadata (only when the model's dist-info is unclear) and the
# sparkline of a chosen entity; the TOML reader (only with a config file) and the seed importer (only when the
# seed files changed).
NOT_BEFORE_FIRST_SCREEN = ("tomlkit", "tomllib", "spacereader.ingest.seeds", "spacereader.ui.screens.feeds",
                           "spacereader.ui.screens.views", "spacereader.ui.screens.links", "textual.widgets._data_table",
                           "spacereader.entities.normalise", "importlib.metadata", "textual.widgets._sparkline")  # fmt: skip


def test_launch_path_leaves_unused_modules_unimported():
    probe = (
        "import sys, spacereader.cli, spacereader.config, spacereader.ui.app, spacereader.ui.shutdown\n"
        f"print(','.join(name for name in {NOT_BEFORE_FIRST_SCREEN!r} if name in sys.modules))"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=60, check=True)
    assert done.stdout.strip() == ""


def test_the_deferred_modules_exist():
    """The check above would pass vacuously if a name were misspelt."""
    probe = "import importlib, sys\nfor name in sys.argv[1:]: importlib.import_module(name)"
    subprocess.run([sys.executable, "-c", probe, *NOT_BEFORE_FIRST_SCREEN], timeout=60, check=True)


@pytest.mark.parametrize(
    "argv",
    [[], ["--data-dir", "/tmp/x"], ["--config=/tmp/c.toml"], ["--data-dir=/d", "--config", "/c", "--data-dir", "/e"]],
)
def test_reader_arguments_read_without_the_full_parser_match_argparse(argv):
    quick = reader_args(argv)
    assert quick is not None
    assert vars(quick) == vars(build_parser().parse_args(argv))


@pytest.mark.parametrize(
    "argv", [["feeds"], ["--data-dir"], ["--data-dir", "--config"], ["--data", "/x"], ["-h"], ["--version"],
             ["--data-dir", "/x", "refresh"]],
)  # fmt: skip
def test_anything_but_opening_the_reader_goes_to_argparse(argv):
    assert reader_args(argv) is None


def test_opening_the_reader_leaves_the_command_modules_unimported():
    probe = (
        "import sys\nfrom spacereader import cli\nassert cli.reader_args(['--data-dir', '/x']) is not None\n"
        "commands = ['entities', 'feeds', 'marks', 'rules', 'search', 'sync']\n"
        "print(','.join(name for name in commands if 'spacereader.cli.' + name in sys.modules))"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=60, check=True)
    assert done.stdout.strip() == ""
