"""/audit: read the member list now, act per policy, and report."""

from __future__ import annotations

from bot.commands.context import CommandContext
from bot.commands.registry import command


@command("audit", "检查", "审计", "巡检", where=("group", "direct"))
async def audit(ctx: CommandContext) -> None:
    """/audit — check the members now, send the reminders and removals the policy calls for."""
    services = ctx.services
    groups = [ctx.group] if ctx.group is not None else list(services.groups)
    parts = []
    for group in groups:
        await services.membership.leavers(group)
        result = await services.member_audit.audit(group)
        await services.registry.audit(group, result.snapshot)
        counts = result.snapshot.counts()
        parts.append(
            services.translate(
                "audit-report-group",
                group=group.name,
                reminded=len(result.reminded),
                removed=len(result.removed),
                reported=len(result.reported),
                **counts,
            )
        )
        if result.snapshot.seen_only:
            parts[-1] += "\n" + services.translate(
                "roster-seen-only", count=len(result.snapshot.members)
            )
    await ctx.reply("audit_report", "audit-report", text="\n\n".join(parts))
