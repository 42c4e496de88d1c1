"""Commands from outside the governed groups: the admin console and admins' private chats.

The console is a chat whose members the operator controls; on libraries that cannot read a
sender's WeChat ID it is the only place privileged commands are accepted. `【群名】/cmd` (or
`[群名] /cmd`) runs a command for one group; anything else runs for every group, privately.
"""

from __future__ import annotations

from typing import Any

from loguru import logger

from adapters.wechat.driver import DriverError, InMsg
from bot.commands.dispatch import is_command
from bot.core.causes import caused_by
from bot.core.events import DirectEvent, MessageEvent
from bot.core.members import MemberView

HUMAN = ("friend", "other")


def console_target(text: str) -> tuple[str, str] | None:
    """`【群名】/warn @x` or `[群名] /warn @x` → (群名, "/warn @x")."""
    stripped = text.strip()
    for left, right in (("【", "】"), ("[", "]")):
        if stripped.startswith(left) and right in stripped:
            name, _, rest = stripped[1:].partition(right)
            return name.strip(), rest.strip()
    return None


async def from_console(a: Any, msg: InMsg, key: str) -> None:
    """A command in the admin console: for every group, or `【群名】/cmd` for one."""
    target = console_target(msg.content)
    if msg.attr not in HUMAN or not is_command(target[1] if target else msg.content):
        return
    identity = await console_identity(a, msg)
    if identity is None:
        with caused_by(f"console:{key}"):
            await a.notify.send(
                msg.chat, "command_denied", "wechat-console-unknown", member=msg.display
            )
        return
    a.routes[identity] = msg.chat
    if target is None:
        await a.engine.handle(DirectEvent(identity, msg.content, a.clock.now(), key))
        return
    name, text = target
    group = next((g for g in a.app_groups if name in (g.name, g.code)), None)
    with caused_by(f"console:{key}"):
        if group is None:
            names = "、".join(g.name for g in a.app_groups)
            await a.notify.send(
                msg.chat,
                "command_error",
                "wechat-console-unknown-group",
                group=name,
                groups=names,
            )
            return
        event = MessageEvent(
            group.code, MemberView(msg.display, identity), text, "text", a.clock.now(), key
        )
        # Dispatched directly: the console member is not a member of that group.
        await a.engine.dispatcher.dispatch(event, group)


async def console_identity(a: Any, msg: InMsg) -> str | None:
    """The WeChat ID behind a console member: verified where possible, else mapped."""
    if a.can_verify:
        try:
            found = await a.conn.call("verify", msg)
        except DriverError:
            return None
        return found if found in a.admin_ids else None
    return a.console.admins.get(msg.display)


async def from_contact(a: Any, msg: InMsg, key: str) -> None:
    """A command in an admin's private chat (`contacts`)."""
    if msg.attr not in HUMAN or not is_command(msg.content):
        return
    identity = a.contact_ids[msg.chat]
    if a.can_verify:
        try:
            found = await a.conn.call("verify", msg)
        except DriverError:
            found = None
        if found != identity:
            logger.warning(
                "a command in {chat} did not come from {id}", chat=msg.chat, id=identity
            )
            return
    a.routes[identity] = msg.chat
    await a.engine.handle(DirectEvent(identity, msg.content, a.clock.now(), key))
