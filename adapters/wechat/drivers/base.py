"""What the wxauto family has in common: WeChat(), AddListenChat, Chat.SendMsg, Chat.ChatInfo
(with `group_member_count`), FriendMessage.sender_info() (the profile card: `id` is the WeChat
ID, 微信号), WxResponse. All three libraries have these (read from their wheels' stubs).

Each library's driver adds what only it can do. Everything here runs on the UI worker thread,
except `_deliver`, which the library calls from its listener thread and which only converts
the message and hands it on.
"""

from __future__ import annotations

from collections.abc import Sequence
from types import ModuleType
from typing import Any

from adapters.wechat.driver import (
    CallResult,
    DriverError,
    InMsg,
    OnMessage,
    Refused,
    WindowGone,
)
from bot.core.capabilities import Capability

BASIC = frozenset({Capability.SEND, Capability.MENTION, Capability.SEND_FILE, Capability.DIRECT})
ID_PREFIXES = ("微信号：", "微信号:", "微信号")


def to_inmsg(msg: Any, chat: str) -> InMsg:
    """A library message object → InMsg (plain attribute reads, safe on any thread)."""
    attr = str(getattr(msg, "attr", "other"))
    sender = str(getattr(msg, "sender", "") or "")
    display = getattr(msg, "sender_remark", None) or sender
    return InMsg(
        chat=chat,
        attr=attr,
        type=str(getattr(msg, "type", "text")),
        sender=sender,
        display=str(display),
        content=str(getattr(msg, "content", "") or ""),
        ui_id=str(getattr(msg, "id", "") or ""),
        time=str(getattr(msg, "time", "")) if attr == "time" else None,
        handle=msg,
    )


class LibraryDriver:
    library = "wxauto"
    client = "WeChat"
    capabilities: frozenset[Capability] = BASIC
    max_chats = 40
    # A listen refusal's words → what the operator can do about it (Refused: not retried).
    listen_refusals: tuple[tuple[str, str], ...] = ()

    def __init__(self, module: ModuleType) -> None:
        self.module = module
        self.wx: Any = None
        self.chats: dict[str, Any] = {}

    def connect(self) -> None:
        try:
            self.wx = self.module.WeChat()
        except Exception as exc:  # the libraries raise plain exceptions when no window is found
            raise WindowGone(f"no WeChat window: {exc}") from exc
        self.chats = {}

    def online(self) -> bool:
        if self.wx is None:
            return False
        check = getattr(self.wx, "IsOnline", None)
        if check is not None:
            return bool(check())
        self.wx.GetSession()  # raises when the window is gone
        return True

    def listen(self, chat: str, on_message: OnMessage) -> None:
        def deliver(msg: Any, _chat: Any) -> None:
            on_message(to_inmsg(msg, chat))

        result = self.wx.AddListenChat(nickname=chat, callback=deliver)
        if isinstance(result, dict):  # a WxResponse instead of a Chat: the listen failed
            said = str(result.get("message") or "")
            hint = next((h for words, h in self.listen_refusals if words in said), None)
            if hint is not None:
                raise Refused(f"cannot listen to {chat!r}: {said} ({hint})")
            raise DriverError(f"cannot listen to {chat!r}: {said}")
        self.chats[chat] = result

    def chat(self, name: str) -> Any:
        found = self.chats.get(name)
        if found is None:
            raise DriverError(f"{name!r} is not a listened chat")
        return found

    def send(self, chat: str, text: str, at: Sequence[str] = ()) -> CallResult:
        return CallResult.of(self.chat(chat).SendMsg(msg=text, at=list(at) or None))

    def send_to(self, who: str, text: str) -> CallResult:
        if who in self.chats:
            return self.send(who, text)
        return CallResult.of(self.wx.SendMsg(msg=text, who=who, exact=True))

    def send_file(self, chat: str, path: str) -> CallResult:
        target = self.chats.get(chat)
        if target is not None:
            return CallResult.of(target.SendFiles(filepath=path))
        return CallResult.of(self.wx.SendFiles(filepath=path, who=chat, exact=True))

    def recent_own(self, chat: str) -> list[str]:
        messages = self.chat(chat).GetAllMessage()
        return [str(m.content) for m in messages if getattr(m, "attr", "") == "self"][-10:]

    def member_count(self, chat: str) -> int | None:
        info = self.chat(chat).ChatInfo()
        count = info.get("group_member_count") if isinstance(info, dict) else None
        return int(count) if count is not None else None

    def members(self, chat: str) -> list[str]:
        raise DriverError(f"{self.library} cannot list group members")

    def remove(self, chat: str, names: Sequence[str]) -> CallResult:
        raise DriverError(f"{self.library} cannot remove group members")

    def set_notice(self, chat: str, text: str) -> CallResult:
        raise DriverError(f"{self.library} cannot set a group notice")

    def invite(self, chat: str, names: Sequence[str]) -> CallResult:
        raise DriverError(f"{self.library} cannot add group members")

    def verify(self, message: InMsg) -> str | None:
        """The WeChat ID on the sender's profile card (opens it: slow, on the UI thread)."""
        info = message.handle.sender_info() if message.handle is not None else None
        if not isinstance(info, dict):
            return None
        raw = str(info.get("id") or "").strip()
        for prefix in ID_PREFIXES:
            raw = raw.removeprefix(prefix).strip()
        return raw or None
