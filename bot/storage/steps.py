"""Writes given as statements (bot.storage.trips.Step, `?` placeholders), sent in one round
trip where that applies, else one by one on the caller's connection.

A caller builds the statements once for both: inside a transaction of tortoise's (a trip is
not available there) each is sent on its own, in order, within that transaction.
"""

from __future__ import annotations

from collections.abc import Sequence

from tortoise.backends.base.client import BaseDBAsyncClient

from bot.storage import trips
from bot.storage.sql import dollars

# PostgreSQL's trip is one statement of a WITH part per row (bot.storage.trips): beyond a
# few dozen rows (a first audit creating 500 states) planning that statement costs more than
# the round trips it saves, and one statement takes 32 767 parameters at most.
MAX_PARTS = 64
MAX_PARAMS = 30_000


def fits(db: BaseDBAsyncClient, steps: Sequence[trips.Step]) -> bool:
    """`steps` may go as one trip (`trips.run`) on `db`."""
    if len(steps) < 2 or not trips.available(db):
        return False
    if db.capabilities.dialect == "sqlite":
        return True  # one transaction in its thread, each statement as it is
    parts = sum(1 if s.many is None else len(s.many) for s in steps)
    params = sum(len(s.values) if s.many is None else sum(map(len, s.many)) for s in steps)
    return parts <= MAX_PARTS and params <= MAX_PARAMS


def numbered(db: BaseDBAsyncClient, sql: str) -> str:
    """`sql` with its `?` placeholders as `db` spells them (`$1`… on PostgreSQL)."""
    return sql if db.capabilities.dialect == "sqlite" else dollars(sql)


async def write(db: BaseDBAsyncClient, steps: Sequence[trips.Step]) -> None:
    """Send `steps` (writes, no guard), in order: in one trip where `trips.available(db)`
    (on PostgreSQL: a statement of a few dozen rows), else one by one on `db`."""
    steps = [s for s in steps if s.many is None or s.many]
    if not steps:
        return
    if fits(db, steps):
        await trips.run(db, steps)
        return
    for step in steps:
        if step.many is not None:
            await db.execute_many(numbered(db, step.sql), [list(row) for row in step.many])
        else:
            await db.execute_query(numbered(db, step.sql), list(step.values))
