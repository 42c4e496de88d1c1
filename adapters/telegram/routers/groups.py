"""Group messages → MessageEvent; join and leave lines where chat_member updates do not come."""

from __future__ import annotations

from aiogram import F, Router
from aiogram.types import Message
from loguru import logger

from adapters.telegram.convert import Addressed, kind_of, mentions_of, reply_target
from adapters.telegram.filters import ForThisBot, GovernedChat
from adapters.telegram.middlewares import FreshAdmins
from adapters.telegram.runtime import TelegramRuntime
from adapters.telegram.senders import forwarded, is_group_voice
from bot.core.causes import caused_by
from bot.core.events import JoinEvent, LeaveEvent, MessageEvent


def router() -> Router:
    """Messages in governed groups; administrator lists kept fresh first."""
    r = Router(name="telegram.groups")
    r.message.filter(F.chat.type.in_({"group", "supergroup"}), GovernedChat())
    r.message.middleware(FreshAdmins())
    r.message.register(migrated, F.migrate_to_chat_id)
    r.message.register(joined, F.new_chat_members)
    r.message.register(left, F.left_chat_member)
    r.message.register(message, F.from_user, ForThisBot())
    return r


async def message(message: Message, group: str, seen: Addressed, runtime: TelegramRuntime) -> None:
    """A member posted (a command is a message whose text starts with `/`)."""
    anonymous = is_group_voice(message, runtime.linked(group))
    if anonymous and not forwarded(message) and runtime.app.engine.needs_admin(seen.text):
        # Which administrator wrote is hidden, so the command has no author to authorise.
        with caused_by(f"MessageEvent:{group}:{message.message_id}"):
            notify = runtime.app.services.notify
            await notify.send(group, "command_denied", "tg-anonymous-admin")
        return
    sender = runtime.sender(group, message)
    view_of = lambda user: runtime.view(group, user)  # noqa: E731
    await runtime.feed(
        MessageEvent(
            group,
            sender,
            seen.text,
            kind_of(message),
            message.date,
            str(message.message_id),  # DeleteMessage acts on it
            mentions_of(message, seen, view_of, lambda name: runtime.by_username(group, name)),
            reply_target(message, view_of, runtime.linked(group)),
            forwarded=forwarded(message),
            anonymous=anonymous,
        )
    )


async def migrated(message: Message, group: str) -> None:
    """A basic group became a supergroup: Telegram gave it a new id the config must use."""
    logger.warning(
        "chat {old} is now the supergroup {new}: put {new} as its id in the config and restart",
        old=group,
        new=message.migrate_to_chat_id,
    )


def _by_updates(runtime: TelegramRuntime, group: str) -> bool:
    """An administrator bot gets chat_member updates, which carry the same news."""
    rights = runtime.adapter.rights.get(group)
    return rights is not None and rights.admin


async def joined(message: Message, group: str, runtime: TelegramRuntime) -> None:
    """A join line, used where no chat_member update will come."""
    if _by_updates(runtime, group):
        return
    inviter = message.from_user
    for user in message.new_chat_members or []:
        runtime.directory.join(group, user.id)
        member = runtime.view(group, user)
        by = runtime.view(group, inviter) if inviter and inviter.id != user.id else None
        key = f"{message.message_id}:{user.id}"
        name = by.display if by is not None else None
        await runtime.feed(JoinEvent(group, member, name, "invite", message.date, key, by))


async def left(message: Message, group: str, runtime: TelegramRuntime) -> None:
    """A leave line, used where no chat_member update will come."""
    if _by_updates(runtime, group) or message.left_chat_member is None:
        return
    user = message.left_chat_member
    member = runtime.view(group, user)
    runtime.directory.leave(group, user.id)
    await runtime.feed(LeaveEvent(group, member, message.date))
