"""The account to sync: the [sync] settings plus the password, read from the environment or a command.

The password lives in memory only: never in the cache, a log or a message.
"""

from __future__ import annotations

import os
import subprocess
from dataclasses import dataclass

from spacereader.config import SyncSettings
from spacereader.safe_text import clean_line
from spacereader.sync.greader import SyncError

PASSWORD_ENV = "SPACEREADER_SYNC_PASSWORD"
PASSWORD_COMMAND_TIMEOUT = 30.0


@dataclass(frozen=True)
class SyncAccount:
    """Where and as whom to sync."""

    url: str
    user: str
    password: str

    def __repr__(self) -> str:  # the password stays out of tracebacks and logs
        return f"SyncAccount(url={self.url!r}, user={self.user!r})"

    @property
    def key(self) -> str:
        """Names the account in the cache, so a different server or user starts the mapping afresh."""
        return f"{self.url.rstrip('/')} {self.user}"


def resolve_account(settings: SyncSettings) -> SyncAccount:
    """The account with its password: $SPACEREADER_SYNC_PASSWORD, else the output of password_command."""
    password = os.environ.get(PASSWORD_ENV, "")
    if not password and settings.password_command:
        program = clean_line(settings.password_command[0])[:60]
        try:
            done = subprocess.run(
                list(settings.password_command),
                capture_output=True,
                timeout=PASSWORD_COMMAND_TIMEOUT,
                stdin=subprocess.DEVNULL,
                check=False,
            )
        except FileNotFoundError as error:
            raise SyncError(f"sync: password_command {program} was not found") from error
        except subprocess.TimeoutExpired as error:
            raise SyncError(f"sync: password_command {program} took longer than 30 s") from error
        except OSError as error:
            raise SyncError(f"sync: password_command {program} could not run ({error.strerror or error})") from error
        if done.returncode != 0:
            raise SyncError(f"sync: password_command {program} failed (exit status {done.returncode})")
        # The first line, as `pass` prints it; the rest of its output may hold other fields.
        lines = done.stdout.decode("utf-8", "replace").splitlines()
        password = lines[0].strip() if lines else ""
        if not password:
            raise SyncError(f"sync: password_command {program} printed nothing")
    if not password:
        raise SyncError(f"sync: no password: set {PASSWORD_ENV} or [sync] password_command")
    return SyncAccount(settings.url, settings.user, password)
