"""Who wrote a message, where Telegram says it was sent on behalf of a chat.

Such a message carries `sender_chat`, and in `from` a placeholder account Telegram puts on
every message of its kind: GroupAnonymousBot for an anonymous administrator writing as the
group itself, Channel_Bot for someone writing as a channel, Telegram (777000) on a linked
channel's automatic forwards. A placeholder is nobody: nothing is ever charged to it, and two
channels are never one member because they share it.

- The group itself (an anonymous administrator, or the channel linked to the group, which its
  owner set up): protected like an administrator, with no identity, since which
  administrator wrote is hidden: no authority, not kept as a member.
- A channel: a member of its own, known by its chat id (identity and handle, negative where a
  user id is positive); the adapter removes it with banChatSenderChat.
"""

from __future__ import annotations

from aiogram.types import Chat, Message

from bot.core.members import MemberView

# The placeholder accounts in `from` (the decision rests on `sender_chat`, which every such
# message carries; a member record under one of these ids is a leftover, never a person).
GROUP_ANONYMOUS_BOT = 1087968824
CHANNEL_BOT = 136817688
SERVICE_ACCOUNT = 777000
PLACEHOLDERS = frozenset(str(uid) for uid in (GROUP_ANONYMOUS_BOT, CHANNEL_BOT, SERVICE_ACCOUNT))


def is_group_voice(message: Message, linked: int | None = None) -> bool:
    """Whether the group itself wrote this: an anonymous administrator, or the channel
    linked to the group (its automatic forwards, or an administrator writing as it)."""
    chat = message.sender_chat
    if chat is None:
        return False
    return chat.id in (message.chat.id, linked) or bool(message.is_automatic_forward)


def chat_sender(message: Message, linked: int | None = None) -> MemberView | None:
    """The sender of a message sent on behalf of a chat; None for one a user sent."""
    chat = message.sender_chat
    if chat is None:
        return None
    if is_group_voice(message, linked):
        title = message.author_signature or chat.title or str(chat.id)
        return MemberView(title, None, "admin")
    return channel_view(chat)


def channel_view(chat: Chat) -> MemberView:
    """A channel as a member: its chat id is its identity and the handle to act on it."""
    name = chat.title or (f"@{chat.username}" if chat.username else str(chat.id))
    return MemberView(name, str(chat.id), handle=str(chat.id))


def is_chat_handle(handle: str | None) -> bool:
    """Whether a member's handle is a chat (a channel) rather than a user: chat ids are
    negative, user ids positive."""
    return handle is not None and handle.startswith("-") and handle[1:].isdigit()


def forwarded(message: Message) -> bool:
    """Whether the message was forwarded (by a user, or automatically from a linked channel)."""
    return message.forward_origin is not None or bool(message.is_automatic_forward)
