"""Content rules on Telegram, end to end: the real rule engine (bot/services/moderation) decides,
the actuator carries out, the adapter calls the Bot API. A rule answered with `mute` deletes the
offending message and restricts its author until an end time, where the bot holds the rights;
without them nothing is tried and the rule degrades to a warning."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from bot.core.actions import Mute, Notice
from bot.core.capabilities import Capability
from bot.core.clock import VirtualClock
from tests.telegram.company import CHAT, ROSTER, company, config
from tests.telegram.fake_api import FakeBotAPI
from tests.telegram.harness import running, telegram_settings

NOW = datetime(2026, 11, 23, 2, 0, tzinfo=UTC)  # 10:00 in Shanghai: no quiet hours
OFFENCE = "刷单返利，加我"  # a built-in ad lure


def mute_ads(mute_for: str) -> dict[str, object]:
    return {"content.rules": {"ad": "mute"}, "content.mute_for": mute_for}


async def test_offending_message_is_deleted_and_its_author_muted(
    api: FakeBotAPI, database_url: str, tmp_path: Path
) -> None:
    people = company(api)
    settings = telegram_settings(api, database_url, tmp_path)
    clock = VirtualClock(NOW)
    policy = mute_ads("10m")
    async with running(api, settings, config(people, policy=policy), ROSTER, clock=clock) as bot:
        ad = api.world.message(CHAT, people.stranger["id"], OFFENCE)
        api.push({"message": api.world.message(CHAT, people.stranger["id"], "大家好")})
        api.push({"message": ad})
        await bot.settle()
        delete, restrict = api.moderation()
        assert delete.method == "deleteMessage"
        assert (delete.int("chat_id"), delete.int("message_id")) == (CHAT, ad["message_id"])
        assert restrict.method == "restrictChatMember"
        assert restrict.int("user_id") == people.stranger["id"]
        assert restrict.int("until_date") == int((NOW + timedelta(minutes=10)).timestamp())
        permissions = restrict.params["permissions"]
        assert permissions["can_send_messages"] is False
        assert not any(permissions.values())
        member = api.world.chats[CHAT].members[people.stranger["id"]]
        assert member["status"] == "restricted"
        done = await bot.actions(outcome="done")
        assert [a["action"] for a in done] == ["delete", "mute", "send"]
        assert (done[2]["kind"], done[2]["rule"]) == ("mute_notice", "ad")


async def test_a_short_mute_is_not_turned_into_a_permanent_one(
    api: FakeBotAPI, database_url: str, tmp_path: Path
) -> None:
    people = company(api)
    settings = telegram_settings(api, database_url, tmp_path)
    clock = VirtualClock(NOW)
    policy = mute_ads("5s")  # Telegram reads under 30 seconds as "forever"
    async with running(api, settings, config(people, policy=policy), ROSTER, clock=clock) as bot:
        api.push({"message": api.world.message(CHAT, people.stranger["id"], OFFENCE)})
        await bot.settle()
        (restrict,) = api.called("restrictChatMember")
        assert restrict.int("until_date") == int((NOW + timedelta(seconds=31)).timestamp())


async def test_without_the_rights_nothing_is_tried(
    api: FakeBotAPI, database_url: str, tmp_path: Path
) -> None:
    people = company(api, bot_rights={"can_restrict_members": False, "can_delete_messages": False})
    settings = telegram_settings(api, database_url, tmp_path)
    clock = VirtualClock(NOW)
    policy = mute_ads("10m")
    async with running(api, settings, config(people, policy=policy), ROSTER, clock=clock) as bot:
        api.push({"message": api.world.message(CHAT, people.stranger["id"], OFFENCE)})
        await bot.settle()
        assert api.moderation() == []
        # The rule degrades to a warning where the platform cannot mute.
        kinds = [(a["action"], a.get("kind")) for a in await bot.actions(outcome="done")]
        assert kinds == [("send", "warning")]
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
