"""The aiogram routers: group messages, membership changes, private chats."""

from __future__ import annotations

from aiogram import Dispatcher

from adapters.telegram.middlewares import OneAtATime
from adapters.telegram.routers import groups, members, private
from adapters.telegram.runtime import TelegramRuntime

# Telegram sends chat_member updates only to bots that ask for them.
ALLOWED_UPDATES = ["message", "chat_member", "my_chat_member"]


def build_dispatcher(runtime: TelegramRuntime) -> Dispatcher:
    """A dispatcher whose handlers get `runtime` by name (aiogram's workflow data)."""
    dispatcher = Dispatcher(runtime=runtime)
    dispatcher.update.outer_middleware(OneAtATime())
    dispatcher.include_routers(groups.router(), members.router(), private.router())
    return dispatcher
