"""The tamper-evident audit trail: every action and every admin command, chained by hash.

Each entry's `hash` is SHA-256 over its canonical content (sequence number, time, kind,
actor, group, idempotency key, data) and the previous entry's hash; the first entry follows
`GENESIS`. The single `audit_head` row holds the last sequence number and hash, updated in
the same transaction as each append and locked while appending, so appends from several bot
instances (one PostgreSQL) form one chain. Once committed, the head is also appended to the
anchors (bot.storage.anchors), a second place that is never rewritten. This module appends;
the hashing is in bot.services.trail_chain, reading back and verifying in trail_verify.
"""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from loguru import logger
from redis.exceptions import RedisError
from tortoise.backends.base.client import BaseDBAsyncClient
from tortoise.transactions import in_transaction

from bot.core.clock import Clock
from bot.services.trail_chain import canonical, entry_hash, stamp
from bot.storage.anchors import Anchor, Anchors
from bot.storage.models import AuditEntry, AuditHead

HEAD_ID = 1  # the single row of `audit_head`


class AuditTrail:
    """Appends to the chain. Times come from the injected clock, like everything else.

    The head last written by this process is kept: the next append moves the head from it in
    one conditional update, which also takes the chain's lock; if another process moved the
    head meanwhile, the update changes nothing and the append reads the head under the lock.
    """

    def __init__(self, clock: Clock, anchors: Anchors | None = None) -> None:
        self.clock = clock
        self.anchors = anchors
        self._head: tuple[int, str] | None = None
        self._anchored: tuple[int, str] | None = None

    async def append(
        self,
        kind: str,
        data: dict[str, Any],
        *,
        actor: str | None = None,
        group: str | None = None,
        key: str | None = None,
        using: BaseDBAsyncClient | None = None,
        check_key: bool = True,
    ) -> AuditEntry | None:
        """Append one entry; None if an entry with this idempotency `key` exists already.
        `check_key=False`: the caller knows it does not (the actuator records an outcome and
        its entry in one transaction, once)."""
        fields = (kind, data, actor, group, key)
        if using is not None:  # anchored when the caller calls `settled()` after its commit
            return await self._append(using, fields, check_key)
        async with in_transaction() as conn:
            row = await self._append(conn, fields, check_key)
        await self.settled()
        return row

    async def settled(self) -> None:
        """The transaction that appended has committed: append the head to the anchors (a
        head never committed is never anchored). A failure to anchor is logged, not raised:
        the anchor lags behind, the action stands."""
        head = self._head
        if self.anchors is None or head is None or head == self._anchored:
            return
        try:
            await self.anchors.add(Anchor(*head), self.clock.now())
            self._anchored = head
        except (OSError, RedisError) as exc:
            logger.warning("audit anchor {head} not written: {exc}", head=head[0], exc=exc)

    async def _append(
        self, conn: BaseDBAsyncClient, fields: tuple[Any, ...], check_key: bool
    ) -> AuditEntry | None:
        key = fields[4]
        entry = None
        if self._head is not None and not (check_key and key is not None):
            entry = self._entry(self._head, fields)
            if not await _move_head(conn, self._head, (entry["seq"], entry["hash"])):
                entry = None  # another process appended since: read the head under the lock
        if entry is None:
            head = await lock(conn)
            if check_key and key is not None and await AuditEntry.exists(key=key, using_db=conn):
                return None
            entry = self._entry(head, fields)
            await (
                AuditHead.filter(id=HEAD_ID)
                .using_db(conn)
                .update(seq=entry["seq"], hash=entry["hash"])
            )
        row = await AuditEntry.create(
            seq=entry["seq"],
            at=datetime.fromisoformat(entry["at"]),
            kind=entry["kind"],
            actor=entry["actor"],
            group_code=entry["group"],
            key=key,
            data=entry["data"],
            prev_hash=entry["prev_hash"],
            hash=entry["hash"],
            using_db=conn,
        )
        self._head = (row.seq, row.hash)
        return row

    def _entry(self, head: tuple[int, str], fields: tuple[Any, ...]) -> dict[str, Any]:
        kind, data, actor, group, key = fields
        entry = {
            "seq": head[0] + 1,
            "at": stamp(self.clock.now()),
            "kind": kind,
            "actor": actor,
            "group": group,
            "key": key,
            "data": json.loads(canonical(data)),  # exactly what the database gives back
            "prev_hash": head[1],
        }
        entry["hash"] = entry_hash(entry)
        return entry


async def _move_head(conn: BaseDBAsyncClient, old: tuple[int, str], new: tuple[int, str]) -> bool:
    """Move the head from `old` to `new` if it is still at `old` (this also takes the lock).
    Plain SQL: on every action, tortoise's query building would cost more than the write."""
    sqlite = conn.capabilities.dialect == "sqlite"
    marks = ("?", "?", "?", "?") if sqlite else ("$1", "$2", "$3", "$4")
    sql = (
        f'UPDATE "audit_head" SET "seq" = {marks[0]}, "hash" = {marks[1]} '
        f'WHERE "id" = {HEAD_ID} AND "seq" = {marks[2]} AND "hash" = {marks[3]}'
    )
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
