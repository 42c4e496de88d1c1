"""Several statements in one round trip (bot.storage.trips), and an event's outcomes stored
with its end (bot.services.cause_outcomes). SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import timedelta

import pytest
from tortoise.exceptions import IntegrityError

from bench.sqlcount import StatementCounter
from bot.core.actions import Send
from bot.core.causes import caused_by, settle
from bot.core.clock import VirtualClock
from bot.services import trail_verify
from bot.services.actions import Actuator
from bot.services.audit_trail import AuditTrail
from bot.storage import trips
from bot.storage.db import Database
from bot.storage.models import ActionRecord, AuditEntry, CauseRecord
from tests.conftest import T0
from tests.test_storage import RecordingPlatform, make_groups

HEAD = 'UPDATE "audit_head" SET "seq"=? WHERE "id"=1 AND "seq"=?'


def _cause(key: str) -> CauseRecord:
    return CauseRecord(
        key=key, kind="event", payload={"a": [1, "二"]}, memo=[], status="running", started_at=T0
    )


def _record(key: str) -> ActionRecord:
    payload = {"action": "send", "text": "你好"}
    return ActionRecord(
        at=T0, action="send", payload=payload, outcome="pending", idempotency_key=key
    )


async def test_rows_read_back_as_tortoise_wrote_them(db: Database) -> None:
    conn = CauseRecord._meta.db
    assert trips.available(conn)
    ours, theirs = _cause("trip:1"), _cause("trip:2")
    record = _record("trip:1#1")
    ids = await trips.run(conn, [trips.insert(ours, conn), trips.insert(record, conn)])
    assert ids is not None
    trips.saved(ours, ids[0])
    trips.saved(record, ids[1])
    await theirs.save()
    mine, saved = await CauseRecord.get(id=ours.id), await CauseRecord.get(id=theirs.id)
    fields = ("kind", "payload", "memo", "status", "started_at", "finished_at")
    assert [getattr(mine, f) for f in fields] == [getattr(saved, f) for f in fields]
    assert (await ActionRecord.get(id=record.id)).payload == record.payload
    record.outcome = "done"
    await record.save(update_fields=["outcome"])  # tortoise knows the row by its id
    assert (await ActionRecord.get(idempotency_key="trip:1#1")).outcome == "done"


async def test_a_guard_that_changes_nothing_writes_nothing(db: Database) -> None:
    conn = CauseRecord._meta.db
    # The migration's head is at sequence 0, not 99.
    steps = [trips.insert(_cause("g:1"), conn), trips.Step(HEAD, [5, 99], guard=True)]
    assert await trips.run(conn, steps) is None
    assert not await CauseRecord.exists(key="g:1")
    steps = [trips.insert(_cause("g:1"), conn), trips.Step(HEAD, [0, 0], guard=True)]
    got = await trips.run(conn, steps)
    assert got is not None and got[1] == 1
    assert await CauseRecord.exists(key="g:1")


async def test_a_failing_statement_writes_nothing(db: Database) -> None:
    conn = CauseRecord._meta.db
    await _cause("taken").save()
    with pytest.raises(IntegrityError):
        await trips.run(
            conn, [trips.insert(_record("x#1"), conn), trips.insert(_cause("taken"), conn)]
        )
    assert not await ActionRecord.exists(idempotency_key="x#1")


async def test_many_rows_in_one_step(db: Database) -> None:
    conn = CauseRecord._meta.db
    rows = [_record(f"m#{i}") for i in range(3)]
    await trips.run(conn, [trips.inserts(rows, conn)])
    sql = 'UPDATE "action_record" SET "outcome"=? WHERE "idempotency_key"=?'
    got = await trips.run(conn, [trips.Step(sql, many=[["done", "m#0"], ["refused", "m#2"]])])
    assert got == [2]
    outcomes = await ActionRecord.filter(idempotency_key__startswith="m#").order_by("id")
    assert [r.outcome for r in outcomes] == ["done", "pending", "refused"]


async def _actuator() -> tuple[Actuator, AuditTrail, RecordingPlatform]:
    clock = VirtualClock(T0)
    platform = RecordingPlatform()
    trail = AuditTrail(clock)
    return Actuator(platform, clock, await make_groups(clock), trail), trail, platform


async def test_an_events_outcomes_wait_for_its_end(db: Database) -> None:
    actuator, trail, platform = await _actuator()
    await trail.append("start", {})  # the head this process wrote: known from now on
    counter = StatementCounter()
    with caused_by("MessageEvent:全员群:1", at_end=True) as cause:
        for n in range(2):
            with counter.counting():
                assert (await actuator.perform(Send("全员群", f"第{n}条", "warning"))).ok
            assert await ActionRecord.filter(outcome="pending").count() == n + 1  # not yet
        assert len(platform.executed) == 2
        assert not await AuditEntry.exists(key="MessageEvent:全员群:1#1")
        with counter.counting():
            await settle(cause, ok=True)
    rows = await ActionRecord.filter(idempotency_key__startswith="MessageEvent:").order_by("id")
    assert [r.outcome for r in rows] == ["done", "done"]
    entries = await AuditEntry.filter(kind="action").order_by("seq")
    assert [e.key for e in entries] == [r.idempotency_key for r in rows]
    assert (await CauseRecord.get(key="MessageEvent:全员群:1")).status == "done"
    assert (await trail_verify.verify()).ok
    # Three round trips: the cause with the first pending record, the second, then the end
    # (outcomes, the head, the entries, the cause). On SQLite each of their statements is
    # counted (2 + 1 + 4), on PostgreSQL each trip is one statement.
    assert counter.count == (7 if db.url.startswith("sqlite") else 3)


async def test_the_trail_keeps_the_order_of_execution(db: Database) -> None:
    """Something else appended to the trail mid-event: the waiting outcome goes first."""
    actuator, trail, _ = await _actuator()
    await trail.append("start", {})
    with caused_by("MessageEvent:全员群:2", at_end=True) as cause:
        await actuator.perform(Send("全员群", "一", "warning"))
        await trail.append("command", {"c": "/warn"}, key="cmd:2")
        await actuator.perform(Send("全员群", "二", "warning"))
        await settle(cause, ok=False)
    entries = await AuditEntry.filter(seq__gt=1).order_by("seq")
    assert [e.key for e in entries] == [
        "MessageEvent:全员群:2#1",
        "cmd:2",
        "MessageEvent:全员群:2#2",
    ]
    assert (await CauseRecord.get(key="MessageEvent:全员群:2")).status == "failed"
    assert (await trail_verify.verify()).ok


async def test_another_process_moved_the_head(db: Database) -> None:
    """The one trip's guard fails: the outcomes are stored the usual way, chain whole."""
    actuator, trail, _ = await _actuator()
    await trail.append("start", {})
    other = AuditTrail(VirtualClock(T0 + timedelta(seconds=1)))
    with caused_by("MessageEvent:全员群:3", at_end=True) as cause:
        await actuator.perform(Send("全员群", "一", "warning"))
        await other.append("elsewhere", {})  # another instance, same database
        await settle(cause, ok=True)
    assert (await ActionRecord.get(idempotency_key="MessageEvent:全员群:3#1")).outcome == "done"
    assert (await CauseRecord.get(key="MessageEvent:全员群:3")).status == "done"
    verdict = await trail_verify.verify()
    assert verdict.ok and verdict.count == 3


async def test_causes_not_settled_by_their_opener_store_outcomes_at_once(db: Database) -> None:
    actuator, trail, _ = await _actuator()
    await trail.append("start", {})
    with caused_by("console:4"):  # adapters' own causes: nobody calls settle
        await actuator.perform(Send("全员群", "一", "command_reply"))
    assert (await ActionRecord.get(idempotency_key="console:4#1")).outcome == "done"
    assert await AuditEntry.exists(key="console:4#1")
