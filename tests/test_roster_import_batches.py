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


async def test_every_column_a_new_employee_gets_reads_back_as_the_orm_stores_it(
    db: Database, tmp_path: Path
) -> None:
    # The new rows are one plain INSERT (bot.services.roster_import.write): each column must
    # read back as a row tortoise created itself reads back.
    now = datetime(2026, 11, 23, 9, 30, tzinfo=UTC)
    clock = VirtualClock(now)
    path = tmp_path / "all.csv"
    with path.open("w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out)
        header = "姓名 部门 职务 手机 工号 别名 高管 状态 入职日期 微信号 telegram_id"
        writer.writerow(header.split())
        first = "张三 销售部 经理 13800000001 E1 小张；阿三 是 在职 2026-11-02 wxid_zhang 4242"
        writer.writerow(first.split())
        writer.writerow(["李四", "技术部", "", "", "E2", "", "否", "离职", "", "", ""])
    result = await roster_import.apply(path, clock=clock, audit=AuditTrail(clock), actor="hr")
    assert result.applied
    assert result.plan.counts() == {"added": 1, "updated": 0, "departed": 1, "unchanged": 0}
    reference = await Employee.create(
        name="参照",
        department="销售部",
        aliases=["小张", "阿三"],
        is_exec=True,
        hired=datetime(2026, 11, 2).date(),
        created_at=now,
        updated_at=now,
    )
    stored = {e.name: e for e in await Employee.all()}
    zhang, li, ref = stored["张三"], stored["李四"], stored["参照"]
    assert (zhang.department, zhang.title, zhang.phone) == ("销售部", "经理", "13800000001")
    assert (zhang.employee_no, zhang.wechat_id, zhang.telegram_id) == ("E1", "wxid_zhang", "4242")
    assert zhang.aliases == ref.aliases == ["小张", "阿三"]
    assert zhang.is_exec is ref.is_exec is True
    assert zhang.hired == ref.hired == datetime(2026, 11, 2).date()
    assert zhang.created_at == zhang.updated_at == ref.created_at == now
    assert (zhang.status, zhang.departed_at) == ("active", None)
    assert (li.status, li.departed_at, li.is_exec, li.aliases) == ("departed", now, False, [])
    assert (li.title, li.phone, li.hired, li.wechat_id) == (None, None, None, None)
    assert reference.id not in (zhang.id, li.id)


def test_the_import_holds_text_to_each_column_s_length() -> None:
    # The plain INSERT skips tortoise's length check: the parsers' limits must be the model's.
    from bot.services.roster_import.fields import LIMITS

    for field, limit in LIMITS.items():
        assert Employee._meta.fields_map[field].max_length == limit, field  # type: ignore[attr-defined]


async def test_an_update_writes_the_file_s_changes_and_keeps_when_someone_left(
    db: Database, tmp_path: Path
) -> None:
    # Changed rows are one plain UPDATE by id (bot.services.roster_import.write).
    first, later = datetime(2026, 11, 2, 9, tzinfo=UTC), datetime(2026, 11, 23, 9, tzinfo=UTC)
    header = ["姓名", "部门", "职务", "手机", "工号", "别名", "高管", "状态", "入职日期"]

    async def import_at(at: datetime, name: str, rows: list[str]) -> None:
        path = tmp_path / name
        with path.open("w", encoding="utf-8", newline="") as out:
            writer = csv.writer(out)
            writer.writerow(header)
            writer.writerows(row.split(",") for row in rows)
        clock = VirtualClock(at)
        result = await roster_import.apply(
            path, clock=clock, audit=AuditTrail(clock), actor="hr", force=True
        )  # forced: one of two leaving is over the departure guard, not what this tests
        assert result.applied

    await import_at(
        first,
        "a.csv",
        [
            "张三,销售部,经理,13800000001,E1,,否,在职,2026-11-01",
            "李四,技术部,,13800000002,E2,,否,离职,",
            "王五,技术部,,13800000003,E3,,否,在职,",
        ],
    )
    await import_at(
        later,
        "b.csv",
        [
            "张三,市场部,总监,13800000009,E1,小张；三哥,是,在职,2026-11-05",
            "李四,技术部,,13900000002,E2,,否,离职,",  # a new phone; still departed
            "王五,技术部,,13800000003,E3,,否,离职,",  # leaves now
        ],
    )
    stored = {e.name: e for e in await Employee.all()}
    zhang, li, wang = stored["张三"], stored["李四"], stored["王五"]
    assert (zhang.department, zhang.title, zhang.phone) == ("市场部", "总监", "13800000009")
    assert (zhang.aliases, zhang.is_exec) == (["小张", "三哥"], True)
    assert zhang.hired == datetime(2026, 11, 5).date()
    assert (zhang.created_at, zhang.updated_at, zhang.departed_at) == (first, later, None)
    assert (li.phone, li.status, li.departed_at, li.updated_at) == (
        "13900000002",
        "departed",
        first,  # left before this import: when stays as it was
        later,
    )
    assert (wang.status, wang.departed_at) == ("departed", later)
