"""What a command handler gets (the services, the sender, the arguments, and `reply`), and
what a declared command is (`CommandSpec`: the two refer to each other, so they live here)."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from bot.core.events import DirectEvent, MessageEvent
from bot.core.group import GroupRuntime
from bot.core.members import MemberView
from bot.core.vocabulary import COMMAND_ANSWERS, Reason, SendKind
from bot.services.container import Services

Handler = Callable[["CommandContext"], Awaitable[None]]


@dataclass(frozen=True)
class CommandSpec:
    name: str  # canonical, may be two words: "roster export"
    aliases: tuple[str, ...]
    admin: bool
    where: frozenset[str]  # "group", "direct"
    handler: Handler

    @property
    def doc(self) -> str:
        return (self.handler.__doc__ or "").strip().splitlines()[0]

    @property
    def help_key(self) -> str:
        return "help-" + self.name.replace(" ", "-")


@dataclass
class CommandContext:
    services: Services
    spec: CommandSpec
    args: str
    event: MessageEvent | DirectEvent
    group: GroupRuntime | None = None
    sender: MemberView | None = None
    identity: str | None = None
    _members: list[MemberView] | None = field(default=None, repr=False)

    @property
    def is_admin(self) -> bool:
        """Authority comes only from the trusted identity, never from a display name."""
        if self.identity is None:
            return False
        if self.group is not None:
            return self.identity in self.group.admins
        return self.identity in self.services.org.admins

    @property
    def who(self) -> str:
        return self.identity or (self.sender.display if self.sender else "?")

    async def members(self) -> list[MemberView]:
        """The group's members now (read once per command)."""
        if self._members is None:
            assert self.group is not None
            self._members = await self.services.members.read(self.group)
        return self._members

    async def reply(
        self,
        kind: SendKind,
        key: str,
        /,
        *,
        mentions: tuple[str, ...] | list[str] = (),
        rule: Reason | None = None,
        members: tuple[str, ...] | list[str] = (),
        **args: Any,
    ) -> None:
        await reply(
            self.services,
            self.group,
            self.identity,
            kind,
            key,
            mentions=mentions,
            rule=rule,
            members=members,
            **args,
        )


async def reply(
    services: Services,
    group: GroupRuntime | None,
    identity: str | None,
    kind: SendKind,
    key: str,
    /,
    *,
    mentions: Sequence[str] = (),
    rule: Reason | None = None,
    members: Sequence[str] = (),
    **args: Any,
) -> None:
    """Answer a command where it was typed: in the group, else privately to its sender (and
    privately in a dry-run group whose policy says so: `dry_run_replies: private`)."""
    answer = answer_kind(kind) in COMMAND_ANSWERS  # not a refusal to a non-admin
    if group is not None and answer and privately(group, identity) and identity is not None:
        await services.notify.direct(
            identity, answer_kind(kind), key, about_group=group.code, **args
        )
        return
    if group is not None:
        if group.policy.dry_run:
            kind = answer_kind(kind)
        await services.notify.send(
            group.code, kind, key, mentions=mentions, rule=rule, members=members, **args
        )
    elif identity is not None:
        await services.notify.direct(identity, kind, key, **args)


def privately(group: GroupRuntime | None, identity: str | None) -> bool:
    """A dry-run group answers its admins' commands in private (`dry_run_replies: private`):
    the group sees nothing of the bot while it is tried out, the admin sees the answers."""
    return bool(
        group and group.policy.dry_run and group.policy.dry_run_replies == "private" and identity
    )


def answer_kind(kind: SendKind) -> SendKind:
    """In a dry-run group, the answer to `/audit` is an answer to a command like the others."""
    return "command_reply" if kind == "audit_report" else kind
