"""The console served for real (uvicorn, on a port of its own) and Debian's Chromium driven by
Playwright. Playwright never downloads a browser here: it is given /usr/bin/chromium.
Without it the browser tests skip with the reason, unless QUNGUAN_TEST_REQUIRE_SERVICES=1
(CI, where .ci/run installs it), where they fail.

`QUNGUAN_SCREENSHOTS=DIR` keeps a screenshot of each page the tests visit (docs/web.md's)."""

from __future__ import annotations

import os
import socket
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
import uvicorn
from playwright.sync_api import Page

from bot.core.clock import VirtualClock
from bot.storage.anchors import FileAnchors
from bot.storage.db import Database
from bot.web.app import create_app
from bot.web.routing import Console

CHROMIUM = Path(os.environ.get("QUNGUAN_TEST_CHROMIUM", "/usr/bin/chromium"))
REQUIRE = os.environ.get("QUNGUAN_TEST_REQUIRE_SERVICES") == "1"
SHOTS = os.environ.get("QUNGUAN_SCREENSHOTS")


def need_chromium() -> None:
    if CHROMIUM.exists():
        return
    message = f"no Chromium at {CHROMIUM} (apt-get install chromium; .ci/run does)"
    if REQUIRE:
        pytest.fail(message)
    pytest.skip(message)


@contextmanager
def served(console: Console, url: str) -> Iterator[str]:
    """The console on 127.0.0.1 at a free port, listening before this returns (the socket is
    bound and listening here; connections wait in its backlog until uvicorn takes them)."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.bind(("127.0.0.1", 0))
    sock.listen(64)
    app = create_app(console, Database(url), secret="browser-test", secure_cookies=False)
    server = uvicorn.Server(uvicorn.Config(app, log_level="warning", lifespan="on"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{sock.getsockname()[1]}"
    finally:
        server.should_exit = True
        thread.join(timeout=30)
        sock.close()


def shoot(page: Page, name: str) -> None:
    if SHOTS:
        Path(SHOTS).mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(Path(SHOTS) / f"{name}.png"), full_page=True)


def console_for(config: Path, folder: Path, url: str, clock: VirtualClock) -> Console:
    anchors = FileAnchors(folder / "audit-anchors")  # beside the database, as anchors_for
    return Console(config, clock, folder / "data", url, "zh_CN", anchors=anchors)
