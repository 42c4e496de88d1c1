"""The audit trail's hash chain: appends, idempotency, concurrency, and every kind of
tampering (edit, delete, insert, reorder, head) detected at the first broken entry, on SQLite
and PostgreSQL."""

from __future__ import annotations

import asyncio
import json
import sys
from datetime import timedelta
from pathlib import Path

import pytest

from bot.core.clock import VirtualClock
from bot.services import trail_verify
from bot.services.audit_trail import AuditTrail
from bot.services.trail_chain import GENESIS, entry_hash, verify_entries
from bot.storage.db import Database
from bot.storage.models import AuditEntry, AuditHead
from tests.conftest import T0

N = 8
ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
async def chain(db: Database) -> list[AuditEntry]:
    clock = VirtualClock(T0)
    log = AuditTrail(clock)
    rows = []
    for i in range(1, N + 1):
        clock.set(T0 + timedelta(minutes=i))
        data = {"text": f"第{i}条 =SUM(A1)", "n": i, "nested": {"list": [1, "二", None]}}
        row = await log.append("action", data, actor="李四", group="g", key=f"k{i}")
        assert row is not None
        rows.append(row)
    return rows


async def test_a_whole_chain_verifies(chain: list[AuditEntry]) -> None:
    verdict = await trail_verify.verify()
    assert verdict.ok
    assert verdict.count == N
    assert verdict.head == chain[-1].hash
    assert chain[0].prev_hash == GENESIS
    assert [row.prev_hash for row in chain[1:]] == [row.hash for row in chain[:-1]]
    head = await AuditHead.get(id=1)
    assert (head.seq, head.hash) == (N, chain[-1].hash)


async def test_each_hash_covers_content_and_previous_hash(chain: list[AuditEntry]) -> None:
    entry = trail_verify.to_dict(chain[3])
    assert entry_hash(entry) == entry["hash"]
    for field, value in [("data", {"text": "x"}), ("actor", "王五"), ("prev_hash", GENESIS)]:
        assert entry_hash({**entry, field: value}) != entry["hash"]


async def test_an_idempotency_key_appends_once(db: Database) -> None:
    log = AuditTrail(VirtualClock(T0))
    assert await log.append("command", {"c": 1}, key="same") is not None
    assert await log.append("command", {"c": 1}, key="same") is None
    assert await AuditEntry.all().count() == 1


async def test_concurrent_appends_form_one_chain(db: Database) -> None:
    log = AuditTrail(VirtualClock(T0))
    await asyncio.gather(*(log.append("action", {"i": i}) for i in range(25)))
    verdict = await trail_verify.verify()
    assert verdict.ok
    assert verdict.count == 25


async def test_appenders_that_remember_the_head_take_turns(db: Database) -> None:
    """Each appender keeps the head it wrote last and moves it from there; when another one
    (another bot process) appended in between, it reads the head again: one chain."""
    first, second = AuditTrail(VirtualClock(T0)), AuditTrail(VirtualClock(T0))
    for i in range(6):
        await (first if i % 3 else second).append("action", {"i": i})
    await first.append("command", {"c": 1}, key="k1")  # a keyed entry takes the lock path
    await second.append("action", {"i": 6})
    verdict = await trail_verify.verify()
    assert verdict.ok
    assert verdict.count == 8
    assert [e.seq for e in await AuditEntry.all().order_by("seq")] == list(range(1, 9))


async def expect_broken(key: str, seq: int | None) -> None:
    verdict = await trail_verify.verify()
    assert not verdict.ok
    assert (verdict.broken, verdict.at_seq) == (key, seq)


async def test_an_edited_entry_is_named(chain: list[AuditEntry]) -> None:
    await AuditEntry.filter(seq=5).update(data={"text": "nothing happened"})
    await expect_broken("audit-broken-hash", 5)


async def test_an_edit_with_its_own_hash_recomputed_breaks_the_next_link(
    chain: list[AuditEntry],
) -> None:
    forged = {**trail_verify.to_dict(chain[4]), "actor": "王五"}
    await AuditEntry.filter(seq=5).update(actor="王五", hash=entry_hash(forged))
    await expect_broken("audit-broken-link", 6)


async def test_a_deleted_entry_is_named(chain: list[AuditEntry]) -> None:
    await AuditEntry.filter(seq=4).delete()
    await expect_broken("audit-broken-sequence", 5)


async def test_deleting_the_last_entries_shows_at_the_head(chain: list[AuditEntry]) -> None:
    await AuditEntry.filter(seq__gte=N - 1).delete()
    await expect_broken("audit-broken-head", N - 2)


async def test_an_inserted_entry_is_named(chain: list[AuditEntry]) -> None:
    # Make room after entry 3 and insert a well-formed entry that follows entry 3.
    for seq in range(N, 3, -1):
        await AuditEntry.filter(seq=seq).update(seq=seq + 1)
    forged = {**trail_verify.to_dict(chain[2]), "seq": 4, "key": "forged", "data": {"text": "x"}}
    forged["prev_hash"] = chain[2].hash
    forged["hash"] = entry_hash(forged)
    await AuditEntry.create(
        seq=4,
        at=chain[2].at,
        kind="action",
        actor=forged["actor"],
        group_code="g",
        key="forged",
        data=forged["data"],
        prev_hash=forged["prev_hash"],
        hash=forged["hash"],
    )
    await expect_broken("audit-broken-link", 5)


async def test_an_entry_appended_behind_the_heads_back_is_found(chain: list[AuditEntry]) -> None:
    forged = {**trail_verify.to_dict(chain[-1]), "seq": N + 1, "key": None}
    forged["prev_hash"] = chain[-1].hash
    forged["hash"] = entry_hash(forged)
    await AuditEntry.create(
        seq=N + 1,
        at=chain[-1].at,
        kind="action",
        group_code="g",
        data=forged["data"],
        actor=forged["actor"],
        prev_hash=forged["prev_hash"],
        hash=forged["hash"],
    )
    await expect_broken("audit-broken-head", N + 1)


async def test_reordered_entries_are_named(chain: list[AuditEntry]) -> None:
    await AuditEntry.filter(seq=3).update(seq=-3)
    await AuditEntry.filter(seq=4).update(seq=3)
    await AuditEntry.filter(seq=-3).update(seq=4)
    await expect_broken("audit-broken-link", 3)


async def test_an_edited_or_missing_head_is_found(chain: list[AuditEntry]) -> None:
    await AuditHead.filter(id=1).update(hash=GENESIS)
    await expect_broken("audit-broken-head", N)
    await AuditHead.filter(id=1).delete()
    await expect_broken("audit-broken-head-missing", None)


async def test_an_export_verifies_and_its_tampering_is_found(chain: list[AuditEntry]) -> None:
    exported = [json.loads(json.dumps(e)) async for e in trail_verify.entries()]
    assert verify_entries(exported).ok
    assert verify_entries(exported).head == chain[-1].hash
    exported[2]["data"]["text"] = "edited"
    verdict = verify_entries(exported)
    assert (verdict.broken, verdict.at_seq) == ("audit-broken-hash", 3)
    del exported[2]
    assert verify_entries(exported).broken == "audit-broken-sequence"


APPENDER = """
import asyncio, sys
from datetime import UTC, datetime
from bot.core.clock import VirtualClock
from bot.services.audit_trail import AuditTrail
from bot.storage.db import Database

async def main(url, who, n):
    db = Database(url)
    await db.open()
    log = AuditTrail(VirtualClock(datetime(2026, 11, 23, 1, tzinfo=UTC)))
    for i in range(n):
        await log.append("command", {"i": i}, actor=who)
    await db.close()

asyncio.run(main(sys.argv[1], sys.argv[2], int(sys.argv[3])))
"""


@pytest.mark.slow
async def test_appends_from_several_processes_form_one_chain(db: Database) -> None:
    """Two bot instances, or a bot and `qunguan roster import`, appending at once."""
    processes = [
        await asyncio.create_subprocess_exec(
            sys.executable, "-c", APPENDER, db.url, who, "60", cwd=ROOT
        )
        for who in ("wechat", "telegram", "cli")
    ]
    try:
        codes = [await asyncio.wait_for(p.wait(), timeout=180) for p in processes]
    finally:
        for process in processes:
            if process.returncode is None:
                process.kill()
                await process.wait()
    assert codes == [0, 0, 0]
    verdict = await trail_verify.verify()
    assert verdict.ok
    assert verdict.count == 180
