"""Drive a terminal program in a private tmux server and time what appears on its screen.

Shared by the benches in this folder (stdlib only, no spacereader imports), so a later feeds
or search bench measures the same way: one tmux server per run on its own socket and an empty
config, the clock started just before the program is exec'd into the pane, the screen polled
with `capture-pane` every few milliseconds, and memory read from /proc while the program runs.
"""

from __future__ import annotations

import os
import re
import shlex
import signal
import statistics
import subprocess
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Self

POLL_SECONDS = 0.005
"""Screen polling interval; a `capture-pane` round trip costs about 2 ms here, so 5 ms keeps resolution."""


class ProbeTimeout(Exception):
    """The expected text did not appear in time; carries the last screen seen."""

    def __init__(self, what: str, screen: str) -> None:
        super().__init__(f"{what} not seen; screen starts: {screen.splitlines()[:3]!r}")
        self.screen = screen


def screen_has(*literals: str, patterns: Sequence[str] = ()) -> Callable[[str], bool]:
    """A screen predicate: every literal is present and every regex matches."""
    compiled = [re.compile(p) for p in patterns]

    def check(screen: str) -> bool:
        return all(text in screen for text in literals) and all(p.search(screen) for p in compiled)

    return check


def read_memory_kb(pid: int) -> dict[str, int]:
    """VmRSS and VmHWM (peak resident set) of a live process, in KB; empty once it has gone."""
    found: dict[str, int] = {}
    try:
        with open(f"/proc/{pid}/status", encoding="ascii", errors="replace") as status:
            for line in status:
                if line.startswith(("VmRSS:", "VmHWM:")):
                    key, value = line.split(":", 1)
                    found[key] = int(value.split()[0])
    except OSError:
        pass
    return found


def read_cpu_seconds(pid: int) -> float | None:
    """CPU time used so far by all threads of a process (scheduler statistics, nanosecond resolution).

    On a shared machine wall-clock figures stretch with other people's load; CPU time mostly does not,
    so it tells a slow program from a busy machine.
    """
    total = 0
    try:
        for task in os.listdir(f"/proc/{pid}/task"):
            with open(f"/proc/{pid}/task/{task}/schedstat", encoding="ascii") as stat:
                total += int(stat.read().split()[0])
    except (OSError, ValueError, IndexError):
        return None
    return total / 1e9


def read_environ(pid: int) -> dict[str, str]:
    """The environment a process was started with (to check what the measured program saw)."""
    try:
        with open(f"/proc/{pid}/environ", "rb") as raw:
            pairs = raw.read().split(b"\0")
    except OSError:
        return {}
    return dict(p.decode(errors="replace").split("=", 1) for p in pairs if b"=" in p)


def is_running(pid: int) -> bool:
    """Whether the process exists and is not a zombie."""
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii", errors="replace") as stat:
            return stat.read().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


@dataclass
class Summary:
    """Median, min and max of one measure over several runs."""

    median: float
    low: float
    high: float
    runs: int

    @classmethod
    def of(cls, values: Sequence[float]) -> Summary | None:
        """None when no run produced a value."""
        if not values:
            return None
        return cls(statistics.median(values), min(values), max(values), len(values))


class TmuxPane:
    """One private tmux server with a single pane of a fixed size, for one measured run.

    The server is started with `env` as its whole environment, so the program in the pane
    sees exactly that (tmux copies its own environment into panes). Use as a context manager:
    leaving it stops the program and this server only, each by its own PID.
    """

    def __init__(self, width: int = 120, height: int = 40, env: Mapping[str, str] | None = None) -> None:
        self.socket = f"bench-{os.getpid()}-{time.monotonic_ns()}"
        self.width = width
        self.height = height
        self.env = dict(os.environ if env is None else env)
        self.server_pid: int | None = None
        self.pid: int | None = None

    def tmux(self, *args: str, check: bool = True) -> str:
        """Run one tmux command against this server and return its output."""
        done = subprocess.run(
            ["tmux", "-L", self.socket, "-f", "/dev/null", *args],
            capture_output=True, text=True, env=self.env, check=False,
        )  # fmt: skip
        if check and done.returncode != 0:
            raise RuntimeError(f"tmux {args[0]} failed: {done.stderr.strip()}")
        return done.stdout

    def __enter__(self) -> Self:
        # A placeholder keeps the session alive until the measured program replaces it.
        self.tmux("new-session", "-d", "-s", "bench", "-x", str(self.width), "-y", str(self.height), "sleep 3600")
        self.tmux("set-option", "-t", "bench", "remain-on-exit", "on")
        self.server_pid = int(self.tmux("display-message", "-p", "-t", "bench", "#{pid}").strip())
        return self

    def launch(self, command: Sequence[str], cwd: str | None = None) -> float:
        """Replace the placeholder with `exec command`; returns the perf_counter time just before."""
        shell = "exec " + " ".join(shlex.quote(part) for part in command)
        if cwd:
            shell = f"cd {shlex.quote(cwd)} && {shell}"
        started = time.perf_counter()
        self.tmux("respawn-pane", "-k", "-t", "bench", shell)
        pid = self.tmux("display-message", "-p", "-t", "bench", "#{pane_pid}").strip()
        self.pid = int(pid) if pid.isdigit() else None
        return started

    def screen(self) -> str:
        """The pane's text as it is now."""
        return self.tmux("capture-pane", "-p", "-t", "bench", check=False)

    def wait_for(self, seen: Callable[[str], bool], timeout: float, what: str = "text") -> float:
        """Poll the screen until `seen(screen)`; returns the perf_counter time it was first seen."""
        deadline = time.perf_counter() + timeout
        screen = ""
        while True:
            screen = self.screen()
            if seen(screen):
                return time.perf_counter()
            if time.perf_counter() > deadline:
                raise ProbeTimeout(what, screen)
            time.sleep(POLL_SECONDS)

    def send_keys(self, *keys: str) -> float:
        """Send keys in one tmux call (tmux writes them to the pane at once); returns the time before."""
        started = time.perf_counter()
        self.tmux("send-keys", "-t", "bench", *keys)
        return started

    def memory_kb(self) -> dict[str, int]:
        """VmRSS/VmHWM of the program in the pane."""
        return read_memory_kb(self.pid) if self.pid else {}

    def cpu_seconds(self) -> float | None:
        """CPU time the program in the pane has used so far."""
        return read_cpu_seconds(self.pid) if self.pid else None

    def quit(self, keys: Sequence[str] = ("q",), timeout: float = 10.0) -> float | None:
        """Send the quit keys and wait for the program to end; seconds taken, or None if it did not."""
        started = time.perf_counter()
        if keys:
            self.tmux("send-keys", "-t", "bench", *keys, check=False)
        while time.perf_counter() - started < timeout:
            if self.pid is None or not is_running(self.pid):
                return time.perf_counter() - started
            time.sleep(0.01)
        return None

    def __exit__(self, *exc: object) -> None:
        if self.pid and is_running(self.pid):
            os.kill(self.pid, signal.SIGTERM)
            time.sleep(0.5)
            if is_running(self.pid):
                os.kill(self.pid, signal.SIGKILL)
        self.tmux("kill-server", check=False)
        if self.server_pid and is_running(self.server_pid):
            os.kill(self.server_pid, signal.SIGTERM)
        socket_path = os.path.join(os.environ.get("TMUX_TMPDIR", "/tmp"), f"tmux-{os.getuid()}", self.socket)
        try:
            os.unlink(socket_path)
        except OSError:
            pass


def probe_floor_ms(presses: int = 10, width: int = 120, height: int = 40) -> float:
    """Median key-to-screen time for `cat`, which echoes at once: the probe's own share of any latency."""
    latencies = []
    with TmuxPane(width, height) as pane:
        pane.launch(["cat"])
        time.sleep(0.2)
        for number in range(presses):
            token = f"probe{number}x"
            sent = pane.send_keys(token)
            seen = pane.wait_for(screen_has(token), 5, "echo")
            latencies.append((seen - sent) * 1000)
            time.sleep(0.02)
        pane.quit(["C-d"])
    return statistics.median(latencies)
