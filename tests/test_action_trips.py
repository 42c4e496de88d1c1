"""An audit's actions in few round trips (issue 14, P3): the outcomes, their audit-trail
entries and the head's move in one trip (bot.services.outcome_trip); messages known together
logged pending in one statement before the first is sent (`Actuator.perform_all`), their
outcomes kept for the end of `outcomes_together`."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

import pytest

from adapters.sim.adapter import SimAdapter
from adapters.sim.replay import build_world
from adapters.sim.scenario import load_scenario
from bench.sqlcount import StatementCounter
from bot.app import App
from bot.core.actions import Outcome, Send
from bot.core.causes import caused_by
from bot.core.clock import VirtualClock
from bot.services import action_batch, trail_verify
from bot.services.actions import Actuator
from bot.services.audit_trail import AuditTrail
from bot.settings import Settings
from bot.storage import trips
from bot.storage.counters import MemoryCounters
from bot.storage.db import Database
from bot.storage.models import ActionRecord, AuditEntry
from tests.conftest import T0
from tests.test_storage import RecordingPlatform, make_groups


class OutcomesAtSend(RecordingPlatform):
    """Notes, at each send, the outcome every record of the cause has in the database."""

    def __init__(self, prefix: str) -> None:
        super().__init__()
        self.prefix = prefix
        self.seen: list[list[str]] = []

    async def execute(self, action: object) -> Outcome:
        rows = await ActionRecord.filter(idempotency_key__startswith=self.prefix).order_by("id")
        self.seen.append([r.outcome for r in rows])
        return await super().execute(action)


def messages(count: int) -> list[Send]:
    return [Send("全员群", f"报告{i}", "audit_report") for i in range(count)]


async def test_messages_known_together_are_logged_pending_in_one_statement(
    db: Database,
) -> None:
    clock = VirtualClock(T0)
    platform = OutcomesAtSend("job:audit@3")
    actuator = Actuator(platform, clock, await make_groups(clock), AuditTrail(clock))
    with caused_by("job:audit@0", kind="job"):  # the first append reads the trail's head
        await actuator.perform_all(messages(2))
    platform.seen.clear()
    counter = StatementCounter()
    with caused_by("job:audit@3", kind="job"), counter.counting():
        async with action_batch.outcomes_together(actuator.recorder):
            outcomes = await actuator.perform_all(messages(3))
            waiting = await ActionRecord.filter(idempotency_key__startswith="job:audit@3")
        inserts = counter.writes
    assert [o.ok for o in outcomes] == [True] * 3
    # All three pending before the first went out; their outcomes wait for the block's end.
    assert platform.seen == [["pending"] * 3] * 3
    assert [r.outcome for r in waiting] == ["pending"] * 3
    # The cause's journal row and the three records, then one trip for the outcomes (SQLite
    # logs each of its three statements; PostgreSQL's trip is one statement).
    assert inserts == 2 + (3 if db.dialect == "sqlite" else 1)
    rows = await ActionRecord.filter(idempotency_key__startswith="job:audit@3").order_by("id")
    assert [r.outcome for r in rows] == ["done"] * 3
    entries = await AuditEntry.filter(key__startswith="job:audit@3").order_by("seq")
    assert [e.data["text"] for e in entries] == ["报告0", "报告1", "报告2"]
    assert (await trail_verify.verify()).ok


async def test_outcomes_go_in_one_round_trip(
    db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    clock = VirtualClock(T0)
    actuator = Actuator(RecordingPlatform(), clock, await make_groups(clock), AuditTrail(clock))
    with caused_by("job:audit@0", kind="job"):  # the first append reads the trail's head
        await actuator.perform_all(messages(2))
    sent: list[list[str]] = []
    run = trips.run

    async def counted(conn: Any, steps: Any) -> Any:
        sent.append([step.sql.split()[0] + " " + step.sql.split()[1] for step in steps])
        return await run(conn, steps)

    monkeypatch.setattr(trips, "run", counted)
    with caused_by("job:audit@4", kind="job"):
        assert all(o.ok for o in await actuator.perform_all(messages(4)))
    # The outcomes, the head's conditional move and the entries: one trip, one transaction.
    assert sent == [['UPDATE "action_record"', 'UPDATE "audit_head"', "INSERT INTO"]]
    assert await AuditEntry.filter(key__startswith="job:audit@4").count() == 4
    assert (await trail_verify.verify()).ok
    sent.clear()  # many: PostgreSQL's one statement would carry a WITH part per row
    with caused_by("job:audit@40", kind="job"):
        assert all(o.ok for o in await actuator.perform_all(messages(40)))
    assert len(sent) == (1 if db.dialect == "sqlite" else 0)  # else one transaction
    assert await AuditEntry.filter(key__startswith="job:audit@40").count() == 40
    assert (await trail_verify.verify()).ok


AUDITED = """
start: "2026-11-23T10:00:00+08:00"
org:
  bot: 群管家
  defaults: {audit.daily_at: ""}
  roster: [{name: 李四, department: 行政人事部}, {name: 王五, department: 行政人事部}]
groups:
  - name: 全员群
    admins: [李四]
    policy: {roster.unknown: report}
    members: [{name: 行政人事部-李四, remark: 李四}, 王五, 陌生人, 路人]
"""


class Statements(logging.Handler):
    """The text of each statement sent (bench.sqlcount's source: tortoise's client log)."""

    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.sql: list[str] = []

    def handle(self, record: logging.LogRecord) -> bool:
        query = record.args[0] if isinstance(record.args, tuple) and record.args else record.msg
        self.sql.append(" ".join(str(query).split()[:3]))
        return True

    def emit(self, record: logging.LogRecord) -> None:
        """Unused: `handle` keeps the text."""


async def test_an_audit_logs_its_reminder_and_report_pending_in_one_statement(
    tmp_path: Path, database_url: str
) -> None:
    path = tmp_path / "scenario.yaml"
    path.write_text(AUDITED, encoding="utf-8")
    sc = load_scenario(path)
    app = App(
        settings=Settings(_env_file=None, database_url=database_url, data_dir=tmp_path),
        config=sc.spec,
        platform=SimAdapter(build_world(sc)),
        platform_name="sim",
        clock=VirtualClock(sc.spec.start),
        files_dir=tmp_path / "files",
        counters=MemoryCounters(),
    )
    await app.start(sc.roster)
    statements = Statements()
    log = logging.getLogger("tortoise.db_client")
    level = log.level
    log.setLevel(logging.DEBUG)
    log.addHandler(statements)
    try:
        group = app.services.groups.get("全员群")
        assert group is not None
        with caused_by("job:audit:全员群@1", kind="job"):
            result = await app.services.member_audit.audit(group)
        rows = await ActionRecord.filter(idempotency_key__startswith="job:audit:全员群@1")
    finally:
        log.removeHandler(statements)
        log.setLevel(level)
        await app.stop()
    assert (result.reminded, sorted(result.reported)) == (["王五"], ["路人", "陌生人"])
    # The reminder and the report: one INSERT of both records (was one each).
    assert statements.sql.count('INSERT INTO "action_record"') == 1
    assert sorted(str(r.kind) for r in rows) == ["naming_reminder", "unknown_member_alert"]
    assert {r.outcome for r in rows} == {"done"}
