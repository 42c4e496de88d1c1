"""What the app schedules: per-group daily audits and points rankings, the org-wide report.

Every instance sharing a database schedules the jobs of its own groups and the org-wide ones;
the job claims (bot.services.job_claims) make each occurrence run once across them: a group
two instances own (a standby) is audited once, the report is written once.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import datetime, timedelta
from functools import partial
from zoneinfo import ZoneInfo

from bot.core.group import GroupRuntime
from bot.core.org import OrgConfig
from bot.services.container import Services
from bot.services.daily_report import DailyReport
from bot.services.job_claims import JobClaims
from bot.services.points_ranking import PointsRanking

REPORT_JOB = "report:daily"  # org-wide: the same name, hence the same claim, everywhere


def group_job(kind: str, platform: str, group: GroupRuntime) -> str:
    """A group's job name, the key of its claim: a group is its platform and code (two
    instances on one platform owning the group share the claim; a Telegram and a WeChat group
    that happen to share a code do not)."""
    return f"{kind}:{platform}:{group.code}"


def claim_jobs(services: Services, lease_seconds: float) -> None:
    """Gate the scheduler with claims in the shared database, owned by this instance."""
    lease = timedelta(seconds=lease_seconds)
    services.scheduler.gate = JobClaims(services.groups.instance, lease)


def schedule(
    services: Services,
    config: OrgConfig,
    audit: Callable[[GroupRuntime], Awaitable[None]],
    ranking: PointsRanking,
    now: datetime,
) -> None:
    """Register the daily jobs: each group's audit and ranking, then the org's report."""
    scheduler, platform = services.scheduler, services.groups.platform
    for group in services.groups:
        daily = group.policy.audit.daily_at
        if daily is not None:
            job = partial(audit, group)
            scheduler.daily(group_job("audit", platform, group), daily, group.tz, job, now=now)
    for group in services.groups:
        points = group.policy.points
        if points.enabled and points.report_at is not None:
            post = partial(ranking.monthly, group)
            name = group_job("points", platform, group)
            scheduler.daily(name, points.report_at, group.tz, post, now=now)
    if config.org.report_at is not None:
        tz = ZoneInfo(config.timezone)
        report = DailyReport(
            clock=services.clock,
            tz=tz,
            t=services.translate,
            trail=services.trail,
            files_dir=services.files_dir,
        )
        scheduler.daily(REPORT_JOB, config.org.report_at, tz, report.run, now=now)
