"""The console under test: a database the bot has run on (a replayed company morning: groups,
members, warnings, an audit), two console users, and the app on a virtual clock."""

from __future__ import annotations

import asyncio
import re
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from starlette.testclient import TestClient

from bot.core.clock import VirtualClock
from bot.storage.anchors import FileAnchors
from bot.storage.db import Database
from bot.web.app import create_app
from bot.web.routing import Console
from tests.web.company import seeded_database

PASSWORD = "correct horse battery"
# The morning after the replayed one, in Beijing: the warnings are still live.
NOW = datetime(2026, 11, 24, 10, 0, tzinfo=ZoneInfo("Asia/Shanghai"))
CSRF = re.compile(r'name="csrf_token" value="([^"]+)"')


@dataclass
class Site:
    client: TestClient
    clock: VirtualClock
    url: str
    config: Path
    folder: Path

    def csrf(self, path: str = "/login") -> str:
        found = CSRF.search(self.client.get(path).text)
        assert found, f"no CSRF token on {path}"
        return found.group(1)

    def login(self, user: str = "hr", password: str = PASSWORD) -> None:
        token = self.csrf()
        done = self.client.post(
            "/login", data={"username": user, "password": password, "csrf_token": token}
        )
        assert done.status_code == 200 and "/login" not in str(done.url), done.text[:300]


@pytest.fixture(scope="session")
def company(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """(database file, config file), built once; tests work on copies."""
    folder = tmp_path_factory.mktemp("company")
    return asyncio.run(seeded_database(folder, PASSWORD))


def site_on(
    folder: Path, company: tuple[Path, Path], *, secure_cookies: bool = False, limit: int = 0
) -> Iterator[Site]:
    database, config = company
    folder.mkdir(parents=True, exist_ok=True)
    copy = folder / "console.sqlite3"
    shutil.copy(database, copy)
    url = f"sqlite://{copy}"
    clock = VirtualClock(NOW)
    anchors = FileAnchors(folder / "audit-anchors")  # beside the database, as anchors_for
    console = Console(config, clock, folder / "data", url, "zh_CN", anchors=anchors)
    if limit:
        console.max_upload = limit
    app = create_app(console, Database(url), secret="test-secret", secure_cookies=secure_cookies)
    with TestClient(app, base_url="http://127.0.0.1", follow_redirects=True) as client:
        yield Site(client, clock, url, config, folder)


@pytest.fixture
def site(tmp_path: Path, company: tuple[Path, Path]) -> Iterator[Site]:
    yield from site_on(tmp_path, company)


@pytest.fixture
def logged_in(site: Site) -> Site:
    site.login()
    return site


def later(site: Site, minutes: int) -> None:
    site.clock.set(site.clock.now() + timedelta(minutes=minutes))
