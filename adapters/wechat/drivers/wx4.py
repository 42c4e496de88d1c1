"""wxauto4 (free) and wxautox4 (paid) for WeChat 4.x: listen, send, the member count, and the
sender's WeChat ID from their profile card (`FriendMessage.sender_info()`); no member list,
no removal. wxautox4 also sets the group notice.

What the wheels say (wxauto4 41.1.7, wxautox4 41.2.1): wxauto4 listens to one chat per
process, refuses while other chat windows are open on their own, and holds a lock across
processes; it has no `KeepRunning`. wxautox4's notice refusals are "不可修改群公告" (the account
is neither owner nor admin) and "未找到群公告框体，修改失败" (the dialog was not found).
"""

from __future__ import annotations

from adapters.wechat.driver import CallResult
from adapters.wechat.drivers.base import BASIC, LibraryDriver
from bot.core.capabilities import Capability

FOUR_X = BASIC | {Capability.VERIFY_IDENTITY}
NOTICE_NOT_ALLOWED = "不可修改群公告"


class Wxauto4Driver(LibraryDriver):
    library = "wxauto4"
    client = "WeChat 4.x"
    capabilities = FOUR_X
    max_chats = 1  # "当前实例只允许监听一个聊天"
    listen_refusals = (
        (
            "已存在其他监听实例",
            "another process on this PC is listening through wxauto4, which allows one: "
            "stop it (or the stale lock it left) first",
        ),
        (
            "多个独立聊天窗口",
            "close every WeChat chat window opened on its own, then the bot listens",
        ),
        ("只允许监听一个聊天", "wxauto4 listens to one chat per process"),
        ("已存在监听锁", "wxauto4 listens to one chat per process"),
    )


class Wxautox4Driver(LibraryDriver):
    library = "wxautox4"
    client = "WeChat 4.x"
    capabilities = FOUR_X | {Capability.SET_NOTICE}
    max_chats = 40

    def set_notice(self, chat: str, text: str) -> CallResult:
        result = CallResult.of(self.chat(chat).SetGroupAnnouncement(text))
        if not result.ok and NOTICE_NOT_ALLOWED in result.message:
            why = f"{result.message}: the operator account is not this group's owner or admin"
            return CallResult(False, why, {"reason": "no_rights"})
        return result
