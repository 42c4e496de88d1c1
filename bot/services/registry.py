"""The group registry at audit time: a group whose name does not follow its template is
reported to its owner, and a group that requires every active in-scope employee invites
the missing where the platform can and asks the admins to do it by hand where it cannot
(the same degradation as removals).

`label` and `ordered` give `/roster` and the exports the groups' codes and their order.
"""

from __future__ import annotations

from collections.abc import Iterable

from loguru import logger

from bot.core.actions import Invite
from bot.core.capabilities import Capability
from bot.core.employees import RosterEntry
from bot.core.group import GroupRuntime
from bot.core.registry import code_order, group_name_complies, render_group_name
from bot.services.notify import Notifier
from bot.services.snapshot import Snapshot


def label(group: GroupRuntime) -> str:
    """`1.101 全员群` for a coded group (its name alone where it starts with the code),
    else its name."""
    code = group.config.registry_code
    return f"{code} {group.name}" if code and not group.name.startswith(code) else group.name


def ordered(groups: Iterable[GroupRuntime]) -> list[GroupRuntime]:
    """Coded groups first, by code; the others by name."""
    return sorted(groups, key=lambda g: code_order(g.config.registry_code, g.name))


def expected_name(group: GroupRuntime, company: str | None) -> str | None:
    """The name the group's template asks for, or None without a template."""
    config = group.config
    if config.name_template is None:
        return None
    return render_group_name(
        config.name_template, code=config.registry_code, company=company, purpose=config.purpose
    )


class RegistryService:
    def __init__(self, notify: Notifier, company: str | None) -> None:
        self.notify = notify
        self.company = company

    async def audit(self, group: GroupRuntime, snap: Snapshot) -> None:
        """The registry's part of an audit (daily, `/audit`)."""
        await self.check_name(group, snap)
        if group.config.required and snap.missing and not snap.seen_only:
            await self.complete(group, snap)

    async def check_name(self, group: GroupRuntime, snap: Snapshot) -> bool:
        """Whether the group's name follows its template; if not, tell the owner."""
        expected = expected_name(group, self.company)
        if expected is None or group_name_complies(group.name, expected):
            return True
        args = {"group": group.name, "expected": expected}
        owner = group.config.owner
        if owner is not None:
            await self.notify.direct(
                owner, "group_name_alert", "registry-name-alert", about_group=group.code, **args
            )
        else:
            await self.notify.alert_admins(
                group,
                snap.members,
                "group_name_alert",
                "registry-name-alert",
                about=(),
                rule="group_name",
                **args,
            )
        return False

    async def complete(self, group: GroupRuntime, snap: Snapshot) -> list[RosterEntry]:
        """Invite the missing employees where the platform can; report the rest. Returns
        those still missing (to be invited by hand)."""
        by_hand: list[RosterEntry] = list(snap.missing)
        if Capability.INVITE in self.notify.platform.capabilities(group.code):
            by_hand = []
            for entry in snap.missing:
                outcome = await self.notify.actuator.perform(
                    Invite(group.code, entry.name, entry.name)
                )
                if not outcome.ok:
                    by_hand.append(entry)
        if by_hand:
            logger.info("{n} employees to invite by hand into {g}", n=len(by_hand), g=group.name)
            await self.notify.alert_admins(
                group,
                snap.members,
                "missing_members_alert",
                "registry-missing",
                about=(),
                rule="required",
                names=self.notify.join(f"{e.department}-{e.name}" for e in by_hand),
                count=len(by_hand),
            )
        return by_hand
