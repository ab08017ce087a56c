"""spacereader: a keyboard-first terminal news reader."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("spacereader")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0.0.0"
