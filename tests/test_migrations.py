"""Upgrades keep data: a database built at the previous migration, with data in every table,
is upgraded by `Database.open()` and found intact (SQLite and PostgreSQL). Also: the two
dialects' migration folders stay in step, and each migration is generated for its dialect."""

from __future__ import annotations

import asyncio
import contextvars
import shutil
from pathlib import Path

from aerich import Command
from tortoise import Tortoise

from bot.core.clock import VirtualClock
from bot.services import trail_verify
from bot.services.audit_trail import AuditTrail
from bot.storage.db import APP, MIGRATIONS, dialect, migration_location, tortoise_config
from bot.storage.models import (
    ActionRecord,
    Binding,
    ComplianceDay,
    ConsoleUser,
    Employee,
    Group,
    JobClaim,
    MemberNumber,
    MemberState,
    Notice,
    NoticeAck,
    PointEntry,
    Warning,
)
from tests.conftest import T0


def _number(path: Path) -> int:
    return int(path.name.split("_", 1)[0])


# Rows as the first schema (0_*_init) knows them, written with its own columns; every later
# schema still has these tables, so they are valid at the migration before the newest.
LEGACY = """
INSERT INTO "employee" ("id", "name", "department", "title", "phone", "employee_no", "aliases",
    "is_exec", "status", "created_at", "updated_at", "departed_at") VALUES
  (1, '张三', '财务部', '会计', '13800000001', 'E001', '["小张"]', {false}, 'active',
   '2026-11-20 01:00:00+00:00', '2026-11-20 01:00:00+00:00', NULL),
  (2, '赵六', '销售部', NULL, NULL, NULL, '[]', {true}, 'departed',
   '2026-11-20 01:00:00+00:00', '2026-11-21 01:00:00+00:00', '2026-11-21 01:00:00+00:00');
INSERT INTO "chat_group" ("id", "platform", "code", "name", "config", "created_at") VALUES
  (1, 'wechat', '全员群', '全员群', '{{"admins": ["李四"]}}', '2026-11-20 01:00:00+00:00');
INSERT INTO "member_state" ("id", "group_id", "key", "display", "identity", "handle",
    "employee_id", "status", "present", "reminders", "last_reminded_at", "first_seen",
    "last_seen") VALUES
  (1, 1, 'name:张三', '张三', NULL, NULL, 1, 'misnamed', {true}, 2,
   '2026-11-21 01:00:00+00:00', '2026-11-20 01:00:00+00:00', '2026-11-21 01:00:00+00:00');
INSERT INTO "binding" ("id", "group_id", "key", "employee_id", "created_by", "created_at") VALUES
  (1, 1, 'name:张三', 1, '李四', '2026-11-20 02:00:00+00:00');
INSERT INTO "warning" ("id", "group_id", "employee_id", "member_key", "display", "rule",
    "reason", "evidence", "issued_by", "created_at", "revoked_at", "revoked_by") VALUES
  (1, 1, 1, 'name:张三', '张三', 'ad', '发广告', '加我微信', '李四',
   '2026-11-21 01:00:00+00:00', NULL, NULL);
INSERT INTO "action_record" ("id", "at", "group_code", "action", "kind", "payload", "outcome",
    "detail", "idempotency_key") VALUES
  (1, '2026-11-21 01:00:00+00:00', '全员群', 'send', 'warning', '{{"text": "警告"}}', 'done',
   '', 'MessageEvent:全员群:m1#1');
"""


TABLES = ("employee", "chat_group", "member_state", "binding", "warning", "action_record")


async def build_previous(url: str, folder: Path) -> None:
    """Apply every migration but the newest, then write the legacy rows with raw SQL."""
    location = folder / "migrations"
    (location / APP).mkdir(parents=True)
    previous = sorted((migration_location(url) / APP).glob("*_*.py"), key=_number)[:-1]
    for path in previous:
        shutil.copy(path, location / APP / path.name)

    async def work() -> None:
        async with Command(tortoise_config(url), app=APP, location=str(location)) as command:
            await command.init()
            applied = await command.upgrade(run_in_transaction=True)
            assert applied == [path.name for path in previous]
            flags = {"false": "0", "true": "1"} if dialect(url) == "sqlite" else {}
            sql = LEGACY.format(false=flags.get("false", "false"), true=flags.get("true", "true"))
            connection = Tortoise.get_connection(dialect(url))
            await connection.execute_script(sql)
            if dialect(url) == "postgres":  # rows written through sequences, as in real life
                for table in TABLES:
                    await connection.execute_script(
                        f"SELECT setval(pg_get_serial_sequence('\"{table}\"', 'id'), "
                        f'(SELECT MAX(id) FROM "{table}"))'
                    )

    await asyncio.create_task(work(), context=contextvars.Context())


async def test_upgrade_keeps_every_row(database_url: str, tmp_path: Path) -> None:
    from bot.storage.db import Database

    await build_previous(database_url, tmp_path)
    db = Database(database_url)
    await db.open()  # applies every later migration
    try:
        zhang, zhao = await Employee.all().order_by("id")
        assert (zhang.name, zhang.department, zhang.title, zhang.employee_no) == (
            "张三",
            "财务部",
            "会计",
            "E001",
        )
        assert zhang.aliases == ["小张"]
        assert zhang.hired is None  # 4_*_employee_hired: no hire date known for old rows
        assert (zhao.status, zhao.is_exec, zhao.departed_at) == ("departed", True, zhao.updated_at)
        assert (zhang.wechat_id, zhang.telegram_id) == (None, None)  # the account ids: new
        group = await Group.get(id=1)
        assert group.config == {"admins": ["李四"]}
        state = await MemberState.get(id=1)
        assert (state.reminders, state.status, state.present, state.reminded_by) == (
            2,
            "misnamed",
            True,
            None,
        )
        binding = await Binding.get(id=1)
        assert (binding.employee_id, binding.created_by) == (1, "李四")
        warning = await Warning.get(id=1)
        assert (warning.reason, warning.evidence, warning.cause_key) == (
            "发广告",
            "加我微信",
            None,
        )
        assert warning.created_at == T0.replace(day=21)
        record = await ActionRecord.get(id=1)
        assert (record.payload, record.idempotency_key) == (
            {"text": "警告"},
            "MessageEvent:全员群:m1#1",
        )
        # The legacy action has no trail entry: an empty trail beside a finished action reads
        # as wiped (docs/operations.md) until the trail's first entry; from there on the
        # chain is fresh, and actions from before it are not counted.
        verdict = await trail_verify.verify()
        assert (verdict.broken, verdict.count) == ("audit-broken-empty", 0)
        await AuditTrail(VirtualClock(T0)).append("backup", {"after": "upgrade"})
        assert (await trail_verify.verify()).ok
        await Employee.create(
            name="新人",
            department="研发部",
            wechat_id="wxid_new",
            hired=T0.date(),
            created_at=T0,
            updated_at=T0,
        )
        assert await Employee.all().count() == 3
        assert await Employee.get(wechat_id="wxid_new")
        await MemberNumber.create(group_id=1, key="name:张三", number=1)  # the numbers table
        assert await MemberNumber.filter(group_id=1).count() == 1
        # the console's tables (the newest migration)
        await ConsoleUser.create(username="hr", password_hash="x", created_at=T0, updated_at=T0)
        assert (await ConsoleUser.get(username="hr")).last_login_at is None
        await ComplianceDay.create(
            group_id=1, day=T0.date(), counts={"compliant": 1, "impostor": 1}, recorded_at=T0
        )
        day = await ComplianceDay.get(group_id=1)
        assert day.counts == {"compliant": 1, "impostor": 1}
        # The notice tables (6_*_notices_points_hired) take a notice and its replies.
        notice = await Notice.create(
            group_id=1,
            text="开会",
            sender="李四",
            opened_at=T0,
            deadline=T0,
            expected=[{"key": "name:张三"}],
        )
        await NoticeAck.create(notice_id=notice.id, member_key="name:张三", display="张三", at=T0)
        assert (await NoticeAck.get(notice_id=notice.id)).late is False
        # The points ledger (point_entry) takes an entry of the upgraded group.
        await PointEntry.create(
            group_id=1,
            member_key="name:张三",
            display="张三",
            month="2026-11",
            rule="warning",
            delta=-5,
            at=T0,
        )
        assert await PointEntry.filter(group_id=1).count() == 1
        # The job claims (7_*_job_claims): one occurrence claimed, then done.
        await JobClaim.create(key="job:report:daily@x", owner="sim:1/a", expires_at=T0)
        claim = await JobClaim.get(key="job:report:daily@x")
        assert (claim.token, claim.done_at) == (1, None)
    finally:
        await db.close()


def test_both_dialects_have_the_same_migrations() -> None:
    def names(folder: str) -> list[str]:
        return sorted(p.name for p in (MIGRATIONS / folder / APP).glob("*.py"))

    assert names("sqlite") == names("postgres")
    for path in (MIGRATIONS / "postgres" / APP).glob("*.py"):
        assert "AUTOINCREMENT" not in path.read_text(encoding="utf-8"), path.name
    for path in (MIGRATIONS / "sqlite" / APP).glob("*.py"):
        assert "SERIAL" not in path.read_text(encoding="utf-8"), path.name
