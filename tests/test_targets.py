"""Naming the member a command is about: by reply, by stable number, by remark, by id
(bot.commands.targets, bot.services.member_numbers), through the engine and the simulator."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from adapters.sim.replay import Replay
from adapters.sim.scenario import load_scenario
from adapters.sim.world import SimMember
from bot.core.actions import Action, Send
from bot.core.events import JoinEvent, MessageEvent
from bot.core.members import MemberView
from bot.settings import Settings
from bot.storage.models import Warning

GROUP = "全员群"
ADMIN = MemberView("行政人事部-李四", "李四")


class Harness:
    def __init__(self, tmp: Path, members: list[Any]) -> None:
        spec = {
            "start": "2026-11-23T10:00:00+08:00",
            "org": {
                "bot": "群管家",
                "defaults": {"audit.daily_at": ""},
                "roster": [
                    {"name": "李四", "department": "行政人事部"},
                    {"name": "王建国", "department": "总裁办", "exec": True},
                ],
            },
            "groups": [
                {
                    "name": GROUP,
                    "admins": ["李四"],
                    "members": [{"name": ADMIN.display, "remark": "李四"}, *members],
                }
            ],
            "events": [],
        }
        path = tmp / "scenario.yaml"
        path.write_text(yaml.safe_dump(spec, allow_unicode=True), encoding="utf-8")
        self.scenario = load_scenario(path)
        settings = Settings(_env_file=None, data_dir=tmp, database_url=f"sqlite://{tmp}/db")
        self.replay = Replay(self.scenario, settings, tmp / "files")
        self.world = self.replay.world
        self.n = 0

    async def __aenter__(self) -> Harness:
        await self.replay.app.start(self.scenario.roster)
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.replay.app.stop()

    async def say(self, text: str, reply_to: MemberView | None = None) -> list[Action]:
        """The admin types `text` in the group; the actions it caused."""
        self.n += 1
        sent = len(self.replay.adapter.delivered)
        event = MessageEvent(GROUP, ADMIN, text, key=f"m{self.n}", reply_to=reply_to)
        await self.replay.app.engine.handle(event)
        return [d.action for d in self.replay.adapter.delivered[sent:]]

    def view(self, member_id: str) -> MemberView:
        member = self.world.groups[GROUP].find(member_id)
        assert member is not None
        return member.view()


def kinds(actions: list[Action]) -> list[str | None]:
    return [a.kind if isinstance(a, Send) else type(a).__name__ for a in actions]


def text(actions: list[Action]) -> str:
    return "\n".join(a.text for a in actions if isinstance(a, Send))


IMPOSTOR = [
    {"name": "王建国", "remark": "王建国", "id": "exec"},
    {"name": "王建国", "id": "impostor"},
]


async def test_a_reply_names_the_member_replied_to(tmp_path: Path) -> None:
    async with Harness(tmp_path, IMPOSTOR) as h:
        assert kinds(await h.say("/warn 冒充高管")) == ["command_error"]  # nobody named
        done = await h.say("/warn 冒充高管", reply_to=h.view("impostor"))
        assert kinds(done) == ["warning"]
        keys = [w.member_key for w in await Warning.all()]
        assert keys == [h.view("impostor").key] != [h.view("exec").key]
        # A name typed wins over the reply; here it is ambiguous, so refused.
        done = await h.say("/warn @王建国 x", reply_to=h.view("impostor"))
        assert kinds(done) == ["command_error"]


async def test_the_ambiguity_refusal_lists_the_numbers_to_use(tmp_path: Path) -> None:
    async with Harness(tmp_path, IMPOSTOR) as h:
        refused = text(await h.say("/kick @王建国"))
        assert "#2 王建国（已核实身份）" in refused and "#3 王建国" in refused
        assert "/kick #2" in refused
        assert kinds(await h.say("/warns #2")) == ["command_reply"]


async def test_numbers_are_stable_and_never_reused(tmp_path: Path) -> None:
    members = [{"name": "路人甲", "id": "a"}, {"name": "路人乙", "id": "b"}]
    async with Harness(tmp_path, members) as h:
        shown = text(await h.say("/roster"))
        assert "#2 路人甲" in shown and "#3 路人乙" in shown
        h.world.leave(GROUP, "a")  # #2 leaves (silently)
        newcomer = SimMember("c", "路人丙")
        h.world.join(GROUP, newcomer)
        await h.replay.app.engine.handle(JoinEvent(GROUP, newcomer.view(), key="join-c"))
        assert kinds(await h.say("/warn #2 x")) == ["command_error"]  # nobody, not 路人乙
        assert "#4 路人丙" in text(await h.say("/roster"))
        done = await h.say("/warn #3 x")
        assert [a.mentions for a in done if isinstance(a, Send)] == [("路人乙",)]
        # Back under the same name (no remark: the bot knows them by it): the same number.
        h.world.join(GROUP, SimMember("a", "路人甲"))
        done = await h.say("/warn #2 x")
        assert [a.mentions for a in done if isinstance(a, Send)] == [("路人甲",)]


async def test_remark_and_id_selectors(tmp_path: Path) -> None:
    members = [
        {"name": "小王", "remark": "王 建国", "id": "w"},
        {"name": "小张", "remark": "10086", "id": "z"},
    ]
    async with Harness(tmp_path, members) as h:
        done = await h.say("/warn 备注：王 建国 迟到")  # full-width colon, a remark with a space
        warned = [a for a in done if isinstance(a, Send)]
        assert [a.mentions for a in warned] == [("小王",)] and "迟到" in warned[0].text
        done = await h.say("/warn ID:10086")
        assert [a.mentions for a in done if isinstance(a, Send)] == [("小张",)]
        assert kinds(await h.say("/warn 备注:王")) == ["command_error"]  # not a prefix match
        assert kinds(await h.say("/warn remark:nobody")) == ["command_error"]


async def test_members_lists_numbers_and_look_alikes_side_by_side(tmp_path: Path) -> None:
    members = [*IMPOSTOR, {"name": "王建囯", "id": "other"}, {"name": "路人甲", "id": "a"}]
    async with Harness(tmp_path, members) as h:
        listed = text(await h.say("/members"))
        for line in ("#1 行政人事部-李四", "#2 王建国（已核实身份）", "#3 王建国", "#5 路人甲"):
            assert line in listed
        listed = text(await h.say("/成员 王建国"))
        assert "#2 王建国" in listed and "#3 王建国" in listed and "路人甲" not in listed
        assert kinds(await h.say("/members 张三")) == ["command_reply"]


async def test_members_the_bot_cannot_tell_apart_share_a_number(tmp_path: Path) -> None:
    members = [*IMPOSTOR, {"name": "王建国", "id": "twin"}]  # two 王建国 with no remark
    async with Harness(tmp_path, members) as h:
        refused = text(await h.say("/warn @王建国"))
        assert refused.count("#3 王建国") == 1 and "#2 王建国（已核实身份）" in refused
        assert kinds(await h.say("/warn #3")) == ["command_error"]  # which of the two? refused
        assert kinds(await h.say("/warn #2 x")) == ["warning"]
        # A look-alike of the bot's own name names nobody to act on.
        assert kinds(await h.say("/kick @群管家\u200b")) == ["command_error"]
        assert await Warning.all().count() == 1


async def test_a_number_works_before_anything_was_listed(tmp_path: Path) -> None:
    # Numbers follow the platform's member list (the bot itself has none): #3 is the third.
    async with Harness(tmp_path, IMPOSTOR) as h:
        assert kinds(await h.say("/warn #3 冒充")) == ["warning"]
        keys = [w.member_key for w in await Warning.all()]
        assert keys == [h.view("impostor").key]
