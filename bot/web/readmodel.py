"""What the console pages show of the groups: the config file's groups as the bot has run
them (a `chat_group` row per platform), each measured against the roster from the members the
bot last observed (bot.services.offline_members), with live warnings per member."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from bot.core.clock import Clock
from bot.core.config_file import StrictOrgConfig, read_org_config
from bot.core.group import GroupRuntime, group_runtimes
from bot.i18n import Translator
from bot.services import registry
from bot.services.compliance_history import status_counts
from bot.services.container import Services, build_services
from bot.services.groups import GroupDirectory
from bot.services.offline_members import OfflineMembers
from bot.services.snapshot import Snapshot
from bot.storage.counters import MemoryCounters
from bot.storage.models import Group, MemberState


@dataclass
class GroupRow:
    """One governed group on one platform (`db_id` 0: the bot has not run in it yet)."""

    runtime: GroupRuntime
    platform: str | None
    db_id: int

    @property
    def name(self) -> str:
        return self.runtime.name

    @property
    def code(self) -> str:
        """The group's registry code (`1.101`, issue 12), else its config key."""
        return self.runtime.config.registry_code or self.runtime.code


@dataclass
class Measured:
    row: GroupRow
    snapshot: Snapshot
    counts: dict[str, int]
    warnings: dict[str, int]  # live warnings per member key
    last_read: datetime | None


class ReadModel:
    """The groups of the config file, against the database, for one request."""

    def __init__(self, config_path: Path, clock: Clock, translator: Translator) -> None:
        self.config_path = config_path
        self.clock = clock
        self.translator = translator
        self._config: StrictOrgConfig | None = None

    def config(self) -> StrictOrgConfig:
        """The org and groups, read once per request (not the roster: that is the database's)."""
        if self._config is None:
            self._config = read_org_config(self.config_path)
        return self._config

    async def groups(self) -> list[GroupRow]:
        """Every group of the config file, once per platform the bot has run it on."""
        rows = []
        for runtime in registry.ordered(group_runtimes(self.config())):  # by registry code
            stored = await Group.filter(code=runtime.code).order_by("platform")
            if not stored:
                rows.append(GroupRow(runtime, None, 0))
            for group in stored:
                copy = dataclasses.replace(runtime, db_id=group.id)
                rows.append(GroupRow(copy, group.platform, group.id))
        return rows

    async def group(self, db_id: int) -> GroupRow | None:
        return next((r for r in await self.groups() if r.db_id == db_id), None)

    def services(self, row: GroupRow, files_dir: Path) -> Services:
        """The bot's services over the stored member list of one group (read only)."""
        return build_services(
            org=self.config().org,
            clock=self.clock,
            translator=self.translator,
            platform=OfflineMembers({row.code: row.db_id}),
            groups=GroupDirectory("stored", [row.runtime]),
            counters=MemoryCounters(),
            files_dir=files_dir,
        )

    async def measure(self, row: GroupRow, files_dir: Path) -> Measured | None:
        """The group measured now from its stored members; None if the bot never ran it."""
        if not row.db_id:
            return None
        services = self.services(row, files_dir)
        snap = await services.snapshots.take(row.runtime)
        pairs = [(c.member, c.entry.id if c.entry else None) for c in snap.results]
        warnings = await services.warnings.counts(row.runtime, pairs)
        last = await MemberState.filter(group_id=row.db_id).order_by("-last_seen").first()
        return Measured(row, snap, status_counts(snap), warnings, last.last_seen if last else None)
