"""Shared fixtures. PostgreSQL and Redis are the real servers (never mocks).

Each PostgreSQL test gets a database of its own, created from the server named by
QUNGUAN_TEST_POSTGRES (default: the local `test` database) and dropped afterwards; Redis tests
use a key prefix of their own and delete their keys. Without the servers those tests skip,
unless QUNGUAN_TEST_REQUIRE_SERVICES=1 (as in CI), where they fail.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import UTC, datetime
from pathlib import Path

import pytest
from hypothesis import is_hypothesis_test, seed, settings

from bot.storage.counters import Counters, MemoryCounters
from bot.storage.db import Database
from bot.storage.redis_counters import RedisCounters
from tests import seeds

PG_URL = os.environ.get("QUNGUAN_TEST_POSTGRES", "postgres://postgres@127.0.0.1:5432/test")
REDIS_URL = os.environ.get("QUNGUAN_TEST_REDIS", "redis://127.0.0.1:6379/0")
REQUIRE = os.environ.get("QUNGUAN_TEST_REQUIRE_SERVICES") == "1"
T0 = datetime(2026, 11, 23, 1, 0, tzinfo=UTC)


def _unavailable(what: str, exc: Exception) -> None:
    message = f"{what} is not reachable: {exc}"
    if REQUIRE:
        pytest.fail(message)
    pytest.skip(message)


async def _postgres_database() -> tuple[str, str]:
    import asyncpg

    name = f"qg_test_{uuid.uuid4().hex[:12]}"
    try:
        conn = await asyncpg.connect(PG_URL.replace("postgres://", "postgresql://", 1))
    except (OSError, asyncpg.PostgresError) as exc:
        _unavailable("PostgreSQL", exc)
    try:
        await conn.execute(f'CREATE DATABASE "{name}"')
    finally:
        await conn.close()
    base, _, _ = PG_URL.rpartition("/")
    return name, f"{base}/{name}"


async def _drop_postgres(name: str) -> None:
    import asyncpg

    conn = await asyncpg.connect(PG_URL.replace("postgres://", "postgresql://", 1))
    try:
        await conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    finally:
        await conn.close()


@pytest.fixture
async def postgres_url() -> AsyncIterator[str]:
    name, url = await _postgres_database()
    try:
        yield url
    finally:
        await _drop_postgres(name)


@asynccontextmanager
async def fresh_database(backend: str, folder: Path) -> AsyncIterator[str]:
    """The URL of a fresh, empty database: an SQLite file in `folder`, or a PostgreSQL
    database of its own, dropped afterwards."""
    if backend == "sqlite":
        yield f"sqlite://{folder / 'test.sqlite3'}"
        return
    name, url = await _postgres_database()
    try:
        yield url
    finally:
        await _drop_postgres(name)


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
async def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> AsyncIterator[str]:
    """A fresh, empty database of each kind."""
    async with fresh_database(request.param, tmp_path) as url:
        yield url


@pytest.fixture
async def db(database_url: str) -> AsyncIterator[Database]:
    """A migrated database, bound to the test's tortoise context."""
    database = Database(database_url)
    await database.open()
    try:
        yield database
    finally:
        await database.close()


@asynccontextmanager
async def _redis_keyspace() -> AsyncIterator[str]:
    """A key prefix of the test's own on the real Redis; its keys are deleted afterwards."""
    from redis.asyncio import Redis
    from redis.exceptions import ConnectionError as RedisConnectionError

    client = Redis.from_url(REDIS_URL)
    try:
        await client.ping()
    except (OSError, RedisConnectionError) as exc:
        await client.aclose()
        _unavailable("Redis", exc)
    prefix = f"qg-test-{uuid.uuid4().hex[:12]}"
    try:
        yield prefix
    finally:
        keys = [key async for key in client.scan_iter(match=f"{prefix}:*")]
        if keys:
            await client.delete(*keys)
        await client.aclose()


@pytest.fixture
async def redis_prefix() -> AsyncIterator[str]:
    async with _redis_keyspace() as prefix:
        yield prefix


@pytest.fixture(params=["memory", pytest.param("redis", marks=pytest.mark.redis)])
async def counters(request: pytest.FixtureRequest) -> AsyncIterator[Counters]:
    """Counters of each kind; both must behave the same."""
    if request.param == "memory":
        store: Counters = MemoryCounters()
        yield store
        await store.close()
        return
    async with _redis_keyspace() as prefix:
        store = RedisCounters(REDIS_URL, prefix=prefix)
        try:
            yield store
        finally:
            await store.close()


# Hypothesis draws the same examples on every run and keeps no example database in the
# checkout (.hypothesis/): a run does not depend on what earlier runs found.
settings.register_profile("qunguan", derandomize=True, database=None, print_blob=True)
settings.load_profile("qunguan")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """QUNGUAN_TEST_SEED, when set, also seeds hypothesis: a new exploration, replayable."""
    if not seeds.FROM_ENVIRONMENT:
        return
    for item in items:
        test = getattr(item, "obj", None)
        if test is not None and is_hypothesis_test(test):
            seed(seeds.SEED)(test)


def pytest_report_header() -> str:
    origin = "from the environment" if seeds.FROM_ENVIRONMENT else "the default"
    return f"random tests: {seeds.replay_hint()} ({origin})"


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    if terminalreporter.stats.get("failed") or terminalreporter.stats.get("error"):
        terminalreporter.write_line(f"replay with {seeds.replay_hint()} (see DEVELOPERS.md)")


@pytest.fixture(autouse=True, scope="session")
def _data_dir(tmp_path_factory: pytest.TempPathFactory) -> None:
    """The default database and files of anything a test runs without its own DATA_DIR or
    DATABASE_URL: a folder of the test session, never the user's data folder."""
    os.environ.setdefault("DATA_DIR", str(tmp_path_factory.mktemp("data-dir")))


@pytest.fixture(autouse=True, scope="session")
def _logging() -> None:
    """The production log setup (no local variables in tracebacks), at WARNING."""
    from bot.log import setup_logging

    setup_logging("WARNING")
