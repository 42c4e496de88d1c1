"""/notice and /notice status: a notice that members must acknowledge within a deadline."""

from __future__ import annotations

import re
from datetime import timedelta

from bot.commands.context import CommandContext
from bot.commands.registry import command
from bot.core.errors import UserFacingError
from bot.core.notice_policy import check_deadline
from bot.core.timeutil import parse_duration

# A leading word made of amounts and units (`30m`, `1h30m`, `0m`, `400d`) is the deadline.
_DURATION_WORD = re.compile(r"(?:\d+[smhdw])+", re.IGNORECASE)
MAX_TEXT = 2000


def parse_notice(
    args: str, default: timedelta, usage: str, raw: str | None = None
) -> tuple[timedelta, str]:
    """`[DURATION] text` → (how long the notice stays open, its text).

    `raw` is the message as typed (`/notice 30m text`): the text is taken from it, so the
    notice keeps its full-width punctuation (command arguments are NFKC-normalised)."""
    words = args.strip().split(maxsplit=1)
    span, skip = default, 1
    if words and _DURATION_WORD.fullmatch(words[0]):
        try:
            span = check_deadline(parse_duration(words[0]))
        except ValueError:
            raise UserFacingError("notice-error-deadline", value=words[0], usage=usage) from None
        words, skip = words[1:], 2
    text = words[0].strip() if words else ""
    slash = min((raw.find(c) for c in "/／" if raw is not None and c in raw), default=-1)
    if text and raw is not None and slash >= 0:
        typed = raw[slash:].split(maxsplit=skip)
        text = typed[skip].strip() if len(typed) > skip else text
    if not text:
        raise UserFacingError("notice-error-empty", usage=usage)
    if len(text) > MAX_TEXT:
        raise UserFacingError("notice-error-long", count=len(text), limit=MAX_TEXT)
    return span, text


@command("notice", "通知")
async def notice(ctx: CommandContext) -> None:
    """/notice [DURATION] text — post a notice members must acknowledge ("收到") in time."""
    assert ctx.group is not None
    usage = ctx.services.translate(ctx.spec.help_key)
    span, text = parse_notice(ctx.args, ctx.group.policy.notice.deadline, usage, ctx.event.text)
    await ctx.services.notices.open(ctx.group, ctx.sender, ctx.who, text, span)


@command("notice status", "通知 状态", "通知状态")
async def notice_status(ctx: CommandContext) -> None:
    """/notice status — for each open notice: acknowledged / expected, and who has not."""
    assert ctx.group is not None
    services, group = ctx.services, ctx.group
    t = services.translate
    lines = []
    for item, acked, waiting in await services.notices.status(group):
        lines.append(
            t(
                "notice-status-line",
                text=item.text if len(item.text) <= 40 else item.text[:39] + "…",
                acked=acked,
                expected=len(item.expected),
                deadline=services.notices.deadline_text(group, item.deadline),
            )
        )
        if waiting:
            names = services.notify.join(r.label for r in waiting)
            lines.append(t("notice-status-waiting", names=names, count=len(waiting)))
    if not lines:
        await ctx.reply("command_reply", "notice-status-none")
        return
    await ctx.reply("command_reply", "notice-status", lines="\n".join(lines))
