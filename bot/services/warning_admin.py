"""The warnings ledger as HR sees it (the web console): every warning of the governed groups,
live, expired or revoked, with its evidence; and revoking one by id, recorded in the audit
trail with whoever revoked it, in the same transaction."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Literal

from tortoise.transactions import in_transaction

from bot.core.causes import flush
from bot.core.clock import Clock
from bot.core.group import GroupRuntime
from bot.services.audit_trail import AuditTrail
from bot.storage.models import Warning

WarningState = Literal["live", "expired", "revoked"]
WARNING_STATES: tuple[WarningState, ...] = ("live", "expired", "revoked")
LISTED = 500  # warnings shown per state, newest first


@dataclass(frozen=True)
class WarningRow:
    warning: Warning
    group: GroupRuntime
    state: WarningState


def state_of(warning: Warning, group: GroupRuntime, now: datetime) -> WarningState:
    """Revoked; else live while younger than the group's `warnings.expire`; else expired.
    (A dry-run warning is shown as it is, flagged; it never counts once enforcing.)"""
    if warning.revoked_at is not None:
        return "revoked"
    return "live" if warning.created_at > now - group.policy.warnings.expire else "expired"


async def listed(
    groups: Sequence[GroupRuntime], now: datetime, state: WarningState
) -> list[WarningRow]:
    """The warnings of `groups` (their db ids set) in `state`, newest first."""
    by_id = {g.db_id: g for g in groups if g.db_id}
    query = Warning.filter(group_id__in=list(by_id)).order_by("-created_at", "-id")
    query = query.filter(revoked_at__isnull=state != "revoked")
    out = []
    async for warning in query:
        group = by_id[warning.group_id]
        if state_of(warning, group, now) == state:
            out.append(WarningRow(warning, group, state))
            if len(out) >= LISTED:
                break
    return out


async def revoke(
    warning_id: int, groups: Sequence[GroupRuntime], *, clock: Clock, trail: AuditTrail, actor: str
) -> Warning | None:
    """Revoke one warning of `groups` and record it in the audit trail, both or neither;
    None if there is no such warning or it was revoked already."""
    by_id = {g.db_id: g for g in groups if g.db_id}
    now = clock.now()
    await flush()  # outcomes waiting for the cause's end go first (bot.core.causes.flush)
    async with in_transaction() as conn:
        # One conditional update: of two revocations at once, only one changes the row.
        changed = (
            await Warning.filter(id=warning_id, revoked_at__isnull=True, group_id__in=list(by_id))
            .using_db(conn)
            .update(revoked_at=now, revoked_by=actor)
        )
        if not changed:
            return None
        warning = await Warning.filter(id=warning_id).using_db(conn).get()
        data = {
            "warning": warning.id,
            "member": warning.display,
            "rule": warning.rule,
            "reason": warning.reason,
            "issued_at": warning.created_at.isoformat(),
        }
        group = by_id[warning.group_id]
        await trail.append("warning_revoked", data, actor=actor, group=group.code, using=conn)
    return warning
