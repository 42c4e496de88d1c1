"""The hire date (roster `hired`, the new-hire naming grace): read from HR files, checked
cell by cell, and the grace counted from it in the group's time zone."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from functools import partial
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from pydantic import ValidationError

from bot.core.clock import VirtualClock
from bot.core.employees import EmployeeIn, RosterEntry
from bot.core.errors import ConfigError
from bot.core.policy import NamingPolicy, build_policy
from bot.services import roster_import
from bot.services.audit_trail import AuditTrail
from bot.services.grace import in_grace
from bot.services.roster_file import load_roster_file
from bot.services.roster_import.records import parse_file
from bot.storage.db import Database
from bot.storage.models import Employee
from tests.conftest import T0

SHANGHAI = ZoneInfo("Asia/Shanghai")


def test_hire_dates_are_read_in_the_usual_spellings(tmp_path: Path) -> None:
    path = tmp_path / "roster.csv"
    path.write_text(
        "姓名,部门,入职日期\n"
        "张三,财务部,2026-11-23\n"
        "李四,行政人事部,2026/11/3\n"
        "王五,销售部,2026年1月5日\n"
        "赵六,销售部,2026-11-23 09:30:00\n"
        "钱七,销售部,\n"
        "孙八,销售部,下周一\n"
        "周九,销售部,2026-02-30\n",
        encoding="utf-8",
    )
    parsed = parse_file(path)
    hired = {r.values["name"]: r.values.get("hired") for r in parsed.records}
    assert hired == {
        "张三": date(2026, 11, 23),
        "李四": date(2026, 11, 3),
        "王五": date(2026, 1, 5),
        "赵六": date(2026, 11, 23),
        "钱七": None,
    }
    assert [(e.row, e.column, e.key) for e in parsed.errors] == [
        (7, "C", "import-error-hired"),
        (8, "C", "import-error-hired"),
    ]


def test_the_grace_counts_from_the_hire_day_in_local_time() -> None:
    entry = RosterEntry(1, "新人", "研发部", hired=date(2026, 11, 23))
    naming = NamingPolicy()  # grace 3d
    end = datetime(2026, 11, 26, tzinfo=SHANGHAI)  # 11-23 00:00 Beijing + 3 days
    assert in_grace(entry, naming, SHANGHAI, end - timedelta(seconds=1))
    assert not in_grace(entry, naming, SHANGHAI, end)
    assert not in_grace(entry, naming, SHANGHAI, datetime(2026, 11, 25, 16, 0, tzinfo=UTC))
    assert not in_grace(RosterEntry(2, "老王", "研发部"), naming, SHANGHAI, end)


async def test_an_import_writes_the_hire_date_and_the_account_ids(
    db: Database, tmp_path: Path
) -> None:
    """Added and updated employees keep what the file says of them (not only the name)."""
    path = tmp_path / "roster.csv"
    path.write_text(
        "姓名,部门,工号,入职日期,微信号,telegram_id\n"
        "张三,财务部,E1,2026-11-23,wxid_zs,\n"
        "李四,行政人事部,E2,,,42\n",
        encoding="utf-8",
    )
    clock = VirtualClock(T0)
    apply = partial(roster_import.apply, clock=clock, audit=AuditTrail(clock), actor="cli:hr")
    assert (await apply(path)).applied
    rows = {e.name: (e.hired, e.wechat_id, e.telegram_id) for e in await Employee.all()}
    assert rows == {"张三": (date(2026, 11, 23), "wxid_zs", None), "李四": (None, None, "42")}
    path.write_text(
        "姓名,部门,工号,入职日期,微信号\n张三,财务部,E1,2026-11-20,wxid_zhangsan\n", "utf-8"
    )
    assert (await apply(path)).applied
    zhang = await Employee.get(name="张三")
    assert (zhang.hired, zhang.wechat_id) == (date(2026, 11, 20), "wxid_zhangsan")


def test_a_hire_date_out_of_range_is_refused(tmp_path: Path) -> None:
    """A date the grace cannot be counted from (year 9999) is a row error / one ConfigError."""
    path = tmp_path / "roster.csv"
    path.write_text("姓名,部门,入职日期\n张三,财务部,9999-12-31\n", encoding="utf-8")
    parsed = parse_file(path)
    assert [(e.row, e.key) for e in parsed.errors] == [(2, "import-error-hired")]
    with pytest.raises(ConfigError, match="hired"):
        load_roster_file(path)
    with pytest.raises(ValidationError, match="between 1900 and 2099"):
        EmployeeIn(name="张三", department="财务部", hired=date(1850, 1, 1))


def test_a_roster_file_carries_the_hire_date(tmp_path: Path) -> None:
    path = tmp_path / "staff.csv"
    path.write_text("姓名,部门,入职日期\n张三,财务部,2026-11-23\n", "utf-8")
    (zhang,) = load_roster_file(path)
    assert zhang.hired == date(2026, 11, 23)


@pytest.mark.parametrize("grace", ["367d", "-1d"])
def test_a_grace_out_of_bounds_names_the_key(grace: str) -> None:
    with pytest.raises(ConfigError) as caught:
        build_policy(None, {"naming.grace": grace})
    assert "naming.grace" in caught.value.where
