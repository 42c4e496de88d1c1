"""The audit trail end to end: a replay's actions and admin commands land in it, and
`qunguan audit-log verify|export` report on it as an operator sees it."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from openpyxl import load_workbook

from adapters.sim.replay import Replay
from adapters.sim.scenario import load_scenario
from bot.services import trail_verify
from bot.services.spreadsheet import first_sheet
from bot.settings import Settings
from bot.storage.db import Database
from bot.storage.models import ActionRecord, AuditEntry
from tests.cli import qunguan

SCENARIO = Path(__file__).with_name("restart") / "company.yaml"


async def play(url: str, files: Path) -> None:
    settings = Settings(_env_file=None, database_url=url, data_dir=files)
    await Replay(load_scenario(SCENARIO), settings, files).run()


async def test_every_action_and_admin_command_is_in_the_chain(
    database_url: str, tmp_path: Path
) -> None:
    await play(database_url, tmp_path)
    db = Database(database_url)
    await db.open()
    try:
        assert (await trail_verify.verify()).ok
        actions = await ActionRecord.exclude(outcome="pending").values_list(
            "idempotency_key", flat=True
        )
        logged = await AuditEntry.filter(kind="action").values_list("key", flat=True)
        assert sorted(logged) == sorted(actions)
        commands = await AuditEntry.filter(kind="command").order_by("seq")
        names = [c.data["command"] for c in commands]
        assert names.count("warn") == 2
        assert {"rename", "kick", "audit", "roster", "roster export", "warns"} <= set(names)
        denied = [c for c in commands if c.data["result"] == "denied"]
        assert [(c.data["command"], c.actor) for c in denied] == [("kick", "张三")]
        assert all(c.actor == "李四" for c in commands if c.group_code == "财务部工作群")
    finally:
        await db.close()


@pytest.mark.slow
def test_verify_and_export_from_the_command_line(tmp_path: Path) -> None:
    import asyncio

    url = f"sqlite://{tmp_path / 'bot.sqlite3'}"
    asyncio.run(play(url, tmp_path))
    env = {"DATABASE_URL": url, "LOCALE": "en"}
    ok = qunguan("audit-log", "verify", env=env)
    assert ok.returncode == 0, ok.stderr
    first, checked = ok.stdout.splitlines()
    assert "intact" in first
    assert "Checked against the latest anchor" in checked  # the replay anchored its appends
    printed = first.split()[-1]  # exactly what --anchor takes
    seq, head = printed.split(":")
    assert qunguan("audit-log", "verify", "--anchor", printed, env=env).returncode == 0

    out = tmp_path / "trail.jsonl"
    assert qunguan("audit-log", "export", "--out", str(out), env=env).returncode == 0
    lines = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert (lines[-1]["seq"], lines[-1]["hash"]) == (int(seq), head)
    assert qunguan("audit-log", "verify", "--file", str(out), env=env).returncode == 0
    anchor = f"{lines[9]['seq']}:{lines[9]['hash']}"
    assert qunguan("audit-log", "verify", "--anchor", anchor, env=env).returncode == 0

    for suffix in ("csv", "xlsx"):
        path = tmp_path / f"trail.{suffix}"
        assert qunguan("audit-log", "export", "--out", str(path), env=env).returncode == 0
    with (tmp_path / "trail.csv").open(encoding="utf-8-sig", newline="") as handle:
        assert len(list(csv.reader(handle))) == len(lines) + 1
    sheet = first_sheet(load_workbook(tmp_path / "trail.xlsx"))
    assert sheet.max_row == len(lines) + 1
    assert sheet.freeze_panes == "A2"

    _tamper(url, seq=7)
    broken = qunguan("audit-log", "verify", env=env)
    assert broken.returncode == 1
    assert "entry 7" in broken.stdout
    assert "edited" in broken.stdout
    rewritten = qunguan(
        "audit-log", "verify", "--file", str(out), "--anchor", "3:" + "0" * 64, env=env
    )
    assert rewritten.returncode == 1
    assert "rewritten" in rewritten.stdout


@pytest.mark.slow
def test_bad_input_is_one_line(tmp_path: Path) -> None:
    env = {"DATABASE_URL": f"sqlite://{tmp_path / 'bot.sqlite3'}"}
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"seq": 1}\n', encoding="utf-8")
    for args in (["verify", "--file", str(bad)], ["export", "--out", "trail.txt"]):
        done = qunguan("audit-log", *args, env=env, cwd=tmp_path)
        assert done.returncode == 2
        assert len(done.stderr.strip().splitlines()) == 1
        assert "Traceback" not in done.stderr


@pytest.mark.slow
def test_a_cut_tail_is_found_by_the_anchor_kept_beside_the_database(tmp_path: Path) -> None:
    import asyncio

    url = f"sqlite://{tmp_path / 'bot.sqlite3'}"
    asyncio.run(play(url, tmp_path))
    env = {"DATABASE_URL": url, "LOCALE": "en"}
    assert any((tmp_path / "audit-anchors").glob("anchors-*.txt"))
    import sqlite3

    conn = sqlite3.connect(tmp_path / "bot.sqlite3")
    with conn:
        (digest,) = conn.execute("SELECT hash FROM audit_entry WHERE seq = 3").fetchone()
        conn.execute("DELETE FROM audit_entry WHERE seq > 3")
        conn.execute("UPDATE audit_head SET seq = 3, hash = ?", (digest,))
    conn.close()
    cut = qunguan("audit-log", "verify", env=env)
    assert cut.returncode == 1
    assert "entry 4 onwards" in cut.stdout and "cut from the end" in cut.stdout
    assert len(cut.stdout.strip().splitlines()) == 1


def _tamper(url: str, seq: int) -> None:
    import sqlite3

    conn = sqlite3.connect(url.removeprefix("sqlite://"))
    with conn:
        conn.execute("UPDATE audit_entry SET actor = 'someone else' WHERE seq = ?", (seq,))
    conn.close()
