"""SQLite statements run on the event loop's thread (bot.storage.sqlite_inline): no worker
thread, no hop; transactions, errors and closing behave as tortoise's own."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from tortoise.exceptions import IntegrityError
from tortoise.transactions import in_transaction

from bot.storage.db import Database
from bot.storage.models import CauseRecord
from tests.conftest import T0


def _cause(key: str) -> CauseRecord:
    return CauseRecord(key=key, kind="event", payload={}, memo=[], status="running", started_at=T0)


async def test_statements_run_on_the_callers_thread_and_no_thread_is_left(tmp_path: Path) -> None:
    before = threading.active_count()
    database = Database(f"sqlite://{tmp_path / 'inline.sqlite3'}")
    await database.open()
    try:
        await _cause("a").save()
        assert await CauseRecord.filter(key="a").count() == 1
        client = CauseRecord._meta.db
        connection = client._connection
        assert await connection._execute(threading.get_ident) == threading.get_ident()
        assert threading.active_count() == before  # no aiosqlite worker was started
    finally:
        await database.close()
    assert threading.active_count() == before
    assert client._connection is None


async def _both(first: str, second: str) -> None:
    async with in_transaction():
        await _cause(first).save()
        await _cause(second).save()


async def test_a_failed_transaction_rolls_back_and_errors_are_tortoises(tmp_path: Path) -> None:
    database = Database(f"sqlite://{tmp_path / 'inline.sqlite3'}")
    await database.open()
    try:
        await _cause("kept").save()
        with pytest.raises(IntegrityError):
            await _both("rolled back", "kept")  # the second key is taken
        assert [c.key for c in await CauseRecord.all()] == ["kept"]
    finally:
        await database.close()
