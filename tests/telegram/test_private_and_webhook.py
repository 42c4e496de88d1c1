"""Private chats (org admins work on every group from there) and the webhook transport."""

from __future__ import annotations

import asyncio
import socket
from contextlib import suppress
from pathlib import Path

import aiohttp

from adapters.telegram.runner import TelegramBot
from tests.telegram.company import CHAT, ROSTER, company, config
from tests.telegram.fake_api import FakeBotAPI
from tests.telegram.harness import eventually, running, telegram_settings


def private(api: FakeBotAPI, who: dict, text: str) -> None:
    api.push({"message": api.world.message(who["id"], who["id"], text)})


async def test_org_admins_work_privately_and_others_are_refused(
    api: FakeBotAPI, database_url: str, tmp_path: Path
) -> None:
    people = company(api)
    api.world.started.add(people.li4["id"])
    settings = telegram_settings(api, database_url, tmp_path)
    async with running(api, settings, config(people), ROSTER) as bot:
        private(api, people.chen, "/start")
        private(api, people.chen, "/roster")
        private(api, people.li4, "/roster")  # a group admin, not an org admin
        private(api, people.stranger, "/audit")  # never started the bot: cannot be answered
        await bot.settle()
        to_chen = [c.params["text"] for c in api.sent(people.chen["id"])]
        assert "/roster" in to_chen[0]  # /start answers as /help: the admin's commands,
        assert f"user id is {people.chen['id']}" in to_chen[1]  # and their user id
        assert "全员群" in to_chen[2]
        assert "Telegram does not list a group's members" in to_chen[2]
        kinds = [(a["to"], a["kind"], a["outcome"]) for a in await bot.actions(action="direct")]
        assert kinds == [
            (str(people.chen["id"]), "command_reply", "done"),
            (str(people.chen["id"]), "command_reply", "done"),
            (str(people.chen["id"]), "command_reply", "done"),
            (str(people.li4["id"]), "command_denied", "done"),
            (str(people.stranger["id"]), "command_denied", "refused"),
        ]
        assert api.sent(CHAT) == []  # nothing said in the group


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


async def test_webhook_mode_registers_and_serves_signed_updates(
    api: FakeBotAPI, database_url: str, tmp_path: Path
) -> None:
    people = company(api)
    port = _free_port()
    settings = telegram_settings(
        api,
        database_url,
        tmp_path,
        webhook_url="https://bot.example.com/tg/hook",
        webhook_port=port,
        webhook_secret="s3cret_-token",
    )
    telegram = TelegramBot(settings, config(people))
    await telegram.app.start(ROSTER)
    task = asyncio.create_task(telegram.webhook(handle_signals=False))
    try:
        await eventually(lambda: task.done() or api.called("setWebhook"))
        (hook,) = api.called("setWebhook")
        assert hook.params["url"] == "https://bot.example.com/tg/hook"
        assert hook.params["secret_token"] == "s3cret_-token"
        assert hook.params["max_connections"] == "1"  # one update at a time, in order
        assert "chat_member" in hook.params["allowed_updates"]
        message = api.world.message(CHAT, people.li4["id"], "/help")
        url = f"http://127.0.0.1:{port}/tg/hook"
        async with aiohttp.ClientSession() as http:
            forged = await http.post(url, json={"update_id": 1, "message": message})
            assert forged.status == 401
            assert api.sent(CHAT) == []
            signed = await http.post(
                url,
                json={"update_id": 2, "message": message},
                headers={"X-Telegram-Bot-Api-Secret-Token": "s3cret_-token"},
            )
            assert signed.status == 200
        # Answered once handled: the reply has been sent by then.
        assert "/kick" in api.sent(CHAT)[-1].params["text"]
    finally:
        task.cancel()
        with suppress(asyncio.CancelledError):
            await task
        await telegram.close()
        await telegram.app.stop()
