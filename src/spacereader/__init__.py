"""spacereader: a keyboard-first terminal news reader."""

from __future__ import annotations


def __getattr__(name: str) -> str:
    # Resolved lazily: importlib.metadata costs tens of milliseconds of start-up.
    if name == "__version__":
        from importlib.metadata import PackageNotFoundError, version

        try:
            return version("spacereader")
        except PackageNotFoundError:  # a source tree that was never installed
            return "0.0.0"
    raise AttributeError(name)
