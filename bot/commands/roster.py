"""/roster and /roster export: the group (or, privately, every group) against the roster."""

from __future__ import annotations

from bot.commands.context import CommandContext, privately
from bot.commands.registry import command
from bot.core.group import GroupRuntime
from bot.core.members import MemberView
from bot.services import member_numbers
from bot.services.registry import label as group_label
from bot.services.registry import ordered
from bot.services.snapshot import Snapshot
from bot.services.workbook import export_name


def summary(ctx: CommandContext, snap: Snapshot, numbers: dict[str, int]) -> str:
    """The summary, each member listed with their number (`#3 name`: `/kick #3` names them)."""
    t, join = ctx.services.translate, ctx.services.notify.join

    def label(member: MemberView) -> str:
        return t("roster-numbered", number=numbers.get(member.key, 0), member=member.display)

    counts = snap.counts()
    parts = [t("roster-summary-head", group=group_label(snap.group), **counts)]
    misnamed = [
        t("naming-reminder-line", member=label(c.member), expected=c.expected)
        for c in snap.having("misnamed")
    ]
    sections = (
        ("misnamed", misnamed),
        ("unknown", [label(c.member) for c in snap.having("unknown")]),
        ("ambiguous", [label(c.member) for c in snap.having("ambiguous")]),
        ("impostor", [label(c.member) for c in snap.having("impostor")]),
        ("departed", [label(c.member) for c in snap.having("departed")]),
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
    texts = []
    for group in _groups(ctx):
        snap = await ctx.services.snapshots.take(group)
        texts.append(summary(ctx, snap, await member_numbers.numbers(group, snap.members)))
    await ctx.reply("command_reply", "roster-summary", text="\n\n".join(texts))


@command("roster export", "名单 导出", "导出名单", "导出", where=("group", "direct"))
async def roster_export(ctx: CommandContext) -> None:
    """/roster export — the same as a spreadsheet (xlsx) sent to this chat."""
    services = ctx.services
    label = ctx.group.name if ctx.group is not None else (services.company or "all")
    path = services.files_dir / export_name(services.clock.now(), label)
    await services.workbooks.write(_groups(ctx), path.resolve())
    in_group = ctx.group is not None and not privately(ctx.group, ctx.identity)
    await services.notify.file(
        path.resolve(),
        "roster_export",
        group=ctx.group.code if in_group and ctx.group else None,
        to=None if in_group else ctx.identity,
    )
