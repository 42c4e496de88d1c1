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


async def check_rename(ctx: CommandContext, member: MemberView, entry: RosterEntry) -> None:
    """Refuse (UserFacingError) binding `member` to `entry` where identity forbids it."""
    assert ctx.group is not None
    group, services = ctx.group, ctx.services
    naming = group.policy.naming
    members = await ctx.members()
    snap = await services.snapshots.take(group, members)
    # A trusted binding (an account id configured for an employee, or the operator's remark)
    # as the identity model decided it for the whole group (bot.services.classification).
    trusted = {c.member.key: c.entry for c in snap.results if c.trusted and c.entry}
    own = trusted.get(member.key)
    if own is not None and own.id != entry.id:
        raise UserFacingError(
            "error-rename-trusted", member=member.display, own=own.name, name=entry.name
        )
    for c in snap.results:
        other = c.member
        if other.is_self or other.key == member.key:
            continue
        theirs = trusted.get(other.key)
        holds = entry.id in (c.entry.id if c.entry else None, theirs.id if theirs else None)
        if holds or complies(other.display, entry, naming, services.company):
            number = (await member_numbers.numbers(group, members)).get(other.key, 0)
            raise UserFacingError(
                "error-rename-taken", name=entry.name, holder=other.display, number=number
            )
