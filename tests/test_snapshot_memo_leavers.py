"""A group read again after members left reuses the last resolution minus them only where that
is the answer a fresh resolution gives (bot.services.snapshot_leavers).

Random groups (seeded) mixing template names, bare names, names inside nicknames, copies of
one name, remarks naming employees (trusted), `/rename` bindings, departed employees and
admins; members leave, and each read is compared with a resolution made afresh."""

from __future__ import annotations

import random
from typing import Any
from zoneinfo import ZoneInfo

from bot.core.employees import RosterEntry
from bot.core.group import GroupRuntime
from bot.core.members import MemberView
from bot.core.org import GroupIn
from bot.core.policy import build_policy
from bot.services.classification import Classification
from bot.services.roster_match import RosterIndex
from bot.services.snapshot_memo import ResolutionMemo
from bot.storage.db import Database
from tests.test_snapshot_memo import Counted, Members, Roster

TRIALS = 400
STAFF = [
    RosterEntry(1, "张三", "财务部"),
    RosterEntry(2, "李四", "行政人事部"),
    RosterEntry(3, "王五", "研发部"),
    RosterEntry(4, "赵六", "研发部", status="departed"),
    RosterEntry(5, "孙七", "市场部"),
    RosterEntry(6, "周八", "财务部"),
]


def _member(rng: random.Random, n: int) -> MemberView:
    e = rng.choice(STAFF[:4])
    shapes = [
        MemberView(f"{e.department}-{e.name}"),  # the template
        MemberView(f"{e.department}-{e.name} "),  # a copy of it (same name once normalised)
        MemberView(e.name),  # the bare name: misnamed
        MemberView(f"{e.name}(外出)"),  # inside a nickname: contained
        MemberView(f"{e.department}-{e.name}", identity=e.name),  # remark: trusted
        MemberView(f"{rng.choice(STAFF).department}-{e.name}", identity=f"u{n}"),
        MemberView(f"阳光{n}"),  # on no roster
        MemberView("李四", identity="李四"),  # the admin (when 李四 is one)
        MemberView("管理员", identity="管理员"),  # an admin on no roster entry
        MemberView("管理员"),  # showing that admin's name
    ]
    return rng.choice(shapes)


async def test_leavers_give_a_fresh_resolution_s_answer(db: Database) -> None:
    roster, members = Roster(), Members()
    roster.current = RosterIndex(STAFF)
    memo, fresh = Counted(roster, members, memo=True), Counted(roster, members, memo=False)
    full = 0
    classify_all = memo._classified.all

    def counted(*args: Any, **kwargs: Any) -> list[Classification]:
        nonlocal full
        full += 1
        return classify_all(*args, **kwargs)

    memo._classified.all = counted  # type: ignore[method-assign]
    rng, after, reused = random.Random(14), 0, 0
    for trial in range(TRIALS):
        group = GroupRuntime(
            config=GroupIn(name=f"g{trial}"), policy=build_policy({}, {}), tz=ZoneInfo("UTC")
        )
        group.org_admins = frozenset({"李四", "管理员"}) if rng.random() < 0.5 else frozenset()
        members.now = [_member(rng, n) for n in range(rng.randint(3, 9))]
        members.bound = {}
        if rng.random() < 0.3:
            members.bound = {rng.choice(members.now).key: rng.choice(STAFF).id}
        for step in range(4):
            fresh._resolved = ResolutionMemo()  # the reference: resolved afresh every time
            before = full
            got, want = await memo.take(group), await fresh.take(group)
            assert got.results == want.results, trial  # every field: holders, claims too
            if step == 2:  # the first read after members left
                after, reused = after + 1, reused + (full == before)
            # Read twice (who held what settles: contested groups reuse only then), then some
            # members leave (order kept).
            if step % 2 and len(members.now) > 1:
                gone = set(rng.sample(range(len(members.now)), rng.randint(1, 2)))
                members.now = [m for i, m in enumerate(members.now) if i not in gone]
    # Both ways were taken after members left: reused minus the leavers, and resolved again
    # (a leaver mattered).
    assert 0.2 * after < reused < 0.8 * after, (after, reused)


async def test_a_leaver_others_depend_on_is_resolved_again(db: Database) -> None:
    roster, members = Roster(), Members()
    memo, fresh = Counted(roster, members, memo=True), Counted(roster, members, memo=False)
    group = GroupRuntime(config=GroupIn(name="g"), policy=build_policy({}, {}), tz=ZoneInfo("UTC"))
    first, copy, li = MemberView("财务部-张三"), MemberView("财务部-张三 "), MemberView("李四")
    members.now = [first, copy, li]
    assert [s for _, s, _ in await memo.statuses(group)] == ["impostor", "impostor", "misnamed"]
    await fresh.statuses(group)
    members.now = [copy, li]  # the other claimant left: the copy holds 张三 now
    assert await memo.statuses(group) == await fresh.statuses(group)
    assert [s for _, s, _ in await memo.statuses(group)] == ["compliant", "misnamed"]
    members.now = [copy]  # 李四 left, whom no one else named: reused, the same answer
    assert (
        await memo.statuses(group)
        == await fresh.statuses(group)
        == [("财务部-张三 ", "compliant", 1)]
    )


async def test_a_name_inside_a_nickname_is_the_employee_once_the_real_one_left(
    db: Database,
) -> None:
    roster, members = Roster(), Members()
    memo, fresh = Counted(roster, members, memo=True), Counted(roster, members, memo=False)
    group = GroupRuntime(config=GroupIn(name="g"), policy=build_policy({}, {}), tz=ZoneInfo("UTC"))
    inside, real = MemberView("张三(外出)"), MemberView("财务部-张三")
    members.now = [inside, real, MemberView("李四")]
    assert [s for _, s, _ in await memo.statuses(group)] == ["unknown", "compliant", "misnamed"]
    await memo.statuses(group)  # read again: who held what is now as this read left it
    members.now = [inside, MemberView("李四")]  # the real 张三 left: the name inside is theirs
    assert await memo.statuses(group) == await fresh.statuses(group)
    assert [s for _, s, _ in await memo.statuses(group)] == ["misnamed", "misnamed"]
