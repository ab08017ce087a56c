"""Parse entry points that fail inside the refresh's worker processes (they import this module by name)."""

from __future__ import annotations

import multiprocessing
import os

from spacereader.ingest import parse, refresh

MARK = "/bad"
# Taken at import, before a test puts one of these functions in its place (they must not call themselves).
_parse_document = refresh.parse_document


class InjectedFault(RuntimeError):
    """Raised on purpose; its message names the process it was raised in."""


def parse_failing_in_worker(body, url, content_type, fetched):
    """The pool's parse stage, raising for the marked feed (a plain exception, not a ParseError)."""
    if MARK in url:
        raise InjectedFault(f"parse stage in process {os.getpid()}")
    return _parse_document(body, url, content_type, fetched)


def parse_with_failing_normalise(body, url, content_type, fetched):
    """The real parse in the worker, with the normalise step (raw entry to article) raising for the marked feed."""
    real = parse.to_article

    def to_article(entry, when):
        if MARK in entry.link:
            raise InjectedFault(f"normalise stage in process {os.getpid()}")
        return real(entry, when)

    parse.to_article = to_article
    try:
        return _parse_document(body, url, content_type, fetched)
    finally:
        parse.to_article = real


def parse_unpicklable_answer(body, url, content_type, fetched):
    """An answer that cannot travel back from the worker: the failure happens at the process boundary."""
    if MARK in url:
        return lambda: None
    return _parse_document(body, url, content_type, fetched)


def parse_killing_the_worker(body, url, content_type, fetched):
    """A worker process dies outright on the marked feed (the refresh then parses on its writer thread)."""
    if MARK in url and multiprocessing.parent_process() is not None:
        os._exit(3)
    return _parse_document(body, url, content_type, fetched)
