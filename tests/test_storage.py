"""The storage-backed services on SQLite and on the real PostgreSQL."""

from __future__ import annotations

from datetime import timedelta

import pytest

from bot.core.actions import Outcome, Send
from bot.core.clock import VirtualClock
from bot.core.employees import EmployeeIn
from bot.core.group import group_runtimes
from bot.core.members import MemberView
from bot.core.org import GroupIn, OrgConfig
from bot.services import member_states
from bot.services.actions import Actuator
from bot.services.groups import GroupDirectory
from bot.services.members import MemberService
from bot.services.roster import RosterError, RosterService
from bot.services.warnings import WarningService
from bot.storage.db import Database, migrate
from bot.storage.models import ActionRecord, MemberState
from tests.conftest import T0


class RecordingPlatform:
    name = "test"

    def __init__(self) -> None:
        self.executed: list[object] = []

    def capabilities(self, group: str) -> frozenset:
        return frozenset()

    async def read_members(self, group: str) -> list[MemberView]:
        return []

    async def execute(self, action: object) -> Outcome:
        self.executed.append(action)
        return Outcome.done()


async def make_groups(clock: VirtualClock, **policy: object) -> GroupDirectory:
    config = OrgConfig(groups=[GroupIn(name="全员群", policy=dict(policy))])
    groups = GroupDirectory("test", group_runtimes(config))
    await groups.sync(clock.now())
    return groups


async def test_migrations_are_idempotent(db: Database) -> None:
    assert await migrate(db.url) == []  # already at the latest version


async def test_roster_service(db: Database) -> None:
    clock = VirtualClock(T0)
    roster = RosterService(clock)
    departed: list[str] = []

    async def listener(entries: list) -> None:
        departed.extend(e.name for e in entries)

    roster.on_departure(listener)
    loaded = await roster.load(
        [
            EmployeeIn(name="张三", department="财务部"),
            EmployeeIn(name="张伟", department="销售部"),
        ]
    )
    assert loaded == 2
    assert await roster.load([EmployeeIn(name="x", department="y")]) == 0  # only into empty
    entry = await roster.add(EmployeeIn(name="张伟", department="市场部", aliases=["Wei"]))
    assert (await roster.index()).by_id[entry.id].aliases == ("Wei",)
    with pytest.raises(RosterError, match="several"):
        await roster.find("张伟")
    row = await roster.find("张伟", "市场部")
    updated = await roster.update(row, {"title": "经理", "department": "品牌部"})
    assert (updated.title, updated.department) == ("经理", "品牌部")
    await roster.depart(await roster.find("张三"))
    assert departed == ["张三"]
    assert not (await roster.index()).by_id[1].active
    with pytest.raises(RosterError, match="nobody"):
        await roster.find("不存在")


async def test_a_roster_change_keeps_the_fields_it_does_not_name(db: Database) -> None:
    """An update is validated on the stored row: account ids and the hire date survive it."""
    roster = RosterService(VirtualClock(T0))
    await roster.add(
        EmployeeIn(
            name="王芳",
            department="财务部",
            wechat_id="wxid_wf",
            telegram_id="42",
            hired=T0.date(),
        )
    )
    updated = await roster.update(await roster.find("王芳"), {"department": "审计部"})
    assert (updated.department, updated.wechat_id, updated.telegram_id, updated.hired) == (
        "审计部",
        "wxid_wf",
        "42",
        T0.date(),
    )


async def test_warnings_ledger_counts_expires_and_revokes(db: Database) -> None:
    clock = VirtualClock(T0)
    groups = await make_groups(clock, warnings={"expire": "7d"})
    group = next(iter(groups))
    ledger = WarningService(clock)
    member = MemberView("陌生人")
    assert await ledger.add(group, member, None, rule="ad", reason="广告", evidence="x" * 500) == 1
    clock.set(T0 + timedelta(days=3))
    assert await ledger.add(group, member, None, rule="admin", reason="再犯") == 2
    live = await ledger.live(group, member, None)
    assert [w.rule for w in live] == ["ad", "admin"]
    assert len(live[0].evidence) <= 80  # a short excerpt, not the whole message
    clock.set(T0 + timedelta(days=8))  # the first has expired
    assert [w.rule for w in await ledger.live(group, member, None)] == ["admin"]
    revoked = await ledger.revoke_latest(group, member, None, by="李四")
    assert revoked is not None and revoked.revoked_by == "李四"
    assert await ledger.live(group, member, None) == []
    assert await ledger.revoke_latest(group, member, None, by="李四") is None


async def test_warnings_follow_the_employee_across_renames(db: Database) -> None:
    clock = VirtualClock(T0)
    group = next(iter(await make_groups(clock)))
    roster = RosterService(clock)
    entry = await roster.add(EmployeeIn(name="张三", department="财务部"))
    ledger = WarningService(clock)
    before, after = MemberView("张三"), MemberView("财务部-张三")
    await ledger.add(group, before, entry.id, rule="ad", reason="x")
    await ledger.add(group, MemberView("路人"), None, rule="ad", reason="y")
    # After a rename the key differs, the employee does not.
    assert len(await ledger.live(group, after, entry.id)) == 1
    assert len(await ledger.live(group, after, None)) == 0
    counts = await ledger.counts(group, [(after, entry.id), (MemberView("路人"), None)])
    assert counts == {"name:财务部-张三": 1, "name:路人": 1}


async def test_bindings_and_member_states(db: Database) -> None:
    clock = VirtualClock(T0)
    group = next(iter(await make_groups(clock)))
    roster = RosterService(clock)
    zhang = await roster.add(EmployeeIn(name="张三", department="财务部"))
    li = await roster.add(EmployeeIn(name="李四", department="行政部"))
    members = MemberService(RecordingPlatform(), clock)
    xiao = MemberView("小张")
    await members.bind(group, xiao, zhang.id, by="admin")
    await members.bind(group, xiao, li.id, by="admin")  # a second /rename replaces the first
    assert await members.bindings(group) == {"name:小张": li.id}

    states = await member_states.load(group)
    seen = [(xiao, "misnamed", li.id), (MemberView("路人"), "unknown", None)]
    await member_states.record(group, seen, states, clock.now(), reminded=frozenset({"name:小张"}))
    states = await member_states.load(group)
    assert states["name:小张"].reminders == 1
    await member_states.record(group, seen, states, clock.now(), reminded=frozenset({"name:小张"}))
    assert (await member_states.load(group))["name:小张"].reminders == 2
    # 路人 left; 小张 fixed the name: the count resets, 路人 is marked absent.
    states = await member_states.load(group)
    await member_states.record(group, [(xiao, "compliant", li.id)], states, clock.now())
    rows = {row.key: row for row in await MemberState.all()}
    assert rows["name:小张"].reminders == 0
    assert rows["name:路人"].present is False


async def test_actuator_logs_skips_repeats_and_honours_dry_run(db: Database) -> None:
    clock = VirtualClock(T0)
    platform = RecordingPlatform()
    groups = await make_groups(clock)
    actuator = Actuator(platform, clock, groups)
    send = Send("全员群", "hello", "command_reply")
    assert (await actuator.perform(send, key="evt-1#1")).ok
    assert (await actuator.perform(send, key="evt-1#1")).data == {"repeated": True}
    assert len(platform.executed) == 1

    dry = await make_groups(clock, enforcement="dry_run")
    dry_actuator = Actuator(platform, clock, dry)
    assert (await dry_actuator.perform(send, key="evt-2#1")).ok
    assert len(platform.executed) == 1  # nothing reached the platform
    records = await ActionRecord.all().order_by("id")
    assert [r.outcome for r in records] == ["done", "dry_run"]
    assert records[1].payload["dry_run"] is True
    assert records[0].payload == {
        "group": "全员群",
        "action": "send",
        "kind": "command_reply",
        "mentions": [],
        "text": "hello",
    }


async def test_open_notices_are_counted_per_group_in_one_query(db: Database) -> None:
    """The console's overview column: notices still open at `now`, per group."""
    from bot.services import notice_store
    from bot.storage.models import Group, Notice

    a, b, c = [
        await Group.create(platform="sim", code=code, name=code, created_at=T0)
        for code in ("a", "b", "c")
    ]
    for group, minutes in ((a, 30), (a, 5), (a, -5), (b, 10)):
        await Notice.create(
            group=group,
            text="开会",
            sender="李四",
            opened_at=T0 - timedelta(minutes=30),
            deadline=T0 + timedelta(minutes=minutes),
        )
    counts = await notice_store.open_counts([a.id, b.id, c.id], T0)
    assert counts == {a.id: 2, b.id: 1}
