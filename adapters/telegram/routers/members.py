"""chat_member updates → joins, leaves and renames as they happen; my_chat_member → the bot's
own rights changed. Promotions and demotions re-read the administrator list."""

from __future__ import annotations

from aiogram import Router
from aiogram.filters import (
    IS_MEMBER,
    JOIN_TRANSITION,
    LEAVE_TRANSITION,
    ChatMemberUpdatedFilter,
)
from aiogram.types import ChatMember, ChatMemberUpdated, Update

from adapters.telegram.filters import GovernedChat
from adapters.telegram.runtime import TelegramRuntime
from bot.core.events import JoinEvent, LeaveEvent, MembersSeen

ADMIN_STATUSES = ("creator", "administrator")


def router() -> Router:
    """chat_member and my_chat_member updates of governed groups."""
    r = Router(name="telegram.members")
    r.chat_member.filter(GovernedChat())
    r.chat_member.register(joined, ChatMemberUpdatedFilter(JOIN_TRANSITION))
    r.chat_member.register(left, ChatMemberUpdatedFilter(LEAVE_TRANSITION))
    r.chat_member.register(changed, ChatMemberUpdatedFilter(IS_MEMBER >> IS_MEMBER))
    r.my_chat_member.filter(GovernedChat())
    r.my_chat_member.register(own_rights)
    return r


def _tag(member: ChatMember) -> str | None:
    return getattr(member, "tag", None) or getattr(member, "custom_title", None)


async def _roles_changed(update: ChatMemberUpdated, group: str, runtime: TelegramRuntime) -> None:
    was = update.old_chat_member.status in ADMIN_STATUSES
    if was or update.new_chat_member.status in ADMIN_STATUSES:
        await runtime.refresh_admins(group)


async def joined(
    update: ChatMemberUpdated, group: str, runtime: TelegramRuntime, event_update: Update
) -> None:
    """A member joined (or was added): the join, with who added them."""
    user = update.new_chat_member.user
    runtime.directory.join(group, user.id)
    runtime.directory.set_tag(group, user.id, _tag(update.new_chat_member))
    await _roles_changed(update, group, runtime)
    member = runtime.view(group, user)
    actor = update.from_user
    inviter = runtime.view(group, actor) if actor.id != user.id else None
    via = "link" if update.invite_link is not None else "invite"
    key = str(event_update.update_id)
    name = inviter.display if inviter is not None else None
    await runtime.feed(JoinEvent(group, member, name, via, update.date, key, inviter))


async def left(update: ChatMemberUpdated, group: str, runtime: TelegramRuntime) -> None:
    """A member left or was removed."""
    user = update.old_chat_member.user
    member = runtime.view(group, user)
    runtime.directory.leave(group, user.id)
    await _roles_changed(update, group, runtime)
    await runtime.feed(LeaveEvent(group, member, update.date))


async def changed(update: ChatMemberUpdated, group: str, runtime: TelegramRuntime) -> None:
    """Still a member, but promoted, demoted, restricted, renamed or re-tagged."""
    user = update.new_chat_member.user
    runtime.directory.join(group, user.id)
    runtime.directory.set_tag(group, user.id, _tag(update.new_chat_member))
    await _roles_changed(update, group, runtime)
    await runtime.feed(MembersSeen(group, (runtime.view(group, user),)))


async def own_rights(update: ChatMemberUpdated, group: str, runtime: TelegramRuntime) -> None:
    """The bot itself was promoted, demoted or restricted."""
    await runtime.refresh_rights(group)
    await runtime.refresh_admins(group)
