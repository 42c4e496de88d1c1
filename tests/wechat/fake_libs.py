"""Fakes of wxautox (3.9 plus), wxauto4 and wxautox4, mirroring their stubs' signatures.

Only the methods the adapter may touch exist on each fake, with the library's parameter names
and its `WxResponse` (a dict with status/message/data whose truth is success). Every call goes
through the world's fault injector first.

Checked against the wheels (wxauto4 41.1.7, wxautox4 41.2.1: their .pyi stubs and the names
compiled into their modules): all three have `IsOnline`, `Chat.ChatInfo()` with
`group_member_count`, and `FriendMessage.sender_info()` (the profile card); wxauto4 has no
`KeepRunning`, listens to one chat, refuses while other chat windows are open and locks
listening across processes; wxautox4's notice refusals read "不可修改群公告" and
"未找到群公告框体，修改失败".
"""

from __future__ import annotations

import time
import types
from typing import Any

from tests.wechat.fake_world import FakeUIError, Line, World, next_id


class WxResponse(dict):
    def __init__(self, status: str, message: str | None = None, data: Any = None) -> None:
        super().__init__(status=status, message=message, data=data)

    def __bool__(self) -> bool:
        return self["status"] == "成功"

    @classmethod
    def success(cls, message: str | None = None, data: Any = None) -> WxResponse:
        return cls("成功", message, data)

    @classmethod
    def failure(cls, message: str, data: Any = None) -> WxResponse:
        return cls("失败", message, data)


class FakeMessage:
    """A message object as the callback gets it: attr, type, content, sender, sender_remark, id."""

    def __init__(self, world: World, line: Line) -> None:
        self._world, self._author = world, line.author
        self.attr, self.type, self.content = line.attr, line.type, line.content
        self.id = next_id()  # UI runtime id: new on every render
        self.sender = "system" if line.author is None else line.author.label
        if line.attr == "self":
            self.sender = "self"
        self.sender_remark = self.sender
        if line.time is not None:
            self.time = line.time

    def sender_info(self) -> dict[str, str]:
        """Opens the sender's profile card (slow) and reads it; `id` is the WeChat ID."""
        self._world.faults.hit("sender_info")
        if self._author is None:
            raise FakeUIError("no profile for a system line")
        author = self._author
        fields = ("region", "signature", "source", "remark", "tags")
        return {"nickname": author.label, "id": author.wxid, "group_nickname": author.label} | {
            name: "" for name in fields
        }


class FakeChat:
    """A listened sub-window (`Chat`). `who` is the chat's name."""

    def __init__(self, wx: FakeWeChat, who: str) -> None:
        self._wx, self._world, self.who = wx, wx._world, who
        self.chat_type = "group" if who in self._world.groups else "friend"

    def _hit(self, name: str) -> None:
        self._wx._check()
        self._world.faults.hit(name)

    def SendMsg(
        self,
        msg: str,
        who: str | None = None,
        clear: bool = True,
        at: str | list[str] | None = None,
        exact: bool = False,
    ) -> WxResponse:
        self._hit("SendMsg")
        return self._wx._send(self.who, msg, at)

    def SendFiles(
        self, filepath: str | list[str], who: str | None = None, exact: bool = False
    ) -> WxResponse:
        self._hit("SendFiles")
        self._world.sent.append((self.who, f"[file] {filepath}", []))
        return WxResponse.success()

    def ChatInfo(self) -> dict[str, Any]:
        self._hit("ChatInfo")
        group = self._world.groups.get(self.who)
        if group is None:
            return {"chat_type": "friend", "chat_name": self.who}
        return {
            "group_member_count": len(group.people),
            "chat_type": "group",
            "chat_name": self.who,
        }

    def GetAllMessage(self) -> list[FakeMessage]:
        self._hit("GetAllMessage")
        return [
            FakeMessage(self._world, line) for line in self._world.chat_history(self.who)[-30:]
        ]


class PlusChat(FakeChat):
    def GetGroupMembers(self) -> list[str]:
        self._hit("GetGroupMembers")
        return self._world.groups[self.who].labels()

    def ManageGroup(
        self,
        name: str | None = None,
        remark: str | None = None,
        myname: str | None = None,
        notice: str | None = None,
        quit: bool = False,
    ) -> WxResponse:
        self._hit("ManageGroup")
        group = self._world.groups[self.who]
        done = group.bot_manages()  # "仅群主和管理员可编辑": the notice step fails quietly
        if done and notice is not None:
            group.notice = notice
        return WxResponse.success(
            data={"notice": done if notice is not None else None, "myname": None}
        )


class Plus4Chat(FakeChat):
    def SetGroupAnnouncement(self, value: str) -> WxResponse:
        self._hit("SetGroupAnnouncement")
        group = self._world.groups[self.who]
        if not group.bot_manages():
            return WxResponse.failure("不可修改群公告")
        if self._world.notice_dialog_missing:
            return WxResponse.failure("未找到群公告框体，修改失败")
        group.notice = value
        return WxResponse.success()


class FakeWeChat:
    """`WeChat(nickname=None, debug=False)`; listeners are served by the world's thread."""

    chat_class: type[FakeChat] = FakeChat
    max_listen = 40
    world: World  # set on the module's class

    def __init__(self, nickname: str | None = None, debug: bool = False) -> None:
        self._world = self.world
        self._check()
        self._chats: dict[str, FakeChat] = {}

    def _check(self) -> None:
        if not self._world.online:
            raise FakeUIError("找不到微信窗口")

    def AddListenChat(self, nickname: str, callback: Any) -> FakeChat | WxResponse:
        self._check()
        self._world.faults.hit("AddListenChat")
        if nickname in self._chats:
            return WxResponse.failure("该聊天已监听")
        refusal = self._refusal()
        if refusal is not None:
            return WxResponse.failure(refusal)
        if len(self._chats) >= self.max_listen:
            return WxResponse.failure(self._limit_message())
        if nickname not in self._world.groups and nickname not in self._world.private:
            return WxResponse.failure("找不到聊天窗口")
        chat = self.chat_class(self, nickname)
        self._chats[nickname] = chat

        def deliver(msg: object, _chat: str) -> None:
            callback(msg, chat)  # the library hands its Chat object, not the name

        self._world.listeners[nickname] = deliver
        return chat

    def _limit_message(self) -> str:
        return "最多设置40个监听对象"

    def _refusal(self) -> str | None:
        return None

    def RemoveListenChat(self, nickname: str, close_window: bool = True) -> WxResponse:
        self._chats.pop(nickname, None)
        self._world.listeners.pop(nickname, None)
        return WxResponse.success()

    def StopListening(self, remove: bool = True) -> None:
        self._world.listeners.clear()

    def IsOnline(self) -> bool:
        self._world.faults.hit("IsOnline")
        return self._world.online

    def GetSession(self) -> list[Any]:
        self._check()
        self._world.faults.hit("GetSession")
        return []

    def SendMsg(
        self,
        msg: str,
        who: str | None = None,
        clear: bool = True,
        at: str | list[str] | None = None,
        exact: bool = False,
    ) -> WxResponse:
        self._check()
        self._world.faults.hit("SendMsg")
        if who is None or (who not in self._world.groups and who not in self._world.private):
            return WxResponse.failure("找不到聊天窗口")
        return self._send(who, msg, at)

    def SendFiles(
        self, filepath: str | list[str], who: str | None = None, exact: bool = False
    ) -> WxResponse:
        self._check()
        self._world.faults.hit("SendFiles")
        self._world.sent.append((who or "", f"[file] {filepath}", []))
        return WxResponse.success()

    def _send(self, chat: str, msg: str, at: str | list[str] | None) -> WxResponse:
        names = [at] if isinstance(at, str) else list(at or [])
        group = self._world.groups.get(chat)
        mentioned = [m for name in names if group and (m := _pick(group, name)) is not None]
        content = "".join(f"@{m}\u2005" for m in mentioned) + msg
        self._world.sent.append((chat, content, mentioned))
        self._world.chat_history(chat).append(Line(self._world.bot, "self", "text", content))
        return WxResponse.success()


def _pick(group: Any, name: str) -> str | None:
    """The @ popup: typed '@'+name without spaces; one candidate is clicked whatever it is,
    none means the '@' text is erased and the message goes out without the mention."""
    typed = name.replace(" ", "")
    found = [
        p
        for p in group.people
        if p.searchable and not p.is_bot and p.label.replace(" ", "").startswith(typed)
    ]
    if not found:
        return None
    exact = [p for p in found if p.label == name]
    return (exact or found)[0].label


class KeepsRunning:
    """wxautox and wxautox4 have `KeepRunning` (wxauto4's compiled module does not)."""

    _world: World

    def KeepRunning(self) -> None:
        while self._world.online:  # blocks like the real one; the adapter never calls it
            time.sleep(0.05)


class PlusWeChat(KeepsRunning, FakeWeChat):
    chat_class = PlusChat

    def RemoveGroupMembers(
        self, group: str | None = None, members: str | list[str] | None = None
    ) -> WxResponse:
        self._check()
        self._world.faults.hit("RemoveGroupMembers")
        target = self._world.groups[group]  # type: ignore[index]
        if not target.bot_manages():
            raise FakeUIError("找不到 移出 按钮")
        ticked = []
        for keyword in [members] if isinstance(members, str) else list(members or []):
            hits = [
                p
                for p in target.people
                if p.searchable
                and not p.is_bot
                and (keyword in p.label or keyword in p.wxid)
                and p not in ticked
            ]
            exact = [p for p in hits if p.label == keyword]
            if len(hits) == 1 or exact:
                ticked.append(hits[0] if len(hits) == 1 else exact[0])
        if not ticked:
            return WxResponse.failure("没有找到成员")
        for person in ticked:
            if person.role != "owner":
                target.people.remove(person)
                self._world.removed[person.wxid] += 1
        return WxResponse.success()  # even if some names were not found

    def AddGroupMembers(
        self, group: str | None = None, members: str | list[str] | None = None
    ) -> WxResponse:
        self._check()
        self._world.faults.hit("AddGroupMembers")
        target = self._world.groups[group]  # type: ignore[index]
        names = [members] if isinstance(members, str) else list(members or [])
        friends = [self._world.contacts.get(name) for name in names]
        if not target.bot_manages():
            return WxResponse.failure("需要群主或管理员确认")
        if any(f is None for f in friends):
            return WxResponse.failure("未找到好友")
        target.people.extend(f for f in friends if f is not None and f not in target.people)
        return WxResponse.success()


class Single4WeChat(FakeWeChat):
    max_listen = 1

    def __init__(self, debug: bool = False, resize: bool = True, **kwargs: Any) -> None:
        super().__init__(debug=debug)  # wxauto4's WeChat() takes no nickname

    def _refusal(self) -> str | None:
        if self._world.foreign_listener:  # the lock file of another process
            return "已存在其他监听实例，无法重复添加"
        if self._world.loose_windows:
            return "当前存在多个独立聊天窗口，请先关闭多余窗口后再添加监听"
        return None

    def _limit_message(self) -> str:
        return "当前实例只允许监听一个聊天"


class Plus4WeChat(KeepsRunning, FakeWeChat):
    chat_class = Plus4Chat


def library(name: str, world: World) -> types.ModuleType:
    """A stand-in module for `import wxautox` (or wxauto4, wxautox4) bound to `world`."""
    base = {"wxautox": PlusWeChat, "wxauto4": Single4WeChat, "wxautox4": Plus4WeChat}[name]
    module = types.ModuleType(name)
    module.WeChat = type("WeChat", (base,), {"world": world})  # type: ignore[attr-defined]
    module.WxResponse = WxResponse  # type: ignore[attr-defined]
    return module
