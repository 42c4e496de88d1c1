"""Throw-away storage for a benchmark run: a PostgreSQL database of its own on the server
named by DATABASE_URL (created and dropped; needs CREATEDB), Redis keys under a prefix of their
own (deleted afterwards). A benchmark never writes into the deployment's own data."""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator
from contextlib import AsyncExitStack, asynccontextmanager
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlsplit, urlunsplit

from bot.core.errors import ConfigError
from bot.storage.counters import Counters, MemoryCounters

if TYPE_CHECKING:
    from bot.storage.redis_counters import RedisCounters


def _dsn(url: str) -> str:
    """asyncpg wants postgresql://; tortoise also accepts postgres:// and asyncpg://."""
    scheme, rest = url.split("://", 1)
    return f"postgresql://{rest}" if scheme in ("postgres", "asyncpg", "postgresql") else url


@asynccontextmanager
async def temporary_postgres(url: str) -> AsyncIterator[str]:
    """A fresh database next to the one `url` names; yields its URL, drops it afterwards."""
    import asyncpg

    name = f"qunguan_bench_{uuid.uuid4().hex[:12]}"
    try:
        conn = await asyncpg.connect(_dsn(url))
    except (OSError, asyncpg.PostgresError) as exc:
        raise ConfigError("DATABASE_URL", f"cannot connect to PostgreSQL: {exc}") from None
    try:
        await conn.execute(f'CREATE DATABASE "{name}"')
    finally:
        await conn.close()
    parts = urlsplit(url)
    try:
        yield urlunsplit(parts._replace(path=f"/{name}"))
    finally:
        conn = await asyncpg.connect(_dsn(url))
        try:
            await conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        finally:
            await conn.close()


@asynccontextmanager
async def redis_counters(url: str, prefix: str) -> AsyncIterator[RedisCounters]:
    """Redis counters under `prefix`; every key they wrote is deleted afterwards."""
    from redis.exceptions import ConnectionError as RedisConnectionError

    from bot.storage.redis_counters import RedisCounters

    counters = RedisCounters(url, prefix=prefix)
    try:
        await counters.redis.ping()
    except (OSError, RedisConnectionError) as exc:
        await counters.close()
        raise ConfigError("REDIS_URL", f"cannot connect to Redis: {exc}") from None
    try:
        yield counters
    finally:
        cleaner = RedisCounters(url, prefix=prefix)  # the replay closes the counters it used
        keys = [key async for key in cleaner.redis.scan_iter(match=f"{prefix}:*")]
        if keys:
            await cleaner.redis.delete(*keys)
        await cleaner.close()


async def bench_storage(
    stack: AsyncExitStack,
    tmp: Path,
    database_url: str | None,
    redis_url: str | None,
    redis_prefix: str,
) -> tuple[str, Counters]:
    """The database URL and counters a benchmark runs on, cleaned up when `stack` closes: a
    SQLite file in `tmp` unless `database_url` is PostgreSQL (a database of its own), memory
    counters unless `redis_url` is set (a prefix of its own)."""
    url = f"sqlite://{tmp / 'bench.sqlite3'}"
    if database_url and not database_url.startswith("sqlite"):
        url = await stack.enter_async_context(temporary_postgres(database_url))
    counters: Counters = MemoryCounters()
    if redis_url:
        prefix = f"{redis_prefix}:bench:{uuid.uuid4().hex[:12]}"
        counters = await stack.enter_async_context(redis_counters(redis_url, prefix))
    return url, counters
