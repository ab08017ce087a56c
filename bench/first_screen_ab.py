"""The first screen's CPU time of two trees launched in turn, with Textual's hello-world app beside them.

    uv run python bench/first_screen_ab.py OTHER_SRC [--runs 8] [--articles 2500] [--keep DIR]

On a shared machine two `reader_bench.py` runs one after the other see different loads; launched in turn, the
tree installed here and another one (OTHER_SRC: a copy of another commit's `src`, with its `styles` and `seeds`
beside it, put first on PYTHONPATH) and the hello world see the same. Uses `reader_bench.py`'s launches (tmux,
120x40, bytecode allowed, one untimed round first); prints medians and minimums of the CPU time at the first
screen on a cache of `--articles` articles, and each tree's ratio to the hello world.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
import tempfile
from pathlib import Path

import reader_bench
from synthetic_cache import build_cache


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("other_src", type=Path, help="the other tree's src folder")
    parser.add_argument("--runs", type=int, default=8)
    parser.add_argument("--articles", type=int, default=2500, help="cache size (default 2500)")
    parser.add_argument("--keep", type=Path, help="build the cache here and keep it")
    args = parser.parse_args()
    root = args.keep or Path(tempfile.mkdtemp(prefix="spacereader-ab-"))
    try:
        cache = build_cache(root / f"cache-{args.articles}" / "data", args.articles)
        print(f"load average {os.getloadavg()[0]:.2f}; {args.runs} launches each after one untimed round")
        found: dict[str, list[float]] = {"other": [], "this": [], "hello": []}
        for number in range(args.runs + 1):
            for name in found:
                if name == "other":
                    os.environ["PYTHONPATH"] = str(args.other_src.resolve())
                else:
                    os.environ.pop("PYTHONPATH", None)
                if name == "hello":
                    launched = reader_bench.hello_run(cache.data_dir, 30)
                    cpu = launched[1] if launched else None
                else:
                    cpu = reader_bench.one_run(cache, 30, measure_keys=False).first_screen_cpu_s
                if number and cpu is not None:
                    found[name].append(cpu * 1000)
        hello = statistics.median(found["hello"])
        for name, values in found.items():
            median = statistics.median(values)
            print(f"{name:6} CPU at the first screen: median {median:6.1f} ms, min {min(values):6.1f} ms,"
                  f" ratio to hello world {median / hello:.2f}x ({len(values)} launches)")  # fmt: skip
        print(f"load average at the end: {os.getloadavg()[0]:.2f}")
    finally:
        if args.keep is None:
            shutil.rmtree(root, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
