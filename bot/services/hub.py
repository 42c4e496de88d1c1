"""The services of one running bot, built in the composition root and passed down."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from bot.core.clock import Clock
from bot.core.org import OrgIn
from bot.core.ports import Platform
from bot.core.scheduler import Scheduler
from bot.i18n import Translator
from bot.services.actions import Actuator
from bot.services.audit import AuditService
from bot.services.audit_log import AuditLog
from bot.services.enforcement import Enforcer
from bot.services.export import ExportService
from bot.services.groups import GroupDirectory
from bot.services.members import MemberService
from bot.services.membership import MembershipService
from bot.services.notify import Notifier
from bot.services.roster import RosterService
from bot.services.warnings import WarningService
from bot.storage.counters import Counters


@dataclass
class Services:
    org: OrgIn
    clock: Clock
    t: Translator
    platform: Platform
    groups: GroupDirectory
    counters: Counters
    scheduler: Scheduler
    actuator: Actuator
    notify: Notifier
    roster: RosterService
    members: MemberService
    warnings: WarningService
    enforcer: Enforcer
    audits: AuditService
    membership: MembershipService
    exports: ExportService
    files_dir: Path
    audit_log: AuditLog

    @property
    def company(self) -> str | None:
        return self.org.name


def build_services(
    *,
    org: OrgIn,
    clock: Clock,
    translator: Translator,
    platform: Platform,
    groups: GroupDirectory,
    counters: Counters,
    files_dir: Path,
) -> Services:
    audit_log = AuditLog(clock)
    actuator = Actuator(platform, clock, groups, audit_log)
    notify = Notifier(actuator, translator, platform)
    roster = RosterService(clock)
    members = MemberService(platform, clock)
    warnings = WarningService(clock)
    enforcer = Enforcer(platform, actuator, notify, warnings, members)
    audits = AuditService(
        clock=clock,
        roster=roster,
        members=members,
        enforcer=enforcer,
        notifier=notify,
        counters=counters,
        company=org.name,
    )
    return Services(
        org=org,
        clock=clock,
        t=translator,
        platform=platform,
        groups=groups,
        counters=counters,
        scheduler=Scheduler(),
        actuator=actuator,
        notify=notify,
        roster=roster,
        members=members,
        warnings=warnings,
        enforcer=enforcer,
        audits=audits,
        membership=MembershipService(members, audits, enforcer, notify),
        exports=ExportService(audits, warnings, translator),
        files_dir=files_dir,
        audit_log=audit_log,
    )
