"""The audit trail read back: every entry in order (for exports), the stored chain verified
against its head, and an anchor (a head printed earlier and kept apart) checked.

Editing, inserting, deleting or reordering rows breaks the chain where it happened; `verify`
names the first broken entry. What a hash chain cannot stop is someone who rewrites the whole
chain from the edit onwards: keep the head hash that `qunguan audit-log verify` prints
somewhere else and check it with `check_anchor` (docs/operations.md).
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

from bot.services.audit_trail import HEAD_ID
from bot.services.trail_chain import ChainChecker, Verdict, anchor_verdict, stamp
from bot.storage.anchors import Anchor
from bot.storage.models import ActionRecord, AuditEntry, AuditHead

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


async def verify(anchor: Anchor | None = None) -> Verdict:
    """Verify the chain in the database, head included; then the `anchor` (the latest one
    kept apart, usually) against it, and that no finished action is missing from it."""
    checker = ChainChecker()
    async for item in entries():
        if not checker.feed(item):
            return checker.verdict
    head = await AuditHead.get_or_none(id=HEAD_ID)
    if head is None:
        checker.fail("audit-broken-head-missing", None)
    else:
        checker.check_head(head.seq, head.hash)
    verdict = checker.verdict
    if verdict.ok and anchor is not None:
        verdict = await check_anchor(anchor.seq, anchor.hash) or verdict
    if verdict.ok:
        verdict = await _actions_logged(verdict.count) or verdict
    return verdict


async def _actions_logged(count: int) -> Verdict | None:
    """Every finished action has its entry (written in one transaction with the outcome): an
    empty trail beside finished actions was wiped; a trail with fewer action entries than the
    actions finished since its first entry was cut or rebuilt. (Actions from before the trail
    began, in a database upgraded from before it existed, are not counted once it has one.)"""
    finished = ActionRecord.exclude(outcome="pending")
    if count:
        first = await AuditEntry.get(seq=1)
        finished = finished.filter(at__gte=first.at)
    actions = await finished.count()
    logged = await AuditEntry.filter(kind="action").count() if count else 0
    if logged >= actions:
        return None
    key = "audit-broken-empty" if count == 0 else "audit-broken-actions"
    return Verdict(
        count=count,
        broken=key,
        at_seq=1,
        args={"seq": 1, "actions": actions, "logged": logged},
    )


async def check_anchor(seq: int, digest: str) -> Verdict | None:
    """The database against an anchor `seq:digest`: None if entry `seq` still has that hash."""
    row = await AuditEntry.get_or_none(seq=seq)
    last = await AuditEntry.all().count()
    return anchor_verdict(row.hash if row is not None else None, seq, digest, last)
