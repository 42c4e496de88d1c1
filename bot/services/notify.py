"""Everything the bot says goes through here: message keys in, localised actions out."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from bot.core.actions import Action, Direct, Outcome, Send, SendFile
from bot.core.capabilities import Capability
from bot.core.group import GroupRuntime
from bot.core.members import MemberView
from bot.core.ports import Platform
from bot.core.vocabulary import Reason, SendKind
from bot.i18n import Translator
from bot.services.actions import Actuator


def _unique(names: Iterable[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(names))


class Notifier:
    def __init__(self, actuator: Actuator, translate: Translator, platform: Platform) -> None:
        self.actuator = actuator
        self.translate = translate
        self.platform = platform

    def join(self, items: Iterable[str]) -> str:
        """A localised list: `甲、乙` in Chinese, `a, b` in English."""
        return self.translate("list-separator").join(items)

    def sending(
        self,
        group: str,
        kind: SendKind,
        key: str,
        /,
        *,
        mentions: Sequence[str] = (),
        rule: Reason | None = None,
        members: Sequence[str] = (),
        **args: Any,
    ) -> Send:
        """The message `send` sends (not performed)."""
        if Capability.MENTION not in self.platform.capabilities(group):
            mentions = ()
        return Send(
            group, self.translate(key, **args), kind, _unique(mentions), rule, tuple(members)
        )

    async def send(
        self, group: str, kind: SendKind, key: str, /, *, idem: str | None = None, **args: Any
    ) -> Outcome:
        return await self.actuator.perform(self.sending(group, kind, key, **args), key=idem)

    def directing(
        self, to: str, kind: SendKind, key: str, /, *, about_group: str | None = None, **args: Any
    ) -> Direct:
        """The private message `direct` sends (not performed)."""
        return Direct(to, self.translate(key, **args), kind, about_group)

    async def direct(
        self, to: str, kind: SendKind, key: str, /, *, about_group: str | None = None, **args: Any
    ) -> Outcome:
        return await self.actuator.perform(
            self.directing(to, kind, key, about_group=about_group, **args)
        )

    async def file(
        self, path: Path, kind: SendKind, *, group: str | None = None, to: str | None = None
    ) -> Outcome:
        return await self.actuator.perform(SendFile(path, kind, group=group, to=to))

    async def alert_admins(
        self,
        group: GroupRuntime,
        present: Sequence[MemberView],
        kind: SendKind,
        key: str,
        /,
        **args: Any,
    ) -> None:
        """Tell a group's admins about `about`, in the group, mentioning both (`alerting`)."""
        for action in self.alerting(group, present, kind, key, **args):
            await self.actuator.perform(action)

    def alerting(
        self,
        group: GroupRuntime,
        present: Sequence[MemberView],
        kind: SendKind,
        key: str,
        /,
        *,
        about: Sequence[str],
        rule: Reason | None = None,
        **args: Any,
    ) -> list[Action]:
        """The messages telling a group's admins about `about` (not performed): one in the
        group, mentioning both.

        Admins are found among the members present by their trusted identity. If none of them
        is in the group, the org-wide admins also get the alert privately.
        """
        trusted = group.admins  # a property building a set: once, not per member
        admins = [m.display for m in present if m.identity in trusted and not m.is_self]
        args.setdefault("group", group.name)
        out: list[Action] = [
            self.sending(
                group.code, kind, key, mentions=[*about, *admins], rule=rule, members=about, **args
            )
        ]
        if not admins:
            for admin in sorted(group.org_admins):
                out.append(self.directing(admin, kind, key, about_group=group.code, **args))
        return out
