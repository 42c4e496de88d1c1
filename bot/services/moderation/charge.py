"""Charges follow the sender (spec "Identity: who a member is").

A warning counts against the member who offended: against the roster entry too only when the
sender holds it, never an entry another member holds (an impostor's offences never reach the
real employee). Where several members show the sender's very name and nothing tells them
apart, no one is charged: the admins are told instead. The group is read for this (who holds
what), and impostors found by that read are alerted.
"""

from __future__ import annotations

from collections.abc import Sequence

from bot.core.events import MessageEvent
from bot.core.group import GroupRuntime
from bot.core.members import MemberView
from bot.services.container import Services
from bot.services.moderation.check import Verdict


async def charge_warning(
    services: Services, group: GroupRuntime, event: MessageEvent, verdict: Verdict, evidence: str
) -> None:
    """Record a warning against the sender of `event`, via the enforcer's ladder."""
    member = event.sender
    snap = await services.snapshots.take(group)  # a member read: who holds what
    c = snap.of(member) or await services.snapshots.in_group(group, member)
    await services.impostors.alert(group, snap.members, snap.having("impostor"))
    if sum(1 for m in snap.members if m.key == member.key) > 1:
        await _unattributed(services, group, snap.members, event, verdict)
        return
    entry = c.entry if c.status != "impostor" else None
    await services.enforcer.warn(
        group,
        member,
        entry.id if entry else None,
        snap.members,
        rule=verdict.rule,
        reason=services.translate(f"reason-{verdict.rule}"),
        evidence=evidence,
    )


async def _unattributed(
    services: Services,
    group: GroupRuntime,
    present: Sequence[MemberView],
    event: MessageEvent,
    verdict: Verdict,
) -> None:
    """Several members show this very name: charge no one, tell the admins."""
    await services.notify.alert_admins(
        group,
        present,
        "impostor_alert",
        "alert-offence-unattributed",
        about=[event.sender.display],
        rule="impostor",
        member=event.sender.display,
        reason=services.translate(f"reason-{verdict.rule}"),
    )
