"""A real FreshRSS on 127.0.0.1 for sync tests and the sync bench, and a forwarding proxy to break it on purpose.

The server comes from `../shared/servers/freshrss/start.sh` (beside the repo in CI and development).
`FreshRSS` also plays the user's phone: it reads and marks through the same API.
"""

from __future__ import annotations

import glob
import http.server
import os
import signal
import socket
import sqlite3
import subprocess
import threading
import time
from dataclasses import dataclass
from pathlib import Path

import httpx

TIMEOUT = 120.0
"""FreshRSS fetches and stores a feed inside the subscribe call: seconds for 1,000 items on a busy machine."""

ROOT = Path(__file__).resolve().parents[2]
START = ROOT.parent / "shared" / "servers" / "freshrss" / "start.sh"
READ = "user/-/state/com.google/read"
STARRED = "user/-/state/com.google/starred"
READING_LIST = "user/-/state/com.google/reading-list"


def missing_reason() -> str | None:
    """Why FreshRSS cannot be started here, or None."""
    if not START.is_file():
        return f"FreshRSS test server not found at {START} (it sits beside the repo only in CI and development)"
    if os.geteuid() != 0 and subprocess.run(["sh", "-c", "command -v php"], capture_output=True).returncode != 0:
        return "PHP is not installed and start.sh can install it only as root"
    return None


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@dataclass
class FreshRSS:
    """One running FreshRSS: its API address, the account, and the folder it runs from."""

    api: str
    user: str
    password: str
    pid: int
    dir: Path

    @classmethod
    def start(cls, folder: Path) -> FreshRSS:
        port = free_port()
        done = subprocess.run(["bash", str(START), str(folder), str(port)], capture_output=True, text=True, timeout=900)
        if done.returncode != 0:
            raise RuntimeError(f"start.sh failed: {done.stderr.strip().splitlines()[-1:]}")
        values = dict(line.split("=", 1) for line in done.stdout.splitlines() if line.startswith("FRESHRSS_"))
        return cls(
            values["FRESHRSS_API"], values["FRESHRSS_USER"], values["FRESHRSS_API_PASSWORD"],
            int(values["FRESHRSS_PID"]), Path(values["FRESHRSS_DIR"]),
        )  # fmt: skip

    def stop(self) -> None:
        try:
            os.kill(self.pid, signal.SIGTERM)
        except ProcessLookupError:
            pass

    @property
    def database(self) -> Path:
        return self.dir / "data" / "users" / self.user / "db.sqlite"

    def wipe(self) -> None:
        """Back to an account with no subscriptions, articles or labels (between tests)."""
        with sqlite3.connect(self.database) as db:
            for table in ("entrytag", "tag", "entrytmp", "entry", "feed"):
                db.execute(f"DELETE FROM {table}")
            db.execute("DELETE FROM category WHERE id != 1")
        for cached in glob.glob(str(self.dir / "data" / "cache" / "*.spc")):
            os.remove(cached)  # a feed URL served again by the next test must be fetched afresh

    # -- the user's other device --------------------------------------------------------------------------

    def _auth(self) -> dict[str, str]:
        answer = httpx.post(
            f"{self.api}/accounts/ClientLogin", data={"Email": self.user, "Passwd": self.password}, timeout=TIMEOUT
        )
        answer.raise_for_status()
        auth = next(line[5:] for line in answer.text.splitlines() if line.startswith("Auth="))
        return {"Authorization": f"GoogleLogin auth={auth}"}

    def get(self, path: str, **params: str) -> dict:
        answer = httpx.get(
            f"{self.api}/reader/api/0/{path}",
            params={**params, "output": "json"},
            headers=self._auth(),
            timeout=TIMEOUT,
        )
        answer.raise_for_status()
        return answer.json()

    def post(self, path: str, data: list[tuple[str, str]]) -> str:
        headers = self._auth()
        token = httpx.get(f"{self.api}/reader/api/0/token", headers=headers, timeout=TIMEOUT).text.strip()
        answer = httpx.post(
            f"{self.api}/reader/api/0/{path}", content=str(httpx.QueryParams([("T", token), *data])),
            headers={**headers, "Content-Type": "application/x-www-form-urlencoded"}, timeout=TIMEOUT,
        )  # fmt: skip
        answer.raise_for_status()
        return answer.text

    def subscribe(self, url: str, folder: str = "") -> None:
        """Subscribe the account (FreshRSS fetches the feed at once)."""
        data = [("s", f"feed/{url}"), ("ac", "subscribe")]
        if folder:
            data.append(("a", f"user/-/label/{folder}"))
        assert self.post("subscription/edit", data).strip() == "OK"

    def ids(self, stream: str, exclude: str = "") -> set[str]:
        params = {"s": stream, "n": "100000"}
        if exclude:
            params["xt"] = exclude
        return {ref["id"] for ref in self.get("stream/items/ids", **params)["itemRefs"]}

    def unread_ids(self) -> set[str]:
        return self.ids(READING_LIST, exclude=READ)

    def starred_ids(self) -> set[str]:
        return self.ids(STARRED)

    def items(self, n: int = 1000) -> list[dict]:
        return self.get("stream/contents/" + READING_LIST, n=str(n))["items"]

    def item_id_of(self, title: str) -> str:
        """The short id of the item with this title."""
        for item in self.items():
            if item["title"] == title:
                return str(int(item["id"].rsplit("/", 1)[1], 16))
        raise KeyError(title)

    def edit(self, ids: list[str], *, add: str = "", remove: str = "") -> None:
        data = [("i", i) for i in ids]
        if add:
            data.append(("a", add))
        if remove:
            data.append(("r", remove))
        assert self.post("edit-tag", data).strip() == "OK"

    def actualize(self) -> None:
        """Make FreshRSS fetch every feed again now (it would wait an hour otherwise)."""
        with sqlite3.connect(self.database) as db:
            db.execute("UPDATE feed SET lastUpdate = 1")
        for cached in glob.glob(str(self.dir / "data" / "cache" / "*.spc")):
            os.remove(cached)
        subprocess.run(
            ["php", str(self.dir / "cli" / "actualize-user.php"), "--user", self.user],
            capture_output=True, check=True, timeout=300,
        )  # fmt: skip


class BreakingProxy:
    """A real HTTP server on 127.0.0.1 that forwards to FreshRSS, and fails on request.

    `fail(path_part, how)`: requests whose path contains `path_part` get `how`: "503", "drop" (the
    connection closed with no answer) or a number of seconds to wait before forwarding. `stop()` closes
    the port (connection refused), `start()` opens it again on the same port.
    """

    def __init__(self, target: str) -> None:
        self.target = target.rstrip("/")
        self.port = free_port()
        self.rules: dict[str, str | float] = {}
        self.seen: list[str] = []
        self.server: http.server.ThreadingHTTPServer | None = None
        self.start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/api/greader.php"

    def fail(self, path_part: str, how: str | float) -> None:
        self.rules[path_part] = how

    def heal(self) -> None:
        self.rules.clear()

    def start(self) -> None:
        proxy = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def log_message(self, *args) -> None:
                pass

            def _forward(self) -> None:
                proxy.seen.append(self.path)
                for part, how in list(proxy.rules.items()):
                    if part in self.path:
                        if how == "503":
                            self.send_response(503)
                            self.send_header("Content-Length", "0")
                            self.end_headers()
                            return
                        if how == "drop":
                            self.close_connection = True
                            self.connection.shutdown(socket.SHUT_RDWR)
                            return
                        time.sleep(float(how))
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length) if length else None
                headers = {k: v for k, v in self.headers.items() if k.lower() not in ("host", "content-length")}
                base = proxy.target.rsplit("/api/greader.php", 1)[0]
                answer = httpx.request(self.command, base + self.path, content=body, headers=headers, timeout=60)
                self.send_response(answer.status_code)
                for key, value in answer.headers.items():
                    if key.lower() not in ("content-length", "transfer-encoding", "content-encoding", "connection"):
                        self.send_header(key, value)
                self.send_header("Content-Length", str(len(answer.content)))
                self.end_headers()
                self.wfile.write(answer.content)

            do_GET = _forward
            do_POST = _forward

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", self.port), Handler)
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def stop(self) -> None:
        if self.server is not None:
            self.server.shutdown()
            self.server.server_close()
            self.server = None
