"""Reader benchmark: first screen, peak memory and keypress throughput on a large cache.

    uv run python bench/reader_bench.py [--articles 100000] [--runs 5] [--keep DIR]
        [--sizes 2500,10000,100000] [--peer newsboat]

For each size it builds a synthetic cache in a temp dir (bench/synthetic_cache.py), then, per
run, starts the installed console script `.venv/bin/spacereader --data-dir DIR` (not `uv run`,
whose own start-up would be counted) in a private tmux server at 120x40 and measures:

  first screen   launch -> the list's "1/N" subtitle and the newest headline are on screen
  peak RSS       VmHWM of the spacereader process, read from /proc just before it quits
  ms per key     100 `j` sent in one `tmux send-keys` -> "101/N" and row 101's headline on screen,
                 divided by 100
  one key        10 single `j` presses from an idle app, each until its row number is on screen
  far end        `G` -> the last row on screen, then 300 `k` in one burst, as ms per key
  hello world    before each run, Textual's hello-world app (bench/hello_textual.py) launched the
                 same way until its text is on screen: the reader's first screen as a ratio to it

and, beside the first screen, the CPU time the reader had used by then (stable under other load), and the
hello-world app's too: on a loaded machine the CPU ratio holds where the wall-clock ratio swings.

The measured process runs without PYTHONDONTWRITEBYTECODE (users' installs have bytecode) and an
untimed warm-up launch per size writes the bytecode cache and warms the page cache first.
Prints medians with min/max over the runs, the targets, and pass/fail per target.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from synthetic_cache import CacheInfo, build_cache
from tmux_probe import ProbeTimeout, Summary, TmuxPane, probe_floor_ms, read_environ, screen_has

ROOT = Path(__file__).resolve().parents[1]
SCRIPT = ROOT / ".venv" / "bin" / "spacereader"
WIDTH, HEIGHT = 120, 40
KEYS = 100
SINGLE_PRESSES = 10
DEEP_KEYS = 300
"""Keys up from the last row: enough to need rows from pages not yet loaded (pages hold 128 rows)."""
PAUSE_BETWEEN_PRESSES = 0.25
"""Long enough for the reading pane's delayed preview (50 ms, then its own paint) to finish first."""

TARGET_FIRST_SCREEN_S = 0.4
TARGET_RSS_MB = 150.0
TARGET_MS_PER_KEY = 16.0
TARGET_HELLO_RATIO = 1.5
"""First screen at most this many times Textual's hello-world app's, measured in the same run."""
HELLO = Path(__file__).resolve().parent / "hello_textual.py"

# The list truncates headlines to its width; this many leading characters always fit at 120 columns.
HEADLINE_PREFIX = 20


@dataclass
class RunResult:
    """One launch of the reader."""

    first_screen_s: float | None = None
    first_screen_cpu_s: float | None = None
    rss_first_mb: float | None = None
    peak_rss_mb: float | None = None
    ms_per_key: float | None = None
    key_latency_ms: float | None = None
    jump_to_end_ms: float | None = None
    ms_per_key_at_end: float | None = None
    quit_s: float | None = None
    error: str = ""


@dataclass
class SizeResult:
    """Every run at one cache size."""

    cache: CacheInfo
    runs: list[RunResult] = field(default_factory=list)
    hello: list[float] = field(default_factory=list)
    """First screens of Textual's hello-world app, each launched just before one of the reader's runs."""
    hello_cpu: list[float] = field(default_factory=list)
    """The CPU time the hello-world app had used by its first screen, per launch."""

    def summary(self, name: str) -> Summary | None:
        return Summary.of([getattr(r, name) for r in self.runs if getattr(r, name) is not None])


def measured_env(data_dir: Path) -> dict[str, str]:
    """The environment of the measured process: bytecode allowed, no user config, a fixed terminal size."""
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONDONTWRITEBYTECODE", "TMUX", "TMUX_PANE")}
    env["SPACEREADER_CONFIG"] = str(data_dir.parent / "no-config.toml")
    return env


def subtitle(row: int, total: int) -> str:
    """Regex for the list's "row/total" subtitle, not matching inside a longer number."""
    return rf"(?<![0-9]){row}/{total}(?![0-9])"


def list_row(title: str) -> str:
    """Regex for a headline as a row of the list (border, unread and bookmark markers), not the reading pane."""
    return "│ [● ][★ ]" + re.escape(title[:HEADLINE_PREFIX])


def one_run(cache: CacheInfo, timeout: float, measure_keys: bool = True) -> RunResult:
    """Launch the reader once in tmux; first screen, memory, then (optionally) 100 keypresses."""
    result = RunResult()
    command = [str(SCRIPT), "--data-dir", str(cache.data_dir)]
    first = screen_has(patterns=[subtitle(1, cache.total), list_row(cache.title(0))])
    with TmuxPane(WIDTH, HEIGHT, measured_env(cache.data_dir)) as pane:
        try:
            started = pane.launch(command)
            seen = pane.wait_for(first, timeout, "first screen")
            result.first_screen_s = seen - started
            result.first_screen_cpu_s = pane.cpu_seconds()
            result.rss_first_mb = pane.memory_kb().get("VmHWM", 0) / 1024
            if pane.pid and "PYTHONDONTWRITEBYTECODE" in read_environ(pane.pid):
                raise RuntimeError("the measured process still has PYTHONDONTWRITEBYTECODE set")
            if measure_keys and cache.total > KEYS:
                # Let the first article load into the reading pane before the burst of keys.
                time.sleep(0.5)
                target = screen_has(patterns=[subtitle(KEYS + 1, cache.total), list_row(cache.title(KEYS))])
                sent = pane.send_keys(*["j"] * KEYS)
                done = pane.wait_for(target, timeout, f"row {KEYS + 1}")
                result.ms_per_key = (done - sent) * 1000 / KEYS
                result.key_latency_ms = single_key_latency(pane, cache.total, start_row=KEYS + 1)
                deep_end(pane, cache, timeout, result)
            result.peak_rss_mb = pane.memory_kb().get("VmHWM", 0) / 1024
            result.quit_s = pane.quit()
        except (ProbeTimeout, RuntimeError) as error:
            result.error = str(error)
    return result


def single_key_latency(pane: TmuxPane, total: int, start_row: int, presses: int = SINGLE_PRESSES) -> float | None:
    """Median time from one `j` to its row number on screen, each press waiting for the last to paint.

    The burst above measures throughput (Textual paints once for many queued keys); this is what a
    single keystroke feels like. Resolution is the polling interval plus a `capture-pane` call.
    """
    latencies = []
    for step in range(1, presses + 1):
        time.sleep(PAUSE_BETWEEN_PRESSES)
        sent = pane.send_keys("j")
        seen = pane.wait_for(screen_has(patterns=[subtitle(start_row + step, total)]), 10, "single key")
        latencies.append((seen - sent) * 1000)
    return statistics.median(latencies) if latencies else None


def deep_end(pane: TmuxPane, cache: CacheInfo, timeout: float, result: RunResult) -> None:
    """`G` to the last row, then DEEP_KEYS `k` in one burst: the rows the list must page in from the far end."""
    total = cache.total
    if total <= DEEP_KEYS + 1:
        return
    time.sleep(PAUSE_BETWEEN_PRESSES)
    sent = pane.send_keys("G")
    seen = pane.wait_for(screen_has(patterns=[subtitle(total, total), list_row(cache.title(-1))]), timeout, "last row")
    result.jump_to_end_ms = (seen - sent) * 1000
    time.sleep(PAUSE_BETWEEN_PRESSES)
    row = total - DEEP_KEYS
    target = screen_has(patterns=[subtitle(row, total), list_row(cache.title(row - 1))])
    sent = pane.send_keys(*["k"] * DEEP_KEYS)
    seen = pane.wait_for(target, timeout, f"row {row}")
    result.ms_per_key_at_end = (seen - sent) * 1000 / DEEP_KEYS


def hello_run(data_dir: Path, timeout: float) -> tuple[float, float | None] | None:
    """Launch Textual's hello-world app once the same way: seconds to its text on screen and the CPU time used by
    then, or None."""
    with TmuxPane(WIDTH, HEIGHT, measured_env(data_dir)) as pane:
        try:
            started = pane.launch([sys.executable, str(HELLO)])
            seen = pane.wait_for(screen_has(patterns=[re.escape("Hello, World!")]), 30.0, "hello world")
            cpu = pane.cpu_seconds()
            pane.quit()
            return seen - started, cpu
        except ProbeTimeout:
            return None


def bench_size(articles: int, root: Path, runs: int, timeout: float) -> SizeResult:
    """Build one cache and measure the reader on it `runs` times after one warm-up launch."""
    data_dir = root / f"cache-{articles}" / "data"
    print(f"building (or reusing) a cache of {articles:,} articles in {data_dir} ...", flush=True)
    cache = build_cache(data_dir, articles)
    print(
        f"  built in {cache.seconds:.1f} s: {cache.total:,} articles, {cache.unread:,} unread,"
        f" {cache.bookmarked} bookmarked, {cache.db_bytes / 1e6:.0f} MB on disk",
        flush=True,
    )
    warm = one_run(cache, timeout, measure_keys=False)
    hello_run(data_dir, timeout)  # its bytecode too
    if warm.error:
        print(f"  warm-up launch failed: {warm.error}", flush=True)
    result = SizeResult(cache)
    for number in range(runs):
        # Interleaved, so both see the same load on the shared machine.
        hello = hello_run(data_dir, timeout)
        if hello is not None:
            result.hello.append(hello[0])
            if hello[1] is not None:
                result.hello_cpu.append(hello[1])
        run = one_run(cache, timeout)
        result.runs.append(run)
        wall, cpu = hello or (0.0, None)
        print(f"  run {number + 1}: {describe_run(run)}; Textual hello world {wall:.3f} s ({cpu or 0:.3f} s CPU)",
              flush=True)  # fmt: skip
    return result


def describe_run(run: RunResult) -> str:
    if run.error:
        return f"FAILED: {run.error}"
    parts = [
        f"first screen {run.first_screen_s:.3f} s ({run.first_screen_cpu_s or 0:.3f} s CPU)",
        f"RSS at first screen {run.rss_first_mb:.0f} MB",
    ]
    if run.ms_per_key is not None:
        parts.append(f"{run.ms_per_key:.1f} ms/key")
    if run.key_latency_ms is not None:
        parts.append(f"single key {run.key_latency_ms:.1f} ms")
    if run.jump_to_end_ms is not None:
        parts.append(f"G {run.jump_to_end_ms:.0f} ms, {run.ms_per_key_at_end:.1f} ms/key from the end")
    parts.append(f"peak RSS {run.peak_rss_mb:.0f} MB")
    return ", ".join(parts)


def fmt(summary: Summary | None, unit: str, digits: int) -> str:
    if summary is None:
        return "-"
    return f"{summary.median:.{digits}f} {unit} ({summary.low:.{digits}f}-{summary.high:.{digits}f})"


def verdict(summary: Summary | None, target: float) -> str:
    if summary is None:
        return "no data"
    return "pass" if summary.median <= target else "FAIL"


def report(results: list[SizeResult]) -> bool:
    """Print the tables; True when every target is met at the largest size."""
    print()
    print(f"spacereader first screen by cache size (medians, min-max; {WIDTH}x{HEIGHT} tmux, 5 ms polling)")
    print(
        f"{'articles':>9}  {'first screen':<26}{'its CPU time':<26}{'peak RSS':<22}{'ms per key':<20}"
        f"{'one key':<22}runs ok"
    )
    for size in results:
        ok = sum(1 for r in size.runs if not r.error)
        print(
            f"{size.cache.total:>9,}  {fmt(size.summary('first_screen_s'), 's', 3):<26}"
            f"{fmt(size.summary('first_screen_cpu_s'), 's', 3):<26}"
            f"{fmt(size.summary('peak_rss_mb'), 'MB', 0):<22}{fmt(size.summary('ms_per_key'), 'ms', 1):<20}"
            f"{fmt(size.summary('key_latency_ms'), 'ms', 1):<22}"
            f"{ok}/{len(size.runs)}"
        )
    print()
    print(f"the far end of the list: `G`, then {DEEP_KEYS} `k` in one burst (medians, min-max)")
    print(f"{'articles':>9}  {'G to last row':<30}{'ms per key from the end':<26}")
    for size in results:
        print(
            f"{size.cache.total:>9,}  {fmt(size.summary('jump_to_end_ms'), 'ms', 0):<30}"
            f"{fmt(size.summary('ms_per_key_at_end'), 'ms', 1):<26}"
        )
    print()
    print("first screen against Textual's hello-world app launched the same way, interleaved in this run")
    print(
        f"{'articles':>9}  {'hello world':<26}{'spacereader':<26}{'ratio (target <= ' + f'{TARGET_HELLO_RATIO:g}x)':<23}"
        f"{'hello world CPU':<26}{'spacereader CPU':<26}CPU ratio"
    )
    hello_passed = True
    for size in results:
        hello, ours = Summary.of(size.hello), size.summary("first_screen_s")
        hello_cpu, ours_cpu = Summary.of(size.hello_cpu), size.summary("first_screen_cpu_s")
        if hello and ours:
            ratio = ours.median / hello.median
            hello_passed &= ratio <= TARGET_HELLO_RATIO
            cpu_ratio = f"{ours_cpu.median / hello_cpu.median:.2f}x" if hello_cpu and ours_cpu else "-"
            print(
                f"{size.cache.total:>9,}  {fmt(hello, 's', 3):<26}{fmt(ours, 's', 3):<26}{ratio:.2f}x{'':<18}"
                f"{fmt(hello_cpu, 's', 3):<26}{fmt(ours_cpu, 's', 3):<26}{cpu_ratio}"
            )
    largest = max(results, key=lambda s: s.cache.total)
    checks = [
        ("first screen", largest.summary("first_screen_s"), TARGET_FIRST_SCREEN_S, "s", 3),
        ("peak RSS", largest.summary("peak_rss_mb"), TARGET_RSS_MB, "MB", 0),
        ("ms per key", largest.summary("ms_per_key"), TARGET_MS_PER_KEY, "ms", 1),
        ("  at the end", largest.summary("ms_per_key_at_end"), TARGET_MS_PER_KEY, "ms", 1),
    ]
    print()
    print(f"targets at {largest.cache.total:,} articles (median against target)")
    passed = True
    for name, summary, target, unit, digits in checks:
        mark = verdict(summary, target)
        passed &= mark == "pass"
        value = f"{summary.median:.{digits}f}" if summary else "-"
        print(f"  {name:<13} {value:>8} {unit:<3} target <= {target:g} {unit:<3} {mark}")
    if len(results) > 1:
        small, big = results[0], results[-1]
        for label, name in (("wall", "first_screen_s"), ("CPU", "first_screen_cpu_s")):
            low, high = small.summary(name), big.summary(name)
            if low and high:
                print(
                    f"  growth        first screen ({label}) at {big.cache.total:,} / at {small.cache.total:,}"
                    f" = {high.median / low.median:.2f}x for {big.cache.total / small.cache.total:.0f}x the articles"
                )
    return passed and hello_passed


def parse_sizes(text: str) -> list[int]:
    try:
        sizes = sorted({int(part.replace("_", "")) for part in text.split(",") if part.strip()})
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a list of numbers: {text!r}") from None
    if not sizes or min(sizes) < 1:
        raise argparse.ArgumentTypeError("sizes must be positive")
    return sizes


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=100_000, help="cache size (default 100000)")
    parser.add_argument("--sizes", type=parse_sizes, help="several cache sizes, e.g. 2500,10000,100000")
    parser.add_argument("--runs", type=int, default=5, help="measured launches per size (default 5)")
    parser.add_argument("--keep", metavar="DIR", type=Path, help="build the caches here and keep them")
    parser.add_argument("--timeout", type=float, default=60.0, help="seconds to wait for a screen (default 60)")
    parser.add_argument("--peer", choices=["newsboat"], help="also time newsboat's first screen in this run")
    parser.add_argument("--peer-sizes", type=parse_sizes, default=[2500, 10000],
                        help="sizes for the peer, 50 items a feed (default 2500,10000)")  # fmt: skip
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if not SCRIPT.exists():
        print(f"{SCRIPT} not found: run `uv sync` first", file=sys.stderr)
        return 2
    if shutil.which("tmux") is None:
        print("tmux not found: install it (apt-get install tmux)", file=sys.stderr)
        return 2
    sizes = args.sizes or [args.articles]
    peer_plan = None
    if args.peer:
        from peer import plan_newsboat

        peer_plan = plan_newsboat(args.peer_sizes)
        if peer_plan is not None:
            sizes = sorted(set(sizes) | set(args.peer_sizes))
    floor = probe_floor_ms()
    print(
        f"probe floor: a key echoed by `cat` shows up after {floor:.1f} ms (median); single-key figures include it",
        flush=True,
    )
    print(
        f"measuring {SCRIPT.relative_to(ROOT)} --data-dir DIR directly (not `uv run`), PYTHONDONTWRITEBYTECODE"
        f" unset, bytecode warmed by one untimed launch; {args.runs} runs per size; {os.cpu_count()} CPUs,"
        f" load average {os.getloadavg()[0]:.2f} (other work on the machine widens the spread)",
        flush=True,
    )
    root = args.keep or Path(tempfile.mkdtemp(prefix="spacereader-bench-"))
    root.mkdir(parents=True, exist_ok=True)
    try:
        results = [bench_size(n, root, args.runs, args.timeout) for n in sizes]
        passed = report(results)
        print(f"load average at the end: {os.getloadavg()[0]:.2f}")
        if peer_plan is not None:
            peer_plan.run_and_compare(root, {s.cache.total: s.summary("first_screen_s") for s in results}, args.runs)
    finally:
        if args.keep is None:
            shutil.rmtree(root, ignore_errors=True)
        else:
            print(f"caches kept in {root}")
    return 0 if passed else 1


if __name__ == "__main__":
    sys.exit(main())
