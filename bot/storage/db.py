"""Database lifecycle: URL → tortoise config, aerich migrations, an isolated tortoise context.

SQLite and PostgreSQL generate different DDL, so each dialect has its own migration folder
(`migrations/sqlite`, `migrations/postgres`), both produced by aerich from the same models.
The schema is always created by applying migrations, never by `generate_schemas`, so every
database, including a replay's temporary one, is built the way production upgrades are.
"""

from __future__ import annotations

import asyncio
import contextvars
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import tortoise.backends.sqlite.executor  # noqa: F401 - registers the adapter replaced below
from aerich import Command
from loguru import logger
from tortoise.context import TortoiseContext, _current_context
from tortoise.exceptions import DBConnectionError

from bot.core.errors import ConfigError
from bot.storage import clients
from bot.storage.startup_lock import startup_lock

MODEL_MODULES = ["bot.storage.models", "aerich.models"]
MIGRATIONS = Path(__file__).with_name("migrations")
APP = "models"
SQLITE_BUSY_MS = 60_000


def _utc_text(value: datetime) -> str:
    return (value.astimezone(UTC) if value.tzinfo else value).isoformat(" ")


# SQLite keeps times as text and compares them as text. tortoise writes a new row's times in
# UTC but an updated time with its own offset, so 09:00+08:00 (01:00 UTC) sorted after
# 02:00+00:00; every time is stored in UTC instead, so comparisons and ORDER BY are right.
sqlite3.register_adapter(datetime, _utc_text)


def dialect(url: str) -> str:
    scheme = urlsplit(url).scheme
    if scheme == "sqlite":
        return "sqlite"
    if scheme in {"postgres", "postgresql", "asyncpg"}:
        return "postgres"
    raise ValueError(f"unsupported database URL scheme {scheme!r}")


def _with_pragmas(url: str) -> str:
    """SQLite pragmas the URL does not set itself:
    - busy_timeout: another process (`qunguan roster import`, `backup`) may hold the write lock
      for a few seconds; wait for it rather than fail after SQLite's default 5 s;
    - synchronous=NORMAL: in WAL mode (tortoise's default) a commit then costs no fsync, only
      checkpoints do. A killed process loses nothing (the WAL is in the OS cache); a power cut
      may lose the last commits but never corrupts the file. This is what makes every action's
      log, journal and audit entries affordable on an embedded database.
    """
    for pragma, value in (("busy_timeout", SQLITE_BUSY_MS), ("synchronous", "NORMAL")):
        if f"{pragma}=" not in url:
            url += ("&" if "?" in url else "?") + f"{pragma}={value}"
    return url


def tortoise_config(url: str) -> dict[str, Any]:
    if url.startswith("postgresql://"):
        url = "postgres://" + url.removeprefix("postgresql://")
    if dialect(url) == "sqlite":
        url = _with_pragmas(url)
    # tortoise caches compiled SQL per connection *name*; naming the connection after its
    # dialect keeps a process that opens both SQLite and PostgreSQL (the tests) from reusing
    # one dialect's statements on the other.
    name = dialect(url)
    return {
        "connections": {name: clients.connection(name, url)},
        "apps": {APP: {"models": MODEL_MODULES, "default_connection": name}},
        "use_tz": True,
        "timezone": "UTC",
    }


def redacted(url: str) -> str:
    parts = urlsplit(url)
    if parts.password:
        return url.replace(f":{parts.password}@", ":***@")
    return url


def check_reachable(url: str) -> None:
    """Fail early and clearly where aerich would hang (an SQLite file that cannot open)."""
    if dialect(url) != "sqlite":
        return
    path = url.removeprefix("sqlite://").split("?", 1)[0]
    try:
        Path(path).parent.mkdir(parents=True, exist_ok=True)
        sqlite3.connect(path).close()
    except (OSError, sqlite3.Error) as exc:
        raise ConfigError("DATABASE_URL", f"cannot open SQLite file {path}: {exc}") from None


def migration_location(url: str) -> Path:
    return MIGRATIONS / dialect(url)


async def migrate(url: str) -> list[str]:
    """Apply pending migrations. aerich drives tortoise's global state, so it runs in a task
    with a fresh context and cannot disturb a context the caller already has open."""

    async def _upgrade() -> list[str]:
        async with Command(
            tortoise_config(url), app=APP, location=str(migration_location(url))
        ) as command:
            await command.init()
            return await command.upgrade(run_in_transaction=True)

    check_reachable(url)
    try:
        async with startup_lock(url, dialect(url) == "postgres", "migrate"):
            applied = await asyncio.create_task(_upgrade(), context=contextvars.Context())
    except (OSError, DBConnectionError) as exc:
        raise ConfigError("DATABASE_URL", f"cannot connect to {redacted(url)}: {exc}") from None
    for name in applied:
        logger.info("applied migration {name}", name=name)
    return applied


class Database:
    """One open database. `open()` migrates, then binds a tortoise context to the caller."""

    def __init__(self, url: str) -> None:
        if dialect(url) == "sqlite" and url.removeprefix("sqlite://") in ("", ":memory:"):
            raise ValueError("an in-memory SQLite database cannot be migrated; use a file")
        self.url = url
        self._context: TortoiseContext | None = None

    @property
    def dialect(self) -> str:
        return dialect(self.url)

    async def open(self) -> None:
        await migrate(self.url)
        context = TortoiseContext()
        context.__enter__()
        await context.init(config=tortoise_config(self.url))
        self._context = context

    @contextmanager
    def bound(self) -> Iterator[None]:
        """Make this open database the tortoise context of the current task (a web request
        runs in a task of its own, not the one that opened the database)."""
        if self._context is None:
            raise RuntimeError("the database is not open")
        token = _current_context.set(self._context)
        try:
            yield
        finally:
            _current_context.reset(token)

    async def close(self) -> None:
        if self._context is not None:
            await self._context.close_connections()
            self._context.__exit__(None, None, None)
            self._context = None
