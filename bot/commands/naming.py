"""/rename: bind a member to a roster entry and tell them the exact name to set."""

from __future__ import annotations

from bot.commands.context import CommandContext
from bot.commands.registry import command
from bot.core.errors import UserFacingError
from bot.services.naming import render_template


@command("rename", "改名", "改昵称")
async def rename(ctx: CommandContext) -> None:
    """/rename @member Dept-Name — bind the member to that roster entry and remind them."""
    assert ctx.group is not None
    member, wanted = await ctx.target()
    if not wanted:
        raise UserFacingError("error-rename-usage", usage=ctx.services.t("help-rename"))
    if member.is_self:
        raise UserFacingError("error-target-bot")
    group, services = ctx.group, ctx.services
    naming = group.policy.naming
    index = await services.roster.index()
    found = index.find_by_name(wanted, naming.template, services.company)
    if not found:
        raise UserFacingError("error-rename-not-on-roster", name=wanted)
    if len(found) > 1:
        raise UserFacingError("error-rename-ambiguous", name=wanted, count=len(found))
    entry = found[0]
    if not entry.active:
        raise UserFacingError("error-rename-departed", name=entry.name)
    if not group.config.scope.admits(entry):
        raise UserFacingError("error-rename-out-of-scope", name=entry.name, group=group.name)
    await services.members.bind(group, member, entry.id, by=ctx.who)
    expected = render_template(naming.template, entry, services.company)
    await ctx.reply(
        "naming_reminder",
        "rename-done",
        mentions=[member.display],
        rule="naming",
        members=[member.display],
        member=member.display,
        expected=expected,
    )
