"""The PostgreSQL pool gives connections back without asyncpg's session-reset statement
(bot.storage.pg_client), and what the reset is for still holds where the bot relies on it:
a transaction left open on a returned connection is rolled back."""

from __future__ import annotations

from typing import Any

import asyncpg
import pytest
from tortoise.transactions import in_transaction

from bot.storage.db import Database
from bot.storage.models import CauseRecord
from bot.storage.pg_client import PooledClient
from tests.conftest import T0

# conftest's `db`, on PostgreSQL alone
pytestmark = pytest.mark.parametrize(
    "database_url", [pytest.param("postgres", marks=pytest.mark.postgres)], indirect=True
)


async def test_the_bots_statements_send_no_reset(
    db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    resets: list[Any] = []
    real = asyncpg.Connection.reset

    async def counted(self: asyncpg.Connection, **kwargs: Any) -> None:
        resets.append(self)
        await real(self, **kwargs)

    monkeypatch.setattr(asyncpg.Connection, "reset", counted)
    client = CauseRecord._meta.db
    assert isinstance(client, PooledClient)
    for key in ("a", "b", "c"):  # each outside a transaction: a pool connection each
        await CauseRecord.create(
            key=key, kind="event", payload={}, memo=[], status="running", started_at=T0
        )
    async with in_transaction():
        await CauseRecord.filter(key="a").update(status="done")
    assert await CauseRecord.filter(status="running").count() == 2
    assert resets == []  # asyncpg's default pool would have reset on every release


async def test_a_transaction_left_open_is_rolled_back_on_release(db: Database) -> None:
    assert not await CauseRecord.exists()  # the pool is made at the first statement
    pool = CauseRecord._meta.db._pool
    table = CauseRecord._meta.db_table
    async with pool.acquire() as connection:
        await connection.execute("BEGIN")
        await connection.execute(
            f"INSERT INTO {table} (key, kind, payload, memo, status, started_at) "
            "VALUES ('left', 'event', '{}', '[]', 'running', now())"
        )
    for _ in range(pool.get_size()):  # whichever connection comes next
        async with pool.acquire() as connection:
            assert not connection.is_in_transaction()
    assert not await CauseRecord.filter(key="left").exists()
