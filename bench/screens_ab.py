"""The slow screens of the scale bench, for two trees launched in turn: wall-clock and the reader's CPU time.

    uv run python bench/screens_ab.py OTHER_SRC --data-dir DIR [--runs 3] [--timeout 30]

DIR is a cache built by `scale_bench.py --keep DIR` (100,000 articles over 2,000 feeds). OTHER_SRC is another
commit's `src` (with its `styles` and `seeds` beside it), put first on PYTHONPATH; the installed tree is the
other side. Each round launches both trees, one after the other, in a private tmux pane (120x40), waits 2.5 s
after the first screen and times from the key until the screen shows:

- `f`: the feeds view's title with every feed counted;
- `v` first and `v` again: the views list with every count in (no "counting");
- `enter` on the first entity of the sidebar: its header and its articles' list;
- `ctrl+p`: the command palette's input;
- `L`: the highlighted article's links (a table like the feeds view's, of a few rows).

Beside each wall-clock figure it prints the CPU time the reader's threads used meanwhile (from
`/proc/PID/task/*/schedstat`): on a shared machine the wall clock stretches with other people's load, the CPU
time much less. Medians (min-max) per tree, and this tree's over the other's.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

from reader_bench import SCRIPT, list_row, measured_env, subtitle
from scale_bench import expected
from tmux_probe import ProbeTimeout, TmuxPane, screen_has


def timed(pane: TmuxPane, keys: list[str], seen, timeout: float) -> tuple[float, float]:
    """(wall ms, reader CPU ms) from sending `keys` until `seen(screen)`."""
    cpu = pane.cpu_seconds() or 0.0
    sent = pane.send_keys(*keys)
    shown = pane.wait_for(seen, timeout, " ".join(keys))
    return (shown - sent) * 1000, ((pane.cpu_seconds() or 0.0) - cpu) * 1000


def launch(data_dir: Path, other_src: Path | None, timeout: float) -> dict[str, tuple[float, float]]:
    """One launch of one tree: each screen once, in the order listed in the module's docstring."""
    want = expected(data_dir)
    env = measured_env(data_dir)
    if other_src is not None:
        env["PYTHONPATH"] = str(other_src.resolve())
    home = screen_has(patterns=[subtitle(1, want.total), list_row(want.first_title)])
    found: dict[str, tuple[float, float]] = {}
    with TmuxPane(120, 40, env) as pane:
        pane.launch([str(SCRIPT), "--data-dir", str(data_dir)])
        pane.wait_for(home, timeout, "first screen")
        time.sleep(2.5)
        listed = screen_has("Views (")

        def counted(screen: str) -> bool:
            return listed(screen) and "counting" not in screen

        for name, keys, seen in (
            ("f feeds view", ["f"], screen_has(f"Feeds ({want.feeds})")),
            ("v views, counted, first", ["v"], counted),
            ("v views, counted, again", ["v"], counted),
        ):
            found[name] = timed(pane, keys, seen, timeout)
            time.sleep(0.3)
            pane.send_keys("escape")
            pane.wait_for(home, timeout, f"back from {name}")
            time.sleep(0.5)
        found["ctrl+p command palette"] = timed(pane, ["C-p"], screen_has("Search for commands"), timeout)
        time.sleep(0.3)
        pane.send_keys("escape")
        pane.wait_for(lambda screen: "Search for commands" not in screen and home(screen), timeout, "palette")
        time.sleep(0.5)
        found["L links of the article"] = timed(pane, ["L"], screen_has(" media · "), timeout)
        time.sleep(0.3)
        pane.send_keys("escape")
        pane.wait_for(lambda screen: " media · " not in screen and home(screen), timeout, "links")
        time.sleep(0.5)
        for key in ("tab", "tab", "down"):  # list -> reading pane -> entity sidebar, its first entity
            pane.send_keys(key)
            time.sleep(0.4)
        found["enter on an entity"] = timed(pane, ["enter"], screen_has("named in", "Articles naming"), timeout)
        pane.quit()
    return found


def fmt(values: list[float]) -> str:
    return f"{statistics.median(values):5.0f} ({min(values):.0f}-{max(values):.0f})"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("other_src", type=Path, help="the other tree's src folder")
    parser.add_argument("--data-dir", type=Path, required=True, help="a cache kept by scale_bench.py --keep")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--timeout", type=float, default=30.0)
    args = parser.parse_args()
    trees = {"other": args.other_src, "this": None}
    figures: dict[str, dict[str, list[tuple[float, float]]]] = {name: {} for name in trees}
    print(f"load average {os.getloadavg()[0]:.2f}; {args.runs} launches of each tree, in turn", flush=True)
    for _ in range(args.runs):
        for name, src in trees.items():
            try:
                for screen, value in launch(args.data_dir, src, args.timeout).items():
                    figures[name].setdefault(screen, []).append(value)
            except ProbeTimeout as error:
                print(f"{name}: {error}", file=sys.stderr)
    print(f"load average at the end {os.getloadavg()[0]:.2f}; medians (min-max), ms")
    print(f"{'':26} {'other: wall':>16} {'CPU':>16} {'this: wall':>16} {'CPU':>16} {'wall':>6} {'CPU':>6}")
    for screen in figures["this"]:
        other, this = figures["other"].get(screen, []), figures["this"][screen]
        if not other:
            continue
        ratio = [statistics.median(v[i] for v in this) / max(statistics.median(v[i] for v in other), 1e-9)
                 for i in (0, 1)]  # fmt: skip
        print(
            f"{screen:26} {fmt([v[0] for v in other]):>16} {fmt([v[1] for v in other]):>16}"
            f" {fmt([v[0] for v in this]):>16} {fmt([v[1] for v in this]):>16} {ratio[0]:5.2f}x {ratio[1]:5.2f}x"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
