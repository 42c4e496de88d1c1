"""The engine: events in, decisions by the services, actions out through the actuator.

Adapters call `handle` for everything they see. Nothing that goes wrong while handling one
event stops the engine: the error is logged and the next event is handled.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from loguru import logger

from bot.commands import registry
from bot.commands.dispatch import Dispatcher
from bot.core.causes import CauseDone, caused_by, settle
from bot.core.commandline import command_body, is_command
from bot.core.events import (
    DirectEvent,
    Event,
    ForgetEvent,
    JoinEvent,
    LeaveEvent,
    MembersSeen,
    MessageEvent,
)
from bot.core.group import GroupRuntime
from bot.services.container import Services

MessageHandler = Callable[[GroupRuntime, MessageEvent], Awaitable[None]]


class Engine:
    def __init__(self, services: Services) -> None:
        self.services = services
        self.dispatcher = Dispatcher(registry, services)
        # Features that look at ordinary (non-command) messages, e.g. content rules.
        self.message_handlers: list[MessageHandler] = []

    async def handle(self, event: Event) -> None:
        group_code = getattr(event, "group", None)
        key = getattr(event, "key", None)
        cause_key = f"{type(event).__name__}:{group_code or '-'}:{key}" if key else None
        with (
            logger.contextualize(group=group_code, event=type(event).__name__),
            caused_by(
                cause_key, subject=event, origin=self.services.groups.instance, at_end=True
            ) as cause,
        ):
            try:
                await self._route(event)
            except CauseDone:
                logger.debug("{key} was handled before", key=cause_key)
                return
            except Exception:
                logger.exception("failed to handle {event!r}", event=event)
                await settle(cause, ok=False)
                return
            await settle(cause, ok=True)

    def needs_admin(self, text: str) -> bool:
        """Whether `text` is a command only an admin may run. Adapters that must check who sent
        such a command (WeChat reads the sender's profile, slowly) ask before handing it on."""
        if not is_command(text):
            return False
        found = self.dispatcher.registry.resolve(command_body(text))
        return found is not None and found[0].admin

    async def run_command(self, event: MessageEvent) -> None:
        """A command for a governed group typed outside it (WeChat's admin console): run for
        that group without taking the sender for one of its members."""
        group = self.services.groups.get(event.group)
        if group is not None:
            await self.dispatcher.dispatch(event, group)

    async def _route(self, event: Event) -> None:
        if isinstance(event, DirectEvent):
            if is_command(event.text):
                await self.dispatcher.dispatch(event, None)
            return
        group = self.services.groups.get(event.group)
        if group is None:
            return  # not a governed group
        match event:
            case MessageEvent():
                await self._message(group, event)
            case JoinEvent():
                # A joiner removed for who invited them is not welcomed.
                if not await self.services.membership.on_join(group, event):
                    await self.services.joins.on_join(group, event.member, event.inviter)
            case LeaveEvent():
                await self.services.members.forget(group, event.member)
                await self.services.membership.on_leave(group, event.member)
            case ForgetEvent():  # not a leave: nothing reports it
                await self.services.members.forget(group, event.member)
            case MembersSeen():
                for member in event.members:
                    await self.services.members.observe(group, member)

    async def _message(self, group: GroupRuntime, event: MessageEvent) -> None:
        if event.sender.is_self:
            return
        if not event.anonymous:
            await self.services.members.observe(group, event.sender)
            # A command is a message too: an impostor's first one unmasks them (spec "Identity").
            await self.services.impostors.on_message(group, event)
        if is_command(event.text) and not event.forwarded:
            await self.dispatcher.dispatch(event, group)
            return
        for handler in self.message_handlers:
            await handler(group, event)
