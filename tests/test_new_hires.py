"""The hire date (roster `hired`, the new-hire naming grace): read from HR files, checked
cell by cell, and the grace counted from it in the group's time zone."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from bot.core.employees import RosterEntry
from bot.core.policy import NamingPolicy
from bot.services.grace import in_grace
from bot.services.roster_import.records import parse_file

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
