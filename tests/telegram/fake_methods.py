"""The Bot API methods of the fake server, answered from its world the way Telegram answers
them, refusals included (a bot without the right gets Telegram's own error)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from tests.telegram.world import World


class ApiError(Exception):
    def __init__(self, status: int, description: str, retry_after: int | None = None) -> None:
        super().__init__(description)
        self.status, self.description, self.retry_after = status, description, retry_after


NO_RIGHTS = ApiError(400, "Bad Request: not enough rights to restrict/unrestrict chat member")


class WorldMethods:
    world: World
    reads_all: bool
    emit_member_updates: bool

    push: Callable[[dict[str, Any]], int]  # the server's: queue an update

    # -- helpers -------------------------------------------------------------------------------

    def _chat(self, p: dict[str, Any]):
        chat = self.world.chats.get(int(p["chat_id"]))
        if chat is None or not chat.present(self.world.bot["id"]):
            raise ApiError(400, "Bad Request: chat not found")
        return chat

    def _right(self, chat, right: str) -> None:
        me = chat.members.get(self.world.bot["id"], {})
        if me.get("status") == "creator":
            return
        if me.get("status") != "administrator" or not me.get(right):
            raise (
                NO_RIGHTS
                if right == "can_restrict_members"
                else ApiError(400, f"Bad Request: not enough rights ({right})")
            )

    def _message(self, chat_json: dict[str, Any], **content: Any) -> dict[str, Any]:
        return self.world.sent_by_bot(chat_json) | content

    def _change(self, chat, user_id: int, status: str, **extra: Any) -> None:
        old, new = self.world.set_member(chat.id, user_id, status, **extra)
        me = chat.members.get(self.world.bot["id"], {}).get("status")
        if self.emit_member_updates and me in ("administrator", "creator"):
            self.push(self.world.member_update(chat.id, old, new, by=self.world.bot["id"]))

    # -- methods -------------------------------------------------------------------------------

    async def m_getMe(self, p: dict[str, Any]) -> dict[str, Any]:
        return self.world.bot | {
            "can_join_groups": True,
            "can_read_all_group_messages": self.reads_all,
            "supports_inline_queries": False,
        }

    async def m_getChat(self, p: dict[str, Any]) -> dict[str, Any]:
        chat = self._chat(p)
        gifts = dict.fromkeys(
            ("unlimited_gifts", "limited_gifts", "unique_gifts", "premium_subscription"), False
        )
        linked = {"linked_chat_id": chat.linked} if chat.linked is not None else {}
        return (
            chat.json()
            | linked
            | {
                "accent_color_id": 0,
                "max_reaction_count": 11,
                "accepted_gift_types": gifts | {"gifts_from_channels": False},
            }
        )

    async def m_getChatMember(self, p: dict[str, Any]) -> dict[str, Any]:
        chat, uid = self._chat(p), int(p["user_id"])
        if uid not in self.world.users:
            raise ApiError(400, "Bad Request: user not found")
        return chat.members.get(uid) or {"status": "left", "user": self.world.users[uid]}

    async def m_getChatAdministrators(self, p: dict[str, Any]) -> list[dict[str, Any]]:
        chat = self._chat(p)
        return [m for m in chat.members.values() if m["status"] in ("creator", "administrator")]

    async def m_sendMessage(self, p: dict[str, Any]) -> dict[str, Any]:
        chat_id = int(p["chat_id"])
        if chat_id > 0:  # a private chat: only with users who started the bot
            if chat_id not in self.world.started:
                raise ApiError(403, "Forbidden: bot can't initiate conversation with a user")
            chat_json = self.world._private(chat_id)
        else:
            chat_json = self._chat(p).json()
        return self._message(chat_json, text=p["text"], entities=p.get("entities", []))

    async def m_sendDocument(self, p: dict[str, Any]) -> dict[str, Any]:
        chat_id = int(p["chat_id"])
        if chat_id > 0 and chat_id not in self.world.started:
            raise ApiError(403, "Forbidden: bot can't initiate conversation with a user")
        chat_json = self.world._private(chat_id) if chat_id > 0 else self._chat(p).json()
        document = {
            "file_id": "f1",
            "file_unique_id": "u1",
            "file_name": p["document"]["filename"],
        }
        return self._message(chat_json, document=document)

    async def m_sendChatAction(self, p: dict[str, Any]) -> bool:
        chat_id = int(p["chat_id"])
        if chat_id > 0 and chat_id not in self.world.started:
            raise ApiError(403, "Forbidden: bot can't initiate conversation with a user")
        return True

    async def m_banChatMember(self, p: dict[str, Any]) -> bool:
        chat, uid = self._chat(p), int(p["user_id"])
        self._right(chat, "can_restrict_members")
        if uid not in self.world.users:
            raise ApiError(400, "Bad Request: PARTICIPANT_ID_INVALID")
        status = chat.status(uid)
        if status == "creator":
            raise ApiError(400, "Bad Request: can't remove chat owner")
        if status == "administrator":
            raise ApiError(400, "Bad Request: user is an administrator of the chat")
        self._change(chat, uid, "kicked")
        return True

    async def m_banChatSenderChat(self, p: dict[str, Any]) -> bool:
        chat = self._chat(p)
        self._right(chat, "can_restrict_members")
        sender = int(p["sender_chat_id"])
        if sender > 0:
            raise ApiError(400, "Bad Request: PEER_ID_INVALID")
        chat.banned_senders.add(sender)
        return True

    async def m_unbanChatMember(self, p: dict[str, Any]) -> bool:
        chat, uid = self._chat(p), int(p["user_id"])
        self._right(chat, "can_restrict_members")
        if chat.status(uid) == "kicked":
            self._change(chat, uid, "left")
        return True

    async def m_restrictChatMember(self, p: dict[str, Any]) -> bool:
        chat, uid = self._chat(p), int(p["user_id"])
        self._right(chat, "can_restrict_members")
        if chat.type != "supergroup":
            raise ApiError(400, "Bad Request: method is available only for supergroups")
        if chat.status(uid) in ("creator", "administrator"):
            raise ApiError(
                400,
                "Bad Request: can't restrict self"
                if uid == self.world.bot["id"]
                else "Bad Request: user is an administrator of the chat",
            )
        permissions = p.get("permissions") or {}
        self._change(
            chat,
            uid,
            "restricted",
            until_date=int(p.get("until_date") or 0),
            **{k: v for k, v in permissions.items()},
        )
        return True

    async def m_deleteMessage(self, p: dict[str, Any]) -> bool:
        self._right(self._chat(p), "can_delete_messages")
        return True

    async def m_setChatMemberTag(self, p: dict[str, Any]) -> bool:
        chat, uid = self._chat(p), int(p["user_id"])
        self._right(chat, "can_manage_tags")
        if chat.status(uid) not in ("member", "restricted"):
            raise ApiError(400, "Bad Request: user is not a regular member of the chat")
        tag = p.get("tag") or ""
        if len(tag) > 16:
            raise ApiError(400, "Bad Request: tag is too long")
        chat.members[uid]["tag"] = tag
        return True

    async def m_pinChatMessage(self, p: dict[str, Any]) -> bool:
        self._right(self._chat(p), "can_pin_messages")
        return True

    async def m_deleteWebhook(self, p: dict[str, Any]) -> bool:
        return True

    async def m_setWebhook(self, p: dict[str, Any]) -> bool:
        return True
