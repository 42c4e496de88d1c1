"""From a message starting with `/` to a command handler, with authority checked first."""

from __future__ import annotations

from loguru import logger

from bot.commands.context import CommandContext, reply
from bot.commands.registry import Registry
from bot.core.commandline import command_body
from bot.core.errors import UserFacingError
from bot.core.events import DirectEvent, MessageEvent
from bot.core.group import GroupRuntime
from bot.services import journal
from bot.services.container import Services


class Dispatcher:
    def __init__(self, registry: Registry, services: Services) -> None:
        self.registry = registry
        self.services = services

    async def dispatch(
        self, event: MessageEvent | DirectEvent, group: GroupRuntime | None
    ) -> None:
        body = command_body(event.text)
        if isinstance(event, MessageEvent):
            sender, identity = event.sender, event.sender.identity
        else:
            sender, identity = None, event.sender
        found = self.registry.resolve(body)
        if found is None:
            word = body.split(maxsplit=1)[0] if body.split() else ""
            await reply(
                self.services,
                group,
                identity,
                "command_error",
                "error-unknown-command",
                command=word,
            )
            return
        spec, args = found
        ctx = CommandContext(
            self.services, spec, args, event, group=group, sender=sender, identity=identity
        )
        where = "group" if group is not None else "direct"
        result = "ok"
        try:
            if where not in spec.where:
                raise UserFacingError(f"error-not-{where}", command=spec.name)
            if spec.admin and not ctx.is_admin:
                raise UserFacingError("denied", kind="command_denied", command=spec.name)
            logger.info("command {cmd} by {who}", cmd=spec.name, who=ctx.who)
            await spec.handler(ctx)
        except UserFacingError as err:
            result = "denied" if err.kind == "command_denied" else err.key
            await ctx.reply(err.kind, err.key, **err.args_)
        except Exception:
            result = "error"
            logger.exception("command failed: {text!r}", text=event.text[:80])
            await ctx.reply("command_error", "error-internal")
        if spec.admin:
            await self._audit(ctx, group, result)

    async def _audit(self, ctx: CommandContext, group: GroupRuntime | None, result: str) -> None:
        """Every admin command, run or refused, goes into the audit trail."""
        key = await journal.effect_key("cmd")
        await self.services.trail.append(
            "command",
            {"command": ctx.spec.name, "args": ctx.args[:500], "result": result},
            actor=ctx.who,
            group=group.code if group is not None else None,
            key=key,
        )
