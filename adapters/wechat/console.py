"""Commands from outside the governed groups: the admin console and admins' private chats.

The console is a chat whose members the operator controls; on libraries that cannot read a
sender's WeChat ID it is the only place privileged commands are accepted. `【群名】/cmd` (or
`[群名] /cmd`) runs a command for one group; anything else runs for every group, privately.
"""

from __future__ import annotations

from loguru import logger

from adapters.wechat.chats import Chats
from adapters.wechat.driver import InMsg
from adapters.wechat.link import BotLink
from adapters.wechat.senders import Senders
from bot.core.causes import caused_by
from bot.core.commandline import addressed, is_command
from bot.core.events import DirectEvent, MessageEvent
from bot.core.members import MemberView

HUMAN = ("friend", "other")


class Console:
    def __init__(self, chats: Chats, senders: Senders, bot: BotLink) -> None:
        self.chats = chats
        self.senders = senders
        self.bot = bot

    async def from_console(self, msg: InMsg, key: str) -> None:
        """A command in the admin console: for every group, or `【群名】/cmd` for one."""
        target = addressed(msg.content)
        if msg.attr not in HUMAN or (target is None and not is_command(msg.content)):
            return
        identity = await self.identity(msg)
        if identity is None:
            with caused_by(f"console:{key}"):
                await self.bot.notify.send(
                    msg.chat, "command_denied", "wechat-console-unknown", member=msg.display
                )
            return
        self.chats.routes[identity] = msg.chat
        if target is None:
            await self.bot.handle(DirectEvent(identity, msg.content, self.bot.clock.now(), key))
            return
        name, text = target
        code = self.chats.group_named(name)
        with caused_by(f"console:{key}"):
            if code is None:
                names = "、".join(g.name for g in self.chats.groups.values())
                await self.bot.notify.send(
                    msg.chat,
                    "command_error",
                    "wechat-console-unknown-group",
                    group=name,
                    groups=names,
                )
                return
            sender = MemberView(msg.display, identity, account=identity)
            now = self.bot.clock.now()
            # Run for the group, not handled as its message: the sender is not a member there.
            await self.bot.run_command(MessageEvent(code, sender, text, "text", now, key))

    async def identity(self, msg: InMsg) -> str | None:
        """The WeChat ID behind a console member: verified where possible, else mapped."""
        if self.senders.can_verify:
            found = await self.senders.wechat_id(msg)
            return found if found in self.chats.admin_ids else None
        console = self.chats.console
        return console.admins.get(msg.display) if console else None

    async def from_contact(self, msg: InMsg, key: str) -> None:
        """A command in an admin's private chat (`contacts`)."""
        if msg.attr not in HUMAN or not is_command(msg.content):
            return
        identity = self.chats.contact_ids[msg.chat]
        if self.senders.can_verify and await self.senders.wechat_id(msg) != identity:
            logger.warning(
                "a command in {chat} did not come from {id}", chat=msg.chat, id=identity
            )
            return
        self.chats.routes[identity] = msg.chat
        await self.bot.handle(DirectEvent(identity, msg.content, self.bot.clock.now(), key))
