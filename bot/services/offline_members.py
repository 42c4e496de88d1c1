"""The member lists a bot last observed, as a read-only platform (`qunguan roster export`).

A command-line export runs without the chat platform, so it reads the members from the
database: each group's `member_state` rows still marked present, as the bot's last member
read (the daily audit, `/audit`, `/roster`) or the messages and joins it saw left them. It
can read member lists and nothing else.
"""

from __future__ import annotations

from datetime import datetime

from bot.core.actions import Action, Outcome
from bot.core.capabilities import Capability
from bot.core.group import GroupRuntime
from bot.core.members import MemberView
from bot.storage.models import Group, MemberState


class OfflineMembers:
    name = "stored"

    def __init__(self, group_ids: dict[str, int]) -> None:
        self.group_ids = group_ids  # group code → chat_group row id

    def capabilities(self, group: str) -> frozenset[Capability]:
        return frozenset({Capability.LIST_MEMBERS})

    async def read_members(self, group: str) -> list[MemberView]:
        rows = await MemberState.filter(group_id=self.group_ids[group], present=True).order_by(
            "id"
        )
        return [
            MemberView(row.display, row.identity, handle=row.handle, is_self=row.status == "bot")
            for row in rows
        ]

    async def execute(self, action: Action) -> Outcome:
        return Outcome.refused("read_only")


async def observed_groups(
    groups: list[GroupRuntime], platform: str | None
) -> tuple[list[GroupRuntime], list[str], dict[str, datetime | None]]:
    """The groups a bot has run in (their row ids set), the names of those it has not, and
    when each group's members were last seen."""
    found, missing, seen = [], [], {}
    for group in groups:
        query = Group.filter(code=group.code)
        if platform:
            query = query.filter(platform=platform)
        rows = await query
        if len(rows) != 1:
            missing.append(group.name)
            continue
        group.db_id = rows[0].id
        last = await MemberState.filter(group_id=group.db_id).order_by("-last_seen").first()
        seen[group.code] = last.last_seen if last else None
        found.append(group)
    return found, missing, seen
