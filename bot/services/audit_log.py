"""The tamper-evident audit trail: every action and every admin command, chained by hash.

Each entry's `hash` is SHA-256 over its canonical content (sequence number, time, kind,
actor, group, idempotency key, data) and the previous entry's hash; the first entry follows
`GENESIS`. The single `audit_head` row holds the last sequence number and hash, updated in
the same transaction as each append and locked while appending, so appends from several bot
instances (one PostgreSQL) form one chain. Editing, inserting, deleting or reordering rows
breaks the chain where it happened; `verify` names the first broken entry.

What a hash chain cannot stop is someone who rewrites the whole chain from the edit onwards:
keep the head hash that `qunguan audit-log verify` prints somewhere else (docs/operations.md).
"""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from datetime import datetime
from typing import Any

from tortoise.backends.base.client import BaseDBAsyncClient
from tortoise.expressions import F
from tortoise.transactions import in_transaction

from bot.core.clock import Clock
from bot.services.audit_chain import (
    GENESIS,
    ChainChecker,
    Verdict,
    canonical,
    entry_hash,
    stamp,
    verify_entries,
)
from bot.storage.models import AuditEntry, AuditHead

__all__ = ["GENESIS", "AuditLog", "Verdict", "entry_hash", "verify", "verify_entries"]
HEAD_ID = 1
BATCH = 1000


def to_dict(row: AuditEntry) -> dict[str, Any]:
    """An entry as exported and verified (the stored row, times in UTC)."""
    return {
        "seq": row.seq,
        "at": stamp(row.at),
        "kind": row.kind,
        "actor": row.actor,
        "group": row.group_code,
        "key": row.key,
        "data": row.data,
        "prev_hash": row.prev_hash,
        "hash": row.hash,
    }


class AuditLog:
    """Appends to the chain. Times come from the injected clock, like everything else."""

    def __init__(self, clock: Clock) -> None:
        self.clock = clock

    async def append(
        self,
        kind: str,
        data: dict[str, Any],
        *,
        actor: str | None = None,
        group: str | None = None,
        key: str | None = None,
        using: BaseDBAsyncClient | None = None,
    ) -> AuditEntry | None:
        """Append one entry; None if an entry with this idempotency `key` exists already."""
        if using is not None:
            return await self._append(using, kind, data, actor, group, key)
        async with in_transaction() as conn:
            return await self._append(conn, kind, data, actor, group, key)

    async def _append(
        self,
        conn: BaseDBAsyncClient,
        kind: str,
        data: dict[str, Any],
        actor: str | None,
        group: str | None,
        key: str | None,
    ) -> AuditEntry | None:
        await lock(conn)
        if key is not None and await AuditEntry.filter(key=key).using_db(conn).exists():
            return None
        head = await AuditHead.filter(id=HEAD_ID).using_db(conn).first()
        if head is None:  # the migration creates it; a missing head is itself tampering
            raise RuntimeError("audit_head row is missing; run `qunguan audit-log verify`")
        entry = {
            "seq": head.seq + 1,
            "at": stamp(self.clock.now()),
            "kind": kind,
            "actor": actor,
            "group": group,
            "key": key,
            "data": json.loads(canonical(data)),  # exactly what the database gives back
            "prev_hash": head.hash,
        }
        entry["hash"] = entry_hash(entry)
        row = await AuditEntry.create(
            seq=entry["seq"],
            at=datetime.fromisoformat(entry["at"]),
            kind=kind,
            actor=actor,
            group_code=group,
            key=key,
            data=entry["data"],
            prev_hash=entry["prev_hash"],
            hash=entry["hash"],
            using_db=conn,
        )
        await AuditHead.filter(id=HEAD_ID).using_db(conn).update(seq=row.seq, hash=row.hash)
        return row


async def lock(conn: BaseDBAsyncClient) -> None:
    """Take the chain's lock for the rest of the caller's transaction: appenders, in any
    process, one at a time. Writing first (a no-op update of the head) matters on SQLite: a
    transaction that read before writing cannot write once another process has committed."""
    await AuditHead.filter(id=HEAD_ID).using_db(conn).update(seq=F("seq"))


async def entries() -> AsyncIterator[dict[str, Any]]:
    """Every entry in sequence order, read in batches."""
    after = -1
    while True:
        rows = await AuditEntry.filter(seq__gt=after).order_by("seq").limit(BATCH)
        for row in rows:
            yield to_dict(row)
        if len(rows) < BATCH:
            return
        after = rows[-1].seq


async def verify() -> Verdict:
    """Verify the chain in the database, head included."""
    checker = ChainChecker()
    async for item in entries():
        if not checker.feed(item):
            return checker.verdict
    head = await AuditHead.get_or_none(id=HEAD_ID)
    if head is None:
        checker.fail("audit-broken-head-missing", None)
    else:
        checker.check_head(head.seq, head.hash)
    return checker.verdict


async def hash_of(seq: int) -> str | None:
    """The stored hash of entry `seq` (checking an anchor kept elsewhere)."""
    row = await AuditEntry.get_or_none(seq=seq)
    return row.hash if row is not None else None
