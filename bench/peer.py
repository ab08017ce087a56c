"""newsboat beside spacereader in the same run, through the shared peer kit beside the repo.

The kit (../shared/peer-bench) generates a feed corpus, serves it on 127.0.0.1, fills newsboat's
cache with a real reload and times newsboat's TUI to its feed list with the same tmux method.
It exists only in development checkouts, so everything here skips with a message without it.
"""

from __future__ import annotations

import json
import shutil
import socket
import statistics
import subprocess
from dataclasses import dataclass
from pathlib import Path

from tmux_probe import Summary

PEER_KIT = Path(__file__).resolve().parents[2] / "shared" / "peer-bench"
ITEMS_PER_FEED = 50
BUDGET_S = 900


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@dataclass
class NewsboatPlan:
    """newsboat sizes to time, as feeds x 50 items."""

    sizes: list[int]

    def measure(self, root: Path, articles: int, runs: int) -> tuple[Summary | None, str]:
        """newsboat's first screen at one size; the summary and a note (version or failure)."""
        feeds = max(1, round(articles / ITEMS_PER_FEED))
        work = root / f"newsboat-{articles}"
        results = work / "results.jsonl"
        command = [
            "bash", str(PEER_KIT / "newsboat_bench.sh"), "--feeds", str(feeds), "--items", str(ITEMS_PER_FEED),
            "--runs", "1", "--tui-runs", str(runs), "--port", str(free_port()), "--work", str(work),
            "--budget-s", str(BUDGET_S), "--out", str(results),
        ]  # fmt: skip
        print(f"newsboat: {feeds} feeds x {ITEMS_PER_FEED} items, reload then {runs} timed launches ...", flush=True)
        # The kit reports failures in its results and stderr; a non-zero exit is described, not raised.
        done = subprocess.run(command, capture_output=True, text=True, timeout=BUDGET_S + 60, check=False)
        lines = results.read_text().splitlines() if results.exists() else []
        rows = [json.loads(line) for line in lines if line.strip()]
        firsts = [r["value"] for r in rows if r.get("metric") == "tui_first_screen" and r.get("value") is not None]
        version = next((r["value"] for r in rows if r.get("metric") == "version"), "newsboat")
        hwm = [r["vmhwm_kb"] for r in rows if r.get("metric") == "tui_first_screen" and r.get("vmhwm_kb")]
        note = version + (f", VmHWM {statistics.median(hwm) / 1024:.0f} MB" if hwm else "")
        if not firsts:
            tail = (done.stderr or "").strip().splitlines()[-3:]
            return None, f"no first-screen figure (exit {done.returncode}): {' | '.join(tail)}"
        return Summary.of(firsts), note

    def run_and_compare(self, root: Path, ours: dict[int, Summary | None], runs: int) -> None:
        """Time newsboat at each size and print its first screen as a ratio to spacereader's."""
        print()
        lines = []
        for articles in self.sizes:
            theirs, note = self.measure(root, articles, runs)
            mine = ours.get(articles)
            if theirs is None or mine is None:
                lines.append(f"{articles:>9,}  newsboat: {note}")
                continue
            lines.append(
                f"{articles:>9,}  {theirs.median:7.3f} s ({theirs.low:.3f}-{theirs.high:.3f})"
                f"  {mine.median:7.3f} s    {theirs.median / mine.median:6.2f}x  {note}"
            )
        print("first screen, newsboat (feed list) against spacereader (article list), medians in this run;")
        print("ratio = newsboat / spacereader, so above 1 means spacereader is on screen sooner")
        print(f"{'articles':>9}  {'newsboat':<26}{'spacereader':<13}{'ratio':<9}")
        for line in lines:
            print(line)


def plan_newsboat(sizes: list[int]) -> NewsboatPlan | None:
    """A plan when newsboat, tmux and the peer kit are all present; otherwise say why and return None."""
    if not (PEER_KIT / "newsboat_bench.sh").is_file():
        print(f"peer skipped: the shared peer kit is not at {PEER_KIT} (it sits beside the repo in development only)")
        return None
    if shutil.which("newsboat") is None:
        print("peer skipped: newsboat is not installed (apt-get install newsboat)")
        return None
    if shutil.which("python3") is None or shutil.which("curl") is None:
        print("peer skipped: the peer kit needs python3 and curl on PATH")
        return None
    return NewsboatPlan(sizes)
