"""`qunguan roster import` as HR runs it: the preview, --json, --apply, refusals and exit
codes; a running bot picking the import up (roster reloaded, departed swept, per policy);
and a 10 MB WeCom export."""

from __future__ import annotations

import json
import random
import time
from pathlib import Path

import pytest
from openpyxl import Workbook

from adapters.sim.adapter import SimAdapter
from adapters.sim.world import SimMember, World
from bot.app import App
from bot.core.actions import Remove, Send
from bot.core.clock import VirtualClock
from bot.core.employees import EmployeeIn
from bot.core.org import OrgConfig
from bot.services import roster_import
from bot.services.audit_trail import AuditTrail
from bot.settings import Settings
from bot.storage.db import Database
from bot.storage.models import Employee
from tests.cli import qunguan
from tests.conftest import T0
from tests.hr_files import template_xlsx

ROWS = [
    ["李四", "行政人事部", None, None, "E1", None, None, None],
    ["张三", "财务部", None, None, "E2", None, None, None],
    ["王芳", "财务部", None, None, "E3", None, None, None],
    ["赵六", "销售部", None, None, "E4", None, None, None],
    ["刘洋", "市场部", None, None, "E5", None, None, None],
]


@pytest.mark.slow
def test_preview_json_apply_and_refusals(tmp_path: Path) -> None:
    env = {"DATABASE_URL": f"sqlite://{tmp_path / 'bot.sqlite3'}", "LOCALE": "zh_CN"}
    path = template_xlsx(tmp_path / "名单.xlsx", ROWS)
    preview = qunguan("roster", "import", str(path), env=env)
    assert preview.returncode == 0, preview.stderr
    assert "新增 5 人" in preview.stdout
    assert "未做任何更改" in preview.stdout

    applied = qunguan("roster", "import", str(path), "--apply", "--json", env=env)
    assert applied.returncode == 0, applied.stderr
    report = json.loads(applied.stdout)
    assert {k: report[k] for k in ("added", "updated", "departed", "unchanged", "errors")} == {
        "added": 5,
        "updated": 0,
        "departed": 0,
        "unchanged": 0,
        "errors": [],
    }
    assert report["applied"] is True

    smaller = template_xlsx(tmp_path / "three.xlsx", ROWS[:3])
    refused = qunguan("roster", "import", str(smaller), "--mode", "full", "--apply", env=env)
    assert refused.returncode == 2
    assert "--force" in refused.stdout

    bad = template_xlsx(
        tmp_path / "bad.xlsx", [*ROWS, ["", "研发部"], ["吴敏", "研发部", *[None] * 5, "休假"]]
    )
    result = qunguan("roster", "import", str(bad), "--json", "--lang", "en", env=env)
    assert result.returncode == 2
    errors = json.loads(result.stdout)["errors"]
    assert [(e["row"], e["column"]) for e in errors] == [(8, "A"), (9, "H")]
    assert errors[0]["message"] == "must not be empty"
    assert "休假" in errors[1]["message"]

    missing = qunguan("roster", "import", str(tmp_path / "nope.xlsx"), env=env)
    assert missing.returncode == 2
    assert missing.stderr.count("\n") == 1
    assert "no such file" in missing.stderr
    mode = qunguan("roster", "import", str(path), "--mode", "all", env=env)
    assert (mode.returncode, mode.stderr.count("\n")) == (2, 1)


def company(departed_policy: str) -> OrgConfig:
    return OrgConfig.model_validate(
        {
            "org": {"bot": "群管家", "admins": ["李四"]},
            "groups": [
                {
                    "name": "全员群",
                    "admins": ["李四"],
                    "policy": {"roster.departed": departed_policy, "audit.daily_at": ""},
                }
            ],
        }
    )


async def running_bot(url: str, tmp_path: Path, policy: str) -> tuple[App, SimAdapter]:
    world = World("群管家")
    world.add_group("全员群", "owner")
    for i, display in enumerate(["行政人事部-李四", "财务部-张三", "财务部-王芳", "研发部-新人"]):
        world.join("全员群", SimMember(f"m{i}", display, "李四" if i == 0 else None))
    clock = VirtualClock(T0)
    adapter = SimAdapter(world, clock)
    settings = Settings(_env_file=None, database_url=url, data_dir=tmp_path)
    app = App(
        settings=settings,
        config=company(policy),
        platform=adapter,
        platform_name="sim",
        clock=clock,
        files_dir=tmp_path,
    )
    roster = [EmployeeIn(name=r[0], department=r[1], employee_no=r[4]) for r in ROWS]
    await app.start(roster)
    return app, adapter


@pytest.mark.slow
@pytest.mark.parametrize("policy", ["remove", "report"])
async def test_a_running_bot_picks_up_an_import(
    database_url: str, tmp_path: Path, policy: str
) -> None:
    app, adapter = await running_bot(database_url, tmp_path, policy)
    try:
        group = next(iter(app.services.groups))
        before = {
            c.member.display: c.status for c in (await app.services.snapshots.take(group)).results
        }
        assert (before["财务部-王芳"], before["研发部-新人"]) == ("compliant", "unknown")
        rows = [r for r in ROWS if r[0] != "王芳"] + [["新人", "研发部", *[None] * 6]]
        path = template_xlsx(tmp_path / "hr.xlsx", rows)
        env = {"DATABASE_URL": database_url}
        done = qunguan("roster", "import", str(path), "--mode", "full", "--apply", env=env)
        assert done.returncode == 0, done.stdout + done.stderr
        await app.poll()  # what the runtime does every few seconds
        after = {
            c.member.display: c.status for c in (await app.services.snapshots.take(group)).results
        }
        assert after["研发部-新人"] == "compliant"  # the roster was reloaded
        sent = [d.action for d in adapter.delivered]
        removed = [a.member.display for a in sent if isinstance(a, Remove)]
        alerts = [a for a in sent if isinstance(a, Send) and a.kind == "departed_alert"]
        if policy == "remove":
            assert removed == ["财务部-王芳"]
            assert any(a.kind == "removal_notice" for a in sent if isinstance(a, Send))
        else:
            assert removed == []
            assert [a.members for a in alerts] == [("财务部-王芳",)]
        count = len(adapter.delivered)
        await app.poll()  # the same departures are not swept twice
        assert len(adapter.delivered) == count
    finally:
        await app.stop()


def ten_megabytes(folder: Path) -> tuple[Path, int]:
    """A WeCom export of at least 10 MB, generated (the same every time) into `folder`."""
    path = folder / "wecom-10mb.xlsx"
    rows = 113_000
    rng = random.Random(6)
    book = Workbook(write_only=True)
    sheet = book.create_sheet("通讯录")
    sheet.append(["重庆示例实业有限公司 通讯录（导出时间：2026-11-20）"])
    sheet.append([*WECOM_HEADER])
    for i in range(rows):
        name = "".join(rng.choice(s) for s in (SURNAMES, GIVEN, GIVEN))
        road = "".join(rng.choice(ROADS) for _ in range(6))
        sheet.append(
            [
                name,
                f"u{i:06d}",
                f"alias{i}",
                rng.choice(["工程师", "会计", "销售经理", "专员"]),
                f"重庆示例实业/研发中心/研发{i % 50}部;重庆示例实业/项目组{i % 7}",
                rng.choice("男女"),
                f"1{rng.randint(3000000000, 9999999999)}",
                f"023-{rng.randint(60000000, 69999999)}",
                f"u{i:06d}.{rng.randint(1000, 9999)}@example.com",
                f"重庆市渝中区{road}{rng.randint(1, 999)}号{rng.randint(1, 30)}楼",
                "已激活" if i % 97 else "已禁用",
                "启用",
            ]
        )
    book.save(path)
    return path, rows


@pytest.fixture(scope="session")
def wecom_10mb(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, int]:
    """Generated once a session into a temporary folder (not pytest's cache: the suite runs
    the same with `-p no:cacheprovider` and on a clean checkout)."""
    return ten_megabytes(tmp_path_factory.mktemp("hr"))


WECOM_HEADER: tuple[str, ...] = ("姓名", "账号", "别名", "职务", "部门", "性别", "手机", "座机")
WECOM_HEADER += ("企业邮箱", "地址", "激活状态", "禁用状态")
SURNAMES, GIVEN = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗",
    "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华",
)
ROADS = "解放碑民族路五一路邹容路新华路中山路人民路建设路和平路长江路"


# One backend is enough to read a large file; the writes are the same.
@pytest.mark.slow
@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
async def test_a_10_mb_wecom_export(db: Database, wecom_10mb: tuple[Path, int]) -> None:
    path, rows = wecom_10mb
    assert path.stat().st_size >= 10 * 1024 * 1024
    started = time.perf_counter()
    clock = VirtualClock(T0)
    result = await roster_import.apply(path, clock=clock, audit=AuditTrail(clock), actor="t")
    elapsed = time.perf_counter() - started
    assert result.applied
    assert result.parsed.errors == []
    departed = len(range(0, rows, 97))  # new, and already gone: listed (and stored) as departed
    assert result.plan.counts()["added"] == rows - departed
    assert result.plan.counts()["departed"] == departed
    assert await Employee.all().count() == rows
    assert await Employee.filter(status="departed").count() == departed
    print(f"10 MB import: {rows} rows in {elapsed:.1f}s")  # noqa: T201 - shown with -s
