"""tortoise's SQLite client, its statements run on the event loop's thread.

tortoise talks to SQLite through aiosqlite, which runs every call in a thread of its own and
hands the result back: each statement costs a hop to that thread and back (170 µs on a quiet
bench machine, 400+ µs on a busy one), more than SQLite's own work for one row, and the event
loop has nothing else to do meanwhile (the bot waits for the statement). Here the same
aiosqlite API runs each call where it is made, so a statement costs what SQLite spends on it.

The connection is opened on the loop's thread too, so sqlite3's same-thread check holds. The
price: the loop is held for a statement's duration (a checkpoint of the WAL, rarely a few ms;
waiting for another process's write lock, `busy_timeout`, the whole bot waits: see
docs/operations.md). Everything else (tortoise's lock, transactions, statements, logging) is
tortoise's own.
"""

from __future__ import annotations

import asyncio
import sqlite3
from collections.abc import Callable, Generator
from functools import partial
from typing import Any

import aiosqlite
from tortoise.backends.base.config_generator import expand_db_url
from tortoise.backends.sqlite.client import SqliteClient


class InlineConnection(aiosqlite.Connection):
    """An aiosqlite connection whose calls run in the caller's thread (no worker thread)."""

    async def _execute(self, fn: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
        if not self._running or not self._connection:
            raise ValueError("Connection closed")
        return fn(*args, **kwargs)

    async def _connect(self) -> InlineConnection:
        if self._connection is None:
            self._connection = self._connector()
        return self

    def __await__(self) -> Generator[Any, None, InlineConnection]:
        return self._connect().__await__()  # no thread to start

    def stop(self) -> asyncio.Future[Any] | None:
        """Close the sqlite3 connection (there is no thread to stop)."""
        self._running = False
        if self._connection is not None:
            self._connection.close()
            self._connection = None
        return None


def _open(path: str) -> sqlite3.Connection:
    return sqlite3.connect(path, isolation_level=None)


class InlineSqliteClient(SqliteClient):
    """`SqliteClient` on an `InlineConnection`; the rest as tortoise sets it up."""

    async def create_connection(self, with_db: bool) -> None:
        if not self._connection:
            self._connection = await InlineConnection(partial(_open, self.filename), 64)
            self._connection._conn.row_factory = sqlite3.Row
            for pragma, val in self.pragmas.items():
                cursor = await self._connection.execute(f"PRAGMA {pragma}={val}")
                await cursor.close()
            await self._post_connect()


client_class = InlineSqliteClient  # how tortoise finds an engine's client


def connection_config(url: str) -> dict[str, Any]:
    """tortoise's config of the SQLite `url` (its pragmas included), on this client."""
    return {**expand_db_url(url), "engine": __name__}
