"""Where the first screen's CPU time goes: the reader's start in phases, beside Textual's hello-world app.

    uv run python bench/first_screen_phases.py [--articles 2500] [--runs 5] [--keep DIR]

Each run launches the app in a private tmux pane at 120x40 (as reader_bench.py does) through a small
wrapper that stamps the process's CPU time at: interpreter up, Textual imported, spacereader's launch path
imported, the event loop started, the App ready, and the first frame holding the list (for the hello world:
its text) written to the terminal. It also sums the CPU spent parsing and applying CSS (Textual's
Stylesheet.parse and .apply, the first apply parsing too) up to that frame. The wrapper runs the reader's own entry point (with the
collector held as `spacereader` holds it), so the phases add up to what reader_bench.py measures, give or
take the wrapper's few milliseconds. Prints the median of each phase and the difference to hello world.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

from synthetic_cache import build_cache
from tmux_probe import TmuxPane

ROOT = Path(__file__).resolve().parents[1]
PYTHON = ROOT / ".venv" / "bin" / "python"
HELLO = Path(__file__).resolve().parent / "hello_textual.py"

WRAPPER = r"""
import json, os, sys, time
cpu = time.process_time
stamps = {"interpreter up": cpu()}
out, which = sys.argv[1], sys.argv[2]
sys.argv = [sys.argv[0], *sys.argv[3:]]
if which == "reader":
    try:
        from spacereader.ui import collector
        collector.hold()
    except ImportError:  # an older tree, measured with PYTHONPATH, that did not hold the collector
        pass
import textual.app
from textual.css.stylesheet import Stylesheet
from textual.drivers.linux_driver import LinuxDriver
stamps["Textual imported"] = cpu()
css = {"CSS parse": 0.0, "CSS apply": 0.0}
depth = {"CSS parse": 0, "CSS apply": 0}

def summed(name, label):
    original = getattr(Stylesheet, name)
    def wrapper(*args, **kwargs):
        depth[label] += 1
        started = time.thread_time()
        try:
            return original(*args, **kwargs)
        finally:
            depth[label] -= 1
            if depth[label] == 0:  # apply calls itself for component classes: count the outermost call only
                css[label] += time.thread_time() - started
    setattr(Stylesheet, name, wrapper)

summed("parse", "CSS parse")
summed("apply", "CSS apply")
write = LinuxDriver.write

def stamped_write(self, data):
    if len(data) > 200 and (("Hello" in data) if which == "hello" else ("1/" in data)):
        stamps["first frame"] = cpu()
        with open(out, "w") as f:
            json.dump({"stamps": stamps, "css": css}, f)
        os._exit(0)
    return write(self, data)

LinuxDriver.write = stamped_write
process = textual.app.App._process_messages
async def loop_started(self, *args, **kwargs):
    stamps.setdefault("event loop started", cpu())
    return await process(self, *args, **kwargs)
textual.app.App._process_messages = loop_started
ready = textual.app.App._ready
async def app_ready(self):
    stamps.setdefault("App ready", cpu())
    return await ready(self)
textual.app.App._ready = app_ready
if which == "hello":
    sys.path.insert(0, os.path.dirname(os.environ["HELLO"]))
    import hello_textual
    stamps["launch path imported"] = cpu()
    hello_textual.HelloApp().run()
else:
    from spacereader.cli import main
    stamps["launch path imported"] = cpu()  # the rest is imported by main() before the loop starts
    main()
"""

PHASES = [
    "interpreter up",
    "Textual imported",
    "launch path imported",
    "event loop started",
    "App ready",
    "first frame",
]


def one_run(wrapper: Path, which: str, data_dir: Path, out: Path) -> dict | None:
    """Launch once; the stamps and CSS sums, or None when no first frame came within 30 s."""
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONDONTWRITEBYTECODE", "TMUX", "TMUX_PANE")}
    env["SPACEREADER_CONFIG"] = str(data_dir.parent / "no-config.toml")
    env["HELLO"] = str(HELLO)
    out.unlink(missing_ok=True)
    command = [str(PYTHON), str(wrapper), str(out), which]
    if which == "reader":
        command += ["--data-dir", str(data_dir)]
    with TmuxPane(120, 40, env) as pane:
        pane.launch(command)
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline and not out.exists():
            time.sleep(0.01)
        time.sleep(0.05)
    return json.loads(out.read_text()) if out.exists() else None


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=2500, help="cache size (default 2500)")
    parser.add_argument("--runs", type=int, default=5, help="launches of each app (default 5)")
    parser.add_argument("--keep", metavar="DIR", type=Path, help="build the cache here and keep it")
    args = parser.parse_args()
    if shutil.which("tmux") is None:
        print("tmux not found: install it (apt-get install tmux)", file=sys.stderr)
        return 2
    root = args.keep or Path(tempfile.mkdtemp(prefix="spacereader-phases-"))
    try:
        data_dir = root / f"cache-{args.articles}" / "data"
        build_cache(data_dir, args.articles)
        wrapper = root / "phases_wrapper.py"
        wrapper.write_text(WRAPPER)
        results: dict[str, list[dict]] = {"hello": [], "reader": []}
        for number in range(args.runs + 1):  # the first round writes bytecode and warms caches
            for which in ("hello", "reader"):
                found = one_run(wrapper, which, data_dir, root / f"phases-{which}.json")
                if found is not None and number > 0:
                    results[which].append(found)
        print(f"{args.articles:,} articles, {args.runs} runs each, load average {os.getloadavg()[0]:.2f};"
              " CPU ms since the process started (medians)")  # fmt: skip
        print(f"{'phase':<32}{'hello world':>12}{'spacereader':>13}{'difference':>12}")
        for phase in PHASES + ["CSS parse", "CSS apply"]:
            medians = {}
            for which, runs in results.items():
                key = "css" if phase.startswith("CSS") else "stamps"
                values = [run[key][phase] * 1000 for run in runs if phase in run[key]]
                medians[which] = statistics.median(values) if values else float("nan")
            label = f"{phase} (to first frame)" if phase.startswith("CSS") else phase
            print(f"{label:<32}{medians['hello']:>12.1f}{medians['reader']:>13.1f}"
                  f"{medians['reader'] - medians['hello']:>12.1f}")  # fmt: skip
        print(f"load average at the end: {os.getloadavg()[0]:.2f}")
    finally:
        if args.keep is None:
            shutil.rmtree(root, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
