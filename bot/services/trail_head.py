"""The audit trail's rows: the head, moved by one conditional update or locked and read;
the entries, as built (bot.services.audit_trail).

Plain SQL: on every action, tortoise's query building would cost more than the write.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from tortoise.backends.base.client import BaseDBAsyncClient

from bot.storage.models import AuditEntry
from bot.storage.sql import marks

HEAD_ID = 1  # the single row of `audit_head`


def move_sql(seq: str, hash_: str, old_seq: str, old_hash: str) -> str:
    """The head's conditional move, with these placeholders (new seq and hash, then old)."""
    return (
        f'UPDATE "audit_head" SET "seq" = {seq}, "hash" = {hash_} '
        f'WHERE "id" = {HEAD_ID} AND "seq" = {old_seq} AND "hash" = {old_hash}'
    )


async def move_head(conn: BaseDBAsyncClient, old: tuple[int, str], new: tuple[int, str]) -> bool:
    """Move the head from `old` to `new` if it is still at `old` (this also takes the lock).
    Plain SQL: on every action, tortoise's query building would cost more than the write."""
    sql = move_sql(*marks(conn, 4))
    moved, _ = await conn.execute_query(sql, [new[0], new[1], old[0], old[1]])
    return bool(moved)


async def lock(conn: BaseDBAsyncClient) -> tuple[int, str]:
    """Take the chain's lock for the rest of the caller's transaction and read the head:
    appenders, in any process, one at a time. Writing first (a no-op update of the head that
    returns it) matters on SQLite: a transaction that read before writing cannot write once
    another process has committed."""
    rows = await conn.execute_query_dict(
        f'UPDATE "audit_head" SET "seq" = "seq" WHERE "id" = {HEAD_ID} RETURNING "seq", "hash"'
    )
    if not rows:  # the migration creates it; a missing head is itself tampering
        raise RuntimeError("audit_head row is missing; run `qunguan audit-log verify`")
    return int(rows[0]["seq"]), str(rows[0]["hash"])


def entry_row(entry: dict[str, Any]) -> AuditEntry:
    """The row that stores a built entry (bot.services.audit_trail)."""
    return AuditEntry(
        seq=entry["seq"],
        at=datetime.fromisoformat(entry["at"]),
        kind=entry["kind"],
        actor=entry["actor"],
        group_code=entry["group"],
        key=entry["key"],
        data=entry["data"],
        prev_hash=entry["prev_hash"],
        hash=entry["hash"],
    )
