"""UI calls per daily audit: one member read per group, one batched removal per group with
removals (plus the re-read that confirms it), one reminder message per group with reminders."""

from __future__ import annotations

from collections import Counter

from loguru import logger

from tests.wechat.conftest import ADMIN, make_config
from tests.wechat.fake_world import Person, World

UNKNOWN_REMOVED = {"roster.unknown": "remove"}


async def test_ui_calls_per_daily_audit(world: World, harness) -> None:
    world.add_group(
        "甲群",
        [
            Person("财务部-张三", "wxid_zs0001"),
            Person("李四", ADMIN),
            Person("王五", "wxid_ww0001"),
            Person("陌生人", "wxid_x00001"),
            Person("销售部-赵六", "wxid_zl0001"),
        ],
    )
    world.add_group(
        "乙群", [Person("财务部-张三", "wxid_zs0001"), Person("销售部-王五", "wxid_ww0001")]
    )
    world.add_group("丙群", [Person("王五", "wxid_ww0001")])
    config = make_config(
        [{"name": g, "policy": UNKNOWN_REMOVED} for g in ("甲群", "乙群", "丙群")]
    )
    async with harness("wxautox", config) as h:
        services = h.app.services
        per_group: dict[str, Counter[str]] = {}
        for group in services.groups:
            before = Counter(world.faults.calls)
            await services.member_audit.audit(group)  # what the daily job runs for each group
            per_group[group.name] = Counter(world.faults.calls) - before
        kinds = Counter((r.group_code, r.kind) for r in await h.records(action="send"))
    for name, calls in per_group.items():
        logger.warning("audit of {g}: {calls}", g=name, calls=dict(sorted(calls.items())))

    assert per_group["甲群"]["GetGroupMembers"] == 2  # the audit's read + the confirming re-read
    assert per_group["甲群"]["RemoveGroupMembers"] == 1  # 陌生人 and 销售部-赵六 in one call
    assert sorted(world.removed) == ["wxid_x00001", "wxid_zl0001"]
    assert kinds[("甲群", "naming_reminder")] == 1  # 李四 and 王五 in one message
    assert per_group["乙群"] == Counter({"GetGroupMembers": 1})  # all compliant: one read
    assert per_group["丙群"]["GetGroupMembers"] == 1
    assert per_group["丙群"]["RemoveGroupMembers"] == 0
    assert kinds[("丙群", "naming_reminder")] == 1
    reminder = next(c for chat, c, _ in world.sent if chat == "甲群" and "王五" in c)
    assert reminder.count("@") == 2  # both mentions batched into the one message
