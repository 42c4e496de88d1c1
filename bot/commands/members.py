"""/members: every member of the group with the number commands take (`/kick #3`).

`/members 王建国` lists only the members whose names look like the text (compared
normalised: full-width forms, circled digits, zero-width characters and dashes aside), so
look-alikes show up side by side with the numbers that tell them apart.
"""

from __future__ import annotations

from bot.commands.context import CommandContext
from bot.commands.registry import command
from bot.core.textnorm import normalise
from bot.services import member_numbers

# One chat message stays readable; the rest is counted, and a filter narrows the list.
MAX_LISTED = 100


@command("members", "成员", "编号")
async def members(ctx: CommandContext) -> None:
    """/members [name] — the members with their numbers (for /kick #n and the like)."""
    assert ctx.group is not None
    present = [m for m in await ctx.members() if not m.is_self]
    numbers = await member_numbers.numbers(ctx.group, present)
    wanted = normalise(ctx.args)
    shown = sorted(
        (m for m in present if not wanted or wanted in normalise(m.display)),
        key=lambda m: numbers[m.key],
    )
    t = ctx.services.translate
    lines = [
        t(
            "target-candidate-trusted" if m.identity or m.account else "target-candidate",
            number=numbers[m.key],
            member=m.display,
        )
        for m in shown[:MAX_LISTED]
    ]
    if len(shown) > MAX_LISTED:
        lines.append(t("members-more", count=len(shown) - MAX_LISTED))
    if not lines:
        await ctx.reply("command_reply", "members-none", name=ctx.args.strip())
        return
    await ctx.reply("command_reply", "members-list", count=len(shown), lines="\n".join(lines))
