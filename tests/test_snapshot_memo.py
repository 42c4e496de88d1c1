"""A group read again unchanged is not resolved again (bot.services.snapshot_memo), and every
input of the resolution, changed, gives the answer a fresh resolution gives: members, `/rename`
bindings, entries known by a trusted way, earlier holders, admins, policy, roster."""

from __future__ import annotations

from zoneinfo import ZoneInfo

from bot.core.employees import RosterEntry
from bot.core.group import GroupRuntime
from bot.core.members import MemberView
from bot.core.org import GroupIn
from bot.core.policy import build_policy
from bot.services.classification import Classification
from bot.services.roster_match import RosterIndex
from bot.services.snapshot import Snapshots
from bot.services.snapshot_memo import ResolutionMemo
from bot.storage.db import Database

ZHANG = RosterEntry(1, "张三", "财务部")
LI = RosterEntry(2, "李四", "行政人事部")


class Roster:
    def __init__(self) -> None:
        self.current = RosterIndex([ZHANG, LI])

    async def index(self) -> RosterIndex:
        return self.current


class Members:
    def __init__(self) -> None:
        self.now: list[MemberView] = []
        self.bound: dict[str, int] = {}

    async def read(self, group: GroupRuntime) -> list[MemberView]:
        return list(self.now)

    async def bindings(self, group: GroupRuntime) -> dict[str, int]:
        return self.bound

    def can_list(self, group: GroupRuntime) -> bool:
        return True


class Counted(Snapshots):
    """Snapshots that count the reads of earlier holders and the resolutions made."""

    def __init__(self, roster: Roster, members: Members, *, memo: bool) -> None:
        super().__init__(roster, members, None)  # type: ignore[arg-type]
        self.memo, self.earlier_reads = memo, 0
        earlier = self.memory.earlier

        async def counted(group: GroupRuntime) -> dict[int, set[str]]:
            self.earlier_reads += 1
            return await earlier(group)

        self.memory.earlier = counted  # type: ignore[method-assign]

    async def statuses(self, group: GroupRuntime) -> list[tuple[str, str, int | None]]:
        if not self.memo:
            self._resolved = ResolutionMemo()  # the reference: resolved afresh every time
        snap = await self.take(group)
        results = snap.results
        return [(c.member.display, c.status, c.entry.id if c.entry else None) for c in results]


def runtime() -> GroupRuntime:
    return GroupRuntime(config=GroupIn(name="g"), policy=build_policy({}, {}), tz=ZoneInfo("UTC"))


async def test_every_input_changed_gives_a_fresh_resolution_s_answer(db: Database) -> None:
    roster, members, group = Roster(), Members(), runtime()
    memo, fresh = Counted(roster, members, memo=True), Counted(roster, members, memo=False)

    async def same() -> list[tuple[str, str, int | None]]:
        got = await memo.statuses(group)
        assert got == await fresh.statuses(group)
        return got

    zhang, li = MemberView("财务部-张三"), MemberView("行政人事部-李四")
    members.now = [zhang, li]
    assert [s for _, s, _ in await same()] == ["compliant", "compliant"]
    assert memo.earlier_reads == 0  # nothing contested: earlier holders never read
    await same()  # unchanged: the same answer, reused
    members.now = [zhang, li, MemberView("财务部-张三 ")]  # a copy appears: contested
    assert [s for _, s, _ in await same()] == ["compliant", "compliant", "impostor"]
    assert memo.earlier_reads == 1
    members.bound = {members.now[2].key: ZHANG.id}  # an admin's /rename gives it the copy
    assert [s for _, s, _ in await same()] == ["impostor", "compliant", "compliant"]
    members.now, members.bound = [zhang, li], {}
    assert [s for _, s, _ in await same()] == ["compliant", "compliant"]
    other = GroupRuntime(config=GroupIn(name="h"), policy=group.policy, tz=ZoneInfo("UTC"))
    members.now = [MemberView("张三", identity="张三")]
    await memo.take(other), await fresh.take(other)  # 张三's remark seen in another group
    members.now = [zhang, li]  # the same members, but 张三 is now known by a trusted way
    assert [s for _, s, _ in await same()] == ["impostor", "compliant"]
    members.now = [MemberView("财务部-张三", identity="张三"), li]  # the real one, by remark
    assert await same() == [("财务部-张三", "compliant", 1), ("行政人事部-李四", "compliant", 2)]
    members.now = [MemberView("行政人事部-李四 "), li]
    assert [s for _, s, _ in await same()] == ["impostor", "compliant"]
    group.org_admins = frozenset({"李四"})  # admins changed: showing an admin's name
    assert [s for _, s, _ in await same()] == ["impostor", "impostor"]
    group.org_admins, members.now = frozenset(), [zhang, li]
    # 张三's remark was seen: showing their name without it is an impostor's now.
    assert [s for _, s, _ in await same()] == ["impostor", "compliant"]
    group.policy = build_policy({}, {"naming.template": "{name}"})  # a new policy object
    assert [s for _, s, _ in await same()] == ["unknown", "misnamed"]
    roster.current = RosterIndex([ZHANG])  # the roster reloaded: 李四 gone
    assert [s for _, s, _ in await same()] == ["unknown", "unknown"]


async def test_a_sender_alone_is_resolved_again_when_what_is_known_changes(db: Database) -> None:
    roster, members, group = Roster(), Members(), runtime()
    snapshots = Counted(roster, members, memo=True)
    copy = MemberView("财务部-张三")
    first: Classification = await snapshots.classify(group, copy)
    assert first.status == "compliant"
    assert await snapshots.classify(group, copy) is first  # remembered
    members.now = [MemberView("张三", identity="张三")]  # the real 张三, known by their remark
    await snapshots.take(group)
    assert (await snapshots.classify(group, copy)).status == "impostor"
