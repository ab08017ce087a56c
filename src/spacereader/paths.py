"""Where spacereader keeps its data and finds the files it ships."""

from __future__ import annotations

import os
from pathlib import Path

APP_NAME = "spacereader"
DB_NAME = "spacereader.sqlite3"


def data_dir(override: str | os.PathLike[str] | None = None) -> Path:
    """The cache folder: `--data-dir`, else `SPACEREADER_DATA_DIR`, else platformdirs' user data dir."""
    if override:
        return Path(override).expanduser()
    env = os.environ.get("SPACEREADER_DATA_DIR")
    if env:
        return Path(env).expanduser()
    from platformdirs import user_data_path

    return user_data_path(APP_NAME, appauthor=False)


def config_file(override: str | os.PathLike[str] | None = None) -> Path:
    """The config file: `--config`, else `SPACEREADER_CONFIG`, else platformdirs' user config dir."""
    if override:
        return Path(override).expanduser()
    env = os.environ.get("SPACEREADER_CONFIG")
    if env:
        return Path(env).expanduser()
    from platformdirs import user_config_path

    return user_config_path(APP_NAME, appauthor=False) / "config.toml"


def _shipped(name: str) -> Path:
    """A folder shipped inside the wheel, or the repo's top-level copy in an editable install."""
    package_dir = Path(__file__).resolve().parent
    shipped = package_dir / name
    return shipped if shipped.is_dir() else package_dir.parents[1] / name


def styles_dir() -> Path:
    """Folder of .tcss files."""
    return _shipped("styles")


def dialog_styles() -> Path:
    """The dialogs' and table screens' styles: each such screen loads them (CSS_PATH) when it first opens, so
    the first screen neither parses nor matches rules it does not draw."""
    return styles_dir() / "dialogs.tcss"


def seeds_dir() -> Path:
    """Folder of the seed articles the app opens on."""
    return _shipped("seeds")
