"""An audit trail that cannot be cut quietly (issue 11): the committed head is appended to a
second, append-only place (daily files beside the database, or a Redis stream), and verify
against the latest anchor finds a cut tail with the head moved back, a wipe with the head
reset, and a rewrite from some entry onwards, none of which the chain alone shows; an empty
trail beside finished actions is tampering too."""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator
from datetime import timedelta
from pathlib import Path

import pytest
from tortoise.transactions import in_transaction

from bot.core.clock import VirtualClock
from bot.core.errors import ConfigError
from bot.ops.trail_files import read_export
from bot.services import trail_verify
from bot.services.audit_trail import HEAD_ID, AuditTrail
from bot.services.trail_anchors import anchors_for
from bot.services.trail_chain import GENESIS, entry_hash
from bot.settings import Settings
from bot.storage.anchors import Anchor, Anchors, FileAnchors, RedisAnchors
from bot.storage.db import Database
from bot.storage.models import ActionRecord, AuditEntry, AuditHead
from tests.conftest import REDIS_URL, T0

N = 8


@pytest.fixture(params=["file", pytest.param("redis", marks=pytest.mark.redis)])
async def anchors(request: pytest.FixtureRequest, tmp_path: Path) -> AsyncIterator[Anchors]:
    if request.param == "file":
        yield FileAnchors(tmp_path / "anchors")
        return
    store = RedisAnchors(REDIS_URL, f"qg-test-{uuid.uuid4().hex[:12]}:audit:anchors")
    try:
        yield store
    finally:
        await store.redis.delete(store.key)
        await store.close()


async def _chain(anchors: Anchors) -> list[AuditEntry]:
    clock = VirtualClock(T0)
    trail = AuditTrail(clock, anchors)
    rows = []
    for i in range(1, N + 1):
        clock.set(T0 + timedelta(hours=5 * i))  # across days: the files rotate
        row = await trail.append("action", {"n": i}, actor="李四", group="g", key=f"k{i}")
        assert row is not None
        rows.append(row)
    return rows


async def _set_head(seq: int, digest: str) -> None:
    await AuditHead.filter(id=HEAD_ID).update(seq=seq, hash=digest)


async def test_each_committed_head_is_anchored(db: Database, anchors: Anchors) -> None:
    rows = await _chain(anchors)
    assert await anchors.latest() == Anchor(N, rows[-1].hash)
    verdict = await trail_verify.verify(await anchors.latest())
    assert verdict.ok and verdict.count == N


async def test_a_head_never_committed_is_never_anchored(db: Database, anchors: Anchors) -> None:
    rows = await _chain(anchors)
    trail = AuditTrail(VirtualClock(T0 + timedelta(days=9)), anchors)

    async def fails() -> None:
        async with in_transaction() as conn:
            await trail.append("action", {"n": "lost"}, using=conn)
            raise RuntimeError("the caller's transaction fails")

    with pytest.raises(RuntimeError):
        await fails()
    async with in_transaction() as conn:
        row = await trail.append("action", {"n": "kept"}, using=conn)
    assert await anchors.latest() == Anchor(N, rows[-1].hash)  # not before the commit
    await trail.settled()
    assert row is not None and await anchors.latest() == Anchor(row.seq, row.hash)


async def test_a_cut_tail_with_the_head_moved_back_is_found(
    db: Database, anchors: Anchors
) -> None:
    rows = await _chain(anchors)
    await AuditEntry.filter(seq__gt=5).delete()
    await _set_head(5, rows[4].hash)
    assert (await trail_verify.verify()).ok  # the chain alone cannot tell
    verdict = await trail_verify.verify(await anchors.latest())
    assert verdict.broken == "audit-broken-anchor-missing"
    assert verdict.args == {"seq": 6, "anchor": N, "last": 5}


async def test_a_wipe_with_the_head_reset_is_found(db: Database, anchors: Anchors) -> None:
    await _chain(anchors)
    await AuditEntry.all().delete()
    await _set_head(0, GENESIS)
    assert (await trail_verify.verify()).ok
    verdict = await trail_verify.verify(await anchors.latest())
    assert verdict.broken == "audit-broken-anchor-missing" and verdict.args["last"] == 0


@pytest.mark.parametrize("k", [1, 5])
async def test_a_rewrite_from_some_entry_onwards_is_found(
    db: Database, anchors: Anchors, k: int
) -> None:
    rows = await _chain(anchors)
    previous = rows[k - 2].hash if k > 1 else GENESIS
    for row in rows[k - 1 :]:
        entry = {**trail_verify.to_dict(row), "data": {"n": "rewritten"}, "prev_hash": previous}
        previous = entry_hash(entry)
        await AuditEntry.filter(seq=row.seq).update(
            data=entry["data"], prev_hash=entry["prev_hash"], hash=previous
        )
    await _set_head(N, previous)
    assert (await trail_verify.verify()).ok  # a consistent rewrite
    verdict = await trail_verify.verify(await anchors.latest())
    assert verdict.broken == "audit-broken-anchor" and verdict.at_seq == N


async def _finished_action(n: int) -> None:
    await ActionRecord.create(at=T0, action="send", outcome="done", idempotency_key=f"a{n}")


async def test_an_empty_trail_beside_finished_actions_is_tampered(db: Database) -> None:
    assert (await trail_verify.verify()).ok  # a new database: nothing to miss
    await _finished_action(1)
    verdict = await trail_verify.verify()
    assert verdict.broken == "audit-broken-empty" and verdict.args["actions"] == 1


async def test_fewer_action_entries_than_finished_actions_is_tampered(db: Database) -> None:
    trail = AuditTrail(VirtualClock(T0))
    for n in range(3):
        await _finished_action(n)
    await trail.append("action", {"n": 1}, key="a1")
    await trail.append("command", {"c": 1})
    verdict = await trail_verify.verify()
    assert verdict.broken == "audit-broken-actions"
    assert (verdict.args["actions"], verdict.args["logged"]) == (3, 1)


def _names(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


async def test_anchor_files_rotate_daily_and_a_torn_line_is_skipped(tmp_path: Path) -> None:
    store = FileAnchors(tmp_path)
    digest = "ab" * 32
    await store.add(Anchor(1, digest), T0)
    await store.add(Anchor(2, digest), T0 + timedelta(days=1))
    names = _names(tmp_path)
    assert names == ["anchors-2026-11-23.txt", "anchors-2026-11-24.txt"]
    with (tmp_path / names[-1]).open("a", encoding="ascii") as out:
        out.write("3:abab")  # a line cut off by a crash
    assert await store.latest() == Anchor(2, digest)
    assert Anchor.parse(str(Anchor(2, digest))) == Anchor(2, digest)


def test_where_the_anchors_go(tmp_path: Path) -> None:
    sqlite = Settings(_env_file=None, database_url=f"sqlite://{tmp_path / 'db' / 'q.sqlite3'}")
    store = anchors_for(sqlite)
    assert isinstance(store, FileAnchors) and store.folder == tmp_path / "db" / "audit-anchors"
    pg = Settings(_env_file=None, database_url="postgres://u@h/q", data_dir=tmp_path / "data")
    store = anchors_for(pg)
    assert isinstance(store, FileAnchors) and store.folder == tmp_path / "data" / "audit-anchors"
    shared = Settings(_env_file=None, database_url="postgres://u@h/q", redis_url=REDIS_URL)
    assert isinstance(
        stream := anchors_for(shared.model_copy(update={"redis_prefix": "acme"})), RedisAnchors
    )
    assert stream.key == "acme:audit:anchors"
    # SQLite keeps its file even with Redis: a replay's temporary database never anchors
    # into the deployment's shared stream
    embedded = sqlite.model_copy(update={"redis_url": REDIS_URL})
    assert isinstance(anchors_for(embedded), FileAnchors)


def test_a_hostile_export_is_one_line(tmp_path: Path) -> None:
    cases = {
        "latin1.jsonl": "é".encode("latin-1"),
        "deep.jsonl": b"[" * 100_000 + b"]" * 100_000,
        "list.jsonl": b"[1, 2]\n",
    }
    for name, blob in cases.items():
        (tmp_path / name).write_bytes(blob)
        with pytest.raises(ConfigError) as caught:
            read_export(tmp_path / name)
        assert "\n" not in str(caught.value)
