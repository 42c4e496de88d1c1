"""Writing the action log: each action's record, from pending to its outcome.

An idempotency key makes an action happen at most once. `begin` gives back the outcome of an
action already logged under its key (done, dry run or refused), checks one left pending by a
crash with the platform (bot.services.pending), and otherwise logs the action as pending.
`finish` stores the outcome together with its audit-trail entry (bot.services.audit_trail),
in one transaction.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from loguru import logger
from tortoise.transactions import in_transaction

from bot.core.actions import ACTION_NAMES, Action, Outcome
from bot.core.causes import flush, next_action_key
from bot.core.clock import Clock
from bot.core.ports import Platform
from bot.core.vocabulary import ActionName
from bot.services import journal, journal_trip
from bot.services.action_log import TOOK_EFFECT, report_fields
from bot.services.audit_trail import AuditTrail
from bot.services.groups import GroupDirectory
from bot.services.pending import took_effect
from bot.storage.models import ActionRecord


def pending_record(
    at: datetime, action: Action, payload: dict[str, Any], key: str | None
) -> ActionRecord:
    """The record of an action about to reach the platform (not saved yet)."""
    return ActionRecord(
        at=at,
        group_code=getattr(action, "group", None),
        action=payload["action"],
        kind=payload.get("kind"),
        payload=payload,
        outcome="pending",
        idempotency_key=key,
    )


@dataclass
class Started:
    """An action logged as pending: to be executed (unless a dry run), then finished."""

    action: Action
    record: ActionRecord
    payload: dict[str, Any]
    dry: bool

    @property
    def name(self) -> ActionName:
        return ACTION_NAMES[type(self.action)]


class ActionRecorder:
    def __init__(
        self,
        platform: Platform,
        clock: Clock,
        groups: GroupDirectory,
        audit: AuditTrail | None = None,
    ) -> None:
        self.platform = platform
        self.clock = clock
        self.groups = groups
        self.audit = audit

    async def begin(self, action: Action, key: str | None, dry: bool) -> Started | Outcome:
        """The known outcome of an action already logged under its key; else log it pending.

        `key` None: the next key of the current cause (see `bot.core.causes`)."""
        own_key = key is None
        if own_key:
            key = next_action_key()
        payload = report_fields(action, self.groups)
        if dry:
            payload["dry_run"] = True
        record = None
        if own_key and key is not None:  # a fresh cause's first action: journaled with it
            fresh = pending_record(self.clock.now(), action, payload, key)
            if await journal_trip.touch_with(fresh):
                return Started(action, fresh, payload, dry)
        if key is not None:
            await journal.touch()
            # A cause journaled by this very run has logged nothing under its keys before.
            if not (own_key and journal.fresh()):
                record = await ActionRecord.get_or_none(idempotency_key=key)
            if record is not None:
                settled = await self._known(action, record, payload)
                if settled is not None:
                    return settled
        if record is None:
            record = pending_record(self.clock.now(), action, payload, key)
            await record.save()
        return Started(action, record, payload, dry)

    async def _known(
        self, action: Action, record: ActionRecord, payload: dict[str, Any]
    ) -> Outcome | None:
        """The outcome of an action logged before under its key; None: do it (again)."""
        if record.outcome in TOOK_EFFECT:
            return Outcome.done(repeated=True)
        if record.outcome != "pending":
            return Outcome.refused(record.detail or "refused", "repeated")
        # The bot died between recording the intent and the outcome: ask the platform.
        if await took_effect(self.platform, action, record, payload):
            await self._record(record, "done", "", payload)
            return Outcome.done(repeated=True)
        return None

    async def finish(self, started: Started, outcome: Outcome) -> None:
        """Store what came of a started action (a dry run is logged as `dry_run`)."""
        result = "dry_run" if started.dry else ("done" if outcome.ok else "refused")
        await self._record(started.record, result, outcome.reason or "", started.payload)
        log_refused([started], [outcome])

    async def _record(
        self, record: ActionRecord, outcome: str, detail: str, payload: dict[str, Any]
    ) -> None:
        """Store the outcome and its audit-trail entry together (one transaction)."""
        await flush()  # outcomes waiting for the cause's end go first (bot.core.causes.flush)
        record.outcome, record.detail = outcome, detail
        async with in_transaction() as conn:
            await record.save(update_fields=["outcome", "detail"], using_db=conn)
            if self.audit is not None:
                await self.audit.append(
                    "action",
                    {**payload, "outcome": outcome, "detail": detail},
                    group=record.group_code,
                    key=record.idempotency_key,
                    using=conn,
                    check_key=False,
                )
        if self.audit is not None:
            await self.audit.settled()


def log_refused(started: Sequence[Started], outcomes: Sequence[Outcome]) -> None:
    """Log each started action that did not take effect."""
    for s, outcome in zip(started, outcomes, strict=True):
        if not outcome.ok:
            logger.warning(
                "{action} in {group} did not take effect: {reason}",
                action=s.name,
                group=s.payload.get("group"),
                reason=outcome.reason,
            )
