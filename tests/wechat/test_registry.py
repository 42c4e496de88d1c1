"""Required membership on WeChat (wxautox `AddGroupMembers`): the audit invites the missing
employees the operator has as contacts; whom it cannot invite the admins are asked to."""

from __future__ import annotations

import pytest

from tests.wechat.conftest import ADMIN, make_config, people
from tests.wechat.fake_world import Person, World


@pytest.mark.parametrize("role", ["owner", "member"])
async def test_the_audit_invites_the_missing(world: World, harness, role: str) -> None:
    staff = [p for p in people() if p.label != "王五"]  # 销售部-王五 is missing
    world.add_group("工作群", staff, bot_role=role)
    world.contacts["王五"] = Person("王五", "wxid_wangwu")
    config = make_config(
        [{"name": "工作群", "bot_role": role, "admins": [ADMIN], "required": True}]
    )
    async with harness("wxautox", config) as h:
        group = h.app.services.groups["工作群"]
        result = await h.app.services.member_audit.audit(group)
        await h.app.services.registry.audit(group, result.snapshot)
        await h.settle()
        invites = await h.records(action="invite", outcome="done")
        alerts = await h.records(kind="missing_members_alert", action="send")
        if role == "owner":
            assert [r.payload["member"] for r in invites] == ["王五"]
            assert "王五" in [p.label for p in world.groups["工作群"].people]
            assert alerts == []
        else:  # a plain member's account may not add people: the admins are asked
            assert invites == []
            assert len(alerts) == 1 and "销售部-王五" in alerts[0].payload["text"]
