"""Write one setting into the user's config file, keeping their comments, order and other settings.

The file is the user's: it is edited with tomlkit (which round-trips comments and layout) and replaced
atomically, and a file that does not parse is never rewritten, since saving would throw its content away.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Any

from spacereader.config import CONFIG_MAX_BYTES
from spacereader.safe_text import clean_line


class ConfigEditError(Exception):
    """The setting was not saved; the message is one line naming the file and why."""


def _read(path: Path) -> str:
    try:
        with path.open("rb") as handle:
            data = handle.read(CONFIG_MAX_BYTES + 1)
    except FileNotFoundError:
        return ""
    except OSError as error:
        raise ConfigEditError(f"cannot read it ({error.strerror or error})") from error
    if len(data) > CONFIG_MAX_BYTES:
        raise ConfigEditError("larger than 1 MB, not a config file")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise ConfigEditError("not UTF-8 text") from error


def _edited(text: str, key: str, value: Any) -> str:
    """The file's text with `key = value` set at the top level, everything else as it was."""
    import tomllib  # both only when a setting is saved: before the first screen they cost time it does not use

    import tomlkit  # ~20 ms
    from tomlkit.exceptions import TOMLKitError

    try:
        before = tomllib.loads(text)
        document = tomlkit.parse(text)
    except (tomllib.TOMLDecodeError, TOMLKitError, RecursionError) as error:
        raise ConfigEditError(f"not valid TOML ({clean_line(str(error)) or 'nested too deeply'})") from error
    document[key] = value
    result = tomlkit.dumps(document)
    # A guard on the round trip: the new file must read as the old one plus this one value.
    expected = {**before, key: value}
    try:
        after = tomllib.loads(result)
    except tomllib.TOMLDecodeError as error:
        raise ConfigEditError("the edited file would not parse; left as it was") from error
    if after != expected:
        raise ConfigEditError(f"{key} could not be set without changing other settings; left as it was")
    return result if result.endswith("\n") else result + "\n"


def _write_atomically(path: Path, text: str) -> None:
    """Replace the file in one step (a crash leaves the old or the new file), keeping its permissions."""
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        mode: int | None = path.stat().st_mode & 0o7777
    except FileNotFoundError:
        mode = None
    handle, temporary = tempfile.mkstemp(prefix=".config-", suffix=".toml", dir=path.parent)
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as out:
            out.write(text)
            out.flush()
            os.fsync(out.fileno())
        if mode is not None:
            os.chmod(temporary, mode)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def save_setting(path: Path, key: str, value: Any) -> None:
    """Set a top-level `key` in the config file at `path` (created when missing).

    A symlinked config (a dotfiles folder) is edited where it points, so the link survives.

    Raises:
        ConfigEditError: the file cannot be read, does not parse, or cannot be written; it is unchanged.
    """
    target = path.resolve()
    try:
        _write_atomically(target, _edited(_read(target), key, value))
    except ConfigEditError as error:
        raise ConfigEditError(clean_line(f"config {path}: {error}")) from None
    except OSError as error:
        raise ConfigEditError(clean_line(f"config {path}: cannot write it ({error.strerror or error})")) from None
