"""The real adapter against the fake libraries: every failure mode the research names."""

from __future__ import annotations

import pytest

from bot.core.actions import Notice
from bot.storage.models import Warning
from tests.wechat.conftest import ADMIN, Harness, make_config, people, wait_until
from tests.wechat.fake_world import Person, World


def sent_texts(world: World, chat: str = "工作群") -> list[str]:
    return [content for where, content, _ in world.sent if where == chat]


async def test_admin_command_is_verified_by_wechat_id(running: Harness) -> None:
    w = running.world
    w.post("工作群", w.person("工作群", "李四"), "/warn @陌生人 发广告")
    await running.settle()
    assert w.faults.calls["sender_info"] == 1
    records = await running.records(kind="warning")
    assert [r.outcome for r in records] == ["done"]
    assert await Warning.filter(display="陌生人").count() == 1


async def test_an_impostor_with_the_admins_name_is_denied(world: World, harness) -> None:
    world.add_group("工作群", [*people(), Person("李四", "wxid_impostor")])
    async with harness() as h:
        impostor = world.groups["工作群"].people[-1]
        world.post("工作群", impostor, "/kick @陌生人")
        await h.settle()
        kinds = [r.kind for r in await h.records()]
        # Denied, and the admins are told someone shows the admin's name (spec "Identity").
        assert kinds[-1] == "command_denied"
        assert set(kinds[:-1]) == {"impostor_alert"}
        assert world.removed == {}


async def test_duplicate_display_names_are_never_guessed(world: World, harness) -> None:
    world.add_group("工作群", [*people(), Person("王五", "wxid_wangwu2")])
    async with harness() as h:
        world.post("工作群", world.person("工作群", "李四"), "/kick @王五")
        await h.settle()
        assert [r.kind for r in await h.records()] == ["command_error"]
        assert world.removed == {}


async def test_partial_removal_reported_as_success_is_caught(world: World, harness) -> None:
    hidden = Person("😀小号", "wxid_emoji", searchable=False)
    world.add_group("工作群", [*people(), hidden])
    async with harness() as h:
        group = h.app.services.groups["工作群"]
        present = await h.adapter.read_members("工作群")
        targets = [(m, "not_on_roster") for m in present if m.display in ("陌生人", "😀小号")]
        removed = await h.app.services.enforcer.remove(group, targets, present)
        assert [m.display for m in removed] == ["陌生人"]
        assert world.faults.calls["RemoveGroupMembers"] == 1  # one batch
        outcomes = {r.payload["member"]: r.outcome for r in await h.records(action="remove")}
        assert outcomes == {"陌生人": "done", "😀小号": "refused"}
        kinds = [r.kind for r in await h.records(action="send")]
        # The rest goes to the admins; the alert's @ of the unsearchable name fails in turn.
        assert kinds == ["removal_notice", "unknown_member_alert", "action_failed"]


async def test_silent_mention_failure_is_reported(world: World, harness) -> None:
    world.add_group("工作群", [*people(), Person("🌟销售-王五", "wxid_w2", searchable=False)])
    async with harness() as h:
        group = h.app.services.groups["工作群"]
        await h.app.services.member_audit.audit(group)
        reminder = next(c for _, c, _ in world.sent if "王五" in c and "🌟" in c)
        assert "@🌟销售-王五" not in reminder  # WeChat sent it without the mention
        failed = await h.records(kind="action_failed")
        assert len(failed) == 1
        assert "🌟销售-王五" in failed[0].payload["text"]


@pytest.mark.parametrize(
    ("lib", "role", "ok"),
    [
        ("wxautox", "owner", True),
        ("wxautox", "member", False),
        ("wxautox4", "owner", True),
        ("wxautox4", "member", False),
    ],
)
async def test_notice_is_confirmed_from_the_response(
    world: World, harness, lib: str, role: str, ok: bool
) -> None:
    world.add_group("工作群", people(), bot_role=role)
    config = make_config([{"name": "工作群", "bot_role": "owner"}], wechat={"library": lib})
    if lib == "wxautox4":
        config["wechat"]["console"] = {"chat": "控制台", "admins": {"李四": ADMIN}}
        world.private["控制台"] = []
    async with harness(lib, config) as h:
        outcome = await h.adapter.execute(Notice("工作群", "本周五团建"))
        assert outcome.ok is ok
        assert (world.groups["工作群"].notice == "本周五团建") is ok


async def test_replayed_history_is_handled_once(running: Harness) -> None:
    w = running.world
    li, wang = w.person("工作群", "李四"), w.person("工作群", "王五")
    w.marker("工作群", "2026-11-23 09:00:00")
    w.post("工作群", wang, "收到")
    w.post("工作群", wang, "收到")  # the same line twice, on purpose: two messages
    w.post("工作群", li, "/warn @陌生人 刷屏")
    await running.settle()
    w.replay("工作群", 5)  # the segment again, from its time marker, with new UI ids
    await running.settle()
    w.post("工作群", wang, "收到")  # a third, genuinely new
    await running.settle()
    assert [e.text for e in running.seen] == ["收到", "收到", "收到"]
    assert await Warning.all().count() == 1
    assert running.adapter.inbound.replays == 3


async def test_a_reopened_window_replaying_mid_segment_is_handled_once(
    world: World, harness
) -> None:
    world.add_group("工作群", people())
    world.system("工作群", '"李四"邀请"王五"加入了群聊')  # already on screen at start
    async with harness("wxautox", make_config([{"name": "工作群"}], wechat={"settle": 5})) as h:
        world.replay("工作群", 1)  # the new window hands over what it already showed
        await h.settle()
        assert h.adapter.inbound.history == 1  # history: remembered, not acted on
        h.time.t += 10  # past the first look
        wang, li = world.person("工作群", "王五"), world.person("工作群", "李四")
        world.post("工作群", wang, "早")
        world.post("工作群", li, "/warn @陌生人 刷屏")
        await h.settle()
        world.online = False
        await h.adapter.execute(Notice("工作群", "x"))  # finds the window gone
        world.online = True
        await wait_until(lambda: h.adapter.conn.up)
        world.replay("工作群", 3)  # the reopened window shows its last lines again
        world.post("工作群", wang, "新消息")
        await h.settle()
        assert [e.text for e in h.seen] == ["早", "新消息"]
        assert await Warning.all().count() == 1
        assert await h.records(kind="welcome") == []


async def test_dropped_lines_are_lost_without_harm(running: Harness) -> None:
    w = running.world
    w.drop = 1
    w.post("工作群", w.person("工作群", "王五"), "丢了")
    w.post("工作群", w.person("工作群", "王五"), "到了")
    await running.settle()
    assert [e.text for e in running.seen] == ["到了"]


@pytest.mark.parametrize("call", ["SendMsg", "GetGroupMembers", "sender_info", "GetAllMessage"])
async def test_failures_on_any_call_are_retried(running: Harness, call: str) -> None:
    w = running.world
    w.faults.forced[call] = 2
    w.faults.rate = 0.0
    w.post("工作群", w.person("工作群", "李四"), "/warns @陌生人")
    await running.settle()
    replies = await running.records(action="send")
    assert [(r.kind, r.outcome) for r in replies] == [("command_reply", "done")]
    assert len(sent_texts(w)) == 1


async def test_window_gone_refuses_reports_and_reconnects(world: World, harness) -> None:
    world.add_group("工作群", people())
    world.private["控制台"] = []
    config = make_config([{"name": "工作群"}], wechat={"console": {"chat": "控制台"}})
    async with harness("wxautox", config) as h:
        world.online = False
        outcome = await h.adapter.execute(Notice("工作群", "x"))
        assert outcome.reason == "wechat_unavailable"
        assert h.adapter.missed
        world.online = True
        await wait_until(lambda: h.adapter.conn.up)
        await h.settle()
        await wait_until(lambda: sent_texts(world, "控制台"))
        assert len(sent_texts(world, "控制台")) == 1  # the outage report
        assert h.adapter.missed == []


async def test_an_admins_private_chat_answers_privately(world: World, harness) -> None:
    world.add_group("工作群", people())
    world.private["李四"] = []
    config = make_config([{"name": "工作群"}], wechat={"contacts": {ADMIN: "李四"}})
    async with harness("wxautox", config) as h:
        admin = world.person("工作群", "李四")
        world.post("李四", admin, "/roster")
        world.post("李四", Person("李四", "wxid_impostor"), "/audit")  # not the admin's ID
        await h.settle()
        assert [(r.action, r.kind) for r in await h.records()] == [("direct", "command_reply")]
        assert [chat for chat, _, _ in world.sent] == ["李四"]
