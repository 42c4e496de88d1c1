"""Several instances on one PostgreSQL and Redis (issue 14): three real bot processes on the
simulator (tests/instances_driver.py), each owning its groups, sharing the roster, warnings,
audit trail, counters and job claims. Every wait is for a condition, bounded generously."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import pytest

from bot.storage.db import Database
from bot.storage.models import AuditEntry, JobClaim
from tests.cli import qunguan
from tests.conftest import REDIS_URL

pytestmark = [pytest.mark.postgres, pytest.mark.redis, pytest.mark.slow]
ROOT = Path(__file__).resolve().parent.parent
TIMEOUT = 240  # seconds for one process: generous under load
DUE = "2026-11-23T18:00:00+08:00"  # org.report_at on the first day
STAFF = ["王伟", "李娜", "张敏", "刘洋", "陈静", "杨磊"]
LEAVER = "销售部-赵离"  # on the roster, in a group of every instance; departs on instance 1


def scenario(instance: int, *, messages: bool, depart: bool = False) -> dict[str, Any]:
    """Instance `instance`'s config: the shared org (roster, report time), its own groups."""
    admin = {"name": "行政人事部-管理员", "remark": "管理员"}
    displays = [f"研发部-{name}" for name in STAFF]
    groups = [f"实例{instance}群{g}" for g in (1, 2)]
    events: list[dict[str, Any]] = [
        {"type": "message", "group": group, "sender": sender, "text": "来赌博吧"}
        for group in groups
        for sender in (displays if messages else displays[:1])
    ]
    if depart:
        leaver = {"name": "赵离", "department": "销售部"}
        events.append({"type": "roster", "op": "depart", "employee": leaver})
    return {
        "start": "2026-11-23T17:00:00+08:00",
        "org": {
            "bot": "群管家",
            "report_at": "18:00",
            "roster": [
                *({"name": n, "department": "研发部"} for n in STAFF),
                {"name": "管理员", "department": "行政人事部"},
                {"name": "赵离", "department": "销售部"},
            ],
            "defaults": {"content.banned_keywords": ["赌博"]},
        },
        "groups": [
            {"name": g, "admins": ["管理员"], "members": [admin, *displays, LEAVER]}
            for g in groups
        ],
        "events": events,
    }


class Fleet:
    """Bot processes on one database and Redis prefix, sharing HR's files folder."""

    def __init__(self, folder: Path, url: str, prefix: str) -> None:
        self.folder, self.url, self.prefix = folder, url, prefix
        self.files = folder / "files"

    def start(self, instance: int, spec: dict[str, Any], *extra: str) -> subprocess.Popen[str]:
        path = self.folder / f"instance{instance}.yaml"
        path.write_text(json.dumps(spec, ensure_ascii=False), encoding="utf-8")
        (self.folder / f"data{instance}").mkdir(exist_ok=True)
        command = [
            sys.executable,
            "-m",
            "tests.instances_driver",
            str(path),
            *("--db", self.url, "--redis", REDIS_URL, "--prefix", self.prefix),
            *("--files", str(self.files), "--data", str(self.folder / f"data{instance}")),
            *("--until", DUE, *extra),
        ]
        return subprocess.Popen(
            command,
            cwd=ROOT,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )

    def go(self, *processes: subprocess.Popen[str]) -> list[tuple[int, dict[str, Any]]]:
        """Wait until each is ready, release them together, collect (exit code, summary)."""
        for process in processes:
            assert process.stdout is not None
            line = process.stdout.readline()
            assert line.strip() == "ready", (line, process.stderr and process.stderr.read())
        for process in processes:
            assert process.stdin is not None
            process.stdin.write("go\n")
            process.stdin.flush()
        results = []
        for process in processes:
            out, err = process.communicate(timeout=TIMEOUT)
            lines = out.strip().splitlines()
            summary = json.loads(lines[-1]) if process.returncode == 0 else {}
            assert process.returncode in (0, -9), err[-3000:]
            results.append((process.returncode, summary))
        return results


@pytest.fixture
def fleet(tmp_path: Path, postgres_url: str, redis_prefix: str) -> Fleet:
    return Fleet(tmp_path, postgres_url, redis_prefix)


@asynccontextmanager
async def database(url: str) -> AsyncIterator[None]:
    db = Database(url)
    await db.open()
    try:
        yield
    finally:
        await db.close()


async def reports(url: str) -> tuple[list[dict[str, Any]], list[JobClaim]]:
    """The daily-report entries of the trail and the report's claims."""
    async with database(url):
        entries = await AuditEntry.filter(kind="daily_report").values_list("data", flat=True)
        claims = await JobClaim.filter(key__startswith="job:report:daily@")
    return list(entries), claims  # type: ignore[arg-type]


def verify(fleet: Fleet) -> str:
    env = {"DATABASE_URL": fleet.url, "REDIS_URL": REDIS_URL, "REDIS_PREFIX": fleet.prefix}
    done = qunguan("audit-log", "verify", "--lang", "en", env=env)
    assert done.returncode == 0, done.stdout + done.stderr
    return done.stdout


async def test_three_instances_run_org_jobs_once_and_share_one_chain(fleet: Fleet) -> None:
    """Three instances at once: each warns in its own groups (concurrent appends to one
    chain), the org-wide report falls due in all three and runs in one, and a departure
    recorded by instance 1 reaches the other two, which remove the leaver from their groups."""
    watch = ("--watch-departure", LEAVER)
    processes = [
        fleet.start(1, scenario(1, messages=True, depart=True)),
        fleet.start(2, scenario(2, messages=True), *watch),
        fleet.start(3, scenario(3, messages=True), *watch),
    ]
    results = fleet.go(*processes)
    assert [code for code, _ in results] == [0, 0, 0]
    summaries = [summary for _, summary in results]
    assert len({s["instance"] for s in summaries}) == 3
    assert sum(s["report_started"] for s in summaries) == 1
    assert sum(s["report_finished"] for s in summaries) == 1
    for summary in summaries:
        assert summary["actions"].count("Send") >= 12  # a warning per message (2 × 6)
        assert "Remove" in summary["actions"]  # the leaver, by the group's own instance
        assert all(LEAVER not in names for names in summary["members"].values())
    entries, claims = await reports(fleet.url)
    assert [e["groups"] for e in entries] == [6]  # every instance's groups, in one report
    assert [(c.token, c.done_at is not None) for c in claims] == [(1, True)]
    assert (fleet.files / "compliance-2026-11-23.xlsx").is_file()
    printed = verify(fleet)
    async with database(fleet.url):
        assert await AuditEntry.filter(kind="action").count() >= 3 * 13
    assert "intact" in printed


async def test_a_claimant_killed_mid_job_is_completed_by_another(fleet: Fleet) -> None:
    """Instance 1 claims the report and dies (kill -9) with the file written and the trail
    entry not; when its lease runs out one of the others completes it, once."""
    lease = ("--lease", "2")
    [(code, _)] = fleet.go(fleet.start(1, scenario(1, messages=False), *lease, "--die-in-job"))
    assert code == -9
    entries, claims = await reports(fleet.url)
    assert entries == [] and [c.done_at for c in claims] == [None]
    results = fleet.go(
        fleet.start(2, scenario(2, messages=False), *lease),
        fleet.start(3, scenario(3, messages=False), *lease),
    )
    assert [code for code, _ in results] == [0, 0]
    assert sum(s["report_started"] for _, s in results) == 1
    assert sum(s["report_finished"] for _, s in results) == 1
    entries, claims = await reports(fleet.url)
    assert len(entries) == 1
    assert [(c.token, c.done_at is not None) for c in claims] == [(2, True)]
    assert (fleet.files / "compliance-2026-11-23.xlsx").is_file()
    assert "intact" in verify(fleet)


async def test_a_claimant_killed_mid_job_completes_it_on_restart(fleet: Fleet) -> None:
    """The only instance scheduling the report dies in it; started again, it takes its own
    claim over at once (no lease to wait for) and completes the report, once."""
    spec = scenario(1, messages=False)
    [(code, _)] = fleet.go(fleet.start(1, spec, "--lease", "3600", "--die-in-job"))
    assert code == -9
    [(code, summary)] = fleet.go(fleet.start(1, spec, "--lease", "3600"))
    assert (code, summary["report_started"], summary["report_finished"]) == (0, 1, 1)
    entries, claims = await reports(fleet.url)
    assert len(entries) == 1
    assert [(c.token, c.done_at is not None) for c in claims] == [(2, True)]
    assert "intact" in verify(fleet)
