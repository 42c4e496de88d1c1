"""One instance at a time through the steps of starting that read, then write, the shared
database: instances started together on one PostgreSQL must not both apply the same
migration (the second fails on tables the first just created), nor both load the config
file's roster into the empty database (each would see it empty and insert it: every employee
twice, and a later departure would mark only one of the two).

A PostgreSQL session advisory lock, held on a connection of its own: the others wait for it,
then find the work done. PostgreSQL releases it if the holder dies. SQLite is one machine's
file, opened by one bot: no lock.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Literal

# Constants every instance agrees on ("qgmi", "qgro").
LOCK_IDS = {"migrate": 0x7167_6D69, "roster": 0x7167_726F}


@asynccontextmanager
async def startup_lock(
    url: str, postgres: bool, step: Literal["migrate", "roster"]
) -> AsyncIterator[None]:
    """Hold the lock of `step` on the database at `url` (PostgreSQL only) while inside."""
    if not postgres:
        yield
        return
    import asyncpg  # PostgreSQL only: a bot on SQLite never loads the driver

    dsn = url.replace("asyncpg://", "postgresql://", 1).replace("postgres://", "postgresql://", 1)
    conn = await asyncpg.connect(dsn)
    try:
        await conn.execute("SELECT pg_advisory_lock($1)", LOCK_IDS[step])
        yield
    finally:
        await conn.close()  # closing the session releases the lock
