"""The simulator's WeChat semantics."""

from __future__ import annotations

import pytest

from adapters.sim.adapter import SimAdapter
from adapters.sim.world import MAX_MEMBERS, SimMember, World, WorldError
from bot.core.actions import Remove
from bot.core.capabilities import Capability
from bot.core.members import MemberView


def world_with(bot_role: str = "owner") -> World:
    world = World("群管家")
    world.add_group("群", bot_role)  # type: ignore[arg-type]
    return world


def test_a_group_holds_at_most_500_members() -> None:
    world = world_with()
    for i in range(MAX_MEMBERS - 1):  # the bot is the first member
        world.join("群", SimMember(f"m{i}", f"成员{i}"))
    with pytest.raises(WorldError, match="full"):
        world.join("群", SimMember("late", "迟到的人"))


async def test_renames_and_leaves_are_silent_but_show_on_the_next_read() -> None:
    world = world_with()
    world.join("群", SimMember("a", "张三", remark="张三"))
    adapter = SimAdapter(world)
    world.rename("群", "a", "财务部-张三")
    members = await adapter.read_members("群")
    assert [m.display for m in members] == ["群管家", "财务部-张三"]
    assert members[1].identity == "张三"  # the remark survives the rename
    world.leave("群", "a")
    assert [m.display for m in await adapter.read_members("群")] == ["群管家"]
    assert adapter.delivered == []  # the bot was told nothing


@pytest.mark.parametrize(("role", "can"), [("owner", True), ("admin", True), ("member", False)])
async def test_the_bots_role_decides_removal(role: str, can: bool) -> None:
    world = world_with(role)
    world.join("群", SimMember("a", "路人"))
    adapter = SimAdapter(world)
    assert (Capability.REMOVE in adapter.capabilities("群")) is can
    outcome = await adapter.execute(Remove("群", MemberView("路人"), "admin", ""))
    assert outcome.ok is can
    assert outcome.reason == (None if can else "no_rights")


async def test_the_owner_and_duplicates_cannot_be_removed_by_name() -> None:
    world = world_with("admin")
    world.join("群", SimMember("boss", "老板", role="owner"))
    world.join("群", SimMember("x1", "小李"))
    world.join("群", SimMember("x2", "小李"))
    adapter = SimAdapter(world)
    assert (await adapter.execute(Remove("群", MemberView("老板"), "admin", ""))).reason == (
        "protected"
    )
    assert (await adapter.execute(Remove("群", MemberView("小李"), "admin", ""))).reason == (
        "ambiguous"
    )
    assert (await adapter.execute(Remove("群", MemberView("不在"), "admin", ""))).reason == (
        "member_gone"
    )
    assert len(world.groups["群"].members) == 4


async def test_a_member_read_again_unchanged_is_the_same_view_and_a_rename_a_new_one() -> None:
    world = world_with()
    world.join("群", SimMember("a", "张三", remark="张三"))
    adapter = SimAdapter(world)
    first = (await adapter.read_members("群"))[1]
    assert (await adapter.read_members("群"))[1] is first
    world.rename("群", "a", "销售部-张三")
    renamed = (await adapter.read_members("群"))[1]
    assert renamed is not first
    assert renamed == MemberView("销售部-张三", "张三")
    world.groups["群"].members["a"].role = "admin"
    assert (await adapter.read_members("群"))[1] == MemberView("销售部-张三", "张三", "admin")
