"""A real FreshRSS, started once per session and emptied before each test that uses it."""

from __future__ import annotations

import pytest

from tests.sync.freshrss import BreakingProxy, FreshRSS, missing_reason


@pytest.fixture(scope="session")
def freshrss_server(tmp_path_factory: pytest.TempPathFactory):
    """The session's FreshRSS; skips with the reason when it cannot run here."""
    reason = missing_reason()
    if reason:
        pytest.skip(reason)
    server = FreshRSS.start(tmp_path_factory.mktemp("freshrss") / "server")
    yield server
    server.stop()


@pytest.fixture
def freshrss(freshrss_server: FreshRSS) -> FreshRSS:
    """The FreshRSS with an empty account."""
    freshrss_server.wipe()
    return freshrss_server


@pytest.fixture
def proxy(freshrss: FreshRSS):
    """A proxy in front of the FreshRSS that a test can make fail."""
    breaking = BreakingProxy(freshrss.api)
    yield breaking
    breaking.stop()
