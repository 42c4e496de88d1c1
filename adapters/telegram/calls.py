"""One core action as Bot API calls. Errors propagate; the adapter turns them into outcomes."""

from __future__ import annotations

from datetime import timedelta

from aiogram import Bot
from aiogram.exceptions import TelegramAPIError
from aiogram.types import ChatPermissions, FSInputFile, MessageEntity, User
from loguru import logger

from adapters.telegram.directory import Directory
from adapters.telegram.senders import is_chat_handle
from adapters.telegram.text import MAX_CAPTION, Mark, split, with_mentions
from bot.core.actions import DeleteMessage, Mute, Notice, Outcome, Remove, Send, SendFile
from bot.core.clock import Clock

# Telegram reads a restriction shorter than 30 seconds or longer than 366 days as "forever";
# a mute is always for a while, so it is kept inside those bounds.
MUTE_MIN = 31
MUTE_MAX = 366 * 24 * 3600
NO_PERMISSIONS = ChatPermissions(
    can_send_messages=False,
    can_send_audios=False,
    can_send_documents=False,
    can_send_photos=False,
    can_send_videos=False,
    can_send_video_notes=False,
    can_send_voice_notes=False,
    can_send_polls=False,
    can_send_other_messages=False,
    can_add_web_page_previews=False,
)


def _entities(marks: list[Mark], directory: Directory) -> list[MessageEntity] | None:
    out = []
    for mark in marks:
        person = directory.person(mark.user_id)
        user = User(id=mark.user_id, is_bot=False, first_name=person.first_name if person else "")
        out.append(
            MessageEntity(type="text_mention", offset=mark.offset, length=mark.length, user=user)
        )
    return out or None


async def post(
    bot: Bot, chat: int, text: str, mentions: list[tuple[str, int]], d: Directory
) -> int:
    """Send `text` (split if long) with mentions; return the first message's id."""
    full, marks = with_mentions(text, mentions)
    first = 0
    for piece, inside in split(full, marks):
        message = await bot.send_message(chat_id=chat, text=piece, entities=_entities(inside, d))
        first = first or message.message_id
    return first


async def send(bot: Bot, action: Send, d: Directory) -> Outcome:
    """A group message, mentioning each member the action names."""
    mentions = [
        (name, uid) for name in action.mentions for uid in d.by_display(action.group, name)
    ]
    message_id = await post(bot, int(action.group), action.text, mentions, d)
    return Outcome.done(message_id=message_id)


async def remove(bot: Bot, action: Remove) -> Outcome:
    """Ban, then lift the ban at once: the member is out but may be invited again later.
    A channel (a member by its chat id) is banned from writing here: that ban stays, or the
    removal would be undone at once."""
    chat, user = int(action.group), user_of(action.member.handle)
    if is_chat_handle(action.member.handle):
        await bot.ban_chat_sender_chat(chat_id=chat, sender_chat_id=user)
        return Outcome.done(banned=True)
    await bot.ban_chat_member(chat_id=chat, user_id=user)
    try:
        await bot.unban_chat_member(chat_id=chat, user_id=user, only_if_banned=True)
    except TelegramAPIError as exc:  # removed all the same; only a later re-invite is blocked
        logger.warning("{user} stays banned from {chat}: {err}", user=user, chat=chat, err=exc)
        return Outcome.done(banned=True)
    return Outcome.done()


async def mute(bot: Bot, action: Mute, clock: Clock) -> Outcome:
    """Restrict the member from sending anything until the mute ends."""
    if is_chat_handle(action.member.handle):
        return Outcome.refused("unsupported", "a channel cannot be restricted, only banned")
    seconds = min(max(action.seconds, MUTE_MIN), MUTE_MAX)
    until = clock.now() + timedelta(seconds=seconds)
    await bot.restrict_chat_member(
        chat_id=int(action.group),
        user_id=user_of(action.member.handle),
        permissions=NO_PERMISSIONS,
        use_independent_chat_permissions=True,
        until_date=until,
    )
    return Outcome.done(until=until.isoformat())


async def delete(bot: Bot, action: DeleteMessage) -> Outcome:
    """Delete the message whose id is the event key the core was given."""
    await bot.delete_message(chat_id=int(action.group), message_id=int(action.message_key))
    return Outcome.done()


async def send_file(bot: Bot, action: SendFile) -> Outcome:
    """A document to the group, or privately to a user."""
    chat = int(action.group if action.group is not None else action.to or "")
    caption = action.text[:MAX_CAPTION] or None
    document = FSInputFile(action.path, filename=action.path.name)
    await bot.send_document(chat_id=chat, document=document, caption=caption)
    return Outcome.done()


async def notice(bot: Bot, action: Notice, d: Directory) -> Outcome:
    """The group announcement: a message pinned to the top of the chat."""
    message_id = await post(bot, int(action.group), action.text, [], d)
    await bot.pin_chat_message(
        chat_id=int(action.group), message_id=message_id, disable_notification=False
    )
    return Outcome.done(message_id=message_id)


def user_of(handle: str | None) -> int:
    """The Telegram user id (or, for a channel, the chat id) a member's handle holds."""
    if handle is None or not handle.lstrip("-").isdigit():
        raise LookupError("no Telegram user id for this member")
    return int(handle)
