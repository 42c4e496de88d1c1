"""What `/rename` may not do, because a display name is a claim and not an identity.

- Rebind a member whom a trusted way (the operator's remark naming a roster entry; an account
  id configured for an employee) already binds to another employee: the remark was written
  by the operator, an admin's `/rename` cannot overrule it.
- Hand out a name another member of the group holds (bound to that entry, or showing a name
  that entry may use): that would make a second claimant, the impostor pattern.
"""

from __future__ import annotations

from bot.commands.context import CommandContext
from bot.core.employees import RosterEntry
from bot.core.errors import UserFacingError
from bot.core.members import MemberView
from bot.services import member_numbers
from bot.services.names import complies
from bot.services.roster_match import RosterIndex


async def check_rename(ctx: CommandContext, member: MemberView, entry: RosterEntry) -> None:
    """Refuse (UserFacingError) binding `member` to `entry` where identity forbids it."""
    assert ctx.group is not None
    group, services = ctx.group, ctx.services
    naming = group.policy.naming
    index = await services.roster.index()
    own = trusted_entry(index, member, naming.template, services.company)
    if own is not None and own.id != entry.id:
        raise UserFacingError(
            "error-rename-trusted", member=member.display, own=own.name, name=entry.name
        )
    members = await ctx.members()
    snap = await services.snapshots.take(group, members)
    for c in snap.results:
        other = c.member
        if other.is_self or other.key == member.key:
            continue
        trusted = trusted_entry(index, other, naming.template, services.company)
        holds = entry.id in (c.entry.id if c.entry else None, trusted.id if trusted else None)
        if holds or complies(other.display, entry, naming, services.company):
            number = (await member_numbers.numbers(group, members)).get(other.key, 0)
            raise UserFacingError(
                "error-rename-taken", name=entry.name, holder=other.display, number=number
            )


def trusted_entry(
    index: RosterIndex, member: MemberView, template: str, company: str | None
) -> RosterEntry | None:
    """The one roster entry the operator's remark for `member` names (the template name, the
    bare name or an alias; never a name merely contained in it), else None."""
    if not member.identity:
        return None
    match = index.match(member.identity, template, company)
    if match.strategy in (None, "contained") or len(match.candidates) != 1:
        return None
    return match.candidates[0]
