"""/help: the commands this person may use here."""

from __future__ import annotations

from bot.commands.context import CommandContext
from bot.commands.registry import command, registry


@command("help", "帮助", "菜单", admin=False, where=("group", "direct"))
async def help_(ctx: CommandContext) -> None:
    """/help — the commands you may use here."""
    where = "group" if ctx.group is not None else "direct"
    usable = [
        spec for spec in registry if where in spec.where and (not spec.admin or ctx.is_admin)
    ]
    t = ctx.services.translate
    lines = [t(spec.help_key) if t.has(spec.help_key) else spec.doc for spec in usable]
    if ctx.is_admin and where == "group":
        lines.append(t("help-targets"))  # how to name a member (bot.commands.targets)
    key = "help-admin" if ctx.is_admin else "help-member"
    await ctx.reply("command_reply", key, lines="\n".join(lines))
