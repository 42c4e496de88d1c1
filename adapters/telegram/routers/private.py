"""Private chats → DirectEvent: org admins run /roster, /audit… for every group from here."""

from __future__ import annotations

from aiogram import F, Router
from aiogram.filters import CommandStart
from aiogram.types import Message

from adapters.telegram.convert import Addressed
from adapters.telegram.filters import ForThisBot
from adapters.telegram.runtime import TelegramRuntime
from bot.core.causes import caused_by
from bot.core.events import DirectEvent


def router() -> Router:
    """Private chats with the bot."""
    r = Router(name="telegram.private")
    r.message.filter(F.chat.type == "private", F.from_user)
    r.message.register(start, CommandStart())
    r.message.register(direct, ForThisBot())
    return r


def _key(message: Message) -> str:
    return f"{message.chat.id}:{message.message_id}"  # message ids count per chat


async def start(message: Message, runtime: TelegramRuntime) -> None:
    """/start opens every private chat with a bot: answer it as /help (what they may use),
    and say their user id (what the config names admins by)."""
    assert message.from_user is not None
    sender = str(message.from_user.id)
    await runtime.feed(DirectEvent(sender, "/help", message.date, _key(message)))
    notify = runtime.app.services.notify
    with caused_by(f"start:{_key(message)}"):
        await notify.direct(sender, "command_reply", "tg-your-id", id=sender)


async def direct(message: Message, seen: Addressed, runtime: TelegramRuntime) -> None:
    """A private message: commands here act on every group."""
    assert message.from_user is not None
    sender = str(message.from_user.id)
    await runtime.feed(DirectEvent(sender, seen.text, message.date, _key(message)))
