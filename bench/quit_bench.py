"""How long `q` takes to give the shell back while entity extraction runs, and what it leaves running.

    uv run python bench/quit_bench.py [--articles 10000] [--runs 5] [--settle 3] [--keep DIR]

Builds a cache of `--articles` articles (none extracted yet, so the entity process has a backlog), launches
the installed reader in a private tmux pane as `reader_bench.py` does, waits for the first screen and then
`--settle` seconds (the model loads and extraction runs), presses `q` and times it until the reader's process
has ended. It then looks for any process the reader had started that is still running. Target: ≤ 0.3 s.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from reader_bench import HEIGHT, SCRIPT, WIDTH, list_row, measured_env, subtitle  # noqa: E402
from synthetic_cache import build_cache  # noqa: E402
from tmux_probe import TmuxPane, is_running, screen_has  # noqa: E402

TARGET_S = 0.3


def descendants(pid: int) -> set[int]:
    """Every live process below `pid`, read from /proc."""
    parents: dict[int, int] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                parents[int(entry.name)] = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
            except (OSError, ValueError, IndexError):
                continue
    found: set[int] = set()
    frontier = {pid}
    while frontier:
        frontier = {child for child, parent in parents.items() if parent in frontier} - found
        found |= frontier
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--settle", type=float, default=3.0, help="seconds between the first screen and q")
    parser.add_argument("--keep", type=Path, help="build (or reuse) the cache here and keep it")
    args = parser.parse_args(argv)
    if not SCRIPT.exists() or shutil.which("tmux") is None:
        print("needs `uv sync` and tmux", file=sys.stderr)
        return 2
    root = args.keep or Path(tempfile.mkdtemp(prefix="spacereader-quit-"))
    root.mkdir(parents=True, exist_ok=True)
    try:
        cache = build_cache(root / f"cache-{args.articles}", args.articles)
        first = screen_has(patterns=[subtitle(1, cache.total), list_row(cache.title(0))])
        times: list[float] = []
        children_seen: list[int] = []
        left_over: set[int] = set()
        for run in range(args.runs + 1):  # the first run only writes the bytecode cache
            with TmuxPane(WIDTH, HEIGHT, measured_env(cache.data_dir)) as pane:
                pane.launch([str(SCRIPT), "--data-dir", str(cache.data_dir)])
                pane.wait_for(first, 30, "first screen")
                time.sleep(args.settle)
                started = descendants(pane.pid) if pane.pid else set()
                seconds = pane.quit(timeout=30)
                time.sleep(0.5)
                still = {pid for pid in started if is_running(pid)}
            if run == 0:
                continue
            if seconds is None:
                print(f"  run {run}: did not quit within 30 s")
                return 1
            times.append(seconds)
            children_seen.append(len(started))
            left_over |= still
            print(f"  run {run}: {seconds * 1000:.0f} ms, {len(started)} child processes before, {len(still)} after")
        median = statistics.median(times)
        print(
            f"quit with extraction running, {cache.total} articles: median {median * 1000:.0f} ms "
            f"(min {min(times) * 1000:.0f}, max {max(times) * 1000:.0f}, {len(times)} runs); target ≤ {TARGET_S * 1000:.0f} ms"
        )
        print(f"processes left running after quit: {len(left_over)}")
        return 0 if median <= TARGET_S and not left_over else 1
    finally:
        if args.keep is None:
            shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
