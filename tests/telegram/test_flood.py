"""Flood control: a 429's retry_after is honoured, then the call is made again; messages to
one chat are spaced out. Timings are read where the calls arrive: at the fake server."""

from __future__ import annotations

import asyncio
import itertools
from pathlib import Path

import pytest
from aiogram.exceptions import TelegramRetryAfter

from adapters.telegram.connect import make_bot
from tests.telegram.company import CHAT, ROSTER, company, config
from tests.telegram.fake_api import FakeBotAPI
from tests.telegram.harness import running, telegram_settings


@pytest.mark.slow  # waits out a real retry_after
async def test_retry_after_is_honoured_and_the_call_made_again(
    api: FakeBotAPI, database_url: str, tmp_path: Path
) -> None:
    people = company(api)
    settings = telegram_settings(api, database_url, tmp_path)
    async with running(api, settings, config(people), ROSTER) as bot:
        api.fail("sendMessage", 429, "Too Many Requests: retry after 1", retry_after=1)
        api.push({"message": api.world.message(CHAT, people.li4["id"], "/help")})
        await bot.settle()
        refused, accepted = api.called("sendMessage")
        assert (refused.status, accepted.status) == (429, 200)
        assert accepted.at - refused.at >= 1.0
        assert accepted.params["text"] == refused.params["text"]
        (reply,) = await bot.actions(action="send")
        assert reply["outcome"] == "done"


@pytest.mark.slow  # waits out a real retry_after
async def test_a_call_still_refused_after_its_retries_is_an_outcome(
    api: FakeBotAPI, database_url: str, tmp_path: Path
) -> None:
    people = company(api)
    settings = telegram_settings(api, database_url, tmp_path, max_retries=1)
    async with running(api, settings, config(people), ROSTER) as bot:
        for _ in range(2):
            api.fail("sendMessage", 429, "Too Many Requests: retry after 1", retry_after=1)
        api.push({"message": api.world.message(CHAT, people.li4["id"], "/help")})
        await bot.settle()
        assert [c.status for c in api.called("sendMessage")] == [429, 429]
        (reply,) = await bot.actions(action="send")
        assert (reply["outcome"], reply["detail"]) == ("refused", "flood")


async def test_messages_to_one_chat_are_spaced(api: FakeBotAPI, tmp_path: Path) -> None:
    people = company(api)
    other = api.world.chat(-1002, "另一个群")
    api.world.set_member(other.id, api.world.bot["id"], "administrator")
    settings = telegram_settings(api, "sqlite://unused", tmp_path, chat_interval=0.3)
    bot = make_bot(settings.telegram)
    try:  # all at once: the flood control decides the order
        await asyncio.gather(
            *(bot.send_message(chat_id=CHAT, text=f"第{n}条") for n in range(3)),
            bot.send_message(chat_id=other.id, text="另一个群"),
            bot.ban_chat_member(chat_id=CHAT, user_id=people.stranger["id"]),
        )
    finally:
        await bot.session.close()
    calls = api.called("sendMessage")
    same = [c for c in calls if c.int("chat_id") == CHAT]
    assert [b.at - a.at >= 0.3 for a, b in itertools.pairwise(same)] == [True, True]
    # Another chat, and calls that post nothing, do not wait for this chat's turn: they reach
    # Telegram before its second message (an order, not a duration: load cannot change it).
    elsewhere = next(c for c in calls if c.int("chat_id") == other.id)
    (ban,) = api.called("banChatMember")
    second = api.calls.index(same[1])
    assert api.calls.index(elsewhere) < second and api.calls.index(ban) < second


async def test_retry_after_raises_once_retries_are_spent(api: FakeBotAPI, tmp_path: Path) -> None:
    company(api)
    settings = telegram_settings(api, "sqlite://unused", tmp_path, max_retries=0)
    bot = make_bot(settings.telegram)
    api.fail("sendMessage", 429, "Too Many Requests: retry after 5", retry_after=5)
    try:
        with pytest.raises(TelegramRetryAfter):
            await bot.send_message(chat_id=CHAT, text="x")
    finally:
        await bot.session.close()
    assert len(api.called("sendMessage")) == 1  # not hammered
