"""The governed groups of this bot instance, keyed by the platform's group code."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from datetime import datetime

from bot.core.errors import UserFacingError
from bot.core.group import GroupRuntime
from bot.storage.models import Group


class GroupDirectory:
    def __init__(self, platform: str, groups: list[GroupRuntime]) -> None:
        self.platform = platform
        self._groups = {group.code: group for group in groups}
        # This bot instance among those sharing a database: its platform and its groups.
        codes = "\n".join(sorted(self._groups)).encode()
        self.instance = f"{platform}:{hashlib.sha256(codes).hexdigest()[:10]}"

    def __iter__(self) -> Iterator[GroupRuntime]:
        return iter(self._groups.values())

    def __contains__(self, code: object) -> bool:
        return code in self._groups

    def get(self, code: str) -> GroupRuntime | None:
        return self._groups.get(code)

    def __getitem__(self, code: str) -> GroupRuntime:
        group = self._groups.get(code)
        if group is None:
            raise UserFacingError("error-unknown-group", group=code)
        return group

    def name_of(self, code: str | None) -> str | None:
        group = self._groups.get(code) if code else None
        return group.name if group else code

    async def sync(self, now: datetime) -> None:
        """Record each group in the database (config snapshot) and remember its row id."""
        for group in self._groups.values():
            config = group.config.model_dump(mode="json")
            row, created = await Group.get_or_create(
                platform=self.platform,
                code=group.code,
                defaults={"name": group.name, "config": config, "created_at": now},
            )
            if not created and (row.name != group.name or row.config != config):
                row.name, row.config = group.name, config
                await row.save(update_fields=["name", "config"])
            group.db_id = row.id
