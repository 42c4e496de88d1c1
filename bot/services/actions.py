"""The actuator: every action goes through here, into the action log and to the platform.

Dry-run groups (`enforcement: dry_run`) never reach the platform; their actions are logged
as `dry_run` and reported all the same. An idempotency key makes an action happen at most
once: a key already logged as done (or dry-run) is not executed again.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from loguru import logger

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
from bot.services.groups import GroupDirectory
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
    def __init__(self, platform: Platform, clock: Clock, groups: GroupDirectory) -> None:
        self.platform = platform
        self.clock = clock
        self.groups = groups

    def dry_run(self, action: Action) -> bool:
        code = getattr(action, "group", None)
        group = self.groups.get(code) if code else None
        return bool(group and group.policy.dry_run)

    async def perform(self, action: Action, *, key: str | None = None) -> Outcome:
        """Log, execute (unless dry-run) and record the outcome of one action.

        `key` defaults to the next key of the current cause (see `bot.core.causes`).
        """
        started = await self._begin(action, key)
        if isinstance(started, Outcome):
            return started
        if started.dry:
            outcome = Outcome.done(dry_run=True)
        else:
            try:
                outcome = await self.platform.execute(action)
            except Exception as exc:  # the platform must not take the bot down with it
                logger.exception("{action} failed on the platform", action=started.name)
                outcome = Outcome.refused("error", str(exc))
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
        """Skip an action already done under its key; else log it as pending."""
        if key is None:
            key = next_action_key()
        if key is not None:
            previous = await ActionRecord.get_or_none(idempotency_key=key)
            if previous is not None and previous.outcome in TOOK_EFFECT:
                return Outcome.done(repeated=True)
        payload = _payload(action, self.groups)
        dry = self.dry_run(action)
        if dry:
            payload["dry_run"] = True
        record = await ActionRecord.create(
            at=self.clock.now(),
            group_code=getattr(action, "group", None),
            action=payload["action"],
            kind=payload.get("kind"),
            payload=payload,
            outcome="pending",
            idempotency_key=key,
        )
        return _Started(record, payload, dry)

    async def _finish(self, started: _Started, outcome: Outcome) -> None:
        record, payload = started.record, started.payload
        record.outcome = "dry_run" if started.dry else ("done" if outcome.ok else "refused")
        record.detail = outcome.reason or ""
        await record.save(update_fields=["outcome", "detail"])
        if not outcome.ok:
            logger.warning(
                "{action} in {group} did not take effect: {reason}",
                action=payload["action"],
                group=payload.get("group"),
                reason=outcome.reason,
            )


@dataclass
class _Started:
    record: ActionRecord
    payload: dict[str, Any]
    dry: bool

    @property
    def name(self) -> str:
        return self.payload["action"]
