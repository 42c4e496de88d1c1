"""Start-up preflight: for each governed chat, the bot's own rights, reported plainly.

`qunguan run` logs the report before serving; `qunguan telegram check` prints it and exits.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import replace

from aiogram import Bot
from aiogram.enums import ChatAction
from aiogram.exceptions import TelegramBadRequest, TelegramForbiddenError, TelegramNotFound
from aiogram.types import User

from adapters.telegram.rights import CAPABILITY_NAMES, ChatRights, Gap, assess
from bot.core.group import GroupRuntime

REFUSALS = (TelegramBadRequest, TelegramForbiddenError, TelegramNotFound)
Translate = Callable[..., str]


async def check_chat(bot: Bot, chat: str, me: User) -> ChatRights:
    """The bot's rights in one chat (an unknown chat, or one it is not in, has none)."""
    try:
        info = await bot.get_chat(chat_id=int(chat))
        member = await bot.get_chat_member(chat_id=int(chat), user_id=me.id)
    except REFUSALS:
        return ChatRights.missing(chat)
    if info.type not in ("group", "supergroup"):
        return ChatRights(chat, info.title, frozenset(), (Gap("all", "not_a_group"),))
    reads_all = bool(me.can_read_all_group_messages)
    rights = assess(chat, info.title, info.type, member, reads_all)
    return replace(rights, linked=info.linked_chat_id)


async def preflight(bot: Bot, me: User, chats: Iterable[str]) -> dict[str, ChatRights]:
    """The bot's rights in every chat, by chat id."""
    return {chat: await check_chat(bot, chat, me) for chat in chats}


async def reachable(bot: Bot, user_id: str) -> bool:
    """Whether the bot may write to `user_id` privately (they have started the bot).

    A chat action is the one call that tells without leaving a message behind."""
    try:
        await bot.send_chat_action(chat_id=int(user_id), action=ChatAction.TYPING)
    except REFUSALS:
        return False
    return True


def report(
    groups: Iterable[GroupRuntime],
    rights: dict[str, ChatRights],
    t: Translate,
    unreachable: Iterable[str] = (),
) -> list[str]:
    """One line per chat with what the bot can do, then one per thing it cannot, with why."""
    lines = []
    for group in groups:
        found = rights.get(group.code) or ChatRights.missing(group.code)
        names = [name for cap, name in CAPABILITY_NAMES.items() if cap in found.capabilities]
        can = t("list-separator").join(t(f"tg-cap-{name}") for name in names)
        lines.append(
            t(
                "tg-preflight-chat",
                group=group.name,
                chat=group.code,
                title=found.title or "-",
                can=can or t("tg-cap-nothing"),
            )
        )
        for gap in found.gaps:
            why = t(f"tg-why-{gap.why}", right=gap.right)
            lines.append("  " + t("tg-preflight-gap", what=t(f"tg-cap-{gap.what}"), why=why))
    lines += [t("tg-preflight-unreachable", admin=admin) for admin in unreachable]
    return lines
