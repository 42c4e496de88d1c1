"""wxautox (paid, WeChat 3.9): the full driver. Lists members, removes, sets notices, and
reads a sender's WeChat ID from their profile (`sender_info()`)."""

from __future__ import annotations

from collections.abc import Sequence

from adapters.wechat.driver import CallResult
from adapters.wechat.drivers.base import BASIC, LibraryDriver
from bot.core.capabilities import Capability


class WxautoxDriver(LibraryDriver):
    library = "wxautox"
    client = "WeChat 3.9"
    capabilities = BASIC | {
        Capability.LIST_MEMBERS,
        Capability.REMOVE,
        Capability.SET_NOTICE,
        Capability.INVITE,
        Capability.VERIFY_IDENTITY,
    }
    max_chats = 40  # the plus docs: at most 40 listened chats

    def members(self, chat: str) -> list[str]:
        return [str(name) for name in self.chat(chat).GetGroupMembers()]

    def remove(self, chat: str, names: Sequence[str]) -> CallResult:
        # Success here may hide names that were not found: the adapter re-reads the list.
        return CallResult.of(self.wx.RemoveGroupMembers(group=chat, members=list(names)))

    def invite(self, chat: str, names: Sequence[str]) -> CallResult:
        return CallResult.of(self.wx.AddGroupMembers(group=chat, members=list(names)))

    def set_notice(self, chat: str, text: str) -> CallResult:
        result = CallResult.of(self.chat(chat).ManageGroup(notice=text))
        # ManageGroup says success even when the notice step failed: trust data['notice'].
        if result.ok and result.data.get("notice") is False:
            return CallResult(False, result.message or "notice not set", result.data)
        return result
