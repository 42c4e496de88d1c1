"""From a message starting with `/` to a command handler, with authority checked first."""

from __future__ import annotations

import unicodedata

from loguru import logger

from bot.commands.context import CommandContext
from bot.commands.registry import Registry
from bot.core.errors import UserFacingError
from bot.core.events import DirectEvent, MessageEvent
from bot.core.org import GroupRuntime
from bot.services.hub import Services

COMMAND_PREFIXES = ("/", "／")


def is_command(text: str) -> bool:
    return text.lstrip().startswith(COMMAND_PREFIXES)


class Dispatcher:
    def __init__(self, registry: Registry, services: Services) -> None:
        self.registry = registry
        self.services = services

    async def dispatch(
        self, event: MessageEvent | DirectEvent, group: GroupRuntime | None
    ) -> None:
        body = unicodedata.normalize("NFKC", event.text.strip()[1:])
        if isinstance(event, MessageEvent):
            sender, identity = event.sender, event.sender.identity
        else:
            sender, identity = None, event.sender
        found = self.registry.resolve(body)
        spec = found[0] if found else None
        ctx = CommandContext(
            self.services,
            spec,  # type: ignore[arg-type]
            found[1] if found else "",
            event,
            group=group,
            sender=sender,
            identity=identity,
        )
        where = "group" if group is not None else "direct"
        try:
            if spec is None:
                word = body.split(maxsplit=1)[0] if body.split() else ""
                raise UserFacingError("error-unknown-command", command=word)
            if where not in spec.where:
                raise UserFacingError(f"error-not-{where}", command=spec.name)
            if spec.admin and not ctx.is_admin:
                raise UserFacingError("denied", kind="command_denied", command=spec.name)
            logger.info("command {cmd} by {who}", cmd=spec.name, who=ctx.who)
            await spec.handler(ctx)
        except UserFacingError as err:
            await ctx.reply(err.kind, err.key, **err.args_)
        except Exception:
            logger.exception("command failed: {text!r}", text=event.text[:80])
            await ctx.reply("command_error", "error-internal")
