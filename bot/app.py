"""The composition root: settings → database → counters → services → engine → schedules."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from loguru import logger

from bot.app_jobs import claim_jobs, schedule
from bot.core.clock import Clock
from bot.core.employees import EmployeeIn, RosterEntry
from bot.core.group import GroupRuntime, group_runtimes
from bot.core.org import OrgConfig
from bot.core.ports import Platform
from bot.core.scheduler import Scheduler
from bot.engine import Engine
from bot.i18n import Translator
from bot.recovery import Recovery
from bot.services.container import Services, build_services
from bot.services.groups import GroupDirectory
from bot.services.moderation import ModerationService
from bot.services.points_ranking import PointsRanking
from bot.services.trail_anchors import anchors_for
from bot.settings import Settings
from bot.storage.counters import Counters, MemoryCounters
from bot.storage.db import Database, redacted
from bot.storage.startup_lock import startup_lock


def make_counters(settings: Settings) -> Counters:
    """Redis when REDIS_URL is set (shared by every instance), else in-process memory."""
    if settings.redis_url:
        from bot.storage.redis_counters import RedisCounters

        return RedisCounters(settings.redis_url, prefix=settings.redis_prefix)
    return MemoryCounters()


class App:
    """One bot instance on one platform. `start()` before handling events, `stop()` after."""

    def __init__(
        self,
        *,
        settings: Settings,
        config: OrgConfig,
        platform: Platform,
        platform_name: str,
        clock: Clock,
        files_dir: Path | None = None,
        counters: Counters | None = None,
    ) -> None:
        self.settings = settings
        self.config = config
        self.clock = clock
        self.db = Database(settings.database_url)
        self.services: Services = build_services(
            org=config.org,
            clock=clock,
            translator=Translator(settings.locale),
            platform=platform,
            groups=GroupDirectory(platform_name, group_runtimes(config)),
            counters=counters or make_counters(settings),
            files_dir=files_dir or settings.data_dir / "exports",
            anchors=anchors_for(settings),
        )
        self.engine = Engine(self.services)
        self.engine.message_handlers.append(ModerationService(self.services).on_message)
        self.engine.message_handlers.append(self.services.notices.on_message)
        self.recovery = Recovery(self.engine, self.services, self.services.scheduler)
        self.services.roster.on_departure(self._sweep)
        self.ranking = PointsRanking(self.services.points, self.services.notify)
        claim_jobs(self.services, settings.job_lease_seconds)

    @property
    def scheduler(self) -> Scheduler:
        return self.services.scheduler

    async def start(self, roster: list[EmployeeIn] | None = None) -> None:
        await self.db.open()
        logger.info("database: {url}", url=redacted(self.db.url))  # which one, always
        now = self.clock.now()
        await self.services.groups.sync(now)
        if roster:
            # Instances started together: one loads the roster into an empty database.
            async with startup_lock(self.db.url, self.db.dialect == "postgres", "roster"):
                loaded = await self.services.roster.load(roster)
            logger.info("roster: {n} employees loaded", n=loaded)
            if not loaded:
                await self._config_roster_drift(roster)
        schedule(self.services, self.config, self._daily_audit, self.ranking, now)
        await self.services.notices.restore()  # open notices keep their deadlines
        # Finish what a crash left half-done, then note the roster's departures as seen.
        resumed = await self.recovery.resume()
        if resumed:
            logger.info("resumed {n} unfinished causes", n=resumed)
        await self.recovery.sweep_departures(baseline=True)
        await self.recovery.watch_roster()

    async def _config_roster_drift(self, roster: list[EmployeeIn]) -> None:
        """The config file's roster is read into an empty database only; say so loudly when it
        was edited since (docs/hr.md), rather than ignore the edit in silence."""
        differ = await self.services.roster.drift(roster)
        if differ:
            shown = ", ".join(differ[:10]) + (" …" if len(differ) > 10 else "")
            logger.warning(
                "the config file's roster differs from the database for {n} employee(s) "
                "({shown}) and is NOT applied: the database's roster is used. The config "
                "roster is read only into an empty database; import the change with "
                "`qunguan roster import FILE` (docs/hr.md)",
                n=len(differ),
                shown=shown,
            )

    async def poll(self) -> None:
        """Every few seconds while running: roster changes made by other processes."""
        await self.recovery.poll()

    async def _daily_audit(self, group: GroupRuntime) -> None:
        logger.info("daily audit of {group}", group=group.name)
        await self.services.membership.leavers(group)
        result = await self.services.member_audit.audit(group)
        await self.services.registry.audit(group, result.snapshot)
        await self.services.points.daily(group, result.snapshot)

    async def _sweep(self, departed: Sequence[RosterEntry]) -> None:
        names = ", ".join(entry.name for entry in departed)
        logger.info("departed: {names}; sweeping every group", names=names)
        await self.recovery.sweep_departures()

    async def stop(self) -> None:
        await self.services.counters.close()
        if self.services.trail.anchors is not None:
            await self.services.trail.anchors.close()
        await self.db.close()
