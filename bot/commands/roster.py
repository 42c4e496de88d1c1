"""/roster and /roster export: the group (or, privately, every group) against the roster."""

from __future__ import annotations

from bot.commands.context import CommandContext
from bot.commands.registry import command
from bot.core.group import GroupRuntime
from bot.services.registry import label, ordered
from bot.services.snapshot import Snapshot
from bot.services.workbook import export_name


def summary(ctx: CommandContext, snap: Snapshot) -> str:
    t, join = ctx.services.translate, ctx.services.notify.join
    counts = snap.counts()
    parts = [t("roster-summary-head", group=label(snap.group), **counts)]
    misnamed = [
        t("naming-reminder-line", member=c.member.display, expected=c.expected)
        for c in snap.having("misnamed")
    ]
    sections = (
        ("misnamed", misnamed),
        ("unknown", [c.member.display for c in snap.having("unknown")]),
        ("ambiguous", [c.member.display for c in snap.having("ambiguous")]),
        ("departed", [c.member.display for c in snap.having("departed")]),
        ("missing", [f"{e.department}-{e.name}" for e in snap.missing]),
    )
    for status, items in sections:
        if items:
            parts.append(t(f"roster-summary-{status}", items=join(items), count=len(items)))
    if snap.seen_only:
        parts.append(t("roster-seen-only", count=len(snap.members)))
    return "\n".join(parts)


def _groups(ctx: CommandContext) -> list[GroupRuntime]:
    return [ctx.group] if ctx.group is not None else ordered(ctx.services.groups)


@command("roster", "名单", "花名册", where=("group", "direct"))
async def roster(ctx: CommandContext) -> None:
    """/roster — the group against the roster: compliant, misnamed, unknown, departed, missing."""
    texts = [summary(ctx, await ctx.services.snapshots.take(g)) for g in _groups(ctx)]
    await ctx.reply("command_reply", "roster-summary", text="\n\n".join(texts))


@command("roster export", "名单 导出", "导出名单", "导出", where=("group", "direct"))
async def roster_export(ctx: CommandContext) -> None:
    """/roster export — the same as a spreadsheet (xlsx) sent to this chat."""
    services = ctx.services
    label = ctx.group.name if ctx.group is not None else (services.company or "all")
    path = services.files_dir / export_name(services.clock.now(), label)
    await services.workbooks.write(_groups(ctx), path.resolve())
    await services.notify.file(
        path.resolve(),
        "roster_export",
        group=ctx.group.code if ctx.group else None,
        to=None if ctx.group else ctx.identity,
    )
