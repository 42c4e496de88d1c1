from __future__ import annotations

from tests.wechat.conftest import Harness


async def test_a_member_message_reaches_the_engine(running: Harness) -> None:
    w = running.world
    w.post("工作群", w.person("工作群", "王五"), "大家好")
    await running.settle()
    assert [(e.sender.display, e.text) for e in running.seen] == [("王五", "大家好")]
