"""aiogram filters: governed chats only, and commands meant for this bot."""

from __future__ import annotations

from typing import Any

from aiogram.filters import Filter
from aiogram.types import ChatMemberUpdated, Message

from adapters.telegram.convert import addressed
from adapters.telegram.runtime import TelegramRuntime


class GovernedChat(Filter):
    """Passes events from chats the config governs, handing handlers the group's `group`
    code. Every other chat is ignored: the bot does nothing where it has no policy."""

    async def __call__(
        self, event: Message | ChatMemberUpdated, runtime: TelegramRuntime
    ) -> bool | dict[str, Any]:
        code = runtime.governed(event.chat.id)
        if code is None:
            runtime.note_ungoverned(event.chat.id, event.chat.title)
            return False
        return {"group": code}


class ForThisBot(Filter):
    """Passes messages that are not `/command@otherbot`, handing handlers `seen`: the text
    with this bot's own `@username` cut from the command."""

    async def __call__(self, message: Message, runtime: TelegramRuntime) -> bool | dict[str, Any]:
        text = message.text if message.text is not None else (message.caption or "")
        seen = addressed(text, runtime.username)
        return {"seen": seen} if seen is not None else False
