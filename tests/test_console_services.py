"""The services under the web console, on SQLite and PostgreSQL: warnings listed live,
expired or revoked and revoked by id with an audit-trail entry (once, all or nothing), and
the daily compliance counts stored per group and day."""

from __future__ import annotations

from datetime import timedelta

from bot.core.clock import VirtualClock
from bot.core.group import group_runtimes
from bot.core.members import MemberView
from bot.core.org import OrgConfig
from bot.services import compliance_history, trail_verify, warning_admin
from bot.services.audit_trail import AuditTrail
from bot.services.roster_match import RosterIndex
from bot.services.snapshot import Snapshot
from bot.storage.db import Database
from bot.storage.models import AuditEntry, ComplianceDay, Group, Warning
from tests.conftest import T0

CONFIG = {"org": {"name": "示例公司"}, "groups": [{"name": "全员群"}, {"name": "别的群"}]}


async def groups() -> list:
    runtimes = group_runtimes(OrgConfig.model_validate(CONFIG))
    for runtime in runtimes:
        row = await Group.create(
            platform="sim", code=runtime.code, name=runtime.name, created_at=T0
        )
        runtime.db_id = row.id
    return runtimes


async def warn(group_id: int, display: str, days_ago: int) -> Warning:
    return await Warning.create(
        group_id=group_id,
        member_key=f"name:{display}",
        display=display,
        rule="ad",
        reason="发广告",
        evidence="加我微信",
        created_at=T0 - timedelta(days=days_ago),
    )


async def test_warnings_listed_and_revoked(db: Database) -> None:
    everyone, other = await groups()
    live, old = await warn(everyone.db_id, "张三", 1), await warn(everyone.db_id, "李四", 40)
    clock = VirtualClock(T0)
    trail = AuditTrail(clock)
    listed = await warning_admin.listed([everyone], T0, "live")
    assert [r.warning.id for r in listed] == [live.id]
    assert [r.warning.id for r in await warning_admin.listed([everyone], T0, "expired")] == [
        old.id
    ]
    # Only warnings of the groups given: another group's console cannot touch it.
    assert (
        await warning_admin.revoke(live.id, [other], clock=clock, trail=trail, actor="x") is None
    )
    done = await warning_admin.revoke(
        live.id, [everyone], clock=clock, trail=trail, actor="web:hr"
    )
    assert done is not None and done.revoked_by == "web:hr"
    again = await warning_admin.revoke(
        live.id, [everyone], clock=clock, trail=trail, actor="web:hr"
    )
    assert again is None
    revoked = await warning_admin.listed([everyone], T0, "revoked")
    assert [r.warning.id for r in revoked] == [live.id]
    entries = await AuditEntry.filter(kind="warning_revoked")
    assert len(entries) == 1 and entries[0].actor == "web:hr" and entries[0].group_code == "全员群"
    assert entries[0].data["member"] == "张三"
    assert (await trail_verify.verify()).ok


async def test_compliance_is_kept_per_group_and_local_day(db: Database) -> None:
    (everyone, _) = await groups()

    def snapshot(compliant: int) -> Snapshot:
        from bot.services.classification import Classification

        members = [MemberView(f"m{i}") for i in range(4)]
        results = [
            Classification(m, "compliant" if i < compliant else "misnamed")
            for i, m in enumerate(members)
        ]
        return Snapshot(everyone, members, results, RosterIndex([]))  # no one missing

    await compliance_history.record(snapshot(1), T0)  # 09:00 in Beijing
    await compliance_history.record(snapshot(3), T0 + timedelta(hours=5))  # the same day
    await compliance_history.record(snapshot(4), T0 + timedelta(hours=20))  # the next day
    assert await ComplianceDay.all().count() == 2
    day = T0.astimezone(everyone.tz).date()
    series = await compliance_history.series([everyone.db_id], day + timedelta(days=1))
    shares = {d: compliance_history.share_compliant(c) for d, c in series[everyone.db_id].items()}
    assert shares == {day: 0.75, day + timedelta(days=1): 1.0}
