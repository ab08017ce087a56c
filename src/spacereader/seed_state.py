"""Whether the shipped seed files changed since the cache last imported them, from one stat per file.

Every start used to read, parse and hash each seed file and compare it with the cache before the first screen;
a cache that has imported the same files (same names, sizes and modification times) can skip all of that.
"""

from __future__ import annotations

import os
from pathlib import Path


def seed_fingerprint(folder: Path) -> str:
    """Name, size and modification time of each `*.txt` seed file (what `import_seeds` reads); "" when none."""
    try:
        with os.scandir(folder) as entries:
            found = sorted(
                (entry.name, entry.stat())
                for entry in entries
                if entry.name.endswith(".txt") and not entry.name.startswith(".") and entry.is_file()
            )
    except OSError:
        return ""
    return "\n".join(f"{name}\t{stat.st_size}\t{stat.st_mtime_ns}" for name, stat in found)
