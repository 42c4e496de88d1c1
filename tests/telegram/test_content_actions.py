"""The Telegram side of content rules: Mute → restrictChatMember with an end time,
DeleteMessage → deleteMessage. The rule engine (another issue) emits these actions through the
actuator where the platform declares MUTE / DELETE_MESSAGE; here a message handler does the
same, so the real engine, actuator and adapter carry them out."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from bot.core.actions import DeleteMessage, Mute, Notice
from bot.core.capabilities import Capability
from bot.core.clock import VirtualClock
from bot.core.events import MessageEvent
from bot.core.org import GroupRuntime
from tests.telegram.company import CHAT, ROSTER, company, config
from tests.telegram.fake_api import FakeBotAPI
from tests.telegram.harness import Running, running, telegram_settings

NOW = datetime(2026, 11, 23, 2, 0, tzinfo=UTC)
OFFENCE = "刷单返利"


def content_rule(bot: Running, mute_for: int) -> None:
    """What a content rule with `response: mute` and `delete_offending` would do."""
    services = bot.services

    async def handler(group: GroupRuntime, event: MessageEvent) -> None:
        if OFFENCE not in event.text:
            return
        can = services.platform.capabilities(group.code)
        if Capability.DELETE_MESSAGE in can and event.key is not None:
            await services.actuator.perform(DeleteMessage(group.code, event.key, event.sender))
        if Capability.MUTE in can:
            await services.actuator.perform(Mute(group.code, event.sender, mute_for, "ad"))

    bot.telegram.app.engine.message_handlers.append(handler)


async def test_offending_message_is_deleted_and_its_author_muted(
    api: FakeBotAPI, database_url: str, tmp_path: Path
) -> None:
    people = company(api)
    settings = telegram_settings(api, database_url, tmp_path)
    clock = VirtualClock(NOW)
    async with running(api, settings, config(people), ROSTER, clock=clock) as bot:
        content_rule(bot, mute_for=600)
        ad = api.world.message(CHAT, people.stranger["id"], f"{OFFENCE} 加我")
        api.push({"message": api.world.message(CHAT, people.stranger["id"], "大家好")})
        api.push({"message": ad})
        await bot.settle()
        delete, restrict = api.moderation()
        assert delete.method == "deleteMessage"
        assert (delete.int("chat_id"), delete.int("message_id")) == (CHAT, ad["message_id"])
        assert restrict.method == "restrictChatMember"
        assert restrict.int("user_id") == people.stranger["id"]
        assert restrict.int("until_date") == int((NOW + timedelta(seconds=600)).timestamp())
        permissions = restrict.params["permissions"]
        assert permissions["can_send_messages"] is False
        assert not any(permissions.values())
        member = api.world.chats[CHAT].members[people.stranger["id"]]
        assert member["status"] == "restricted"
        assert [a["action"] for a in await bot.actions(outcome="done")] == ["delete", "mute"]


async def test_a_short_mute_is_not_turned_into_a_permanent_one(
    api: FakeBotAPI, database_url: str, tmp_path: Path
) -> None:
    people = company(api)
    settings = telegram_settings(api, database_url, tmp_path)
    clock = VirtualClock(NOW)
    async with running(api, settings, config(people), ROSTER, clock=clock) as bot:
        content_rule(bot, mute_for=5)  # Telegram reads under 30 seconds as "forever"
        api.push({"message": api.world.message(CHAT, people.stranger["id"], OFFENCE)})
        await bot.settle()
        (restrict,) = api.called("restrictChatMember")
        assert restrict.int("until_date") == int((NOW + timedelta(seconds=31)).timestamp())


async def test_without_the_rights_nothing_is_tried(
    api: FakeBotAPI, database_url: str, tmp_path: Path
) -> None:
    people = company(api, bot_rights={"can_restrict_members": False, "can_delete_messages": False})
    settings = telegram_settings(api, database_url, tmp_path)
    async with running(api, settings, config(people), ROSTER) as bot:
        content_rule(bot, mute_for=600)
        api.push({"message": api.world.message(CHAT, people.stranger["id"], OFFENCE)})
        await bot.settle()
        assert api.moderation() == []
        # Had something tried anyway, Telegram's refusal comes back as an outcome, not a crash.
        group = bot.services.groups[str(CHAT)]
        stranger = bot.telegram.runtime.known(str(CHAT), people.stranger["id"])
        outcome = await bot.services.actuator.perform(Mute(group.code, stranger, 600, "ad"))
        assert (outcome.ok, outcome.reason) == (False, "no_rights")


async def test_a_notice_is_posted_and_pinned(
    api: FakeBotAPI, database_url: str, tmp_path: Path
) -> None:
    people = company(api)
    settings = telegram_settings(api, database_url, tmp_path)
    async with running(api, settings, config(people), ROSTER) as bot:
        assert Capability.SET_NOTICE in bot.services.platform.capabilities(str(CHAT))
        outcome = await bot.services.actuator.perform(Notice(str(CHAT), "本周五全员大会"))
        assert outcome.ok
        (posted,) = api.sent(CHAT)
        (pin,) = api.called("pinChatMessage")
        assert posted.params["text"] == "本周五全员大会"
        assert pin.int("chat_id") == CHAT
        assert pin.int("message_id") == outcome.data["message_id"]
