"""The actuator: every action goes through here, into the action log and to the platform.

Dry-run groups (`enforcement: dry_run`) never reach the platform; their actions are logged
as `dry_run` and reported all the same. Each action is logged before it is executed and its
outcome after (bot.services.action_record: idempotency keys, the audit trail); a platform
that fails is logged and refused, never allowed to take the bot down.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from loguru import logger

from bot.core.actions import Action, Outcome
from bot.core.clock import Clock
from bot.core.ports import Platform
from bot.core.vocabulary import COMMAND_ANSWERS
from bot.services.action_batch import begin_all, finish_all, wait, wait_all
from bot.services.action_record import ActionRecorder, Started
from bot.services.audit_trail import AuditTrail
from bot.services.cause_outcomes import defer
from bot.services.groups import GroupDirectory


class Actuator:
    def __init__(
        self,
        platform: Platform,
        clock: Clock,
        groups: GroupDirectory,
        audit: AuditTrail | None = None,
    ) -> None:
        self.platform = platform
        self.groups = groups
        self.recorder = ActionRecorder(platform, clock, groups, audit)

    def dry_run(self, action: Action) -> bool:
        code = getattr(action, "group", None)
        group = self.groups.get(code) if code else None
        if group is None or not group.policy.dry_run:
            return False
        # An answer to an admin's own command goes out (privately, or in the group where the
        # policy says `dry_run_replies: group`); everything the bot enforces stays dry.
        answer = getattr(action, "kind", None) in COMMAND_ANSWERS
        private = getattr(action, "to", None) is not None
        return not (answer and (private or group.policy.dry_run_replies == "group"))

    async def perform(self, action: Action, *, key: str | None = None) -> Outcome:
        """Log, execute (unless dry-run) and record the outcome of one action.

        `key` defaults to the next key of the current cause (see `bot.core.causes`). An action
        whose key is logged already is not done again: its recorded outcome is returned. One
        left pending (the bot died while doing it) is checked with the platform first.
        """
        started = await self.recorder.begin(action, key, self.dry_run(action))
        if isinstance(started, Outcome):
            return started
        outcome = Outcome.done(dry_run=True) if started.dry else await self._execute(started)
        if not wait(started, outcome) and not defer(self.recorder, started, outcome):
            await self.recorder.finish(started, outcome)
        return outcome

    async def perform_all(
        self, actions: Sequence[Action], *, batched: bool = True
    ) -> list[Outcome]:
        """Several actions, logged together (bot.services.action_batch) and handed to the
        platform together where it can batch them (an optional `execute_many`: one WeChat
        call removes several members), or one by one (`batched` False: each failure its
        own)."""
        batch = getattr(self.platform, "execute_many", None) if batched else None
        if len(actions) < 2:
            return [await self.perform(action) for action in actions]
        dry = [self.dry_run(action) for action in actions]
        together = await begin_all(self.recorder, actions, dry)
        if together is None and batch is None:
            return [await self.perform(action) for action in actions]
        started: list[Started | Outcome] = [*together] if together is not None else []
        for action, d in zip(actions, dry, strict=True) if together is None else ():
            started.append(await self.recorder.begin(action, None, d))
        live = [s for s in started if isinstance(s, Started) and not s.dry]
        results = iter(await self._execute_all(live, batch))
        outcomes: list[Outcome] = [
            s if isinstance(s, Outcome) else Outcome.done(dry_run=True) if s.dry else next(results)
            for s in started
        ]
        if together is not None:
            if not wait_all(together, outcomes):  # within `outcomes_together`: at its end
                await finish_all(self.recorder, together, outcomes)
            return outcomes
        for s, outcome in zip(started, outcomes, strict=True):
            if isinstance(s, Started):
                await self.recorder.finish(s, outcome)
        return outcomes

    async def _execute_all(self, live: list[Started], batch: Any) -> list[Outcome]:
        if batch is None:
            return [await self._execute(s) for s in live]
        try:
            return list(await batch([s.action for s in live]))
        except Exception as exc:  # the platform must not take the bot down with it
            logger.exception("batch of {n} actions failed on the platform", n=len(live))
            return [Outcome.refused("error", str(exc))] * len(live)

    async def _execute(self, started: Started) -> Outcome:
        try:
            return await self.platform.execute(started.action)
        except Exception as exc:  # the platform must not take the bot down with it
            logger.exception("{action} failed on the platform", action=started.name)
            return Outcome.refused("error", str(exc))
