"""/rename: bind a member to a roster entry and tell them the exact name to set.

Where the platform can write a member's name (Telegram's member tag), the expected name is
written first; the member is told either way.
"""

from __future__ import annotations

from bot.commands.context import CommandContext
from bot.commands.registry import command
from bot.commands.rename_identity import check_rename
from bot.commands.targets import target
from bot.core.actions import SetMemberTag
from bot.core.capabilities import Capability
from bot.core.errors import UserFacingError
from bot.core.members import MemberView
from bot.services.names import render_template


@command("rename", "改名", "改昵称")
async def rename(ctx: CommandContext) -> None:
    """/rename @member|#n Dept-Name — bind the member to that roster entry and remind them."""
    assert ctx.group is not None
    member, wanted = await target(ctx)
    if not wanted:
        raise UserFacingError("error-rename-usage", usage=ctx.services.translate("help-rename"))
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
    await check_rename(ctx, member, entry)
    await services.members.bind(group, member, entry.id, by=ctx.who)
    expected = render_template(naming.template, entry, services.company)
    tagged = await _write_tag(ctx, member, expected)
    await ctx.reply(
        "naming_reminder",
        "rename-tagged" if tagged else "rename-done",
        mentions=[member.display],
        rule="naming",
        members=[member.display],
        member=member.display,
        expected=expected,
    )
    await services.audit_notices.reminded_by_command(group, member)


async def _write_tag(ctx: CommandContext, member: MemberView, expected: str) -> bool:
    """Write `expected` as the member's tag where the platform can; True if it took effect."""
    assert ctx.group is not None
    services = ctx.services
    if Capability.SET_MEMBER_TAG not in services.platform.capabilities(ctx.group.code):
        return False
    outcome = await services.actuator.perform(SetMemberTag(ctx.group.code, member, expected))
    return outcome.ok
