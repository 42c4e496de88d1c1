"""A small Telegram world for the fake Bot API: users, chats, who is a member with which
status and rights, and the update JSON Telegram would send about them.

Everything is plain JSON (dicts), exactly as the Bot API writes it, so the real aiogram client
parses it the way it parses Telegram's answers.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

ADMIN_RIGHTS = (
    "can_manage_chat",
    "can_delete_messages",
    "can_manage_video_chats",
    "can_restrict_members",
    "can_promote_members",
    "can_change_info",
    "can_invite_users",
    "can_post_stories",
    "can_edit_stories",
    "can_delete_stories",
    "can_send_welcome_messages",
    "can_pin_messages",
    "can_manage_tags",
)
PERMISSIONS = (
    "can_send_messages",
    "can_send_audios",
    "can_send_documents",
    "can_send_photos",
    "can_send_videos",
    "can_send_video_notes",
    "can_send_voice_notes",
    "can_send_polls",
    "can_send_other_messages",
    "can_add_web_page_previews",
    "can_react_to_messages",
    "can_edit_tag",
    "can_change_info",
    "can_invite_users",
    "can_pin_messages",
    "can_manage_topics",
)
IN_CHAT = ("creator", "administrator", "member", "restricted")
# The placeholder accounts Telegram puts in `from` on messages sent on behalf of a chat.
GROUP_ANONYMOUS_BOT: dict[str, Any] = {
    "id": 1087968824,
    "is_bot": True,
    "first_name": "Group",
    "username": "GroupAnonymousBot",
}
CHANNEL_BOT: dict[str, Any] = {
    "id": 136817688,
    "is_bot": True,
    "first_name": "Channel",
    "username": "Channel_Bot",
}


def utf16(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


@dataclass
class Chat:
    id: int
    title: str
    type: str = "supergroup"
    members: dict[int, dict[str, Any]] = field(default_factory=dict)  # user id → ChatMember
    banned_senders: set[int] = field(default_factory=set)  # channels banned from writing here
    linked: int | None = None  # the channel linked to this group (getChat's linked_chat_id)

    def json(self) -> dict[str, Any]:
        return {"id": self.id, "type": self.type, "title": self.title}

    def status(self, user_id: int) -> str:
        return self.members.get(user_id, {}).get("status", "left")

    def present(self, user_id: int) -> bool:
        member = self.members.get(user_id)
        if member is None or member["status"] not in IN_CHAT:
            return False
        return member["status"] != "restricted" or member["is_member"]


class World:
    """Users and chats; update factories; the bot is one of the users."""

    def __init__(self, bot_id: int, bot_username: str, bot_name: str) -> None:
        self.bot: dict[str, Any] = {  # the bot's User, as the Bot API shows it
            "id": bot_id,
            "is_bot": True,
            "first_name": bot_name,
            "username": bot_username,
        }
        self.users: dict[int, dict[str, Any]] = {bot_id: self.bot}
        for placeholder in (GROUP_ANONYMOUS_BOT, CHANNEL_BOT):
            self.users[placeholder["id"]] = placeholder
        self.chats: dict[int, Chat] = {}
        self.started: set[int] = set()  # users who opened a private chat with the bot
        self.now = datetime(2026, 11, 23, 2, 0, tzinfo=UTC)
        self._message_ids = itertools.count(1000)
        self._user_ids = itertools.count(5001)

    # -- people and chats ----------------------------------------------------------------------

    def user(self, first_name: str, *, username: str | None = None, uid: int | None = None):
        uid = uid if uid is not None else next(self._user_ids)
        user = {"id": uid, "is_bot": False, "first_name": first_name}
        if username:
            user["username"] = username
        self.users[uid] = user
        return user

    def chat(self, chat_id: int, title: str, *, type: str = "supergroup") -> Chat:
        self.chats[chat_id] = Chat(chat_id, title, type)
        return self.chats[chat_id]

    def set_member(
        self, chat_id: int, user_id: int, status: str = "member", **extra: Any
    ) -> tuple[dict[str, Any], dict[str, Any]]:
        """Put `user_id` in the chat with a status; the ChatMember JSON Telegram would show."""
        member: dict[str, Any] = {"status": status, "user": self.users[user_id]}
        if status == "administrator":
            rights = {name: extra.pop(name, True) for name in ADMIN_RIGHTS}
            member |= {"can_be_edited": False, "is_anonymous": False, **rights}
        elif status == "creator":
            member["is_anonymous"] = False
        elif status == "restricted":
            member |= {name: extra.pop(name, False) for name in PERMISSIONS}
            member |= {"is_member": extra.pop("is_member", True), "until_date": 0}
        elif status == "kicked":
            member["until_date"] = 0
        member |= {k: v for k, v in extra.items() if v is not None}
        previous = self.chats[chat_id].members.get(user_id) or {
            "status": "left",
            "user": self.users[user_id],
        }
        self.chats[chat_id].members[user_id] = member
        return previous, member

    # -- update payloads -----------------------------------------------------------------------

    def stamp(self) -> int:
        return int(self.now.timestamp())

    def message(
        self,
        chat_id: int,
        user_id: int,
        text: str | None,
        *,
        mentions: tuple[int, ...] = (),
        reply_to: dict[str, Any] | None = None,
        **content: Any,
    ) -> dict[str, Any]:
        """A message as Telegram sends it: `@username`s become mention entities, and each user
        in `mentions` a text mention over the first occurrence of their name in the text."""
        chat = self.chats.get(chat_id)
        payload: dict[str, Any] = {
            "message_id": next(self._message_ids),
            "date": self.stamp(),
            "chat": chat.json() if chat else self._private(user_id),
            "from": self.users[user_id],
        }
        if chat is not None and chat.type == "supergroup":
            tag = chat.members.get(user_id, {}).get("tag") or chat.members.get(user_id, {}).get(
                "custom_title"
            )
            if tag:
                payload["sender_tag"] = tag
        if text is not None:
            payload["text"] = text
            entities = self._entities(text, mentions)
            if entities:
                payload["entities"] = entities
        if reply_to is not None:
            payload["reply_to_message"] = reply_to
        return payload | content

    def as_chat(
        self, chat_id: int, sender_chat: dict[str, Any], text: str, **kw: Any
    ) -> dict[str, Any]:
        """A message sent on behalf of a chat, as Telegram shows it: the group itself (an
        anonymous administrator) or a channel in `sender_chat`, a placeholder in `from`."""
        own = sender_chat["id"] == chat_id
        placeholder = GROUP_ANONYMOUS_BOT if own else CHANNEL_BOT
        return self.message(chat_id, placeholder["id"], text, **kw) | {"sender_chat": sender_chat}

    @staticmethod
    def channel(chat_id: int, title: str) -> dict[str, Any]:
        """A channel's Chat JSON."""
        return {"id": chat_id, "type": "channel", "title": title}

    def sent_by_bot(self, chat_json: dict[str, Any]) -> dict[str, Any]:
        """The Message Telegram returns for something the bot sent."""
        return {
            "message_id": next(self._message_ids),
            "date": self.stamp(),
            "chat": chat_json,
            "from": self.bot,
        }

    def _private(self, user_id: int) -> dict[str, Any]:
        user = self.users[user_id]
        return {"id": user_id, "type": "private", "first_name": user["first_name"]}

    def _entities(self, text: str, mentions: tuple[int, ...]) -> list[dict[str, Any]]:
        entities = []
        command = re.match(r"/[A-Za-z_]+(@\w+)?", text)
        if command:
            entities.append({"type": "bot_command", "offset": 0, "length": utf16(command[0])})
        for match in re.finditer(r"(?<!\S)@([A-Za-z]\w{4,31})", text):
            start = utf16(text[: match.start()])
            entities.append({"type": "mention", "offset": start, "length": utf16(match[0])})
        after = command.end() if command else 0
        for uid in mentions:  # clients write the name itself, linked to the user
            name = self.users[uid]["first_name"]
            at = text.find(name, after)
            if at < 0:
                raise ValueError(f"{name} is not in {text!r}")
            entities.append(
                {
                    "type": "text_mention",
                    "offset": utf16(text[:at]),
                    "length": utf16(name),
                    "user": self.users[uid],
                }
            )
            after = at + len(name)
        return sorted(entities, key=lambda e: e["offset"])

    def member_update(
        self, chat_id: int, old: dict[str, Any], new: dict[str, Any], by: int | None = None
    ) -> dict[str, Any]:
        """A chat_member (or, about the bot, my_chat_member) update."""
        payload = {
            "chat": self.chats[chat_id].json(),
            "from": self.users[by if by is not None else new["user"]["id"]],
            "date": self.stamp(),
            "old_chat_member": old,
            "new_chat_member": new,
        }
        kind = "my_chat_member" if new["user"]["id"] == self.bot["id"] else "chat_member"
        return {kind: payload}
