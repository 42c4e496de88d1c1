"""The one member a command is about, named exactly or not at all.

An admin names a member (the first argument, or a mention anywhere) by
- `@display name`, exactly as shown (bot.commands.mentions; Telegram marks mentions itself);
- `#3`, the number `/roster` shows (bot.services.member_numbers: stable, never reused);
- `备注:王建国` / `remark:王建国`, the operator account's remark for them (WeChat);
- `id:123456`, the account id the platform vouches for (Telegram user id, WeChat ID);
- or by replying to one of their messages (where the platform says which, Telegram).
Whatever cannot name one member for certain is refused with a `command_error` that lists the
candidates with their numbers, so the admin can say `#n` instead. A command never acts on a
member other than the one typed.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence

from bot.commands.context import CommandContext
from bot.commands.mentions import parse_mentions
from bot.core.errors import UserFacingError
from bot.core.events import MessageEvent
from bot.core.group import GroupRuntime
from bot.core.members import MemberView
from bot.services import member_numbers

_NUMBER = re.compile(r"#(\d{1,9})")
_REMARK = ("备注", "remark")
_ACCOUNT = ("id", "微信号", "wxid", "uid")


async def target(ctx: CommandContext) -> tuple[MemberView, str]:
    """The one member the command is about, and the text after the way it was named."""
    usage = ctx.services.translate(ctx.spec.help_key)
    first, after = _first_word(ctx.args)
    selected = await _selector(ctx, first, after)
    if selected is not None:
        candidates, rest = selected
        if parse_mentions(rest, await ctx.members()).resolved:
            raise UserFacingError("error-one-target", usage=usage)
        return await _one(ctx, first, candidates), rest
    event = ctx.event
    if isinstance(event, MessageEvent) and event.mentions is not None:
        found = [[m.member] for m in event.mentions if m.member is not None]
        rest = _without_spans(event)
        unresolved = [
            event.text[m.start : m.end].lstrip("@") for m in event.mentions if m.member is None
        ]
        lookalikes = []
    else:
        parsed = parse_mentions(ctx.args, await ctx.members())
        found, rest, unresolved = parsed.resolved, parsed.rest, parsed.unresolved
        lookalikes = parsed.lookalikes
    replied = event.reply_to if isinstance(event, MessageEvent) else None
    if replied is not None and not (found or unresolved or lookalikes):
        return replied, rest
    if lookalikes:
        alike = lookalikes[0]
        raise await _refusal(ctx, "target-error-lookalike", alike.typed, alike.members)
    if unresolved:
        raise UserFacingError("error-unknown-member", name=unresolved[0], usage=usage)
    if not found:
        raise UserFacingError("error-no-target", usage=usage)
    if len(found) > 1:
        raise UserFacingError("error-one-target", usage=usage)
    return await _one(ctx, found[0][0].display, found[0]), rest


def _first_word(args: str) -> tuple[str, str]:
    parts = args.strip().split(maxsplit=1)
    return (parts[0], parts[1] if len(parts) > 1 else "") if parts else ("", "")


async def _selector(
    ctx: CommandContext, first: str, after: str
) -> tuple[list[MemberView], str] | None:
    """`#n`, `备注:x` or `id:x` as the first argument: the members it names and the rest;
    None if the first argument is none of these."""
    word = unicodedata.normalize("NFKC", first)  # the selector's own syntax, never a name
    if number := _NUMBER.fullmatch(word):
        members = await ctx.members()
        await member_numbers.numbers(_group(ctx), members)  # members never listed get theirs
        key = await member_numbers.key_of(_group(ctx), int(number.group(1)))
        found = [m for m in members if key is not None and m.key == key and not m.is_self]
        if not found:
            raise UserFacingError("target-error-number", number=number.group(1))
        return found, after
    prefix, colon, _ = word.partition(":")
    if not colon or prefix.casefold() not in (*_REMARK, *_ACCOUNT):
        return None
    by_remark = prefix.casefold() in _REMARK
    raw = ctx.args.strip()
    value_text = raw[min(i for i in (raw.find(":"), raw.find("：")) if i >= 0) + 1 :].lstrip()
    members = [m for m in await ctx.members() if not m.is_self]
    for value in sorted(_values(members, by_remark), key=len, reverse=True):
        end = len(value)
        if value_text.startswith(value) and (end == len(value_text) or value_text[end].isspace()):
            found = [m for m in members if value in _values([m], by_remark)]
            return found, " ".join(value_text[end:].split())
    key = "target-error-remark" if by_remark else "target-error-account"
    raise UserFacingError(key, name=(value_text.split(maxsplit=1) or [""])[0])


def _values(members: Sequence[MemberView], by_remark: bool) -> set[str]:
    """What `备注:` (the operator's remark) or `id:` (an id the platform vouches for: the
    account, or the identity where that is one, as Telegram's user id) can match."""
    out: set[str] = set()
    for m in members:
        out.update(v for v in ((m.identity,) if by_remark else (m.account, m.identity)) if v)
    return out


async def _one(ctx: CommandContext, typed: str, candidates: Sequence[MemberView]) -> MemberView:
    if len(candidates) == 1:
        return candidates[0]
    if len({m.key for m in candidates}) == 1:
        # The bot cannot tell them apart at all (one name, no remark, no id): no way to name one.
        raise UserFacingError("error-ambiguous-member", name=typed)
    raise await _refusal(ctx, "target-error-ambiguous", typed, candidates)


async def _refusal(
    ctx: CommandContext, key: str, typed: str, candidates: Sequence[MemberView]
) -> UserFacingError:
    """Refuse a name that fits several members (or only looks like theirs), listing them by
    number so the admin can name one."""
    members = await ctx.members()
    numbers = await member_numbers.numbers(_group(ctx), members)
    t = ctx.services.translate
    listed = sorted((m for m in candidates if not m.is_self), key=lambda m: numbers.get(m.key, 0))
    if not listed:
        return UserFacingError("error-target-bot")  # only the bot's own name looks like it
    lines = list(  # two members the bot cannot tell apart share one number: listed once
        dict.fromkeys(
            t(
                "target-candidate-trusted" if m.identity or m.account else "target-candidate",
                number=numbers.get(m.key, 0),
                member=m.display,
            )
            for m in listed
        )
    )
    return UserFacingError(
        key,
        name=typed,
        candidates=ctx.services.notify.join(lines),
        command=ctx.spec.name,
        number=numbers.get(listed[0].key, 0),
    )


def _group(ctx: CommandContext) -> GroupRuntime:
    assert ctx.group is not None
    return ctx.group


def _without_spans(event: MessageEvent) -> str:
    """The arguments with platform-resolved mention spans cut out of the message text."""
    text = event.text
    for mention in sorted(event.mentions or (), key=lambda m: m.start, reverse=True):
        text = text[: mention.start] + " " + text[mention.end :]
    body = text.strip().split(maxsplit=1)
    return " ".join(body[1].split()) if len(body) > 1 else ""
