"""Notices on WeChat through the real adapter and the fake libraries: the announcement where
the bot's account may edit it (else only the message), acknowledgements read from the chat,
the reminder and the report when their time comes."""

from __future__ import annotations

from datetime import timedelta

import pytest

from tests.wechat.conftest import ADMIN, make_config, people, wait_until
from tests.wechat.fake_world import World


def texts(world: World) -> list[str]:
    return [content for where, content, _ in world.sent if where == "工作群"]


@pytest.mark.parametrize(("role", "announced"), [("owner", True), ("member", False)])
async def test_a_notice_on_wechat(world: World, harness, role: str, announced: bool) -> None:
    world.add_group("工作群", people(), bot_role=role)
    config = make_config([{"name": "工作群", "bot_role": role, "admins": [ADMIN]}])
    async with harness("wxautox", config) as h:
        world.post("工作群", world.person("工作群", "李四"), "/notice 10m 本周五团建")
        await h.settle()
        await wait_until(lambda: any("本周五团建" in t for t in texts(world)))
        assert (world.groups["工作群"].notice == "本周五团建") is announced
        world.post("工作群", world.person("工作群", "财务部-张三"), "收到！")
        await h.settle()

        h.clock.set(h.clock.now() + timedelta(minutes=5))
        await h.app.scheduler.run_due(h.clock.now())
        await h.settle()
        h.clock.set(h.clock.now() + timedelta(minutes=5))
        await h.app.scheduler.run_due(h.clock.now())
        await h.settle()

        sent = await h.records(action="send", outcome="done")
        kinds = [r.kind for r in sent if r.kind and r.kind.startswith("notice")]
        assert kinds == ["notice", "notice_reminder", "notice_report"]
        report = (await h.records(kind="notice_report"))[0].payload
        assert report["members"] == ["王五"]  # 张三 answered; 李四 sent it
        assert [r.action for r in await h.records(action="notice", outcome="done")] == (
            ["notice"] if announced else []
        )
