"""An audit's removals in a group are logged together (bot.services.action_batch): pending in
one statement before the platform is called, outcomes and audit entries in one transaction
after; a cause run again after a crash goes action by action, as before."""

from __future__ import annotations

from bench.sqlcount import StatementCounter
from bot.core.actions import Outcome, Remove, Send
from bot.core.causes import caused_by
from bot.core.clock import VirtualClock
from bot.core.members import MemberView
from bot.services import action_batch, trail_verify
from bot.services.actions import Actuator
from bot.services.audit_trail import AuditTrail
from bot.storage.db import Database
from bot.storage.models import ActionRecord, AuditEntry
from tests.conftest import T0
from tests.test_storage import RecordingPlatform, make_groups


class RefusingPlatform(RecordingPlatform):
    """Refuses to remove 路人2; does everything else."""

    async def execute(self, action: object) -> Outcome:
        if isinstance(action, Remove) and action.member.display == "路人2":
            return Outcome.refused("forbidden", "not allowed")
        return await super().execute(action)


def removals(count: int) -> list[Remove]:
    return [Remove("全员群", MemberView(f"路人{i}"), "not_on_roster", "bye") for i in range(count)]


async def test_removals_of_a_fresh_cause_are_logged_together(db: Database) -> None:
    clock = VirtualClock(T0)
    platform = RefusingPlatform()
    actuator = Actuator(platform, clock, await make_groups(clock), AuditTrail(clock))
    counted = {}
    for count in (3, 2, 6):  # the first append reads the trail's head
        counter = StatementCounter()
        with caused_by(f"job:audit@{count}", kind="job"), counter.counting():
            outcomes = await actuator.perform_all(removals(count))
        counted[count] = (counter.count, counter.writes)
        assert [o.ok for o in outcomes] == [i != 2 for i in range(count)]
    assert counted[2] == counted[6]  # as many statements for six removals as for two
    assert len(platform.executed) == 2 + 2 + 5
    rows = await ActionRecord.filter(idempotency_key__startswith="job:audit@6").order_by("id")
    assert [r.outcome for r in rows] == ["done", "done", "refused", "done", "done", "done"]
    assert rows[2].detail == "forbidden"  # the reason, as one by one
    entries = await AuditEntry.filter(key__startswith="job:audit@6").order_by("seq")
    assert [e.key for e in entries] == [r.idempotency_key for r in rows]
    assert [e.data["outcome"] for e in entries] == [r.outcome for r in rows]
    assert (await trail_verify.verify()).ok  # one chain, in order, head included


async def test_a_cause_run_again_goes_action_by_action(db: Database) -> None:
    clock = VirtualClock(T0)
    platform = RecordingPlatform()
    groups = await make_groups(clock)
    actuator = Actuator(platform, clock, groups, AuditTrail(clock))
    with caused_by("job:audit@1", kind="job"):  # logged pending, then the bot died
        started = await action_batch.begin_all(actuator.recorder, removals(3), [False] * 3)
    assert started is not None and len(platform.executed) == 0
    with caused_by("job:audit@1", kind="job"):  # run again: not fresh
        assert await action_batch.begin_all(actuator.recorder, removals(3), [False] * 3) is None
    with caused_by("job:audit@1", kind="job"):
        outcomes = await actuator.perform_all(removals(3))
    # The platform cannot tell what it did: each pending removal is done again, once.
    assert [o.ok for o in outcomes] == [True] * 3 and len(platform.executed) == 3
    rows = await ActionRecord.filter(idempotency_key__startswith="job:audit@1")
    assert sorted(r.outcome for r in rows) == ["done"] * 3 and len(rows) == 3
    assert await AuditEntry.filter(key__startswith="job:audit@1").count() == 3
    assert (await trail_verify.verify()).ok
    with caused_by(None):  # no cause: nothing to key the actions to, one by one
        assert await action_batch.begin_all(actuator.recorder, removals(2), [False] * 2) is None


async def test_outcomes_of_one_by_one_actions_are_stored_together_at_the_end(
    db: Database,
) -> None:
    clock = VirtualClock(T0)
    platform = RecordingPlatform()
    actuator = Actuator(platform, clock, await make_groups(clock), AuditTrail(clock))
    counted = {}
    for count in (1, 2, 5):  # the first append reads the trail's head
        counter = StatementCounter()
        with caused_by(f"job:remind@{count}", kind="job"), counter.counting():
            async with action_batch.outcomes_together(actuator.recorder):
                for i in range(count):
                    assert (
                        await actuator.perform(Send("全员群", f"提醒{i}", "naming_reminder"))
                    ).ok
                pending = await ActionRecord.filter(
                    idempotency_key__startswith=f"job:remind@{count}"
                )
                assert {r.outcome for r in pending} == {"pending"}  # logged before each send
        counted[count] = counter.count - count  # one pending record per action
    assert counted[2] == counted[5]  # the outcomes: as many statements for five as for two
    rows = await ActionRecord.filter(idempotency_key__startswith="job:remind@5").order_by("id")
    assert [r.outcome for r in rows] == ["done"] * 5
    entries = await AuditEntry.filter(key__startswith="job:remind@5").order_by("seq")
    assert [e.data["text"] for e in entries] == [f"提醒{i}" for i in range(5)]
    assert (await trail_verify.verify()).ok
    assert len(platform.executed) == 8
