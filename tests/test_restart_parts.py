"""The parts restart safety is made of, one by one: cause-owned counters (memory and Redis),
the journal, the actuator's handling of an action left pending, the event codec, and times
compared correctly on SQLite."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from bot.core.actions import Action, Outcome, Send
from bot.core.capabilities import Capability
from bot.core.causes import CauseDone, caused_by, settle
from bot.core.clock import VirtualClock
from bot.core.event_codec import event_from_json, event_to_json
from bot.core.events import Event, JoinEvent, MembersSeen, Mention, MessageEvent
from bot.core.group import group_runtimes
from bot.core.members import MemberView
from bot.core.org import OrgConfig
from bot.services import journal
from bot.services.actions import Actuator
from bot.services.groups import GroupDirectory
from bot.storage.counters import Counters
from bot.storage.db import Database
from bot.storage.models import ActionRecord, CauseRecord, Warning
from tests.conftest import T0

MINUTE = timedelta(minutes=1)


async def test_a_cause_gets_its_own_claim_back_and_counts_its_hit_once(
    counters: Counters,
) -> None:
    with caused_by("event:1"):
        assert await counters.claim("remind:a", MINUTE, T0)
        assert await counters.hit("flood:a", MINUTE, T0) == 1
    with caused_by("event:1"):  # the same cause, run again after a restart
        assert await counters.claim("remind:a", MINUTE, T0)
        assert await counters.hit("flood:a", MINUTE, T0) == 1
    with caused_by("event:2"):  # anyone else still waits for the cooldown
        assert not await counters.claim("remind:a", MINUTE, T0)
        assert await counters.hit("flood:a", MINUTE, T0) == 2
    assert not await counters.claim("remind:a", MINUTE, T0)  # no cause: as before
    assert await counters.claim("remind:a", MINUTE, T0 + 2 * MINUTE)


def test_events_survive_the_journal() -> None:
    member = MemberView("财务部-张三", "张三", "admin", handle="42")
    events: list[Event] = [
        MessageEvent("g", member, "/warn @李四 广告", "text", T0, "m1", (Mention(6, 9, member),)),
        JoinEvent("g", member, "李四", "qrcode", T0.astimezone(timezone(timedelta(hours=8)))),
    ]
    for event in events:
        assert event_from_json(event_to_json(event)) == event
    # A journal written before an upgrade: fields the event no longer has are left out.
    old = {"type": "MembersSeen", "group": "g", "members": [], "complete": False, "origin": "i"}
    assert event_from_json(old) == MembersSeen("g")


async def test_the_journal_stops_a_finished_cause_and_resumes_a_running_one(
    db: Database,
) -> None:
    reads = []

    async def read() -> list[str]:
        reads.append(1)
        return [f"member{len(reads)}"]

    def remembered():
        return journal.remembered("members:g", read, list, list)

    with caused_by("job:x@1", kind="job", subject={"job": "x"}) as cause:
        assert await remembered() == ["member1"]
    row = await CauseRecord.get(key="job:x@1")
    assert (row.status, row.payload, row.memo[0]["value"]) == (
        "running",
        {"job": "x"},
        ["member1"],
    )
    assert [r.key for r in await journal.unfinished()] == ["job:x@1"]

    with caused_by("job:x@1", kind="job") as cause:  # after a crash: the same inputs
        assert await remembered() == ["member1"]
        await settle(cause, ok=True)
    assert reads == [1]
    assert await journal.is_finished("job:x@1")
    with caused_by("job:x@1", kind="job"), pytest.raises(CauseDone):
        await remembered()  # handled before: stop


async def test_a_warning_is_written_once_per_cause(db: Database) -> None:
    from bot.services.warnings import WarningService

    config = OrgConfig.model_validate({"groups": [{"name": "g"}]})
    (group,) = group_runtimes(config)
    await GroupDirectory("sim", [group]).sync(T0)
    service = WarningService(VirtualClock(T0))
    member = MemberView("张三")
    for _ in range(2):  # the cause, then the same cause again after a restart
        with caused_by("MessageEvent:g:m1"):
            assert await service.add(group, member, None, rule="ad", reason="广告") == 1
    with caused_by("MessageEvent:g:m2"):
        assert await service.add(group, member, None, rule="ad", reason="广告") == 2
    assert await Warning.all().count() == 2


class Recording:
    """A platform that can say what it did (`effects_since`)."""

    name = "rec"

    def __init__(self) -> None:
        self.done: list[Action] = []

    def capabilities(self, group: str) -> frozenset[Capability]:
        return frozenset()

    async def read_members(self, group: str) -> list[MemberView]:
        return []

    async def execute(self, action: Action) -> Outcome:
        self.done.append(action)
        return Outcome.done()

    async def effects_since(self, action: Action, since: datetime) -> int:
        return sum(1 for a in self.done if a == action)


@pytest.mark.parametrize("already_sent", [True, False])
async def test_a_pending_action_is_checked_with_the_platform(
    db: Database, already_sent: bool
) -> None:
    platform = Recording()
    actuator = Actuator(platform, VirtualClock(T0), GroupDirectory("rec", []))
    action = Send("g", "请改名", "naming_reminder")
    # The bot died after recording the intent (and, maybe, after the platform acted).
    await ActionRecord.create(
        at=T0, group_code="g", action="send", payload={"text": "请改名"}, idempotency_key="c#1"
    )
    if already_sent:
        platform.done.append(action)
    outcome = await actuator.perform(action, key="c#1")
    assert outcome.ok
    assert len(platform.done) == 1  # sent exactly once either way
    assert (await ActionRecord.get(idempotency_key="c#1")).outcome == "done"


async def test_times_compare_as_times_on_sqlite(tmp_path) -> None:
    """tortoise writes an updated time with its own UTC offset (a new row's in UTC); SQLite
    compares them as text. Every time is stored in UTC instead."""
    db = Database(f"sqlite://{tmp_path / 't.sqlite3'}")
    await db.open()
    try:
        china = timezone(timedelta(hours=8))
        early = await ActionRecord.create(at=T0, action="send", payload={})
        late = await ActionRecord.create(at=T0 + timedelta(hours=2), action="send", payload={})
        early.at = T0.astimezone(china)  # 09:00+08:00 is 01:00 UTC, before 03:00+00:00
        await early.save(update_fields=["at"])
        last = await ActionRecord.all().order_by("-at").first()
        assert last is not None and last.id == late.id
        assert await ActionRecord.filter(at__gt=T0 + timedelta(hours=1)).count() == 1
    finally:
        await db.close()
