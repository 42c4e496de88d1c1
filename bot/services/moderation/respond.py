"""What the bot does about a message that fired a content rule, per the rule's response.

- remind: a `rule_reminder` mentioning the member, at most once per member and rule per
  `remind.cooldown`.
- warn: a warning in the ledger (rule, evidence excerpt, time), the count against the limit in
  public, and `warnings.action` at the limit (the enforcer's ladder).
- remove: removal at once, with the rule as the public reason.
- mute (extension): restrict the member for `content.mute_for` and say so, where the platform
  can (Capability.MUTE); elsewhere, and where the mute does not take effect, a warning.

Where the platform can delete messages and `content.delete_offending` is on, the message that
fired a warn, remove or mute response is deleted first.
"""

from __future__ import annotations

import re
from typing import Any

from bot.core.actions import DeleteMessage, Mute
from bot.core.capabilities import Capability
from bot.core.content_policy import Response
from bot.core.events import MessageEvent
from bot.core.group import GroupRuntime
from bot.core.vocabulary import ContentRule
from bot.services import counter_keys
from bot.services.container import Services
from bot.services.moderation.charge import charge_warning
from bot.services.moderation.check import Verdict

PUNITIVE = ("warn", "remove", "mute")
_SURROGATE = re.compile("[\ud800-\udfff]")


def evidence(verdict: Verdict, event: MessageEvent) -> str:
    """What the warning ledger keeps: the matched keyword, then the start of the message.

    Characters no database can store (lone surrogates, from a platform that split an emoji)
    become U+FFFD, so the warning is kept rather than lost."""
    body = event.text if event.text.strip() else f"[{event.kind}]"
    body = _SURROGATE.sub("\ufffd", body)
    return f"[{verdict.keyword}] {body}" if verdict.keyword else body


class Responder:
    def __init__(self, services: Services) -> None:
        self.services = services

    def response(self, group: GroupRuntime, rule: ContentRule) -> Response:
        """The policy's response, degraded where the platform lacks the capability."""
        response = group.policy.response(rule)
        if response == "mute" and not self._can(group, Capability.MUTE):
            return "warn"
        return response

    async def respond(self, group: GroupRuntime, event: MessageEvent, verdict: Verdict) -> None:
        """Apply the policy's response to the rule the message fired."""
        response = self.response(group, verdict.rule)
        if response in PUNITIVE:
            await self._delete(group, event)
        match response:
            case "remind":
                await self.remind(group, event, verdict.rule)
            case "warn":
                await self.warn(group, event, verdict)
            case "remove":
                present = await self.services.members.read(group)
                await self.services.enforcer.remove(group, [(event.sender, verdict.rule)], present)
            case "mute":
                if not await self.mute(group, event, verdict.rule):
                    await self.warn(group, event, verdict)

    async def remind(self, group: GroupRuntime, event: MessageEvent, rule: ContentRule) -> None:
        """A rule reminder mentioning the member, unless reminded of it within the cooldown."""
        member = event.sender
        key = counter_keys.reminder(group.code, rule, member)
        cooldown = group.policy.remind.cooldown
        if not await self.services.counters.claim(key, cooldown, self.services.clock.now()):
            return  # reminded of this rule recently
        await self.services.notify.send(
            group.code,
            "rule_reminder",
            f"moderation-remind-{rule}",
            mentions=[member.display],
            rule=rule,
            members=[member.display],
            **self._args(group, event),
        )

    async def warn(self, group: GroupRuntime, event: MessageEvent, verdict: Verdict) -> None:
        """A warning charged to the sender (bot.services.moderation.charge)."""
        await charge_warning(self.services, group, event, verdict, evidence(verdict, event))

    async def mute(self, group: GroupRuntime, event: MessageEvent, rule: ContentRule) -> bool:
        """Restrict the member and say so; False if the platform did not do it."""
        member = event.sender
        seconds = int(group.policy.content.mute_for.total_seconds())
        outcome = await self.services.actuator.perform(Mute(group.code, member, seconds, rule))
        if not outcome.ok:
            return False
        await self.services.notify.send(
            group.code,
            "mute_notice",
            "moderation-muted",
            mentions=[member.display],
            rule=rule,
            members=[member.display],
            minutes=max(1, seconds // 60),
            reason=self.services.translate(f"reason-{rule}"),
            **self._args(group, event),
        )
        return True

    async def _delete(self, group: GroupRuntime, event: MessageEvent) -> None:
        if not group.policy.content.delete_offending or event.key is None:
            return
        if self._can(group, Capability.DELETE_MESSAGE):
            await self.services.actuator.perform(
                DeleteMessage(group.code, event.key, event.sender)
            )

    def _can(self, group: GroupRuntime, capability: Capability) -> bool:
        return capability in self.services.platform.capabilities(group.code)

    @staticmethod
    def _args(group: GroupRuntime, event: MessageEvent) -> dict[str, Any]:
        """Everything a reminder may say: the limits of the rule the member broke."""
        content = group.policy.content
        window = content.quiet_hours
        return {
            "member": event.sender.display,
            "length": len(event.text),
            "limit": content.max_length,
            "window": str(window) if window else "",
            "messages": content.flood.messages,
            "seconds": content.flood.seconds,
        }
