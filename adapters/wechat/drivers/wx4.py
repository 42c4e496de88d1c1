"""wxauto4 (free) and wxautox4 (paid) for WeChat 4.x: listen and send; no member list, no
removal, no identity check. wxauto4 listens to one chat per process; wxautox4 sets notices."""

from __future__ import annotations

from adapters.wechat.driver import CallResult
from adapters.wechat.drivers.base import BASIC, LibraryDriver
from bot.core.capabilities import Capability


class Wxauto4Driver(LibraryDriver):
    library = "wxauto4"
    client = "WeChat 4.x"
    capabilities = BASIC
    max_chats = 1  # "当前实例只允许监听一个聊天"


class Wxautox4Driver(LibraryDriver):
    library = "wxautox4"
    client = "WeChat 4.x"
    capabilities = BASIC | {Capability.SET_NOTICE}
    max_chats = 40

    def set_notice(self, chat: str, text: str) -> CallResult:
        return CallResult.of(self.chat(chat).SetGroupAnnouncement(text))
