"""/points: the points ledger (`points.enabled`): your score this month, a member's (admins),
the month's ranking (admins)."""

from __future__ import annotations

from bot.commands.context import CommandContext
from bot.commands.registry import command
from bot.commands.targets import target
from bot.core.errors import UserFacingError
from bot.core.events import MessageEvent
from bot.core.group import GroupRuntime


def _enabled(ctx: CommandContext) -> GroupRuntime:
    assert ctx.group is not None
    if not ctx.group.policy.points.enabled:
        raise UserFacingError("points-disabled")
    return ctx.group


@command("points", "积分", admin=False)
async def points(ctx: CommandContext) -> None:
    """/points [@member] — points this month and the rank; an admin may name a member."""
    group = _enabled(ctx)
    named = bool(ctx.args.strip()) or (
        isinstance(ctx.event, MessageEvent) and bool(ctx.event.mentions)
    )
    if named and not ctx.is_admin:
        raise UserFacingError("denied", kind="command_denied", command=ctx.spec.name)
    member = (await target(ctx))[0] if named else ctx.sender
    if member is None or member.is_self:
        raise UserFacingError("error-target-bot")
    c = await ctx.services.snapshots.classify(group, member)
    subject = f"e:{c.entry.id}" if c.entry is not None else member.key
    service = ctx.services.points
    month = service.current_month(group)
    scores = await service.scores(group, month)
    mine = next((s for s in scores if s.subject == subject), None)
    await ctx.reply(
        "command_reply",
        "points-of",
        member=member.display,
        month=month,
        points=mine.total if mine else 0,
        rank=mine.rank if mine else "-",
        count=len(scores),
    )


@command("points ranking", "积分 排名", "积分排名")
async def ranking(ctx: CommandContext) -> None:
    """/points ranking — this month's ranking so far."""
    group = _enabled(ctx)
    service = ctx.services.points
    month = service.current_month(group)
    scores = await service.scores(group, month)
    lines = "\n".join(
        ctx.services.translate("points-rank-line", rank=s.rank, name=s.label, points=s.total)
        for s in scores
    )
    await ctx.reply(
        "command_reply",
        "points-report" if scores else "points-report-empty",
        month=month,
        lines=lines,
    )
