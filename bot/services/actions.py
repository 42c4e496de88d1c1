"""The actuator: every action goes through here, into the action log and to the platform.

Dry-run groups (`enforcement: dry_run`) never reach the platform; their actions are logged
as `dry_run` and reported all the same. An idempotency key makes an action happen at most
once: a key already logged as done (or dry-run) is not executed again. Every outcome is also
appended to the audit trail (bot.services.audit_trail), in the same transaction.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from loguru import logger
from tortoise.transactions import in_transaction

from bot.core.actions import (
    ACTION_NAMES,
    Action,
    DeleteMessage,
    Direct,
    Mute,
    Outcome,
    Remove,
    Send,
    SendFile,
    SetMemberTag,
)
from bot.core.causes import next_action_key
from bot.core.clock import Clock
from bot.core.ports import Platform
from bot.core.vocabulary import ActionName
from bot.services import journal
from bot.services.audit_trail import AuditTrail
from bot.services.groups import GroupDirectory
from bot.services.pending import took_effect
from bot.storage.models import ActionRecord

TOOK_EFFECT = ("done", "dry_run")


def _payload(action: Action, groups: GroupDirectory) -> dict[str, Any]:
    """The report fields of an action (the spec's `actions` entries, minus seq and at)."""
    out: dict[str, Any] = {}
    group = getattr(action, "group", None)
    if group is not None:
        out["group"] = groups.name_of(group)
    out["action"] = ACTION_NAMES[type(action)]
    match action:
        case Send():
            out |= {"kind": action.kind, "rule": action.rule, "mentions": list(action.mentions)}
            if action.members:
                out["members"] = list(action.members)
            out["text"] = action.text
        case Direct():
            out |= {"to": action.to, "kind": action.kind, "text": action.text}
        case Remove():
            out |= {"member": action.member.display, "reason": action.reason}
            out["text"] = action.text
        case SendFile():
            out |= {"path": str(action.path), "kind": action.kind}
            if action.to:
                out["to"] = action.to
            if action.text:
                out["text"] = action.text
        case DeleteMessage() | Mute() | SetMemberTag():
            out["member"] = action.member.display
            if isinstance(action, Mute):
                out |= {"seconds": action.seconds, "reason": action.reason}
            if isinstance(action, SetMemberTag):
                out["tag"] = action.tag
        case _:
            out["text"] = action.text
    if out.get("rule") is None:
        out.pop("rule", None)
    return out


class Actuator:
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

    def dry_run(self, action: Action) -> bool:
        code = getattr(action, "group", None)
        group = self.groups.get(code) if code else None
        return bool(group and group.policy.dry_run)

    async def perform(self, action: Action, *, key: str | None = None) -> Outcome:
        """Log, execute (unless dry-run) and record the outcome of one action.

        `key` defaults to the next key of the current cause (see `bot.core.causes`). An action
        whose key is logged already is not done again: its recorded outcome is returned. One
        left pending (the bot died while doing it) is checked with the platform first.
        """
        started = await self._begin(action, key)
        if isinstance(started, Outcome):
            return started
        outcome = Outcome.done(dry_run=True) if started.dry else await self._execute(started)
        await self._finish(started, outcome)
        return outcome

    async def perform_all(self, actions: Sequence[Action]) -> list[Outcome]:
        """Several actions, logged in order and handed to the platform together where it can
        batch them (an optional `execute_many`: one WeChat call removes several members)."""
        batch = getattr(self.platform, "execute_many", None)
        if batch is None or len(actions) < 2:
            return [await self.perform(action) for action in actions]
        started = [await self._begin(action, None) for action in actions]
        live = [(i, s) for i, s in enumerate(started) if isinstance(s, _Started) and not s.dry]
        try:
            results = list(await batch([actions[i] for i, _ in live]))
        except Exception as exc:  # the platform must not take the bot down with it
            logger.exception("batch of {n} actions failed on the platform", n=len(live))
            results = [Outcome.refused("error", str(exc))] * len(live)
        outcomes: list[Outcome] = [
            s if isinstance(s, Outcome) else Outcome.done(dry_run=True) for s in started
        ]
        for (i, _), outcome in zip(live, results, strict=True):
            outcomes[i] = outcome
        for s, outcome in zip(started, outcomes, strict=True):
            if isinstance(s, _Started):
                await self._finish(s, outcome)
        return outcomes

    async def _begin(self, action: Action, key: str | None) -> _Started | Outcome:
        """The known outcome of an action already logged under its key; else log it pending."""
        own_key = key is None
        if own_key:
            key = next_action_key()
        payload = _payload(action, self.groups)
        dry = self.dry_run(action)
        if dry:
            payload["dry_run"] = True
        record = None
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
            record = await ActionRecord.create(
                at=self.clock.now(),
                group_code=getattr(action, "group", None),
                action=payload["action"],
                kind=payload.get("kind"),
                payload=payload,
                outcome="pending",
                idempotency_key=key,
            )
        return _Started(action, record, payload, dry)

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

    async def _execute(self, started: _Started) -> Outcome:
        try:
            return await self.platform.execute(started.action)
        except Exception as exc:  # the platform must not take the bot down with it
            logger.exception("{action} failed on the platform", action=started.name)
            return Outcome.refused("error", str(exc))

    async def _finish(self, started: _Started, outcome: Outcome) -> None:
        result = "dry_run" if started.dry else ("done" if outcome.ok else "refused")
        await self._record(started.record, result, outcome.reason or "", started.payload)
        if not outcome.ok:
            logger.warning(
                "{action} in {group} did not take effect: {reason}",
                action=started.name,
                group=started.payload.get("group"),
                reason=outcome.reason,
            )

    async def _record(
        self, record: ActionRecord, outcome: str, detail: str, payload: dict[str, Any]
    ) -> None:
        """Store the outcome and its audit-trail entry together (one transaction)."""
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


@dataclass
class _Started:
    action: Action
    record: ActionRecord
    payload: dict[str, Any]
    dry: bool

    @property
    def name(self) -> ActionName:
        return ACTION_NAMES[type(self.action)]
