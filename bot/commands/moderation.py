"""/kick, /warn, /unwarn, /warns: an admin's hand on one member."""

from __future__ import annotations

from bot.commands.context import CommandContext
from bot.commands.registry import command
from bot.commands.targets import target
from bot.core.errors import UserFacingError
from bot.core.members import MemberView


async def _protected_target(ctx: CommandContext, refusal: str) -> tuple[MemberView, str]:
    assert ctx.group is not None
    member, rest = await target(ctx)
    if member.is_self:
        raise UserFacingError("error-target-bot")
    if ctx.services.enforcer.protected(ctx.group, member):
        raise UserFacingError(refusal, member=member.display)
    return member, rest


async def _employee_id(ctx: CommandContext, member: MemberView) -> int | None:
    assert ctx.group is not None
    c = await ctx.services.snapshots.in_group(ctx.group, member)
    return c.entry.id if c.entry else None


@command("kick", "移出", "踢", "踢出")
async def kick(ctx: CommandContext) -> None:
    """/kick @member|#n [reason] — remove the member and say why in the group."""
    assert ctx.group is not None
    member, reason = await _protected_target(ctx, "error-kick-protected")
    # Where the bot cannot remove, the enforcer asks the admins to do it by hand.
    await ctx.services.enforcer.remove(
        ctx.group, [(member, "admin")], await ctx.members(), detail=reason
    )


@command("warn", "警告")
async def warn(ctx: CommandContext) -> None:
    """/warn @member|#n [reason] — record a warning; at the limit the policy's action applies."""
    assert ctx.group is not None
    member, reason = await _protected_target(ctx, "error-warn-protected")
    await ctx.services.enforcer.warn(
        ctx.group,
        member,
        await _employee_id(ctx, member),
        await ctx.members(),
        rule="admin",
        reason=reason or ctx.services.translate("reason-none"),
        by=ctx.who,
    )


@command("unwarn", "撤销警告", "取消警告")
async def unwarn(ctx: CommandContext) -> None:
    """/unwarn @member|#n — remove the member's latest warning."""
    assert ctx.group is not None
    member, _ = await target(ctx)
    services = ctx.services
    employee_id = await _employee_id(ctx, member)
    revoked = await services.warnings.revoke_latest(ctx.group, member, employee_id, by=ctx.who)
    if revoked is None:
        await ctx.reply("command_reply", "unwarn-none", member=member.display)
        return
    left = len(await services.warnings.live(ctx.group, member, employee_id))
    await ctx.reply(
        "command_reply",
        "unwarn-done",
        member=member.display,
        count=left,
        limit=ctx.group.policy.warnings.limit,
    )


@command("warns", "警告记录", "查警告")
async def warns(ctx: CommandContext) -> None:
    """/warns @member|#n — show the member's live warnings."""
    assert ctx.group is not None
    member, _ = await target(ctx)
    services = ctx.services
    live = await services.warnings.live(ctx.group, member, await _employee_id(ctx, member))
    tz = ctx.group.tz
    lines = []
    for i, w in enumerate(live, start=1):
        rule = services.translate(f"reason-{w.rule}")
        when = f"{w.created_at.astimezone(tz):%m-%d %H:%M}"
        # A content rule's warning gives the rule as its reason: say it once.
        if w.reason and w.reason != rule:
            lines.append(
                services.translate("warns-line", n=i, when=when, rule=rule, reason=w.reason)
            )
        else:
            lines.append(services.translate("warns-line-rule", n=i, when=when, rule=rule))
    await ctx.reply(
        "command_reply",
        "warns-list" if live else "warns-none",
        member=member.display,
        count=len(live),
        limit=ctx.group.policy.warnings.limit,
        lines="\n".join(lines),
    )
