"""WeChat 4.x libraries: no member list, no removal. Authority comes from the sender's profile
card (their WeChat ID) in groups and in the admin console; removals are handed to admins;
members are the ones seen."""

from __future__ import annotations

from adapters.wechat.report import startup_report
from bot.core.capabilities import Capability
from bot.storage.models import Warning
from tests.wechat.conftest import ADMIN, make_config, people
from tests.wechat.fake_world import Person, World

CONSOLE = {"chat": "管理控制台", "admins": {"李四": ADMIN}}


def four_x(world: World, lib: str = "wxautox4") -> dict:
    world.add_group("工作群", people())
    world.private["管理控制台"] = []
    return make_config([{"name": "工作群"}], wechat={"library": lib, "console": CONSOLE})


async def test_privileged_commands_in_a_group_are_checked_by_wechat_id(
    world: World, harness
) -> None:
    async with harness("wxautox4", four_x(world)) as h:
        world.post("工作群", world.person("工作群", "陌生人"), "大家好")  # seen: a known member
        world.post("工作群", world.person("工作群", "李四"), "/warn @陌生人 广告")
        await h.settle()
        assert await Warning.filter(display="陌生人").count() == 1
        # Someone else showing the admin's name: their profile card says who they are.
        world.groups["工作群"].people.append(Person("李四", "wxid_copycat"))
        world.post("工作群", world.groups["工作群"].people[-1], "/warn @陌生人 又是广告")
        await h.settle()
        assert await Warning.filter(display="陌生人").count() == 1
        denied = await h.records(action="send", kind="command_denied")
        assert len(denied) == 1
        assert Capability.LIST_MEMBERS not in h.adapter.capabilities("工作群")


async def test_console_commands_run_for_a_named_group(world: World, harness) -> None:
    async with harness("wxautox4", four_x(world)) as h:
        stranger = world.person("工作群", "陌生人")
        world.post("工作群", stranger, "大家好")  # seen: now a known member
        world.private["管理控制台"].clear()
        await h.settle()
        console_admin = world.person("工作群", "李四")
        world.post("管理控制台", console_admin, "【工作群】/warn @陌生人 广告")
        world.post("管理控制台", console_admin, "[工作群] /kick @陌生人 第二次")
        await h.settle()
        assert await Warning.filter(display="陌生人").count() == 1
        kinds = [(r.group_code, r.kind) for r in await h.records(action="send")]
        # the warning is said in the group; the bot cannot remove, so admins are asked
        assert kinds[:2] == [("工作群", "warning"), ("工作群", "action_failed")]
        assert world.removed == {}


async def test_console_org_commands_reply_in_the_console(world: World, harness) -> None:
    async with harness("wxautox4", four_x(world)) as h:
        world.post("管理控制台", world.person("工作群", "李四"), "/roster")
        world.post("管理控制台", world.person("工作群", "王五"), "/roster")  # not mapped
        await h.settle()
        records = await h.records()
        assert [(r.action, r.kind) for r in records] == [
            ("direct", "command_reply"),
            ("send", "command_denied"),
        ]
        sent_to = [chat for chat, _, _ in world.sent]
        assert sent_to == ["管理控制台", "管理控制台"]


async def test_free_wxauto4_governs_one_chat(world: World, harness) -> None:
    world.add_group("工作群", people())
    config = make_config([{"name": "工作群"}], wechat={"library": "wxauto4"})
    async with harness("wxauto4", config) as h:
        world.post("工作群", world.person("工作群", "王五"), "你好")
        await h.settle()
        assert [e.text for e in h.seen] == ["你好"]
        report = "\n".join(
            startup_report(h.adapter.driver, h.adapter.chats, h.adapter.capabilities)
        )
        assert "wxauto4" in report
        assert "remove by hand" in report
        assert "checked by WeChat ID" in report
