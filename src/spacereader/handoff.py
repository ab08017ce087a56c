"""Keeping an article or handing it on: a Markdown file that never overwrites one, or a command's stdin.

The command is an argument list run directly (never through a shell), so nothing in an article can
become part of a command line; the article reaches it only as data on standard input.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

from spacereader.article_markdown import article_markdown, file_name
from spacereader.models import Article

PIPE_TIMEOUT_S = 60.0
MAX_TRIES = 1000


class HandoffError(Exception):
    """The article was not saved or not taken by the command; the message is one line naming why."""


def default_save_dir() -> Path:
    """The user's downloads folder when there is one, else the home folder."""
    from platformdirs import user_downloads_path

    downloads = user_downloads_path()
    return downloads if downloads.is_dir() else Path.home()


def save_article(article: Article, folder: Path) -> Path:
    """Write the article as Markdown into `folder` (created if needed) under a new name; returns the file."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise HandoffError(f"cannot create {folder}: {error.strerror or error}") from error
    text = article_markdown(article).encode("utf-8")
    stem = file_name(article).removesuffix(".md")
    for number in range(1, MAX_TRIES + 1):
        path = folder / (f"{stem}.md" if number == 1 else f"{stem}-{number}.md")
        try:
            # "x": created here or not at all, so an existing file (even one made a moment ago) is never replaced.
            with open(path, "xb") as handle:
                handle.write(text)
        except FileExistsError:
            continue
        except OSError as error:
            raise HandoffError(f"cannot write {path}: {error.strerror or error}") from error
        return path
    raise HandoffError(f"{folder}: {MAX_TRIES} files named {stem} already; not saved")


def pipe_article(article: Article, command: tuple[str, ...], *, timeout: float = PIPE_TIMEOUT_S) -> None:
    """Run `command` with the article's Markdown on standard input; HandoffError unless it exits 0."""
    if not command:
        raise HandoffError('no pipe_command is set in the config (e.g. pipe_command = ["wl-copy"])')
    _run_command(command[0], list(command), timeout, input=article_markdown(article).encode("utf-8"))


NOTIFY_TIMEOUT_S = 10.0


def run_notify_command(command: tuple[str, ...], line: str, *, timeout: float = NOTIFY_TIMEOUT_S) -> None:
    """Run `command` with the summary line as its last argument (a desktop notifier); HandoffError if it fails."""
    _run_command(f"notify_command {command[0]}", [*command, line], timeout, stdin=subprocess.DEVNULL)


def _run_command(label: str, argv: list[str], timeout: float, **how) -> None:
    """Run a configured command (an argument list, never a shell); HandoffError naming `label` unless it exits 0."""
    try:
        done = subprocess.run(
            argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, timeout=timeout, check=False, **how
        )
    except FileNotFoundError as error:
        raise HandoffError(f"{label}: command not found") from error
    except subprocess.TimeoutExpired as error:
        raise HandoffError(f"{label}: still running after {timeout:.0f} s; stopped") from error
    except OSError as error:
        raise HandoffError(f"{label}: cannot run ({error.strerror or error})") from error
    if done.returncode != 0:
        said = done.stderr.decode("utf-8", "replace").strip().splitlines()
        raise HandoffError(f"{label} exited with status {done.returncode}{': ' + said[0][:120] if said else ''}")
