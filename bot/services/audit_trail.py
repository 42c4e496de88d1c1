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
from collections.abc import Sequence
from typing import Any

from loguru import logger
from tortoise.backends.base.client import BaseDBAsyncClient
from tortoise.transactions import in_transaction

from bot.core.causes import flush
from bot.core.clock import Clock
from bot.services.trail_chain import canonical, entry_hash, stamp
from bot.services.trail_head import HEAD_ID, entry_row, lock, move_head
from bot.storage.anchors import Anchor, Anchors, anchor_errors
from bot.storage.models import AuditEntry, AuditHead

__all__ = ["HEAD_ID", "AuditTrail", "lock"]


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
        await flush()  # outcomes waiting for the cause's end go first (bot.core.causes.flush)
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
        except anchor_errors() as exc:
            logger.warning("audit anchor {head} not written: {exc}", head=head[0], exc=exc)

    async def _append(
        self, conn: BaseDBAsyncClient, fields: tuple[Any, ...], check_key: bool
    ) -> AuditEntry | None:
        key = fields[4]
        entry = None
        if self._head is not None and not (check_key and key is not None):
            entry = self._entry(self._head, fields)
            if not await move_head(conn, self._head, (entry["seq"], entry["hash"])):
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
        row = entry_row(entry)
        await row.save(using_db=conn)
        self._head = (row.seq, row.hash)
        return row

    async def append_many(
        self, items: Sequence[tuple[Any, ...]], *, using: BaseDBAsyncClient
    ) -> None:
        """Append (kind, data, actor, group, key) entries whose keys are known to be new, in
        the caller's transaction (anchored on `settled()`): one head update and one insert for
        them all, however many there are."""
        if not items:
            return
        built: list[dict[str, Any]] = []
        if self._head is not None:
            built = self._chain(self._head, items)
            if not await move_head(using, self._head, (built[-1]["seq"], built[-1]["hash"])):
                built = []  # another process appended since: read the head under the lock
        if not built:
            built = self._chain(await lock(using), items)
            last = built[-1]
            await (
                AuditHead.filter(id=HEAD_ID)
                .using_db(using)
                .update(seq=last["seq"], hash=last["hash"])
            )
        await AuditEntry.bulk_create([entry_row(entry) for entry in built], using_db=using)
        self._head = (built[-1]["seq"], built[-1]["hash"])

    def chained(
        self, items: Sequence[tuple[Any, ...]]
    ) -> tuple[tuple[int, str], list[dict[str, Any]]] | None:
        """Entries for `items` chained after the head this process last wrote, with that head
        (None if unknown): for a caller that moves the head itself, then calls `moved`."""
        if self._head is None or not items:
            return None
        return self._head, self._chain(self._head, items)

    def moved(self, built: Sequence[dict[str, Any]]) -> None:
        """The caller moved the head to the last of `built` (committed)."""
        self._head = (built[-1]["seq"], built[-1]["hash"])

    def _chain(
        self, head: tuple[int, str], items: Sequence[tuple[Any, ...]]
    ) -> list[dict[str, Any]]:
        out = []
        for fields in items:
            out.append(self._entry(head, fields))
            head = (out[-1]["seq"], out[-1]["hash"])
        return out

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
