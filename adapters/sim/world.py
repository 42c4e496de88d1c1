"""A deterministic, in-memory WeChat as the bot sees it through UI automation.

- Members show a display name; the operator account may hold a private remark for them.
- Joins are visible; renames and leaves are silent (seen only on the next member read).
- Only an owner or admin bot can remove; the owner cannot be removed; at most 500 members.
- Two members may show the same display name.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from bot.core.members import MemberView, Role

MAX_MEMBERS = 500
BOT_ID = "\x00bot"


class WorldError(ValueError):
    """Something the platform itself would not allow (a join to a full group…)."""


@dataclass(slots=True)
class SimMember:
    id: str
    display: str
    remark: str | None = None
    role: Role = "member"
    is_bot: bool = False
    account: str | None = None  # the WeChat ID (微信号), where the library can read it
    # The last view handed out: views are immutable, so every read while the member is
    # unchanged shares one (a 500-member group read daily is not 500 new objects a day).
    _view: MemberView | None = field(default=None, init=False, repr=False, compare=False)

    def view(self) -> MemberView:
        shown = self._view
        if (
            shown is None
            or shown.display is not self.display
            or shown.identity is not self.remark
            or shown.role is not self.role
            or shown.is_self is not self.is_bot
            or shown.account is not self.account
        ):
            shown = self._view = MemberView(
                self.display, self.remark, self.role, is_self=self.is_bot, account=self.account
            )
        return shown


@dataclass
class SimGroup:
    name: str
    bot_role: Role
    # By hidden id, in the order they joined (what the member list shows).
    members: dict[str, SimMember] = field(default_factory=dict)
    notice: str = ""

    def find(self, member_id: str) -> SimMember | None:
        return self.members.get(member_id)

    def showing(self, display: str) -> list[SimMember]:
        return [m for m in self.members.values() if m.display == display]

    @property
    def bot_can_manage(self) -> bool:
        return self.bot_role in ("owner", "admin")


class World:
    def __init__(self, bot_name: str) -> None:
        self.bot_name = bot_name
        self.groups: dict[str, SimGroup] = {}

    def add_group(self, name: str, bot_role: Role) -> SimGroup:
        group = SimGroup(name, bot_role)
        group.members[BOT_ID] = SimMember(BOT_ID, self.bot_name, role=bot_role, is_bot=True)
        self.groups[name] = group
        return group

    def join(self, group_name: str, member: SimMember) -> None:
        group = self.groups[group_name]
        if group.find(member.id) is not None:
            raise WorldError(f"{member.id!r} is already a member of {group_name!r}")
        if len(group.members) >= MAX_MEMBERS:
            raise WorldError(f"{group_name!r} is full ({MAX_MEMBERS} members)")
        if member.role == "owner" and any(m.role == "owner" for m in group.members.values()):
            raise WorldError(f"{group_name!r} already has an owner")
        group.members[member.id] = member

    def rename(self, group_name: str, member_id: str, to: str) -> None:
        member = self.groups[group_name].find(member_id)
        if member is None:
            raise WorldError(f"{member_id!r} is not a member of {group_name!r}")
        member.display = to

    def leave(self, group_name: str, member_id: str) -> SimMember:
        group = self.groups[group_name]
        member = group.find(member_id)
        if member is None:
            raise WorldError(f"{member_id!r} is not a member of {group_name!r}")
        del group.members[member_id]
        return member
