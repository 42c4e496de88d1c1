"""Who a Telegram message is from (issue 10, finding 10), end to end against the fake Bot API:
messages sent on behalf of a chat are never charged to the placeholder accounts in `from`;
anonymous administrators are protected but command nothing; each channel is a member of its
own, removed with banChatSenderChat; a forwarded command is never run; a reply names the
author of the message replied to."""

from __future__ import annotations

from pathlib import Path

from bot.core.members import MemberView
from tests.telegram.company import CHAT, ROSTER, company, config
from tests.telegram.fake_api import FakeBotAPI
from tests.telegram.harness import eventually, running, telegram_settings
from tests.telegram.world import CHANNEL_BOT, GROUP_ANONYMOUS_BOT

OFFENCE = "刷单返利，加我"  # a built-in ad lure: a warning by default, removal at the second


def post(api: FakeBotAPI, message: dict) -> dict:
    api.push({"message": message})
    return message


async def test_an_anonymous_admin_is_protected_and_commands_nothing(
    api: FakeBotAPI, database_url: str, tmp_path: Path
) -> None:
    people = company(api)
    group_voice = api.world.chats[CHAT].json()
    settings = telegram_settings(api, database_url, tmp_path)
    async with running(api, settings, config(people), ROSTER) as bot:
        post(api, api.world.as_chat(CHAT, group_voice, OFFENCE))
        post(api, api.world.as_chat(CHAT, group_voice, OFFENCE))
        kick = "/kick 陌生人 发广告"
        post(api, api.world.as_chat(CHAT, group_voice, kick, mentions=(people.stranger["id"],)))
        await bot.settle()
        assert api.moderation() == []  # no ban of GroupAnonymousBot, no ban of the stranger
        assert await bot.actions(kind="warning") == []
        (denied,) = await bot.actions(kind="command_denied")
        assert "anonymous" in denied["text"]  # and how to command the bot instead
        group = bot.services.groups[str(CHAT)]
        kept = [(m.display, m.identity) for m in await bot.services.members.read(group)]
        assert all(display != "全员群" for display, _ in kept)
        assert str(GROUP_ANONYMOUS_BOT["id"]) not in {identity for _, identity in kept}


async def test_each_channel_is_its_own_member_and_is_banned_as_a_chat(
    api: FakeBotAPI, database_url: str, tmp_path: Path
) -> None:
    people = company(api)
    first = api.world.channel(-1002000000001, "优惠频道")
    second = api.world.channel(-1002000000002, "另一个频道")
    settings = telegram_settings(api, database_url, tmp_path)
    async with running(api, settings, config(people), ROSTER) as bot:
        post(api, api.world.as_chat(CHAT, first, OFFENCE))
        post(api, api.world.as_chat(CHAT, second, OFFENCE))
        await bot.settle()
        bans = ("banChatMember", "banChatSenderChat")
        assert api.called(*bans) == []  # one offence each: two first warnings, not 2/2
        warned = await bot.actions(kind="warning")
        assert len(warned) == 2
        assert all("1/2" in c.params["text"] for c in api.sent(CHAT)[-2:])
        post(api, api.world.as_chat(CHAT, first, OFFENCE))
        await bot.settle()
        (ban,) = api.called(*bans)
        assert ban.method == "banChatSenderChat"
        assert (ban.int("chat_id"), ban.int("sender_chat_id")) == (CHAT, first["id"])
        assert api.world.chats[CHAT].banned_senders == {first["id"]}
        assert not api.called("banChatMember", "unbanChatMember")  # never Channel_Bot
        group = bot.services.groups[str(CHAT)]
        identities = {m.identity for m in await bot.services.members.read(group)}
        assert str(second["id"]) in identities
        assert str(CHANNEL_BOT["id"]) not in identities


async def test_a_forwarded_command_is_not_run(
    api: FakeBotAPI, database_url: str, tmp_path: Path
) -> None:
    people = company(api)
    settings = telegram_settings(api, database_url, tmp_path)
    origin = {"type": "hidden_user", "sender_user_name": "某人", "date": api.world.stamp()}
    async with running(api, settings, config(people), ROSTER) as bot:
        old = api.world.message(
            CHAT, people.li4["id"], "/kick 陌生人", mentions=(people.stranger["id"],)
        )
        post(api, old | {"forward_origin": origin})
        await bot.settle()
        assert api.moderation() == []
        assert await bot.actions(kind="command_reply") == []
        # The same admin typing it is obeyed: the forward alone made the difference.
        post(
            api,
            api.world.message(
                CHAT, people.li4["id"], "/kick 陌生人", mentions=(people.stranger["id"],)
            ),
        )
        await bot.settle()
        assert [c.int("user_id") for c in api.called("banChatMember")] == [people.stranger["id"]]
        group = bot.services.groups[str(CHAT)]
        seen = {m.identity: m.account for m in await bot.services.members.read(group)}
        assert seen[str(people.li4["id"])] == str(people.li4["id"])  # the account: the user id


async def test_a_reply_names_the_channel_or_member_replied_to(
    api: FakeBotAPI, database_url: str, tmp_path: Path
) -> None:
    people = company(api)
    channel = api.world.channel(-1002000000003, "广告频道")
    settings = telegram_settings(api, database_url, tmp_path)
    async with running(api, settings, config(people), ROSTER) as bot:
        ad = post(api, api.world.as_chat(CHAT, channel, "看看我们的频道"))
        post(api, api.world.message(CHAT, people.li4["id"], "/kick 广告", reply_to=ad))
        await bot.settle()
        (ban,) = api.moderation()
        assert (ban.method, ban.int("sender_chat_id")) == ("banChatSenderChat", channel["id"])
        # Replying to the group's own voice names no one who can be removed.
        voice = post(api, api.world.as_chat(CHAT, api.world.chats[CHAT].json(), "通知"))
        post(api, api.world.message(CHAT, people.li4["id"], "/kick", reply_to=voice))
        await bot.settle()
        assert len(api.moderation()) == 1


async def test_the_linked_channel_is_the_groups_own_voice(
    api: FakeBotAPI, database_url: str, tmp_path: Path
) -> None:
    people = company(api)
    linked = api.world.channel(-1002000000009, "公司公告")
    api.world.chats[CHAT].linked = linked["id"]
    settings = telegram_settings(api, database_url, tmp_path)
    async with running(api, settings, config(people), ROSTER) as bot:
        post(api, api.world.as_chat(CHAT, linked, OFFENCE, is_automatic_forward=True))
        post(api, api.world.as_chat(CHAT, linked, OFFENCE))  # an admin writing as the channel
        await bot.settle()
        assert api.moderation() == []
        assert await bot.actions(kind="warning") == []
        group = bot.services.groups[str(CHAT)]
        identities = {m.identity for m in await bot.services.members.read(group)}
        assert str(linked["id"]) not in identities


async def test_a_placeholder_kept_by_an_older_version_is_forgotten_not_left(
    api: FakeBotAPI, database_url: str, tmp_path: Path
) -> None:
    people = company(api)
    settings = telegram_settings(api, database_url, tmp_path)
    placeholder = str(GROUP_ANONYMOUS_BOT["id"])
    async with running(api, settings, config(people), ROSTER) as bot:
        group = bot.services.groups[str(CHAT)]
        # What a version that charged GroupAnonymousBot kept, as if it were a member.
        await bot.services.members.observe(
            group, MemberView("Group", placeholder, handle=placeholder, account=placeholder)
        )
    polls = len(api.called("getUpdates"))
    async with running(api, settings, config(people), ROSTER) as bot:
        await eventually(lambda: len(api.called("getUpdates")) > polls)  # this run has started
        group = bot.services.groups[str(CHAT)]
        kept = {m.identity for m in await bot.services.members.read(group)}
        assert placeholder not in kept
        assert int(placeholder) not in bot.telegram.runtime.directory.members(str(CHAT))
