"""Content moderation of ordinary messages: the engine's message handler.

Commands and the bot's own messages never reach it (the engine routes them elsewhere); the
owner, admins and the bot are exempt (`Enforcer.protected`). A message is judged once, by its
platform key (see `check`), so an event delivered again records no second warning. A clean
message costs no database round trip and one counters round trip: the rules are compiled per
policy, the counters are memory or Redis.
"""

from __future__ import annotations

from loguru import logger

from bot.core.events import MessageEvent
from bot.core.group import GroupRuntime
from bot.services.container import Services
from bot.services.moderation.check import ContentCheck
from bot.services.moderation.respond import Responder


class ModerationService:
    def __init__(self, services: Services) -> None:
        self.services = services
        self.check = ContentCheck(services.counters)
        self.responder = Responder(services)

    async def on_message(self, group: GroupRuntime, event: MessageEvent) -> None:
        """Judge one ordinary message and respond per the group's policy."""
        services = self.services
        if self.check.rules(group).idle or services.enforcer.protected(group, event.sender):
            return
        now = services.clock.now()
        verdict = await self.check.check(
            group, event.sender, event.text, event.kind, now, message_key=event.key
        )
        if verdict is None:
            return
        logger.info(
            "{rule} by {member} in {group}",
            rule=verdict.rule,
            member=event.sender.display,
            group=group.name,
        )
        await self.responder.respond(group, event, verdict)
