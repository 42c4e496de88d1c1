"""What WeChat shows → core events: group lines, system lines, the console, private chats.

Each line gets a stable key (`dedup.ChatKeys`) claimed in the counters store, so a replayed
line is dropped before it reaches the engine. Lines a newly opened window shows in its first
moments are history: on the first start they are only remembered; after a reconnect a line
already seen lately is dropped even before the first time marker.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import timedelta

from loguru import logger

from adapters.wechat import system_messages
from adapters.wechat.chats import Chats
from adapters.wechat.console import Console
from adapters.wechat.dedup import ChatKeys
from adapters.wechat.driver import InMsg
from adapters.wechat.link import BotLink
from adapters.wechat.members import MemberLists
from adapters.wechat.sender_views import joiner, line_sender, settle_name
from adapters.wechat.senders import Senders
from bot.core.causes import caused_by
from bot.core.events import JoinEvent, MessageEvent
from bot.core.members import MemberView
from bot.core.vocabulary import MessageKind

SEEN_FOR = timedelta(days=3)
KINDS: dict[str, MessageKind] = {
    "text": "text",
    "quote": "text",
    "voice": "voice",
    "image": "image",
    "video": "video",
}
KINDS |= {"file": "file", "link": "link", "emotion": "emotion"}
HUMAN = ("friend", "other")
SYSTEM = ("system", "tickle")


@dataclass
class Settling:
    until: float
    first: bool  # the process's first look at this chat: everything shown is history
    marked: bool = False


@dataclass
class Inbound:
    chats: Chats
    members: MemberLists
    senders: Senders
    console: Console
    bot: BotLink
    now: Callable[[], float] = time.monotonic
    keys: dict[str, ChatKeys] = field(default_factory=dict)
    settling: dict[str, Settling] = field(default_factory=dict)
    history: int = 0  # lines treated as history (tests, logs)
    replays: int = 0  # replayed lines dropped

    def opened(self, chat: str, settle: float) -> None:
        """A chat window was (re)opened: what it shows for `settle` seconds may be history."""
        first = chat not in self.keys
        self.keys.setdefault(chat, ChatKeys(chat))
        self.settling[chat] = Settling(self.now() + settle, first)

    async def handle(self, msg: InMsg) -> None:
        keys = self.keys.setdefault(msg.chat, ChatKeys(msg.chat))
        if msg.attr == "time":
            keys.marker(msg.time or msg.content)
            if (s := self.settling.get(msg.chat)) is not None:
                s.marked = True
            return
        if msg.attr == "self":
            return  # the bot's own lines
        settling = self.settling.get(msg.chat)
        if settling is not None and self.now() >= settling.until:
            self.settling.pop(msg.chat)
            settling = None
        if settling and not settling.first and not settling.marked and keys.seen_recently(msg):
            self.replays += 1
            return
        key = keys.key(msg)
        if not await self.bot.counters.claim(f"wechat:line:{key}", SEEN_FOR, self.bot.clock.now()):
            self.replays += 1
            return
        if settling and settling.first:
            self.history += 1
            return
        await self.route(msg, key)

    async def route(self, msg: InMsg, key: str) -> None:
        """A new line, to where its chat's lines go."""
        if self.chats.is_console(msg.chat):
            await self.console.from_console(msg, key)
        elif msg.chat in self.chats.contact_ids:
            await self.console.from_contact(msg, key)
        elif msg.chat in self.chats.groups:
            if msg.attr in SYSTEM or msg.type == "base":
                await self.system(msg, key)
            elif msg.attr in HUMAN:
                await self.group_message(msg, key)

    async def group_message(self, msg: InMsg, key: str) -> None:
        group, text = msg.chat, msg.content
        sender: MemberView | None
        if self.bot.needs_admin(text):
            sender = await self.verified(msg, key)
        else:
            sender = await line_sender(msg, self.members, self.senders)
        if sender is not None:
            await settle_name(group, msg.display, self.senders, self.bot)
            kind = KINDS.get(msg.type, "text")
            now = self.bot.clock.now()
            await self.bot.handle(MessageEvent(group, sender, text, kind, now, key))

    async def verified(self, msg: InMsg, key: str) -> MemberView | None:
        """The sender with their WeChat ID read from their profile; None (and a reply) if
        the library cannot, or could not this time."""
        notify, console = self.bot.notify, self.chats.console
        with caused_by(f"MessageEvent:{msg.chat}:{key}"):
            if not self.senders.can_verify:
                reply = "wechat-console-only" if console else "wechat-cannot-verify"
                where = console.chat if console else ""
                await notify.send(msg.chat, "command_denied", reply, console=where)
                return None
            wechat_id = await self.senders.wechat_id(msg)
            if not wechat_id:
                await notify.send(msg.chat, "command_error", "wechat-verify-failed")
                return None
        self.members.learn(msg.chat, msg.display, wechat_id)
        return self.members.view(msg.chat, msg.display, account=wechat_id)

    async def system(self, msg: InMsg, key: str) -> None:
        """A system line: joins become events; the rest is logged (or loses the group)."""
        line = system_messages.parse(msg.content)
        if line is None:
            return
        group = msg.chat
        if line.kind in ("join", "removed_by_bot", "bot_joined"):
            self.members.invalidate(group)
            self.senders.forget(group)  # a joiner may show a name someone was read under
        if line.kind == "join":
            for n, name in enumerate(line.targets):
                view = joiner(group, name, self.members, self.senders)
                now = self.bot.clock.now()
                await self.bot.handle(
                    JoinEvent(group, view, line.actor, line.via, now, f"{key}:{n}")
                )
        elif line.kind == "bot_joined":
            logger.info("the bot was added to {group}", group=group)
        elif line.kind == "bot_removed":
            logger.error("the bot was removed from {group} by {who}", group=group, who=line.actor)
            self.chats.lost.add(group)
        elif line.kind == "group_renamed":
            logger.warning(
                "{group} was renamed to {new}; update the config (groups are found by name)",
                group=group,
                new=line.targets[0],
            )
