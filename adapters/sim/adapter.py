"""The simulator as a platform: capabilities per group, member reads, actions with effect."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from adapters.sim.world import SimMember, World, WorldError
from bot.core.actions import Action, Direct, Invite, Notice, Outcome, Remove, Send, SendFile
from bot.core.capabilities import Capability
from bot.core.clock import Clock
from bot.core.members import MemberView

_ALWAYS = frozenset(
    {
        Capability.SEND,
        Capability.MENTION,
        Capability.DIRECT,
        Capability.SEND_FILE,
        Capability.LIST_MEMBERS,
    }
)
_MANAGER = _ALWAYS | {Capability.REMOVE, Capability.SET_NOTICE, Capability.INVITE}


@dataclass
class Delivered:
    """One action that took effect in the simulated world, and when (by the sim's clock)."""

    action: Action
    at: datetime | None = None


class SimAdapter:
    name = "sim"

    def __init__(self, world: World, clock: Clock | None = None) -> None:
        self.world = world
        self.clock = clock
        self.delivered: list[Delivered] = []

    def capabilities(self, group: str) -> frozenset[Capability]:
        sim_group = self.world.groups.get(group)
        if sim_group is None:
            return frozenset()
        return _MANAGER if sim_group.bot_can_manage else _ALWAYS

    async def read_members(self, group: str) -> list[MemberView]:
        return [member.view() for member in self.world.groups[group].members.values()]

    async def execute(self, action: Action) -> Outcome:
        outcome = self._apply(action)
        if outcome.ok:
            self.delivered.append(Delivered(action, self.clock.now() if self.clock else None))
        return outcome

    async def effects_since(self, action: Action, since: datetime) -> int | None:
        """What a person looking at the chat would see (restart safety, `Verifying`): how
        many such messages the bot posted since `since`; for a removal, whether the member
        is gone."""
        group = self.world.groups.get(getattr(action, "group", None) or "")
        match action:
            case Remove() if group is not None:
                still = _targets(group.showing(action.member.display), action.member)
                return 0 if still else 1
            case Notice() if group is not None:
                return int(group.notice == action.text)
            case Invite() if group is not None:
                return int(group.find(_invitee(action)) is not None)
        if self.clock is None:
            return None  # deliveries carry no time: cannot tell
        return sum(1 for d in self.delivered if d.action == action and d.at and d.at >= since)

    def _apply(self, action: Action) -> Outcome:
        match action:
            case Send() | Notice():
                group = self.world.groups.get(action.group)
                if group is None:
                    return Outcome.refused("no_such_group")
                if isinstance(action, Notice):
                    if not group.bot_can_manage:
                        return Outcome.refused("no_rights")
                    group.notice = action.text
                return Outcome.done()
            case Direct():
                return Outcome.done()
            case SendFile():
                return Outcome.done() if action.path.exists() else Outcome.refused("no_file")
            case Remove():
                return self._remove(action)
            case Invite():
                return self._invite(action)
            case _:
                return Outcome.refused("unsupported")

    def _invite(self, action: Invite) -> Outcome:
        """The operator's contact joins, showing their name (WeChat: the nickname they chose;
        here the employee's name), with the operator's remark for them."""
        group = self.world.groups.get(action.group)
        if group is None:
            return Outcome.refused("no_such_group")
        if not group.bot_can_manage:
            return Outcome.refused("no_rights")
        try:
            self.world.join(action.group, SimMember(_invitee(action), action.name, action.contact))
        except WorldError as exc:
            return Outcome.refused("refused", str(exc))
        return Outcome.done()

    def _remove(self, action: Remove) -> Outcome:
        group = self.world.groups.get(action.group)
        if group is None:
            return Outcome.refused("no_such_group")
        if not group.bot_can_manage:
            return Outcome.refused("no_rights")
        matches = _targets(group.showing(action.member.display), action.member)
        if not matches:
            return Outcome.refused("member_gone")
        if len(matches) > 1:
            return Outcome.refused("ambiguous")
        target = matches[0]
        if target.is_bot or target.role == "owner":
            return Outcome.refused("protected")
        if target.role == "admin" and group.bot_role != "owner":
            return Outcome.refused("no_rights")  # only the owner removes an admin
        del group.members[target.id]
        return Outcome.done()


def _invitee(action: Invite) -> str:
    """The hidden id of a member the bot invited."""
    return f"invited:{action.contact}"


def _targets(showing: list[SimMember], member: MemberView) -> list[SimMember]:
    """The members a removal may mean: those showing the name, narrowed by what identifies
    the member (the remark, else the WeChat ID) where the bot had it."""
    if member.identity is not None:
        return [m for m in showing if m.remark == member.identity]
    if member.account is not None:
        return [m for m in showing if m.account == member.account]
    return showing
