"""The services of one running bot, built in the composition root and passed down."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from bot.core.clock import Clock
from bot.core.org import OrgIn
from bot.core.ports import Platform
from bot.core.scheduler import Scheduler
from bot.i18n import Translator
from bot.services.action_log import ActionLog
from bot.services.actions import Actuator
from bot.services.audit_notices import AuditNotices
from bot.services.audit_trail import AuditTrail
from bot.services.enforcement import Enforcer
from bot.services.groups import GroupDirectory
from bot.services.impostors import ImpostorWatch
from bot.services.joins import JoinService
from bot.services.member_audit import MemberAudit
from bot.services.members import MemberService
from bot.services.membership import MembershipWatch
from bot.services.notices import NoticeService
from bot.services.notify import Notifier
from bot.services.points import PointsService
from bot.services.registry import RegistryService
from bot.services.roster import RosterService
from bot.services.snapshot import Snapshots
from bot.services.warnings import WarningService
from bot.services.workbook import WorkbookService
from bot.storage.anchors import Anchors
from bot.storage.counters import Counters


@dataclass
class Services:
    org: OrgIn
    clock: Clock
    translate: Translator
    platform: Platform
    groups: GroupDirectory
    counters: Counters
    scheduler: Scheduler
    actuator: Actuator
    action_log: ActionLog
    notify: Notifier
    roster: RosterService
    members: MemberService
    warnings: WarningService
    enforcer: Enforcer
    snapshots: Snapshots
    audit_notices: AuditNotices
    member_audit: MemberAudit
    joins: JoinService
    impostors: ImpostorWatch
    workbooks: WorkbookService
    files_dir: Path
    trail: AuditTrail
    notices: NoticeService
    registry: RegistryService
    membership: MembershipWatch
    points: PointsService

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
    anchors: Anchors | None = None,
) -> Services:
    trail = AuditTrail(clock, anchors)
    actuator = Actuator(platform, clock, groups, trail)
    notify = Notifier(actuator, translator, platform)
    roster = RosterService(clock)
    members = MemberService(platform, clock)
    warnings = WarningService(clock)
    enforcer = Enforcer(platform, actuator, notify, warnings, members)
    snapshots = Snapshots(roster, members, org.name)
    notices = AuditNotices(clock=clock, notifier=notify, counters=counters)
    impostors = ImpostorWatch(
        clock=clock, notifier=notify, counters=counters, snapshots=snapshots, members=members
    )
    member_audit = MemberAudit(
        clock=clock, snapshots=snapshots, enforcer=enforcer, notices=notices, impostors=impostors
    )
    scheduler = Scheduler()
    points = PointsService(clock, roster)
    warnings.listeners.append(points.on_warning)
    return Services(
        org=org,
        clock=clock,
        translate=translator,
        platform=platform,
        groups=groups,
        counters=counters,
        scheduler=scheduler,
        actuator=actuator,
        action_log=ActionLog(),
        notify=notify,
        roster=roster,
        members=members,
        warnings=warnings,
        enforcer=enforcer,
        snapshots=snapshots,
        audit_notices=notices,
        member_audit=member_audit,
        joins=JoinService(members, snapshots, notices, enforcer, notify, impostors),
        impostors=impostors,
        workbooks=WorkbookService(snapshots, roster, warnings, translator, points),
        files_dir=files_dir,
        trail=trail,
        notices=NoticeService(
            clock=clock,
            snapshots=snapshots,
            notify=notify,
            scheduler=scheduler,
            groups=groups,
            points=points,
        ),
        registry=RegistryService(notify, org.name),
        membership=MembershipWatch(
            clock=clock, members=members, snapshots=snapshots, enforcer=enforcer, notify=notify
        ),
        points=points,
    )
