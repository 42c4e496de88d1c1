"""Joins, leaves and renames as Telegram reports them; members seen stand in for a list."""

from __future__ import annotations

from pathlib import Path

from tests.telegram.company import CHAT, ROSTER, company, config
from tests.telegram.fake_api import FakeBotAPI
from tests.telegram.harness import running, telegram_settings


async def _seen(bot, chat: int = CHAT) -> dict[str, str]:
    group = bot.services.groups[str(chat)]
    return {m.identity: m.display for m in await bot.services.members.read(group)}


async def test_chat_member_updates_give_joins_leaves_and_renames(
    api: FakeBotAPI, database_url: str, tmp_path: Path
) -> None:
    people = company(api)
    settings = telegram_settings(api, database_url, tmp_path)
    wang = api.world.user("王芳")
    async with running(api, settings, config(people), ROSTER) as bot:
        polls = api.called("getUpdates")
        assert "chat_member" in polls[0].params["allowed_updates"]  # else Telegram sends none
        old, new = api.world.set_member(CHAT, wang["id"], "member")
        api.push(api.world.member_update(CHAT, old, new, by=people.li4["id"]))
        await bot.settle()
        welcome = api.sent(CHAT)[-1]
        assert "财务部-王芳" in welcome.params["text"]  # the exact name to set
        assert [e["user"]["id"] for e in welcome.params["entities"]] == [wang["id"]]
        assert (await bot.actions())[-1]["kind"] == "welcome"
        assert (await _seen(bot))[str(wang["id"])] == "王芳"
        # She sets her tag herself; Telegram reports the member → member change.
        old, new = api.world.set_member(CHAT, wang["id"], "member", tag="财务部-王芳")
        api.push(api.world.member_update(CHAT, old, new))
        await bot.settle()
        assert (await _seen(bot))[str(wang["id"])] == "财务部-王芳"
        old, new = api.world.set_member(CHAT, wang["id"], "left")
        api.push(api.world.member_update(CHAT, old, new))
        await bot.settle()
        assert str(wang["id"]) not in await _seen(bot)


async def test_without_admin_rights_the_join_lines_are_used(
    api: FakeBotAPI, database_url: str, tmp_path: Path
) -> None:
    people = company(api)
    api.world.set_member(CHAT, api.world.bot["id"], "member")  # no chat_member updates then
    settings = telegram_settings(api, database_url, tmp_path)
    wang = api.world.user("王芳")
    async with running(api, settings, config(people), ROSTER) as bot:
        api.world.set_member(CHAT, wang["id"], "member")
        line = api.world.message(CHAT, people.li4["id"], None, new_chat_members=[wang])
        api.push({"message": line})
        await bot.settle()
        assert (await bot.actions())[-1]["kind"] == "welcome"
        assert str(wang["id"]) in await _seen(bot)
        api.push({"message": api.world.message(CHAT, wang["id"], None, left_chat_member=wang)})
        await bot.settle()
        assert str(wang["id"]) not in await _seen(bot)


async def test_roster_says_it_covers_only_members_seen(
    api: FakeBotAPI, database_url: str, tmp_path: Path
) -> None:
    people = company(api)
    settings = telegram_settings(api, database_url, tmp_path)
    async with running(api, settings, config(people), ROSTER) as bot:
        api.push({"message": api.world.message(CHAT, people.stranger["id"], "大家好")})
        api.push({"message": api.world.message(CHAT, people.li4["id"], "/roster")})
        await bot.settle()
        text = api.sent(CHAT)[-1].params["text"]
        # Seen: the administrators (owner, the bot) and the two who spoke.
        assert "Telegram does not list a group's members" in text
        assert "the 4 members the bot has seen" in text
        assert set(await _seen(bot)) == {
            str(api.world.bot["id"]),
            str(people.owner["id"]),
            str(people.li4["id"]),
            str(people.stranger["id"]),
        }
