"""What WeChat shows → core events: group lines, system lines, the console, private chats.

Each line gets a stable key (`dedup.ChatKeys`) claimed in the counters store, so a replayed
line is dropped before it reaches the engine. Lines a newly opened window shows in its first
moments are history: on the first start they are only remembered; after a reconnect a line
already seen lately is dropped even before the first time marker.
"""

from __future__ import annotations

import time
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import timedelta

from loguru import logger

from adapters.wechat import console, system_messages
from adapters.wechat.dedup import ChatKeys
from adapters.wechat.driver import DriverError, InMsg
from bot.commands import registry
from bot.commands.dispatch import is_command
from bot.core.causes import caused_by
from bot.core.events import JoinEvent, MessageEvent
from bot.core.members import MemberView

SEEN_FOR = timedelta(days=3)
KINDS = {"text": "text", "quote": "text", "voice": "voice", "image": "image", "video": "video"}
KINDS |= {"file": "file", "link": "link", "emotion": "emotion"}
HUMAN = ("friend", "other")
SYSTEM = ("system", "tickle")


def privileged(text: str) -> bool:
    """Whether a command needs an admin (the same rule the dispatcher applies)."""
    body = unicodedata.normalize("NFKC", text.strip()[1:])
    found = registry.resolve(body)
    return found is not None and found[0].admin


@dataclass
class Settling:
    until: float
    first: bool  # the process's first look at this chat: everything shown is history
    marked: bool = False


@dataclass
class Inbound:
    adapter: object  # the WeChatAdapter (typed loosely to keep the modules acyclic)
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
        a = self.adapter
        if not await a.counters.claim(f"wechat:line:{key}", SEEN_FOR, a.clock.now()):
            self.replays += 1
            return
        if settling and settling.first:
            self.history += 1
            return
        await self.route(msg, key)

    async def route(self, msg: InMsg, key: str) -> None:
        a = self.adapter
        if a.console and msg.chat == a.console.chat:
            await console.from_console(a, msg, key)
        elif msg.chat in a.contact_ids:
            await console.from_contact(a, msg, key)
        elif msg.chat in a.groups:
            if msg.attr in SYSTEM or msg.type == "base":
                await self.system(msg, key)
            elif msg.attr in HUMAN:
                await self.group_message(msg, key)

    async def group_message(self, msg: InMsg, key: str) -> None:
        a = self.adapter
        group = msg.chat
        sender = a.members.view(group, msg.display)
        text = msg.content
        if is_command(text) and privileged(text):
            sender = await self.verified(msg, key)
            if sender is None:
                return
        kind = KINDS.get(msg.type, "text")
        await a.engine.handle(MessageEvent(group, sender, text, kind, a.clock.now(), key))

    async def verified(self, msg: InMsg, key: str) -> MemberView | None:
        """The sender with their WeChat ID read from their profile; None (and a reply) if
        the library cannot, or could not this time."""
        a = self.adapter
        with caused_by(f"MessageEvent:{msg.chat}:{key}"):
            if not a.can_verify:
                reply = "wechat-console-only" if a.console else "wechat-cannot-verify"
                console = a.console.chat if a.console else ""
                await a.notify.send(msg.chat, "command_denied", reply, console=console)
                return None
            try:
                wechat_id = await a.conn.call("verify", msg)
            except DriverError as exc:
                logger.warning("could not verify the sender of a command: {exc}", exc=exc)
                wechat_id = None
            if not wechat_id:
                await a.notify.send(msg.chat, "command_error", "wechat-verify-failed")
                return None
        a.members.learn(msg.chat, msg.display, wechat_id)
        return MemberView(msg.display, wechat_id)

    async def system(self, msg: InMsg, key: str) -> None:
        a = self.adapter
        line = system_messages.parse(msg.content)
        if line is None:
            return
        group = msg.chat
        if line.kind in ("join", "removed_by_bot", "bot_joined"):
            a.members.invalidate(group)
        if line.kind == "join":
            inviter = line.actor if line.actor is not None else None
            for n, name in enumerate(line.targets):
                view = a.members.view(group, name)
                event = JoinEvent(group, view, inviter, line.via, a.clock.now(), f"{key}:{n}")
                await a.engine.handle(event)
        elif line.kind == "bot_joined":
            logger.info("the bot was added to {group}", group=group)
        elif line.kind == "bot_removed":
            logger.error("the bot was removed from {group} by {who}", group=group, who=line.actor)
            a.lost_groups.add(group)
        elif line.kind == "group_renamed":
            logger.warning(
                "{group} was renamed to {new}; update the config (groups are found by name)",
                group=group,
                new=line.targets[0],
            )
