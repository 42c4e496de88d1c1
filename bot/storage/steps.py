"""Writes given as statements (bot.storage.trips.Step, `?` placeholders), sent in one round
trip where that applies, else one by one on the caller's connection.

A caller builds the statements once for both: inside a transaction of tortoise's (a trip is
not available there) each is sent on its own, in order, within that transaction.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from tortoise.backends.base.client import BaseDBAsyncClient

from bot.storage import trips

# Bind parameters one trip may carry: PostgreSQL allows 32 767 per statement, and the trip
# is one statement there; SQLite allows 32 766 per statement.
MAX_PARAMS = 30_000


def _params(steps: Sequence[trips.Step]) -> int:
    return sum(len(s.values) if s.many is None else sum(len(row) for row in s.many) for s in steps)


def numbered(db: BaseDBAsyncClient, sql: str) -> str:
    """`sql` with its `?` placeholders as `db` spells them (`$1`… on PostgreSQL)."""
    if db.capabilities.dialect == "sqlite":
        return sql
    count = iter(range(1, sql.count("?") + 1))
    return re.sub(r"\?", lambda _: f"${next(count)}", sql)


async def write(db: BaseDBAsyncClient, steps: Sequence[trips.Step]) -> None:
    """Send `steps` (writes, no guard), in order: in one trip where `trips.available(db)`
    and the parameters fit in one statement, else one by one on `db`."""
    steps = [s for s in steps if s.many is None or s.many]
    if not steps:
        return
    if len(steps) > 1 and trips.available(db) and _params(steps) <= MAX_PARAMS:
        await trips.run(db, steps)
        return
    for step in steps:
        if step.many is not None:
            await db.execute_many(numbered(db, step.sql), step.many)
        else:
            await db.execute_query(numbered(db, step.sql), step.values)
