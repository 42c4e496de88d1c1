"""Commands end to end: real aiogram Bot and Dispatcher, fake Bot API, real database.
Checks the Bot API calls the bot makes, with their parameters."""

from __future__ import annotations

from pathlib import Path

from tests.telegram.company import CHAT, ROSTER, company, config
from tests.telegram.fake_api import FakeBotAPI
from tests.telegram.harness import running, telegram_settings


def say(api: FakeBotAPI, who: dict, text: str, **kw) -> dict:
    message = api.world.message(CHAT, who["id"], text, **kw)
    api.push({"message": message})
    return message


async def test_kick_by_text_mention_bans_then_unbans(
    api: FakeBotAPI, database_url: str, tmp_path: Path
) -> None:
    people = company(api)
    settings = telegram_settings(api, database_url, tmp_path)
    async with running(api, settings, config(people), ROSTER) as bot:
        say(api, people.li4, "/kick 陌生人 发广告", mentions=(people.stranger["id"],))
        await bot.settle()
        ban, unban = api.moderation()
        assert (ban.method, ban.int("chat_id"), ban.int("user_id")) == (
            "banChatMember",
            CHAT,
            people.stranger["id"],
        )
        assert unban.method == "unbanChatMember"
        assert unban.int("user_id") == people.stranger["id"]
        assert unban.params["only_if_banned"] == "true"  # may be invited again later
        notice = api.sent(CHAT)[-1]
        assert "陌生人" in notice.params["text"]
        assert "发广告" in notice.params["text"]
        assert api.world.chats[CHAT].status(people.stranger["id"]) == "left"
        # Telegram's own chat_member updates about the ban were handled: no longer a member.
        group = bot.services.groups[str(CHAT)]
        seen = {m.identity for m in await bot.services.members.read(group)}
        assert str(people.stranger["id"]) not in seen


async def test_kick_by_username_and_by_reply(
    api: FakeBotAPI, database_url: str, tmp_path: Path
) -> None:
    people = company(api)
    settings = telegram_settings(api, database_url, tmp_path)
    async with running(api, settings, config(people), ROSTER) as bot:
        # An inoffensive line: content rules stay out of this test (the bot sees @stranger_x).
        hello = say(api, people.stranger, "大家好，我是新来的")
        say(api, people.li4, "/kick @stranger_x")
        await bot.settle()
        assert [(c.method, c.int("user_id")) for c in api.moderation()] == [
            ("banChatMember", people.stranger["id"]),
            ("unbanChatMember", people.stranger["id"]),
        ]
        # A reply names the member replied to; the text after the command is the reason.
        api.world.set_member(CHAT, people.stranger["id"], "member")  # invited back
        say(api, people.li4, "/踢 又来了", reply_to=hello)
        await bot.settle()
        assert [c.int("user_id") for c in api.called("banChatMember")] == [
            people.stranger["id"]
        ] * 2
        assert "又来了" in api.sent(CHAT)[-1].params["text"]


async def test_unknown_username_is_refused_not_guessed(
    api: FakeBotAPI, database_url: str, tmp_path: Path
) -> None:
    people = company(api)
    settings = telegram_settings(api, database_url, tmp_path)
    async with running(api, settings, config(people), ROSTER) as bot:
        say(api, people.li4, "/kick @nobody_here 发广告")
        await bot.settle()
        assert api.moderation() == []
        reply = api.sent(CHAT)[-1].params["text"]
        assert "nobody_here" in reply  # says who, and what was expected
        assert "/kick" in reply
        errors = await bot.actions(kind="command_error")
        assert len(errors) == 1


async def test_second_warning_removes(api: FakeBotAPI, database_url: str, tmp_path: Path) -> None:
    people = company(api)
    settings = telegram_settings(api, database_url, tmp_path)
    async with running(api, settings, config(people), ROSTER) as bot:
        stranger = (people.stranger["id"],)
        say(api, people.li4, "/warn 陌生人 发广告", mentions=stranger)
        await bot.settle()
        assert api.moderation() == []
        assert "1/2" in api.sent(CHAT)[-1].params["text"]
        say(api, people.li4, "/warn 陌生人 又发广告", mentions=stranger)
        await bot.settle()
        assert [(c.method, c.int("user_id")) for c in api.moderation()] == [
            ("banChatMember", people.stranger["id"]),
            ("unbanChatMember", people.stranger["id"]),
        ]
        removed = await bot.actions(action="remove")
        assert [(a["reason"], a["outcome"]) for a in removed] == [("warn_limit", "done")]


async def test_rename_writes_the_tag_then_tells_the_member(
    api: FakeBotAPI, database_url: str, tmp_path: Path
) -> None:
    people = company(api)
    settings = telegram_settings(api, database_url, tmp_path)
    async with running(api, settings, config(people), ROSTER) as bot:
        uid = people.xiaozhang["id"]
        say(api, people.li4, "/rename 小张 财务部-张三", mentions=(uid,))
        await bot.settle()
        (tag,) = api.moderation()
        assert tag.method == "setChatMemberTag"
        assert (tag.int("chat_id"), tag.int("user_id"), tag.params["tag"]) == (
            CHAT,
            uid,
            "财务部-张三",
        )
        told = api.sent(CHAT)[-1]
        assert tag.at <= told.at
        assert "财务部-张三" in told.params["text"]
        assert [e["user"]["id"] for e in told.params["entities"]] == [uid]
        # The member now shows the tag, which is the name the roster expects.
        group = bot.services.groups[str(CHAT)]
        seen = {m.identity: m for m in await bot.services.members.read(group)}
        snapshot = await bot.services.snapshots.take(group, [seen[str(uid)]])
        assert [(c.member.display, c.status) for c in snapshot.results] == [
            ("财务部-张三", "compliant")
        ]


async def test_rename_without_the_tag_right_only_tells(
    api: FakeBotAPI, database_url: str, tmp_path: Path
) -> None:
    people = company(api, bot_rights={"can_manage_tags": False})
    settings = telegram_settings(api, database_url, tmp_path)
    async with running(api, settings, config(people), ROSTER) as bot:
        say(api, people.li4, "/rename 小张 财务部-张三", mentions=(people.xiaozhang["id"],))
        await bot.settle()
        assert api.moderation() == []  # never tried: the preflight said it cannot
        told = api.sent(CHAT)[-1]
        assert "财务部-张三" in told.params["text"]
        assert [a["kind"] for a in await bot.actions(action="send")] == ["naming_reminder"]


async def test_someone_showing_an_admins_name_has_no_authority(
    api: FakeBotAPI, database_url: str, tmp_path: Path
) -> None:
    people = company(api)
    settings = telegram_settings(api, database_url, tmp_path)
    async with running(api, settings, config(people), ROSTER) as bot:
        assert people.impostor["first_name"] == people.li4["first_name"]
        before = len(api.calls)
        for text in ("/kick 陌生人", "/warn 陌生人 x", "/rename 陌生人 财务部-张三"):
            say(api, people.impostor, text, mentions=(people.stranger["id"],))
        await bot.settle()
        assert api.moderation() == []
        answers = [c for c in api.calls[before:] if c.method != "getUpdates"]
        assert [c.method for c in answers] == ["sendMessage"] * 3
        denied = await bot.actions(kind="command_denied")
        assert len(denied) == 3


async def test_chat_administrators_command_and_are_followed(
    api: FakeBotAPI, database_url: str, tmp_path: Path
) -> None:
    people = company(api)
    settings = telegram_settings(api, database_url, tmp_path)
    async with running(api, settings, config(people), ROSTER) as bot:
        # The chat's creator is not in the config, but Telegram's administrator list says so.
        say(api, people.owner, "/kick 陌生人", mentions=(people.stranger["id"],))
        await bot.settle()
        assert [c.method for c in api.moderation()] == ["banChatMember", "unbanChatMember"]
        # 小张 is promoted: the chat_member update makes the bot read the list again.
        old, new = api.world.set_member(CHAT, people.xiaozhang["id"], "administrator")
        api.push(api.world.member_update(CHAT, old, new, by=people.owner["id"]))
        say(api, people.xiaozhang, "/warn 行政人事部-李四 测试", mentions=(people.li4["id"],))
        await bot.settle()
        assert (await bot.actions())[-1]["kind"] == "command_error"  # li4 is protected, not
        # denied: 小张 may command now. Demoted again, he may not.
        old, new = api.world.set_member(CHAT, people.xiaozhang["id"], "member")
        api.push(api.world.member_update(CHAT, old, new, by=people.owner["id"]))
        say(api, people.xiaozhang, "/warn 陌生人 x", mentions=(people.stranger["id"],))
        await bot.settle()
        assert (await bot.actions())[-1]["kind"] == "command_denied"


async def test_chat_administrators_may_be_denied_authority(
    api: FakeBotAPI, database_url: str, tmp_path: Path
) -> None:
    people = company(api)
    settings = telegram_settings(api, database_url, tmp_path)
    governed = config(people, telegram={"chat_admins_command": False})
    async with running(api, settings, governed, ROSTER) as bot:
        say(api, people.owner, "/kick 陌生人", mentions=(people.stranger["id"],))
        say(api, people.li4, "/kick 王总", mentions=(people.owner["id"],))
        await bot.settle()
        assert api.moderation() == []
        kinds = [a["kind"] for a in await bot.actions(action="send")]
        assert kinds == ["command_denied", "command_error"]  # and the owner stays protected


async def test_commands_for_other_bots_are_not_answered(
    api: FakeBotAPI, database_url: str, tmp_path: Path
) -> None:
    people = company(api)
    settings = telegram_settings(api, database_url, tmp_path)
    async with running(api, settings, config(people), ROSTER) as bot:
        say(api, people.li4, "/kick@other_bot 陌生人", mentions=(people.stranger["id"],))
        say(api, people.li4, "/help@qunguan_bot")
        await bot.settle()
        assert api.moderation() == []
        assert [a["kind"] for a in await bot.actions(action="send")] == ["command_reply"]
        assert "/kick" in api.sent(CHAT)[-1].params["text"]  # the admin's help


async def test_chats_outside_the_config_are_left_alone(
    api: FakeBotAPI, database_url: str, tmp_path: Path
) -> None:
    people = company(api)
    other = api.world.chat(-1009, "别人的群")
    for who in (api.world.bot, people.li4, people.stranger):
        api.world.set_member(other.id, who["id"], "administrator" if who["is_bot"] else "member")
    settings = telegram_settings(api, database_url, tmp_path)
    async with running(api, settings, config(people), ROSTER) as bot:
        before = len(api.calls)
        kick = api.world.message(
            other.id, people.li4["id"], "/kick 陌生人", mentions=(people.stranger["id"],)
        )
        api.push({"message": kick})
        await bot.settle()
        assert [c.method for c in api.calls[before:]] == ["getUpdates"] * (len(api.calls) - before)
        assert await bot.actions() == []


async def test_a_failed_unban_still_counts_as_removed(
    api: FakeBotAPI, database_url: str, tmp_path: Path
) -> None:
    people = company(api)
    settings = telegram_settings(api, database_url, tmp_path)
    async with running(api, settings, config(people), ROSTER) as bot:
        api.fail("unbanChatMember", 400, "Bad Request: not enough rights")
        say(api, people.li4, "/kick 陌生人", mentions=(people.stranger["id"],))
        await bot.settle()
        (removed,) = await bot.actions(action="remove")
        assert removed["outcome"] == "done"  # out of the group, though not invitable again
        assert api.world.chats[CHAT].status(people.stranger["id"]) == "kicked"
        assert (await bot.actions())[-1]["kind"] == "removal_notice"


async def test_kick_by_user_id_and_by_number(
    api: FakeBotAPI, database_url: str, tmp_path: Path
) -> None:
    people = company(api)
    settings = telegram_settings(api, database_url, tmp_path)
    async with running(api, settings, config(people), ROSTER) as bot:
        stranger = people.stranger["id"]
        say(api, people.stranger, "大家好，我是新来的")
        say(api, people.li4, f"/kick id:{stranger} 发广告")
        await bot.settle()
        assert [c.int("user_id") for c in api.called("banChatMember")] == [stranger]
        # Back again: /members gives the number (the same: the user id is the same member).
        api.world.set_member(CHAT, stranger, "member")
        say(api, people.stranger, "我又回来了")
        say(api, people.li4, "/members 陌生人")
        await bot.settle()
        listed = api.sent(CHAT)[-1].params["text"].splitlines()[1]
        number = listed.split()[0]
        assert number.startswith("#") and "陌生人" in listed
        say(api, people.li4, f"/kick {number} 又来了")
        await bot.settle()
        assert [c.int("user_id") for c in api.called("banChatMember")] == [stranger] * 2
