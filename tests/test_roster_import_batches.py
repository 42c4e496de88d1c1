"""An import larger than one write batch: new employees and changed ones are written a batch
at a time in one transaction, on SQLite and PostgreSQL (a bulk update of 1,000 rows passed
asyncpg's 32,767 arguments per statement)."""

from __future__ import annotations

import csv
from datetime import UTC, datetime
from pathlib import Path

from bot.core.clock import VirtualClock
from bot.services import roster_import
from bot.services.audit_trail import AuditTrail
from bot.services.roster_import.write import BATCH, UPDATE_BATCH
from bot.storage.db import Database
from bot.storage.models import Employee

PEOPLE = BATCH + UPDATE_BATCH + 100  # more than a batch of each


def roster_csv(path: Path, phone_prefix: str, departed_every: int = 0) -> Path:
    with path.open("w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out)
        writer.writerow(["姓名", "部门", "工号", "手机", "状态"])
        for i in range(PEOPLE):
            left = departed_every and i % departed_every == 0
            status = "离职" if left else "在职"
            writer.writerow(
                [f"员工{i}", f"部门{i % 7}", f"E{i:05d}", f"{phone_prefix}{i:08d}", status]
            )
    return path


async def test_batches_of_new_and_changed_employees_all_land(db: Database, tmp_path: Path) -> None:
    clock = VirtualClock(datetime(2026, 11, 23, 9, tzinfo=UTC))
    first = await roster_import.apply(
        roster_csv(tmp_path / "a.csv", "138"), clock=clock, audit=AuditTrail(clock), actor="hr"
    )
    assert first.applied and first.plan.counts()["added"] == PEOPLE
    assert await Employee.all().count() == PEOPLE
    second = await roster_import.apply(
        roster_csv(tmp_path / "b.csv", "139", departed_every=10),
        clock=clock,
        audit=AuditTrail(clock),
        actor="hr",
    )
    assert second.applied
    departed = len(range(0, PEOPLE, 10))
    assert second.plan.counts() == {
        "added": 0,
        "updated": PEOPLE - departed,
        "departed": departed,
        "unchanged": 0,
    }
    phones = await Employee.all().values_list("phone", flat=True)
    assert len(phones) == PEOPLE and all(str(p).startswith("139") for p in phones)
    assert await Employee.filter(status="departed").count() == departed
    assert await Employee.filter(status="departed", departed_at=None).count() == 0
