"""The simulator as a platform: capabilities per group, member reads, actions with effect."""

from __future__ import annotations

from dataclasses import dataclass

from adapters.sim.world import World
from bot.core.actions import Action, Direct, Notice, Outcome, Remove, Send, SendFile
from bot.core.capabilities import Capability
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
_MANAGER = _ALWAYS | {Capability.REMOVE, Capability.SET_NOTICE}


@dataclass
class Delivered:
    """One action that took effect in the simulated world."""

    action: Action


class SimAdapter:
    name = "sim"

    def __init__(self, world: World) -> None:
        self.world = world
        self.delivered: list[Delivered] = []

    def capabilities(self, group: str) -> frozenset[Capability]:
        sim_group = self.world.groups.get(group)
        if sim_group is None:
            return frozenset()
        return _MANAGER if sim_group.bot_can_manage else _ALWAYS

    async def read_members(self, group: str) -> list[MemberView]:
        return [member.view() for member in self.world.groups[group].members]

    async def execute(self, action: Action) -> Outcome:
        outcome = self._apply(action)
        if outcome.ok:
            self.delivered.append(Delivered(action))
        return outcome

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
            case _:
                return Outcome.refused("unsupported")

    def _remove(self, action: Remove) -> Outcome:
        group = self.world.groups.get(action.group)
        if group is None:
            return Outcome.refused("no_such_group")
        if not group.bot_can_manage:
            return Outcome.refused("no_rights")
        matches = [
            m
            for m in group.showing(action.member.display)
            if action.member.identity is None or m.remark == action.member.identity
        ]
        if not matches:
            return Outcome.refused("member_gone")
        if len(matches) > 1:
            return Outcome.refused("ambiguous")
        target = matches[0]
        if target.is_bot or target.role == "owner":
            return Outcome.refused("protected")
        if target.role == "admin" and group.bot_role != "owner":
            return Outcome.refused("no_rights")  # only the owner removes an admin
        group.members.remove(target)
        return Outcome.done()
