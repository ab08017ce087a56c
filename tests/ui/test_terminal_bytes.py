"""The real TUI in a pseudo-terminal: escape sequences hidden in articles never reach the terminal."""

from __future__ import annotations

import os
import pty
import select
import subprocess
import sys
import time

from tests.conftest import add_articles

PAYLOADS = {
    "osc0": "\x1b]0;PWNED-TITLE\x07",
    "osc8": "\x1b]8;;http://evil.example/\x1b\\click\x1b]8;;\x1b\\",
    "osc52": "\x1b]52;c;UFdORUQ=\x07",
    "csi": "\x1b[31337C\x1b[2;7777H",
    "c1": "\x9b31337C\x9d0;C1TITLE\x9c",
}
FORBIDDEN = [
    b"\x1b]0;PWNED",
    b"\x1b]8;;http://evil",
    b"\x1b]52;c;UFdORUQ=",
    b"\x1b[31337C",
    b"\x1b[2;7777H",
    "\x9b".encode(),
    "\x9d".encode(),
    b"\x9b",
    b"\x9d",
]


def read_for(fd: int, seconds: float) -> bytes:
    chunks = []
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        ready, _, _ = select.select([fd], [], [], 0.05)
        if ready:
            try:
                data = os.read(fd, 65536)
            except OSError:
                break
            if not data:
                break
            chunks.append(data)
    return b"".join(chunks)


def test_hostile_titles_and_bodies_do_not_reach_the_terminal(store, tmp_path):
    hostile = "".join(PAYLOADS.values())
    add_articles(store, 3, titles=[f"T{n} {hostile} end" for n in range(3)])
    from contextlib import closing

    with closing(store.connect()) as conn, conn:
        conn.execute("UPDATE articles SET body = ?, author = ?", (f"Body {hostile}\n\nMore {hostile}", hostile))
        conn.execute("UPDATE feeds SET title = ?", (f"Feed {hostile}",))

    env = {**os.environ, "TERM": "xterm-256color", "COLUMNS": "120", "LINES": "40"}
    env.pop("NO_COLOR", None)
    main_fd, child_fd = pty.openpty()
    os.set_blocking(main_fd, False)
    import fcntl
    import struct
    import termios

    fcntl.ioctl(child_fd, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 120, 0, 0))
    process = subprocess.Popen(
        [sys.executable, "-m", "spacereader", "--data-dir", str(tmp_path / "data")],
        stdin=child_fd, stdout=child_fd, stderr=child_fd, env=env, close_fds=True, start_new_session=True,
    )  # fmt: skip
    os.close(child_fd)
    try:
        output = read_for(main_fd, 4.0)
        for key in (b"j", b"\r", b"j", b" ", b"?"):
            os.write(main_fd, key)
            output += read_for(main_fd, 0.4)
        os.write(main_fd, b"\x1b")
        output += read_for(main_fd, 0.4)
        os.write(main_fd, b"q")
        output += read_for(main_fd, 2.0)
        process.wait(timeout=10)
    finally:
        if process.poll() is None:
            process.kill()
        os.close(main_fd)
    assert b"T0" in output and b"end" in output, output[-2000:]  # the titles were drawn
    assert b"PWNED-TITLE" in output  # drawn as inert text...
    for sequence in FORBIDDEN:
        assert sequence not in output, sequence  # ...but never as a sequence
    assert process.returncode == 0
