"""Invites and leaves on Telegram, where the platform says who added a member (a user id) and
reports each leave at once: judged by who the members are, never by the names they show."""

from __future__ import annotations

from pathlib import Path

from bot.core.config_file import StrictOrgConfig
from tests.telegram.company import CHAT, ROSTER, People, company
from tests.telegram.fake_api import FakeBotAPI
from tests.telegram.harness import running, telegram_settings


def _config(people: People) -> StrictOrgConfig:
    """The company's group, required, reporting leaves, removing joiners a non-admin added."""
    policy = {"join.invited_by": "admins", "join.uninvited": "remove", "roster.leave": "report"}
    return StrictOrgConfig.model_validate(
        {
            "org": {
                "bot": "群管家",
                "admins": [str(people.chen["id"])],
                "defaults": {"audit.daily_at": ""} | policy,
            },
            "groups": [
                {
                    "name": "全员群",
                    "id": str(CHAT),
                    "admins": [str(people.li4["id"])],
                    "required": True,
                }
            ],
        }
    )


async def test_the_inviter_is_the_user_who_added_the_joiner(
    api: FakeBotAPI, database_url: str, tmp_path: Path
) -> None:
    people = company(api)
    settings = telegram_settings(api, database_url, tmp_path)
    wang, guest = api.world.user("财务部-王芳"), api.world.user("访客")
    async with running(api, settings, _config(people), ROSTER) as bot:
        # The admin (by user id) adds 王芳: nothing to say.
        old, new = api.world.set_member(CHAT, wang["id"], "member")
        api.push(api.world.member_update(CHAT, old, new, by=people.li4["id"]))
        await bot.settle()
        assert not await bot.actions(kind="invite_alert")
        assert not await bot.actions(action="remove")
        # The impostor shows the admin's name; Telegram says it is another user: removed.
        old, new = api.world.set_member(CHAT, guest["id"], "member")
        api.push(api.world.member_update(CHAT, old, new, by=people.impostor["id"]))
        await bot.settle()
        removals = await bot.actions(action="remove")
        assert [(r["member"], r["reason"]) for r in removals] == [("访客", "uninvited")]


async def test_a_copy_of_an_employees_name_leaving_is_not_that_employee_leaving(
    api: FakeBotAPI, database_url: str, tmp_path: Path
) -> None:
    people = company(api)
    settings = telegram_settings(api, database_url, tmp_path)
    wang, copy = api.world.user("财务部-王芳"), api.world.user("财务部-王芳")
    async with running(api, settings, _config(people), ROSTER) as bot:
        for person in (wang, copy):  # both added by the admin; 王芳 first
            old, new = api.world.set_member(CHAT, person["id"], "member")
            api.push(api.world.member_update(CHAT, old, new, by=people.li4["id"]))
            await bot.settle()
        old, new = api.world.set_member(CHAT, copy["id"], "left")
        api.push(api.world.member_update(CHAT, old, new))
        await bot.settle()
        assert not await bot.actions(kind="leave_alert")
        # 王芳 herself leaving is reported at once.
        old, new = api.world.set_member(CHAT, wang["id"], "left")
        api.push(api.world.member_update(CHAT, old, new))
        await bot.settle()
        alerts = await bot.actions(kind="leave_alert")
        assert [a["members"] for a in alerts] == [["财务部-王芳"]]
